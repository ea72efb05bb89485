"""Comments: held for moderation, shown once approved, bad input refused."""

import pytest
from django.test import override_settings
from rows import headline

from newsdesk.news.models import Comment


def post(client, article, **data):
    return client.post(f"/articles/{article.pk}/comment", data, follow=True)


@pytest.mark.django_db
def test_comment_is_held_until_approved(client, make_article):
    article = make_article(1)
    response = post(client, article, name="Kim", text="A fair summary.")
    html = response.content.decode()
    assert "awaits moderation" in html
    assert "A fair summary." not in html
    comment = Comment.objects.get()
    assert not comment.approved
    comment.approved = True
    comment.save()
    assert "A fair summary." in client.get(article.get_absolute_url()).content.decode()


@pytest.mark.django_db
@override_settings(COMMENTS_MODERATED=False)
def test_without_moderation_comment_appears_at_once(client, make_article):
    article = make_article(1)
    html = post(client, article, name="Kim", text="Straight in.").content.decode()
    assert "Straight in." in html


@pytest.mark.django_db
def test_empty_comment_is_refused_with_the_form_shown(client, make_article):
    article = make_article(1)
    response = client.post(f"/articles/{article.pk}/comment", {"name": "K", "text": " "})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Your comment was not posted." in html
    assert "This field is required." in html
    assert "Please give a name of at least two letters." in html
    assert f"<h1>{headline(1)}</h1>" in html
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_overlong_comment_is_refused(client, make_article):
    article = make_article(1)
    response = client.post(f"/articles/{article.pk}/comment", {"name": "Kim", "text": "x" * 5001})
    assert response.status_code == 400
    assert "at most 5000 characters" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_honeypot_comment_is_dropped(client, make_article):
    article = make_article(1)
    response = post(client, article, name="Bot", text="Buy now", website="http://spam.example")
    assert "awaits moderation" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.django_db
@override_settings(COMMENTS_MODERATED=False)
def test_hostile_comment_is_shown_as_text(client, make_article):
    article = make_article(1)
    html = post(
        client, article, name="<b>x</b>", text="<script>alert('x')</script>"
    ).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
