"""Figures: the numbers an article gives, with what they count ("3,000 ... troops")."""

from __future__ import annotations

import bisect
import re
from typing import Any

from spacy.tokens import Doc, Span

from .document import sentences

NUMBER_WORDS = {"million": 1e6, "billion": 1e9, "trillion": 1e12, "thousand": 1e3}


def figures(doc: Doc) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    parts = sentences(doc)
    starts = [sentence.start for sentence in parts]
    unit, current = None, -1
    for ent in doc.ents:
        if ent.label_ not in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT"):
            continue
        index = bisect.bisect_right(starts, ent.start) - 1
        sentence = parts[index]
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
        found.append(
            {
                "value": value,
                "unit": counted,
                "mention": ent.text,
                "text": sentence.text.strip(),
                "start": ent.start_char,
            }
        )
    return found


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
