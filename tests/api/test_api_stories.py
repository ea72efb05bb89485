"""Stories in the JSON API: counts, outlets, a timeline; articles point to their story."""

import pytest
from rows import STRIKE, page

from newsdesk.news.models import Article
from newsdesk.news.store import save_article

MINISTER = [
    "The transport minister welcomed the end of the Port Alder dock strike and promised a "
    "review of crane safety at every harbour.",
]


@pytest.mark.django_db
def test_story_list_and_detail(client):
    first, _ = save_article(page("harbour", "a", "Port Alder dock strike ends", STRIKE, 8))
    save_article(page("north", "copy", "Strike over", ["Northline alerts.", *STRIKE], 9))
    save_article(
        page("valley", "b", "Minister welcomes end of Port Alder dock strike", MINISTER, 10)
    )
    listed = client.get("/api/stories").json()
    assert listed["count"] == 1
    summary = listed["results"][0]
    assert (summary["articles"], summary["outlets"]) == (2, 3)
    detail = client.get(summary["api_url"]).json()
    assert detail["outlet_names"] == ["Harbour Post", "Northline News", "Valley Ledger"]
    assert [a["source"]["name"] for a in detail["timeline"]] == ["Harbour Post", "Valley Ledger"]
    article = client.get(f"/api/articles/{first.pk}").json()
    assert article["story"]["id"] == summary["id"]
    assert {a["source"] for a in article["appearances"]} == {"Harbour Post", "Northline News"}


@pytest.mark.django_db
def test_a_story_with_nothing_published_is_hidden(client):
    first, _ = save_article(page("harbour", "a", "Port Alder dock strike ends", STRIKE, 8))
    Article.objects.update(status=Article.Status.UNPUBLISHED)
    assert client.get("/api/stories").json()["count"] == 0
    assert client.get(f"/api/stories/{first.story.pk}").status_code == 404
