"""trafilatura's choice of a page's main text, the block model's strongest clue.

`main_text` takes the steps trafilatura's bare_extraction takes in its fast mode with comments
left out, with the same result (tested), at less cost: it copies the page only where a prune
deletes something, finds comment sections without an XPath search that calls into Python for
every element, and measures the page's text (for the test that retries a short body in recall
mode) without copying the page, only where a cheap upper bound leaves the answer open.
trafilatura is pinned, and these are its internal steps: a new release needs the identity tests
to pass again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from copy import copy
from functools import lru_cache

import trafilatura
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura.baseline import _BLOCK_ELEMS, baseline, html2txt
from trafilatura.core import (
    ESCALATION_ACCEPT_RATIO,
    ESCALATION_MAX_LENGTH,
    ESCALATION_PAGE_SHARE,
    _forum_thread_page,
    _recall_retry,
)
from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
from trafilatura.main_extractor import extract_content
from trafilatura.settings import _COOKIE_CONSENT_RE, Extractor
from trafilatura.utils import remove_control_characters
from trafilatura.xml import delete_element
from trafilatura.xpaths import _COMMENTS_CLASS, _COMMENTS_ID, RAW_TREE_PRUNE_XPATH

from newsdesk.extract import trafilatura_searches

# trafilatura's costliest searches for the main text made in Python, with the same result.
trafilatura_searches.install()

# Strings every class or id RAW_TREE_PRUNE_XPATH matches holds: a page whose source has none
# of them skips that search, which calls Python's re on every div, section and aside.
RAW_PRUNE_NEEDLES = ("nfinite", "mvp-post-add", "elementor-share-buttons")
BLOCK_TAGS = tuple(_BLOCK_ELEMS)


def main_text(tree: HtmlElement, url: str, source: str) -> _Element | None:
    """trafilatura's body for the page `tree` was parsed from (`source`), as
    bare_extraction(fast=True, include_comments=False) finds it; `tree` is left as it is."""
    options = Extractor(output_format="xml", fast=True, comments=False, tables=True, url=url)
    forum = _forum_thread_page(tree)
    page, tree = tree, pruned(tree, source, forum=forum)
    # Cleaning deletes in place: a copy that pruning made is cleaned as it is, and made again
    # where a short body has the steps below read the pruned page.
    private = tree is not page
    cleaned = convert_tags(tree_cleaning(tree if private else copy(tree), options), options, url)
    body, text = extract_content(cleaned, options)
    if private and len(text) < max(ESCALATION_MAX_LENGTH, options.min_extracted_size):
        tree = pruned(page, source, forum=forum)
    if len(text) < options.min_extracted_size:
        # The rescue: trafilatura's baseline on the whole page, where it finds more.
        rescue, rescue_text, rescue_length = baseline(tree)
        if rescue_length > len(text):
            body, text = rescue, rescue_text
    if 0 < len(text) < ESCALATION_MAX_LENGTH and covers_little(text, tree):
        # A short body that covers little of the page: retried in recall mode, as there.
        recall = copy(options)
        recall.focus = "recall"
        try:
            retried, retried_text = _recall_retry(tree, recall, url)
        except Exception:  # as trafilatura: a failed retry keeps the first body
            retried, retried_text = body, ""
        longer = len(retried_text) > ESCALATION_ACCEPT_RATIO * len(text)
        if longer and len(retried_text) >= options.min_extracted_size:
            body, text = retried, retried_text
    return body if len(text) >= options.min_output_size else None


def pruned(tree: HtmlElement, source: str, *, forum: bool) -> HtmlElement:
    """The page without what trafilatura's raw-tree prunes delete (appended articles, share
    buttons, and, except on a forum, comment sections): a copy where they delete anything,
    else `tree` itself."""
    searches = list(RAW_TREE_PRUNE_XPATH) if any(n in source for n in RAW_PRUNE_NEEDLES) else []
    for done, search in enumerate(searches, start=1):
        if found := search(tree):
            # Each later prune searches what the ones before it left.
            copied = prune_unwanted_nodes(without(tree, found), searches[done:])
            if not forum:
                delete_all(comment_sections(copied))
            return copied
    if not forum and (found := comment_sections(tree)):
        return without(tree, found)
    return tree


# REMOVE_COMMENTS_AND_LISTS_XPATH's tests, done in Python: its regular expressions, which
# lxml's XPath runs through a call into Python for every element, are matched only on the
# elements it names that have an id or a class (tested to find the same elements).
COMMENT_HOLDERS = ("div", "list", "section", "details", "ol", "ul")
COMMENT_ID = re.compile(f"^(?:{_COMMENTS_ID}|disqus_thread|dsq-comments)")
COMMENT_LIST_ID = re.compile(f"^(?:{_COMMENTS_ID})")
COMMENT_CLASS = re.compile(_COMMENTS_CLASS)


def comment_sections(tree: HtmlElement) -> list[HtmlElement]:
    """The elements trafilatura's comment prune deletes, in page order."""
    found = []
    for element in tree.iter(*COMMENT_HOLDERS):
        ident, classes = element.get("id"), element.get("class")
        if ident is None and classes is None:
            continue
        named = COMMENT_LIST_ID if element.tag in ("ol", "ul") else COMMENT_ID
        if (ident is not None and named.search(ident)) or (
            classes is not None and COMMENT_CLASS.search(classes)
        ):
            found.append(element)
    return found


def without(tree: HtmlElement, found: list[HtmlElement]) -> HtmlElement:
    """A copy of `tree` without the `found` elements, their tails kept."""
    duplicate = copy(tree)
    delete_all([twin(duplicate, position(tree, element)) for element in found])
    return duplicate


def position(root: HtmlElement, element: HtmlElement) -> list[int]:
    """Where `element` is under `root`: the index of each element on the way down to it. The
    same element in a copy is found by it at the cost of its depth, not of the whole page."""
    steps = []
    while element is not root:
        parent = element.getparent()
        steps.append(parent.index(element))
        element = parent
    return steps[::-1]


def twin(root: HtmlElement, steps: list[int]) -> HtmlElement:
    for step in steps:
        root = root[step]
    return root


def delete_all(elements: list[HtmlElement]) -> None:
    for element in elements:
        delete_element(element)  # its tail stays, as in prune_unwanted_nodes


def covers_little(text: str, tree: HtmlElement) -> bool:
    """Whether `text` is less than trafilatura's share of the page's text (html2txt). That
    measure copies the page and cleans it with an XPath search calling Python for every
    element; an upper bound read without a copy settles most pages (cleaning only removes
    text, and each block element adds at most two spaces), page_text_length the others."""
    body = tree.find(".//body")
    if body is None:
        return len(text) < ESCALATION_PAGE_SHARE * len(html2txt(tree))
    words = body.text_content().split()
    blocks = sum(1 for _ in body.iter(*BLOCK_TAGS))
    bound = sum(map(len, words)) + len(words) + 2 * blocks
    if len(text) >= ESCALATION_PAGE_SHARE * bound:
        return False
    return len(text) < ESCALATION_PAGE_SHARE * page_text_length(body)


# trafilatura's basic cleaning (baseline.BASIC_CLEAN_XPATH), element by element.
CLEANED_TAGS = frozenset(("aside", "fencedframe", "footer", "script", "style", "svg", "template"))
CONSENT = re.compile(_COOKIE_CONSENT_RE, re.IGNORECASE)


def cleaned_away(element: HtmlElement) -> bool:
    """Whether trafilatura's basic cleaning deletes `element` (below <body>)."""
    tag = element.tag
    if tag in CLEANED_TAGS:
        return True
    classes, ident = element.get("class"), element.get("id")
    if classes is None and ident is None:
        return False
    if tag == "div" and "footer" in (classes or "") + (ident or ""):
        # contains(@class|@id, ...) reads whichever of the two the element names first.
        first = next(value for name, value in element.items() if name in ("class", "id"))
        if "footer" in first:
            return True
    return _consent(classes) or _consent(ident)


@lru_cache(maxsize=4096)
def _consent(name: str | None) -> bool:
    return name is not None and CONSENT.search(name) is not None


def page_text_length(body: HtmlElement) -> int:
    """len(html2txt(...)) for the page `body` is from, without copying it: its text once
    basic cleaning has deleted what it deletes (their tails kept, joined to what comes
    before), with a space on each side of a block element's text and tail, the characters
    remove_control_characters drops taken from those, and runs of spaces made one."""
    pieces: list[str] = []
    _page_text(body, pieces)
    words = "".join(pieces).split()
    return sum(map(len, words)) + len(words) - 1 if words else 0


def _page_text(element: HtmlElement, pieces: list[str]) -> None:
    """Append the text of `element` and of what it holds, without its own tail, as
    _spaced_text leaves it after basic cleaning."""
    text = element.text or ""
    kept: list[tuple[HtmlElement, str]] = []  # children that stay, with their tails
    for child in element:
        if isinstance(child.tag, str) and cleaned_away(child):
            # Its tail goes to the child before it, or to this element's own text.
            if child.tail:
                if kept:
                    kept[-1] = (kept[-1][0], kept[-1][1] + child.tail)
                else:
                    text += child.tail
        else:
            kept.append((child, child.tail or ""))
    pieces.append(_spaced(text) if element.tag in _BLOCK_ELEMS else text)
    for child, tail in kept:
        if isinstance(child.tag, str):  # a comment's own text is no text of the page
            _page_text(child, pieces)
        pieces.append(_spaced(tail) if child.tag in _BLOCK_ELEMS else tail)


def _spaced(text: str) -> str:
    return f" {remove_control_characters(text)}" if text else " "


def full_main_text(tree: HtmlElement, url: str) -> _Element | None:
    """trafilatura's body as its full run finds it, weighing its result against readability's
    and jusText's: for pages where the fast steps find nothing."""
    document = trafilatura.bare_extraction(
        tree,
        url=url or None,
        # Its body tree is what we read: "xml" spares the plain text the "python" format makes.
        output_format="xml",
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        fast=False,
    )
    return document.body if document is not None else None


# What a parsed page's <head> holds once scripts and styles are gone.
HEAD_ONLY = frozenset(("title", "meta", "link", "base"))


@contextmanager
def head_set_aside(tree: HtmlElement) -> Iterator[None]:
    """The page without its <head> for a while, as trafilatura's steps would leave it: they
    read nothing in it (no scripts are left) and delete it unread, but copy it with the page
    and walk it first. Its line break after it stays, as there."""
    head = tree[0] if len(tree) else None
    if (
        head is None
        or head.tag != "head"
        or any(e.tag not in HEAD_ONLY for e in head.iterdescendants())
    ):
        yield
        return
    text = tree.text
    tree.remove(head)  # with its tail
    if head.tail:
        tree.text = (text or "") + head.tail  # as trafilatura's delete_element keeps it
    try:
        yield
    finally:
        tree.text = text
        tree.insert(0, head)
