"""Cost per new article as the store grows, for bench/stories --growth (synthetic articles)."""

from __future__ import annotations

import random
import resource
import time

import numpy as np

from newsdesk.understand.duplicates import NUM_PERM, DuplicateIndex, Signature, signature
from newsdesk.understand.stories import Item, StoryClusterer

VOCABULARY = [f"w{i}" for i in range(50_000)]
PROBE = 1_000


def _title(rng: random.Random, story: int) -> str:
    # Each synthetic story owns a few rare words; the rest come from a Zipf-like vocabulary.
    own = [f"s{story}x{j}" for j in range(3)]
    common = [VOCABULARY[min(int(rng.paretovariate(1.1)), len(VOCABULARY) - 1)] for _ in range(5)]
    return " ".join(own[: rng.randint(1, 3)] + common)


def _stored_signature(rng: np.random.Generator, i: int) -> Signature:
    # Stored rows carry their signature; rebuilding from them costs no hashing of bodies.
    values = rng.integers(0, 2**32, size=NUM_PERM, dtype=np.uint64)
    return Signature(f"{i:064x}", values.tobytes(), 300)


def measure(sizes: list[int], progress) -> list[dict]:
    """Fill both indexes up to each size, then time PROBE new articles against them."""
    rng = random.Random(0)
    nrng = np.random.default_rng(0)
    clusterer = StoryClusterer()
    index = DuplicateIndex()
    bodies = [" ".join(rng.choices(VOCABULARY[:5000], k=400)) for _ in range(PROBE)]
    stored, clock, results = 0, 0.0, []
    for size in sizes:
        while stored < size:
            clock += 30.0
            story = stored // 8
            clusterer.assign(Item(str(stored), _title(rng, story), published=clock))
            index.add(str(stored), _stored_signature(nrng, stored))
            stored += 1
            if stored % 50_000 == 0:
                progress(f"growth: {stored:,} stored")
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        for j in range(PROBE):
            key = f"p{size}-{j}"
            sig = signature(bodies[j])
            index.find(sig)
            index.add(key, sig)
            clusterer.assign(Item(key, _title(rng, stored // 8 + j), published=clock + j))
        elapsed = time.perf_counter() - start
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        results.append(
            {
                "system": "newsdesk",
                "task": "growth",
                "split": f"{size}",
                "ms_per_article": 1000 * elapsed / PROBE,
                "kib_per_article": (rss_after - rss_before) / PROBE,
                "rss_mib": rss_after / 1024,
            }
        )
        progress(f"growth: {size:,} stored, {results[-1]['ms_per_article']:.2f} ms per new article")
    return results
