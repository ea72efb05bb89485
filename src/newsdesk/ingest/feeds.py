"""Reading RSS, Atom and JSON feeds into a list of entries to fetch."""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin

import feedparser


class FeedError(ValueError):
    """A document that is not a usable feed."""


@dataclass
class FeedEntry:
    url: str
    title: str = ""
    summary: str = ""
    author: str = ""
    published: datetime | None = None
    updated: datetime | None = None
    guid: str = ""


@dataclass
class ParsedFeed:
    title: str = ""
    link: str = ""
    entries: list[FeedEntry] = field(default_factory=list)
    warning: str = ""  # the feed was malformed but still yielded entries
    children: list[str] = field(default_factory=list)  # a sitemap index's sitemaps


def parse_feed(content: bytes, url: str) -> ParsedFeed:
    """Parse feed bytes; raises FeedError when nothing usable comes out."""
    if content.lstrip()[:1] == b"{":
        return parse_json_feed(content, url)
    parsed = feedparser.parse(content, response_headers={"content-location": url})
    problem = ""
    if parsed.bozo:
        problem = str(parsed.get("bozo_exception", "malformed feed")).splitlines()[0]
    entries = [entry for entry in map(lambda e: _entry(e, url), parsed.entries) if entry]
    if not parsed.get("version") and not entries:
        raise FeedError(f"not a feed: {problem}" if problem else "not an RSS, Atom or JSON feed")
    feed = parsed.feed
    return ParsedFeed(
        title=feed.get("title", "").strip(),
        link=urljoin(url, feed.get("link", "")) if feed.get("link") else "",
        entries=entries,
        warning=problem if entries else "",
    )


def _entry(entry: feedparser.FeedParserDict, feed_url: str) -> FeedEntry | None:
    link = entry.get("link") or _alternate_link(entry)
    if not link:
        return None
    return FeedEntry(
        url=urljoin(feed_url, link.strip()),
        title=entry.get("title", "").strip(),
        summary=entry.get("summary", "").strip(),
        author=entry.get("author", "").strip(),
        published=_time(entry.get("published_parsed")),
        # Asked for directly, feedparser falls back to the published date, with a warning.
        updated=_time(dict.get(entry, "updated_parsed")),
        guid=entry.get("id", ""),
    )


def _alternate_link(entry: feedparser.FeedParserDict) -> str:
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return ""


def _time(value: object) -> datetime | None:
    # feedparser normalises every date it understands to a UTC struct_time.
    if not value:
        return None
    return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)  # type: ignore[arg-type]


def parse_json_feed(content: bytes, url: str) -> ParsedFeed:
    """JSON Feed 1.0/1.1 (jsonfeed.org), which feedparser 6.0 does not read."""
    try:
        data = json.loads(content)
    except (ValueError, UnicodeDecodeError) as exc:
        raise FeedError(f"not a feed: invalid JSON ({exc})") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise FeedError("not a feed: JSON without a jsonfeed.org version")
    entries = []
    for item in data.get("items") or []:
        if not isinstance(item, dict) or not (item.get("url") or item.get("external_url")):
            continue
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        entries.append(
            FeedEntry(
                url=urljoin(url, str(item.get("url") or item.get("external_url")).strip()),
                title=str(item.get("title", "")).strip(),
                summary=str(item.get("summary", "")).strip(),
                author=str(authors[0].get("name", ""))
                if authors and isinstance(authors[0], dict)
                else "",
                published=_iso(item.get("date_published")),
                updated=_iso(item.get("date_modified")),
                guid=str(item.get("id", "")),
            )
        )
    link = data.get("home_page_url") or ""
    return ParsedFeed(title=str(data.get("title", "")).strip(), link=link, entries=entries)


def _iso(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)
