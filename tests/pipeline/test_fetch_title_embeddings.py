"""With title embeddings on, a fetch encodes its pages' titles together, not one by one."""

import zlib

import numpy as np
import pytest
from django.test import override_settings

from newsdesk.news import stories
from newsdesk.news.models import Article
from newsdesk.pipeline import poll_feeds
from newsdesk.understand.embeddings import DIMENSIONS, from_bytes


def vector_of(title: str) -> np.ndarray:
    vector = np.zeros(DIMENSIONS, dtype=np.float32)
    vector[zlib.crc32(title.encode()) % DIMENSIONS] = 1.0
    return vector


@pytest.mark.django_db
def test_a_fetch_encodes_its_titles_in_one_batch_and_each_article_keeps_its_own(
    origin, feeds, fetcher, monkeypatch
):
    calls = []

    def fake_encoder():
        def encode(texts):
            calls.append(list(texts))
            return np.stack([vector_of(t) for t in texts])

        return encode

    monkeypatch.setattr(stories, "encoder", fake_encoder)
    stories.reset()
    with override_settings(STORY_EMBEDDINGS=True):
        summary = poll_feeds(feeds, fetcher)
    articles = list(Article.objects.all())
    assert summary.counts["new"] == len(articles) > 1
    assert len(calls) == 1 and len(calls[0]) >= len(articles)
    for article in articles:
        assert np.array_equal(from_bytes(bytes(article.title_embedding)), vector_of(article.title))
