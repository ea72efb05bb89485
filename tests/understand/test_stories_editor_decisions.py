from newsdesk.understand.stories import Item, StoryClusterer

FIRST = Item("a", "Harbour bridge closed after ship strikes pillar")
SECOND = Item("b", "Ship strikes harbour bridge pillar, bridge closed")


def test_a_forbidden_pair_is_never_grouped():
    clusterer = StoryClusterer()
    story = clusterer.assign(FIRST).story_id
    clusterer.forbid("b", story)
    assert clusterer.assign(SECOND).story_id != story


def test_a_pinned_article_goes_to_its_story():
    clusterer = StoryClusterer()
    clusterer.assign(FIRST)
    clusterer.pin("c", "elsewhere")
    assert clusterer.assign(Item("c", FIRST.title)).story_id == "elsewhere"


def test_replaying_stored_assignments_restores_the_clusterer():
    clusterer = StoryClusterer()
    clusterer.place(FIRST, "kept")
    assert clusterer.assign(SECOND).story_id == "kept"
