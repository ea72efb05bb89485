"""The clean article out of an HTML page: trafilatura finds the body, our rules clean it.

1. parse the page once;
2. read the page furniture an aggregator shows (author box, reactions widget, counters) and
   cut it out of the tree, so it cannot leak into the body;
3. cut the page into text blocks and keep those the block model takes for the article,
   reading trafilatura's own choice of main text as one of its clues;
4. walk the kept blocks, dropping promo lines and other boilerplate by wording;
5. fill metadata from JSON-LD, OpenGraph and meta tags, trafilatura's as fallback.
"""

from __future__ import annotations

import html as html_escape
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from itertools import chain
from urllib.parse import urlsplit

import numpy as np
from lxml import etree
from lxml import html as lxml_html
from lxml.etree import ParserError, _Element
from trafilatura.metadata import Document
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, load_html, repair_faulty_html

from newsdesk.extract import block_model, boilerplate, nesting
from newsdesk.extract.article import Author, Counters, ExtractedArticle, Image
from newsdesk.extract.blocks import (
    FEATURES,
    TOKEN,
    Block,
    features,
    segment,
    shingles,
    voted_menus,
)
from newsdesk.extract.dates import in_page_zone, local_iso, parse_date_line
from newsdesk.extract.encoding import decode_html
from newsdesk.extract.figures import Figure, figures
from newsdesk.extract.inline import inline_html
from newsdesk.extract.language import article_language
from newsdesk.extract.metadata import (
    Metadata,
    byline_name,
    placeholder,
    read_metadata,
    reads_as_name,
    slogan,
)
from newsdesk.extract.sanitize import clean_html
from newsdesk.extract.trafilatura_metadata import trafilatura_metadata
from newsdesk.extract.trafilatura_pass import full_main_text, head_set_aside, main_text
from newsdesk.extract.walks import furniture_candidates

# What an author box prints before the name: "By Ida Lund", "About Ida Lund" (or in Portuguese,
# Spanish, German, French).
NAME_LEAD = re.compile(r"^(by|about|sobre|acerca de|über|à propos de)\s+", re.IGNORECASE)
AUTHOR_BOX = re.compile(
    r"author[-_ ]?(box|bio|info|card|profile|about|details)|about[-_ ]?(the[-_ ]?)?(author|writer)"
    r"|bio[-_ ]?box|post[-_ ]?author|writer[-_ ]?(card|box|bio|info)"
)
FURNITURE = re.compile(
    r"(^|[-_ ])(share|sharing|social|reactions?|emoji|related|recommend|newsletter|subscribe"
    r"|cookie|consent|comments?[-_ ]?(teaser|count|link|cta)|promo|advert|ad-slot|sponsor"
    r"|breadcrumb|tags?[-_ ]?list)([-_ ]|$)"
)
# Where the model keeps nothing: a body taken from trafilatura alone is half as sure, and one
# the page only declares, nowhere shown on it, is held for an editor whatever its length.
TRAFILATURA_CERTAINTY = 0.5
DECLARED_CERTAINTY = 0.4
# Where markup some pages put in their declared body breaks a line.
MARKUP_BREAKS = re.compile(r"<br\s*/?>|</(p|div|li|h[1-6]|blockquote)>", re.IGNORECASE)
# Elements trafilatura deletes too, and segmentation skips: scripts, styles, media, form fields.
# Buttons stay: reaction widgets are read from them.
UNSHOWN = (
    "script",
    "style",
    "noscript",
    "svg",
    "iframe",
    "object",
    "embed",
    "canvas",
    "select",
    "option",
    "textarea",
    "audio",
    "video",
    "picture",
    "source",
    "input",
)
COUNT = r"(\d[\d,.]*\s*[kKmM]?)"
DIGIT = re.compile(r"\d")
COUNTER_BOX = re.compile(r"counter|stats|count")
REACTIONS_HEADING = re.compile(r"\s*what['’]?s your reaction", re.IGNORECASE)
VIEWS = re.compile(COUNT + r"\s*(views?|reads?)\b", re.IGNORECASE)
COMMENTS = re.compile(COUNT + r"\s*comments?\b", re.IGNORECASE)
BYLINE_PREFIX = re.compile(r"^(by|written by)\s+[^|·•]{2,60}[|·•]\s*", re.IGNORECASE)
BYLINE = re.compile(r"^(by|written by|words by)\s+[\w.'’ -]{2,60}([,|·–-].{0,60})?$", re.IGNORECASE)
TAG_TO_HTML = {
    "head": "h2",
    "list": "ul",
    "item": "li",
    "quote": "blockquote",
    "lb": "br",
    "table": "table",
    "row": "tr",
    "cell": "td",
}


@dataclass
class Furniture:
    """What the page shows around the article, read before the body is extracted."""

    author_name: str = ""
    author_bio: str = ""
    author_url: str = ""
    reactions: list[str] = field(default_factory=list)
    counters: Counters = field(default_factory=Counters)


@dataclass
class Page:
    """A parsed page, cut into blocks, with what the block model reads of each."""

    tree: lxml_html.HtmlElement
    meta: Metadata
    extra: Document  # trafilatura's metadata, where ours lacks a title, author or site name
    furniture: Furniture
    blocks: list[Block]
    rows: np.ndarray  # blocks.FEATURES per block
    trafilatura_body: _Element | None


def read_blocks(text: str, url: str = "") -> Page | None:
    """Parse the page, cut out its furniture, and cut the rest into blocks; None when the
    markup cannot be parsed at all."""
    # lxml refuses str input that still carries an XML encoding declaration.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        tree = parse_html(text)
    except (ParserError, ValueError):
        tree = None
    if tree is None:
        return None
    meta = read_metadata(tree, url)
    # With our metadata read, what no reader sees goes: every later walk of the tree is shorter.
    etree.strip_elements(tree, *UNSHOWN, with_tail=False)
    # trafilatura's own metadata only where ours found too little.
    extra = (
        Document()
        if meta.title and meta.authors and meta.site_name
        else trafilatura_metadata(tree, url, meta)
    )
    furniture = read_furniture(tree)
    with head_set_aside(tree):
        body = main_text(tree, url, text)
    if body is None:
        body = full_main_text(tree, url)
    kept = " ".join(block_text(b) for b in body) if body is not None else ""
    voted = shingles(TOKEN.findall(kept))
    found = segment(tree)
    rows = features(found, voted, meta.title)
    if voted_menus(found, rows):
        # Menus are no vote for themselves, and such a body is no fallback.
        rows = features(found, voted, meta.title, menus_voted=True)
        body = None
    return Page(tree, meta, extra, furniture, found, rows, body)


def _parser(**limits: bool) -> lxml_html.HTMLParser:
    """trafilatura's own parser settings (lxml's defaults keep less of some bodies), with every
    element an HtmlElement found in C: lxml.html's per-tag lookup calls Python for each element
    touched, in every walk of the tree."""
    parser = lxml_html.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        **limits,
    )
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement,
            comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction,
            entity=lxml_html.HtmlEntity,
        )
    )
    return parser


PARSER = _parser()
UNLIMITED_PARSER = _parser(huge_tree=True)  # for the rare page nested past libxml2's limit


def parse_html(text: str) -> lxml_html.HtmlElement | None:
    """The page's tree as trafilatura's load_html makes it, faster to walk; None when empty."""
    markup = repaired(text)
    tree = lxml_html.fromstring(markup, parser=PARSER)
    if nesting.too_deep(PARSER):
        tree = lxml_html.fromstring(markup, parser=UNLIMITED_PARSER)
        nesting.flatten(tree)
    # An odd page lxml reads as next to nothing is left to trafilatura's own repairs.
    return tree if len(tree) else load_html(text)


# The characters trafilatura's repair_faulty_html deletes (utils.INVALID_XML_CHARS): control
# characters, as bytes of UTF-8, and two non-characters.
CONTROL_BYTES = bytes((*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))
NON_CHARACTERS = ("\ufffe", "\uffff")


def repaired(text: str) -> str | bytes:
    """The page as repair_faulty_html leaves it, in UTF-8 where it holds no character that
    function deletes: libxml2 reads UTF-8 as it is, where a str reaches it as UTF-16 or UCS-4
    to convert."""
    beginning = text[:50].lower()
    if text.startswith("<?xml"):
        # An XML declaration read_blocks left, malformed: lxml refuses it in a str as before.
        return repair_faulty_html(text, beginning)
    try:
        raw = text.encode()
    except UnicodeEncodeError:  # a lone surrogate
        return repair_faulty_html(text, beginning)
    # One search for each, of a byte (memchr) or of a character in the str: faster than a
    # pattern's or translate's test of every character.
    if any(c in raw for c in CONTROL_BYTES) or any(c in text for c in NON_CHARACTERS):
        return repair_faulty_html(text, beginning)
    fixed = _repair_markup(text, beginning)
    return raw if fixed is text else fixed.encode()


def _repair_markup(text: str, beginning: str) -> str:
    """repair_faulty_html's other repairs: a doctype with a slash in it (which libxml2
    misreads) and a self-closing <html/>; `text` itself where neither applies."""
    if "doctype" in beginning:
        end = text.find("\n")
        firstline = text if end < 0 else text[:end]
        if (found := DOCTYPE_TAG.match(firstline)) or end < 0:
            # As there: the first line without the doctype, and always a line break after it.
            rest = "" if end < 0 else text[end + 1 :]
            text = firstline[found.end() if found else 0 :] + "\n" + rest
    for line in text[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            return FAULTY_HTML.sub(r"\1>", text, count=1)
    return text


def extract_html(content: str | bytes, url: str = "") -> ExtractedArticle:
    """Read one HTML page into an ExtractedArticle; never raises on odd markup."""
    text = decode_html(content) if isinstance(content, bytes) else content
    page = read_blocks(text, url)
    if page is None:
        return ExtractedArticle(title="", url=url)
    tree, meta, extra, furniture = page.tree, page.meta, page.extra, page.furniture
    if meta.published is None:
        meta.published = visible_date(page.blocks)
    else:
        shown = chain(date_lines(page.blocks), meta.shown_times)
        meta.published = in_page_zone(meta.published_moments, shown)
    teaser = meta.description or ""
    standfirst = teaser and shows_standfirst(tree, teaser)
    chances = block_model.article_chances(page.rows)
    picked = block_model.chosen(page.blocks, chances, page.rows[:, FEATURES.index("vote")])
    image_url = meta.image or extra.image or ""
    pictures = figures(picked, url, image_url)
    if picked:
        body = as_body(picked, pictures, url)
    else:
        # trafilatura's body is better than none, and the body the page declares better still
        # where it is longer: a page that draws its article by script declares it all the same.
        body = _longer(page.trafilatura_body, declared_body(meta.body))
    if body is None:
        return ExtractedArticle(title=meta.title, url=url, format="html")

    title = meta.title or extra.title or ""
    teaser = meta.description or extra.description or ""
    paragraphs, body_html, promos = clean_body(
        body, title, teaser if standfirst else "", furniture.author_bio
    )
    guessed = (byline_name(n) for n in (extra.author or "").split(";"))
    authors = [Author(name=name) for name in meta.authors or filter(reads_as_name, guessed)]
    if furniture.author_name and not any(a.name == furniture.author_name for a in authors):
        authors.insert(0, Author(name=furniture.author_name))
    if authors and furniture.author_bio:
        authors[0].bio = furniture.author_bio
        authors[0].url = authors[0].url or furniture.author_url
    lead = [Image(url=image_url)] if image_url else []
    article = ExtractedArticle(
        title=title,
        body=paragraphs,
        body_html=clean_html(body_html),
        teaser=teaser,
        teaser_is_truncated=teaser.rstrip().endswith(("...", "…")),
        published=meta.published,
        published_local=local_iso(meta.published) if meta.published else None,
        updated=meta.updated,
        authors=authors,
        url=url,
        canonical_url=meta.canonical_url or url,
        site_name=meta.site_name or site_name_of(extra.sitename, url),
        language=article_language(
            title, "\n".join(paragraphs), meta.language or extra.language or ""
        ),
        image=lead[0] if lead else None,
        images=lead + [f.image for f in pictures],
        tags=meta.tags or [t for t in (extra.tags or []) if t],
        reactions_offered=furniture.reactions,
        counters=furniture.counters,
        inline_promos_removed=[p for p in promos if boilerplate.classify(p) != "original-credit"],
        original_credit=next((c for p in promos if (c := boilerplate.original_credit(p))), ""),
        format="html",
    )
    header = header_lines(title, teaser)
    if picked:
        certainty = block_model.certainty(page.blocks, chances, lambda b: settled(b.text, header))
    else:
        certainty = TRAFILATURA_CERTAINTY if body is page.trafilatura_body else DECLARED_CERTAINTY
    article.confidence = confidence(article, structured=meta.structured, certainty=certainty)
    return article


def header_lines(*texts: str) -> set[str]:
    """The headline and standfirst as header tests match lines against them."""
    return {line for text in texts if (line := boilerplate.fold(text).lower())}


def settled(text: str, header: set[str]) -> bool:
    """Whether a line is known for what it is whatever the model says: boilerplate by its
    wording, or the headline or standfirst again."""
    return boilerplate.classify(text) is not None or boilerplate.fold(text).lower() in header


def site_name_of(guess: str | None, url: str) -> str:
    """trafilatura's site name, unless it is only the host name it fell back to, an address
    (a publisher's social-media page), a social-media handle ("Wday_" of "@Wday_") or the
    site's slogan."""
    parts = urlsplit(url)
    if not guess or guess in (parts.netloc, parts.hostname) or "://" in guess:
        return ""
    if "_" in guess or guess.startswith("@") or slogan(guess, url) or placeholder(guess, url):
        return ""
    return guess


def visible_date(blocks: list[Block]) -> datetime | None:
    """The first short line of the page that reads as a date: "By X | March 3, 2026 4:05 pm"."""
    return next(date_lines(blocks), None)


def date_lines(blocks: list[Block]) -> Iterator[datetime]:
    """The moments the page's short date lines name, in page order."""
    for block in blocks:
        line = block.text
        if 6 < len(line) <= 100:
            line = BYLINE_PREFIX.sub("", line)
            if when := parse_date_line(line):
                yield when


def read_furniture(tree: lxml_html.HtmlElement) -> Furniture:
    """Read the author box, reactions widget and counters, then cut them out of the tree.

    One walk of the tree: pages are read by the thousand, and each walk costs.
    """
    found = Furniture()
    doomed: list[_Element] = []
    boxed = Counters()  # two bare numbers in a box classed as counters: views, then comments
    loose = Counters()  # "1,234 views" and "12 comments" anywhere
    # The walk in C hands over only the elements whose marks or text can matter below.
    for node, marks, flags, text in furniture_candidates(
        tree, _furniture_marks, REACTIONS_HEADING, DIGIT
    ):
        if flags is not None:
            author_box, furniture, counter_box = flags
            if author_box and not found.author_bio:
                found.author_name, found.author_bio, found.author_url = _author_box(node)
                doomed.append(node)
            elif furniture and node.tag not in ("html", "body", "main", "article"):
                doomed.append(node)
            if boxed.views is None and counter_box:
                pair = re.fullmatch(rf"{COUNT}\s+{COUNT}", " ".join(node.text_content().split()))
                if pair:
                    boxed.views, boxed.comments = (_number(n) for n in pair.group(0).split()[:2])
        if text is None:
            continue
        if not found.reactions and REACTIONS_HEADING.match(text):
            widget = node.getparent() if node.getparent() is not None else node
            found.reactions = boilerplate.reactions_in([t for t in widget.itertext() if t.strip()])
            doomed.append(widget)
        # Counters sit on short lines, and every count has a digit.
        if len(line := " ".join(text.split())) <= 40 and DIGIT.search(line):
            _count_in(line, marks.lower(), loose)
    found.counters = boxed if boxed.views is not None else loose
    for node in doomed:
        parent = node.getparent()
        if parent is not None:
            parent.remove(node)
    return found


@lru_cache(maxsize=4096)
def _furniture_marks(marks: str) -> tuple[bool, bool, bool]:
    # Pages repeat the same class names on hundreds of elements. The patterns are matched in
    # lower case: faster than matching while ignoring case.
    marks = marks.lower()
    found = (AUTHOR_BOX.search(marks), FURNITURE.search(marks), COUNTER_BOX.search(marks))
    return tuple(m is not None for m in found)


def _count_in(text: str, marks: str, counters: Counters) -> None:
    """Views and comments from a short line such as "1.2k views" or a "views" box's number."""
    if counters.views is None and (m := VIEWS.search(text)):
        counters.views = _number(m.group(1))
    elif counters.views is None and "view" in marks and re.fullmatch(COUNT, text):
        counters.views = _number(text)
    if counters.comments is None and (m := COMMENTS.search(text)):
        counters.comments = _number(m.group(1))
    elif counters.comments is None and "comment" in marks and re.fullmatch(COUNT, text):
        counters.comments = _number(text)


def _author_box(node: _Element) -> tuple[str, str, str]:
    names = node.xpath(
        ".//*[@itemprop='name' or @rel='author' or contains(@class,'name')]"
        " | .//h2 | .//h3 | .//h4 | .//strong | .//b"
    )
    # Failing those, a short link is the name ("<a href=/users/x>Name</a> bio ...").
    names = names or [a for a in node.xpath(".//a") if 0 < len(a.text_content().split()) <= 5]
    texts = [" ".join(n.text_content().split()) for n in names]
    # An "About the author" heading names no one: the name is the next candidate, if any.
    texts = [t for t in texts if t and boilerplate.classify(t) != "about-author"]
    name = NAME_LEAD.sub("", texts[0]).strip() if texts else ""
    links = node.xpath(".//a[@href]/@href")
    paragraphs = [" ".join(p.text_content().split()) for p in node.xpath(".//p")]
    bio = " ".join(p for p in paragraphs if p and p != name)
    if not bio:
        bio = " ".join(node.text_content().split())
        bio = bio.removeprefix(name).strip() if name else bio
    bio = re.sub(r"^about the author\s*", "", bio, flags=re.IGNORECASE)
    return name, bio, links[0] if links else ""


def _number(text: str) -> int:
    text = text.strip().lower().replace(",", "")
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km").strip()) * scale)


def clean_body(
    body: _Element, title: str, teaser: str, author_bio: str
) -> tuple[list[str], str, list[str]]:
    """Paragraphs and HTML of trafilatura's body, with boilerplate blocks dropped."""
    paragraphs: list[str] = []
    parts: list[str] = []
    removed: list[str] = []
    header = header_lines(title, teaser)
    for block in body:
        if block.tag == "graphic":
            parts.append(_figure_html(block))
            continue
        text = block_text(block)
        if not text:
            continue
        kind = boilerplate.classify(text)
        if kind in boilerplate.PROMO_KINDS or kind == "original-credit":
            removed.append(text)
            continue
        if kind is not None or (author_bio and text in author_bio):
            continue
        if not paragraphs and is_header_line(text, header):
            continue
        paragraphs.extend(text.split("\n"))
        parts.append(_block_html(block, text))
    return paragraphs, "".join(parts), removed


def declared_body(text: str) -> _Element | None:
    """The articleBody a page declares, a paragraph a line; markup some pages put there is
    read for its text."""
    if "<" in text:
        try:
            text = lxml_html.fragment_fromstring(
                MARKUP_BREAKS.sub("\n\\g<0>", text), create_parent="div"
            ).text_content()
        except (ParserError, ValueError):
            return None
    else:
        text = html_escape.unescape(text)
    body = etree.Element("body")
    for line in text.splitlines():
        if line := " ".join(line.split()):
            etree.SubElement(body, "p").text = line
    return body if len(body) else None


def _longer(body: _Element | None, other: _Element | None) -> _Element | None:
    """Of two bodies, the one with more text; either where the other is None."""
    if body is None or other is None:
        return body if other is None else other
    return other if len(_words(other)) > len(_words(body)) else body


def _words(node: _Element) -> str:
    return " ".join("".join(node.itertext()).split())


def block_text(block: _Element) -> str:
    """A block's text; a table gives a line per row, a list a line per item, so that cells
    and items never run together into one word."""
    if block.tag == "table":
        rows = (" | ".join(_words(c) for c in row if c.tag == "cell") for row in block.iter("row"))
        return "\n".join(r for r in rows if r.strip(" |"))
    if block.tag == "list":
        return "\n".join(t for i in block if i.tag == "item" and (t := _words(i)))
    return _words(block)


STANDFIRST = re.compile(
    r"standfirst|\bdek\b|deck|sub-?title|subhead|summary|excerpt|teaser|intro|strapline|"
    r"description|lede|lead-?in|kicker",
    re.I,
)


def shows_standfirst(tree: lxml_html.HtmlElement, teaser: str) -> bool:
    """Whether the page prints its description as a standfirst of its own (a heading, an
    element classed as one, or the line right under the headline): then a first body block
    equal to it is that standfirst again.
    Pages whose description merely copies the first paragraph keep that paragraph."""
    wanted = boilerplate.fold(teaser).lower()
    opening = _opening(teaser)
    for node in tree.iter("p", "h2", "h3", "div", "span"):
        if _opening(node.text or "") != opening:
            continue  # cheap test first: text_content() walks the whole subtree
        if boilerplate.fold(" ".join(node.text_content().split())).lower() != wanted:
            continue
        marks = f"{node.get('class', '')} {node.get('id', '')}"
        before = node.getprevious()
        if node.tag in ("h2", "h3") or STANDFIRST.search(marks):
            return True
        if before is not None and before.tag == "h1":
            return True  # printed right under the headline, above byline and body
    return False


def _opening(text: str, size: int = 12) -> str:
    """The first `size` characters of a text with its spaces collapsed. Its first `size` words
    are enough for that: a long paragraph is not split whole."""
    return " ".join(text.split(None, size)[:size])[:size]


def is_header_line(text: str, header: set[str]) -> bool:
    """Above the first paragraph: the title, standfirst, kicker, byline or date line again."""
    if boilerplate.fold(text).lower() in header or BYLINE.match(text) or parse_date_line(text):
        return True
    # A kicker ("Storm Ilse", "football") is a short label with no sentence in it.
    ends = (".", "!", "?", '"', "”", "。", "！", "？", "」")
    return boilerplate.word_count(text) < 5 and not text.rstrip().endswith(ends)


def _figure_html(graphic: _Element) -> str:
    """A graphic of the body as a figure, with its caption and credit."""
    src, alt = (html_escape.escape(graphic.get(a) or "") for a in ("src", "alt"))
    caption, credit = (
        html_escape.escape(graphic.get(a) or "", quote=False) for a in ("title", "credit")
    )
    credit = f" <small>{credit}</small>" if credit else ""
    below = f"<figcaption>{caption}{credit}</figcaption>" if caption or credit else ""
    return f'<figure><img src="{src}" alt="{alt}" loading="lazy">{below}</figure>'


def _block_html(block: _Element, text: str) -> str:
    """trafilatura's block elements (head, list, quote, ...) as plain HTML; `text` is the
    block's block_text."""
    tag = TAG_TO_HTML.get(block.tag, "p")
    if tag == "ul":
        items = "".join(
            f"<li>{html_escape.escape(' '.join(''.join(i.itertext()).split()))}</li>"
            for i in block
            if i.tag == "item"
        )
        return f"<ul>{items}</ul>"
    if tag == "table":
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{html_escape.escape(_words(c), quote=False)}</td>"
                for c in row
                if c.tag == "cell"
            )
            + "</tr>"
            for row in block.iter("row")
        )
        return f"<table>{rows}</table>"
    inner = block.get("html") or html_escape.escape(text, quote=False)
    return f"<{tag}>{inner}</{tag}>"


def as_body(picked: list[Block], pictures: Sequence[Figure] = (), url: str = "") -> _Element:
    """The kept blocks in trafilatura's body markup (p, head, quote, list of items, table of
    rows of cells, graphic), so that one cleaning step serves both. Each of `pictures` goes
    before the block it stands before. A paragraph, heading or quote keeps its links (made
    absolute against `url`) and emphasis as its "html"."""
    body = etree.Element("body")
    group: _Element | None = None  # the list or table the previous block went into
    group_of: _Element | None = None  # the page element that list or table stands for
    row: _Element | None = None
    row_of: _Element | None = None
    placed = 0  # pictures put in so far
    captions = {i for p in pictures for i in p.within}
    for i, block in enumerate(picked):
        while placed < len(pictures) and pictures[placed].before <= i:
            _add_graphic(body, pictures[placed])
            group = group_of = None
            placed += 1
        if i in captions:
            continue
        if block.tag in ("li", "td", "th"):
            parent = block.element.getparent()
            container = parent.getparent() if block.tag != "li" and parent is not None else parent
            while block.tag != "li" and container is not None and container.tag != "table":
                container = container.getparent()
            if group is None or container is None or container is not group_of:
                group = etree.SubElement(body, "list" if block.tag == "li" else "table")
                group_of, row, row_of = container, None, None
            if block.tag == "li":
                etree.SubElement(group, "item").text = block.text
                continue
            if row is None or parent is not row_of:
                row, row_of = etree.SubElement(group, "row"), parent
            etree.SubElement(row, "cell").text = block.text
            continue
        group = group_of = None
        heading = block.tag in block_model.HEADINGS
        tag = "head" if heading else "quote" if block.tag == "blockquote" else "p"
        element = etree.SubElement(body, tag)
        element.text = block.text
        if (marked := inline_html(block, url)) is not None and "<" in marked:
            element.set("html", marked)
    for picture in pictures[placed:]:
        _add_graphic(body, picture)
    return body


def _add_graphic(body: _Element, picture: Figure) -> None:
    image = picture.image
    etree.SubElement(
        body, "graphic", src=image.url, alt=picture.alt, title=image.caption, credit=image.credit
    )


def confidence(article: ExtractedArticle, *, structured: bool, certainty: float) -> float:
    """How sure we are the body is the article: its length, as far as the block model was sure
    of what it kept and dropped, and a little the page's own say."""
    words = boilerplate.word_count(article.text)
    score = 0.15 if words < 30 else 0.4 if words < 80 else 0.7 if words < 150 else 0.85
    score *= certainty
    if structured:
        score += 0.1
    if article.title:
        score += 0.05
    return round(min(score, 1.0), 2)
