"""trafilatura's main text, found by its own steps at less cost: the same body as its
bare_extraction, and the page left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.baseline import html2txt
from trafilatura.xpaths import REMOVE_COMMENTS_AND_LISTS_XPATH

from newsdesk.extract.html import PARSER, UNSHOWN
from newsdesk.extract.trafilatura_pass import (
    comment_sections,
    covers_little,
    head_set_aside,
    main_text,
    page_text_length,
)

PAGES = Path(__file__).parent / "pages"
PARAGRAPH = (
    "<p>The harbour board met on Tuesday to weigh the dockers' offer, which would end a strike"
    " that has kept cargo ships at anchor for nine days and left the fish market half empty.</p>"
)
NAVIGATION = "".join(
    f'<li><a href="/s/{i}">Section number {i} of the site</a></li>' for i in range(60)
)


def article(body: str, *, title: str = "Harbour strike") -> str:
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"


ARTICLE = "".join(f"<p>Paragraph {i}: {PARAGRAPH[3:]}" for i in range(4))
READERS = (
    '<ol class="commentlist"><li>Reader Ann: this strike has gone on far too long, pay them.</li>'
    "<li>Reader Bo: the board should settle today, no doubt about it at all.</li></ol>"
)
APPENDED = (
    '<div class="elementor-share-buttons"><p>Share this story on any network, it helps.</p></div>'
    '<div class="infinite-scroll"><p>'
    + "Next story: the airport strike goes on. " * 5
    + "</p></div>"
)
# Pages where trafilatura's raw-tree prunes decide what its body holds.
PRUNED = {
    "comment list": article(f'<div class="main">{ARTICLE}{READERS}</div>'),
    "comment section": article(
        f'<div class="main">{ARTICLE}<div id="comment-12"><p>Reader Ann: pay them now.</p></div>'
        '<section class="comment-body"><p>Reader Bo: the board should settle.</p></section></div>'
    ),
    "share buttons and appended articles": article(f'<div class="main">{ARTICLE}{APPENDED}</div>'),
    "appended articles and comments": article(
        f'<div class="main">{ARTICLE}{APPENDED}{READERS}</div>'
    ),
    # Long enough that no later step reads the pruned page again.
    "long article and comments": article(f'<div class="main">{ARTICLE * 5}{READERS}</div>'),
    # A short body, rescued from the pruned page: its navigation, which cleaning deletes, holds
    # the longer text.
    "short body and comments": article(
        '<div class="post"><p>The harbour board met on Tuesday.</p></div>'
        f"<nav>{ARTICLE}</nav>{READERS}"
    ),
}
OTHERS = {
    "short body among links": article("<ul>" + NAVIGATION + "</ul>" + PARAGRAPH),
    "nothing but links": article("<ul>" + NAVIGATION + "</ul>"),
    "empty body": article(""),
}


def parsed(page: str) -> lxml_html.HtmlElement:
    """A page as newsdesk hands it to main_text: parsed, without what no reader sees."""
    tree = lxml_html.fromstring(page, parser=PARSER)
    etree.strip_elements(tree, *UNSHOWN, with_tail=False)
    return tree


def trafilatura_body(tree: lxml_html.HtmlElement) -> bytes | None:
    document = trafilatura.bare_extraction(
        tree,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        fast=True,
    )
    return etree.tostring(document.body) if document is not None else None


@pytest.mark.parametrize(
    "page",
    [*PRUNED.values(), *OTHERS.values(), *(p.read_text() for p in sorted(PAGES.glob("*.html")))],
    ids=[*PRUNED, *OTHERS, *(p.stem for p in sorted(PAGES.glob("*.html")))],
)
def test_body_is_trafilaturas_and_page_is_left_as_it_was(page):
    tree = parsed(page)
    before = etree.tostring(tree)
    body = main_text(tree, "https://example.com/a", page)
    assert (etree.tostring(body) if body is not None else None) == trafilatura_body(tree)
    assert etree.tostring(tree) == before


@pytest.mark.parametrize("page", PRUNED.values(), ids=PRUNED)
def test_pruned_sections_leave_the_body_not_the_page(page):
    tree = parsed(page)
    body = etree.tostring(main_text(tree, "", page), encoding="unicode")
    assert "Paragraph 3" in body
    assert "Reader" not in body and "airport" not in body
    assert "Reader" in tree.text_content() or "airport" in tree.text_content()


MARKS = [
    'id="comments"',
    'id="Comment-7"',
    'id="commentary"',
    'id="comol"',
    'id="disqus_thread"',
    'id="dsq-comments"',
    'id=" comments"',
    'class="comment-list"',
    'class="post-comments wide"',
    'class="article-comments"',
    'class="commentary"',
    'class="user-comments"',
    'class="x" id="comments-box"',
    "",
]


@pytest.mark.parametrize("tag", ["div", "section", "details", "ol", "ul", "p", "aside"])
def test_comment_sections_are_those_trafilaturas_prune_finds(tag):
    inner = "".join(f"<{tag} {mark}><span>{i}</span></{tag}>" for i, mark in enumerate(MARKS))
    tree = parsed(article(f"<div>{inner}<div id='comments'>{inner}</div></div>"))
    assert comment_sections(tree) == REMOVE_COMMENTS_AND_LISTS_XPATH[0](tree)


@pytest.mark.parametrize("links", [0, 5, 40, 200])
@pytest.mark.parametrize("share", [0.05, 0.19, 0.21, 0.5])
@pytest.mark.parametrize("minified", [False, True])
def test_short_body_test_agrees_with_trafilaturas_page_measure(links, share, minified):
    # On both sides of trafilatura's threshold, a fifth of the page's text. On a minified
    # page, the spaces it puts between blocks make up much of that text.
    gap = "" if minified else " "
    navigation = gap.join(f"<div><a href='/{i}'>Link{gap}{i}</a></div>" for i in range(links))
    aside = "" if minified else "<aside><p>" + "Aside words. " * links + "</p></aside>"
    tree = parsed(article(navigation + aside))
    measure = len(html2txt(tree))
    text = "x" * round(share * measure)
    assert covers_little(text, tree) == (len(text) < 0.2 * measure)


CLEANED = {
    "asides and footers, with tails": "<div>A<aside>x</aside>B<p>C</p><footer>y</footer>D "
    "<aside>z</aside>E<template>t</template>F</div>",
    "a footer named first or second": '<div class="footer" id="a">F1</div>'
    '<div id="footer" class="a">F2</div><div id="a" class="page-footer">F3</div>'
    '<div class="a" id="footer">F4</div><span class="footer">F5</span>',
    "consent banners": '<div class="Cookie-Banner">c1</div><p id="onetrust-x">c2</p>'
    '<section class="cookie-policy-text">c3</section><div class="cookies">stays</div>',
    "characters dropped from blocks only": "<p>zero\u200bwidth soft\xadhyphen</p>"
    "<span>zero\u200bwidth</span>tail\u200bhere<div>x</div>after\u200bdiv",
    "a minified page": "".join(f"<div><b>w{i}</b></div><span>s{i}</span>" for i in range(30)),
    "nested removals": "<main><aside><footer>in</footer>t1</aside>t2<footer>f</footer></main>",
}


@pytest.mark.parametrize("body", CLEANED.values(), ids=CLEANED)
def test_page_text_length_is_trafilaturas_page_measure(body):
    tree = parsed(article(body))
    assert page_text_length(tree.find("body")) == len(html2txt(tree))


def test_page_text_length_skips_comments_but_keeps_their_tails():
    tree = lxml_html.fromstring(article("<p>A<!-- hidden -->B</p><!-- x -->C"))  # comments kept
    assert page_text_length(tree.find("body")) == len(html2txt(tree))


def test_head_is_set_aside_and_put_back():
    page = (
        "<html><head><title>T</title><meta name=a content=b></head>\n<body><p>A</p></body></html>"
    )
    tree = lxml_html.fromstring(page, parser=PARSER)
    before = etree.tostring(tree)
    with head_set_aside(tree):
        # As trafilatura's cleaning leaves it: no <head>, its line break kept.
        assert etree.tostring(tree) == b"<html>\n<body><p>A</p></body></html>"
    assert etree.tostring(tree) == before


def test_head_holding_more_than_head_elements_stays():
    tree = lxml_html.fromstring("<html><head><title>T</title></head><body><p>A</p></body></html>")
    tree[0].append(etree.Element("div"))  # not from the HTML parser: a tree built otherwise
    before = etree.tostring(tree)
    with head_set_aside(tree):
        assert etree.tostring(tree) == before
