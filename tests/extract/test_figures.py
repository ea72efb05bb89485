"""The article's own pictures, in place among its paragraphs, with captions and credits."""

import pytest
from lxml import html as lxml_html

from newsdesk.extract.blocks import segment
from newsdesk.extract.figures import figures
from newsdesk.extract.html import as_body, extract_html

PARAGRAPHS = [
    "The council voted on Monday to rebuild the harbour wall, which storms have battered every"
    " winter since the old stones were laid.",
    "Work will begin in March, before the ferries return, and is to last eighteen months at a"
    " cost the council puts at four million crowns.",
    "Fishermen asked that the slipway stay open while the cranes work, and the engineers agreed"
    " to build the new wall in two halves.",
    "The old stones will be numbered and kept, the mayor said, so that the museum can rebuild a"
    " stretch of the wall on the green by the church.",
]
PAGE = f"""<html><head><title>Harbour wall to be rebuilt</title>
<meta property="og:image" content="https://port.example/img/wall-1200x630.jpg"></head><body>
<aside class="sidebar"><img src="/img/weather-widget.png" width="300" height="250"></aside>
<article><h1>Harbour wall to be rebuilt</h1>
<div class="story-body">
<figure class="hero"><img src="/img/wall-at-dusk.jpg" alt="The harbour wall"></figure>
<p>{PARAGRAPHS[0]}</p>
<figure><img src="/img/storm.jpg" alt="Waves over the wall">
<figcaption>Waves broke over the wall in January. <span class="photo-credit">Photo: Ann Berg</span>
</figcaption></figure>
<p>{PARAGRAPHS[1]}</p>
<p><img src="/img/blank.gif" data-src="/img/crane.jpg" alt="A crane"></p>
<p><em>The crane that will lift the new stones</em></p>
<p>{PARAGRAPHS[2]}</p>
<figure><img src="/img/quay.jpg"><p>The quay as it stood in 1920, when the first stones were laid
by hand and the harbour master kept his log in the tower.</p></figure>
<p><img src="/img/storm-640x480.jpg"></p>
<figure><img src="https://cdn.port.example/map.png" alt="Map">
<figcaption>Where the new wall will stand, as the council's plan draws it, with the old line of
the quay and the slipway the fishermen asked to keep. Credit: Port Council</figcaption></figure>
<div class="related-story"><a href="/news/ferries"><img src="/img/ferry-thumb.jpg"></a>
<a href="/news/ferries">Ferries to return in spring</a></div>
<a href="/news/budget"><img src="/img/budget-thumb.jpg"></a>
<img src="/img/t.gif?visit=4711" width="1" height="1">
<div class="trending-now"><img src="/img/trending.jpg"><p>Most read this week</p></div>
<img src="/img/divider.png" role="presentation">
<p>{PARAGRAPHS[3]}</p>
<p><em>The fishermen's union will meet the engineers on the quay next Friday at noon.</em></p>
<p><img src="/img/wall.jpg"></p>
<div class="advert-slot"><img src="/img/ad-banner.jpg" width="300" height="250"></div>
</div></article></body></html>"""


@pytest.fixture(scope="module")
def article():
    return extract_html(PAGE, "https://port.example/news/wall")


def test_pictures_among_the_paragraphs_are_the_articles(article):
    assert [i.url for i in article.images] == [
        "https://port.example/img/wall-1200x630.jpg",  # the lead, named by the page
        "https://port.example/img/storm.jpg",
        "https://port.example/img/crane.jpg",  # where the lazy loader keeps it
        "https://port.example/img/quay.jpg",
        "https://cdn.port.example/map.png",
    ]


def test_each_picture_stands_where_the_page_puts_it(article):
    html = article.body_html
    order = [html.index(s) for s in ("Monday", "storm.jpg", "in March", "crane.jpg", "Fishermen")]
    assert order == sorted(order)
    # The storm picture again, at another size, is not shown twice.
    assert html.count("<figure>") == 4 and "storm-640x480" not in html
    # Above the first paragraph is the lead picture's place: the page names its lead itself.
    assert "wall-at-dusk" not in html
    # Nor is the lead shown again lower down, at another size.
    assert "img/wall" not in html


def test_captions_and_credits_go_with_their_picture_not_into_the_text(article):
    storm, quay, map_ = article.images[1], article.images[3], article.images[4]
    assert (storm.caption, storm.credit) == ("Waves broke over the wall in January.", "Ann Berg")
    assert map_.credit == "Port Council" and map_.caption.startswith("Where the new wall")
    assert "Where the new wall" not in article.text
    # So is a line in italics right under a bare picture; italics elsewhere are text.
    assert article.images[2].caption == "The crane that will lift the new stones"
    assert "The crane that will lift" not in article.text
    assert "The fishermen's union will meet the engineers" in article.text
    # A caption in a paragraph of its own inside the figure is the figure's too.
    assert quay.caption.startswith("The quay as it stood in 1920")
    assert "The quay as it stood" not in article.text
    assert "Port Council" not in article.text
    assert (
        "<figcaption>Waves broke over the wall in January. <small>Ann Berg</small></figcaption>"
        in article.body_html
    )


def test_furniture_thumbnails_pixels_and_ornaments_are_left_out(article):
    left_out = ("weather-widget", "ferry-thumb", "budget-thumb", "t.gif", "divider", "trending")
    for unwanted in left_out:
        assert unwanted not in article.body_html
        assert not any(unwanted in i.url for i in article.images)


@pytest.mark.parametrize(
    ("picture", "caption"),
    [
        (
            "<figure><img src='/quay.jpg'><figcaption>The quay in 1920.</figcaption></figure>",
            "The quay in 1920.",
        ),
        # The alt text again, set in the picture's own holder.
        (
            '<div class="pic"><div><img src="/quay.jpg" alt="The quay in 1920"></div><br>'
            '<span class="small">The quay in 1920</span></div>',
            "The quay in 1920",
        ),
        # WordPress's captioned picture.
        (
            '<div class="wp-caption aligncenter"><img src="/quay.jpg" alt="Quay">'
            '<p class="wp-caption-text">The quay in 1920</p></div>',
            "The quay in 1920",
        ),
    ],
)
def test_a_caption_kept_as_a_block_goes_with_its_picture_only(picture: str, caption: str):
    tree = lxml_html.fromstring(
        f"<div><p>The first paragraph of the story.</p>{picture}<p>The second paragraph.</p></div>"
    )
    kept = segment(tree)
    assert [b.text for b in kept] == [
        "The first paragraph of the story.",
        caption,
        "The second paragraph.",
    ]
    body = as_body(kept, figures(kept, "https://port.example/news/quay", ""))
    assert [(e.tag, e.text) for e in body] == [
        ("p", "The first paragraph of the story."),
        ("graphic", None),
        ("p", "The second paragraph."),
    ]
    assert body[1].get("src") == "https://port.example/quay.jpg"
    assert body[1].get("title") == caption


def test_the_lead_is_the_picture_the_page_shares_over_its_declared_one():
    # JSON-LD often names a thumbnail ("?w=150"); og:image is the one chosen for sharing.
    declared = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour wall'
        ' to be rebuilt", "image": "https://port.example/img/wall.jpg?w=150"}</script>'
    )
    page = PAGE.replace("</head>", f"{declared}</head>")
    lead = extract_html(page, "https://port.example/news/wall").image
    assert lead is not None and lead.url == "https://port.example/img/wall-1200x630.jpg"
    alone = page.replace('<meta property="og:image"', '<meta property="og:other"')
    assert extract_html(alone, "https://port.example/news/wall").image.url.endswith("?w=150")
