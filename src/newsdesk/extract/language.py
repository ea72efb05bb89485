"""The language an article is written in: the page's declaration, checked against its text.

Pages leave the declaration out (a fifth of the benchmark's dev pages do) or carry their
template's ("en" on a German blog, "de" on an English one). CLD2 reads the text itself: it
fills a missing declaration when it is sure, and overrules one only when it is very sure.
"""

from __future__ import annotations

import pycld2

# CLD2 scores a language by the share of the text it holds: a declaration gives way only to a
# reliable reading that puts this much of the text in another language.
OVERRULING_PERCENT = 80
SAMPLE_CHARS = 2000  # the headline and the opening paragraphs are enough, and keep it fast
# CLD2's own codes for the few it names other than ISO 639-1 does.
ISO_CODES = {"iw": "he", "jw": "jv", "in": "id", "mo": "ro"}


def article_language(title: str, text: str, declared: str = "") -> str:
    """The article's ISO 639-1 code, or "" when neither the page nor its text says."""
    read = read_language(f"{title}\n{text[:SAMPLE_CHARS]}")
    if read is None:
        return declared
    code, percent = read
    if not declared or (code != declared and percent >= OVERRULING_PERCENT):
        return code
    return declared


def read_language(text: str) -> tuple[str, int] | None:
    """The language most of `text` is in and the share of it that is (percent), when CLD2
    calls its reading reliable."""
    try:
        reliable, _, found = pycld2.detect(
            text.encode("utf-8", "replace"), isPlainText=True, bestEffort=False
        )
    except pycld2.error:  # bytes it will not read: nothing is known then
        return None
    _, code, percent, _ = found[0]
    if not reliable or code == "un":
        return None
    return ISO_CODES.get(code, code.split("-")[0]), percent
