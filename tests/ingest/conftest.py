"""A scripted HTTP server on loopback for fetcher tests: each path behaves one way."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsdesk.ingest.fetch import FetchConfig, Fetcher


class Scripted(BaseHTTPRequestHandler):
    hits: Counter[str] = Counter()

    def log_message(self, *args: object) -> None:
        pass

    def send(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.hits[self.path] += 1
        path = self.path
        if path == "/robots.txt":
            self.send(200, b"User-agent: *\nDisallow: /private/\n", Content_Type="text/plain")
        elif path == "/ok":
            self.send(200, b"<html>hello</html>", Content_Type="text/html; charset=utf-8")
        elif path == "/etag":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send(304)
            else:
                self.send(200, b"body", ETag='"v1"', Last_Modified="Mon, 02 Mar 2026 10:00:00 GMT")
        elif path == "/busy":  # asks for a second's rest, once
            if self.hits[path] == 1:
                self.send(429, b"slow down", Retry_After="1")
            else:
                self.send(200, b"rested")
        elif path == "/closed":
            self.send(503, b"maintenance", Retry_After="3600")
        elif path == "/flaky":
            self.send(503 if self.hits[path] == 1 else 200, b"recovered")
        elif path == "/down":
            self.send(500, b"broken")
        elif path == "/missing":
            self.send(404, b"not here")
        elif path == "/slow":
            time.sleep(2)
            self.send(200, b"late")
        elif path == "/huge":
            self.send(200, b"x" * 200_000)
        elif path == "/redirect":
            self.send(302, Location="/ok")
        elif path.startswith("/loop"):
            self.send(302, Location=f"/loop{len(path)}")
        elif path == "/to-file":
            self.send(302, Location="file:///etc/passwd")
        elif path == "/private/page":
            self.send(200, b"secret")
        else:
            self.send(404)


@pytest.fixture
def hits() -> Counter[str]:
    """How often each path of the scripted server was requested."""
    return Scripted.hits


@pytest.fixture
def scripted() -> Iterator[str]:
    Scripted.hits = Counter()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Scripted)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    config = FetchConfig(
        allow_private=True, read_timeout=0.5, max_bytes=100_000, retries=1, retry_backoff=0.01
    )
    with Fetcher(config) as client:
        yield client


class Paced(BaseHTTPRequestHandler):
    """A site whose robots.txt asks for a second between requests; it notes when each began."""

    started: list[float] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            body = b"User-agent: *\nCrawl-delay: 1\n"
        else:
            self.started.append(time.monotonic())
            body = b"<html>page</html>"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def paced() -> Iterator[tuple[str, list[float]]]:
    """The paced site's address, and when each of its pages was asked for."""
    Paced.started = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Paced)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", Paced.started
    server.shutdown()
    server.server_close()
