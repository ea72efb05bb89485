"""PolNeAR attributions and the matching that bench/attribution scores them by.

The corpus is brat standoff: `T` lines are (possibly discontinuous) character spans, `E` lines
tie an attribution's Content, Cue and Source spans together. Predictions are matched to gold
one-to-one by word-token overlap of their contents (≥ 50% of the shorter span), as the corpus
README prescribes; sources and cues are then judged on the matched pairs only.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

Fragments = tuple[tuple[int, int], ...]
TOKEN = re.compile(r"\w+", re.UNICODE)
QUOTES = "\"“”'"
KINDS = ("direct", "indirect")
MIN_OVERLAP = 0.5
# Capitalised words that do not identify a speaker: sharing one is no evidence of one entity.
NOT_NAMES = frozenset(
    "a an the of and or mr mrs ms dr sen rep gov president vice senator governor "  # noqa: SIM905
    "secretary speaker gen general his her its their he she they it who this that".split()
)


@dataclass(frozen=True)
class Attribution:
    """One attribution, gold or predicted; parts other than the content may be missing."""

    content: Fragments
    source: Fragments = ()
    cue: Fragments = ()
    speaker: str | None = None  # a resolved name, for predictions that resolve coreference
    kind: str = "indirect"


@dataclass
class Article:
    name: str
    text: str
    gold: list[Attribution] = field(default_factory=list)


# --- Reading brat standoff ---------------------------------------------------------------------


def parse_fragments(ranges: str) -> Fragments:
    """`12 30` or, for discontinuous spans, `12 30;41 52`."""
    return tuple(
        (int(start), int(end)) for start, end in (part.split() for part in ranges.split(";"))
    )


def parse_ann(text: str, ann: str) -> list[Attribution]:
    """The attributions of one .ann file; an event without any Content span is dropped."""
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, ranges = fields[1].partition(" ")
            spans[fields[0]] = (label, parse_fragments(ranges))
        elif line.startswith("E") and len(fields) >= 2:
            events.append([tuple(arg.split(":", 1)) for arg in fields[1].split()])
    attributions = []
    for arguments in events:
        parts: dict[str, list[tuple[int, int]]] = {"Content": [], "Source": [], "Cue": []}
        for role, ref in arguments:
            # Roles carry no index suffix in PolNeAR, but brat allows `Content2:T9`.
            role = role.rstrip("0123456789")
            if role in parts and ref in spans:
                parts[role].extend(spans[ref][1])
        if not parts["Content"]:
            continue
        content = tuple(sorted(parts["Content"]))
        attributions.append(
            Attribution(
                content=content,
                source=tuple(sorted(parts["Source"])),
                cue=tuple(sorted(parts["Cue"])),
                kind="direct" if is_direct(text, content) else "indirect",
            )
        )
    return attributions


def is_direct(text: str, content: Fragments) -> bool:
    """Direct when the content starts or ends with a quotation mark, or is enclosed in quotes."""
    if not content:
        return False
    start, end = content[0][0], content[-1][1]
    inner = text[start:end].strip()
    if inner[:1] in QUOTES or inner[-1:] in QUOTES:
        return True
    before = text[:start].rstrip()[-1:]
    # A closing mark may follow the sentence's own comma or full stop: `“... win,” he said`.
    after = text[end:].lstrip(" \t,.;:!?")[:1]
    return bool(before) and before in QUOTES and bool(after) and after in QUOTES


def load_split(folder: Path, split: str) -> list[Article]:
    """Every article of a split with the first annotator's file by name, as the README asks."""
    articles = []
    by_article: dict[str, list[Path]] = {}
    for path in sorted((folder / split / "attributions").glob("*.ann")):
        by_article.setdefault(path.stem.rsplit("_", 1)[0], []).append(path)
    for path in sorted((folder / split / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        files = by_article.get(path.stem, [])
        gold = parse_ann(text, files[0].read_text(encoding="utf-8")) if files else []
        articles.append(Article(path.stem, text, gold))
    return articles


# --- Matching and scoring ----------------------------------------------------------------------


class Tokens:
    """Word tokens of one article, so spans compare by the words they cover, not characters."""

    def __init__(self, text: str) -> None:
        found = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
        self.starts = [s for s, _ in found]
        self.ends = [e for _, e in found]

    def of(self, fragments: Fragments) -> frozenset[int]:
        covered: set[int] = set()
        for start, end in fragments:
            # Tokens that end after the span starts and start before it ends.
            first = bisect.bisect_right(self.ends, start)
            last = bisect.bisect_left(self.starts, end)
            covered.update(range(first, last))
        return frozenset(covered)


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """Shared tokens as a share of the shorter span."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def match(
    tokens: Tokens, gold: Sequence[Attribution], predicted: Sequence[Attribution]
) -> list[tuple[int, int]]:
    """One-to-one (gold, predicted) index pairs, best content overlap first."""
    gold_tokens = [tokens.of(g.content) for g in gold]
    pred_tokens = [tokens.of(p.content) for p in predicted]
    candidates = sorted(
        (
            (score, -abs(len(g) - len(p)), i, j)
            for i, g in enumerate(gold_tokens)
            for j, p in enumerate(pred_tokens)
            if (score := overlap(g, p)) >= MIN_OVERLAP
        ),
        reverse=True,
    )
    pairs, used_gold, used_pred = [], set(), set()
    for _, _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            pairs.append((i, j))
            used_gold.add(i)
            used_pred.add(j)
    return sorted(pairs)


def spans_overlap(a: Fragments, b: Fragments) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def name_words(name: str) -> set[str]:
    """Capitalised words, so that `the campaign` and `the Clinton campaign` share none."""
    words = (w.lower() for w in TOKEN.findall(name) if w[:1].isupper())
    return {w for w in words if w not in NOT_NAMES and len(w) > 1}


def same_source(text: str, gold: Attribution, predicted: Attribution) -> bool:
    """The speaker span overlaps the gold Source, or the resolved name shares a name word with
    it (`Hillary Clinton` for `Clinton`); gold pronouns are not resolved, so those need the span."""
    if not gold.source:
        return False
    if predicted.source and spans_overlap(gold.source, predicted.source):
        return True
    if predicted.speaker:
        gold_text = " ".join(text[s:e] for s, e in gold.source)
        return bool(name_words(predicted.speaker) & name_words(gold_text))
    return False


@dataclass
class Counts:
    """True positives and the two denominators for each of the four measures."""

    gold: int = 0
    predicted: int = 0
    found: int = 0
    gold_sources: int = 0
    predicted_sources: int = 0
    sources: int = 0
    gold_cues: int = 0
    predicted_cues: int = 0
    cues: int = 0
    exact: int = 0
    # False positives inside an already matched gold content: PolNeAR joins one speaker's
    # consecutive quotes into one discontinuous span, so a system splitting them loses here.
    split_quotes: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, float]:
        out = {}
        for measure, tp, n_pred, n_gold in (
            ("found", self.found, self.predicted, self.gold),
            ("source", self.sources, self.predicted_sources, self.gold_sources),
            ("cue", self.cues, self.predicted_cues, self.gold_cues),
            ("exact", self.exact, self.predicted, self.gold),
        ):
            p = tp / n_pred if n_pred else 0.0
            r = tp / n_gold if n_gold else 0.0
            out[f"{measure}_precision"] = p
            out[f"{measure}_recall"] = r
            out[f"{measure}_f1"] = 2 * p * r / (p + r) if p + r else 0.0
        return out


def score_article(
    text: str, gold: Sequence[Attribution], predicted: Sequence[Attribution]
) -> dict[str, Counts]:
    """Counts per kind of quote and overall.

    A matched pair counts under its gold kind; an unmatched prediction under the kind the same
    textual rule gives its own content, so no system is judged by its own label.
    """
    tokens = Tokens(text)
    pairs = match(tokens, gold, predicted)
    gold_of = {j: i for i, j in pairs}
    counts = {kind: Counts() for kind in (*KINDS, "all")}

    def kinds(kind: str) -> Iterable[Counts]:
        return counts[kind], counts["all"]

    for g in gold:
        for c in kinds(g.kind):
            c.gold += 1
            c.gold_sources += bool(g.source)
            c.gold_cues += bool(g.cue)
    for j, p in enumerate(predicted):
        i = gold_of.get(j)
        if i is not None:
            kind = gold[i].kind
        else:
            kind = "direct" if is_direct(text, p.content) else "indirect"
        for c in kinds(kind):
            c.predicted += 1
            c.predicted_sources += bool(p.source or p.speaker)
            c.predicted_cues += bool(p.cue)
            if i is None:
                c.split_quotes += any(
                    overlap(tokens.of(gold[k].content), tokens.of(p.content)) >= MIN_OVERLAP
                    for k in gold_of.values()
                )
                continue
            g = gold[i]
            c.found += 1
            c.sources += same_source(text, g, p)
            c.cues += bool(g.cue and p.cue and spans_overlap(g.cue, p.cue))
            c.exact += tokens.of(g.content) == tokens.of(p.content)
    return counts
