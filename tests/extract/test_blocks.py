"""A page cut into text blocks, and the numbers the block model reads of each."""

import pytest
from lxml import html as lxml_html

from newsdesk.extract.blocks import (
    FEATURES,
    MARKS,
    coverage,
    features,
    segment,
    shingles,
    voted_menus,
)

PAGE = """<html><body>
<div class="site-nav"><a href="/">Home</a> <a href="/world">World</a></div>
<article class="post-content">
  <h1>Ferry service resumes</h1>
  <p>The ferry to <a href="/isles">the isles</a> sailed again on <b>Monday</b> morning.</p>
  <p>Crews had waited <i>three days</i> for the wind to drop.<br>Passengers cheered.</p>
  <script>var tracking = "no text of the page";</script>
  <ul><li>First sailing: 7:05</li><li>Last sailing: 21:40</li></ul>
  <div>Loose words in a div <p>and a paragraph inside it</p> and words after it.</div>
</article>
<div id="comments-4711"><p>Great news for the island!</p></div>
</body></html>"""


def blocks_of(page: str = PAGE):
    return segment(lxml_html.fromstring(page))


def test_blocks_follow_the_page_and_keep_inline_text_together():
    texts = [b.text for b in blocks_of()]
    assert texts == [
        "Home World",
        "Ferry service resumes",
        "The ferry to the isles sailed again on Monday morning.",
        "Crews had waited three days for the wind to drop. Passengers cheered.",
        "First sailing: 7:05",
        "Last sailing: 21:40",
        "Loose words in a div",
        "and a paragraph inside it",
        "and words after it.",
        "Great news for the island!",
    ]


def test_a_block_counts_its_link_text():
    nav, _, ferry, *_ = blocks_of()
    assert nav.link_chars == len("Home") + len("World")
    assert ferry.link_chars == len("the isles")


def test_class_names_and_containers_around_a_block_are_features():
    rows = features(blocks_of(), set(), "Ferry service resumes")
    column = {name: i for i, name in enumerate(FEATURES)}
    nav, title, ferry, *_, comment = rows
    assert nav[column["marked_navigation"]] == 1 and ferry[column["marked_navigation"]] == 0
    assert ferry[column["marked_content"]] == 1 and ferry[column["in_article"]] == 1
    # "comments-4711": the number does not hide the word.
    assert comment[column["marked_comment"]] == 1 and comment[column["in_article"]] == 0
    assert title[column["is_title"]] == 1 and ferry[column["is_title"]] == 0
    assert title[column["tag_h1"]] == 1 and ferry[column["tag_p"]] == 1


def test_trafilatura_vote_and_neighbours_are_read_per_block():
    found = blocks_of()
    sentence = "The ferry to the isles sailed again on Monday morning"
    voted = shingles(sentence.split(" "))
    rows = features(found, voted, "")
    column = {name: i for i, name in enumerate(FEATURES)}
    assert rows[2, column["vote"]] == 1.0
    assert rows[3, column["vote"]] == 0.0
    assert rows[3, column["vote@-1"]] == 1.0 and rows[1, column["vote@1"]] == 1.0
    assert rows.shape == (len(found), len(FEATURES))


@pytest.mark.parametrize("menu_links", [2, 12])
def test_a_vote_that_took_in_the_menus_is_no_vote_for_them(menu_links):
    menu = "".join(f'<li><a href="/s{i}">Section {i} of the site</a></li>' for i in range(12))
    found = blocks_of(
        f"<body><ul>{menu}</ul><p>The ferry sailed again on Monday after three days in port,"
        " and the first crossing carried the mail, two lorries of feed and a school choir home"
        " from the mainland.</p></body>"
    )
    # trafilatura's body: the paragraph and some or all of the menu.
    voted = shingles([w for b in found[12 - menu_links :] for w in b.words])
    rows = features(found, voted, "")
    assert rows[12 - menu_links :, FEATURES.index("vote")].all()
    # Two links among the prose still stand for the body; twelve are the page's menu.
    assert voted_menus(found, rows) == (menu_links == 12)
    votes = features(found, voted, "", menus_voted=True)[:, FEATURES.index("vote")]
    assert votes[-1] == 1.0 and not votes[:12].any()


def test_coverage_reads_short_blocks_through_their_neighbours():
    found = blocks_of("<body><p>one two three four five</p><h2>six seven</h2><p>x y z w</p></body>")
    wanted = shingles(["four", "five", "six", "seven"])
    # The heading's two words sit inside a shingle that reaches into the paragraph before it;
    # the long paragraph counts only shingles of its own.
    assert list(coverage(found, wanted)) == [0.0, 1.0, 0.0]


def test_a_page_without_text_has_no_blocks():
    found = blocks_of("<html><body><script>x()</script><div> </div></body></html>")
    assert found == []
    assert features(found, set(), "").shape == (0, len(FEATURES))


def test_digit_and_capital_shares_count_as_the_str_methods_do():
    from newsdesk.extract.blocks import _char_counts

    samples = ["Port of Leith, 14 May 2026", "ÉLAN ² Ωmega 3½", "", "   ...   ", "A \ud800 ß"]
    assert _char_counts(samples).tolist() == [
        [sum(map(str.isdigit, s)), sum(map(str.isupper, s)), sum(map(str.isalpha, s))]
        for s in samples
    ]


def test_a_hover_card_inside_a_paragraph_is_not_part_of_its_sentence():
    page = """<html><body><p>A man threatened Rep.
    <span class="rollover-people"><a class="rollover-people-link" href="/people/x">Ida Lund</a>
    <span class="rollover-people-block"><img src="x.jpg"><a href="/people/x">Ida Lund</a>
    <a href="/other">Harbour fees rise again | Ferry strike ends</a></span></span>
    on Monday, prosecutors said.</p></body></html>"""
    assert [b.text for b in blocks_of(page)] == [
        "A man threatened Rep. Ida Lund on Monday, prosecutors said."
    ]


def test_where_a_block_stands_to_trafilaturas_text_is_read():
    found = blocks_of()
    texts = [b.text for b in found]
    # trafilatura kept the two paragraphs of the article, not the list below them.
    voted = shingles(" ".join(found[i].text for i in (2, 3)).split())
    rows = features(found, voted, "")
    column = {name: FEATURES.index(name) for name in FEATURES}
    first_item = texts.index("First sailing: 7:05")
    comments = texts.index("Great news for the island!")
    # Both paragraphs share the article element: each sees all of the kept words there.
    assert rows[2, column["parent_vote_share"]] == rows[3, column["parent_vote_share"]] == 1.0
    assert rows[first_item, column["parent_vote_share"]] == 0.0
    # The comment's paragraph and the article's have one grandparent (<body>); the menu not.
    assert rows[comments, column["grandparent_vote_share"]] == 1.0
    assert rows[0, column["grandparent_vote_share"]] == 0.0
    assert rows[2, column["outside_vote_span"]] == rows[3, column["outside_vote_span"]] == 0.0
    outside = rows[:, column["outside_vote_span"]]
    assert outside[comments] > outside[first_item] > 0.0


def marks_around(classes: str, ident: str = "") -> set[str]:
    """The marks the block model reads for a paragraph in an element of this class and id."""
    page = f'<html><body><div class="{classes}" id="{ident}"><p>Words.</p></div></body></html>'
    (row,) = features(blocks_of(page), set(), "")
    return {name for name in MARKS if row[FEATURES.index(f"marked_{name}")] > 0}


def test_class_names_are_read_by_the_longest_piece_at_each_place():
    # "breadcrumb" is navigation; the "read" inside it does not make it related.
    assert marks_around("breadcrumb-nav") == {"navigation"}
    # Pieces are found in every name of the class and id, whole words only as parts of a name.
    assert marks_around("ad-slot sidebarLeft", "story-4711") == {"advert", "sidebar", "content"}
    assert marks_around("shadow loading") == set()


def test_marks_are_read_name_by_name_as_from_the_whole_class_and_id():
    from newsdesk.extract.blocks import _MARK_OF_PIECE, _PIECES, DIGITS, NAME_PARTS, WHOLE_WORDS

    def whole(classes: str, ident: str) -> set[str]:
        names = DIGITS.sub("", f"{classes} {ident}").lower()
        found = {_MARK_OF_PIECE[piece] for piece in _PIECES.findall(names)}
        return found | {WHOLE_WORDS[p] for p in NAME_PARTS.split(names) if p in WHOLE_WORDS}

    names = ["post-4711", "AD", "ads sidebar", "read more", "nav2bar", "tag:list", "x footer"]
    for classes in [*names, ""]:
        for ident in [*names, ""]:
            assert marks_around(classes, ident) == whole(classes, ident), (classes, ident)
    # Digits drop before the names are read: "nav2bar" reads as "navbar".
    assert marks_around("nav2bar") == {"navigation"}


def test_marks_around_a_block_count_up_to_three_and_containers_once():
    page = (
        '<html><body><div class="nav"><div class="menu"><div class="nav"><nav class="nav">'
        '<section><section itemprop="articleBody"><p>Words.</p></section></section>'
        "</nav></div></div></div></body></html>"
    )
    (row,) = features(blocks_of(page), set(), "")
    assert row[FEATURES.index("marked_navigation")] == 3
    assert row[FEATURES.index("in_section")] == row[FEATURES.index("in_nav")] == 1
    assert row[FEATURES.index("article_body")] == 1 and row[FEATURES.index("in_article")] == 0


def test_text_around_comments_instructions_and_line_breaks_is_read():
    page = (
        "<html><body><p>A<!-- note -->B<br>C<?pi x?>D <a href=/>E<!-- x -->F</a></p></body></html>"
    )
    (block,) = blocks_of(page)
    assert block.text == "AB CD EF"
    assert block.link_chars == 2


def test_a_block_holds_the_element_its_text_belongs_to():
    tree = lxml_html.fromstring(PAGE)
    ferry = tree.xpath("//p")[0]
    found = segment(tree)
    assert found[2].element is ferry and found[2].tag == "p"
    # Loose words in a div belong to the div, before and after the paragraph inside it.
    div = ferry.getparent().xpath("div")[0]
    assert [b.element for b in found[6:9]] == [div, div.find("p"), div]


def test_a_block_knows_the_share_of_the_pages_long_paragraphs_in_its_parent():
    long = " ".join(["word"] * 25) + "."
    page = f"""<html><body><div class="body"><p>{long}</p><p>{long}</p><p>Short one.</p></div>
    <div class="more"><p>{long}</p><p>A teaser of another story.</p></div></body></html>"""
    rows = features(blocks_of(page), set(), "")
    share = rows[:, FEATURES.index("parent_long_share")]
    # Three long paragraphs on the page, two of them in the article's container.
    assert share.tolist() == pytest.approx([2 / 3, 2 / 3, 2 / 3, 1 / 3, 1 / 3])


def test_a_block_knows_the_share_of_trafilaturas_text_laid_out_as_it_is():
    first = "The harbour board voted on Monday to raise mooring fees by a tenth from April."
    later = "The board said the money would pay for dredging the inner basin next winter."
    page = f"""<html><body><div class="chunk"><p>{first}</p></div><div class="chunk"><p>{later}</p>
    <h3>{later}</h3></div><div class="more"><p>{later}</p></div></body></html>"""
    found = blocks_of(page)
    rows = features(found, shingles(first.split()), "")
    share = rows[:, FEATURES.index("shape_vote_share")]
    # trafilatura kept the first chunk: the second chunk's paragraph is laid out alike, though
    # in a parent of its own; a heading in that chunk, or a paragraph elsewhere, is not.
    assert rows[1, FEATURES.index("parent_vote_share")] == 0.0
    assert share.tolist() == [1.0, 1.0, 0.0, 0.0]
