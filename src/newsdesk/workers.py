"""The worker pool: pages fetched, extracted and analysed by Celery workers over a Redis broker,
for when one process is not enough.

`fetch` polls the feeds (a conditional GET each) and queues their new pages in batches; each
`pages` task fetches, extracts and analyses a batch (the costly part) and hands the articles
back as JSON; `fetch` stores them in feed order, as `poll_feeds` does in process. So the pool
stores the same articles, copies and stories as one process, and workers need the broker only,
never the database. A task is acknowledged once done: one whose worker dies runs again. The
per-host limit holds across the pool: its slots are leases kept in the broker's Redis.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

import redis
from celery import Celery
from celery.exceptions import TimeoutError as CeleryTimeout
from celery.result import AsyncResult
from django.conf import settings
from tqdm import tqdm

from newsdesk.extract.article import ExtractedArticle
from newsdesk.extract.page import ExtractError
from newsdesk.ingest.feeds import FeedEntry
from newsdesk.ingest.fetch import FetchConfig, Fetcher, FetchError
from newsdesk.news.models import Feed
from newsdesk.pipeline import Summary, fetch_pages, new_entries, store_batch
from newsdesk.pipeline import understand as analyse

TIME_LIMIT = 15 * 60
app = Celery("newsdesk")
app.conf.update(
    broker_url=settings.BROKER_URL,
    result_backend=settings.BROKER_URL,
    result_expires=24 * 3600,
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    task_acks_late=True,
    # A task whose worker process dies is run again by another, at most twice: a page that
    # kills every worker it meets then fails, and is tried again at the next fetch.
    task_retry_on_worker_lost=True,
    task_reject_on_worker_lost=True,
    # A batch still running after this long is stopped, and its pages counted failed.
    task_time_limit=TIME_LIMIT,
    # A batch taken but not done after this long was taken by a worker host that is gone (a
    # live one runs it, and the one it holds next, within two time limits): Redis hands it out
    # again then, not after its default hour.
    broker_transport_options={"visibility_timeout": 2 * TIME_LIMIT + 5 * 60},
    worker_prefetch_multiplier=1,
    broker_connection_retry_on_startup=True,
    # A caller whose broker is down is told so in seconds, not after minutes of retries.
    broker_connection_timeout=5,
    task_publish_retry_policy={"max_retries": 2, "interval_start": 0.5, "interval_step": 0.5},
)

# Pages a task reads: small enough to spread a fetch over the pool, large enough for the parser
# to batch well.
BATCH = 16


@app.task(name="newsdesk.pages", max_retries=2, default_retry_delay=1)
def pages(urls: list[str]) -> list[dict[str, Any]]:
    """Fetch, extract and analyse pages; what each gave, in order."""
    entries = [(None, FeedEntry(url=url)) for url in urls]
    results = list(fetch_pages(entries, worker_fetcher()))
    analyse([result for result in results if isinstance(result, ExtractedArticle)])
    return [result_out(result) for result in results]


def fetch(feeds: Sequence[Feed], *, refresh: bool = False, progress: bool = False) -> Summary:
    """Poll the feeds, have the pool read their new pages, and store them; waits for it all."""
    summary = Summary()
    with pool_fetcher() as fetcher:
        todo = new_entries(feeds, fetcher, summary, refresh=refresh)
    batches = [todo[start : start + BATCH] for start in range(0, len(todo), BATCH)]
    queued = [pages.delay([entry.url for _, entry in batch]) for batch in batches]
    with tqdm(total=len(todo), unit="page", disable=not progress) as bar:
        # In order, so that articles are stored as one process stores them.
        for batch, result in zip(batches, queued, strict=True):
            try:
                read = [result_in(r) for r in wait_for(result)]
            except WorkersGone:
                raise
            except Exception as exc:  # the task itself failed; its pages are tried next time
                read = [ExtractError(f"worker failed: {type(exc).__name__}: {exc}")] * len(batch)
            result.forget()
            store_batch(list(zip(batch, read, strict=True)), summary)
            bar.update(len(batch))
    return summary


def workers_answering() -> int:
    """How many workers answer a ping on the broker within a second."""
    return len(app.control.ping(timeout=1.0) or [])


class WorkersGone(Exception):
    """No worker has answered for NEWSDESK_WORKERS_PATIENCE seconds while a fetch waited."""


def wait_for(result: AsyncResult) -> Any:
    """A task's result, waiting as long as some worker is there to produce it: a batch whose
    workers all vanished would otherwise be waited for until Redis hands it out again (an
    hour later)."""
    silent_since = None
    while True:
        try:
            return result.get(timeout=min(10.0, settings.WORKERS_PATIENCE))
        except CeleryTimeout:
            if workers_answering():
                silent_since = None
            elif silent_since is None:
                silent_since = time.monotonic()
            elif time.monotonic() - silent_since >= settings.WORKERS_PATIENCE:
                raise WorkersGone(
                    f"no worker has answered on {settings.BROKER_URL} for"
                    f" {settings.WORKERS_PATIENCE:g} s; the pages not stored yet are fetched"
                    " again next time"
                ) from None


# --- One per-host limit for the whole pool -----------------------------------------------------

# Take a free slot of KEYS[1] (a sorted set of leases, scored by when they lapse) if fewer than
# ARGV[1] are held: ARGV[3] holds it for ARGV[2] seconds. Redis's clock times every lease.
TAKE_SLOT = """
local now = redis.call('TIME')
local t = tonumber(now[1]) + tonumber(now[2]) / 1000000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', t)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
    redis.call('ZADD', KEYS[1], t + tonumber(ARGV[2]), ARGV[3])
    redis.call('EXPIRE', KEYS[1], math.ceil(tonumber(ARGV[2])) + 1)
    return 1
end
return 0
"""


# When a request to a host may start: ARGV[1] milliseconds after the last one that was let
# start (KEYS[1], kept no longer than it matters). Returns the milliseconds to wait.
TAKE_TURN = """
local now = redis.call('TIME')
local t = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local start = math.max(t, tonumber(redis.call('GET', KEYS[1]) or '0'))
local following = start + tonumber(ARGV[1])
redis.call('SET', KEYS[1], following, 'PX', following - t + 1000)
return start - t
"""


class HostSlots:
    """At most `per_host` requests to a host at once across every process on the broker. A
    slot is a lease that lapses after `lease` seconds, so a holder that dies frees it. The
    Crawl-delay a site asks for is kept across them all as well (`pace`)."""

    def __init__(self, url: str, per_host: int, lease: float) -> None:
        self.redis = redis.Redis.from_url(url)
        self.take = self.redis.register_script(TAKE_SLOT)
        self.turn = self.redis.register_script(TAKE_TURN)
        self.per_host, self.lease = per_host, lease

    def pace(self, host: str, delay: float) -> None:
        """Returns when a request to the host may start, `delay` seconds after the last one."""
        wait = self.turn(keys=[f"newsdesk:host-turn:{host}"], args=[int(delay * 1000)])
        time.sleep(int(wait) / 1000)

    @contextmanager
    def __call__(self, host: str) -> Iterator[None]:
        key, token = f"newsdesk:host-slots:{host}", uuid.uuid4().hex
        while not self.take(keys=[key], args=[self.per_host, self.lease, token]):
            time.sleep(0.05 + random.random() * 0.05)
        try:
            yield
        finally:
            self.redis.zrem(key, token)


@cache
def worker_fetcher() -> Fetcher:
    """The Fetcher a worker process keeps from task to task: its connections, and the robots.txt
    rules it has read, serve every batch it is given. Made in the process that uses it, after
    the pool forks it."""
    return pool_fetcher()


def pool_fetcher() -> Fetcher:
    config = FetchConfig.from_env()
    # A lease outlasts a request's connect and read timeouts; one that a dead worker held keeps
    # its host's slot that long.
    lease = config.connect_timeout + config.read_timeout + 5
    hosts = HostSlots(settings.BROKER_URL, config.per_host, lease)
    return Fetcher(config, host_slot=hosts, host_pace=hosts.pace)


# --- What tasks hand back, as JSON ------------------------------------------------------------


def result_out(result: ExtractedArticle | Exception) -> dict[str, Any]:
    if isinstance(result, ExtractedArticle):
        return {"article": result.to_json()}
    if isinstance(result, FetchError):
        return {"fetch_error": [result.url, result.reason, result.status]}
    return {"extract_error": str(result)}


def result_in(data: dict[str, Any]) -> ExtractedArticle | Exception:
    if "article" in data:
        return ExtractedArticle.from_json(data["article"])
    if "fetch_error" in data:
        return FetchError(*data["fetch_error"])
    return ExtractError(data["extract_error"])
