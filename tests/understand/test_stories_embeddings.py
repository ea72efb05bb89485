"""Title embeddings join coverage that shares few words, and keep apart what they tell apart."""

import numpy as np
import pytest
from rows import unit

from newsdesk.understand.embeddings import from_bytes, to_bytes
from newsdesk.understand.stories import Item, StoryClusterer

WALKOUT = "Port Alder dockers walk out over night shifts"
QUEUE = "Ships queue outside Alder as harbour staff stay home"


def _together(first: np.ndarray | None, second: np.ndarray | None) -> bool:
    clusterer = StoryClusterer()
    a = clusterer.assign(Item("a", WALKOUT, embedding=first))
    b = clusterer.assign(Item("b", QUEUE, embedding=second))
    return a.story_id == b.story_id


def test_words_alone_keep_these_titles_apart():
    assert not _together(None, None)


def test_close_embeddings_join_titles_that_share_one_word():
    assert _together(unit(1.0, 0.1), unit(1.0, 0.2))


def test_distant_embeddings_keep_them_apart():
    assert not _together(unit(1.0, 0.1), unit(0.1, 1.0))


def test_merged_stories_keep_every_members_embedding():
    clusterer = StoryClusterer()
    clusterer.assign(Item("a", WALKOUT, embedding=unit(1.0, 0.1)))
    clusterer.assign(Item("b", QUEUE, embedding=unit(1.0, 0.2)))
    story = clusterer.story("a")
    assert story.keys == ["a", "b"]
    assert np.allclose(story.dense, unit(1.0, 0.1) + unit(1.0, 0.2))
    assert story.dense_norm == pytest.approx(float(np.sum(story.dense**2)), rel=1e-5)


def test_a_stored_embedding_reads_back_close_to_what_was_stored():
    vector = np.random.default_rng(0).standard_normal(384).astype(np.float32)
    vector /= np.linalg.norm(vector)
    stored = to_bytes(vector)
    assert len(stored) == 2 * 384
    assert float(from_bytes(stored) @ vector) > 0.9999


def test_an_article_stored_without_an_embedding_reads_back_as_none():
    assert from_bytes(b"") is None


def test_a_story_stored_without_embeddings_still_takes_coverage_by_its_words():
    clusterer = StoryClusterer()
    first = clusterer.assign(Item("a", "Port Alder dock strike ends after nine days"))
    later = clusterer.assign(
        Item("b", "Port Alder dock strike ends as dockers accept offer", embedding=unit(1.0))
    )
    assert later.story_id == first.story_id


LIBRARY = "The reading rooms on Mill Street reopened with a new children's wing and a cafe."


def _bodies_together(body: str) -> bool:
    """Headlines that share no word, with close embeddings: the bodies decide."""
    clusterer = StoryClusterer()
    a = clusterer.assign(Item("a", WALKOUT, LIBRARY, embedding=unit(1.0, 0.1)))
    b = clusterer.assign(Item("b", "Stalls to fill the bridge", body, embedding=unit(1.0, 0.2)))
    return a.story_id == b.story_id


def test_beside_a_body_a_close_embedding_does_not_outvote_words_that_differ():
    assert not _bodies_together(
        "Stalls will fill Mill Street on Saturday, so traffic takes the ring road."
    )


def test_beside_a_body_a_close_embedding_joins_what_the_body_confirms():
    assert _bodies_together(LIBRARY)
