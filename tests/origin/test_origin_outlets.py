"""The demo origin: outlets on their own ports, feeds that list their pages, polite answers."""

import feedparser
import httpx
import pytest

from newsdesk.ingest.feeds import parse_feed
from newsdesk.origin.server import start_origin


@pytest.fixture(scope="module")
def origin():
    with start_origin() as running:
        yield running


def test_catalog_has_what_the_demo_promises(origin):
    articles = origin.catalog.articles
    assert len(origin.outlets) >= 6 and len(articles) >= 40
    outlets_per_event = {}
    for article in articles:
        outlets_per_event.setdefault(article.event, set()).add(article.outlet)
    assert sum(len(o) >= 3 for o in outlets_per_event.values()) >= 5
    copies = [a for a in articles if a.republished_from]
    assert len(copies) >= 6 and all(a.promos for a in copies)
    assert {o.feed for o in origin.catalog.outlets.values()} == {"rss", "atom", "json"}


def test_each_feed_lists_its_outlets_articles(origin):
    for slug, site in origin.outlets.items():
        response = httpx.get(site.feed_url)
        assert response.status_code == 200
        if site.outlet.feed != "json":
            assert not feedparser.parse(response.content).bozo
        urls = {e.url for e in parse_feed(response.content, site.feed_url).entries}
        assert urls == {origin.url_of(a.key) for a in site.outlet.articles}, slug


def test_every_page_carries_its_paragraphs_and_promos(origin):
    for article in origin.catalog.articles:
        site = origin.outlets[article.outlet]
        response = httpx.get(origin.url_of(article.key))
        text = response.content.decode(site.outlet.charset).replace("&#x27;", "'")
        for line in (*article.paragraphs, *article.promos):
            assert line.replace("&", "&amp;") in text, (article.key, line)


def test_conditional_get_answers_not_modified(origin):
    site = next(iter(origin.outlets.values()))
    first = httpx.get(site.feed_url)
    assert (
        httpx.get(site.feed_url, headers={"If-None-Match": first.headers["ETag"]}).status_code
        == 304
    )
    since = {"If-Modified-Since": first.headers["Last-Modified"]}
    assert httpx.get(site.feed_url, headers=since).status_code == 304


def test_robots_and_missing_pages(origin):
    site = origin.outlets["capital-dispatch"]
    assert "Disallow: /private/" in httpx.get(site.base_url + "/robots.txt").text
    assert httpx.get(site.base_url + "/private/draft-budget-leak").status_code == 200
    assert httpx.get(site.base_url + "/no/such/page").status_code == 404


def test_one_outlet_serves_windows_1252(origin):
    site = origin.outlets["morning-wire"]
    article = site.outlet.articles[0]
    response = httpx.get(origin.url_of(article.key))
    assert "windows-1252" in response.headers["Content-Type"]
    assert "’".encode("cp1252") in response.content
