"""A page cut into text blocks, and what each block looks like to the block model.

A block is the run of text a block-level element holds directly or through inline elements
(`<p>` with its links and emphasis, a list item, a table cell, the words of a `<div>` between
two paragraphs). The block model (extract.block_model) reads the numbers `features` gives for
each block: its length and link share, its tag and the tags and class names around it, where it
stands on the page, what its neighbours are, and how much of it trafilatura's own pass kept.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from lxml.etree import _Element

from newsdesk.extract.walks import BlockWalk

INLINE = frozenset(
    [
        "a",
        "abbr",
        "acronym",
        "b",
        "bdi",
        "bdo",
        "big",
        "br",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "img",
        "ins",
        "kbd",
        "label",
        "mark",
        "nobr",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
    ]
)
# Never shown as text: code, forms, media and embedded documents.
SKIPPED = frozenset(
    [
        "audio",
        "button",
        "canvas",
        "embed",
        "head",
        "iframe",
        "input",
        "math",
        "noscript",
        "object",
        "option",
        "picture",
        "script",
        "select",
        "source",
        "style",
        "svg",
        "template",
        "textarea",
        "video",
    ]
)
# Pieces of class names and ids, by what they tend to mark: a piece counts anywhere inside a
# name ("post-content", "sidebarLeft"), a whole word only as a part of one ("ad-slot", "tags").
MARKS = {
    "content": "article content body entry post story text main prose rich",
    "comment": "comment disqus respon repl",
    "share": "share social sharing facebook twitter whatsapp",
    "related": "related recommend more read also popular trending next prev teaser promo"
    " outbrain taboola",
    "navigation": "nav menu breadcrumb crumb pagination skip",
    "sidebar": "sidebar side widget rail aside",
    "footer": "foot copyright legal",
    "header": "header masthead topbar title headline",
    "advert": "advert sponsor dfp banner gpt",
    "author": "author byline bio contributor writer profile",
    "dateline": "meta date time info dateline timestamp publish",
    "media": "caption credit figure photo image img gallery media video embed",
    "tags": "topic categor keyword label",
    "signup": "newsletter subscri signup sign-up email register paywall cta",
    "hidden": "hidden hide modal popup overlay cookie consent gdpr",
}
_MARK_OF_PIECE = {piece: name for name, pieces in MARKS.items() for piece in pieces.split()}


def _longest_piece_pattern(pieces: Iterable[str]) -> str:
    """A pattern that matches, where a piece starts, the longest piece starting there (so that
    "breadcrumb" is read as navigation, not as "read" inside it). Written as a tree of letters,
    one branch per letter: an alternation of the pieces would try every piece at every position.
    """
    tree: dict = {}
    for piece in pieces:
        node = tree
        for letter in piece:
            node = node.setdefault(letter, {})
        node[""] = {}  # a piece ends here

    def branches(node: dict) -> str:
        options = [re.escape(letter) + branches(rest) for letter, rest in node.items() if letter]
        if not options:
            return ""
        either = options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"
        # A longer piece is tried first; the one ending here is the fallback.
        return f"(?:{either})?" if "" in node else either

    return branches(tree)


_PIECES = re.compile(_longest_piece_pattern(_MARK_OF_PIECE))
WHOLE_WORDS = {"ad": "advert", "ads": "advert", "tag": "tags", "tags": "tags"}
NAME_PARTS = re.compile(r"[-_:.\s]+")  # within a name, and between names
DIGITS = re.compile(r"\d+")  # ids differ by number only: "post-4711", "post-4712"
CONTAINERS = [
    "article",
    "aside",
    "blockquote",
    "figure",
    "footer",
    "form",
    "header",
    "li",
    "main",
    "nav",
    "section",
    "table",
]
# A block's context lists the marks around it (each counted up to MAX_MARKS times), then the
# containers it is in, then whether it is inside itemprop=articleBody.
MAX_MARKS = 3
_MARK_COLUMN = {name: i for i, name in enumerate(MARKS)}
_CONTAINER_COLUMN = {tag: len(MARKS) + i for i, tag in enumerate(CONTAINERS)}
OWN_TAGS = [
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "td",
    "blockquote",
    "figcaption",
    "dd",
    "pre",
    "section",
    "article",
]
SUBHEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
TOKEN = re.compile(r"\w+")
SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)]?(\s|$)")
ENDS_SENTENCE = re.compile(r"[.!?。！？:;][\"'”’)]?$")
SHINGLE = 4
NEIGHBOURS = (-2, -1, 1, 2)
WINDOW = 5  # blocks either side for the local share of trafilatura's votes
SAMPLE = 200  # characters of a block read for its share of digits and capitals
# A long paragraph: the article's text, where teasers, captions and notes are short or links.
LONG_WORDS = 20
LONG_MAX_LINK_SHARE = 0.2


@dataclass(slots=True)
class Block:
    element: _Element  # the block-level element that holds the text
    tag: str
    text: str
    link_chars: int
    # Marks, containers and itemprop=articleBody around it: the "around" run of FEATURES.
    context: list[int] = field(default_factory=list)
    words: list[str] = field(default_factory=list)


def segment(root: _Element) -> list[Block]:
    """The page's text blocks in reading order, from <body> (or the root) down."""
    # The HTML parser puts <body> right under the root. Looked for there first: a search of
    # the whole tree reads every element, lxml's iterators looking one match ahead.
    body = root.find("body")
    if body is None:
        body = root.find(".//body")
    start = body if body is not None else root
    if (tag := start.tag.lower()) in SKIPPED:
        return []
    walk = BlockWalk(INLINE, SKIPPED, _CONTAINER_COLUMN, MAX_MARKS, marks_of, is_hover_card)
    found = walk.run(start, tag, [0] * (len(MARKS) + len(CONTAINERS) + 1))
    return [
        Block(element, tag, text, links, context, TOKEN.findall(text))
        for element, tag, text, links, context in found
    ]


# A card that shows on hovering a name inside a paragraph (a photo, the name again, links to
# other articles): hidden text, not the sentence it sits in.
# The card, not the name it belongs to: "rollover-people-block", not "rollover-people-link".
HOVER_CARD = re.compile(
    r"(rollover|hover-?card|popover|tooltip)[\w-]*[-_](block|card|content|box|body|popup|inner)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def is_hover_card(classes: str) -> bool:
    return HOVER_CARD.search(classes) is not None


@lru_cache(maxsize=16384)
def marks_of(name: str) -> int:
    """The marks in one class name or id, a bit for each one's context column. A class and
    id are read name by name: no piece spans the space between two names, and while most ids
    are unique and many class strings too, their names repeat across elements and pages."""
    # Ids differ by number only ("post-4711", "post-4712"): read without their digits.
    return _marks_of_letters(DIGITS.sub("", name).lower())


@lru_cache(maxsize=16384)
def _marks_of_letters(name: str) -> int:
    found = {_MARK_OF_PIECE[piece] for piece in _PIECES.findall(name)}
    found.update(WHOLE_WORDS[part] for part in NAME_PARTS.split(name) if part in WHOLE_WORDS)
    return sum(1 << _MARK_COLUMN[mark] for mark in found)


# A shingle is a run of SHINGLE words, kept as a tuple: hashing one is cheaper than joining its
# words into a string first.
Shingle = tuple[str, ...]


def shingles(words: list[str]) -> set[Shingle]:
    return set(zip(*(words[k:] for k in range(SHINGLE)), strict=False))


def coverage(blocks: list[Block], wanted: set[Shingle]) -> np.ndarray:
    """Per block, the share of its words inside a 4-word shingle found in `wanted`: shingles
    within the block, or, for a block under four words, shingles reaching into its neighbours."""
    stream = [word for block in blocks for word in block.words]
    lengths = np.array([len(block.words) for block in blocks], dtype=np.int64)
    if len(stream) < SHINGLE:
        return np.zeros(len(blocks))
    owner = np.repeat(np.arange(len(blocks)), lengths)
    grams = zip(*(stream[k:] for k in range(SHINGLE)), strict=False)
    hits = np.fromiter(map(wanted.__contains__, grams), dtype=bool)
    inside = hits & (owner[: len(hits)] == owner[SHINGLE - 1 :])
    # A word is covered by any shingle starting at most three words before it.
    spread = np.zeros(len(stream), dtype=bool)
    spread_inside = np.zeros(len(stream), dtype=bool)
    for k in range(SHINGLE):
        spread[k : k + len(hits)] |= hits
        spread_inside[k : k + len(hits)] |= inside
    covered = np.where(lengths[owner] >= SHINGLE, spread_inside, spread)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    counts = np.add.reduceat(covered.astype(float), starts[lengths > 0])
    shares = np.zeros(len(blocks))
    shares[lengths > 0] = counts / lengths[lengths > 0]
    return shares


FEATURES = [
    "log_words",
    "under_5_words",
    "under_15_words",
    "over_40_words",
    "link_share",
    "all_link",
    *(f"tag_{t}" for t in OWN_TAGS),
    *(f"marked_{name}" for name in MARKS),
    *(f"in_{t}" for t in CONTAINERS),
    "article_body",
    "ends_sentence",
    "sentences",
    "digit_share",
    "upper_share",
    "starts_upper",
    "position",
    "words_before",
    "before_h1",
    "is_title",
    "repeated",
    "vote",
    *(f"{name}@{d}" for d in NEIGHBOURS for name in ("log_words", "link_share", "vote")),
    "vote_nearby",
    "outside_vote_span",
    "parent_vote_share",
    "grandparent_vote_share",
    "parent_long_share",
    "shape_vote_share",
]
_LOG_WORDS, _LINK_SHARE, _VOTE = (FEATURES.index(n) for n in ("log_words", "link_share", "vote"))


_COLUMN = {name: i for i, name in enumerate(FEATURES)}
_OWN_TAG = {t: _COLUMN[f"tag_{t}"] for t in OWN_TAGS} | {t: _COLUMN["tag_h2"] for t in SUBHEADINGS}
# The columns for the marks and containers around a block, one run of FEATURES.
_AROUND = slice(_COLUMN[f"marked_{next(iter(MARKS))}"], _COLUMN["article_body"] + 1)
_OWN = _COLUMN["vote"] + 1  # the columns a block has of its own, before its neighbours'


# Per ASCII character: whether str.isdigit, isupper and isalpha hold for it.
_ASCII_CLASSES = np.array(
    [(c.isdigit(), c.isupper(), c.isalpha()) for c in map(chr, range(128))], dtype=np.int32
)


def _char_counts(samples: list[str]) -> np.ndarray:
    """Per sample, its digits, capitals and letters, as str.isdigit, isupper and isalpha count
    them: one row of three counts each."""
    # All samples at once, as code points: ASCII classed by a table, other characters once
    # each by the str methods.
    points = np.frombuffer("".join(samples).encode("utf-32-le", "surrogatepass"), np.uint32)
    classes = _ASCII_CLASSES[np.minimum(points, 127)]
    wide = points > 127
    if wide.any():
        others, where = np.unique(points[wide], return_inverse=True)
        found = [(c.isdigit(), c.isupper(), c.isalpha()) for c in map(chr, others.tolist())]
        classes[wide] = np.array(found, dtype=np.int32)[where]
    totals = np.concatenate([np.zeros((1, 3), np.int32), np.cumsum(classes, axis=0)])
    lengths = np.array([len(sample) for sample in samples], dtype=np.int64)
    ends = np.cumsum(lengths)
    return totals[ends] - totals[ends - lengths]


def _text_shapes(texts: list[str]) -> np.ndarray:
    """Per text, whether it ends a sentence, how many it holds (up to 10), its share of digits
    and of capitals among letters (in its first SAMPLE characters), and a capital first."""
    counts = _char_counts([text[:SAMPLE] for text in texts])
    shapes = np.zeros((len(texts), 5))
    shapes[:, 0] = [ENDS_SENTENCE.search(text[-3:]) is not None for text in texts]
    shapes[:, 1] = [min(len(SENTENCE_END.findall(text)), 10) for text in texts]
    shapes[:, 2] = counts[:, 0] / np.minimum([len(text) for text in texts], SAMPLE)
    shapes[:, 3] = counts[:, 1] / np.maximum(counts[:, 2], 1)
    shapes[:, 4] = [text[:1].isupper() for text in texts]
    return shapes


def _title_and_repeats(blocks: list[Block], title: str) -> list[tuple[bool, bool]]:
    """Per block, whether its words are the title's, and whether a block of ten or more words
    said the same before it."""
    title_words = " ".join(TOKEN.findall(title.lower()))
    seen: set[str] = set()
    found = []
    for block in blocks:
        key = " ".join(block.words)
        found.append(
            (
                bool(title_words) and key.lower() == title_words,
                len(block.words) >= 10 and key in seen,
            )
        )
        seen.add(key)
    return found


def features(
    blocks: list[Block], voted: Iterable[Shingle], title: str, *, menus_voted: bool = False
) -> np.ndarray:
    """One row of FEATURES per block. `voted` holds the shingles of trafilatura's body; where
    that took in the page's menus (see `voted_menus`), blocks mostly of links get no vote."""
    n = len(blocks)
    rows = np.zeros((n, len(FEATURES)))
    if not n:
        return rows
    # Filled a column at a time: numpy does per column what a loop would do per block.
    words = np.array([len(b.words) for b in blocks], dtype=float)
    chars = np.array([len(b.text) for b in blocks], dtype=float)
    link_chars = np.array([b.link_chars for b in blocks], dtype=float)
    rows[:, _LOG_WORDS] = [math.log1p(len(b.words)) for b in blocks]
    rows[:, _COLUMN["under_5_words"]] = words < 5
    rows[:, _COLUMN["under_15_words"]] = words < 15
    rows[:, _COLUMN["over_40_words"]] = words > 40
    rows[:, _LINK_SHARE] = link_chars / chars
    rows[:, _COLUMN["all_link"]] = link_chars > 0.8 * chars
    own_tags = np.fromiter((_OWN_TAG.get(b.tag, -1) for b in blocks), np.int64, n)
    tagged = np.flatnonzero(own_tags >= 0)
    rows[tagged, own_tags[tagged]] = 1.0
    rows[:, _AROUND] = [b.context for b in blocks]
    rows[:, _COLUMN["ends_sentence"] : _COLUMN["starts_upper"] + 1] = _text_shapes(
        [b.text for b in blocks]
    )
    index = np.arange(n)
    rows[:, _COLUMN["position"]] = index / n
    total_words = words.sum() or 1
    rows[:, _COLUMN["words_before"]] = (np.cumsum(words) - words) / total_words
    first_h1 = next((i for i, b in enumerate(blocks) if b.tag == "h1"), -1)
    rows[:, _COLUMN["before_h1"]] = index < first_h1
    rows[:, _COLUMN["is_title"] : _COLUMN["repeated"] + 1] = _title_and_repeats(blocks, title)
    rows[:, _VOTE] = coverage(blocks, set(voted))
    if menus_voted:
        rows[rows[:, _LINK_SHARE] > MENU_LINK_SHARE, _VOTE] = 0.0
    own = rows[:, [_LOG_WORDS, _LINK_SHARE, _VOTE]]
    for k, d in enumerate(NEIGHBOURS):
        source = np.arange(n) + d
        inside = (source >= 0) & (source < n)
        picked = own[np.clip(source, 0, max(n - 1, 0))]
        column = _OWN + 3 * k
        rows[:, column] = np.where(inside, picked[:, 0], 0.0)
        rows[:, column + 1] = np.where(inside, picked[:, 1], 1.0)
        rows[:, column + 2] = np.where(inside, picked[:, 2], 0.0)
    sums = np.concatenate([[0.0], np.cumsum(rows[:, _VOTE])])
    low = np.clip(np.arange(n) - WINDOW, 0, n)
    high = np.clip(np.arange(n) + WINDOW + 1, 0, n)
    rows[:, _COLUMN["vote_nearby"]] = (sums[high] - sums[low]) / (high - low)
    _vote_layout(blocks, words, rows)
    return rows


# An article is prose: a body more than this share links (by words) took in the page's menus.
MENU_LINK_SHARE = 0.5


def voted_menus(blocks: list[Block], rows: np.ndarray) -> bool:
    """Whether trafilatura's body, as `rows` read it, is mostly links by words: its last resort,
    the text of the whole page, takes in the menus."""
    voted = np.array([len(b.words) for b in blocks], dtype=float) * rows[:, _VOTE]
    return bool((voted * rows[:, _LINK_SHARE]).sum() > MENU_LINK_SHARE * voted.sum())


def _vote_layout(blocks: list[Block], words: np.ndarray, rows: np.ndarray) -> None:
    """Where a block stands to the text trafilatura kept: how far before its first or after
    its last kept block (a page's furniture sits around the article), and the share of the
    kept words that are in blocks of the same parent, and of the same grandparent (an
    article's paragraphs share one container, also those trafilatura missed). Also the share of
    the page's long, unlinked paragraphs that are in the same parent: the same evidence read from
    the page alone, for where trafilatura kept a teaser list or an author's note. `words` holds
    each block's number of words."""
    n = len(blocks)
    kept = rows[:, _VOTE] >= 0.5
    found = np.flatnonzero(kept)
    if len(found):
        index = np.arange(n)
        before = np.clip((found[0] - index) / 10, 0, 5)
        rows[:, _COLUMN["outside_vote_span"]] = before + np.clip((index - found[-1]) / 10, 0, 5)
    else:
        rows[:, _COLUMN["outside_vote_span"]] = 5.0
    parents = [b.element.getparent() for b in blocks]
    parents = [p if p is not None else b.element for p, b in zip(parents, blocks, strict=True)]
    grandparents = [p.getparent() for p in parents]
    grandparents = [g if g is not None else p for g, p in zip(grandparents, parents, strict=True)]
    by_parent, by_grandparent = _groups(parents), _groups(grandparents)
    kept_words = words * kept
    rows[:, _COLUMN["parent_vote_share"]] = _group_shares(by_parent, kept_words)
    rows[:, _COLUMN["grandparent_vote_share"]] = _group_shares(by_grandparent, kept_words)
    long_text = (words >= LONG_WORDS) & (rows[:, _LINK_SHARE] < LONG_MAX_LINK_SHARE)
    rows[:, _COLUMN["parent_long_share"]] = _group_shares(by_parent, words * long_text)
    # Blocks laid out alike (the same tag in a parent of the same tag and class): where a page
    # splits its article into chunks, trafilatura may keep the first and miss the rest. Each
    # parent's tag and class are read once, numbered, then paired with each block's own tag.
    shapes: dict[tuple[str, str | None], int] = {}
    first_of = np.unique(by_parent, return_index=True)[1]
    parent_shape = np.array(
        [
            shapes.setdefault((parents[i].tag, parents[i].get("class")), len(shapes))
            for i in first_of
        ]
    )
    tags: dict[str, int] = {}
    tag = np.fromiter((tags.setdefault(b.tag, len(tags)) for b in blocks), np.int64, n)
    by_shape = parent_shape[by_parent] * len(tags) + tag
    rows[:, _COLUMN["shape_vote_share"]] = _group_shares(by_shape, kept_words)


def _groups(owners: list[_Element]) -> np.ndarray:
    """Per block, a number for its owner, one for all blocks of the same owner. (The owners
    are held in the list: an element's id is its proxy's, which lxml may reuse once dropped.)"""
    numbers: dict[int, int] = {}
    return np.array([numbers.setdefault(id(owner), len(numbers)) for owner in owners])


def _group_shares(groups: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Per block, the share of all `counts` that falls to the blocks of its group."""
    return np.bincount(groups, weights=counts)[groups] / (counts.sum() or 1.0)
