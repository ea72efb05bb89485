"""Links and emphasis of the page kept in the body's HTML, where they give the block's text."""

from pathlib import Path

from lxml import html as lxml_html

from newsdesk.extract.blocks import segment
from newsdesk.extract.html import extract_html
from newsdesk.extract.inline import inline_html
from newsdesk.extract.sanitize import paragraphs_of

URL = "https://port.example/news/wall"


def marked(fragment: str) -> list[str | None]:
    return [inline_html(b, URL) for b in segment(lxml_html.fromstring(fragment))]


def test_links_are_made_absolute_and_emphasis_kept():
    assert marked(
        '<div><p>The <a href="/council" class="x">council</a> voted <b>7 to 2</b>, <i>again</i>.'
        "</p></div>"
    ) == [
        'The <a href="https://port.example/council">council</a> voted <b>7 to 2</b>, <i>again</i>.'
    ]


def test_plain_text_and_text_the_walk_leaves_out_give_no_markup():
    hover = (
        '<p>Mayor <span class="rollover-people"><a href="/p/ek">Ek</a>'
        '<span class="rollover-people-block"><a href="/p/ek">Ola Ek, mayor</a></span></span>'
        " spoke.</p>"
    )
    assert marked("<div><p>Nothing to mark up here.</p></div>") == [None]
    # The hover card is no text of the sentence: the sentence stays plain.
    assert marked(f"<div>{hover}</div>") == [None]


def test_scripts_in_links_and_links_around_pictures_are_dropped():
    assert marked(
        '<div><p><a href="javascript:alert(1)">Click</a> or see'
        ' <a href="/big.jpg"><img src="/small.jpg"></a><a href="/map">the map</a>.</p></div>'
    ) == ['<a>Click</a> or see <a href="https://port.example/map">the map</a>.']


def test_the_published_body_carries_the_links():
    sentences = [
        "The council voted on Monday to rebuild the harbour wall, as the {} had urged.",
        "Storms have battered the old stones every winter since {} first surveyed them.",
        "Work begins in March and should end before the {} returns the next autumn.",
        "Fishermen asked that the slipway stay open, and the {} agreed to their request.",
    ]
    links = ("engineers' report", "the harbour board", "ferry service", "mayor's office")
    paragraphs = "".join(
        f"<p>{s.format(f'<a href=/r/{i}>{link}</a>')}</p>"
        for i, (s, link) in enumerate(zip(sentences, links, strict=True))
    )
    page = f"<html><body><article><h1>Wall to be rebuilt</h1>{paragraphs}</article></body></html>"
    body = extract_html(page, URL).body_html
    assert body.count('<a href="https://port.example/r/') == 4
    assert 'rel="nofollow noopener noreferrer"' in body


def test_the_body_html_reads_back_as_the_body():
    # An editor's edit is read back this way (news.admin), so it must agree with extraction.
    for name in ("every-kind-of-boilerplate.html", "harbour-strike.html"):
        page = (Path(__file__).parent / "pages" / name).read_bytes()
        article = extract_html(page, URL)
        assert len(article.body) > 3 and "<" in article.body_html
        assert paragraphs_of(article.body_html) == article.body, name


def test_loose_text_lists_and_tables_read_as_paragraphs():
    assert paragraphs_of(
        "Loose <b>words</b><br>here<h2>Tolls</h2><ul><li>Cars</li><li><p>Vans</p></li></ul>"
        "<table><tr><th>Day</th><td>Fee</td></tr></table><!-- note --><blockquote><p>One</p>"
        "<p>Two</p></blockquote><figure><img src='q.jpg'><figcaption>The quay</figcaption></figure>"
    ) == ["Loose words here", "Tolls", "Cars", "Vans", "Day | Fee", "One", "Two"]
