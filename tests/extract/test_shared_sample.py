"""The shared aggregator sample imports with the fields a careful editor reads from it."""

import json

import pytest
from shared_sample import EXPECTED, SAMPLE, needs_sample

from newsdesk.extract.boilerplate import fold
from newsdesk.extract.page import read_file, read_page

pytestmark = needs_sample


@pytest.fixture(scope="module")
def result():
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    content, content_type = read_file(SAMPLE)
    return read_page(content, "", content_type), expected


def test_header(result):
    article, expected = result
    assert fold(article.title) == fold(expected["title"])
    assert fold(article.teaser).startswith(fold(expected["teaser_startswith"]))
    assert article.teaser_is_truncated is expected["teaser_is_truncated"]
    assert article.published_local == expected["published_local"]
    assert [article.counters.views, article.counters.comments] == expected["page_counters"][
        "values"
    ]


def test_author(result):
    article, expected = result
    assert article.author.name == expected["author"]["name"]
    assert fold(article.author.bio).startswith(fold(expected["author"]["bio_startswith"]))
    assert fold(article.author.bio).endswith(fold(expected["author"]["bio_endswith"]))


def test_reactions(result):
    article, expected = result
    assert article.reactions_offered == expected["reactions_offered"]


def test_body(result):
    article, expected = result
    body = expected["body"]
    assert len(article.body) == body["paragraph_count"]
    assert fold(article.body[0]) == fold(body["first_paragraph"])
    assert fold(article.body[-1]).endswith(fold(body["last_paragraph_endswith"]))
    text = fold(article.text)
    for unwanted in body["must_not_contain"]:
        assert fold(unwanted) not in text


def test_inline_promo_is_reported_as_removed(result):
    article, expected = result
    assert [fold(p) for p in article.inline_promos_removed] == [
        fold(p) for p in expected["inline_promos_removed"]
    ]
