"""trafilatura's searches made in Python find what its XPath finds, element for element."""

from __future__ import annotations

import gzip
from copy import copy
from pathlib import Path

import pytest
from lxml import html as lxml_html
from trafilatura import xpaths
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.settings import Extractor

from newsdesk.extract.html import PARSER
from newsdesk.extract.trafilatura_searches import ORIGINAL, REPLICAS, install

PAGES = Path(__file__).parent / "pages"
BENCHMARK = Path(__file__).resolve().parents[3] / "shared" / "data" / "extraction-benchmark"

# Every clause of the three expressions, on both sides of it: tags, exact values, anchored and
# unanchored patterns, case, and the attribute read first where a test names two.
CASES = """
<div class="post"><p>a</p></div><section class="entry">b</section><span class="post">c</span>
<main itemprop="articleBody">d</main><article id="articleContent">e</article>
<div id="art-content"><div class="post_text">f</div><div class="articleBody">g</div></div>
<div class="Post">h</div><div class="xarticle__container">i</div><p class="post-body">j</p>
<p data-lp-replacement-content="">k</p><div role="Navigation">l</div><div role="NAV">m</div>
<span data-component="xMostPopularStoriesY">n</span><list id="x" class="cookie">o</list>
<item class="cookie" id="x">p</item><section id="cookies">q</section><div id="myshare">r</div>
<div id="ad-top">s</div><div id="bad-x">t</div><div class="page ad ">u</div>
<div class="x-ad-y">v</div><div class="ad-slot">w</div><div class="foo ad-slot">x</div>
<div class="dfpAd">y</div><div class="Footer">z</div><div class="shared">aa</div>
<p class="comments-title">ab</p><b id="reply-3">ac</b><i class="reply-x" id="y">ad</i>
<i id="y" class="reply-x">ae</i><em id="hidden-x">af</em><em style="visibility: hidden">ag</em>
<em id="a" style="hidden">ah</em><u style="color:red;display:none">ai</u>
<u style="display: none">aj</u><u id="reader-comments">ak</u><s class="hide-print">al</s>
<s class="x hidden">am</s><s aria-hidden="true">an</s><s aria-hidden="false">ao</s>
<div class="thidden">ap</div><div class="navbar"><div class="entry-content">aq</div></div>
<a id="comments">ar</a><span class="title">as</span><div class="date">at</div>
<p class="title">au</p><section id="commentlist">av</section><div class="Comments-box">aw</div>
<div class="xComments">ax</div><span data-component="FigureX">ay</span>
<a class="article-support">az</a><a class="dates">ba</a>
<div id="infinite-scroll-2"><h1>bb</h1></div><section class="infinitescroll">bc</section>
<aside class="mvp-post-add-box"><h1>bd</h1></aside><div class="mvp-post-add-wrapx">be</div>
<p class="infinite-scroll">bf</p><div class="x" id="infinite-scroll"><p>bg</p></div>
"""


def trees(page: str) -> list[lxml_html.HtmlElement]:
    """The page as the searches meet it: parsed, and cleaned and converted by trafilatura (its
    lists and items), each also from its <body> down."""
    options = Extractor(output_format="xml", fast=True, comments=False, tables=True)
    parsed = lxml_html.fromstring(page, parser=PARSER)
    cleaned = convert_tags(tree_cleaning(copy(parsed), options), options, "")
    found = [parsed, cleaned]
    return found + [body for tree in found if (body := tree.find("body")) is not None]


def pages() -> list[str]:
    found = [f"<html><body>{CASES}</body></html>"]
    found += [page.read_text() for page in sorted(PAGES.glob("*.html"))]
    return found


@pytest.mark.parametrize(("name", "index"), list(REPLICAS))
def test_replica_finds_what_the_expression_finds(name, index):
    original = ORIGINAL[name][index]
    replica = REPLICAS[name, index][1](original)
    for page in pages():
        for tree in trees(page):
            assert replica(tree) == original(tree)
    # The cases exercise each search: it finds something, and not everything.
    tree = trees(pages()[0])[1]
    assert 0 < len(replica(tree)) < sum(1 for _ in tree.iter())


@pytest.fixture(scope="module")
def benchmark_trees() -> list[tuple[str, lxml_html.HtmlElement]]:
    if not BENCHMARK.exists():
        pytest.skip(f"the benchmark pages are not at {BENCHMARK} (../shared is absent)")
    found = []
    for path in sorted((BENCHMARK / "html").glob("*.html.gz")):
        page = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        found += [(path.name, tree) for tree in trees(page)[:2]]
    return found


@pytest.mark.parametrize(("name", "index"), list(REPLICAS))
def test_replica_finds_what_the_expression_finds_on_the_benchmark_pages(
    name, index, benchmark_trees
):
    original = ORIGINAL[name][index]
    replica = REPLICAS[name, index][1](original)
    for page, tree in benchmark_trees:
        assert replica(tree) == original(tree), page


def test_every_replica_stands_for_trafilaturas_expression():
    # A trafilatura release that changes one of them fails here, and keeps its own XPath.
    assert install() == list(REPLICAS)
    for name, index in REPLICAS:
        assert getattr(xpaths, name)[index] is not ORIGINAL[name][index]
