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
import logging
import re
import time
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from newsdesk.extract.article import ExtractedArticle, Image
from newsdesk.ingest.fetch import Fetcher, FetchError
from newsdesk.news.models import Article

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


def copy_picture(url: str, fetcher: Fetcher) -> str:
    """Fetch a picture and store it; its name in the storage. Raises PictureError. (The
    fetcher refuses a body over its size limit.)"""
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
    return name


def copy_pictures(article: ExtractedArticle, fetcher: Fetcher) -> None:
    """Copy the article's pictures, noting each copy's name on its picture; a picture that
    cannot be copied, or stored (a full disk), is logged and keeps the outlet's address: it never
    costs the article."""
    copied: dict[str, str] = {}
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
                copied[image.url] = ""
        image.stored_as = copied[image.url]


def shown_from_copies(body_html: str, images: list[Image]) -> str:
    """The body's HTML with each picture that has a copy shown from it (extract.html writes a
    picture's address escaped as html.escape does)."""
    for image in images:
        if image.stored_as:
            local = reverse("picture", args=[image.stored_as])
            body_html = body_html.replace(f'src="{html.escape(image.url)}"', f'src="{local}"')
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
