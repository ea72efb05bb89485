"""Direct quotes: the passages between quotation marks, the cue that frames each, and the
forms that credit a quote without one ("― Pamela Padilla", "PENCE: …", "according to")."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from .cues import QUOTE_VERBS, lemma, words
from .document import in_quote, text_of, token_at, tokens_of
from .outlets import is_outlet
from .records import Attribution
from .speakers import People, credit, name_words

QUOTE_OPEN = "“«„"
QUOTE_CLOSE = "”»"
# Shorter quoted bits are phrases, titles and scare quotes, unless a speech verb frames them
# and they end as a sentence does ("“No,” he said").
MIN_QUOTE_WORDS = 4
SENTENCE_END = re.compile(r"(\w*)([.!?])[”\"’']?\s+[A-Z“\"]")
ABBREVIATIONS = words(
    """
    mr mrs ms dr prof sen rep gov gen lt col sgt capt st jr sr rev hon pres supt insp det
    no vs etc inc corp ltd co
    """
)
# "“…” ― Pamela Padilla": a quote signed with a dash.
DASH_CREDIT = re.compile(r"[”\"’']?\s*([―—–])\s*((?:[A-Z][\w.’'-]*\s?){1,4})")
# "PENCE: Well, look…" and "Pat Caddell: Voters Worried…": a name, a colon, their words.
COLON_LINE = re.compile(r"(?m)^[ \t]*[\"“]?((?:[A-Z][\w.’'-]*[ \t]?){1,4}):[ \t]+(\S.*)$")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted passage, marks excluded; a quote that runs on into the next
    paragraph (which reopens with the same kind of mark, by convention) is one passage."""
    # Two apostrophes quote in some house styles (''…''): read them as a plain mark, in a
    # copy of the same length so that offsets still index the text.
    text = text.replace("''", ' "')
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        mark = text[i]
        if not (
            mark in QUOTE_OPEN
            or (mark == '"' and _opens(text, i))
            or (mark == "”" and _opens_paragraph(text, i))
        ):
            i += 1
            continue
        plain = mark == '"'
        closing = '"' if plain else QUOTE_CLOSE
        j, nested = i + 1, 0
        while j < n and text[j] not in closing and not _closes_plainly(text, j):
            # '"Oz has a huge bully pulpit,” said': a plain mark closed by a typographic one,
            # unless that one closes a quote within the quote.
            nested += plain and text[j] == "“"
            if plain and text[j] == "”":
                if not nested:
                    break
                nested -= 1
            if text[j] == "\n":
                k = j
                while k < n and text[k].isspace():
                    k += 1
                if k < n and (text[k] == '"' if plain else text[k] in QUOTE_OPEN):
                    j = k + 1  # the quote goes on in the next paragraph
                    continue
                break  # a paragraph that opens a quote and never closes it
            j += 1
        spans.append((i + 1, j))
        i = j + 1
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _closes_plainly(text: str, i: int) -> bool:
    # “no evidence": a typographic quote closed with a plain mark, right after a word.
    return text[i] == '"' and not text[i - 1].isspace()


def _opens_paragraph(text: str, i: int) -> bool:
    # ”Mr. Trump embodies …” ― a closing mark typed for an opening one, where nothing
    # before it on its line could be quoted.
    return not text[text.rfind("\n", 0, i) + 1 : i].strip() and text[i + 1 : i + 2].isalnum()


def _opens(text: str, i: int) -> bool:
    # A plain mark opens a quote at the start of a word, not after one.
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:,") and not after.isspace()


def quote_cues(doc: Doc) -> list[Token]:
    """The verbs of saying outside quotes, in order: what may frame a quote."""
    quoted = in_quote(doc)
    return [
        t for t in tokens_of(doc, "VERB", "AUX") if t.lemma_ in QUOTE_VERBS and not quoted[t.idx]
    ]


def direct(doc: Doc, start: int, end: int, cues: list[Token], people: People) -> Attribution | None:
    """The quote between these offsets with its cue and speaker, or None for a quoted phrase
    that nobody is said to have said."""
    text = text_of(doc)
    quote = text[start:end].strip()
    words = quote.split()
    if len(words) < MIN_QUOTE_WORDS and (
        quote[-1:] not in ",.!?" or all(w[:1].isupper() for w in words)
    ):
        return None  # a phrase, a title or scare quotes: part of the sentence around it
    cue = _cue_near(doc, start, end, cues)
    if cue is None or cue.idx < start:
        # A colon hands the quote over, unless a verb after the quote frames it: "… is
        # recorded in detail:\n\n“Here comes Big Daddy,” she said".
        cue = _colon_cue(doc, start) or cue
    # The comma before the cue belongs to the sentence, not to what was said.
    end = start + len(text[start:end].rstrip(" ,;:\n"))
    found = Attribution("direct", text[start:end].strip(), start, end)
    if cue is None:
        if len(words) < MIN_QUOTE_WORDS:
            return None
        return _dash_credit(doc, found, end, people) or _according_to_quote(doc, found, end)
    credit(found, cue, people)
    if found.speaker_mention is None:
        after_quote = cue.idx > end
        between = (
            doc[token_at(doc, end).i : cue.i]
            if after_quote
            else doc[cue.i : token_at(doc, start).i]
        )
        _name_beside(found, between, people)
    return found


def _name_beside(found: Attribution, between: Span, people: People) -> None:
    """ "“…,” Flynn, a top Trump surrogate, said" and "Said Ellis: “…”": the name between a
    quote and its cue, when the parse hangs it elsewhere."""
    name = next((t for t in between if t.pos_ == "PROPN" and t.ent_type_ == "PERSON"), None)
    if name is None or len(between) > 12:
        return
    span = between.doc[name.i : name.i + 1]
    while span.end < between.end and span.doc[span.end].ent_iob_ == "I":
        span = span.doc[span.start : span.end + 1]
    found.speaker_mention = span.text
    found.speaker_start, found.speaker_end = span.start_char, span.end_char
    found.speaker = people.full_name(name_words(span))
    found.speaker_role = people.roles.get(found.speaker)


def continues(last: Attribution | None, found: Attribution, cue: Token | None) -> bool:
    """Whether a quote goes on from the last one across their shared cue, with nothing but
    the cue's frame between them: "“…,” she said on Monday, “…”", not "“…,” she said she
    wanted to speak “…”", where the cue's own clause comes between."""
    if last is None or cue is None or last.cue_start != found.cue_start:
        return False
    if last.kind != "direct" or found.kind != "direct":
        return False
    quoted = in_quote(cue.doc)
    return not any(
        child.dep_ in ("ccomp", "xcomp", "attr")
        and not quoted[child.idx]
        and last.content_end <= child.idx < found.content_start
        for child in cue.children
    )


def _colon_cue(doc: Doc, start: int) -> Token | None:
    """ "Limbaugh continued: “…”" and "The New York Times reports: “…”": whatever the verb,
    a colon right before the quote hands it over."""
    text = text_of(doc)
    before = text[: start - 1].rstrip()
    if not before.endswith(":"):
        return None
    colon = token_at(doc, len(before) - 1)
    token = colon.head
    # "Sanders made the following comment:": up from the noun to its verb.
    for _ in range(3):
        if token.pos_ == "VERB" or token.head is token:
            break
        token = token.head
    if token.pos_ == "VERB" and token.i < colon.i and token.idx > text.rfind("\n", 0, colon.idx):
        return token
    return None


def _cue_near(doc: Doc, start: int, end: int, cues: list[Token]) -> Token | None:
    """The speech verb that frames a quote: right after it ("…," Austin said), else right
    before it (Austin said: "…"), in the same paragraph and sentence, outside any quote."""
    text = text_of(doc)
    best: tuple[int, Token] | None = None
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    starts = [cue.idx for cue in cues]
    first = bisect.bisect_left(starts, paragraph_start)
    last = bisect.bisect_left(starts, paragraph_end)
    quoted = in_quote(doc)
    closed = text[start:end].rstrip().endswith(".")
    for token in cues[first:last]:
        if token.idx >= end:
            between = text[end : token.idx]
            if _ends_sentence(between) or any(quoted[end + 1 : token.idx]):
                continue
            if closed and re.match(r"[”\"’']?\s+[A-Z]", between):
                continue  # “… him.” She says …: the quote ended its sentence
            if _reports_after(token):
                continue  # “…,” but he said that …: the verb reports what follows it
            distance = len(between)
        elif token.idx < start:
            between = text[token.idx : start]
            if _ends_sentence(between) or any(quoted[token.idx : start - 1]):
                continue
            distance = len(between) + 40  # a cue after the quote is the usual form
        else:
            continue
        if _tells_for_another(token):
            continue
        if best is None or distance < best[0]:
            best = (distance, token)
    return best[1] if best else None


def _tells_for_another(verb: Token) -> bool:
    """ "Obama said it would tell a story “of suffering …”": a verb whose subject is "it",
    inside what another speaker says, is part of their words, not a speaker of its own."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subject is not None
        and subject.lower_ == "it"
        and any(lemma(a) in QUOTE_VERBS for a in verb.ancestors)
    )


def _reports_after(verb: Token) -> bool:
    """Whether a verb has a clause of its own right after it ("he said that …", "said on
    Tuesday the …"), not one the parse ran on into across a comma or a paragraph ("she said
    of the election, in which she was sure Trump would triumph")."""
    text, quoted = text_of(verb.doc), in_quote(verb.doc)
    return any(
        c.dep_ == "ccomp"
        and c.i > verb.i
        and not quoted[c.left_edge.idx]  # "he said that it “supports …”" reports all the same
        and not any(mark in text[verb.idx : c.left_edge.idx] for mark in ",\n")
        for c in verb.children
    )


def _ends_sentence(between: str) -> bool:
    """Whether a sentence ends in this stretch; "Mr. Podesta" and "J. Smith" do not end one."""
    for end in SENTENCE_END.finditer(between):
        word = end.group(1)
        if end.group(2) == "." and (word.casefold() in ABBREVIATIONS or len(word) == 1):
            continue
        return True
    return False


def _dash_credit(doc: Doc, found: Attribution, end: int, people: People) -> Attribution | None:
    match = DASH_CREDIT.match(text_of(doc), end)
    if match is None:
        return None
    name = match.group(2).strip()
    found.cue, found.cue_start, found.cue_end = match.group(1), match.start(1), match.end(1)
    found.speaker_mention, found.speaker_start = name, match.start(2)
    found.speaker_end = match.start(2) + len(name)
    found.speaker = people.full_name(name.split())
    return found


def _according_to_quote(doc: Doc, found: Attribution, end: int) -> Attribution | None:
    tail = text_of(doc)[end : end + 80]
    match = re.match(r"[”\"’',\s]*according to ([^.,;]+)", tail)
    if match is None:
        return None
    name = match.group(1).strip()
    offset = end + match.start(1)
    found.cue, found.cue_start = "according to", end + tail.index("according")
    found.cue_end = found.cue_start + len("according to")
    found.speaker_mention, found.speaker_start, found.speaker_end = name, offset, offset + len(name)
    if is_outlet(name):
        found.according_to = name
    return found


# What a headline may credit before its colon besides a name: "Poll: Clinton and Trump …".
SOURCE_NOUNS = words("poll polls survey study report analysis data experts officials")


def colon_lines(doc: Doc, people: People) -> list[Attribution]:
    """Transcripts and headlines that give a speaker, a colon and what they said."""
    text = text_of(doc)
    found = []
    for match in COLON_LINE.finditer(text):
        name = match.group(1).strip()
        span = doc.char_span(match.start(1), match.start(1) + len(name), alignment_mode="expand")
        if span is None:
            continue
        named = (
            (name.isupper() and len(name) > 2)
            or any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in span)
            or span.root.pos_ == "PROPN"
            or span.root.lower_ in SOURCE_NOUNS
        )
        if not named:
            continue
        start, end = match.start(2), match.end(2)
        content = text[start:end]
        start += len(content) - len(content.lstrip("\"“‘'"))
        end = start + len(text[start:end].rstrip("\"”’' "))
        # A transcript's words ("PENCE: …") or a quote are direct; a headline's gist is not.
        kind = "direct" if name.isupper() or start > match.start(2) else "indirect"
        item = Attribution(kind, text[start:end], start, end)
        item.cue, item.cue_start, item.cue_end = ":", match.end(1), match.end(1) + 1
        item.speaker_mention = name
        item.speaker_start, item.speaker_end = match.start(1), match.start(1) + len(name)
        item.speaker = people.full_name(name.title().split() if name.isupper() else name.split())
        found.append(item)
    return found
