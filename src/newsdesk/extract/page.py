"""Reading one page, HTML or plain-text capture, into an ExtractedArticle."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from newsdesk.extract.article import ExtractedArticle
from newsdesk.extract.encoding import decode_html, decode_text
from newsdesk.extract.html import extract_html
from newsdesk.extract.text_capture import parse_text_capture

# Reading a page takes time in step with its elements, and holds the interpreter meanwhile: a
# page built to stall the extractor is declined instead. Article pages use a few thousand tags
# (the extraction benchmark's largest has 3,229); a text block costs most, each read as an
# article's paragraph might be (60,000 paragraphs took 22 s; 15,000 take 3 s, less than the
# slowest other pages under the tag limit, 100,000 tags of links or spans, take).
MAX_TAGS = 120_000
MAX_BLOCKS = 15_000
BLOCK_TAG = re.compile(r"<(?:p|li|td|th|dd|dt|h[1-6]|blockquote|pre)[\s>]", re.IGNORECASE)


class ExtractError(ValueError):
    """A page from which no article could be read."""


def looks_like_html(content: bytes, content_type: str = "") -> bool:
    if "html" in content_type or "xml" in content_type:
        return True
    if content_type.startswith("text/plain"):
        return False
    head = content[:2048].lstrip().lower()
    return head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<meta"))


def read_page(content: bytes, url: str = "", content_type: str = "") -> ExtractedArticle:
    """Extract the article from page bytes; raises ExtractError when there is none."""
    if not content.strip():
        raise ExtractError("the page is empty")
    if looks_like_html(content, content_type):
        text = decode_html(content, content_type)
        if (tags := text.count("<")) > MAX_TAGS:
            raise ExtractError(f"the page has {tags:,} tags, more than the {MAX_TAGS:,} read")
        # Blocks are counted only where there are tags enough for that many.
        if tags > MAX_BLOCKS and (blocks := len(BLOCK_TAG.findall(text))) > MAX_BLOCKS:
            raise ExtractError(
                f"the page has {blocks:,} paragraphs, items and cells, more than the"
                f" {MAX_BLOCKS:,} read"
            )
        article = extract_html(text, url)
    else:
        article = parse_text_capture(decode_text(content), url)
    if not article.title.strip():
        raise ExtractError("no title found")
    if not article.body:
        raise ExtractError("no article body found")
    return article


def read_file(path: Path) -> tuple[bytes, str]:
    """A saved page's bytes and the content type its name implies (.html, .html.gz, .txt)."""
    content = path.read_bytes()
    name = path.name.lower()
    if name.endswith(".gz"):
        try:
            content = gzip.decompress(content)
        except (OSError, EOFError) as exc:
            raise ExtractError(f"{path}: not a readable gzip file ({exc})") from None
        name = name[:-3]
    if name.endswith((".html", ".htm", ".xhtml")):
        return content, "text/html"
    if name.endswith((".txt", ".text")):
        return content, "text/plain"
    return content, ""
