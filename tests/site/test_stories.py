"""Readers see each story once, with its coverage; editors split and merge stories."""

import pytest
from rows import STRIKE, page

from newsdesk.news.models import Article, Story
from newsdesk.news.store import save_article

MINISTER = [
    "The transport minister welcomed the end of the Port Alder dock strike and promised a "
    "review of crane safety at every harbour.",
    "Opposition parties said the government waited too long while ships queued outside "
    "Port Alder for nine days.",
]
COPY = ["Get Northline alerts on your phone.", *STRIKE]


@pytest.fixture
def coverage():
    first, _ = save_article(page("harbour", "a", "Port Alder dock strike ends", STRIKE, 8))
    save_article(page("north", "copy", "Port Alder dock strike ends", COPY, 9))
    second, _ = save_article(
        page("valley", "b", "Minister welcomes end of Port Alder dock strike", MINISTER, 10)
    )
    return Article.objects.get(pk=first.pk), Article.objects.get(pk=second.pk)


@pytest.mark.django_db
def test_front_page_shows_the_story_once_with_its_outlet_count(client, coverage):
    html = client.get("/").content.decode()
    story = coverage[0].story
    assert html.count(f'href="{story.get_absolute_url()}"') >= 1
    assert "3 outlets" in html  # two originals and one republished copy
    assert html.count('<article class="card') == 1


@pytest.mark.django_db
def test_story_page_has_a_timeline_of_every_outlet(client, coverage):
    first, second = coverage
    html = client.get(first.story.get_absolute_url()).content.decode()
    timeline = html.split('class="timeline"', 1)[1]
    assert timeline.index(first.title) < timeline.index(second.title)  # oldest first
    for outlet in ("Harbour Post", "Valley Ledger", "Northline News"):
        assert outlet in html
    assert "Also published by" in html


@pytest.mark.django_db
def test_article_page_shows_also_covered_by_and_also_published_by(client, coverage):
    first, second = coverage
    html = client.get(first.get_absolute_url()).content.decode()
    assert "Also covered by" in html and second.title in html
    assert "Also published by" in html and "Northline News" in html
    assert first.story.get_absolute_url() in html


@pytest.mark.django_db
def test_a_story_with_nothing_published_is_not_found(client, coverage):
    Article.objects.update(status=Article.Status.UNPUBLISHED)
    assert client.get(coverage[0].story.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_editors_split_and_merge_stories_in_the_admin(editor_client, coverage):
    first, second = coverage
    editor_client.post(
        "/admin/news/article/", {"action": "split_story", "_selected_action": [second.pk]}
    )
    assert Story.objects.count() == 2
    assert Article.objects.get(pk=second.pk).story != Article.objects.get(pk=first.pk).story
    editor_client.post(
        "/admin/news/story/",
        {
            "action": "merge_stories",
            "_selected_action": list(Story.objects.values_list("pk", flat=True)),
        },
    )
    assert Story.objects.count() == 1
    assert Story.objects.get().article_count == 2
    change = editor_client.get(f"/admin/news/story/{Story.objects.get().pk}/change/")
    assert change.status_code == 200
    # Its coverage is listed, for reading: no form field lets an editor retitle an article here.
    page = change.content.decode()
    assert first.title in page and second.title in page
    assert 'name="articles-0-title"' not in page
