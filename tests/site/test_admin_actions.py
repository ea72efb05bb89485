"""Editors publish, unpublish and moderate from the admin."""

import pytest
from django.contrib import admin

from newsdesk.news.models import Article, Comment, PageError


@pytest.mark.django_db
def test_publish_and_unpublish_actions(editor_client, make_article):
    held = make_article(1, confidence=0.1)
    assert held.status == Article.Status.REVIEW
    url = "/admin/news/article/"
    editor_client.post(url, {"action": "publish", "_selected_action": [held.pk]})
    assert Article.objects.get().status == Article.Status.PUBLISHED
    editor_client.post(url, {"action": "unpublish", "_selected_action": [held.pk]})
    assert Article.objects.get().status == Article.Status.UNPUBLISHED


@pytest.mark.django_db
def test_approve_comments_action(editor_client, make_article):
    comment = Comment.objects.create(article=make_article(1), name="Kim", text="Hello")
    editor_client.post(
        "/admin/news/comment/", {"action": "approve", "_selected_action": [comment.pk]}
    )
    comment.refresh_from_db()
    assert comment.approved
    editor_client.post(
        "/admin/news/comment/", {"action": "unapprove", "_selected_action": [comment.pk]}
    )
    comment.refresh_from_db()
    assert not comment.approved


@pytest.mark.django_db
def test_admin_pages_render(editor_client, make_article):
    article = make_article(1)
    PageError.objects.create(url="https://harbour.example/broken", stage="fetch", error="HTTP 500")
    for path in [
        "/admin/",
        "/admin/news/article/",
        "/admin/news/feed/?health=failing",
        "/admin/news/pageerror/",
        "/admin/news/source/",
        "/admin/news/comment/",
        "/admin/news/reaction/",
        "/admin/news/author/",
        "/admin/news/tag/",
        f"/admin/news/article/{article.pk}/change/",
    ]:
        response = editor_client.get(path)
        assert response.status_code == 200, path
    assert "HTTP 500" in editor_client.get("/admin/news/pageerror/").content.decode()
    change_page = editor_client.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    assert "https://harbour.example/news/1" in change_page  # its appearances are listed


@pytest.mark.django_db
def test_admin_needs_login(client):
    assert client.get("/admin/news/article/").status_code == 302


def saved_by_editor(article: Article, rf, user) -> None:
    """The article saved as the admin's change form saves it."""
    request = rf.post("/admin/news/article/")
    request.user = user
    admin.site._registry[Article].save_model(request, article, form=None, change=True)


@pytest.mark.django_db
def test_an_editors_body_is_sanitised_and_shown_as_readers_will_see_it(
    editor_client, make_article, rf, admin_user
):
    article = make_article(1)
    article.body_html = (
        '<p onclick="steal()">Quay reopens.</p><script>alert(1)</script>'
        '<figure><img src="https://harbour.example/quay.jpg" alt="The quay">'
        "<figcaption>The quay at dawn</figcaption></figure>"
    )
    saved_by_editor(article, rf, admin_user)
    stored = Article.objects.get().body_html
    assert "script" not in stored and "onclick" not in stored
    assert "<p>Quay reopens.</p>" in stored
    page = editor_client.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    assert "As readers will see it" in page and "news/preview.css" in page
    # The preview renders the figure; the editable field holds it escaped.
    assert "<figcaption>The quay at dawn</figcaption>" in page
    assert "&lt;figcaption&gt;The quay at dawn" in page


@pytest.mark.django_db
def test_an_edited_body_is_read_again(make_article, rf, admin_user):
    article = make_article(1)
    before = article.body_text
    article.body_html = (
        "<p>“The quay opens on Monday,” said Olav Dunn, the harbour master.</p>"
        '<figure><img src="https://harbour.example/quay.jpg" alt=""><figcaption>The quay'
        "</figcaption></figure><ul><li>Ferries resume at six.</li><li>Tolls are waived.</li></ul>"
    )
    saved_by_editor(article, rf, admin_user)
    stored = Article.objects.get()
    paragraphs = [
        "“The quay opens on Monday,” said Olav Dunn, the harbour master.",
        "Ferries resume at six.",
        "Tolls are waived.",
    ]
    assert stored.body_text != before and stored.body_text == "\n\n".join(paragraphs)
    assert stored.extracted["body"] == paragraphs
    assert stored.extracted["body_html"] == stored.body_html
    assert [(a.speaker, a.text) for a in stored.attributions.all()] == [
        ("Olav Dunn", "The quay opens on Monday")
    ]


@pytest.mark.django_db
def test_text_an_editor_writes_is_kept_as_written(make_article, rf, admin_user):
    article = make_article(1)
    article.body_html = "<p>Quay reopens.</p>"
    article.body_text = "Quay reopens, in the editor's words."
    saved_by_editor(article, rf, admin_user)
    stored = Article.objects.get()
    assert stored.body_text == "Quay reopens, in the editor's words."
    assert stored.extracted["body"] == ["Quay reopens, in the editor's words."]


@pytest.mark.django_db
def test_a_lead_picture_an_editor_sets_replaces_the_copy(make_article, rf, admin_user, client):
    article = make_article(1)
    Article.objects.filter(pk=article.pk).update(
        image_url="https://harbour.example/old.jpg", image_file="pictures/ab/" + "a" * 64 + ".jpg"
    )
    article.refresh_from_db()
    saved_by_editor(article, rf, admin_user)  # saved with the same picture: the copy stays
    assert Article.objects.get().image_file
    article.image_url = "https://harbour.example/new.jpg"
    saved_by_editor(article, rf, admin_user)
    stored = Article.objects.get()
    assert stored.image_file == "" and stored.image == "https://harbour.example/new.jpg"
    assert (
        'src="https://harbour.example/new.jpg"'
        in client.get(stored.get_absolute_url()).content.decode()
    )
