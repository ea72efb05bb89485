"""Who speaks: the people an article names and their roles, the speaker a cue's grammar
gives, and what "he", "the secretary" or "the agency" refer back to."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from .cues import CUE_VERBS, IMPRESSIONS, QUOTE_VERBS, SAYING, lemma
from .document import in_quote, phrase, sentence_of, text_of
from .outlets import according_to_outlet, is_outlet
from .records import Attribution

# Pronouns that stand for a speaker, with the gender they imply.
PRONOUNS = dict.fromkeys(("he", "his"), "m") | dict.fromkeys(("she", "her"), "f")
PRONOUNS |= dict.fromkeys(("they", "their", "i", "we"), "")
FEMALE = re.compile(r"\b(?:she|her|woman|spokeswoman|chairwoman|congresswoman|mrs|ms|madam)\b")
MALE = re.compile(r"\b(?:he|his|man|spokesman|chairman|congressman|mr|sir)\b")
HONORIFIC = re.compile(r"(?i)(?:dr|mr|mrs|ms|prof|sen|rep|gov|gen|sir|dame)\.?")
RELATIVE = ("who", "that", "which")


class People:
    """The people an article names: full names, the roles it gives them, where they appear."""

    def __init__(self, doc: Doc) -> None:
        self.by_surname: dict[str, str] = {}
        self.roles: dict[str, str] = {}
        # From any mention's title: "Mr. Trump" late in an article that began with "Donald
        # Trump, the Republican nominee".
        self.genders: dict[str, str] = {}
        self.mentions: list[tuple[int, str]] = []  # (char offset, full name), in order
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            words = name_words(ent)
            if not words:
                continue
            name = self.full_name(words)
            if len(words) > 1:
                self.by_surname.setdefault(words[-1].casefold(), name)
            role = role_of(ent)
            if role and name not in self.roles:
                self.roles[name] = role
            if gender := gender_of(f"{role} {ent.text}"):
                self.genders.setdefault(name, gender)
            self.mentions.append((ent.start_char, name))

    def met(self, words: list[str], offset: int) -> None:
        """A full name found as a speaker where the tagger missed it: "Ruiz" is her again
        later, and so is "she"."""
        name = " ".join(words)
        if self.by_surname.setdefault(words[-1].casefold(), name) == name and not any(
            known == name for _, known in self.mentions
        ):
            bisect.insort(self.mentions, (offset, name))

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
        return gender_of(self.roles.get(name, "")) or self.genders.get(name, "")


def gender_of(words: str) -> str:
    """The gender a title or role gives: "spokeswoman", "Mr.", "chairman"; else none."""
    words = words.casefold()
    if FEMALE.search(words):
        return "f"
    if MALE.search(words):
        return "m"
    return ""


def name_words(ent: Span) -> list[str]:
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


# --- The speaker of a cue -------------------------------------------------------------------


def name_person(found: Attribution, mention: Span, people: People, called: str = "") -> bool:
    """Give the attribution the person a mention names, with the role it gives them
    ("Finance Minister Petra Lind"), else one known of them, else what they are `called`
    there; False where it names no one."""
    name = _person_in(mention)
    if name is None:
        return False
    words = name_words(name)
    if len(words) > 1:
        people.met(words, name.start_char)
    found.speaker = people.full_name(words)
    found.speaker_role = role_of(name) or people.roles.get(found.speaker) or called or None
    if found.speaker_role:
        people.roles.setdefault(found.speaker, found.speaker_role)
    return True


def credit(found: Attribution, cue: Token, people: People) -> None:
    """Cue, speaker and outlet of an attribution from the word that cues it."""
    found.cue, found.cue_start, found.cue_end = cue.text, cue.idx, cue.idx + len(cue.text)
    found.says = found.kind == "direct" or lemma(cue) in SAYING
    speaker = None if lemma(cue) in IMPRESSIONS else subject_of(cue)
    if speaker is not None:
        found.speaker_mention = speaker.text
        found.speaker_start, found.speaker_end = speaker.start_char, speaker.end_char
        holder = _antecedent(speaker)
        # "The company's chief, Rafael Monte, said": what the phrase calls them is their role.
        called = ""
        if holder.root.dep_ == "appos":
            called = " ".join(t.text for t in speaker if t.pos_ not in ("DET", "PRON", "PART"))
        if not name_person(found, holder, people, called) and holder is not speaker:
            found.speaker = holder.text
    for child in cue.children:
        if cue.lemma_ == "tell" and child.dep_ in ("dobj", "dative"):
            told = phrase(child)
            if is_outlet(told) or (
                child.ent_type_ in ("ORG", "LOC", "GPE") and child.pos_ == "PROPN"
            ):
                found.according_to = told
    found.according_to = found.according_to or according_to_outlet(cue)


def subject_of(cue: Token) -> Span | None:
    """Who the cue's grammar says holds the statement: its subject, a passive's agent, a
    claim's possessor, or the subject of the verb it hangs on."""
    quoted, text = in_quote(cue.doc), text_of(cue.doc)
    for child in cue.children:
        if quoted[child.idx] or child.is_punct:
            continue  # a word of the quote, or a dash, the parser took for the one who said it
        between = text[min(child.idx, cue.idx) : max(child.idx, cue.idx)]
        if "\n" in between or (child.i < cue.i and ":" in between):
            continue  # a heading or a time stamp: "The Latest: Trump urges …", "12:15 p.m."
        # "Trump's claim that …" names its holder as a possessive.
        if child.dep_ == "nsubj" or (child.dep_ == "poss" and cue.pos_ == "NOUN"):
            subject = _past_heading(noun_phrase(child))
            if subject is not None:
                return subject
        if child.dep_ == "agent":  # "was first reported by The Washington Post"
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return noun_phrase(objects[0]) if objects else None
    if any(c.dep_ == "nsubjpass" for c in cue.children):
        return None  # "has been mentioned as …": the subject is what was said, nobody said it
    # "He defended the deal, saying …" and "She rose and said …": the subject is the head's,
    # and whom the cue names after it is addressed ("and warned North Korea to refrain").
    if cue.dep_ in ("advcl", "xcomp", "conj") and cue.head is not cue:
        head = cue.head
        # "“…,” Sanders said, suggesting …": the parser hangs the participle on a verb of the
        # quote; it goes with the verb of saying before it.
        if quoted[head.idx]:
            head = next(
                (
                    t
                    for t in reversed(cue.doc[sentence_of(cue).start : cue.i])
                    if not quoted[t.idx] and lemma(t) in QUOTE_VERBS
                ),
                head,
            )
        # "May said the country would leave and suggested …": the parser hangs the second
        # verb of saying on the reported clause; it is the first speaker's.
        if cue.dep_ == "conj" and head.dep_ == "ccomp" and lemma(cue) in QUOTE_VERBS:
            head = head.head
        # "She forced Stumpf to admit …", "left many nations feeling …": the object acts,
        # not what is used to act ("used blunt language to denounce …").
        if cue.dep_ == "xcomp" and lemma(head) != "use":
            objects = [c for c in head.children if c.dep_ == "dobj" and c.i < cue.i]
            if objects:
                return noun_phrase(objects[-1])
        shared = (cue.dep_ == "advcl" and _passive_subject(head)) or subject_of(head)
        if shared is not None:
            return shared
    # "…," said Kirby: spaCy sometimes hangs the inverted subject as an attribute.
    for child in cue.children:
        if child.dep_ in ("attr", "dobj") and child.pos_ == "PROPN" and child.i > cue.i:
            return child.doc[min(t.i for t in child.subtree) : child.i + 1]
    # "She started off by emphasizing …": through the preposition to its verb.
    if cue.dep_ == "pcomp" and cue.head.head is not cue.head:
        return _passive_subject(cue.head.head) or subject_of(cue.head.head)
    # "skittish Democrats contemplating contingencies": the noun the participle describes.
    if cue.dep_ == "acl" and cue.tag_ == "VBG" and cue.head.pos_ in ("NOUN", "PROPN"):
        return noun_phrase(cue.head)
    return None


def _passive_subject(verb: Token) -> Span | None:
    """ "After saying her foot was swollen, she was whisked off (by aides)": who the main verb,
    passive, happened to is who speaks in the clause hanging on it, not its agent."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return noun_phrase(subjects[0]) if subjects and lemma(verb) not in CUE_VERBS else None


def _antecedent(speaker: Span) -> Span:
    """ "officials who said …": the relative pronoun stands for the noun its clause hangs on.
    "Its owner, Ines Hald, said …": the name in apposition is who spoke."""
    root = speaker.root
    clause = root.head
    if root.lower_ in RELATIVE and clause.dep_ == "relcl":
        return noun_phrase(clause.head)
    if root.pos_ != "PROPN":
        for child in root.children:
            if child.dep_ == "appos" and child.i > root.i and child.ent_type_ == "PERSON":
                return noun_phrase(child)
    return speaker


def noun_phrase(head: Token) -> Span:
    words = [t for t in head.subtree if t.dep_ not in ("relcl", "punct") or t is head]
    # A relative clause or apposition after the name is not part of it.
    cut = [t for t in words if t.i <= head.i or t.dep_ in ("compound", "flat")]
    # Nor is a dateline the parser hung on it from the paragraph before ("12:15 p.m.").
    breaks = [t.i for t in cut if t.i < head.i and t.is_space and "\n" in t.text]
    start = breaks[-1] + 1 if breaks else min(t.i for t in cut)
    return head.doc[start : head.i + 1]


# What follows a dateline ("WASHINGTON --", "NEW YORK (AP) —") or a subheading run into the
# paragraph it heads ("THE BORROWING Back when he wrote …").
HEADING_END = re.compile(r"\s*(\(|--|[—–-]|[A-Z][a-z])")


def _past_heading(subject: Span) -> Span | None:
    """ "WASHINGTON -- President Obama … said": the parser may take a dateline or a subheading
    for the subject, and hang the speaker on it in apposition or as a second subject."""
    text = text_of(subject.doc)
    line_start = text.rfind("\n", 0, subject.start_char) + 1
    heading = (
        subject.text.isupper()
        and not text[line_start : subject.start_char].strip()
        and HEADING_END.match(text, subject.end_char) is not None
    )
    if not heading:
        return subject
    appositive = next((c for c in subject.root.children if c.dep_ == "appos"), None)
    return noun_phrase(appositive) if appositive is not None else None


def _person_in(span: Span) -> Span | None:
    root = span.root
    people = []
    # Token entity tags, not span.ents: that rebuilds every entity of the document.
    for token in span:
        if token.ent_type_ == "PERSON" and token.ent_iob_ == "B":
            end = token.i + 1
            while end < len(span.doc) and span.doc[end].ent_iob_ == "I":
                end += 1
            people.append(span.doc[token.i : end])
    if people:
        # Of several ("harbour master Olav Dunn", each tagged a person), the one that holds
        # the phrase's head word is the person it names.
        return next((p for p in people if p.start <= root.i < p.end), people[0])
    # A surname spaCy did not tag, or took for an organisation: "Austin said". A name of
    # several words tagged as an organisation ("the Regional Health Agency") is one.
    lone = len([t for t in span if t.pos_ != "DET"]) == 1
    tagged = root.ent_type_ in ("", "PERSON") or (lone and root.ent_type_ in ("ORG", "GPE"))
    if root.pos_ == "PROPN" and tagged and root.text[:1].isupper():
        return _untagged_name(root)
    return None


# Words of a role or title written in front of a name, capitalised as names are: "Mayor Ana
# Ruiz" is a mayor named Ana Ruiz.
TITLES = frozenset(
    (
        *("mayor", "president", "vice", "secretary", "senator", "sen", "governor", "gov"),
        *("minister", "prime", "premier", "chancellor", "chief", "director", "judge"),
        *("justice", "general", "gen", "captain", "capt", "colonel", "col", "major", "sergeant"),
        *("sgt", "lieutenant", "lt", "admiral", "commissioner", "inspector", "detective"),
        *("sheriff", "officer", "spokesman", "spokeswoman", "spokesperson", "chairman"),
        *("chairwoman", "chair", "ceo", "representative", "rep", "ambassador", "councillor"),
        *("councilman", "councilwoman", "deputy", "attorney", "coach", "manager", "leader"),
        *("speaker", "dean", "professor", "prof", "dr", "mr", "mrs", "ms", "sir", "dame"),
        *("lord", "lady", "king", "queen", "prince", "princess", "pope", "bishop", "rabbi"),
        *("reverend", "rev", "father", "superintendent", "constable", "mp", "mep", "envoy"),
    )
)


def _untagged_name(root: Token) -> Span:
    """A name the tagger missed, from its last word leftwards over the capitalised words that
    are part of it, up to a title: "Ana Ruiz" of "Mayor Ana Ruiz said"."""
    start = root.i
    while start > 0:
        token = root.doc[start - 1]
        if not (
            token.dep_ in ("compound", "flat")
            and token.head.i in range(start, root.i + 1)
            and token.pos_ == "PROPN"
            and token.text[:1].isupper()
            and token.ent_type_ in ("", "PERSON")
            and token.text.casefold().rstrip(".") not in TITLES
        ):
            break
        start -= 1
    return root.doc[start : root.i + 1]


# --- Referring back -------------------------------------------------------------------------


def resolve(attributions: list[Attribution], people: People) -> None:
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
        if item.speaker and (item.speaker[:1].isupper() or " " in item.speaker):
            named.append(item.speaker)  # "the ministry" is then "the education ministry" again
