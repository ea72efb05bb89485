"""Articles from different outlets about one event form one story, kept across restarts."""

import pytest
from rows import STRIKE, page

from newsdesk.news import stories
from newsdesk.news.models import Article, Story, StoryDecision
from newsdesk.news.store import save_article

MINISTER = [
    "The transport minister welcomed the end of the Port Alder dock strike and promised a "
    "review of crane safety at every harbour.",
    "Opposition parties said the government waited too long while ships queued outside "
    "Port Alder for nine days.",
]
MARKET = [
    "The spring market in Lisvale will close the old bridge to traffic for three weekends.",
    "Stallholders selling cheese, honey and woollens expect record crowds this year.",
]
UNION = [
    "Port Alder dockers ended their nine-day strike after union leader Mara Kessel accepted "
    "the harbour authority's offer of a night-shift rise.",
    "Crane safety will be reviewed by an independent engineer, the union said.",
]


def strike_coverage() -> tuple[Article, Article, Article]:
    first, _ = save_article(page("harbour", "a", "Port Alder dock strike ends", STRIKE, 8))
    second, _ = save_article(
        page("valley", "b", "Minister welcomes end of Port Alder dock strike", MINISTER, 10)
    )
    third, _ = save_article(page("wire", "c", "Lisvale spring market closes bridge", MARKET, 9))
    return first, second, third


@pytest.mark.django_db
def test_coverage_of_one_event_shares_a_story_and_other_news_does_not():
    first, second, third = strike_coverage()
    assert first.story == second.story != third.story
    story = Story.objects.get(pk=first.story.pk)
    assert (story.article_count, story.outlet_count) == (2, 2)
    assert story.first_seen_at == first.published_at
    assert story.last_updated_at == second.published_at
    assert story.headline in {first.title, second.title}


@pytest.mark.django_db
def test_reimporting_the_same_pages_changes_no_story():
    strike_coverage()
    before = list(Article.objects.order_by("pk").values_list("pk", "story_id"))
    strike_coverage()
    assert list(Article.objects.order_by("pk").values_list("pk", "story_id")) == before
    assert Story.objects.count() == 2


@pytest.mark.django_db
def test_after_a_restart_a_new_article_still_joins_its_story():
    first, _, _ = strike_coverage()
    stories.reset()  # what a new process starts with
    late, outcome = save_article(page("north", "d", "Port Alder dockers end strike", UNION, 12))
    assert outcome == "new"
    assert late.story == first.story
    assert Story.objects.get(pk=first.story.pk).outlet_count == 3


@pytest.mark.django_db
def test_an_editors_split_holds_when_more_coverage_arrives():
    first, second, _ = strike_coverage()
    old = first.story
    new = stories.split([Article.objects.get(pk=second.pk)])
    assert new != old
    assert StoryDecision.objects.filter(article=second, story=old, kind="forbid").exists()
    save_article(page("north", "d", "Port Alder dockers end strike", UNION, 12))
    assert Article.objects.get(pk=second.pk).story == new
    assert Article.objects.get(pk=first.pk).story == old
    assert Story.objects.get(pk=old.pk).article_count + new.articles.count() == 3


@pytest.mark.django_db
def test_merged_stories_stay_merged_and_empty_ones_go():
    first, _, third = strike_coverage()
    kept = stories.merge([third.story, first.story])
    assert Story.objects.count() == 1
    assert kept.article_count == 3 and kept.outlet_count == 3
    stories.reset()
    late, _ = save_article(page("north", "d", "Port Alder dockers end strike", UNION, 12))
    assert late.story == kept


@pytest.mark.django_db
def test_grouping_is_the_same_on_a_second_run():
    def run() -> list[tuple[str, str]]:
        strike_coverage()
        save_article(page("north", "d", "Port Alder dockers end strike", UNION, 12))
        rows = Article.objects.order_by("url").select_related("story")
        return [(a.url, a.story.key) for a in rows]

    once = run()
    Article.objects.all().delete()
    Story.objects.all().delete()
    stories.reset()
    again = run()
    # Keys name the founding article, whose id differs between runs; the grouping must not.
    assert groups(once) == groups(again)


def groups(result: list[tuple[str, str]]) -> list[list[str]]:
    by_key: dict[str, list[str]] = {}
    for url, key in result:
        by_key.setdefault(key, []).append(url)
    return sorted(sorted(urls) for urls in by_key.values())


@pytest.mark.django_db
def test_when_the_clusterer_folds_two_stories_together_the_store_does_too():
    titles = [
        "Lumen recalls e-bike batteries after fires",
        "Glide owners told to stop charging bikes",
        "Lumen e-bike battery recall widens",
        "Glide bike owners warned over charging",
        "Lumen Glide e-bike batteries recalled, owners told to stop charging",
        "Lumen recall: Glide owners told to stop charging batteries",
    ]
    outlets = ["harbour", "valley", "wire", "north"]
    for n, title in enumerate(titles):
        body = [title]
        save_article(page(outlets[n % 4], f"recall-{n}", title, body, 8 + n))
    assert Story.objects.count() == 1
    story = Story.objects.get()
    assert story.article_count == 6 == Article.objects.filter(story=story).count()


@pytest.mark.django_db
@pytest.mark.parametrize("names", [True, False])
def test_the_people_places_and_organisations_named_join_differently_worded_coverage(names):
    named = {
        "person": [{"name": "Mara Kessel", "mentions": [0]}],
        "organization": [{"name": "Port Alder Harbour Authority", "mentions": [0]}],
        "place": [{"name": "Port Alder", "mentions": [0]}],
    }
    entities = named if names else {}
    first, _ = save_article(
        page(
            "harbour",
            "a",
            "Dockers back at work after strike",
            ["Cranes turned again on Monday after the long stoppage at the port."],
            8,
            entities=entities,
        )
    )
    save_article(
        page("wire", "x", "Ferry fares rise for island commuters", ["Tickets cost more."], 8)
    )
    second, _ = save_article(
        page(
            "valley",
            "b",
            "Union leader hails pay deal",
            ["Members cheered the result of the ballot at the port."],
            9,
            entities=entities,
        )
    )
    # The same words alone are too few to call it one story; the same names make it one.
    assert (first.story == second.story) is names
