from newsdesk.understand.stories import Item, StoryClusterer

QUAKE = [
    "Magnitude 6 earthquake strikes off Valparaiso coast",
    "Valparaiso earthquake: magnitude 6 tremor shakes Chilean coast",
    "Strong earthquake hits near Valparaiso, no tsunami warning",
]
BUDGET = [
    "Finance minister unveils budget with cuts to fuel subsidies",
    "Budget cuts fuel subsidies, finance minister says",
]


def _run(titles: list[str]) -> list[str]:
    clusterer = StoryClusterer()
    return [clusterer.assign(Item(str(i), t)).story_id for i, t in enumerate(titles)]


def test_articles_about_one_event_share_a_story():
    stories = _run(QUAKE + BUDGET)
    assert len(set(stories[:3])) == 1 and len(set(stories[3:])) == 1
    assert stories[0] != stories[3]


def test_the_same_stream_gives_the_same_stories():
    titles = [QUAKE[0], BUDGET[0], QUAKE[1], BUDGET[1], QUAKE[2]]
    assert _run(titles) == _run(titles)


def test_a_story_lists_its_outlets_and_times():
    clusterer = StoryClusterer()
    first = clusterer.assign(Item("a", QUAKE[0], outlet="Northline", published=100.0))
    clusterer.assign(Item("b", QUAKE[1], outlet="Morning Wire", published=50.0))
    story = clusterer.story(first.story_id)
    assert story.outlets == ["Northline", "Morning Wire"]
    assert (story.first_seen, story.last_updated) == (50.0, 100.0)
    assert story.keys == ["a", "b"]
