"""A restarted process holds the same open stories as the one that ran, each one whole."""

import numpy as np
import pytest
from django.test import override_settings
from rows import STRIKE, body, headline, page

from newsdesk.news import stories
from newsdesk.news.models import Article
from newsdesk.news.store import save_article
from newsdesk.understand.embeddings import from_bytes

MINISTER = [
    "The transport minister welcomed the end of the Port Alder dock strike and promised a "
    "review of crane safety at every harbour."
]


def _held() -> dict[str, list[str]]:
    return {story_id: list(s.keys) for story_id, s in stories._clusterer._open.items()}


@pytest.mark.django_db
def test_a_restart_rebuilds_the_open_stories_whole_and_leaves_the_closed_ones(monkeypatch):
    monkeypatch.setattr(stories, "OPEN", 3)
    stories.reset()
    first, _ = save_article(page("harbour", "a", "Port Alder dock strike ends", STRIKE, 8))
    others = [save_article(page("wire", f"t{n}", headline(n), body(n), 9 + n))[0] for n in (0, 1)]
    late, _ = save_article(page("valley", "b", "Port Alder dock strike is over", MINISTER, 11))
    assert late.story == first.story
    # The strike story took an article since, so the two before it close first.
    others += [save_article(page("wire", f"t{n}", headline(n), body(n), 10 + n))[0] for n in (2, 3)]
    running = _held()
    assert sorted(running) == sorted([first.story.key, others[2].story.key, others[3].story.key])
    assert running[first.story.key] == [str(first.pk), str(late.pk)]
    stories.reset()  # what a new process starts with
    with stories._lock:
        stories._catch_up()
    assert _held() == running


@pytest.mark.django_db
def test_with_embeddings_on_each_new_article_keeps_its_title_embedding(monkeypatch):
    seen = []

    def fake_encoder():
        def encode(texts):
            seen.extend(texts)
            return np.ones((len(texts), 384), dtype=np.float32) / np.sqrt(384)

        return encode

    monkeypatch.setattr(stories, "encoder", fake_encoder)
    stories.reset()
    with override_settings(STORY_EMBEDDINGS=True):
        article, _ = save_article(page("harbour", "a", "Port Alder dock strike ends", STRIKE, 8))
    assert seen == ["Port Alder dock strike ends"]
    stored = from_bytes(bytes(Article.objects.get(pk=article.pk).title_embedding))
    assert stored is not None and np.allclose(stored, 1 / np.sqrt(384), atol=1e-3)
    assert stories._clusterer.story(article.story.key).dense is not None
