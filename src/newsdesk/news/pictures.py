"""Copies of articles' pictures (the lead, and those among the paragraphs), kept with them.

Readers' browsers then ask newsdesk for a picture, not the outlet (which would learn who reads
what), and the picture stays when the outlet moves or drops it. A copy is named by its content,
so a picture shared by several articles, or fetched again, is stored once. What is stored is
what its first bytes say it is, whatever the outlet's Content-Type says; anything else is
refused, and the article keeps the outlet's address.
"""

from __future__ import annotations

import hashlib
import html
import io
import logging
import re
import time
import warnings
from datetime import timedelta
from typing import NamedTuple

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from lxml import etree
from PIL import Image as Picture
from PIL import UnidentifiedImageError

from newsdesk.extract.article import ExtractedArticle, Image
from newsdesk.ingest.fetch import Fetcher, FetchError
from newsdesk.news.models import Article, Size

log = logging.getLogger(__name__)

FOLDER = "pictures"
MAX_PICTURES = 12  # an article's pictures copied at most: a gallery's others stay the outlet's
# Seconds an article's pictures may take to copy, all told: a slow picture host cannot hold up
# the fetch (or a worker's batch) for minutes. Those left when it is spent stay the outlet's.
BUDGET = 20.0
ACCEPT = "image/avif,image/webp,image/png,image/jpeg,image/gif,image/svg+xml;q=0.8"
# The kinds kept, by file extension, with the type they are served as.
KINDS = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "avif": "image/avif",
    "svg": "image/svg+xml",
}
# Pillow's name for each kind it reads the size of (an SVG's is read from its root element).
FORMATS = {"jpg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP", "avif": "AVIF"}
# A size an SVG's root gives, in pixels or in no unit.
SVG_LENGTH = re.compile(r"\s*(\d+(\.\d+)?)\s*(px)?\s*")
# An SVG is parsed for its root's size only: no entities, no network, no DTD.
SVG_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
# A copy's name (the storage may add a suffix to one saved twice at once).
NAME = re.compile(rf"{FOLDER}/[0-9a-f]{{2}}/[0-9a-f]{{64}}(_\w+)?\.({'|'.join(KINDS)})")
# A copy named in a body's HTML.
IN_HTML = re.compile(rf'src="/media/({FOLDER}/[^"]+)"')
# A copy younger than this is left by prune(): a fetch may have made it for an article it has
# not stored yet.
PRUNE_MIN_AGE = timedelta(hours=1)
# What may come before an SVG's root element: a byte-order mark, an XML declaration, comments,
# a doctype, and the space between them.
SVG_START = re.compile(
    rb"^(\xef\xbb\xbf)?\s*(<\?xml[^>]*\?>\s*)?(<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]", re.S
)


class PictureError(Exception):
    """A picture that cannot be copied, with the reason."""


def kind_of(data: bytes) -> str | None:
    """The kind of picture the bytes are, by their signature; None for anything else."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[4:12] in (b"ftypavif", b"ftypavis"):
        return "avif"
    if SVG_START.match(data[:4096]):
        return "svg"
    return None


class Copy(NamedTuple):
    """A picture's copy: its name in the storage, and its size where its bytes say."""

    name: str
    width: int | None = None
    height: int | None = None


def size_of(data: bytes, kind: str) -> Size | None:
    """A picture's width and height in pixels, read from its header; None where it cannot be."""
    if kind == "svg":
        return _svg_size(data)
    try:
        with warnings.catch_warnings():
            # A huge size is only read here, never decoded.
            warnings.simplefilter("ignore", Picture.DecompressionBombWarning)
            with Picture.open(io.BytesIO(data), formats=[FORMATS[kind]]) as picture:
                width, height = picture.size
    except (UnidentifiedImageError, OSError, ValueError, Picture.DecompressionBombError):
        return None
    return Size(width, height) if width > 0 and height > 0 else None


def _svg_size(data: bytes) -> Size | None:
    """An SVG's width and height as its root gives them in pixels, or as its viewBox does."""
    try:
        root = etree.fromstring(data, SVG_PARSER)
    except etree.XMLSyntaxError:
        return None
    sides = [SVG_LENGTH.fullmatch(root.get(side) or "") for side in ("width", "height")]
    if all(sides):
        size = tuple(round(float(side.group(1))) for side in sides)
    else:
        box = (root.get("viewBox") or "").replace(",", " ").split()
        try:
            size = tuple(round(float(n)) for n in box[2:]) if len(box) == 4 else ()
        except ValueError:
            return None
    return Size(*size) if len(size) == 2 and min(size) > 0 else None


def copy_picture(url: str, fetcher: Fetcher) -> Copy:
    """Fetch a picture and store it; its copy. Raises PictureError. (The fetcher refuses a
    body over its size limit.)"""
    try:
        response = fetcher.get(url, accept=ACCEPT)
    except FetchError as exc:
        raise PictureError(str(exc)) from exc
    data = response.content
    kind = kind_of(data)
    if kind is None:
        served = response.content_type or "no type"
        raise PictureError(f"{url}: not a picture newsdesk keeps ({served})")
    digest = hashlib.sha256(data).hexdigest()
    name = f"{FOLDER}/{digest[:2]}/{digest}.{kind}"
    if not default_storage.exists(name):
        # Two processes saving the same picture at once store it twice, under two names: both
        # serve the same bytes.
        name = default_storage.save(name, ContentFile(data))
    return Copy(name, *(size_of(data, kind) or ()))


def copy_pictures(article: ExtractedArticle, fetcher: Fetcher) -> None:
    """Copy the article's pictures, noting each copy's name and size on its picture; a
    picture that cannot be copied, or stored (a full disk), is logged and keeps the outlet's
    address: it never costs the article."""
    copied: dict[str, Copy] = {}
    ends = time.monotonic() + BUDGET
    for image in [article.image, *article.images][: MAX_PICTURES + 1]:
        if image is None or not image.url.startswith(("http://", "https://")):
            continue
        if image.url not in copied:
            if time.monotonic() >= ends:  # checked before each fetch, which has its own timeouts
                log.warning("picture not copied: %s: the article's took too long", image.url)
                continue
            try:
                copied[image.url] = copy_picture(image.url, fetcher)
            except (PictureError, OSError) as exc:
                log.warning("picture not copied: %s", exc)
                copied[image.url] = Copy("")
        image.stored_as, image.width, image.height = copied[image.url]


def shown_from_copies(body_html: str, images: list[Image]) -> str:
    """The body's HTML with each picture that has a copy shown from it, its size given where
    known (extract.html writes a picture's address escaped as html.escape does)."""
    for image in images:
        if image.stored_as:
            shown = f'src="{reverse("picture", args=[image.stored_as])}"'
            if image.width and image.height:
                shown += f' width="{image.width}" height="{image.height}"'
            body_html = body_html.replace(f'src="{html.escape(image.url)}"', shown)
    return body_html


def prune() -> list[str]:
    """Delete the copies no stored article shows (an article deleted, or its picture replaced);
    the names deleted."""
    shown = set(Article.objects.exclude(image_file="").values_list("image_file", flat=True))
    bodies = Article.objects.filter(body_html__contains=f'src="/media/{FOLDER}/')
    for body in bodies.values_list("body_html", flat=True).iterator():
        shown.update(IN_HTML.findall(body))
    before = timezone.now() - PRUNE_MIN_AGE
    deleted = []
    for folder in default_storage.listdir(FOLDER)[0] if default_storage.exists(FOLDER) else []:
        for file in default_storage.listdir(f"{FOLDER}/{folder}")[1]:
            name = f"{FOLDER}/{folder}/{file}"
            unused = NAME.fullmatch(name) and name not in shown
            if unused and default_storage.get_modified_time(name) < before:
                default_storage.delete(name)
                deleted.append(name)
    return deleted
