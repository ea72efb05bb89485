"""The front page lists published articles, newest first, a page at a time."""

import pytest
from django.test import override_settings
from rows import headline

from newsdesk.news.models import Article


@pytest.mark.django_db
def test_newest_first_with_source_author_and_counts(client, make_article):
    make_article(1)
    make_article(2)
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(headline(2)) < html.index(headline(1))
    assert "Harbour Post" in html and "Ana Ruiz" in html
    assert "0 comments" in html


@pytest.mark.django_db
def test_unpublished_and_held_articles_are_not_listed(client, make_article):
    make_article(1)
    Article.objects.filter(pk=make_article(2).pk).update(status=Article.Status.UNPUBLISHED)
    make_article(3, confidence=0.1)
    html = client.get("/").content.decode()
    assert headline(1) in html
    assert headline(2) not in html and headline(3) not in html


@pytest.mark.django_db
@override_settings(PAGE_SIZE=2)
def test_pagination(client, make_article):
    for n in range(1, 6):
        make_article(n)
    first = client.get("/").content.decode()
    third = client.get("/?page=3").content.decode()
    assert headline(5) in first and headline(3) not in first
    assert headline(1) in third and "Page 3 of 3" in third
    assert client.get("/?page=99").status_code == 200  # out of range shows the last page
