"""Pictures are copied by what their bytes are, stored once, and served so that none runs."""

from __future__ import annotations

import io
import os
import re
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image as Picture

from newsdesk import cli
from newsdesk.cli import main
from newsdesk.extract.article import ExtractedArticle, Image
from newsdesk.ingest.fetch import FetchConfig, Fetcher
from newsdesk.news import pictures
from newsdesk.news.models import Article
from newsdesk.news.pictures import (
    PictureError,
    copy_picture,
    copy_pictures,
    kind_of,
    prune,
    shown_from_copies,
    size_of,
)
from newsdesk.news.store import save_article

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
SVG = b'<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'
# What outlets serve as pictures, by the bytes that start them.
KINDS = [
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpg"),
    (PNG, "png"),
    (b"GIF89a\x01\x00", "gif"),
    (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "webp"),
    (b"\x00\x00\x00\x1cftypavif\x00\x00", "avif"),
    (SVG, "svg"),
    (b"\xef\xbb\xbf<!DOCTYPE svg><svg width='1'></svg>", "svg"),
    (b"<!doctype html><html><body><svg></svg></body></html>", None),
    (b"<html><head><title>Not found</title></head></html>", None),
    (b"%PDF-1.7", None),
    (b"", None),
]


@pytest.mark.parametrize(("data", "kind"), KINDS)
def test_a_picture_is_known_by_its_bytes(data, kind):
    assert kind_of(data) == kind


def drawn(kind: str, width: int, height: int) -> bytes:
    """A picture of that kind and size, as Pillow writes it."""
    out = io.BytesIO()
    Picture.new("RGB", (width, height), "teal").save(out, kind)
    return out.getvalue()


SIZED = drawn("PNG", 64, 48)


@pytest.mark.parametrize(
    ("data", "kind", "size"),
    [
        (SIZED, "png", (64, 48)),
        (drawn("JPEG", 1200, 630), "jpg", (1200, 630)),
        (drawn("GIF", 7, 9), "gif", (7, 9)),
        (drawn("WEBP", 300, 200), "webp", (300, 200)),
        (PNG, "png", None),  # a PNG's signature, and nothing of a PNG after it
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630px"/>',
            "svg",
            (1200, 630),
        ),
        (b'<svg viewBox="0 0 640 360" width="100%"/>', "svg", (640, 360)),
        (b'<svg width="100%"/>', "svg", None),
        (b"<svg><unclosed>", "svg", None),
        # An entity is never read (a picture's size costs no fetch and no file): no size.
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY w SYSTEM "file:///etc/hostname">]>'
            b'<svg width="&w;" viewBox="0 0 10 20"/>',
            "svg",
            None,
        ),
    ],
)
def test_a_pictures_size_is_read_from_its_bytes(data, kind, size):
    assert size_of(data, kind) == size


class Outlet(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.startswith("/slow"):
            time.sleep(0.4)
        body, kind = {
            "/photo.png": (PNG, "image/png"),
            "/sized.png": (SIZED, "image/png"),
            "/same-photo.jpg": (PNG, "image/jpeg"),  # a PNG, whatever it is called
            "/drawing.svg": (SVG, "image/svg+xml"),
            "/map.gif": (b"GIF89a" + b"\x01" * 30, "image/gif"),  # stored by no other test
            "/slow.png": (PNG + self.path.encode(), "image/png"),
            "/fake.jpg": (b"<html><body>Sign in to see this picture</body></html>", "image/jpeg"),
        }.get(self.path.split("?")[0], (b"", ""))
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", kind or "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def outlet() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Outlet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FetchConfig(allow_private=True, retries=0, read_timeout=2)) as client:
        yield client


def test_a_picture_is_stored_once_under_its_content(outlet, fetcher):
    first = copy_picture(f"{outlet}/photo.png", fetcher)
    again = copy_picture(f"{outlet}/same-photo.jpg", fetcher)
    assert first == again and first.name.endswith(".png")
    with default_storage.open(first.name) as stored:
        assert stored.read() == PNG


def test_a_copys_size_goes_with_its_picture_into_the_body(outlet, fetcher):
    assert copy_picture(f"{outlet}/sized.png", fetcher)[1:] == (64, 48)
    lead, figure = Image(url=f"{outlet}/sized.png"), Image(url=f"{outlet}/photo.png")
    article = ExtractedArticle(title="Harbour strike", image=lead, images=[lead, figure])
    copy_pictures(article, fetcher)
    assert (lead.width, lead.height, figure.width, figure.height) == (64, 48, None, None)
    body = (
        f'<figure><img src="{lead.url}" alt=""></figure><figure><img src="{figure.url}"></figure>'
    )
    shown = shown_from_copies(body, article.images)
    assert f'<img src="/media/{lead.stored_as}" width="64" height="48" alt="">' in shown
    assert f'<img src="/media/{figure.stored_as}">' in shown


@pytest.mark.parametrize("path", ["/fake.jpg", "/gone.jpg"])
def test_what_is_no_picture_is_refused_and_the_article_keeps_the_address(outlet, fetcher, path):
    with pytest.raises(PictureError):
        copy_picture(outlet + path, fetcher)
    article = ExtractedArticle(title="Harbour strike", image=Image(url=outlet + path))
    copy_pictures(article, fetcher)
    assert article.image.stored_as == ""
    assert article.image.url == outlet + path


@pytest.mark.django_db
def test_a_copy_is_served_to_keep_and_an_svg_runs_nothing(outlet, fetcher, client):
    name = copy_picture(f"{outlet}/drawing.svg", fetcher).name
    response = client.get(reverse("picture", args=[name]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SVG
    assert response["Content-Type"] == "image/svg+xml"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "immutable" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["pictures/00/" + "0" * 64 + ".png", "../secret_key", "pictures/ab/photo.html"]
)
def test_only_copies_are_served(client, name):
    assert client.get(f"/media/{name}").status_code == 404


def test_a_picture_that_cannot_be_stored_costs_the_article_nothing(outlet, fetcher, monkeypatch):
    def full(name, content):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(default_storage, "save", full)
    article = ExtractedArticle(title="Harbour strike", image=Image(url=f"{outlet}/map.gif"))
    copy_pictures(article, fetcher)
    assert article.image.stored_as == "" and article.image.url == f"{outlet}/map.gif"


def test_pictures_stop_being_copied_when_they_take_too_long(outlet, fetcher, monkeypatch):
    # Each picture takes 0.4 s: the first is always tried, and no more than two fit in 0.5 s.
    monkeypatch.setattr(pictures, "BUDGET", 0.5)
    gallery = [Image(url=f"{outlet}/slow.png?{n}") for n in range(6)]
    article = ExtractedArticle(title="Harbour strike", image=gallery[0], images=gallery)
    copy_pictures(article, fetcher)
    copied = [image.stored_as for image in gallery]
    assert copied[0] and not any(copied[2:])
    assert all(image.url.startswith(outlet) for image in gallery)


@pytest.mark.django_db
def test_copies_no_article_shows_are_pruned_once_an_hour_old(outlet, fetcher):
    lead, figure, orphan, fresh = (
        copy_picture(f"{outlet}/slow.png?{n}", fetcher).name for n in ("lead", "fig", "old", "new")
    )
    article, _ = save_article(
        ExtractedArticle(
            title="Harbour strike ends",
            body=["Dock workers voted on Sunday to end a nine-day strike at the port."],
            url="https://harbour.example/news/strike",
            published=datetime(2026, 3, 1, 8, tzinfo=UTC),
            confidence=0.9,
        )
    )
    Article.objects.filter(pk=article.pk).update(
        image_file=lead, body_html=f'<figure><img src="/media/{figure}" alt=""></figure><p>Hi</p>'
    )
    hours_ago = time.time() - 2 * 3600
    for name in (lead, figure, orphan):
        os.utime(default_storage.path(name), (hours_ago, hours_ago))
    assert prune() == [orphan]
    assert all(default_storage.exists(name) for name in (lead, figure, fresh))
    assert not default_storage.exists(orphan)


@pytest.mark.django_db
def test_the_prune_command_says_how_many_it_deleted(capsys):
    assert main(["prune-pictures"]) == 0
    assert re.fullmatch(
        r"deleted \d+ copies of pictures no article shows\n", capsys.readouterr().out
    )


@pytest.mark.django_db
def test_the_sites_poller_prunes_once_a_day(outlet, fetcher, capsys, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # a storage of its own: other tests' copies stay theirs
    orphan = copy_picture(f"{outlet}/slow.png?poller", fetcher).name
    assert default_storage.path(orphan).startswith(str(tmp_path))
    hours_ago = time.time() - 2 * 3600
    os.utime(default_storage.path(orphan), (hours_ago, hours_ago))
    # Pruned an hour ago: this round only fetches (no feeds here), and the copy stays.
    an_hour_ago = time.monotonic() - 3600
    assert cli.poll_once(an_hour_ago) == an_hour_ago
    assert default_storage.exists(orphan)
    # A day on, the round prunes too.
    assert cli.poll_once(time.monotonic() - cli.PRUNE_EVERY) > an_hour_ago
    assert not default_storage.exists(orphan)
    out = capsys.readouterr().out
    assert out.count("fetch: 0 new") == 2 and "pruned 1 copies" in out
