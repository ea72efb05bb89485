"""HTML pages: body without furniture, author box, reactions, counters, metadata."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings
from lxml import etree
from lxml import html as lxml_html
from trafilatura.utils import repair_faulty_html

from newsdesk.extract.html import PARSER, extract_html, repaired, settled
from newsdesk.extract.page import ExtractError, read_page

PAGES = Path(__file__).parent / "pages"


@pytest.fixture(scope="module")
def strike():
    return extract_html(
        (PAGES / "harbour-strike.html").read_bytes(), "https://harbour.example/news/x?utm=1"
    )


def test_body_is_the_article_only(strike):
    assert len(strike.body) == 5
    assert strike.body[0].startswith("Dock workers in Port Alder voted on Sunday")
    text = strike.text
    for unwanted in (
        "READ MORE",
        "SAVE 40%",
        "cookies",
        "Share:",
        "What's Your Reaction",
        "covers the port and the city council",
        "Ferry resumes",
        "© Harbour Post",
    ):
        assert unwanted not in text


def test_promos_are_reported(strike):
    assert strike.inline_promos_removed == [
        "READ MORE: Port Alder mayor calls for calm as talks resume",
        "SAVE 40% ON YOUR FIRST YEAR OF HARBOUR POST DIGITAL",
    ]


def test_metadata(strike):
    assert strike.title == "Dock strike ends after nine days"
    assert strike.teaser == "Workers return on Monday after a deal on shift pay."
    assert strike.published.astimezone(UTC) == datetime(2026, 3, 3, 8, 30, tzinfo=UTC)
    assert strike.published_local == "2026-03-03T09:30"
    assert strike.site_name == "Harbour Post"
    assert strike.canonical_url == "https://harbour.example/news/dock-strike-ends"
    assert strike.language == "en"


def test_page_furniture(strike):
    assert strike.author.name == "Ana Ruiz"
    assert (
        strike.author.bio == "Ana Ruiz covers the port and the city council for the Harbour Post."
    )
    assert strike.reactions_offered == ["like", "dislike", "love", "funny", "angry", "sad", "wow"]
    assert (strike.counters.views, strike.counters.comments) == (1204, 3)


def test_body_html_is_sanitised():
    page = (
        "<html><head><title>T</title></head><body><article><h1>Storm warning issued</h1>"
        + "<p>The weather office warned of gales along the coast on Friday, and ferries were"
        " cancelled for the rest of the day as a precaution.</p>"
        * 4
        + "<p onclick='alert(1)'>Crews <script>alert(2)</script>stood by at the harbour all night, "
        "the fire service said in a statement on Friday evening.</p></article></body></html>"
    )
    article = extract_html(page)
    assert "<script" not in article.body_html and "onclick" not in article.body_html
    assert "alert" not in article.body_html


def test_latin1_page_is_decoded_by_its_meta_charset():
    paragraph = (
        "Léa Fontaine’s report – on the café strike – was read widely across the region today."
    )
    page = (
        '<html><head><meta charset="windows-1252"><title>Café strike</title></head><body><article>'
        "<h1>Café strike</h1>" + f"<p>{paragraph}</p>" * 5 + "</article></body></html>"
    ).encode("cp1252")
    article = extract_html(page)
    assert article.body[0] == paragraph


@pytest.mark.parametrize(
    "page", [b"", b"\x00\x01\x02", b"<html></html>", b"<?xml version='1.0'?><x/>"]
)
def test_hostile_or_empty_pages_give_an_empty_article(page):
    article = extract_html(page)
    assert article.body == []


def test_paragraphs_in_japanese_are_not_taken_for_kickers():
    paragraphs = [
        "港の労働者は日曜日に九日間のストライキを終えることを決めた。",
        "港湾局は夜勤手当を十二パーセント引き上げることに同意した。",
        "沖で待っている船は一週間以内に荷揚げされる見込みだという。",
    ]
    html = "<html lang='ja'><body><article><h1>港のストが終結</h1>"
    html += "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>"
    assert extract_html(html).body == paragraphs


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>café – “x” 😀</p></body></html>",
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://w3.org/x.dtd">\n<html>'
        "<body><p>A</p></body></html>",
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x.dtd"><html><body><p>A</p></body>',
        "<!doctype html><html><body><p>A</p></body></html>",
        '<html lang="en"/>\n<body><p>A</p></body></html>',
        "<html><body><p>A\x00B\x0bC\ufffeD\uffffE\tF</p></body></html>",
        "<html><body><p>A \ud800 B</p></body></html>",
    ],
)
def test_page_is_parsed_as_trafilatura_repairs_it(page):
    # Bytes where it can: then in UTF-8, with what trafilatura repairs already repaired.
    expected = lxml_html.fromstring(repair_faulty_html(page, page[:50].lower()), parser=PARSER)
    parsed = lxml_html.fromstring(repaired(page), parser=PARSER)
    assert etree.tostring(parsed) == etree.tostring(expected)


def test_lines_known_by_their_wording_or_as_the_headline_are_settled():
    header = {"dock strike ends"}
    assert settled("35 comments — join the conversation", header)
    assert settled("Dock Strike Ends", header)
    assert not settled("The vote passed with 1,140 members in favour.", header)


def test_menus_taken_for_the_whole_page_give_way_to_the_article():
    # The article's lines sit in one <div> between <br>s, too short for trafilatura's fast
    # pass, whose rescue then takes the whole page: menus and all.
    councils = "".join(
        f'<li><a href="/council/{i}">Council for district {i}</a></li>' for i in range(20)
    )
    menu = "".join(
        f'<li class="dropdown"><a href="/s{i}">SECTION {i}</a>'
        f'<ul class="dropdown-menu">{councils}</ul></li>'
        for i in range(6)
    )
    page = f"""<html><head><title>Clinic van broken into</title></head><body>
    <nav><ul class="nav navbar-nav">{menu}</ul></nav>
    <div class="news"><h1>Clinic van broken into</h1><div class="text">
    The home-care team in Amizade found two of its five vans broken into on Tuesday.<br>
    Radios and a first-aid kit were taken, and visits were moved to the afternoon.<br>
    Police were called and are reviewing footage from the street.</div></div>
    <footer><ul>{councils}</ul></footer></body></html>"""
    article = extract_html(page, "https://town.example/news/van")
    assert "Council for" not in article.text and "SECTION" not in article.text
    assert "two of its five vans broken into" in article.text
    assert "reviewing footage from the street" in article.text


def test_a_page_of_links_alone_has_no_article():
    # trafilatura's last resort takes the whole page: no article for all that.
    links = "".join(f'<li><a href="/news/{i}">Headline of story {i}</a></li>' for i in range(300))
    page = f"<html><body><h1>Latest news</h1><ul>{links}</ul></body></html>"
    assert extract_html(page, "https://town.example/news/").body == []


LOG_LINES = [
    f"Day {day}: the lighthouse keeper logged {day * 3} ships, wind from the "
    f"{('north', 'east', 'south', 'west')[day % 4]} and a lamp that burnt {40 + day} litres "
    f"of oil before dawn."
    for day in range(1, 401)
]


def test_an_article_nested_past_the_parsers_limit_is_read_whole():
    # libxml2 stops at 256 open elements and would leave an empty page.
    depth = 300
    page = (
        "<html><head><title>Keeper's log</title></head><body>"
        + '<div class="frame">' * depth
        + "<article><h1>Keeper's log</h1>"
        + "".join(f"<p>{line}</p>" for line in LOG_LINES[:8])
        + "</article>"
        + "</div>" * depth
        + "</body></html>"
    )
    assert extract_html(page, "https://coast.example/log").body == LOG_LINES[:8]


def test_tags_never_closed_lose_no_paragraph():
    # An old page opening a <font> per paragraph, never closing one: 400 levels deep.
    page = "<html><head><title>Keeper's log</title></head><body><h1>Keeper's log</h1>"
    page += "".join(f'<font face="Arial"><p>{line}</p>' for line in LOG_LINES) + "</body></html>"
    assert extract_html(page, "https://coast.example/log").body == LOG_LINES


SHELL_PAGE = """<html><head><title>Ferry timetable changes | Harbour Post</title>
<script type="application/ld+json">{json}</script></head>
<body><div id="app">Loading…</div><noscript>Turn on JavaScript to read this site.</noscript>
<script src="/app.js"></script></body></html>"""


@pytest.mark.parametrize(
    "declared",
    [
        "\n\n".join(LOG_LINES[:4]),
        "".join(f"<p>{line.replace('oil', 'oil &amp; wick')}</p>" for line in LOG_LINES[:4]),
    ],
)
def test_a_page_drawn_by_script_gives_the_body_it_declares(declared):
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Ferry timetable changes",
        "articleBody": declared,
    }
    page = SHELL_PAGE.replace("{json}", json.dumps(ld))
    article = extract_html(page, "https://harbour.example/news/ferry")
    assert article.title == "Ferry timetable changes"
    assert len(article.body) == 4
    assert article.body[0].startswith("Day 1: the lighthouse keeper logged 3 ships")
    assert "Loading" not in article.text and "JavaScript" not in article.text
    assert ("oil & wick" in article.text) == ("&amp;" in declared)
    # Nothing on the page shows it: an editor reads it first.
    assert article.confidence < settings.PUBLISH_MIN_CONFIDENCE


def test_a_page_built_to_stall_the_extractor_is_declined_quickly():
    links = "".join(f'<li><a href="/{i}">link {i}</a></li>' for i in range(30_000))
    page = f"<html><head><title>Links</title></head><body><ul>{links}</ul></body></html>"
    with pytest.raises(ExtractError, match="120,010 tags, more than the 120,000 read"):
        read_page(page.encode(), "https://x.example/a", "text/html")


def test_a_page_of_more_paragraphs_than_an_article_has_is_declined_quickly():
    paragraphs = "".join(f"<p>Line {i} of the ledger, and more words.</p>" for i in range(16_000))
    page = f"<html><head><title>Ledger</title></head><body>{paragraphs}</body></html>"
    with pytest.raises(ExtractError, match="16,000 paragraphs, items and cells, more than the 15"):
        read_page(page.encode(), "https://x.example/a", "text/html")
