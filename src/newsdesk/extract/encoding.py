"""Bytes to text: the page's own declaration first, then UTF-8, then a detector's best guess."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def decode_text(content: bytes, declared: str = "") -> str:
    """Decode bytes, trusting in order: a BOM, the declared charset, UTF-8, detection."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if content.startswith(bom):
            return content.decode(name, "replace")
    for name in (declared, "utf-8"):
        if not name:
            continue
        try:
            return content.decode(_browser_name(name))
        except (LookupError, UnicodeDecodeError):
            continue
    best = from_bytes(content).best()
    return str(best) if best else content.decode("utf-8", "replace")


def decode_html(content: bytes, content_type: str = "") -> str:
    """Decode an HTML page by its HTTP charset, else its <meta charset>, else by content."""
    declared = ""
    if match := re.search(r"charset=([\w.:-]+)", content_type, re.IGNORECASE):
        declared = match.group(1)
    elif match := META_CHARSET.search(content[:4096]):
        declared = match.group(1).decode("ascii", "replace")
    return decode_text(content, declared)


def _browser_name(name: str) -> str:
    # Browsers read pages labelled Latin-1 as windows-1252, and so do we (WHATWG Encoding).
    lowered = name.strip().lower()
    return (
        "cp1252" if lowered in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii") else lowered
    )
