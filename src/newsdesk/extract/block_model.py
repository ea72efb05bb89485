"""Which of a page's text blocks are the article: a gradient-boosted model over block features.

The model file ships with the package; `bench/train-block-model` makes it from the extraction
benchmark's dev pages and says how well it does on pages it did not learn from.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import lightgbm
import numpy as np

from newsdesk.extract.blocks import FEATURES, Block, Shingle, shingles

MODEL = Path(__file__).with_name("data") / "block-model.txt"
# A block is kept when the model gives it at least this chance of being article text; a block
# trafilatura kept that follows a kept sibling needs only the lower chance (both chosen by
# cross-validation on the dev pages).
THRESHOLD = 0.6
THRESHOLD_VOTED = 0.3
# Repeats are dropped: pages print their lead again in a summary box or a hidden copy.
REPEAT_SHARE = 0.5
REPEAT_MIN_WORDS = 10
# Chances between these say the model could not tell: such text lowers an article's confidence.
UNSURE = (0.2, 0.8)


@cache
def model() -> lightgbm.Booster:
    booster = lightgbm.Booster(model_file=str(MODEL))
    if booster.feature_name() != FEATURES:
        raise RuntimeError(f"{MODEL} was trained on other features; run bench/train-block-model")
    return booster


def article_chances(rows: np.ndarray) -> np.ndarray:
    """Per block, the model's chance that it is article text."""
    if not len(rows):
        return np.zeros(0)
    return model().predict(rows, num_threads=1)


def certainty(blocks: list[Block], chances: np.ndarray) -> float:
    """1 less the share of the page's likely text (by words) whose chance the model left
    unsure. On dev pages the model had not learnt from, this share went with a worse body
    (Spearman -0.44), where the body's length did not."""
    words = np.array([len(b.words) for b in blocks], dtype=float)
    likely = words[chances > UNSURE[0]].sum()
    unsure = words[(chances > UNSURE[0]) & (chances < UNSURE[1])].sum()
    return 1.0 - unsure / likely if likely else 0.0


def chosen(blocks: list[Block], chances: np.ndarray, votes: np.ndarray) -> list[Block]:
    """The blocks likely to be article text, in page order, each text once."""
    picked: list[int] = []
    for i, (block, chance, vote) in enumerate(zip(blocks, chances, votes, strict=True)):
        # A paragraph trafilatura kept, next to the last one taken in the same parent,
        # continues the article even where the model is less sure of it. (The parents are
        # compared only where that decides.)
        if chance >= THRESHOLD or (
            chance >= THRESHOLD_VOTED
            and vote >= 0.5
            and bool(picked)
            and blocks[picked[-1]].element.getparent() is block.element.getparent()
        ):
            picked.append(i)
    # Of a text and its repeat (a lead shown again above the headline, a summary cut short, a
    # hidden copy of the whole article), the one among other kept blocks stays: the copy
    # stands alone.
    taken = set(picked)
    support = {i: (i - 1 in taken) + (i + 1 in taken) for i in picked}
    seen: set[Shingle] = set()
    kept = []
    for i in sorted(picked, key=lambda i: (-support[i], -len(blocks[i].words), i)):
        own = shingles(blocks[i].words)
        if len(blocks[i].words) >= REPEAT_MIN_WORDS and len(own & seen) > REPEAT_SHARE * len(own):
            continue
        seen |= own
        kept.append(i)
    return [blocks[i] for i in sorted(kept)]
