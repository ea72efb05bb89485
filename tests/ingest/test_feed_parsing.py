"""Feeds in RSS, Atom and JSON Feed become entries; a non-feed is a clear error."""

import json

import pytest

from newsdesk.ingest.feeds import FeedError, parse_feed

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Post</title>
<link>https://harbour.example/</link>
<item><title>Dock strike ends</title><link>/news/dock-strike-ends</link>
<author>ana@harbour.example (Ana Ruiz)</author>
<pubDate>Tue, 03 Mar 2026 09:30:00 +0100</pubDate><description>Talks close.</description></item>
<item><title>No link here</title></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Valley Ledger</title><id>urn:x</id><updated>2026-03-03T10:00:00Z</updated>
<entry><title>Bridge reopens</title><id>urn:1</id><link rel="alternate" href="https://ledger.example/a/1"/>
<updated>2026-03-03T10:00:00Z</updated><published>2026-03-02T08:00:00Z</published>
<author><name>Tom Ek</name></author></entry></feed>"""

JSON_FEED = json.dumps(
    {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Morning Wire",
        "items": [
            {
                "id": "1",
                "url": "https://wire.example/1",
                "title": "Storm warning",
                "date_published": "2026-03-04T06:00:00Z",
                "authors": [{"name": "Li Wei"}],
            }
        ],
    }
).encode()


def test_rss_entries_are_read_with_absolute_links():
    feed = parse_feed(RSS, "https://harbour.example/rss.xml")
    assert feed.title == "Harbour Post"
    assert [e.url for e in feed.entries] == ["https://harbour.example/news/dock-strike-ends"]
    entry = feed.entries[0]
    assert entry.title == "Dock strike ends"
    assert entry.published.isoformat() == "2026-03-03T08:30:00+00:00"


def test_atom_entries_are_read():
    feed = parse_feed(ATOM, "https://ledger.example/atom.xml")
    assert [e.url for e in feed.entries] == ["https://ledger.example/a/1"]
    assert feed.entries[0].author == "Tom Ek"
    assert feed.entries[0].updated.isoformat() == "2026-03-03T10:00:00+00:00"


def test_json_feed_entries_are_read():
    feed = parse_feed(JSON_FEED, "https://wire.example/feed.json")
    assert feed.title == "Morning Wire"
    assert feed.entries[0].url == "https://wire.example/1"
    assert feed.entries[0].title == "Storm warning"


@pytest.mark.parametrize(
    "content", [b"<html><body>Not a feed</body></html>", b"", b"\x00\xff garbage"]
)
def test_non_feed_is_an_error(content):
    with pytest.raises(FeedError):
        parse_feed(content, "https://example.com/feed")


def test_truncated_feed_still_yields_what_it_has():
    feed = parse_feed(RSS[: RSS.index(b"<item><title>No link")], "https://harbour.example/rss.xml")
    assert len(feed.entries) == 1
    assert feed.warning


def test_json_that_is_not_a_feed_is_an_error():
    with pytest.raises(FeedError, match=r"jsonfeed\.org"):
        parse_feed(b'{"hello": "world"}', "https://example.com/feed.json")
