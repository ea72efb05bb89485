"""Links and emphasis of the page kept in the body's HTML, where they give the block's text."""

from lxml import html as lxml_html

from newsdesk.extract.blocks import segment
from newsdesk.extract.html import extract_html
from newsdesk.extract.inline import inline_html

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
