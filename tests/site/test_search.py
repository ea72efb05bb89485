"""Readers search the published articles: every word must match, best match first."""

import pytest
from django.db import connection

from newsdesk.news.models import Article
from newsdesk.news.search import PG_SEARCH, _pg_query, matching


@pytest.fixture
def articles(make_article):
    return {
        "title": make_article(1, title="Crane strike halts Malmö harbour", body=["Work stopped."]),
        "body": make_article(
            2,
            title="Ferry timetable changes",
            body=["The new timetable follows the crane strike at Malmö harbour last week."],
        ),
        "other": make_article(3, title="Council budget approved", body=["The budget passed."]),
        "held": make_article(
            4, title="Crane strike rumour", body=["Unconfirmed crane strike."], confidence=0.1
        ),
    }


def titles(client, query: str) -> list[str]:
    return [a["title"] for a in client.get("/api/articles", {"q": query}).json()["results"]]


@pytest.mark.django_db
def test_every_word_must_match_and_the_title_counts_most(client, articles):
    assert titles(client, "crane strike") == [
        "Crane strike halts Malmö harbour",
        "Ferry timetable changes",
    ]
    assert titles(client, "crane budget") == []


@pytest.mark.django_db
def test_words_match_in_any_form_accent_or_start(client, articles):
    assert titles(client, "strikes")[0] == "Crane strike halts Malmö harbour"  # stemmed
    assert "Ferry timetable changes" in titles(client, "malmo")  # without its accent
    assert titles(client, "timet") == ["Ferry timetable changes"]  # still being typed


@pytest.mark.django_db
def test_query_syntax_is_read_as_words(client, articles):
    for query in ['"crane', "crane AND NOT", "crane*) NEAR(", "-strike", "'; DROP TABLE x; --"]:
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200, query
    assert client.get("/search/", {"q": "((("}).content.decode().count('<article class="card') == 0


@pytest.mark.django_db
def test_the_index_follows_edits_and_deletions(client, articles):
    other = articles["other"]
    other.body_text = "The budget pays for a new crane."
    other.save()
    assert "Council budget approved" in titles(client, "crane")
    other.delete()
    assert "Council budget approved" not in titles(client, "crane")


@pytest.mark.django_db
def test_the_search_page_lists_matches_and_pages_through_them(client, make_article, settings):
    settings.PAGE_SIZE = 2
    for n in range(5):
        make_article(10 + n, title=f"Harbour crane number {n}", body=[f"Crane {n} is new."])
    html = client.get("/search/", {"q": "crane"}).content.decode()
    assert "5 articles" in html and html.count('<article class="card') == 2
    assert 'href="?q=crane&amp;page=2"' in html
    assert 'name="q" value="crane"' in html  # the box keeps the query
    assert "No published article" in client.get("/search/", {"q": "zebra"}).content.decode()


@pytest.mark.django_db
def test_other_databases_match_every_word_without_an_index(articles, monkeypatch):
    monkeypatch.setattr(connection, "vendor", "mysql")
    published = Article.objects.filter(status=Article.Status.PUBLISHED)
    found = {a.title for a in matching("Crane STRIKE", published)}
    assert found == {"Crane strike halts Malmö harbour", "Ferry timetable changes"}


@pytest.mark.django_db
def test_results_show_where_the_words_are_marked_and_escaped(client, make_article):
    make_article(
        1,
        title="Ferry timetable changes",
        body=["Ferries <b>now</b> leave at six. The crane strike at the harbour delays them."],
    )
    html = client.get("/search/", {"q": "crane strikes"}).content.decode()
    assert "<mark>crane</mark> <mark>strike</mark> at the harbour" in html
    assert "&lt;b&gt;now&lt;/b&gt;" in html and "<b>now</b>" not in html
    # A match in the title alone has no passage to show: the teaser stands.
    make_article(2, title="Crane strike ends", body=["Work resumed."], teaser="Work resumed.")
    listed = client.get("/search/", {"q": "crane strike"}).content.decode()
    assert '<p class="teaser">Work resumed.</p>' in listed


@pytest.mark.django_db
def test_postgresql_finds_through_its_index(articles):
    if connection.vendor != "postgresql":
        pytest.skip("runs on PostgreSQL (DATABASE_URL=postgres://...)")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # four rows: else a scan is cheaper
        cursor.execute("EXPLAIN " + PG_SEARCH, [_pg_query(["crane", "strike"])])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "news_article_search" in plan, plan


@pytest.fixture
def unspaced(make_article):
    """Articles in scripts that write no space between words."""
    return [
        make_article(
            21,
            title="東京湾で地震、港の作業が止まる",
            body=["東京湾で昨夜大きな地震があり、港のクレーンは朝まで止まった。"],
            language="ja",
        ),
        make_article(
            22,
            title="港の作業が再開",
            body=["地震の翌日、東京湾の港はクレーンの点検を終えて作業を再開した。"],
            language="ja",
        ),
        make_article(23, title="부산항 파업 끝나", body=["부산항의 크레인 파업이 끝났다."]),
    ]


@pytest.mark.django_db
def test_words_inside_unspaced_text_are_found_title_first(client, unspaced):
    assert titles(client, "地震") == ["東京湾で地震、港の作業が止まる", "港の作業が再開"]
    assert titles(client, "点検") == ["港の作業が再開"]
    assert titles(client, "地震 点検") == ["港の作業が再開"]  # every word must match
    assert titles(client, "파업") == ["부산항 파업 끝나"]
    assert titles(client, "台風") == []


@pytest.mark.django_db
def test_a_match_in_unspaced_text_is_marked_in_its_passage(client, unspaced):
    html = client.get("/search/", {"q": "点検"}).content.decode()
    assert "<mark>点検</mark>" in html and "2 articles" not in html
