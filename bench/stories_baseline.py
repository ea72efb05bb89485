"""The online TF-IDF centroid baseline of the story-clusters README, for bench/stories."""

from __future__ import annotations

import itertools
import math
import re

_WORD = re.compile(r"\w+")


class TfidfCentroid:
    """Single pass: uni- and bigram TF-IDF with IDF learned as the stream runs, cosine to
    each story's centroid, a new story below the threshold."""

    def __init__(self, threshold: float = 0.06) -> None:
        self.threshold = threshold
        self.documents = 0
        self.df: dict[str, int] = {}
        self.centroids: list[dict[str, float]] = []
        self.norms: list[float] = []
        self.postings: dict[str, list[int]] = {}

    def assign(self, title: str) -> int:
        words = _WORD.findall(title.lower())
        grams = words + [f"{a} {b}" for a, b in itertools.pairwise(words)]
        self.documents += 1
        for g in set(grams):
            self.df[g] = self.df.get(g, 0) + 1
        counts: dict[str, int] = {}
        for g in grams:
            counts[g] = counts.get(g, 0) + 1
        vec = {
            g: c * (math.log((1 + self.documents) / (1 + self.df[g])) + 1)
            for g, c in counts.items()
        }
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vec = {g: w / norm for g, w in vec.items()}
        candidates = sorted({s for g in vec for s in self.postings.get(g, ())})
        best, best_score = -1, 0.0
        for s in candidates:
            c = self.centroids[s]
            score = sum(w * c.get(g, 0.0) for g, w in vec.items()) / math.sqrt(self.norms[s])
            if score > best_score:
                best, best_score = s, score
        if best_score < self.threshold:
            best = len(self.centroids)
            self.centroids.append({})
            self.norms.append(0.0)
        c = self.centroids[best]
        dot = sum(w * c.get(g, 0.0) for g, w in vec.items())
        self.norms[best] += 2 * dot + 1.0
        for g, w in vec.items():
            c[g] = c.get(g, 0.0) + w
            posting = self.postings.setdefault(g, [])
            if not posting or posting[-1] != best:
                posting.append(best)
        return best
