from newsdesk.understand.stories import Item, StoryClusterer

DAY = 86_400.0


def test_a_story_idle_for_weeks_is_not_joined():
    clusterer = StoryClusterer(half_life_hours=24)
    old = clusterer.assign(Item("a", "Harbour bridge closed after ship strike", published=0.0))
    late = clusterer.assign(
        Item("b", "Harbour bridge closed after ship strike", published=30 * DAY)
    )
    assert late.story_id != old.story_id and late.new_story
