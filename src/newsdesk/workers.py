"""The worker pool: pages fetched, extracted and analysed by Celery workers over a Redis broker,
for when one process is not enough.

`fetch` polls the feeds (a conditional GET each) and queues their new pages in batches; each
`pages` task fetches, extracts and analyses a batch (the costly part) and hands the articles
back as JSON; `fetch` stores them in feed order, as `poll_feeds` does in process. So the pool
stores the same articles, copies and stories as one process, and workers need the broker only,
never the database. A task is acknowledged once done: one whose worker dies runs again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from celery import Celery
from django.conf import settings
from tqdm import tqdm

from newsdesk.extract.article import ExtractedArticle
from newsdesk.extract.page import ExtractError
from newsdesk.ingest.feeds import FeedEntry
from newsdesk.ingest.fetch import FetchConfig, Fetcher, FetchError
from newsdesk.news.models import Feed
from newsdesk.pipeline import STORE_BATCH, Summary, fetch_pages, new_entries, store_batch
from newsdesk.pipeline import understand as analyse

app = Celery("newsdesk")
app.conf.update(
    broker_url=settings.BROKER_URL,
    result_backend=settings.BROKER_URL,
    result_expires=24 * 3600,
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    broker_connection_retry_on_startup=True,
    # A caller whose broker is down is told so in seconds, not after minutes of retries.
    broker_connection_timeout=5,
    task_publish_retry_policy={"max_retries": 2, "interval_start": 0.5, "interval_step": 0.5},
)


@app.task(name="newsdesk.pages")
def pages(urls: list[str]) -> list[dict[str, Any]]:
    """Fetch, extract and analyse pages; what each gave, in order."""
    with Fetcher(FetchConfig.from_env()) as fetcher:
        results = list(fetch_pages([(None, FeedEntry(url=url)) for url in urls], fetcher))
    analyse([result for result in results if isinstance(result, ExtractedArticle)])
    return [result_out(result) for result in results]


def fetch(feeds: Sequence[Feed], *, refresh: bool = False, progress: bool = False) -> Summary:
    """Poll the feeds, have the pool read their new pages, and store them; waits for it all."""
    summary = Summary()
    with Fetcher(FetchConfig.from_env()) as fetcher:
        todo = new_entries(feeds, fetcher, summary, refresh=refresh)
    batches = [todo[start : start + STORE_BATCH] for start in range(0, len(todo), STORE_BATCH)]
    queued = [pages.delay([entry.url for _, entry in batch]) for batch in batches]
    with tqdm(total=len(todo), unit="page", disable=not progress) as bar:
        # In order, so that articles are stored as one process stores them.
        for batch, result in zip(batches, queued, strict=True):
            try:
                read = [result_in(r) for r in result.get()]
            except Exception as exc:  # the task itself failed; its pages are tried next time
                read = [ExtractError(f"worker failed: {type(exc).__name__}: {exc}")] * len(batch)
            result.forget()
            store_batch(list(zip(batch, read, strict=True)), summary)
            bar.update(len(batch))
    return summary


def workers_answering() -> int:
    """How many workers answer a ping on the broker within a second."""
    return len(app.control.ping(timeout=1.0) or [])


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
