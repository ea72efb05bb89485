"""Every kind of boilerplate a reader should never see in a body, in HTML and in a text capture:
promo lines for other outlets, reaction widgets, author bios, newsletter prompts, read-more and
related blocks, share bars, image credits repeated as text, comment teasers, cookie notices."""

from pathlib import Path

import pytest

from newsdesk.extract.page import read_file, read_page

HERE = Path(__file__).parent
SOURCES = [HERE / "pages" / "every-kind-of-boilerplate.html"]
SOURCES += [HERE / "captures" / "every-kind-of-boilerplate.txt"]

REAL = [
    "Olav Brann climbed the 112 steps of the Skerry lighthouse",
    '"The sea does not care who is watching, but someone has to," Brann said',
    "The light was automated in 2009",
    "His daughter, Siri, said the family would miss the island",
]
UNWANTED = {
    "promo for another outlet": "daily briefing",
    "reaction widget": "Your Reaction",
    "author bio": "reports on the coast and its islands",
    "newsletter prompt": "newsletter",
    "read-more block": "Ferry fares rise",
    "share bar": "Share this article",
    "image credit": "Photo: Tove Alm",
    "comment teaser": "join the conversation",
    "cookie notice": "cookie",
}


@pytest.fixture(scope="module", params=SOURCES, ids=lambda p: p.suffix.lstrip("."))
def article(request):
    content, content_type = read_file(request.param)
    return read_page(content, "", content_type)


def test_every_real_paragraph_stays_in_order(article):
    assert len(article.body) == len(REAL)
    for paragraph, start in zip(article.body, REAL, strict=True):
        assert paragraph.replace("“", '"').replace("”", '"').startswith(start)


@pytest.mark.parametrize("kind", list(UNWANTED))
def test_boilerplate_is_gone(article, kind):
    assert UNWANTED[kind].lower() not in article.text.lower(), kind


def test_the_widget_and_the_author_box_are_read_not_lost(article):
    assert article.reactions_offered == ["like", "dislike", "love", "funny", "angry", "sad", "wow"]
    assert article.author is not None and article.author.name == "Ida Lund"
    assert article.author.bio.startswith("Ida Lund reports on the coast")
