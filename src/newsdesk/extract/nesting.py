"""Pages nested deeper than libxml2 reads by default.

libxml2 stops reading HTML at 256 open elements and lxml then returns what it had, often an
empty tree: a page whose tags are never closed (a `<font>` per paragraph, say) loses its
article. Such a page is read again without the limit and flattened, so that every later walk of
the tree, ours and trafilatura's, stays within the depths it meets on ordinary pages.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

# Ordinary pages nest 10 to 50 deep. Past WRAPPERS_FROM, wrappers that say nothing of what they
# hold are unwrapped; past DEEPEST, everything is, so that no walk recurses further.
WRAPPERS_FROM = 64
DEEPEST = 200
# Presentational tags and generic containers: wrappers, unwrapped when nothing names them
# (class or id) or when they hold just the next wrapper of a chain.
WRAPPERS = frozenset(
    (
        *("div", "section", "font", "center", "span", "b", "i", "u", "s", "em", "strong"),
        *("small", "big", "tt", "strike", "nobr", "basefont", "blink", "marquee"),
    )
)


def too_deep(parser: etree.HTMLParser) -> bool:
    """Whether the parser's last run stopped at one of libxml2's limits."""
    error = parser.error_log.last_error
    return error is not None and error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT


def flatten(tree: lxml_html.HtmlElement) -> None:
    """Unwrap elements, keeping all their text and children, until none sits deeper than
    DEEPEST: first the wrappers past WRAPPERS_FROM, then whatever is still too deep."""
    for element in reversed(_deeper_than(tree, WRAPPERS_FROM)):
        if element.tag in WRAPPERS and (_unnamed(element) or _wraps_one(element)):
            element.drop_tag()
    for element in reversed(_deeper_than(tree, DEEPEST)):
        element.drop_tag()


def _unnamed(element: lxml_html.HtmlElement) -> bool:
    return not element.get("class") and not element.get("id")


def _wraps_one(element: lxml_html.HtmlElement) -> bool:
    """One link of a chain of wrappers: it holds one wrapper and no text of its own."""
    return len(element) == 1 and element[0].tag in WRAPPERS and not (element.text or "").strip()


def _deeper_than(tree: lxml_html.HtmlElement, depth: int) -> list[lxml_html.HtmlElement]:
    """The elements more than `depth` levels under the root, in document order (a walk
    without recursion: the trees this is for are too deep for one)."""
    depths = {tree: 0}
    deeper = []
    for element in tree.iter(etree.Element):
        parent = element.getparent()
        if parent is None:
            continue
        depths[element] = level = depths[parent] + 1
        if level > depth:
            deeper.append(element)
    return deeper
