"""A labelled near-duplicate set for bench/stories, generated from real article bodies."""

from __future__ import annotations

import random
from dataclasses import dataclass

PROMOS = (
    "Sign up for our newsletter to get the day's top stories.",
    "Subscribe now for unlimited access to all our journalism.",
    "Follow us on social media for the latest updates.",
)
TAILS = ("Read more at the original site.", "Continue reading", "Read the full story here.")
TEMPLATE = ("Advertisement", "Share this article", "Copyright 2024. All rights reserved.")
CURLY = str.maketrans({"'": "’", '"': "”"})


@dataclass(frozen=True)
class Case:
    text: str
    source: str  # key of the original it copies, "" for a different article


def variants(body: str, rng: random.Random) -> list[str]:
    """Syndicated copies of one body, each a change a republisher makes."""
    paragraphs = [p for p in body.split("\n") if p.strip()]
    words = body.split()
    return [
        rng.choice(PROMOS) + "\n" + body,
        "By Staff Reporter, Wire Service\n" + body + "\n" + rng.choice(TAILS),
        " ".join(words[: max(40, int(len(words) * rng.uniform(0.5, 0.8)))]) + "…",
        "\n".join([rng.choice(TEMPLATE), *paragraphs, rng.choice(TEMPLATE)]),
        "  ".join(body.split()).translate(CURLY),
    ]


def build(bodies: dict[str, str], seed: int = 0) -> tuple[dict[str, str], list[Case]]:
    """Half the articles are stored; queries are copies of those (positives), and as
    negatives the other half, their copies, and each of them opening with a stored
    article's first paragraph (a different article that recaps an earlier one)."""
    rng = random.Random(seed)
    keys = sorted(k for k, b in bodies.items() if len(b.split()) >= 60)
    rng.shuffle(keys)
    stored, unseen = keys[::2], keys[1::2]
    cases = [Case(v, k) for k in stored for v in variants(bodies[k], rng)]
    cases += [Case(bodies[k], "") for k in unseen]
    cases += [Case(v, "") for k in unseen for v in variants(bodies[k], rng)]
    for k, other in zip(unseen, stored, strict=False):
        lede = bodies[other].split("\n")[0]
        cases.append(Case(lede + "\n" + bodies[k], ""))
    return {k: bodies[k] for k in stored}, cases
