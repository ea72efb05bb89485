"""trafilatura's costliest searches, for a page's main text and its author, made in Python.

They test class names and ids with EXSLT's re:test, which lxml answers by calling Python's re
for every element and every pattern: a tenth of the time spent finding the main text. Here an
element's class and id are each matched once per distinct value (cached), with the patterns read
from trafilatura's own expressions. Each replica stands for one exact expression, known by a
digest of its text: where another trafilatura release changes it, its XPath stays in use.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import lru_cache

from lxml import etree
from lxml.etree import XPath, _Element
from trafilatura import xpaths

RE_TEST = re.compile(r"re:test\(([@\w|-]+), '([^']*)'\)")

Search = Callable[[_Element], list[_Element]]


def _tests(search: XPath) -> list[Callable[[str], bool]]:
    """The expression's re:test patterns in the order it names them, each as a cached test
    of one value (each replica knows what its expression tests each against)."""
    tests = []
    for _, pattern in RE_TEST.findall(search.path):
        compiled = re.compile(pattern)
        tests.append(lru_cache(maxsize=8192)(lambda v, p=compiled: p.search(v) is not None))
    return tests


def _first(element: _Element, one: str, other: str) -> str | None:
    """The value of whichever of two attributes the element names first, as XPath reads a
    test of "@one|@other"."""
    a, b = element.get(one), element.get(other)
    if a is None or b is None:
        return b if a is None else a
    names = element.keys()
    return a if names.index(one) < names.index(other) else b


def body_search(search: XPath) -> Search:
    """BODY_XPATH's first search: an article, div, main or section named as the article body,
    the first such child of each parent."""
    by_id, by_class = _tests(search)

    def find(tree: _Element) -> list[_Element]:
        found, parents = [], set()
        for element in tree.iterdescendants("article", "div", "main", "section"):
            ident, classes = element.get("id"), element.get("class")
            if (
                classes in ("post", "entry")
                or ident == "articleContent"
                or element.get("itemprop") == "articleBody"
                or (ident is not None and by_id(ident))
                or (classes is not None and by_class(classes))
            ):
                parent = element.getparent()
                if parent not in parents:
                    parents.add(parent)
                    found.append(element)
        return found

    return find


def discard_search(search: XPath) -> Search:
    """OVERALL_DISCARD_XPATH's first search: sharing, navigation, cookie notices, ads and
    other furniture, by class, id, role and component."""
    cookie, by_id, by_class = _tests(search)

    def find(tree: _Element) -> list[_Element]:
        found = []
        for element in tree.iterdescendants("div", "item", "list", "p", "section", "span"):
            ident, classes = element.get("id"), element.get("class")
            role, component = element.get("role"), element.get("data-component")
            if (
                (ident is not None and by_id(ident))
                or (classes is not None and by_class(classes))
                or element.get("data-lp-replacement-content") is not None
                or (role is not None and "nav" in role.replace("N", "n"))
                or (component is not None and "MostPopularStories" in component)
                or cookie(_first(element, "id", "class") or "")
            ):
                found.append(element)
        return found

    return find


def hidden_search(search: XPath) -> Search:
    """OVERALL_DISCARD_XPATH's second search: hidden elements, comment titles and replies."""
    hidden, by_id, by_class = _tests(search)

    def find(tree: _Element) -> list[_Element]:
        found = []
        for element in tree.iterdescendants(etree.Element):
            ident, classes, style = element.get("id"), element.get("class"), element.get("style")
            if (
                classes == "comments-title"
                or element.get("aria-hidden") == "true"
                or (ident is not None and by_id(ident))
                or (classes is not None and by_class(classes))
                or (style is not None and ("display:none" in style or "display: none" in style))
                or (_first(element, "id", "class") or "").startswith("reply-")
                or hidden(_first(element, "id", "style") or "")
            ):
                found.append(element)
        return found

    return find


def author_discard_search(search: XPath) -> Search:
    """AUTHOR_DISCARD_XPATHS' first search: comments, titles, dates, sidebars and figures,
    pruned before trafilatura looks for the author's name."""
    by_id, by_class = _tests(search)

    def find(tree: _Element) -> list[_Element]:
        found = []
        for element in tree.iterdescendants("a", "div", "section", "span"):
            ident, classes = element.get("id"), element.get("class")
            component = element.get("data-component")
            if (
                ident == "comments"
                or classes in ("comments", "title", "date")
                or (ident is not None and by_id(ident))
                or (classes is not None and by_class(classes))
                or (component is not None and "Figure" in component)
            ):
                found.append(element)
        return found

    return find


def appended_search(search: XPath) -> Search:
    """RAW_TREE_PRUNE_XPATH's first search: articles a page appends below its own as the reader
    scrolls, and the boxes of ads between them."""
    by_id, by_class, box_id, box_class = _tests(search)

    def find(tree: _Element) -> list[_Element]:
        found = []
        for element in tree.iterdescendants("div", "section", "aside"):
            ident, classes = element.get("id"), element.get("class")
            if ident is None and classes is None:
                continue
            if not (
                (ident is not None and by_id(ident)) or (classes is not None and by_class(classes))
            ):
                continue
            # An ad box goes whatever it holds; appended articles, unless one is the page's own.
            box = (ident is not None and box_id(ident)) or (
                classes is not None and box_class(classes)
            )
            if box or next(element.iterdescendants("h1"), None) is None:
                found.append(element)
        return found

    return find


# Each replica with the digest of the expression it was written for.
REPLICAS: dict[tuple[str, int], tuple[str, Callable[[XPath], Search]]] = {
    ("BODY_XPATH", 0): (
        "caaa561ceca17064773e97bf7c610f55e6c6a64a2477328c060642912d489b3b",
        body_search,
    ),
    ("OVERALL_DISCARD_XPATH", 0): (
        "a837e58a1b1ea116ce1dada53d856dec093fe9f64b37dc503698e30f96a87dd3",
        discard_search,
    ),
    ("OVERALL_DISCARD_XPATH", 1): (
        "c1d5b70b8cd03783545d6b715c69062ae6967c222b2d8f4e2399762362d426c0",
        hidden_search,
    ),
    ("RAW_TREE_PRUNE_XPATH", 0): (
        "01e7c660fd6406f29932819d2dbd7530e2f3bdac11dde83565e977e391303444",
        appended_search,
    ),
    ("AUTHOR_DISCARD_XPATHS", 0): (
        "82f43e48c571d06b5e8f72043c2295e4342ed07ddec04f10b5836b84c3d98a35",
        author_discard_search,
    ),
}
ORIGINAL = {name: list(getattr(xpaths, name)) for name, _ in REPLICAS}


def digest(search: XPath) -> str:
    return hashlib.sha256(search.path.encode()).hexdigest()


def install() -> list[tuple[str, int]]:
    """Put each replica in trafilatura's list, shared by the modules that search with it,
    where its expression is the one it was written for; the searches replaced."""
    replaced = []
    for (name, index), (expected, replica) in REPLICAS.items():
        original = ORIGINAL[name][index]
        if digest(original) == expected:
            getattr(xpaths, name)[index] = replica(original)
            replaced.append((name, index))
    return replaced
