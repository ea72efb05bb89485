"""Reactions: one per visitor per article, changeable, with or without JavaScript."""

import pytest
from django.test import Client

from newsdesk.news.models import Reaction


def react(client, article, kind, as_json=True):
    headers = {"HTTP_ACCEPT": "application/json"} if as_json else {}
    return client.post(f"/articles/{article.pk}/react", {"kind": kind}, **headers)


@pytest.mark.django_db
def test_reacting_counts_once_per_visitor(client, make_article):
    article = make_article(1)
    data = react(client, article, "love").json()
    assert data == {"reactions": {**dict.fromkeys(data["reactions"], 0), "love": 1}, "mine": "love"}
    react(client, article, "love")  # the same again takes it back
    assert Reaction.objects.count() == 0


@pytest.mark.django_db
def test_choosing_another_reaction_switches_it(client, make_article):
    article = make_article(1)
    react(client, article, "like")
    data = react(client, article, "wow").json()
    assert data["reactions"]["like"] == 0 and data["reactions"]["wow"] == 1
    assert list(Reaction.objects.values_list("kind", flat=True)) == ["wow"]


@pytest.mark.django_db
def test_two_visitors_count_separately(client, make_article):
    article = make_article(1)
    react(client, article, "sad")
    data = react(Client(), article, "sad").json()
    assert data["reactions"]["sad"] == 2


@pytest.mark.django_db
def test_plain_form_post_redirects_back(client, make_article):
    article = make_article(1)
    response = react(client, article, "funny", as_json=False)
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url() + "#reactions"
    assert "newsdesk_visitor" in response.cookies
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'class="reaction chosen" aria-pressed="true" data-kind="funny"' in html


@pytest.mark.django_db
def test_unknown_reaction_is_refused(client, make_article):
    article = make_article(1)
    assert react(client, article, "meh").status_code == 400
    assert not Reaction.objects.exists()


@pytest.mark.django_db
def test_reacting_needs_a_post(client, make_article):
    article = make_article(1)
    assert client.get(f"/articles/{article.pk}/react").status_code == 405


@pytest.mark.django_db
def test_forged_visitor_cookie_gets_a_new_identity(client, make_article):
    article = make_article(1)
    react(client, article, "like")
    client.cookies["newsdesk_visitor"] = "forged-value"
    react(client, article, "like")
    assert Reaction.objects.count() == 2
