"""The whole pipeline over real HTTP: every demo article stored once, clean and credited."""

import re

import pytest
from django.core.files.storage import default_storage

from newsdesk.extract.boilerplate import fold
from newsdesk.news.models import Appearance, Article, Feed, PageError
from newsdesk.pipeline import poll_feeds


@pytest.mark.django_db
def test_every_demo_article_is_stored_once_clean_and_credited(origin, feeds, fetcher):
    summary = poll_feeds(feeds, fetcher)
    truth = origin.catalog.articles
    originals = [spec for spec in truth if not spec.republished_from]
    assert not summary.errors
    assert (summary.counts["new"], summary.counts["merged"]) == (
        len(originals),
        len(truth) - len(originals),
    )
    for spec in truth:
        seen = Appearance.objects.select_related("article__source", "source").get(
            url=origin.url_of(spec.key)
        )
        assert seen.source.name == origin.catalog.outlets[spec.outlet].name
        article = seen.article
        original = origin.catalog.article(spec.republished_from) if spec.republished_from else spec
        assert fold(article.body_text) == fold("\n\n".join(spec.paragraphs)), spec.key
        assert article.title == spec.title
        assert article.source.name == origin.catalog.outlets[original.outlet].name
        assert article.author.name == original.author
        assert article.extracted["published_local"] == original.published.strftime("%Y-%m-%dT%H:%M")
        assert article.published_at == original.published, spec.key  # the instant, zone and all
        assert article.status == Article.Status.PUBLISHED


@pytest.mark.django_db
def test_fetching_again_changes_nothing(origin, feeds, fetcher):
    poll_feeds(feeds, fetcher)
    count = Article.objects.count()
    again = poll_feeds(feeds, fetcher)
    assert Article.objects.count() == count
    assert again.counts["new"] == 0 and again.counts["failed"] == 0
    assert all(feed.last_status == 304 for feed in Feed.objects.all())


@pytest.mark.django_db
def test_refresh_refetches_pages_without_duplicating(origin, feeds, fetcher):
    poll_feeds(feeds, fetcher)
    count = Article.objects.count()
    Feed.objects.update(etag="", last_modified="")
    again = poll_feeds(Feed.objects.all(), fetcher, refresh=True)
    assert again.counts["unchanged"] + again.counts["merged"] == len(origin.catalog.articles)
    assert Article.objects.count() == count


@pytest.mark.django_db
def test_bad_feeds_are_recorded_and_stop_nothing(origin, feeds, fetcher):
    site = next(iter(origin.outlets.values()))
    missing = Feed.objects.create(url=site.base_url + "/no-such-feed.xml")
    not_a_feed = Feed.objects.create(url=site.base_url + "/")
    unreachable = Feed.objects.create(url="http://127.0.0.1:9/feed.xml")
    summary = poll_feeds(Feed.objects.order_by("id"), fetcher)
    assert summary.counts["new"] + summary.counts["merged"] == len(origin.catalog.articles)
    assert summary.counts["failed feeds"] == 3
    missing.refresh_from_db()
    not_a_feed.refresh_from_db()
    unreachable.refresh_from_db()
    assert missing.last_error.endswith("HTTP 404") and missing.error_count == 1
    assert "not a feed" in not_a_feed.last_error
    assert "could not connect" in unreachable.last_error


@pytest.mark.django_db
def test_failing_page_is_recorded_then_retried(origin, fetcher, tmp_path):
    site = origin.outlets["harbour-post"]
    good = origin.url_of(site.outlet.articles[0].key)
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Mixed</title>'
        f"<item><title>ok</title><link>{good}</link></item>"
        f"<item><title>gone</title><link>{site.base_url}/news/vanished</link></item>"
        f"<item><title>private</title><link>{site.base_url}/private/x</link></item>"
        "</channel></rss>"
    )
    from newsdesk.ingest.feeds import parse_feed
    from newsdesk.pipeline import fetch_pages, store_page

    feed = Feed.objects.create(url=site.base_url + "/mixed.xml")
    entries = parse_feed(rss.encode(), feed.url).entries
    outcomes = [
        store_page(feed, e, r)
        for e, r in zip(entries, fetch_pages([(feed, e) for e in entries], fetcher), strict=True)
    ]
    assert [o for o, _ in outcomes] == ["new", "failed", "failed"]
    errors = {e.url: e for e in PageError.objects.all()}
    assert errors[f"{site.base_url}/news/vanished"].error.endswith("HTTP 404")
    assert "robots.txt" in errors[f"{site.base_url}/private/x"].error
    # The next run tries the failed pages again and counts the attempts.
    [
        store_page(feed, e, r)
        for e, r in zip(entries, fetch_pages([(feed, e) for e in entries], fetcher), strict=True)
    ]
    assert PageError.objects.get(url=f"{site.base_url}/news/vanished").attempts == 2


@pytest.mark.django_db
def test_a_photo_in_an_article_stays_in_place_with_its_caption(origin, feeds, fetcher):
    poll_feeds(feeds, fetcher)
    with_photo = [s for s in origin.catalog.articles if s.figure and not s.republished_from]
    assert with_photo
    for spec in with_photo:
        article = Appearance.objects.get(url=origin.url_of(spec.key)).article
        caption, credit = spec.figure
        html = article.body_html
        assert f"<figcaption>{caption} <small>{credit}</small></figcaption>" in html
        # Shown from newsdesk's copy of the outlet's photo.
        copy = re.search(r'<img src="/media/(pictures/[^"]+)"', html)[1]
        photo = origin.outlets[spec.outlet].base_url + f"/images/{spec.slug}-photo.svg"
        with default_storage.open(copy) as stored:
            assert stored.read() == fetcher.get(photo).content
        second, third = (html.index(p[:40]) for p in spec.paragraphs[1:3])
        assert second < html.index("<figure>") < third
        assert caption not in article.body_text
