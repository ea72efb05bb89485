"""Stories split early merge when their mean title embeddings show they are one story."""

import numpy as np
from rows import unit

from newsdesk.understand.stories import Item, StoryClusterer

WALKOUT = "Alder harbour dockers walk out over night shifts"
QUEUE = "Ships queue outside Alder as harbour staff stay home"
QUEUE_AGAIN = "Ships queue outside Alder harbour as staff stay home"


def _stream(embeddings: list[np.ndarray | None]):
    clusterer = StoryClusterer()
    titles = (WALKOUT, QUEUE, QUEUE_AGAIN)
    placed = [
        clusterer.assign(Item(key, title, embedding=vector))
        for key, title, vector in zip("abc", titles, embeddings, strict=True)
    ]
    return clusterer, placed


def test_a_story_that_grows_towards_another_in_meaning_absorbs_it():
    clusterer, (a, b, c) = _stream([unit(1.0), unit(0.3, 1.0), unit(1.0, 0.4)])
    assert a.new_story and b.new_story  # too far apart on their own
    assert (c.story_id, c.absorbed) == ("b", "a")
    assert sorted(clusterer.story("a").keys) == ["a", "b", "c"]


def test_a_story_that_grows_in_its_own_direction_stays_apart():
    clusterer, placed = _stream([unit(1.0), unit(0.3, 1.0), unit(0.3, 1.0, 0.1)])
    assert (placed[2].story_id, placed[2].absorbed) == ("b", None)
    assert clusterer.story("a").keys == ["a"]
