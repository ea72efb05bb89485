"""A page cut into text blocks, and the numbers the block model reads of each."""

import pytest
from lxml import html as lxml_html

from newsdesk.extract.blocks import FEATURES, coverage, features, segment, shingles

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

    for sample in ("Port of Leith, 14 May 2026", "ÉLAN ² Ωmega 3½", "", "   ...   "):
        assert _char_counts(sample) == (
            sum(map(str.isdigit, sample)),
            sum(map(str.isupper, sample)),
            sum(map(str.isalpha, sample)),
        )


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


def test_class_names_are_read_by_the_longest_piece_at_each_place():
    from newsdesk.extract.blocks import _MARK_COLUMN, _marks_in

    def marks(classes: str, ident: str = "") -> set[str]:
        columns = _marks_in(classes, ident)
        return {name for name, column in _MARK_COLUMN.items() if column in columns}

    # "breadcrumb" is navigation; the "read" inside it does not make it related.
    assert marks("breadcrumb-nav") == {"navigation"}
    # Pieces are found in every name of the class and id, whole words only as parts of a name.
    assert marks("ad-slot sidebarLeft", "story-4711") == {"advert", "sidebar", "content"}
    assert marks("shadow loading") == set()


def test_a_block_knows_the_share_of_the_pages_long_paragraphs_in_its_parent():
    long = " ".join(["word"] * 25) + "."
    page = f"""<html><body><div class="body"><p>{long}</p><p>{long}</p><p>Short one.</p></div>
    <div class="more"><p>{long}</p><p>A teaser of another story.</p></div></body></html>"""
    rows = features(blocks_of(page), set(), "")
    share = rows[:, FEATURES.index("parent_long_share")]
    # Three long paragraphs on the page, two of them in the article's container.
    assert share.tolist() == pytest.approx([2 / 3, 2 / 3, 2 / 3, 1 / 3, 1 / 3])
