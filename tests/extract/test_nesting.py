"""Pages nested past libxml2's limit are read again and flattened, losing no text."""

from lxml import html as lxml_html

from newsdesk.extract import nesting
from newsdesk.extract.html import PARSER, UNLIMITED_PARSER, parse_html


def depth_of(tree):
    return max(sum(1 for _ in element.iterancestors()) for element in tree.iter())


def test_the_parsers_stop_is_noticed():
    lxml_html.fromstring("<div>" * 300 + "deep", parser=PARSER)
    assert nesting.too_deep(PARSER)
    lxml_html.fromstring("<div>" * 30 + "shallow", parser=PARSER)
    assert not nesting.too_deep(PARSER)


def test_flattening_keeps_every_word_and_stays_within_the_depth():
    # Quotes are no wrapper: past DEEPEST they are unwrapped all the same.
    page = "<html><body>" + "".join(f"<blockquote>said {i} " for i in range(1500)) + "</body>"
    tree = lxml_html.fromstring(page, parser=UNLIMITED_PARSER)
    words = tree.text_content().split()
    nesting.flatten(tree)
    assert depth_of(tree) <= nesting.DEEPEST
    assert tree.text_content().split() == words


def test_named_containers_and_shallow_markup_stay():
    outer = '<div class="story">' + "<div>" * 80 + '<div class="comments"><p>First!</p></div>'
    page = f"<html><body>{outer}{'</div>' * 81}" + "<i>x</i>" * 2 + "<div>" * 300 + "</body>"
    tree = parse_html(page)
    assert tree.xpath("//div[@class='story']") and tree.xpath("//div[@class='comments']/p")
    assert len(tree.xpath("//i")) == 2  # a wrapper, but not past WRAPPERS_FROM
    assert depth_of(tree) <= nesting.DEEPEST
