"""Which of a page's text blocks are the article: a gradient-boosted model over block features.

The model file ships with the package; `bench/train-block-model` makes it from the extraction
benchmark's dev pages and says how well it does on pages it did not learn from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import lightgbm
import numpy as np
from lxml.etree import _Element

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
# A heading that opens a list of other articles. A bare "Read more" is not one: it is the button
# that unfolds the rest of the article.
RELATED_HEADING = re.compile(
    r"(?!\W*(read|see|show|view) more\W*$)\W*(related|more (from|on|in|news|stories|articles"
    r"|like this|to read|headlines)|latest|top (stories|news)|most (read|popular|viewed|shared"
    r"|emailed)|popular|trending|recommended|you (may|might) (also )?(like|be interested)"
    r"|don'?t miss|see (also|more)|read (more|also|next)|also read|partner|sponsored"
    r"|editor'?s picks|around the web|about (the )?(author|company|us)|other news"
    r"|further reading|what to read next|up next|in other news)",
    re.IGNORECASE,
)
# The first words such a heading can start with: a set lookup spares most lines the pattern.
RELATED_FIRST_WORDS = frozenset(
    (
        *("related", "more", "latest", "top", "most", "popular", "trending", "recommended"),
        *("you", "don", "see", "read", "also", "partner", "partners", "sponsored", "editor"),
        *("editors", "around", "about", "other", "further", "what", "up", "in"),
    )
)
HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
HEADING_MAX_WORDS = 6  # a short line that ends no sentence reads as a heading
SECTION_END_WORDS = 40  # a paragraph this long is article text again, not a teaser
# A paragraph laid out as the article's own is taken when it reads as prose: this many words,
# few of them links, ending a sentence.
ALIKE_MIN_WORDS = 15
ALIKE_MAX_LINK_SHARE = 0.1
# Between two paragraphs taken, one of the same layout may be short, or up to half links.
SANDWICHED_MAX_LINK_SHARE = 0.5
# The markup of a post embedded from a social network, and how far above a block it is looked for.
EMBEDDED_POST = re.compile(r"twitter-tweet|instagram-media|tiktok-embed|fb-post|bluesky-embed")
EMBED_DEPTH = 4
SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "'")


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


def certainty(
    blocks: list[Block], chances: np.ndarray, settled: Callable[[Block], bool] | None = None
) -> float:
    """1 less the share of the page's likely text (by words) whose chance the model left
    unsure. On dev pages the model had not learnt from, this share went with a worse body
    (Spearman -0.29 in 5-fold cross-validation), where the body's length did not. An unsure
    block that `settled` decides (boilerplate known by its wording, the headline again) leaves
    no doubt about the body."""
    words = np.array([len(b.words) for b in blocks], dtype=float)
    likely = chances > UNSURE[0]
    unsure = likely & (chances < UNSURE[1])
    if settled is not None:
        for i in np.flatnonzero(unsure):
            if settled(blocks[i]):
                likely[i] = unsure[i] = False
    total = words[likely].sum()
    return 1.0 - words[unsure].sum() / total if total else 0.0


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
    kept.sort()
    kept = _laid_out_alike(blocks, kept)
    kept = _embedded_posts(blocks, kept)
    dropped = _related_lists(blocks, kept)
    kept = [i for i in kept if i not in dropped]
    # Headings the article ends on head nothing of it: they are a list of other headlines.
    while kept and blocks[kept[-1]].tag in HEADINGS:
        kept.pop()
    return [blocks[i] for i in kept]


def _laid_out_alike(blocks: list[Block], kept: list[int]) -> list[int]:
    """The kept blocks, and the paragraphs of prose below the article's start that are laid out
    as most of its text is (the same tag in a container of the same tag and class). A page that
    splits its article into chunks, each in a container of its own, can lose all the chunks
    after the first: trafilatura keeps only one, and the model follows it. Such a paragraph is
    taken also where it repeats another: an interview that asks each guest the same question
    prints it each time, where a hidden copy or a summary box has a layout of its own."""
    if not kept:
        return kept
    words: dict[tuple[str, tuple[str, str | None] | None], int] = {}
    for i in kept:
        layout = (blocks[i].tag, _shape(blocks[i].element.getparent()))
        words[layout] = words.get(layout, 0) + len(blocks[i].words)
    main = max(words, key=words.__getitem__)
    # A classless container is every page's plain <div>: no sign of the article's template.
    if main[1] is None or main[1][1] is None or 2 * words[main] < sum(words.values()):
        return kept
    taken = set(kept)
    alike = [
        i
        for i in range(kept[0], len(blocks))
        if blocks[i].tag == main[0] and _shape(blocks[i].element.getparent()) == main[1]
    ]
    for i in alike:
        block = blocks[i]
        if (
            i not in taken
            and len(block.words) >= ALIKE_MIN_WORDS
            and block.link_chars <= ALIKE_MAX_LINK_SHARE * len(block.text)
            and block.text.rstrip().endswith(SENTENCE_ENDS)
        ):
            taken.add(i)
    # Paragraphs of that layout between two taken ones are the article's too, short or linked.
    run: list[int] = []  # those met since the last taken one
    for i in alike:
        if i in taken:
            taken.update(run)
            run = []
        elif blocks[i].link_chars <= SANDWICHED_MAX_LINK_SHARE * len(blocks[i].text):
            run.append(i)
    return sorted(taken)


def _embedded_posts(blocks: list[Block], kept: list[int]) -> list[int]:
    """The kept blocks, and the text of the social-media posts embedded between them: the
    article quotes them, though their markup is nothing like its paragraphs'."""
    if len(kept) < 2:
        return kept
    taken = set(kept)
    for i in range(kept[0] + 1, kept[-1]):
        if i not in taken and _in_embedded_post(blocks[i].element):
            taken.add(i)
    return sorted(taken)


def _in_embedded_post(element: _Element) -> bool:
    for _ in range(EMBED_DEPTH):
        if EMBEDDED_POST.search(element.get("class") or ""):
            return True
        parent = element.getparent()
        if parent is None:
            return False
        element = parent
    return False


def _related_lists(blocks: list[Block], kept: list[int]) -> set[int]:
    """The kept blocks listed under a related-content heading ("Top stories", "More from X")
    below the start of the article, with the heading: teasers of other articles, which read
    like its paragraphs. A list runs to the next heading or long paragraph, and is dropped only
    where none of its blocks sits in a container shaped like those of the article above it (a
    list's items have markup of their own; an article's paragraphs share theirs)."""
    if not kept:
        return set()
    start = kept[0] + 1
    # Most blocks are long, or start with another word: tested for that before the pattern.
    headings = [
        i
        for i, block in enumerate(blocks[start:], start)
        if block.words
        and block.words[0].lower() in RELATED_FIRST_WORDS
        and _opens_related_list(block)
    ]
    if not headings:
        return set()
    taken = set(kept)
    sections = {h: [i for i in _section_after(blocks, h) if i in taken] for h in headings}
    # Shapes of the kept blocks only: each costs two lookups in the tree.
    shapes = {i: _shape(blocks[i].element.getparent()) for i in taken}
    dropped: set[int] = set()
    for heading, listed in sections.items():
        article = {shapes[i] for i in kept if i < heading}
        if listed and not any(shapes[i] in article for i in listed):
            dropped.update([heading, *listed])
    return dropped


def _opens_related_list(block: Block) -> bool:
    heading = block.tag in HEADINGS or (
        len(block.words) <= HEADING_MAX_WORDS and not block.text.endswith((".", "!", "?"))
    )
    return heading and RELATED_HEADING.match(block.text) is not None


def _section_after(blocks: list[Block], heading: int) -> range:
    """The blocks after a heading, up to the next heading or long paragraph."""
    end = heading + 1
    while end < len(blocks):
        block = blocks[end]
        if block.tag in HEADINGS or len(block.words) >= SECTION_END_WORDS:
            break
        end += 1
    return range(heading + 1, end)


def _shape(element: _Element | None) -> tuple[str, str | None] | None:
    """An element's tag and class names: what the containers of one kind share."""
    return None if element is None else (element.tag, element.get("class"))
