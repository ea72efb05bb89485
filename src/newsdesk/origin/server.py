"""The demo origin: each outlet is its own small web site on a loopback port."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from datetime import UTC
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from newsdesk.origin import render
from newsdesk.origin.catalog import Catalog, Outlet, load_catalog

ROBOTS = "User-agent: *\nDisallow: /private/\n"


@dataclass
class OutletSite:
    outlet: Outlet
    base_url: str

    @property
    def feed_url(self) -> str:
        return self.base_url + self.outlet.feed_path


class Origin:
    """The running outlets; stop() ends them all. Usable as a context manager."""

    def __init__(
        self, catalog: Catalog, servers: list[ThreadingHTTPServer], sites: dict[str, OutletSite]
    ):
        self.catalog = catalog
        self.outlets = sites
        self._servers = servers

    def url_of(self, key: str) -> str:
        article = self.catalog.article(key)
        site = self.outlets[article.outlet]
        return site.base_url + site.outlet.path_of(article)

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()

    def __enter__(self) -> Origin:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_origin(host: str = "127.0.0.1", base_port: int = 0) -> Origin:
    """Start every outlet on its own port (base_port + i, or free ports when base_port is 0)."""
    catalog = load_catalog()
    servers: list[ThreadingHTTPServer] = []
    try:
        for i, _ in enumerate(catalog.outlets):
            server = ThreadingHTTPServer((host, base_port + i if base_port else 0), Handler)
            server.daemon_threads = True
            servers.append(server)
    except OSError:
        for server in servers:
            server.server_close()
        raise
    bases = {
        slug: f"http://{host}:{server.server_address[1]}"
        for slug, server in zip(catalog.outlets, servers, strict=True)
    }
    sites = {slug: OutletSite(catalog.outlets[slug], bases[slug]) for slug in catalog.outlets}
    for slug, server in zip(catalog.outlets, servers, strict=True):
        server.site = Site(catalog, catalog.outlets[slug], bases)  # type: ignore[attr-defined]
        threading.Thread(target=server.serve_forever, name=f"origin-{slug}", daemon=True).start()
    return Origin(catalog, servers, sites)


def serve_forever(host: str = "127.0.0.1", base_port: int = 8001) -> None:
    origin = start_origin(host, base_port)
    for site in origin.outlets.values():
        print(f"{site.outlet.name:22} {site.feed_url}", flush=True)
    try:
        threading.Event().wait()
    finally:
        origin.stop()


class Site:
    """One outlet's pages, rendered once: the origin serves fixed bytes with stable ETags."""

    def __init__(self, catalog: Catalog, outlet: Outlet, bases: dict[str, str]) -> None:
        self.outlet = outlet
        base = bases[outlet.slug]
        charset = outlet.charset
        self.pages: dict[str, tuple[bytes, str]] = {
            "/": (render.home_page(outlet).encode(), "text/html; charset=utf-8"),
            "/robots.txt": (ROBOTS.encode(), "text/plain; charset=utf-8"),
            outlet.feed_path: render.feed(outlet, base),
            "/images/author.svg": (render.image_svg("author"), "image/svg+xml"),
        }
        for article in outlet.articles:
            html = render.article_page(catalog, outlet, article, bases)
            self.pages[outlet.path_of(article)] = (
                html.encode(charset),
                f"text/html; charset={charset}",
            )
            self.pages[f"/images/{article.slug}.svg"] = (
                render.image_svg(article.slug),
                "image/svg+xml",
            )
            if article.figure:
                self.pages[f"/images/{article.slug}-photo.svg"] = (
                    render.image_svg(article.figure[0]),
                    "image/svg+xml",
                )
        for page in outlet.private:
            body = "".join(f"<p>{p}</p>" for p in page["paragraphs"])
            self.pages[f"/private/{page['slug']}"] = (
                f"<html><body><h1>{page['title']}</h1>{body}</body></html>".encode(),
                "text/html; charset=utf-8",
            )
        latest = max(a.updated or a.published for a in outlet.articles)
        self.last_modified = format_datetime(latest.astimezone(UTC), usegmt=True)


class Handler(BaseHTTPRequestHandler):
    server_version = "demo-origin/1"

    def log_message(self, *args: object) -> None:
        """Quiet: the demo prints its own progress."""

    def do_HEAD(self) -> None:
        self.do_GET(head=True)

    def do_GET(self, head: bool = False) -> None:
        site: Site = self.server.site  # type: ignore[attr-defined]
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        found = site.pages.get(path) or site.pages.get(path.rstrip("/"))
        if found is None:
            self.reply(
                404,
                b"<html><body><h1>Not found</h1></body></html>",
                "text/html; charset=utf-8",
                head,
            )
            return
        body, content_type = found
        etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
        if self.headers.get("If-None-Match") == etag or self._not_modified_since(
            site.last_modified
        ):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.reply(
            200, body, content_type, head, ETag=etag, **{"Last-Modified": site.last_modified}
        )

    def _not_modified_since(self, last_modified: str) -> bool:
        since = self.headers.get("If-Modified-Since")
        if not since or self.headers.get("If-None-Match"):
            return False
        try:
            return parsedate_to_datetime(since) >= parsedate_to_datetime(last_modified)
        except (TypeError, ValueError):
            return False

    def reply(
        self, status: int, body: bytes, content_type: str, head: bool, **headers: str
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)
