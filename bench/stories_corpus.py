"""Story corpora and scores for bench/stories: the UCI cut and the Miranda et al. format."""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from math import comb
from pathlib import Path


@dataclass(frozen=True)
class Doc:
    key: str
    title: str
    text: str
    outlet: str
    story: str
    published: float | None  # None where the time would give the stories away


def load_uci(folder: Path, split: str) -> list[Doc]:
    """Rows of one split, in file order; callers shuffle (the file is grouped by story)."""
    with (folder / "story-splits.csv").open(encoding="utf-8") as f:
        wanted = {row["STORY"] for row in csv.DictReader(f) if row["split"] == split}
    with (folder / "uci-news-aggregator-first6366.csv").open(encoding="utf-8") as f:
        return [
            Doc(row["ID"], row["TITLE"], "", row["PUBLISHER"], row["STORY"], None)
            for row in csv.DictReader(f)
            if row["STORY"] in wanted
        ]


def load_miranda(path: Path, lang: str = "eng") -> list[Doc]:
    """A `dataset.{dev,test}.json` file of Miranda et al. 2018, in its own `date` order."""
    docs = []
    for d in json.loads(path.read_text(encoding="utf-8")):
        if d.get("lang", lang) != lang:
            continue
        when = datetime.strptime(d["date"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        docs.append(
            Doc(str(d["id"]), d["title"], d["text"], "", str(d["cluster"]), when.timestamp())
        )
    docs.sort(key=lambda d: (d.published, d.key))
    return docs


def shuffled(docs: list[Doc], seed: int) -> list[Doc]:
    order = list(docs)
    random.Random(seed).shuffle(order)
    return order


def _cells(
    gold: dict[str, str], predicted: dict[str, str]
) -> tuple[dict[tuple[str, str], int], dict[str, int], dict[str, int]]:
    """Documents per (gold story, predicted story) cell, per gold story and per predicted one."""
    cells: dict[tuple[str, str], int] = {}
    gold_sizes: dict[str, int] = {}
    pred_sizes: dict[str, int] = {}
    for key, g in gold.items():
        p = predicted[key]
        cells[g, p] = cells.get((g, p), 0) + 1
        gold_sizes[g] = gold_sizes.get(g, 0) + 1
        pred_sizes[p] = pred_sizes.get(p, 0) + 1
    return cells, gold_sizes, pred_sizes


def pairwise(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    """Pairwise precision, recall and F1 over all pairs of documents (Miranda et al.)."""
    cells, gold_sizes, pred_sizes = _cells(gold, predicted)
    tp = sum(comb(n, 2) for n in cells.values())
    pred_pairs = sum(comb(n, 2) for n in pred_sizes.values())
    gold_pairs = sum(comb(n, 2) for n in gold_sizes.values())
    return _prf(tp / pred_pairs if pred_pairs else 1.0, tp / gold_pairs if gold_pairs else 1.0)


def bcubed(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    """Item-averaged BCubed precision, recall and F1."""
    cells, gold_sizes, pred_sizes = _cells(gold, predicted)
    n = len(gold)
    precision = sum(c * c / pred_sizes[p] for (_, p), c in cells.items()) / n
    recall = sum(c * c / gold_sizes[g] for (g, _), c in cells.items()) / n
    return _prf(precision, recall)


def _prf(p: float, r: float) -> dict[str, float]:
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
