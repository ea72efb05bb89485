"""Listings load outlet, author and counters in a fixed number of queries, whatever their length."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.news.models import Comment, Reaction


def queries_for(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def add_talk(article) -> None:
    Comment.objects.create(article=article, name="Kim", text="Shown", approved=True)
    Comment.objects.create(article=article, name="Lee", text="Held")
    for visitor in ("a", "b", "c"):
        Reaction.objects.create(article=article, visitor=visitor, kind="like")


@pytest.mark.django_db
def test_front_page_queries_do_not_grow_with_articles(client, make_article):
    add_talk(make_article(1))
    few = queries_for(client, "/")
    for n in range(2, 8):
        add_talk(make_article(n, authors=[]) if n % 2 else make_article(n))
    assert queries_for(client, "/") == few


@pytest.mark.django_db
def test_counters_count_approved_comments_and_every_reaction(client, make_article):
    add_talk(make_article(1))
    html = client.get("/").content.decode()
    assert "1 comment<" in html
    assert "3 reactions" in html
