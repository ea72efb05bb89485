"""Author and source pages list their published articles."""

import pytest
from django.test import override_settings
from rows import headline

from newsdesk.news.models import Article


@pytest.mark.django_db
def test_author_page_lists_their_articles_with_bio(client, make_article):
    first = make_article(1)
    make_article(2, authors=[])
    html = client.get(first.author.get_absolute_url()).content.decode()
    assert "Ana covers the port." in html
    assert headline(1) in html and headline(2) not in html


@pytest.mark.django_db
def test_source_page_lists_published_articles_only(client, make_article):
    first = make_article(1)
    hidden = make_article(2)
    Article.objects.filter(pk=hidden.pk).update(status=Article.Status.UNPUBLISHED)
    make_article(3, url="https://ledger.example/a/3", site_name="Valley Ledger")
    html = client.get(first.source.get_absolute_url()).content.decode()
    assert 'href="https://harbour.example/"' in html
    assert headline(1) in html
    assert headline(2) not in html and headline(3) not in html


@pytest.mark.django_db
def test_unknown_author_is_404(client):
    assert client.get("/authors/nobody/").status_code == 404


@pytest.mark.django_db
@override_settings(PAGE_SIZE=2)
def test_author_page_is_paginated(client, make_article):
    articles = [make_article(n) for n in range(1, 4)]
    url = articles[0].author.get_absolute_url()
    assert headline(3) in client.get(url).content.decode()
    second = client.get(url + "?page=2").content.decode()
    assert headline(1) in second and headline(3) not in second
