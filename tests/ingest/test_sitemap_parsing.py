"""Sitemaps and news sitemaps become entries; hostile or foreign XML is a clear error."""

import pytest

from newsdesk.ingest.feeds import FeedError
from newsdesk.ingest.sitemaps import is_sitemap, parse_sitemap

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://ledger.example/a/1</loc><lastmod>2026-03-03T10:00:00Z</lastmod>
    <news:news><news:title>Bridge reopens</news:title>
    <news:publication_date>2026-03-02T08:00:00+01:00</news:publication_date></news:news></url>
  <url><loc>https://ledger.example/a/2</loc></url>
</urlset>"""

INDEX = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://ledger.example/sitemap-1.xml</loc></sitemap></sitemapindex>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&lol2;</loc></url></urlset>"""


def test_urlset_entries_carry_news_title_and_dates():
    parsed = parse_sitemap(URLSET, "https://ledger.example/sitemap.xml")
    assert [e.url for e in parsed.entries] == [
        "https://ledger.example/a/1",
        "https://ledger.example/a/2",
    ]
    first = parsed.entries[0]
    assert first.title == "Bridge reopens"
    assert first.published.isoformat() == "2026-03-02T08:00:00+01:00"
    assert first.updated.isoformat() == "2026-03-03T10:00:00+00:00"


def test_index_lists_child_sitemaps():
    assert is_sitemap(INDEX)
    assert parse_sitemap(INDEX, "https://ledger.example/sitemap.xml").children == [
        "https://ledger.example/sitemap-1.xml"
    ]


def test_entities_are_not_expanded():
    parsed = parse_sitemap(BILLION_LAUGHS, "https://ledger.example/sitemap.xml")
    assert all("lollol" not in e.url for e in parsed.entries)


@pytest.mark.parametrize("content", [b"<urlset><url>", b"<?xml version='1.0'?><rss/>"])
def test_broken_or_foreign_xml_is_an_error(content):
    with pytest.raises(FeedError, match="not a sitemap"):
        parse_sitemap(content, "https://ledger.example/sitemap.xml")
