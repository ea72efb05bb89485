"""The pipeline: feeds and saved pages in, stored articles out, every failure recorded.

poll_feeds      new_entries (each feed, by conditional GET) -> fetch_and_store
fetch_and_store pages fetched and extracted (pictures copied) on a thread pool -> analysed
                in batches -> stored
import_items    saved files, folders and single URLs -> process_page
process_page    bytes -> extract -> analyse -> store

newsdesk.workers fetches, extracts and analyses on a Celery worker pool, and stores in order.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from tqdm import tqdm

from newsdesk.extract.article import ExtractedArticle
from newsdesk.extract.page import ExtractError, read_file, read_page
from newsdesk.ingest.feeds import FeedEntry, FeedError, ParsedFeed, parse_feed
from newsdesk.ingest.fetch import Fetcher, FetchError, Response
from newsdesk.ingest.sitemaps import is_sitemap, parse_sitemap
from newsdesk.news import stories
from newsdesk.news.models import Article, Feed
from newsdesk.news.pictures import copy_pictures
from newsdesk.news.store import Hints, Outcome, record_error, save_article, title_of

log = logging.getLogger(__name__)

PAGE_WORKERS = 8
STORE_BATCH = 64  # fetched pages stored together, their titles encoded in one batch
MAX_CHILD_SITEMAPS = 50
SAVED_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".txt", ".text")
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, */*;q=0.8"
)


@dataclass
class Summary:
    """What one run did, counted by outcome, with the error of every failure."""

    counts: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def add(self, outcome: str, error: str = "") -> None:
        self.counts[outcome] += 1
        if error:
            self.errors.append(error)

    def line(self) -> str:
        kinds = ["new", "updated", "unchanged", "merged", "failed"]
        return ", ".join(f"{self.counts[k]} {k}" for k in kinds if k != "merged" or self.counts[k])


# --- One page -------------------------------------------------------------------------------


def process_page(
    content: bytes,
    url: str = "",
    content_type: str = "",
    *,
    feed: Feed | None = None,
    hints: Hints | None = None,
) -> tuple[Article, Outcome]:
    """Extract one page and store it; raises ExtractError for a page with no article."""
    extracted = read_page(content, url, content_type)
    understand([extracted])
    return save_article(extracted, feed=feed, hints=hints)


def understand(articles: Sequence[ExtractedArticle]) -> None:
    """Find who said what, in articles stored together analysed together (the parser is faster
    on a batch); a failure here costs the analysis, never the article."""
    if not settings.ANALYSE or not articles:
        return
    # Imported here: spaCy takes a second to import, which commands that never analyse skip.
    from newsdesk.understand.attribution import annotate_many

    try:
        annotate_many(articles)
    except Exception:
        if len(articles) > 1:
            # One article the analysis fails on does not cost the others theirs.
            for article in articles:
                understand([article])
            return
        log.exception("analysing %s failed", articles[0].url or articles[0].title)


# --- Feeds ----------------------------------------------------------------------------------


def poll_feeds(
    feeds: Iterable[Feed], fetcher: Fetcher, *, refresh: bool = False, progress: bool = False
) -> Summary:
    """Poll every feed once, then fetch their new entries' pages; one failure stops nothing."""
    summary = Summary()
    todo = new_entries(feeds, fetcher, summary, refresh=refresh)
    fetch_and_store(todo, fetcher, summary, progress=progress)
    return summary


def new_entries(
    feeds: Iterable[Feed], fetcher: Fetcher, summary: Summary, *, refresh: bool = False
) -> list[tuple[Feed, FeedEntry]]:
    """The entries of every feed whose pages need fetching; feeds that fail and entries stored
    already are counted in `summary`."""
    todo: list[tuple[Feed, FeedEntry]] = []
    for feed in feeds:
        entries = poll_feed(feed, fetcher)
        if entries is None:
            summary.add("failed feeds", f"{feed.url}: {feed.last_error}")
            continue
        for entry in entries:
            if not refresh and is_current(entry):
                summary.add("unchanged")
            else:
                todo.append((feed, entry))
    return todo


def fetch_and_store(
    todo: list[tuple[Feed, FeedEntry]],
    fetcher: Fetcher,
    summary: Summary,
    *,
    progress: bool = False,
) -> None:
    """Fetch, extract, analyse and store the entries' pages, counting each in `summary`."""
    results = zip(
        todo,
        tqdm(fetch_pages(todo, fetcher), total=len(todo), unit="page", disable=not progress),
        strict=True,
    )
    while batch := list(islice(results, STORE_BATCH)):
        understand([result for _, result in batch if isinstance(result, ExtractedArticle)])
        store_batch(batch, summary)


def store_batch(
    batch: list[tuple[tuple[Feed, FeedEntry], ExtractedArticle | Exception]], summary: Summary
) -> None:
    """Store fetched pages, analysed already, in order; their titles are encoded together."""
    pages = [(entry, r) for (_, entry), r in batch if isinstance(r, ExtractedArticle)]
    stories.encode_titles(title_of(result, hints_for(entry)) for entry, result in pages)
    for (feed, entry), result in batch:
        summary.add(*store_page(feed, entry, result))


def poll_feed(feed: Feed, fetcher: Fetcher) -> list[FeedEntry] | None:
    """Fetch and parse one feed, recording how it went on the Feed; None when it failed."""
    feed.last_fetched_at = timezone.now()
    try:
        response = fetcher.get(
            feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=FEED_ACCEPT
        )
        feed.last_status = response.status
        if response.not_modified:
            entries: list[FeedEntry] = []
        else:
            parsed = read_feed(response, fetcher)
            entries = parsed.entries
            feed.title = feed.title or parsed.title[:300]
            feed.etag, feed.last_modified = response.etag, response.last_modified
            feed.last_items = len(entries)
        feed.last_error, feed.error_count = "", 0
        return entries
    except (FetchError, FeedError) as exc:
        feed.last_status = getattr(exc, "status", None)
        feed.last_error = str(exc)
        feed.error_count += 1
        log.warning("feed %s failed: %s", feed.url, exc)
        return None
    finally:
        feed.save()


def read_feed(response: Response, fetcher: Fetcher) -> ParsedFeed:
    """A feed, or a sitemap whose index is followed one level down."""
    if not is_sitemap(response.content):
        return parse_feed(response.content, response.url)
    parsed = parse_sitemap(response.content, response.url)
    for child in parsed.children[:MAX_CHILD_SITEMAPS]:
        parsed.entries.extend(parse_sitemap(fetcher.get(child).content, child).entries)
    return parsed


def is_current(entry: FeedEntry) -> bool:
    """An entry already stored, and not updated since, is not fetched again."""
    article = Article.objects.filter(
        Q(url=entry.url) | Q(canonical_url=entry.url) | Q(appearances__url=entry.url)
    ).first()
    if article is None:
        return False
    return not (entry.updated and entry.updated > article.fetched_at)


def fetch_pages(
    todo: Sequence[tuple[Feed | None, FeedEntry]], fetcher: Fetcher
) -> Iterator[ExtractedArticle | Exception]:
    """Fetch and extract pages on a thread pool, yielding results in order; storing stays serial."""

    def work(item: tuple[Feed | None, FeedEntry]) -> ExtractedArticle | Exception:
        try:
            return read_fetched(item[1].url, fetcher)
        except (FetchError, ExtractError) as exc:
            return exc
        except Exception as exc:  # a hostile page must not take the run down with it
            log.exception("extracting %s failed", item[1].url)
            return ExtractError(f"extractor crashed: {type(exc).__name__}: {exc}")

    with ThreadPoolExecutor(max_workers=PAGE_WORKERS) as pool:
        yield from pool.map(work, todo)


def read_fetched(url: str, fetcher: Fetcher) -> ExtractedArticle:
    """Fetch a page and extract its article, with copies of its pictures made."""
    response = fetcher.get(url, accept="text/html, */*;q=0.8")
    article = read_page(response.content, response.url, response.content_type)
    if settings.COPY_PICTURES:
        copy_pictures(article, fetcher)
    return article


def store_page(
    feed: Feed | None, entry: FeedEntry, result: ExtractedArticle | Exception
) -> tuple[str, str]:
    """Store one fetched page, analysed already, or record why it failed; returns (outcome,
    error)."""
    if isinstance(result, Exception):
        stage = "fetch" if isinstance(result, FetchError) else "extract"
        message = str(result) if isinstance(result, FetchError) else f"{entry.url}: {result}"
        record_error(entry.url, stage, str(result), feed)
        return "failed", message
    try:
        _, outcome = save_article(result, feed=feed, hints=hints_for(entry))
        return outcome, ""
    except Exception as exc:
        log.exception("storing %s failed", entry.url)
        record_error(entry.url, "store", f"{type(exc).__name__}: {exc}", feed)
        return "failed", f"{entry.url}: {exc}"


def hints_for(entry: FeedEntry) -> Hints:
    return Hints(title=entry.title, author=entry.author, published=entry.published)


# --- Saved pages and single URLs ------------------------------------------------------------


def import_items(items: Iterable[str], fetcher: Fetcher, *, progress: bool = False) -> Summary:
    """Import files, folders of saved pages, and URLs; each bad item is reported, not fatal."""
    summary = Summary()
    targets = list(expand_items(items, summary))
    for target in tqdm(targets, unit="page", disable=not progress):
        summary.add(*import_one(target, fetcher))
    return summary


def expand_items(items: Iterable[str], summary: Summary) -> Iterator[str]:
    for item in items:
        if item.startswith(("http://", "https://")):
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            yield from sorted(
                str(p)
                for p in path.rglob("*")
                if p.is_file() and p.name.lower().endswith(SAVED_PAGE_SUFFIXES)
            )
        elif path.is_file():
            yield str(path)
        else:
            summary.add("failed", f"{item}: no such file, folder or URL")


def import_one(target: str, fetcher: Fetcher) -> tuple[str, str]:
    try:
        if target.startswith(("http://", "https://")):
            extracted = read_fetched(target, fetcher)
        else:
            content, content_type = read_file(Path(target))
            extracted = read_page(content, "", content_type)
    except (FetchError, ExtractError, OSError) as exc:
        stage = "fetch" if isinstance(exc, FetchError) else "extract"
        if target.startswith(("http://", "https://")):
            record_error(target, stage, str(exc))
        return "failed", f"{target}: {exc}" if not isinstance(exc, FetchError) else str(exc)
    understand([extracted])
    return store_page(None, FeedEntry(url=target), extracted)
