"""trafilatura's author search, made in one walk: the same elements, the same author."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html
from trafilatura.metadata import extract_author
from trafilatura.xpaths import AUTHOR_XPATHS

from newsdesk.extract.html import parse_html
from newsdesk.extract.trafilatura_metadata import author_selections, page_author

PAGES = Path(__file__).parent / "pages"
# One element for each test trafilatura's three author searches make, and near misses.
MARKUP = [
    '<a rel="author" href="/a">Ann Lee</a>',
    '<a rel="author external" href="/a">Not This</a>',
    '<span id="author">Bo Kim</span>',
    '<div class="author">Cy Day</div>',
    '<div class="author box">Di Eve</div>',
    '<span itemprop="author name">Ed Fox</span>',
    '<p data-testid="AuthorCard">Flo Gee</p>',
    '<link data-testid="AuthorURL" href="/x">',
    '<strong class="post-authorName">Gus Hay</strong>',
    "<author>Ida Ink</author>",
    "<span><rel>me</rel>Jo Jay</span>",
    "<span><rel>me too</rel>Not Her</span>",
    '<h3 class="byline">By Kai Lim</h3>',
    '<h4 class="username">Lu Moe</h4>',
    '<span class="BBL">Mo Nu</span>',
    '<div itemprop="authors">Ned Oz</div>',
    '<p id="zuozhe-1">Ola Pi</p>',
    '<span class="posted-by">Pat Qi</span>',
    '<section data-component="Byline">Quin Ru</section>',
    '<li id="Author9">Rae Sol</li>',
    '<em class="screenname">Sam Tu</em>',
    '<td class="writer-bio">Tia Uv</td>',
    '<b class="Byline">Uma Vo</b>',
    '<h1 class="headline">No Author Here</h1>',
]


def page(*parts: str) -> lxml_html.HtmlElement:
    body = "".join(parts)
    return parse_html(f"<html><body><article>{body}</article></body></html>")


@pytest.mark.parametrize("markup", MARKUP)
def test_each_selector_takes_what_trafilaturas_takes(markup):
    tree = page(markup, "<p>Text of the article, long enough to read.</p>")
    assert list(author_selections(tree)) == [search(tree) for search in AUTHOR_XPATHS]


def test_all_selectors_together_keep_page_order():
    tree = page(*MARKUP)
    selections = author_selections(tree)
    assert list(selections) == [search(tree) for search in AUTHOR_XPATHS]
    assert all(selections)


@pytest.mark.parametrize(
    "parts",
    [
        MARKUP,
        MARKUP[::-1],
        # Pruned before the search: a byline in comments, in a date, in a figure.
        ['<div id="comments"><span class="author">Reader</span></div>', MARKUP[12]],
        ['<figure><span class="author">Photo: Ann</span></figure>', "<p>No byline.</p>"],
        ["<time><span class='author'>x</span></time>", '<span class="author">Al</span>'],
        # Too short or too long to be a name, then one that is.
        ['<span class="author">AB</span>', f'<span class="author">{"x " * 80}</span>', MARKUP[2]],
        ["<p>No author anywhere on this page.</p>"],
    ],
)
def test_author_is_trafilaturas(parts):
    tree = page(*parts)
    assert page_author(tree) == extract_author(tree)


@pytest.mark.parametrize("path", sorted(PAGES.glob("*.html")), ids=lambda p: p.stem)
def test_author_of_the_projects_pages_is_trafilaturas(path):
    tree = parse_html(path.read_text())
    assert page_author(tree) == extract_author(tree)
