"""Readers see who said what on the article, the speaker's page and the story."""

import pytest
from rows import page

from newsdesk.news.models import Article, Attribution
from newsdesk.news.store import save_article
from newsdesk.pipeline import understand

HARBOUR = [
    "Harbour master Olav Dunn said the queue of ships would clear by Friday.",
    "“We have never seen a backlog like this one in my thirty years,” Dunn said, according "
    "to the Morning Wire.",
]
VALLEY = [
    "“The backlog is clearing faster than anyone expected this week,” Dunn told the Valley "
    "Ledger on Tuesday.",
    "Ship agents said the port would need a second crane before winter.",
    "Local clinics offer walk-in vaccinations to every dock worker this week.",
]


def stored(outlet: str, slug: str, title: str, body: list[str], hour: int) -> Article:
    extracted = page(outlet, slug, title, body, hour)
    understand([extracted])
    return save_article(extracted)[0]


@pytest.fixture
def articles():
    first = stored("harbour", "queue", "Port Alder ship queue to clear by Friday", HARBOUR, 8)
    second = stored(
        "valley", "backlog", "Port Alder backlog clears as ship queue shrinks", VALLEY, 9
    )
    return first, second


@pytest.mark.django_db
def test_the_article_page_has_a_who_said_what_panel(client, articles):
    html = client.get(articles[0].get_absolute_url()).content.decode()
    panel = html.split('id="who-said-title"', 1)[1].split("</aside>", 1)[0]
    assert "Olav Dunn" in panel and "Harbour master" in panel
    assert "We have never seen a backlog" in panel
    assert "according to <strong>Morning Wire</strong>" in panel
    assert 'href="/speakers/olav-dunn/"' in panel


@pytest.mark.django_db
def test_a_speaker_page_lists_their_quotes_across_outlets(client, articles):
    response = client.get("/speakers/olav-dunn/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "We have never seen a backlog" in html and "The backlog is clearing" in html
    assert "Harbour Post" in html and "Valley Ledger" in html
    assert client.get("/speakers/nobody-at-all/").status_code == 404


@pytest.mark.django_db
def test_the_story_page_shows_which_outlets_cite_whom(client, articles):
    first, second = articles
    assert first.story == second.story
    html = client.get(first.story.get_absolute_url(), follow=True).content.decode()
    table = html.split('class="citations"', 1)[1].split("</table>", 1)[0]
    assert "Harbour Post" in table and "Morning Wire" in table and "Valley Ledger" in table
    assert "Ship agents" in table
    # What the clinics offer is no one's words: they are no one quoted.
    assert "clinics" in second.body_text and "clinics" not in table


@pytest.mark.django_db
def test_reimporting_replaces_attributions_instead_of_adding(articles):
    before = Attribution.objects.count()
    stored("harbour", "queue", "Port Alder ship queue to clear by Friday", [*HARBOUR, "Fin."], 8)
    assert Attribution.objects.count() == before


@pytest.mark.django_db
def test_speakers_and_attributions_in_the_api(client, articles):
    speakers = client.get("/api/speakers").json()["results"]
    dunn = next(s for s in speakers if s["slug"] == "olav-dunn")
    assert dunn["quotes"] >= 3 and dunn["articles"] == 2
    quotes = client.get(dunn["api_url"]).json()["results"]
    assert {q["article"]["source"] for q in quotes} == {"Harbour Post", "Valley Ledger"}
    detail = client.get(f"/api/articles/{articles[0].pk}").json()
    assert detail["cited_outlets"] == ["Morning Wire"]
    assert any(a["speaker"] == "Olav Dunn" for a in detail["attributions"])
