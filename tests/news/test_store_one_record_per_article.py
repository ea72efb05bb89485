"""Storing the same article twice updates one record; reader data and editors' choices survive."""

from datetime import UTC, datetime

import pytest

from newsdesk.extract.article import Author, ExtractedArticle
from newsdesk.news.models import Article, Comment, PageError, Reaction, Source
from newsdesk.news.store import Hints, record_error, save_article


def article(**changes) -> ExtractedArticle:
    fields = dict(
        title="Ferry service resumes after storm",
        body=["The ferry left at dawn.", "Crews had worked through the night."],
        url="https://harbour.example/news/ferry?utm_source=rss",
        canonical_url="https://harbour.example/news/ferry",
        site_name="Harbour Post",
        published=datetime(2026, 3, 3, 8, 30, tzinfo=UTC),
        authors=[Author(name="Ana Ruiz", bio="Ana covers the port.")],
        confidence=0.9,
    )
    fields.update(changes)
    return ExtractedArticle(**fields)


@pytest.mark.django_db
def test_first_save_creates_a_published_article_with_its_source_and_author():
    stored, outcome = save_article(article())
    assert outcome == "new"
    assert stored.status == Article.Status.PUBLISHED
    assert stored.source.name == "Harbour Post"
    assert stored.source.domain == "harbour.example"
    assert stored.author.name == "Ana Ruiz" and stored.author.bio == "Ana covers the port."
    assert (
        stored.body_html
        == "<p>The ferry left at dawn.</p><p>Crews had worked through the night.</p>"
    )


@pytest.mark.django_db
def test_same_canonical_url_again_is_unchanged():
    save_article(article())
    _, outcome = save_article(article())
    assert outcome == "unchanged"
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_changed_body_updates_the_record_and_keeps_reader_data():
    stored, _ = save_article(article())
    Reaction.objects.create(article=stored, visitor="v1", kind="love")
    Comment.objects.create(article=stored, name="Kim", text="Good news", approved=True)
    Article.objects.filter(pk=stored.pk).update(views=7, status=Article.Status.UNPUBLISHED)

    updated, outcome = save_article(article(body=["The ferry left at dawn.", "A correction."]))
    assert outcome == "updated"
    assert updated.pk == stored.pk
    assert updated.body_text.endswith("A correction.")
    assert (updated.views, updated.status) == (7, Article.Status.UNPUBLISHED)
    assert updated.reactions.count() == 1 and updated.comments.count() == 1


@pytest.mark.django_db
def test_same_body_under_another_url_is_found_by_content_hash():
    save_article(article())
    _, outcome = save_article(
        article(
            url="https://harbour.example/amp/ferry",
            canonical_url="",
            body=["The  ferry left at dawn.", "Crews had worked through the night."],
        )
    )
    assert outcome == "unchanged"
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_low_confidence_extraction_is_held_for_review():
    stored, _ = save_article(article(confidence=0.2))
    assert stored.status == Article.Status.REVIEW


@pytest.mark.django_db
def test_feed_hints_fill_what_the_page_lacks():
    when = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    stored, _ = save_article(
        article(published=None, authors=[]), hints=Hints(author="Tom Ek", published=when)
    )
    assert stored.published_at == when
    assert stored.author.name == "Tom Ek"


@pytest.mark.django_db
def test_saved_page_without_address_is_kept_under_its_site_name():
    stored, _ = save_article(article(url="", canonical_url="", site_name="Daily Capture"))
    assert stored.canonical_url.startswith("urn:sha256:")
    assert Source.objects.get().domain == "saved:daily-capture"


@pytest.mark.django_db
def test_success_clears_an_earlier_page_error():
    record_error("https://harbour.example/news/ferry?utm_source=rss", "fetch", "HTTP 503")
    record_error("https://harbour.example/news/ferry?utm_source=rss", "fetch", "HTTP 503")
    assert PageError.objects.get().attempts == 2
    save_article(article())
    assert not PageError.objects.exists()
