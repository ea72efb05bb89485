"""Feeds out (RSS and Atom, read back with feedparser) and sitemaps, for readers and crawlers."""

from datetime import UTC, datetime

import feedparser
import pytest
from lxml import etree
from rows import STRIKE, page

from newsdesk.news.models import Article, Tag
from newsdesk.news.store import save_article

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def articles(make_article):
    made = [make_article(n, tags=["Port Alder", "Strikes"] if n == 1 else []) for n in (1, 2, 3)]
    held = make_article(4, confidence=0.1)
    assert held.status == Article.Status.REVIEW
    other = save_article(page("valley", "x", "Valley ferry timetable changes", STRIKE, 11))[0]
    return made, held, other


def read_feed(client, url: str) -> feedparser.FeedParserDict:
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/rss.xml", "/atom.xml"])
def test_the_sites_feed_lists_published_articles_newest_first(client, articles, url):
    made, held, other = articles
    feed = read_feed(client, url)
    newest_first = sorted([*made, other], key=lambda a: a.published_at, reverse=True)
    assert [e.title for e in feed.entries] == [a.title for a in newest_first]
    assert held.title not in {e.title for e in feed.entries}
    entry = next(e for e in feed.entries if e.title == made[0].title)
    assert entry.link == f"http://testserver{made[0].get_absolute_url()}"
    assert entry.author == "Ana Ruiz"
    assert datetime(*entry.published_parsed[:6], tzinfo=UTC) == made[0].published_at
    assert "Teaser 1." in entry.summary and "From Harbour Post" in entry.summary
    assert [t.term for t in entry.tags] == ["Port Alder", "Strikes"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_an_outlet_and_a_story_have_feeds_of_their_own(client, articles, kind):
    made, _, other = articles
    outlet = read_feed(client, f"/sources/{other.source.slug}/{kind}.xml")
    assert [e.title for e in outlet.entries] == [other.title]
    assert "Valley" in outlet.feed.title
    story = made[0].story
    covered = read_feed(client, f"/stories/{story.pk}/{kind}.xml")
    assert {e.title for e in covered.entries} == {
        a.title for a in story.articles.filter(status=Article.Status.PUBLISHED)
    }
    assert client.get(f"/sources/nobody/{kind}.xml").status_code == 404
    topic = read_feed(client, f"/tags/port-alder/{kind}.xml")
    assert [e.title for e in topic.entries] == [made[0].title]
    held = articles[1]
    held.tags.set([Tag.objects.create(name="Rumours", slug="rumours")])
    assert client.get(f"/tags/rumours/{kind}.xml").status_code == 404
    assert client.get(f"/stories/{held.story.pk}/{kind}.xml").status_code == 404


@pytest.mark.django_db
def test_pages_point_readers_to_their_feeds(client, articles):
    other = articles[2]
    front = client.get("/").content.decode()
    assert 'type="application/rss+xml"' in front and 'href="/atom.xml"' in front
    outlet = client.get(other.source.get_absolute_url()).content.decode()
    assert f'href="/sources/{other.source.slug}/rss.xml"' in outlet


@pytest.mark.django_db
def test_the_sitemap_lists_every_public_page_and_no_held_one(client, articles):
    made, held, other = articles
    index = etree.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert {s.rsplit("/", 1)[1] for s in sections} == {
        "sitemap-articles.xml",
        "sitemap-stories.xml",
        "sitemap-sources.xml",
        "sitemap-authors.xml",
        "sitemap-tags.xml",
    }
    listed = {}
    for section in sections:
        tree = etree.fromstring(client.get(section.removeprefix("http://testserver")).content)
        for url in tree.iter(f"{SITEMAP}url"):
            listed[url.findtext(f"{SITEMAP}loc")] = url.findtext(f"{SITEMAP}lastmod")
    for article in [*made, other]:
        assert listed[f"http://testserver{article.get_absolute_url()}"]
    assert f"http://testserver{held.get_absolute_url()}" not in listed
    assert f"http://testserver{other.source.get_absolute_url()}" in listed
    assert f"http://testserver{made[0].author.get_absolute_url()}" in listed
    assert f"http://testserver{made[0].story.get_absolute_url()}" in listed
    assert "http://testserver/tags/port-alder/" in listed


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_the_desk_and_names_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text.splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in text.splitlines()


@pytest.mark.django_db
def test_a_feed_reader_polling_an_unchanged_feed_gets_not_modified(client, articles):
    first = client.get("/atom.xml")
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    again = client.get("/atom.xml", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and not again.content
    since = client.get("/atom.xml", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    save_article(page("valley", "y", "Valley bridge reopens", ["The bridge reopened."], 12))
    assert client.get("/atom.xml", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
