"""Fetching over HTTP, politely and safely: every limit, retry and address check lives here."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from newsdesk import __version__
from newsdesk.env import envbool, envfloat, envint

USER_AGENT = f"newsdesk/{__version__} (+https://github.com/newsdesk/newsdesk)"
RETRY_STATUSES = {429, 500, 502, 503, 504}
# The longest wait a site may ask for, in seconds, between two requests (robots.txt's
# Crawl-delay) or before a retry (a 429 or 503's Retry-After). A longer Crawl-delay is kept
# at this; a longer Retry-After gives the page up, with the site's reason.
MAX_WAIT = 30.0
# A site's robots.txt is read again after this many seconds, by a Fetcher kept that long (a
# worker's): sites change their rules, and crawlers commonly keep them a day at most.
ROBOTS_MAX_AGE = 3600.0


class FetchError(Exception):
    """A URL could not be fetched; the message is one line a person can act on."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class FetchConfig:
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2
    retry_backoff: float = 0.5
    per_host: int = 2
    # Private and loopback addresses are refused unless allowed: the demo origin lives on loopback.
    allow_private: bool = False
    respect_robots: bool = True
    user_agent: str = USER_AGENT

    @classmethod
    def from_env(cls) -> FetchConfig:
        return cls(
            connect_timeout=envfloat("NEWSDESK_FETCH_CONNECT_TIMEOUT", cls.connect_timeout),
            read_timeout=envfloat("NEWSDESK_FETCH_READ_TIMEOUT", cls.read_timeout),
            max_bytes=envint("NEWSDESK_FETCH_MAX_BYTES", cls.max_bytes),
            max_redirects=envint("NEWSDESK_FETCH_MAX_REDIRECTS", cls.max_redirects),
            retries=envint("NEWSDESK_FETCH_RETRIES", cls.retries),
            per_host=envint("NEWSDESK_FETCH_PER_HOST", cls.per_host),
            allow_private=envbool("NEWSDESK_FETCH_ALLOW_PRIVATE", "false"),
            respect_robots=envbool("NEWSDESK_FETCH_RESPECT_ROBOTS", "true"),
        )


@dataclass
class Response:
    url: str  # after redirects
    status: int
    content: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def check_address(url: str, allow_private: bool) -> None:
    """Refuse non-HTTP schemes, and hosts that resolve to internal addresses unless allowed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(
            url, f"only http and https URLs can be fetched, not {parts.scheme or 'a bare path'!r}"
        )
    if not parts.hostname:
        raise FetchError(url, "the URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(url, f"cannot resolve host {parts.hostname!r} ({exc.strerror})") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise FetchError(
                url,
                f"refused: {parts.hostname} resolves to the internal address {address} "
                "(set NEWSDESK_FETCH_ALLOW_PRIVATE=true to allow it)",
            )


class Fetcher:
    """A shared HTTP client: timeouts, size and redirect caps, retries, robots.txt, per-host limits.

    Thread-safe: one Fetcher serves a pool of workers. Its per-host limit and the Crawl-delay a
    site's robots.txt asks for hold among its own threads; `host_slot` (a host's name -> a
    context that holds one of its slots) and `host_pace` (a host and a delay -> returns when a
    request may start) can make them hold among many processes, as the worker pool's do.
    """

    def __init__(
        self,
        config: FetchConfig | None = None,
        host_slot: Callable[[str], AbstractContextManager[object]] | None = None,
        host_pace: Callable[[str, float], None] | None = None,
    ) -> None:
        self.config = config or FetchConfig.from_env()
        timeout = httpx.Timeout(
            self.config.read_timeout, connect=self.config.connect_timeout, pool=None
        )
        self.client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,  # each hop is checked against the address guard
            headers={"User-Agent": self.config.user_agent, "Accept-Encoding": "gzip, deflate"},
        )
        self._host_slots: dict[str, threading.BoundedSemaphore] = defaultdict(
            lambda: threading.BoundedSemaphore(self.config.per_host)
        )
        self._host_slot = host_slot or self._host_slots.__getitem__
        self._host_pace = host_pace or self._pace_here
        self._next_start: dict[str, float] = {}  # per host, when its next request may start
        # Per origin: its rules (None: none to keep to), and when they were read.
        self._robots: dict[str, tuple[RobotFileParser | None, float]] = {}
        self._robots_loading: dict[str, threading.Lock] = defaultdict(threading.Lock)
        self._lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def get(
        self, url: str, *, etag: str = "", last_modified: str = "", accept: str = "*/*"
    ) -> Response:
        """GET a URL, following redirects by hand; raises FetchError with a one-line reason."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        redirects: list[str] = []
        current = url
        while True:
            check_address(current, self.config.allow_private)
            if not self.allowed_by_robots(current):
                raise FetchError(current, "disallowed by the site's robots.txt")
            response = self._get_with_retries(current, headers)
            if response.status in (301, 302, 303, 307, 308) and response.location:
                if len(redirects) >= self.config.max_redirects:
                    raise FetchError(url, f"more than {self.config.max_redirects} redirects")
                redirects.append(current)
                current = urljoin(current, response.location)
                continue
            response.redirects = redirects
            if response.status >= 400:
                raise FetchError(current, f"HTTP {response.status}", status=response.status)
            return response

    def _get_with_retries(self, url: str, headers: dict[str, str]) -> _RawResponse:
        parts = urlsplit(url)
        host = parts.netloc
        delay = self.crawl_delay(f"{parts.scheme}://{host}")
        attempt = 0
        while True:
            wait = self.config.retry_backoff * 2**attempt
            if delay:
                # Its turn first, then a slot: a slot is not held while a turn is waited for.
                self._host_pace(host, delay)
            try:
                with self._host_slot(host):
                    result = self._get_once(url, headers)
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                if attempt >= self.config.retries:
                    raise FetchError(url, describe_transport_error(exc)) from None
            else:
                if result.status not in RETRY_STATUSES or attempt >= self.config.retries:
                    return result
                asked = retry_after(result.retry_after)
                if asked is not None and asked > MAX_WAIT:
                    raise FetchError(
                        url,
                        f"HTTP {result.status}, and the site asks to be left for {asked:.0f} s",
                        status=result.status,
                    )
                wait = max(wait, asked or 0.0)
            attempt += 1
            time.sleep(wait)

    def crawl_delay(self, origin: str) -> float:
        """The seconds a site's robots.txt asks between two requests, as far as it was read."""
        read = self._robots.get(origin)
        if read is None or read[0] is None:
            return 0.0
        try:
            asked = float(read[0].crawl_delay(self.config.user_agent) or 0)
        except (TypeError, ValueError):
            return 0.0
        return min(max(asked, 0.0), MAX_WAIT)

    def _pace_here(self, host: str, delay: float) -> None:
        """Returns when a request to the host may start, `delay` after the one before it."""
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_start.get(host, 0.0))
            self._next_start[host] = start + delay
        time.sleep(start - now)

    def _get_once(self, url: str, headers: dict[str, str]) -> _RawResponse:
        with self.client.stream("GET", url, headers=headers) as response:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.config.max_bytes:
                raise FetchError(url, f"body larger than {self.config.max_bytes} bytes")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.config.max_bytes:
                    raise FetchError(url, f"body larger than {self.config.max_bytes} bytes")
                chunks.append(chunk)
            return _RawResponse(
                url=url,
                status=response.status_code,
                content=b"".join(chunks),
                content_type=response.headers.get("Content-Type", ""),
                etag=response.headers.get("ETag", ""),
                last_modified=response.headers.get("Last-Modified", ""),
                location=response.headers.get("Location", ""),
                retry_after=response.headers.get("Retry-After", ""),
            )

    def allowed_by_robots(self, url: str) -> bool:
        if not self.config.respect_robots:
            return True
        parts = urlsplit(url)
        if parts.path in ("/robots.txt",):
            return True
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            loading = self._robots_loading[origin]
        # One thread reads a site's robots.txt; the others starting on that site wait for it.
        with loading:
            read = self._robots.get(origin)
            if read is None or time.monotonic() - read[1] > ROBOTS_MAX_AGE:
                self._robots[origin] = read = (self._load_robots(origin), time.monotonic())
        parser = read[0]
        return parser is None or parser.can_fetch(self.config.user_agent, url)

    def _load_robots(self, origin: str) -> RobotFileParser | None:
        """A missing or unreadable robots.txt allows everything, as the convention has it."""
        try:
            response = self._get_with_retries(f"{origin}/robots.txt", {"Accept": "text/plain"})
        except FetchError:
            return None
        if response.status >= 400:
            return None
        parser = RobotFileParser()
        parser.parse(response.content.decode("utf-8", "replace").splitlines())
        return parser


@dataclass
class _RawResponse(Response):
    location: str = ""
    retry_after: str = ""


def retry_after(value: str) -> float | None:
    """The seconds a Retry-After header asks for: a number of them, or an HTTP date."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)


def describe_transport_error(exc: Exception) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return "timed out connecting"
    if isinstance(exc, httpx.TimeoutException):
        return "timed out waiting for the server"
    if isinstance(exc, httpx.ConnectError):
        return "could not connect"
    return f"network error ({type(exc).__name__})"
