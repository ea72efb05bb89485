"""The shipped block model loads offline and chooses blocks; repeats keep the body's copy."""

import numpy as np
import pytest
from lxml import html as lxml_html

from newsdesk.extract import block_model
from newsdesk.extract.blocks import FEATURES, segment

LEAD = "Dock workers in Port Alder voted on Sunday to end a nine-day strike at the harbour."
PAGE = f"""<html><body>
<div class="teaser"><p>{LEAD}</p></div>
<h1>Dock strike ends</h1>
<div class="body">
  <p>{LEAD}</p>
  <p>The vote passed with 1,140 members in favour and 212 against, the union said on Sunday.</p>
</div>
</body></html>"""


def test_the_shipped_model_reads_the_features_the_extractor_computes():
    assert block_model.model().feature_name() == FEATURES
    chances = block_model.article_chances(np.zeros((3, len(FEATURES))))
    assert chances.shape == (3,) and ((chances >= 0) & (chances <= 1)).all()


def test_a_lead_shown_twice_is_kept_once_where_the_body_has_it():
    blocks = segment(lxml_html.fromstring(PAGE))
    certain = np.ones(len(blocks))
    kept = block_model.chosen(blocks, certain, np.ones(len(blocks)))
    assert [b.text for b in kept] == [
        "Dock strike ends",
        LEAD,
        "The vote passed with 1,140 members in favour and 212 against, the union said on Sunday.",
    ]
    assert kept[1].element.getparent().get("class") == "body"


def test_unlikely_blocks_are_dropped_and_trafilatura_s_choice_lowers_the_bar_after_a_sibling():
    # The body's two paragraphs, in a container without a class: no layout to go by.
    blocks = segment(lxml_html.fromstring(PAGE.replace(' class="body"', "")))[2:]
    unsure = np.array([0.9, 0.4])
    assert len(block_model.chosen(blocks, unsure, np.array([1.0, 0.0]))) == 1
    assert len(block_model.chosen(blocks, unsure, np.array([1.0, 1.0]))) == 2
    assert block_model.chosen(blocks, np.array([0.1, 0.2]), np.ones(2)) == []


def test_certainty_falls_with_the_share_of_text_the_model_could_not_tell():
    blocks = segment(lxml_html.fromstring(PAGE))
    assert block_model.certainty(blocks, np.full(len(blocks), 0.95)) == 1.0
    assert block_model.certainty(blocks, np.full(len(blocks), 0.05)) == 0.0
    unsure_lead = np.array([0.5, 0.95, 0.5, 0.95])
    shares = [len(b.words) for b in blocks]
    expected = 1 - (shares[0] + shares[2]) / sum(shares)
    assert block_model.certainty(blocks, unsure_lead) == pytest.approx(expected)
    # A block settled otherwise (here the repeated lead) is neither unsure nor likely text.
    settled = block_model.certainty(blocks, unsure_lead, lambda b: b is blocks[0])
    assert settled == pytest.approx(1 - shares[2] / (shares[1] + shares[2] + shares[3]))


def page_with_a_list(heading: str, teaser_class: str) -> str:
    return f"""<html><body><div class="body">
    <p>Crews worked through the night to clear the line, the rail company said on Monday.</p>
    <p>Trains to the coast ran again by noon, with two of every three services on time.</p></div>
    <div class="rail"><h3>{heading}</h3>
    <div class="{teaser_class}"><p>A vote on harbour fees was put off until spring.</p></div>
    <div class="{teaser_class}"><p>The ferry sailed again after three days of wind.</p></div>
    </div></body></html>"""


def test_teasers_under_a_related_heading_are_dropped_where_they_lack_the_articles_markup():
    blocks = segment(lxml_html.fromstring(page_with_a_list("Top stories", "card")))
    kept = block_model.chosen(blocks, np.ones(len(blocks)), np.ones(len(blocks)))
    assert [b.element.getparent().get("class") for b in kept] == ["body", "body"]


@pytest.mark.parametrize(
    ("heading", "teaser_class"),
    [("Top stories", "body"), ("Read more", "card")],  # the article's markup; an unfolding button
)
def test_text_under_a_related_heading_in_the_articles_markup_or_a_read_more_button_stays(
    heading: str, teaser_class: str
):
    blocks = segment(lxml_html.fromstring(page_with_a_list(heading, teaser_class)))
    kept = block_model.chosen(blocks, np.ones(len(blocks)), np.ones(len(blocks)))
    assert len(kept) == len(blocks) == 5


FEES = "The harbour board voted on Monday to raise mooring fees by a tenth from April."
COST = "Fishing crews said the rise would cost each boat about 400 pounds a year, the board said."
DREDGING = "The board said the money would pay for dredging the inner basin over the next winter."
LINK = "Read the board's full list of fees for the coming year here in one place."
CHUNKED = f"""<html><body><article>
<div class="chunk body"><p>{FEES}</p><p>{COST}</p></div>
<aside class="quote"><p>Fees pay for the dredging.</p></aside>
<div class="chunk body"><p>{DREDGING}</p><p>Short line, no stop</p>
<p><a href="/fees">{LINK}</a></p></div>
</article></body></html>"""


def test_prose_laid_out_as_the_articles_paragraphs_is_taken_where_the_model_stopped():
    blocks = segment(lxml_html.fromstring(CHUNKED))
    chances = np.array([1.0, 1.0, 0.0, 0.0, 0.0, 0.0])
    kept = [b.text for b in block_model.chosen(blocks, chances, np.zeros(len(blocks)))]
    # The next chunk's sentence joins; the pull quote, the short line and the link do not.
    assert kept == [blocks[0].text, blocks[1].text, blocks[3].text]


def test_no_prose_is_added_where_the_article_sits_in_classless_containers():
    page = CHUNKED.replace(' class="chunk body"', "")
    blocks = segment(lxml_html.fromstring(page))
    chances = np.array([1.0, 1.0, 0.0, 0.0, 0.0, 0.0])
    kept = block_model.chosen(blocks, chances, np.zeros(len(blocks)))
    assert [b.text for b in kept] == [blocks[0].text, blocks[1].text]


def test_a_short_or_linked_paragraph_between_two_of_the_articles_is_taken():
    linked = f'The board\'s <a href="/fees">full list of fees</a> says {FEES[4:]}'
    page = f"""<html><body><article><div class="chunk body">
    <p>{FEES}</p><p>{COST}</p><p>But two crews objected.</p><p>{linked}</p><p>{DREDGING}</p>
    <p>Short line</p></div></article></body></html>"""
    blocks = segment(lxml_html.fromstring(page))
    chances = np.array([1.0, 1.0, 0.0, 0.0, 1.0, 0.0])
    kept = [b.text for b in block_model.chosen(blocks, chances, np.zeros(len(blocks)))]
    # The two between kept paragraphs join; the short line after the last does not.
    assert kept == [b.text for b in blocks[:5]]


def test_headings_the_article_ends_on_are_other_headlines():
    page = f"""<html><body><div class="body"><h2>The vote</h2><p>{FEES}</p><p>{COST}</p></div>
    <div class="latest"><h3>Ferries to return in spring</h3><h4>Three days of wind ended</h4>
    <h3>School roof repaired</h3></div></body></html>"""
    blocks = segment(lxml_html.fromstring(page))
    kept = block_model.chosen(blocks, np.ones(len(blocks)), np.ones(len(blocks)))
    assert [b.text for b in kept] == ["The vote", FEES, COST]


TWEET = "Fees go up in April. Mooring will cost more, dredging will be done."
TWEETED = f"""<html><body><div class="body"><p>{FEES}</p>
<blockquote class="twitter-tweet"><p lang="en">{TWEET}</p>
&mdash; Harbour Board (@harbourboard) <a href="https://x.example/1">May 4, 2026</a></blockquote>
<p>{COST}</p></div>
<blockquote class="twitter-tweet"><p>Follow us for more harbour news every day.</p></blockquote>
</body></html>"""


def test_posts_embedded_between_the_articles_paragraphs_are_quoted_in_it():
    blocks = segment(lxml_html.fromstring(TWEETED))
    chances = np.array([1.0, 0.0, 0.0, 1.0, 0.0])
    kept = [b.text for b in block_model.chosen(blocks, chances, np.zeros(len(blocks)))]
    assert kept == [FEES, TWEET, "— Harbour Board (@harbourboard) May 4, 2026", COST]
    # Without the embed's markup, the model's word stands.
    plain = TWEETED.replace("twitter-tweet", "pull")
    blocks = segment(lxml_html.fromstring(plain))
    kept = [b.text for b in block_model.chosen(blocks, chances, np.zeros(len(blocks)))]
    assert kept == [FEES, COST]
