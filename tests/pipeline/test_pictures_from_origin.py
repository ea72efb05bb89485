"""Imported articles show their pictures from newsdesk's copies, not from the outlets."""

import json
import re

import pytest
from django.core.files.storage import default_storage
from django.test import override_settings

from newsdesk.news.models import Appearance, Article, Feed
from newsdesk.pipeline import import_items, poll_feeds


@pytest.mark.django_db
def test_pictures_are_copied_and_shown_from_the_copies(origin, feeds, fetcher, client):
    poll_feeds(feeds, fetcher)
    articles = Article.objects.exclude(image_url="")
    assert articles.count() == Article.objects.count() > 0
    for article in articles:
        assert article.image_file, article.title
        with default_storage.open(article.image_file) as stored:
            assert stored.read().lstrip().startswith((b"<svg", b"<?xml"))
    spec = next(s for s in origin.catalog.articles if not s.republished_from)
    article = Appearance.objects.get(url=origin.url_of(spec.key)).article
    html = client.get(article.get_absolute_url()).content.decode()
    lead = html.split('class="lead-image"', 1)[1].split("</figure>", 1)[0]
    # The copy's size reserves the picture's room before it loads.
    assert f'src="/media/{article.image_file}" alt="" width="1200" height="630"' in lead
    assert f'content="http://testserver/media/{article.image_file}"' in html  # og:image
    assert '<meta property="og:image:width" content="1200">' in html
    schema = json.loads(
        html.split('<script type="application/ld+json">', 1)[1].split("</script>")[0]
    )
    assert schema["image"] == [
        {
            "@type": "ImageObject",
            "url": f"http://testserver/media/{article.image_file}",
            "width": 1200,
            "height": 630,
        }
    ]
    front = client.get("/").content.decode()
    assert "/images/" not in front  # no card asks an outlet for its picture
    # Nor does a picture among an article's paragraphs.
    spec = next(s for s in origin.catalog.articles if s.figure and not s.republished_from)
    article = Appearance.objects.get(url=origin.url_of(spec.key)).article
    assert "<figure>" in article.body_html and "/images/" not in article.body_html
    assert re.search(
        r'<img src="/media/pictures/[^"]+" width="\d+" height="\d+"', article.body_html
    )


@pytest.mark.django_db
@override_settings(COPY_PICTURES=False)
def test_without_copies_the_outlets_pictures_are_shown(origin, feeds, fetcher, client):
    poll_feeds(feeds, fetcher)
    article = Article.objects.exclude(image_url="").first()
    assert article.image_file == ""
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'src="{article.image_url}"' in html


@pytest.mark.django_db
def test_a_page_imported_by_its_address_has_its_picture_copied(origin, fetcher):
    spec = next(s for s in origin.catalog.articles if not s.republished_from)
    summary = import_items([origin.url_of(spec.key)], fetcher)
    assert summary.counts["new"] == 1
    article = Appearance.objects.get(url=origin.url_of(spec.key)).article
    assert article.image_file and default_storage.exists(article.image_file)


@pytest.mark.django_db
def test_a_refresh_copies_the_pictures_of_articles_stored_before(origin, feeds, fetcher):
    with override_settings(COPY_PICTURES=False):
        poll_feeds(feeds, fetcher)
    assert not Article.objects.exclude(image_file="").exists()
    Feed.objects.update(etag="", last_modified="")
    poll_feeds(Feed.objects.all(), fetcher, refresh=True)
    assert not Article.objects.exclude(image_url="").filter(image_file="").exists()
