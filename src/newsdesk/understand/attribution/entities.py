"""The people, organisations and places an article names, each with where it names them."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from .outlets import is_outlet
from .speakers import People, name_words

LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}


def entities(doc: Doc, people: People) -> dict[str, list[dict[str, Any]]]:
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
            name = people.full_name(name_words(ent)) if name_words(ent) else name
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
