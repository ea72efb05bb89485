"""A kept block's text as HTML with its links and emphasis, the way the page marks them up.

The block's element is written out and cleaned down to links and emphasis (nh3, which also
makes the links absolute). Its text then has to be the block's text word for word: where the
element holds other blocks too, or text the block walk leaves out (a hover card, a button),
it is not, and the block stays plain text.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import nh3
from lxml import etree

from newsdesk.extract.blocks import Block

KEPT_TAGS = {"a", "b", "strong", "i", "em", "code", "sub", "sup", "br"}
EMPHASIS = tuple(KEPT_TAGS - {"a", "br"})
# Elements that are blocks of their own wherever they are.
NESTED = (
    *("p", "div", "section", "article", "aside", "header", "footer", "nav", "figure", "form"),
    *("ul", "ol", "li", "dl", "table", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6"),
)
WEB = ("http://", "https://")
TAG = re.compile(r"<[^>]*>")
LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
EMPTY_LINK = re.compile(r"<a\b[^>]*>\s*</a>")  # around a picture, which the body shows apart


def inline_html(block: Block, url: str) -> str | None:
    """The block's text with its links (made absolute) and emphasis as HTML; None where there
    is none, or the page's markup does not give the block's text word for word."""
    element = block.element
    if not block.link_chars and next(element.iter(*EMPHASIS), None) is None:
        return None  # nothing to mark up, as in most blocks
    if next(element.iterdescendants(*NESTED), None) is not None:
        return None  # the element holds other blocks: its text is more than this block's
    written = etree.tostring(element, encoding="unicode", method="html", with_tail=False)
    marked = " ".join(EMPTY_LINK.sub("", _cleaner(url).clean(written)).split())
    # Inside nothing but the kept tags (most paragraphs), the text is the block's as it is.
    plain = all(e.tag in KEPT_TAGS and not e.get("class") for e in element.iterdescendants())
    if not plain and _text(marked) != block.text:
        return None
    return marked


def _text(marked: str) -> str:
    return " ".join(html.unescape(TAG.sub("", LINE_BREAK.sub(" ", marked))).split())


@lru_cache(maxsize=8)
def _cleaner(url: str) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=KEPT_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        url_relative=("rewrite_with_base", url) if url.startswith(WEB) else None,
    )
