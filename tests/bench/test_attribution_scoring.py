"""bench/attribution reads brat standoff and matches attributions the way PolNeAR's README asks."""

import importlib.util
import sys
from pathlib import Path

import pytest

_path = Path(__file__).resolve().parents[2] / "bench" / "attribution_corpus.py"
_spec = importlib.util.spec_from_file_location("attribution_corpus", _path)
corpus = importlib.util.module_from_spec(_spec)
sys.modules["attribution_corpus"] = corpus
_spec.loader.exec_module(corpus)

TEXT = (
    "“We will win,” Smith said. “And soon.”\n"
    "The senator said that taxes would rise next year.\n"
    "Taxes are high, according to officials."
)


def at(fragment: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(fragment, start + 1)
    return start, start + len(fragment)


def t_line(n: int, label: str, *fragments: str) -> str:
    spans = [at(f) for f in fragments]
    ranges = ";".join(f"{s} {e}" for s, e in spans)
    return f"T{n}\t{label} {ranges}\t{' '.join(TEXT[s:e] for s, e in spans)}"


ANN = "\n".join(
    [
        # A quote interrupted by its cue: one attribution with a discontinuous Content span.
        t_line(1, "Content", "“We will win,”", "“And soon.”"),
        t_line(2, "Source", "Smith"),
        t_line(3, "Cue", "said"),
        t_line(4, "Attribution", "said"),
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        t_line(5, "Source", "The senator"),
        t_line(6, "Cue", "said that"),
        t_line(7, "Content", "taxes would rise next year"),
        t_line(8, "Attribution", "said that"),
        "E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7",
        # No source: the part is simply missing from the event line.
        t_line(9, "Content", "Taxes are high"),
        t_line(10, "Cue", "according to officials"),
        t_line(11, "Attribution-no-source", "according to officials"),
        "E3\tAttribution-no-source:T11 Content:T9 Cue:T10",
        t_line(12, "Discard", "Taxes"),
        "E4\tAttribution-no-source:T11",
    ]
)


def test_brat_spans_events_and_discontinuous_content(tmp_path):
    gold = corpus.parse_ann(TEXT, ANN)
    assert len(gold) == 3  # E4 has no content and is dropped
    quote, said, according = gold
    assert quote.content == (at("“We will win,”"), at("“And soon.”"))
    assert quote.source == (at("Smith"),)
    assert quote.cue == (at("said"),)
    assert said.source == (at("The senator"),)
    assert said.content == (at("taxes would rise next year"),)
    assert according.source == () and according.cue == (at("according to officials"),)
    assert [g.kind for g in gold] == ["direct", "indirect", "indirect"]


def test_quotes_inside_or_around_the_span_make_it_direct():
    text = "He said “we will win,” loudly. He said ''no.'' She said it was 'fine' today."
    inner = text.index("we will win")
    assert corpus.is_direct(text, ((inner, inner + len("we will win")),))
    nyt = text.index("''no.''")
    assert corpus.is_direct(text, ((nyt, nyt + len("''no.''")),))
    plain = text.index("it was")
    assert not corpus.is_direct(text, ((plain, plain + len("it was 'fine' today")),))


def test_load_split_takes_the_first_annotator_by_name(tmp_path):
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "dev" / "text" / "outlet_2016_story.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "outlet_2016_story_b222.ann").write_text(ANN)
    (tmp_path / "dev" / "attributions" / "outlet_2016_story_a111.ann").write_text(
        "\n".join(ANN.splitlines()[:5])
    )
    [article] = corpus.load_split(tmp_path, "dev")
    assert article.name == "outlet_2016_story" and len(article.gold) == 1


def test_content_matches_by_half_the_shorter_span_one_to_one():
    tokens = corpus.Tokens(TEXT)
    gold = corpus.parse_ann(TEXT, ANN)
    start, end = at("taxes would rise next year")
    half = corpus.Attribution(content=((start - 10, start + len("taxes would")),))
    # 2 of the 4 predicted tokens ("said that taxes would") are gold: exactly half.
    assert corpus.overlap(tokens.of(half.content), tokens.of(gold[1].content)) == 0.5
    # "senator said that taxes": a word cut by the span still counts as covered, 1 of 4 is gold.
    less = corpus.Attribution(content=((start - 14, start + len("taxes")),))
    twice = corpus.Attribution(content=((start, end),))
    assert corpus.match(tokens, gold, [half, less]) == [(1, 0)]
    # Two predictions for one gold: the better one is matched, the other is a false positive.
    assert corpus.match(tokens, gold, [half, twice]) == [(1, 1)]


def test_scores_of_sources_and_cues_on_matched_pairs():
    gold = corpus.parse_ann(TEXT, ANN)
    first = at("“We will win,”")
    predicted = [
        # Half of a split quote, the right speaker span and cue.
        corpus.Attribution(content=(first,), source=(at("Smith"),), cue=(at("said"),)),
        # The right content; the speaker is only resolved by name, and the cue is wrong.
        corpus.Attribution(
            content=(at("taxes would rise next year"),),
            speaker="Senator Jane Smith",
            cue=(at("rise"),),
        ),
        # Not an attribution at all, quoted so counted as a direct false positive.
        corpus.Attribution(content=(at("“And soon.”"),), cue=(at("said", 1),)),
    ]
    counts = corpus.score_article(TEXT, gold, predicted)
    direct, indirect, overall = counts["direct"], counts["indirect"], counts["all"]
    assert (direct.gold, direct.predicted, direct.found) == (1, 2, 1)
    assert (indirect.gold, indirect.predicted, indirect.found) == (2, 1, 1)
    assert (direct.sources, direct.cues) == (1, 1)
    # "Senator Jane Smith" shares only a title with "The senator", which proves nothing.
    assert (indirect.sources, indirect.cues) == (0, 0)
    assert overall.gold_sources == 2 and overall.predicted_sources == 2
    assert overall.exact == 1
    assert overall.split_quotes == 1  # the second half of the interrupted quote
    scores = overall.scores()
    assert scores["found_precision"] == pytest.approx(2 / 3)
    assert scores["found_recall"] == pytest.approx(2 / 3)
    assert scores["cue_precision"] == pytest.approx(1 / 3)
    assert scores["exact_f1"] == pytest.approx(1 / 3)


def test_a_resolved_name_counts_as_the_same_source():
    text = "Hillary Clinton spoke. Clinton said taxes rise."
    gold = corpus.Attribution(content=((36, 47),), source=((23, 30),))
    assert corpus.same_source(
        text, gold, corpus.Attribution(((36, 47),), speaker="Hillary Clinton")
    )
    assert not corpus.same_source(text, gold, corpus.Attribution(((36, 47),), speaker="Mr. Trump"))
    assert not corpus.same_source(text, gold, corpus.Attribution(((36, 47),), source=((0, 7),)))
