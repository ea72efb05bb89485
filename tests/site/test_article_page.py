"""The article page shows the whole article, counts its views, credits its outlet."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from rows import body, headline

from newsdesk.news.models import Article, Comment


@pytest.mark.django_db
def test_article_page_shows_every_part(client, make_article):
    article = make_article(1)
    html = client.get(article.get_absolute_url()).content.decode()
    assert f"<h1>{headline(1)}</h1>" in html
    assert "Teaser 1." in html
    assert f"<p>{body(1)[0]}</p>" in html
    assert 'datetime="2026-03-01T08:01:00+00:00"' in html
    assert "Originally published by <a" in html and ">Harbour Post</a>" in html
    assert (
        '<a href="https://harbour.example/news/1" rel="nofollow noopener">original article</a>'
        in html
    )
    assert "Ana covers the port." in html and f'href="{article.author.get_absolute_url()}"' in html
    for kind in ("like", "dislike", "love", "funny", "angry", "sad", "wow"):
        assert f'value="{kind}"' in html
    assert 'name="text"' in html


@pytest.mark.django_db
def test_views_are_counted(client, make_article):
    article = make_article(1)
    client.get(article.get_absolute_url())
    client.get(article.get_absolute_url())
    article.refresh_from_db()
    assert article.views == 2


@pytest.mark.django_db
def test_wrong_slug_redirects_to_the_right_one(client, make_article):
    article = make_article(1)
    response = client.get(f"/articles/{article.pk}/something-else/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


@pytest.mark.django_db
def test_unpublished_article_is_hidden_except_from_staff(client, make_article):
    article = make_article(1)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.UNPUBLISHED)
    assert client.get(article.get_absolute_url()).status_code == 404
    editor = get_user_model().objects.create_user("ed", password="pw", is_staff=True)
    client.force_login(editor)
    assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_only_approved_comments_are_shown(client, make_article):
    article = make_article(1)
    Comment.objects.create(article=article, name="Kim", text="Shown comment", approved=True)
    Comment.objects.create(article=article, name="Lee", text="Held comment", approved=False)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Shown comment" in html and "Held comment" not in html
    assert "1 comment" in html


@pytest.mark.django_db
def test_json_ld_and_opengraph_describe_the_article(client, make_article):
    article = make_article(1, title="Dock </script><script>alert(1)</script> strike")
    html = client.get(article.get_absolute_url()).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle"
    assert data["headline"].startswith("Dock </script>")
    assert data["author"]["name"] == "Ana Ruiz"
    assert "<script>alert(1)" not in html
    assert '<meta property="og:title" content="Dock &lt;/script&gt;' in html
    assert "inLanguage" not in data  # no language known, none claimed
    assert '<meta name="twitter:card" content="summary">' in html  # no picture to show large


@pytest.mark.django_db
def test_an_article_in_another_language_says_so(client, make_article):
    article = make_article(1, language="pt")
    html = client.get(article.get_absolute_url()).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["inLanguage"] == "pt"
    assert '<meta property="og:locale" content="pt">' in html
    assert '<article class="story" lang="pt">' in html


@pytest.mark.django_db
def test_copies_elsewhere_are_listed_as_also_published(client, make_article):
    article = make_article(1)
    make_article(
        1,
        url="https://copycat.example/p/1",
        site_name="Copycat Daily",
        published=article.published_at.replace(hour=20),
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'Also published by <a href="https://copycat.example/p/1"' in html
    assert "Copycat Daily" in html
