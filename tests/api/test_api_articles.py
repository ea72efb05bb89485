"""The JSON API lists published articles only, with their source, author, counters and reactions."""

from datetime import UTC, datetime

import pytest

from newsdesk.extract.article import Author, ExtractedArticle
from newsdesk.news.models import Article, Comment, Reaction
from newsdesk.news.store import save_article


def stored(n: int, **changes) -> Article:
    fields = dict(
        title=f"Harbour story {n}",
        body=[f"Paragraph of story {n}.", "Second paragraph."],
        url=f"https://harbour.example/news/{n}",
        site_name="Harbour Post",
        published=datetime(2026, 3, n, 8, 0, tzinfo=UTC),
        authors=[Author(name="Ana Ruiz", bio="Ana covers the port.")],
        confidence=0.9,
    )
    fields.update(changes)
    return save_article(ExtractedArticle(**fields))[0]


@pytest.mark.django_db
def test_list_is_newest_first_and_hides_unpublished(client):
    stored(1)
    stored(2)
    hidden = stored(3)
    Article.objects.filter(pk=hidden.pk).update(status=Article.Status.UNPUBLISHED)
    data = client.get("/api/articles").json()
    assert data["count"] == 2
    assert [a["title"] for a in data["results"]] == ["Harbour story 2", "Harbour story 1"]
    assert data["results"][0]["source"]["name"] == "Harbour Post"
    assert client.get(f"/api/articles/{hidden.pk}").status_code == 404


@pytest.mark.django_db
def test_detail_carries_body_author_and_reaction_counts(client):
    article = stored(1)
    Reaction.objects.create(article=article, visitor="a", kind="wow")
    Reaction.objects.create(article=article, visitor="b", kind="wow")
    Comment.objects.create(article=article, name="Kim", text="Held", approved=False)
    Comment.objects.create(article=article, name="Lee", text="Shown", approved=True)
    data = client.get(f"/api/articles/{article.pk}").json()
    assert data["body"] == ["Paragraph of story 1.", "Second paragraph."]
    assert data["author"]["bio"] == "Ana covers the port."
    assert data["reactions"]["wow"] == 2 and data["reactions"]["like"] == 0
    assert data["comments"] == 1
    assert data["original_url"] == "https://harbour.example/news/1"


@pytest.mark.django_db
def test_filter_by_source_and_bad_page(client):
    stored(1)
    stored(2, url="https://ledger.example/a/2", site_name="Valley Ledger")
    data = client.get("/api/articles?source=valley-ledger").json()
    assert [a["title"] for a in data["results"]] == ["Harbour story 2"]
    assert client.get("/api/articles?page=9").status_code == 404
    assert client.get("/api/articles?page=x").status_code == 404


@pytest.mark.django_db
def test_sources_and_authors_count_published_articles(client):
    stored(1)
    stored(2)
    sources = client.get("/api/sources").json()["results"]
    assert [(s["name"], s["articles"]) for s in sources] == [("Harbour Post", 2)]
    authors = client.get("/api/authors").json()["results"]
    assert [(a["name"], a["articles"]) for a in authors] == [("Ana Ruiz", 2)]


@pytest.mark.django_db
def test_api_is_read_only(client):
    assert client.post("/api/articles").status_code == 405
