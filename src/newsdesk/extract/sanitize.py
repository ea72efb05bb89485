"""The one place stored HTML is made safe: every body passes through here before it is kept."""

from __future__ import annotations

import html

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "q",
    "ul",
    "ol",
    "li",
    "strong",
    "b",
    "em",
    "i",
    "a",
    "figure",
    "figcaption",
    "img",
    "pre",
    "code",
    "sub",
    "sup",
    "small",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title", "loading"}}


def clean_html(fragment: str) -> str:
    """Strip scripts, styles, event handlers and unknown tags; links open safely."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )


def paragraphs_to_html(paragraphs: list[str]) -> str:
    """Plain-text paragraphs as safe HTML."""
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
