"""What the analysis finds: one attribution, and everything found in one article."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


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
    # Someone's words: a quote, a verb or noun of saying, an "according to". Not a stance, a
    # plan or an event ascribed to someone ("Clinics offer walk-in vaccinations").
    says: bool = True

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def overlaps(self, other: Attribution) -> bool:
        return self.content_start < other.content_end and other.content_start < self.content_end


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
