"""Rows for site tests, stored the way the pipeline stores them."""

from datetime import UTC, datetime

import pytest
from rows import body, headline

from newsdesk.extract.article import Author, ExtractedArticle
from newsdesk.news.models import Article
from newsdesk.news.store import save_article


@pytest.fixture
def make_article():
    def make(n: int = 1, **changes) -> Article:
        fields = dict(
            title=headline(n),
            teaser=f"Teaser {n}.",
            body=body(n),
            url=f"https://harbour.example/news/{n}",
            site_name="Harbour Post",
            published=datetime(2026, 3, 1, 8, n % 60, tzinfo=UTC),
            authors=[Author(name="Ana Ruiz", bio="Ana covers the port.")],
            confidence=0.9,
        )
        fields.update(changes)
        return save_article(ExtractedArticle(**fields))[0]

    return make


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.invalid", "pw"))
    return client
