"""The parsed article as the rules read it: its text, where its quotes are, its sentences."""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import IDX, IS_SPACE, POS
from spacy.language import Language
from spacy.symbols import IDS
from spacy.tokens import Doc, Span, Token


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """A paragraph break ends a sentence, for the parser to respect: a headline or a dateline
    without a full stop must not run on into the story's first sentence, where the parser
    takes it for the subject of its verb."""
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


def prepare(doc: Doc, text: str, quotes: list[tuple[int, int]]) -> None:
    """Keep what every rule asks for on the parse, computed once."""
    doc.user_data["text"] = text  # Doc.text joins every token anew on each use
    doc.user_data["in_quote"] = marks(quotes, len(text))
    doc.user_data["sentences"] = list(doc.sents)
    doc.user_data["sentence_starts"] = [s.start for s in doc.user_data["sentences"]]
    doc.user_data["token_starts"] = doc.to_array(IDX).tolist()
    doc.user_data["pos"] = doc.to_array(POS)


def marks(spans: list[tuple[int, int]], size: int) -> bytearray:
    """One byte per character of the text: 1 inside a span or on the marks around it."""
    marked = bytearray(size + 1)
    for start, end in spans:
        marked[max(0, start - 1) : end + 1] = b"\x01" * (end + 1 - max(0, start - 1))
    return marked


def text_of(doc: Doc) -> str:
    return doc.user_data["text"]


def in_quote(doc: Doc) -> bytearray:
    return doc.user_data["in_quote"]


def sentences(doc: Doc) -> list[Span]:
    return doc.user_data["sentences"]


def sentence_of(token: Token) -> Span:
    # Token.sent walks the document's sentences on every call; this looks it up.
    doc = token.doc
    return sentences(doc)[bisect.bisect_right(doc.user_data["sentence_starts"], token.i) - 1]


def tokens_of(doc: Doc, *parts: str, also: numpy.ndarray | None = None) -> list[Token]:
    """The words of these parts of speech (and those `also` marks), in order. A rule that
    looks only at verbs reads them from an array: making a Token of every word is most of
    the cost of a pass over the document."""
    wanted = numpy.isin(doc.user_data["pos"], [IDS[part] for part in parts])
    if also is not None:
        wanted |= also
    return [doc[i] for i in numpy.flatnonzero(wanted).tolist()]


def token_at(doc: Doc, offset: int) -> Token:
    """The token that covers a character offset."""
    return doc[bisect.bisect_right(doc.user_data["token_starts"], offset) - 1]


def phrase(token: Token) -> str:
    """A name with the words that make it up: "Politico Europe", "the Valley Ledger"."""
    words = [t for t in token.subtree if t.dep_ in ("compound", "flat", "amod") or t is token]
    return token.doc[min(t.i for t in words) : token.i + 1].text
