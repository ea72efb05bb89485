"""News outlets: telling a cited outlet from other sources, and the outlets an article cites."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .cues import words
from .document import phrase, sentence_of, tokens_of
from .records import Attribution

# Names and name endings of news organisations.
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


def is_outlet(name: str) -> bool:
    words = name.replace("’s", "").split()
    if not words:
        return False
    if words[0].casefold() in OUTLET_NAMES or name.casefold() in OUTLET_NAMES:
        return True
    return bool(OUTLET_WORDS.search(name)) and name[:1].isupper()


def according_to_outlet(cue: Token) -> str | None:
    """ "…, X said, according to CNN" — the outlet hangs on the cue or its clause."""
    for token in sentence_of(cue):
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            after = token.doc[token.i + 1]
            if after.lower_ == "to":
                objects = [c for c in after.children if c.dep_ == "pobj"]
                if objects and is_outlet(phrase(objects[0])):
                    return phrase(objects[0])
    return None


def cited_outlets(doc: Doc, attributions: list[Attribution]) -> list[str]:
    """Every outlet a statement is cited from, and every outlet that reports, in order."""
    seen: dict[str, None] = {}
    for item in attributions:
        if item.according_to:
            seen.setdefault(item.according_to, None)
    for token in tokens_of(doc, "VERB"):
        # "NBC News reported": the outlet is the speaker.
        if token.lemma_ == "report":
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None and is_outlet(phrase(subject)):
                seen.setdefault(phrase(subject), None)
    return list(seen)
