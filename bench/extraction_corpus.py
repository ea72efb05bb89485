"""The extraction benchmark's pages and its metric, for bench/extraction and
bench/train-block-model."""

from __future__ import annotations

import gzip
import json
import random
import re
import statistics
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "extraction-benchmark"
TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4
BOOTSTRAP = 1000


# --- The metric --------------------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text or "")


def shingles(text: str, n: int = SHINGLE) -> Counter[str]:
    words = tokens(text)
    return Counter(" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1)) if words)


def page_score(truth: str, prediction: str) -> tuple[float | None, float | None, bool]:
    """Precision and recall of one page (None where undefined), and exact-token accuracy."""
    want, got = shingles(truth), shingles(prediction)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    exact = tokens(truth) == tokens(prediction)
    if fp == fn == 0:
        return 1.0, 1.0, exact
    total = tp + fp + fn
    tp, fp, fn = tp / total, fp / total, fn / total
    precision = tp / (tp + fp) if tp + fp > 0 else None
    recall = tp / (tp + fn) if tp + fn > 0 else None
    return precision, recall, exact


def summarise(scores: list[tuple[float | None, float | None, bool]]) -> dict[str, float]:
    def f1_of(sample: list[tuple[float | None, float | None, bool]]) -> tuple[float, float, float]:
        precisions = [p for p, _, _ in sample if p is not None]
        recalls = [r for _, r, _ in sample if r is not None]
        p = statistics.fmean(precisions) if precisions else 0.0
        r = statistics.fmean(recalls) if recalls else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    precision, recall, f1 = f1_of(scores)
    rng = random.Random(0)
    spread = [f1_of(rng.choices(scores, k=len(scores)))[2] for _ in range(BOOTSTRAP)]
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "f1_std": statistics.pstdev(spread),
        "accuracy": sum(exact for _, _, exact in scores) / len(scores),
    }


# --- The pages ------------------------------------------------------------------------------------


def load() -> tuple[dict[str, dict], dict[str, str], list[tuple[str, str, str]]]:
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    split = json.loads((DATA / "split.json").read_text(encoding="utf-8"))
    pages = [
        (
            page_id,
            gzip.decompress((DATA / "html" / f"{page_id}.html.gz").read_bytes()).decode(
                "utf-8", "replace"
            ),
            truth[page_id].get("url", ""),
        )
        for page_id in sorted(truth)
    ]
    return truth, split, pages
