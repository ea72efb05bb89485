"""Reported speech: what a verb of saying, thinking or stance reports ("said that …",
"plans to …", "accused X of …"), what a claim is of, and "according to"."""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from .cues import CUE_NOUNS, CUE_VERBS, IMPRESSIONS, QUOTE_VERBS, lemma, words
from .document import in_quote, phrase, sentence_of, text_of, tokens_of
from .outlets import is_outlet
from .records import Attribution
from .speakers import People, credit, name_person

# What a cue verb's content hangs on it by, and the prepositions that introduce it
# ("spoke about …", "called for …", "warned against …").
CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "oprd", "attr", "nsubjpass")
CONTENT_PREPS = ("about", "of", "for", "on", "against", "as")
# Verbs whose object is whom they address ("told me"), not what they say.
ADDRESSED = words("tell ask inform notify remind assure warn urge press beg implore instruct")


def reported(doc: Doc, quoted: bytearray, used: set[int], people: People) -> list[Attribution]:
    """Reported speech, apart from the quotes already attributed (marked in `quoted`) and
    the cues they took (`used`)."""
    found: list[Attribution] = []
    text, inside = text_of(doc), in_quote(doc)
    according = doc.to_array(LOWER) == doc.vocab.strings["according"]
    for token in tokens_of(doc, "VERB", "NOUN", also=according):
        if inside[token.idx] or token.idx in used:
            continue
        if (
            token.lower_ == "according"
            and token.i + 1 < len(doc)
            and doc[token.i + 1].lower_ == "to"
        ):
            item = _according_to(doc, token, found, people)
            if item is not None:
                found.append(item)
            continue
        if token.pos_ == "VERB" and (_hedges(token) or _shows_up(token) or _supposes(token)):
            continue  # "he appeared to suggest that …" is what he suggested; "appeared on TV"
        if token.pos_ == "VERB" and (lemma(token) in CUE_VERBS or _puts_it(token)):
            bounds = clause_of(token)
        elif token.pos_ == "NOUN" and token.lemma_ in CUE_NOUNS:
            bounds = _held(token)
        else:
            continue
        if bounds is None:
            continue
        start, end = bounds
        if sum(quoted[start:end]) > (end - start) / 2:
            continue  # a direct quote's frame
        item = Attribution("indirect", text[start:end], start, end)
        credit(item, token, people)
        # A passive or an impression may name nobody: "Mr. Effron has been mentioned as a
        # potential Treasury secretary", "the campaign appears to acknowledge …".
        unsaid = lemma(token) in IMPRESSIONS or any(c.dep_ == "nsubjpass" for c in token.children)
        if item.speaker_mention is None and not (unsaid and end > token.idx):
            continue
        found.append(item)
    return found


def _hedges(verb: Token) -> bool:
    """An impression verb that only hedges the cue verb it governs ("seemed to think")."""
    return lemma(verb) in IMPRESSIONS and any(
        c.dep_ == "xcomp" and c.pos_ == "VERB" and lemma(c) in CUE_VERBS - IMPRESSIONS
        for c in verb.children
    )


def _supposes(verb: Token) -> bool:
    """ "Let's say you think …": a supposition the article makes, said by nobody."""
    return lemma(verb) == "say" and verb.head.lower_ == "let"


def _shows_up(verb: Token) -> bool:
    """ "She appeared on a reality show": appearing somewhere, not seeming anything."""
    return lemma(verb) in IMPRESSIONS and not any(
        c.dep_ in ("xcomp", "ccomp", "acomp", "attr", "oprd") for c in verb.children
    )


def around_quote(quote: Attribution, cue: Token, people: People) -> Attribution | None:
    """ "Palmieri said Trump is reduced to “taunts and insults” because he cannot defend his
    record": a quoted phrase inside a reported clause; the clause is what was said."""
    bounds = clause_of(cue)
    if bounds is None:
        return None
    start, end = bounds
    text = text_of(cue.doc)
    if text[: quote.content_start - 1].rstrip().endswith(":"):
        return None  # "… on women in the workplace: “…,” the union wrote": the quote is it
    # The clause may stop before the quote's own full stop: "… to talk “directly to us.”"
    words_end = quote.content_start + len(
        text[quote.content_start : quote.content_end].rstrip(".,!?")
    )
    if not (start <= quote.content_start and words_end <= end) or start <= cue.idx < end:
        return None
    end = max(end, quote.content_end)
    # Words of the clause outside the quote, not counting a name the parser hung on it
    # ("“…,” Flynn, a top Trump surrogate, said").
    doc = cue.doc
    outside = [
        t
        for t in doc.char_span(start, end, alignment_mode="expand") or ()
        if not (quote.content_start <= t.idx < quote.content_end)
        and not t.is_punct
        and t.ent_type_ != "PERSON"
    ]
    if len(outside) < 3:
        return None
    item = Attribution("indirect", text[start:end], start, end)
    credit(item, cue, people)
    return item


def clause_of(verb: Token) -> tuple[int, int] | None:
    """What a cue verb reports: its clause or object after it ("said that …", "called for
    …", "accused X of …"), a statement fronted before it ("…, he said"), or what a passive or
    an impression says of its subject ("Oz has been called a charlatan", "Melania seems to
    have vanished")."""
    if _puts_it(verb):
        return _around_frame(verb)
    before, after = [], []
    for child in verb.children:
        if child.i < verb.i:
            # Not the object a relative clause fronts ("what Mr. Obama has seen").
            if child.dep_ in ("ccomp", "nsubjpass") or (
                child.dep_ == "nsubj" and lemma(verb) in IMPRESSIONS
            ):
                before.append(child)
        elif child.dep_ in CONTENT_DEPS and not child.lower_.endswith(("self", "selves")):
            after.append(child)  # not "has accepted himself", "find themselves"
        elif child.dep_ == "prep" and child.lower_ in CONTENT_PREPS:
            after += [
                c
                for c in child.children
                if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in ("DATE", "TIME")
            ]
    if all(_whom(p) for p in after):
        after = []  # "The difference now, he told me, is …": whom, not what
    after = [p for p in after if not _participle_of_noun(p)]
    if not before and not after:
        return _around_frame(verb)
    if any(p.dep_ in ("nsubjpass", "nsubj") for p in before):
        side = before + after  # "Oz has been called a charlatan by …", "Melania seems to …"
    elif (before and not any(p.dep_ in ("ccomp", "xcomp") for p in after)) or not after:
        side = before  # "…, he said", unless a clause follows: "she noted that …"
    else:
        side = after
    words = sorted({t.i for p in side for t in p.subtree} - {verb.i})
    doc = verb.doc
    sentence = sentence_of(verb)
    first, last = max(words[0], sentence.start), min(words[-1], sentence.end - 1)
    tokens = [doc[i] for i in range(first, last + 1) if i != verb.i]
    if not after or side == before:
        tokens = [t for t in tokens if t.i < verb.i]
    agent = [t.i for c in verb.children if c.dep_ == "agent" for t in c.subtree]
    tokens = [t for t in tokens if not agent or t.i < agent[0] or t.i > agent[-1]]
    return _trim(_own_words(tokens, verb))


CLAUSE_OPENERS = ("nsubj", "nsubjpass", "mark", "aux", "auxpass")


def _participle_of_noun(word: Token) -> bool:
    """ "… said in guidance sent on Friday": a participle the parser hung on the verb as what
    was said, where it only tells of the noun before it. What was said has a subject."""
    return (
        word.dep_ == "ccomp"
        and word.tag_ == "VBN"
        and word.i > 0
        and word.doc[word.i - 1].pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in CLAUSE_OPENERS for c in word.children)
    )


def _own_words(tokens: list[Token], verb: Token) -> list[Token]:
    """The content within the cue's paragraph, up to where another statement starts: "…
    erase the barriers, though she noted clients are beginning to demand …" is two."""
    breaks = [t.i for t in tokens if t.is_space and "\n" in t.text]
    first = max((i for i in breaks if i < verb.i), default=-1)
    last = min((i for i in breaks if i > verb.i), default=len(verb.doc))
    tokens = [t for t in tokens if first < t.i < last]
    for n, token in enumerate(tokens):
        if n >= 3 and token.dep_ in ("advcl", "conj", "parataxis") and _frames(token):
            start = min(t.i for t in token.subtree)
            return [t for t in tokens if t.i < start]
    return tokens


def _frames(verb: Token) -> bool:
    """Whether a verb inside a content starts a statement of its own: a cue verb with its own
    subject ("though she noted …") or one that says something ("and warned North Korea to
    …"); not "for him to speak on …", "would eventually add $84 billion", "and that …"."""
    if lemma(verb) not in CUE_VERBS or not verb.tag_.startswith("VB") or verb.tag_ == "VB":
        return False
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return False  # "… and that the footage did not show …" goes on with what was said
    kids = {c.dep_ for c in verb.children}
    return "nsubj" in kids or (lemma(verb) in QUOTE_VERBS and bool(kids & {"ccomp", "xcomp"}))


def _held(noun: Token) -> tuple[int, int] | None:
    """What a claim, plan or criticism is of: "Trump's claim that …", "his refusal to …"."""
    parts = [
        c
        for c in noun.children
        if c.i > noun.i
        and (c.dep_ in ("acl", "ccomp") or (c.dep_ == "prep" and c.lower_ in CONTENT_PREPS))
        and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
    ]
    if not parts:
        return None
    tokens = [t for p in parts for t in p.subtree]
    if tokens[0].dep_ == "prep":
        tokens = tokens[1:]
    return _trim(tokens)


def _trim(tokens: list[Token]) -> tuple[int, int] | None:
    """The span of these words without the punctuation and conjunctions at either end."""
    while tokens and (
        _loose_end(tokens) or tokens[-1].is_space or tokens[-1].lower_ in ("and", "but")
    ):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].lower_ == "that"):
        tokens.pop(0)
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


# Signs that belong to the words before them: "3.25%", "(AP)".
UNIT_SIGNS = frozenset("%‰°")
CLOSING = {")": "(", "]": "["}


def _loose_end(words: list[Token]) -> bool:
    """Whether the last of these words is punctuation that ends no part of them: a full stop
    or comma, but not the per cent sign of "3.25%" or a bracket they opened."""
    last = words[-1]
    if not last.is_punct or last.text in UNIT_SIGNS:
        return False
    opener = CLOSING.get(last.text)
    return opener is None or not any(w.text == opener for w in words[:-1])


def _around_frame(verb: Token) -> tuple[int, int] | None:
    """ "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": the sentence
    around a parenthetical "X said" is what X said, and so is it around "as X put it"."""
    if not (lemma(verb) in QUOTE_VERBS or _puts_it(verb)):
        return None
    if verb.dep_ not in ("parataxis", "ROOT", "advcl"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    said = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp") and not _whom(c)]
    if subject is None or said:
        return None
    frame = {t.i for t in subject.subtree} | {verb.i}
    for child in verb.children:
        if child.dep_ in ("aux", "neg", "advmod", "npadvmod", "mark", "dobj", "dative"):
            frame.add(child.i)
        elif child.dep_ == "prep":  # "in a statement to my colleague"
            frame |= {t.i for t in child.subtree}
    words = [
        t
        for t in sentence_of(verb)
        if t.i not in frame and not t.is_space and (t.head.i not in frame or t.dep_ != "punct")
    ]
    while words and (_loose_end(words) or words[-1].lower_ in ("and", "but")):
        words.pop()
    while words and words[0].is_punct:
        words.pop(0)
    if len(words) < 4:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _whom(word: Token) -> bool:
    """The object of "told me" or "as X put it": not what was said."""
    verb = word.head
    if word.dep_ in ("dobj", "dative") and word.tag_ == "PRP":
        return lemma(verb) in ADDRESSED or (word.lower_ == "it" and _puts_it(verb))
    return False


def _puts_it(verb: Token) -> bool:
    """ "As a Homeland Security memo put it, …"."""
    return verb.lemma_ == "put" and any(
        c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children
    )


def _according_to(
    doc: Doc, according: Token, found: list[Attribution], people: People
) -> Attribution | None:
    to = doc[according.i + 1]
    objects = [c for c in to.children if c.dep_ in ("pobj", "pcomp")]
    if not objects:
        return None
    source = phrase(objects[0])
    sentence = sentence_of(according)
    # "…, X said …, according to NBC News": the outlet is where X's statement was reported.
    # "Clinton plans to visit …, according to a campaign aide": the aide said all of it.
    if is_outlet(source):
        for item in found:
            if (
                item.cue_start is not None
                and sentence.start_char <= item.cue_start < sentence.end_char
            ):
                item.according_to = item.according_to or source
                return None
    phrase_words = {t.i for t in according.subtree} | {according.i, to.i}
    phrase_words |= {t.i for t in to.subtree}
    words = [t for t in sentence if t.i not in phrase_words and not t.is_space]
    # The content is on one side of the phrase: the longer one.
    left = [t for t in words if t.i < according.i]
    right = [t for t in words if t.i > according.i]
    bounds = _trim(left if len(left) >= len(right) else right)
    if bounds is None:
        return None
    start, end = bounds
    if end - start < 12 or sum(in_quote(doc)[start:end]) > (end - start) / 2:
        return None
    text = text_of(doc)
    item = Attribution("indirect", text[start:end], start, end)
    item.cue, item.cue_start = "according to", according.idx
    item.cue_end = to.idx + len(to.text)
    # The source without what a relative clause or apposition tells of it ("according to the
    # weather office, which had issued its highest warning").
    subject = _source_phrase(objects[0])
    item.speaker_mention = subject.text
    item.speaker_start, item.speaker_end = subject.start_char, subject.end_char
    if is_outlet(source):
        item.according_to = source
        item.speaker = source
    else:
        name_person(item, subject, people)
    return item


def _source_phrase(head: Token) -> Span:
    """The source "according to" names, with what it is of ("data from the agency") but not a
    relative clause or apposition telling more of it ("the weather office, which had …")."""
    told = [c for c in head.children if c.i > head.i and c.dep_ in ("relcl", "appos", "acl")]
    end = min((min(t.i for t in c.subtree) for c in told), default=head.right_edge.i + 1)
    while end - 1 > head.i and head.doc[end - 1].is_punct:
        end -= 1
    return head.doc[head.left_edge.i : end]
