"""Articles filed under the topics their pages declare: tag pages, links, the API's filter."""

import pytest
from rows import STRIKE, page

from newsdesk.news.models import Tag
from newsdesk.news.store import save_article


@pytest.mark.django_db
def test_an_article_is_filed_under_its_pages_tags(client, make_article):
    article = make_article(1, tags=["Port Alder", "port alder", " Strikes ", "x" * 61, "Выборы"])
    # One tag per slug, whatever the spelling; a sentence stuffed into keywords is no tag.
    assert sorted(t.name for t in article.tags.all()) == ["Port Alder", "Strikes", "Выборы"]
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<a href="/tags/port-alder/" rel="tag">Port Alder</a>' in html
    assert '<meta property="article:tag" content="Strikes">' in html
    assert '"keywords": ["Port Alder", "Strikes", "Выборы"]' in html
    topic = client.get("/tags/выборы/")
    assert topic.status_code == 200 and article.title in topic.content.decode()
    assert client.get("/tags/nothing/").status_code == 404
    make_article(2, tags=["Rumours"], confidence=0.1)  # held for review
    assert client.get("/tags/rumours/").status_code == 404


@pytest.mark.django_db
def test_outlets_share_a_tag_and_an_update_refiles_the_article(client, make_article):
    first = make_article(1, tags=["Strikes"])
    other, _ = save_article(
        page("valley", "x", "Valley crane safety review", STRIKE, 11, tags=["strikes"])
    )
    assert Tag.objects.count() == 1
    listing = client.get("/tags/strikes/").content.decode()
    assert first.title in listing and other.title in listing
    api = client.get("/api/articles?tag=strikes").json()
    assert {a["title"] for a in api["results"]} == {first.title, other.title}
    assert api["results"][0]["tags"] == ["Strikes"]
    # The page is read again and files the article elsewhere.
    save_article(page("valley", "x", "Valley crane safety review", STRIKE, 11, tags=["Cranes"]))
    assert [t.name for t in other.tags.all()] == ["Cranes"]
    assert client.get("/api/articles?tag=strikes").json()["count"] == 1
    listed = client.get("/api/tags").json()["results"]
    assert [(t["name"], t["articles"]) for t in listed] == [("Cranes", 1), ("Strikes", 1)]
    assert listed[0]["api_url"] == "http://testserver/api/articles?tag=cranes"
