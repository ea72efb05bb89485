"""The one place stored HTML is made safe: every body passes through here before it is kept."""

from __future__ import annotations

import html

import nh3
from lxml import html as lxml_html

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
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "loading", "width", "height"},
}


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


INLINE_TAGS = {"a", "b", "br", "code", "em", "i", "q", "small", "strong", "sub", "sup"}


def paragraphs_of(fragment: str) -> list[str]:
    """The plain-text paragraphs of body HTML, as extraction gives them: a line per paragraph,
    heading, list item and table row; figures and their captions are not paragraphs."""
    if not fragment.strip():
        return []
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    paragraphs: list[str] = []
    _collect(root, paragraphs)
    return paragraphs


def _collect(node: lxml_html.HtmlElement, paragraphs: list[str]) -> None:
    run = [node.text or ""]  # text outside any block, which reads as a paragraph of its own

    def flush() -> None:
        if text := " ".join("".join(run).split()):
            paragraphs.append(text)
        run.clear()

    for child in node:
        if not isinstance(child.tag, str):
            run.append(child.tail or "")  # a comment
        elif child.tag == "br":
            run.extend((" ", child.tail or ""))
        elif child.tag in INLINE_TAGS:
            run.extend((child.text_content(), child.tail or ""))
        else:
            flush()
            if child.tag == "tr":
                cells = (" ".join(c.text_content().split()) for c in child if c.tag in ("td", "th"))
                if row := " | ".join(cells).strip(" |"):
                    paragraphs.append(row)
            elif child.tag != "figure":
                _collect(child, paragraphs)
            run.append(child.tail or "")
    flush()
