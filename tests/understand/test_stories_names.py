"""Names in headlines keep apart stories that their topic words and embeddings run together."""

from rows import unit

from newsdesk.understand.stories import Item, StoryClusterer

TALIA = "Talia Brenn gets a talk show on Channel Nine"
OSKAR = "Oskar Velde gets a talk show of his own"
TALIA_AGAIN = "Talia Brenn talk show gets a second season"


def _together(second: str) -> bool:
    """Embeddings near enough to join two headlines on their own, not with foreign names."""
    clusterer = StoryClusterer()
    first = clusterer.assign(Item("a", TALIA, embedding=unit(1.0, 0.0)))
    later = clusterer.assign(Item("b", second, embedding=unit(1.0, 2.5)))
    return later.story_id == first.story_id


def test_a_headline_about_someone_else_starts_its_own_story():
    assert not _together(OSKAR)


def test_a_headline_with_the_storys_names_joins_it():
    assert _together(TALIA_AGAIN)


def test_words_the_stream_writes_lowercase_are_no_names_in_title_case():
    clusterer = StoryClusterer()
    clusterer.assign(Item("a", "Viewers tune in as the talk show season opens"))
    placed = clusterer.assign(Item("b", "Oskar Velde Talk Show Season Opens"))
    names = clusterer.story(placed.story_id).names
    assert {"oskar", "velde"} <= names and names.isdisjoint({"talk", "show", "season", "open"})
