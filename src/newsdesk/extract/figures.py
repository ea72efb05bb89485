"""The article's own pictures: the images laid out among its paragraphs, with their captions.

A picture belongs to the article when it sits in the container of a kept paragraph (or a few
levels inside it), below the article's first paragraph, outside anything marked as related
links, sharing, adverts, an author box and the like, and is not a thumbnail linking to another
page. Where the page names a lead image, the picture above the first paragraph is that lead, not
repeated in the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml.etree import _Element

from newsdesk.extract.article import Image
from newsdesk.extract.block_model import HEADINGS
from newsdesk.extract.blocks import MARKS, Block, marks_of

# WordPress's markup for a captioned picture, and for its caption.
WP_CAPTION = "wp-caption"
WP_CAPTION_TEXT = "wp-caption-text"
# Elements that hold a bare picture and nothing else, and the longest caption set under one.
HOLDERS = frozenset(("a", "p", "div", "span"))
CAPTION_MAX_WORDS = 30
# A kept paragraph's container holds the picture this many levels up from it, at most.
MAX_DEPTH = 4
# Marks around a picture that make it page furniture rather than the article's.
FURNITURE = (
    "related",
    "share",
    "navigation",
    "sidebar",
    "advert",
    "author",
    "signup",
    "hidden",
    "comment",
    "footer",
)
_FURNITURE_BITS = sum(1 << i for i, name in enumerate(MARKS) if name in FURNITURE)
# Smaller than this (as the page declares it) is an icon, a spacer or a tracking pixel.
MIN_WIDTH = 100
MIN_HEIGHT = 60
# Where a lazily loaded picture keeps its address until it scrolls into view.
LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-url", "data-full-src")
ADDRESS = re.compile(r"[^\s{}\[\]\"']+$")
PLACEHOLDER = re.compile(r"blank|spacer|placeholder|lazy|loading|pixel|1x1|transparent", re.I)
NOT_A_PICTURE = re.compile(r"logo|icon|avatar|gravatar|emoji|sprite|badge|button", re.I)
PICTURE_FILE = re.compile(r"\.(jpe?g|png|gif|webp|avif)$", re.I)
# A credit the caption ends with: "Credit: ESA", "(Photo: Jane Roe/AP)", "© Reuters".
CREDIT_LINE = re.compile(
    r"(^|\s)\(?(((image|photo|picture) )?(credit|courtesy|source)s?|photo|image|picture)"
    r"\s*:\s*(?P<who>[^():]{2,80}?)\)?\s*$|(^|\s)©\s*(?P<owner>[^()]{2,80})$",
    re.IGNORECASE,
)
CREDIT_LABEL = re.compile(r"^((photo|image|picture)s?( credit)?|credits?|source)\s*:\s*", re.I)
CREDIT_CLASS = re.compile(r"credit|copyright|source|photographer|attribution", re.I)


@dataclass(slots=True)
class Figure:
    """A picture of the article and where it stands: before the kept block `before`. Its
    caption is no paragraph of the text: the kept blocks inside the figure are `within`."""

    before: int
    image: Image
    alt: str
    within: list[int]


def figures(picked: list[Block], url: str, lead: str) -> list[Figure]:
    """The pictures among the kept blocks `picked`, in page order; `lead` is the lead image's
    address, not repeated in the body."""
    if not picked:
        return []
    elements = [b.element for b in picked]
    # Elements as keys: lxml gives one proxy per element while a reference to it lives, and
    # these hold one (an id() of a proxy let go could come back for another element).
    place = {e: i for i, e in enumerate(elements)}
    containers = {p for e in elements if (p := e.getparent()) is not None}
    seen = {_picture_key(lead)} if lead else set()
    found: list[Figure] = []
    # Above the first kept text (below the headline, say) is the lead picture's place: where
    # the page names its lead, that picture is not repeated in the body.
    text_starts = next((i for i, b in enumerate(picked) if b.tag not in HEADINGS), len(picked))
    passed = 0  # kept blocks met so far, in page order
    # Only the kept blocks' tags and pictures are looked at: lxml filters the rest in C.
    for element in _common_ancestor(elements).iter("img", *{e.tag for e in elements}):
        if (i := place.get(element)) is not None:
            passed = i + 1
            continue
        if element.tag != "img" or (lead and passed <= text_starts):
            continue
        unit = _unit(element)
        if not _in_article(unit, containers) or _links_elsewhere(element) or _too_small(element):
            continue
        source = _source(element, url)
        if not source or (key := _picture_key(source)) in seen:
            continue
        seen.add(key)
        within = [i for e in unit.iter() if (i := place.get(e)) is not None]
        caption, credit = _caption(unit)
        alt = " ".join((element.get("alt") or "").split())
        if unit is element and (below := _caption_below(element)) is not None:
            if (i := place.get(below)) is not None:
                within.append(i)
            caption = _text(below)
        elif unit is element and (i := _block_saying(element, alt, place)) is not None:
            within.append(i)
            caption = alt
        image = Image(url=source, caption=caption, credit=credit)
        found.append(Figure(min([passed, *within]), image, alt, within))
    return found


def _common_ancestor(elements: list[_Element]) -> _Element:
    first = elements[0]
    chain = [first, *first.iterancestors()]
    level = {e: d for d, e in enumerate(chain)}
    highest = 0  # the first element's ancestor that holds every element so far
    for element in elements[1:]:
        for ancestor in (element, *element.iterancestors()):
            if (d := level.get(ancestor)) is not None:
                highest = max(highest, d)
                break
    return chain[highest]


def _unit(image: _Element) -> _Element:
    """The figure an image is part of, or the image itself."""
    for level, ancestor in enumerate(image.iterancestors()):
        if _is_figure(ancestor):
            return ancestor
        if level >= MAX_DEPTH:
            break
    return image


def _is_figure(element: _Element) -> bool:
    """A <figure>, or the <div class="wp-caption"> WordPress sets a captioned picture in."""
    return element.tag == "figure" or (
        element.tag == "div" and WP_CAPTION in (element.get("class") or "")
    )


def _in_article(unit: _Element, containers: set[_Element]) -> bool:
    """Whether a kept block's container holds `unit` within MAX_DEPTH levels, with no
    furniture mark on the way."""
    for level, ancestor in enumerate(_with_ancestors(unit)):
        if level > MAX_DEPTH:
            return False
        if _marks(ancestor) & _FURNITURE_BITS:
            return False
        if level and ancestor in containers:
            return True
    return False


def _with_ancestors(element: _Element) -> Iterator[_Element]:
    yield element
    yield from element.iterancestors()


def _marks(element: _Element) -> int:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".split()
    bits = 0
    for name in names:
        bits |= marks_of(name)
    return bits


def _links_elsewhere(image: _Element) -> bool:
    """An image that links to another page (a teaser), not to a larger copy of itself."""
    for level, ancestor in enumerate(image.iterancestors()):
        if ancestor.tag == "a":
            href = urlsplit(ancestor.get("href") or "").path
            return bool(href) and not PICTURE_FILE.search(href)
        if level >= 2:
            break
    return False


def _too_small(image: _Element) -> bool:
    """An icon, a spacer or a tracking pixel, by the size the page declares."""
    for side in ("width", "height"):
        value = (image.get(side) or "").removesuffix("px")
        if value.isdigit() and int(value) < (MIN_WIDTH if side == "width" else MIN_HEIGHT):
            return True
    return False


def _source(image: _Element, url: str) -> str:
    """The picture's address: where a lazy loader keeps it, its own, or the largest in a
    srcset; "" for a decorative image."""
    if image.get("role") in ("presentation", "none") or image.get("aria-hidden") == "true":
        return ""
    lazy = [v for a in LAZY_SOURCES if (v := (image.get(a) or "").strip())]
    # Where a lazy loader keeps something, the image's own address is its placeholder.
    src = next((v for v in lazy if ADDRESS.match(v)), "") if lazy else image.get("src") or ""
    if not src or src.startswith("data:") or PLACEHOLDER.search(src):
        src = _largest(image.get("data-srcset") or image.get("srcset") or "")
    if not src or src.startswith("data:") or NOT_A_PICTURE.search(urlsplit(src).path):
        return ""
    address = urljoin(url, src)
    return address if urlsplit(address).scheme in ("http", "https") else ""


def _largest(srcset: str) -> str:
    best, width = "", -1
    for candidate in srcset.split(","):
        parts = candidate.split()
        if not parts:
            continue
        size = parts[1] if len(parts) > 1 else "0w"
        value = int(size[:-1]) if size[:-1].isdigit() else 0
        if value > width:
            best, width = parts[0], value
    return best


def _picture_key(address: str) -> str:
    """One key for a picture served at several sizes ("photo.jpg", "photo-1024x683.jpg")."""
    name = urlsplit(address.strip()).path.rsplit("/", 1)[-1].lower()
    return re.sub(r"-\d+x\d+(?=\.\w+$)", "", name)


def _caption(unit: _Element) -> tuple[str, str]:
    """A figure's caption and its photo credit, each as one line."""
    if not _is_figure(unit):
        return "", ""
    # Without a figcaption, the figure's text (a paragraph beside the picture) is its caption.
    caption = unit.find(".//figcaption")
    if caption is None:
        caption = next((e for e in unit.iter() if WP_CAPTION_TEXT in (e.get("class") or "")), None)
    if caption is None:
        caption = unit
    credit = next(
        (e for e in unit.iter() if CREDIT_CLASS.search(e.get("class") or "")),
        None,
    )
    credited = _text(credit) if credit is not None else ""
    credit_text = CREDIT_LABEL.sub("", credited)
    caption_text = _text(caption)
    if credited and credited in caption_text:
        caption_text = " ".join(caption_text.replace(credited, " ").split())
    elif not credit_text and (said := CREDIT_LINE.search(caption_text)):
        who = said["who"] or said["owner"]
        if who[0].isupper():  # a name, not the rest of a sentence
            caption_text, credit_text = caption_text[: said.start()].rstrip(), who
    return caption_text, credit_text


def _caption_below(image: _Element) -> _Element | None:
    """A caption a page sets as the paragraph under a bare picture, wholly in italics:
    <p><img></p><p><em>Light a Wish by OGE Group</em></p>."""
    holder = image
    for ancestor in image.iterancestors():
        if ancestor.tag not in HOLDERS or len(ancestor) != 1 or _text(ancestor):
            break
        holder = ancestor
    below = holder.getnext()
    if (
        below is None
        or below.tag not in ("p", "div")
        or len(below) != 1
        or (below.text or "").strip()
    ):
        return None
    italic = below[0]
    if italic.tag not in ("em", "i") or (italic.tail or "").strip():
        return None
    return below if 0 < len(_text(below).split()) <= CAPTION_MAX_WORDS else None


def _block_saying(image: _Element, alt: str, place: dict[_Element, int]) -> int | None:
    """The kept block around a bare picture whose text is the picture's alt text again: a
    caption set in the picture's own holder, <div><img alt="X"><span>X</span></div>."""
    if not alt:
        return None
    for level, ancestor in enumerate(image.iterancestors()):
        if (i := place.get(ancestor)) is not None:
            return i if _text(ancestor).casefold() == alt.casefold() else None
        if level >= MAX_DEPTH:
            break
    return None


def _text(element: _Element) -> str:
    return " ".join("".join(element.itertext()).split())
