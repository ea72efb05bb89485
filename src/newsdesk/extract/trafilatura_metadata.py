"""trafilatura's metadata, for the fields newsdesk's own reading of a page leaves empty.

Its author search is the costly one: it copies the page, prunes the copy, and runs three XPath
searches whose regular expressions call into Python for every element. `page_author` finds the
same author (tested against trafilatura's extract_author) with the searches' tests made in one
walk, and copies the page only where that walk finds a candidate at all.
"""

from __future__ import annotations

import re
from contextlib import suppress
from copy import deepcopy

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import (
    META_URL,
    Document,
    examine_meta,
    extract_catstags,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.utils import trim
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS

from newsdesk.extract.metadata import Metadata


def trafilatura_metadata(tree: HtmlElement, url: str, meta: Metadata) -> Document:
    """trafilatura's extract_metadata for the fields ours lacks: without its date search,
    categories and licence, which go unused, and its costlier searches (a title in the
    headings, an author in a pruned copy of the page, tags in links) only where ours is empty."""
    found = examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None  # as extract_metadata: a single word is no author's name
    # As extract_metadata: its JSON-LD reader has bugs on odd pages, which cost only that.
    with suppress(Exception):
        found = extract_meta_json(tree, found)
    if not found.title and not meta.title:
        found.title = extract_title(tree)
    if not found.author and not meta.authors:
        found.author = page_author(tree)
    if not meta.site_name:
        found.sitename = found.sitename or extract_sitename(tree)
        if found.sitename:
            found.sitename = found.sitename.lstrip("@")
            if found.sitename and "." not in found.sitename and not found.sitename[0].isupper():
                found.sitename = found.sitename.title()
        elif match := META_URL.match(found.url or extract_url(tree, url or None) or ""):
            found.sitename = match[1]
    if not found.tags and not meta.tags:
        found.tags = extract_catstags("tag", tree)
    found.clean_and_trim()
    return found


# trafilatura's AUTHOR_XPATHS, test by test: the tags each of its three searches takes, and the
# patterns it matches class names and ids with.
FIRST_TAGS = frozenset(("a", "address", "div", "link", "p", "span", "strong"))
SECOND_TAGS = frozenset(("a", "div", "h3", "h4", "p", "span"))
NAME_CLASS = re.compile("author-?name|AuthorName|authorName")
SECOND_ID = re.compile("author|zuozhe|bianji|xiaobian")
SECOND_CLASS = re.compile(
    "author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"
)
THIRD_ID = re.compile("[Aa]uthor")
THIRD_CLASS = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")
AUTHOR_TEST_IDS = ("AuthorCard", "AuthorURL")
BYLINE_CLASSES = ("byline", "username", "byl", "BBL")
AUTHOR_MAX_CHARS = 120  # extract_author's limit


def page_author(tree: HtmlElement) -> str | None:
    """trafilatura's extract_author: the first text of 3 to 119 characters among the elements
    its searches select, in their order, once comments, dates and figures are pruned."""
    # Pruning only takes elements away: where the page has no candidate, its copy has none.
    # (A <rel> child's text could change, so a page with one is always searched.)
    if not any(author_selections(tree)) and next(tree.iter("rel"), None) is None:
        return None
    pruned = prune_unwanted_nodes(deepcopy(tree), AUTHOR_DISCARD_XPATHS)
    for selection in author_selections(pruned):
        for element in selection:
            content = trim(" ".join(element.itertext()))
            if content and 2 < len(content) < AUTHOR_MAX_CHARS:
                return normalize_authors(None, content)
    return None


def author_selections(tree: HtmlElement) -> tuple[list, list, list]:
    """What each of trafilatura's three author searches selects, in page order."""
    first: list[HtmlElement] = []
    second: list[HtmlElement] = []
    third: list[HtmlElement] = []
    # rel='me' in the first search: an element with a <rel> child whose text is "me".
    rel_me = {rel.getparent() for rel in tree.iter("rel") if rel.text_content() == "me"}
    for element in tree.iter(etree.Element):
        tag = element.tag
        classes, ident = element.get("class"), element.get("id")
        itemprop = element.get("itemprop")
        if tag == "author" or (
            tag in FIRST_TAGS
            and (
                element.get("rel") == "author"
                or ident == "author"
                or classes == "author"
                or itemprop == "author name"
                or element.get("data-testid") in AUTHOR_TEST_IDS
                or (classes is not None and NAME_CLASS.search(classes) is not None)
                or element in rel_me
            )
        ):
            first.append(element)
        author_prop = itemprop is not None and "author" in itemprop
        if tag in SECOND_TAGS and (
            classes in BYLINE_CLASSES
            or author_prop
            or (ident is not None and SECOND_ID.search(ident) is not None)
            or (classes is not None and SECOND_CLASS.search(classes) is not None)
        ):
            second.append(element)
        if (
            "Byline" in (element.get("data-component") or "")
            or author_prop
            or (ident is not None and THIRD_ID.search(ident) is not None)
            or (classes is not None and THIRD_CLASS.search(classes) is not None)
        ):
            third.append(element)
    return first, second, third
