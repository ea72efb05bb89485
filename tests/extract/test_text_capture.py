"""Plain-text captures: each fixture's header, body, promos and author box come out right."""

import json
from pathlib import Path

import pytest

from newsdesk.extract.boilerplate import fold
from newsdesk.extract.text_capture import parse_text_capture

CAPTURES = Path(__file__).parent / "captures"
CASES = sorted(p.stem for p in CAPTURES.glob("*.txt"))


def load(name: str):
    text = (CAPTURES / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((CAPTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return parse_text_capture(text), expected


@pytest.mark.parametrize("name", CASES)
def test_header_fields(name):
    article, expected = load(name)
    assert article.title == expected["title"]
    assert article.language == "en"
    assert article.published_local == expected["published_local"]
    if "teaser" in expected:
        assert article.teaser == expected["teaser"]
    else:
        assert article.teaser.startswith(expected["teaser_startswith"])
        assert article.teaser_is_truncated == expected["teaser_is_truncated"]
    assert (article.counters.views, article.counters.comments) == (
        expected["counters"]["views"],
        expected["counters"]["comments"],
    )
    if "published_offset_hours" in expected:
        assert (
            article.published.utcoffset().total_seconds()
            == expected["published_offset_hours"] * 3600
        )


@pytest.mark.parametrize("name", CASES)
def test_body_keeps_every_real_paragraph_and_nothing_else(name):
    article, expected = load(name)
    assert len(article.body) == expected["paragraph_count"], article.body
    assert fold(article.body[0]).startswith(fold(expected["body_first"]))
    assert fold(article.body[-1]) == fold(expected["body_last"])
    text = fold(article.text)
    for unwanted in expected["must_not_contain"] + expected["promos"]:
        assert fold(unwanted) not in text


@pytest.mark.parametrize("name", CASES)
def test_promos_credit_tags_and_reactions_are_reported(name):
    article, expected = load(name)
    assert article.inline_promos_removed == expected["promos"]
    assert article.original_credit == expected["original_credit"]
    assert article.tags == expected["tags"]
    assert article.reactions_offered == expected["reactions_offered"]


@pytest.mark.parametrize("name", CASES)
def test_author_box(name):
    article, expected = load(name)
    if expected["author"] is None:
        assert article.author is None
        return
    assert article.author.name == expected["author"]["name"]
    assert article.author.bio.startswith(expected["author"]["bio_startswith"])
    assert fold(article.author.bio) not in fold(article.text)


def test_real_paragraphs_with_acronyms_stay():
    article, _ = load("labelled-counters-byline")
    assert any(p.startswith("NATO and the U.S. Army") for p in article.body)


def test_empty_capture_has_no_body():
    assert parse_text_capture("\n \n").body == []
