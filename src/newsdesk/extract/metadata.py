"""Article metadata from a parsed page: JSON-LD first, then OpenGraph and meta tags, then markup."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, time
from urllib.parse import urljoin, urlsplit

import courlan
from dateutil import parser as dateparser
from lxml import html as lxml_html

from newsdesk.extract.dates import parse_date_line, zone

ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "blogposting",
    "reportagenewsarticle",
    "report",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "webpage",
    "liveblogposting",
}


@dataclass
class Metadata:
    title: str = ""
    description: str = ""
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    published_moments: list[datetime] = field(default_factory=list)  # declared, most trusted first
    shown_times: list[datetime] = field(default_factory=list)  # dates and times the page shows
    updated: datetime | None = None
    site_name: str = ""
    canonical_url: str = ""
    image: str = ""
    language: str = ""
    tags: list[str] = field(default_factory=list)
    structured: bool = False  # the page declares itself an article (JSON-LD or og:type)
    body: str = ""  # the article's text as its JSON-LD declares it (articleBody)


# The elements metadata is read from. They are gathered in one pass: every search of the tree
# reads all of its elements.
READ_TAGS = ("meta", "link", "script", "title", "h1", "time", "img")
# A page's only <h1> of this many words, sharing this share of its words with the declared
# title, is the headline as the page shows it.
REWORDED_MIN_WORDS = 3
REWORDED_SHARE = 0.15
WORD = re.compile(r"\w+")
TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")
# Bylines marked up as such; itemprop may name several properties ("author creator").
AUTHOR_NODES = (
    "//*[@rel='author' or contains(concat(' ', normalize-space(@itemprop), ' '), ' author ')]"
)
AUTHOR_NAME = ".//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' name ')]"
# What a byline prints before the name ("By", or a label such as "Text:"), what it may print
# after it (a date, a reading time, past a separator), and what no name holds.
BYLINE_LABEL = re.compile(r"^(by\s+|[^\W\d_]+\s*:\s*)", re.IGNORECASE)
BYLINE_END = re.compile(r"\s*[·|•–—]\s*")
BYLINE_NOT_NAME = re.compile(r"\d|@")
NAME_MAX_WORDS = 6


def read_metadata(tree: lxml_html.HtmlElement, url: str = "") -> Metadata:
    nodes: dict[str, list[lxml_html.HtmlElement]] = {tag: [] for tag in READ_TAGS}
    for node in tree.iter(*READ_TAGS):
        nodes[node.tag].append(node)
    meta = _meta_tags(nodes["meta"])
    ld, ld_dates = _json_ld_article(nodes["script"])
    base = url

    def first(*values: object) -> str:
        for value in values:
            if isinstance(value, str) and value.strip():
                return " ".join(value.split())
        return ""

    declared = [
        meta.get(key)
        for key in (
            "article:published_time",
            "og:published_time",
            "datepublished",
            "date",
            "pubdate",
            "dc.date",
            "dc.date.issued",
            "sailthru.date",
        )
    ]
    published = (
        _date(ld.get("datePublished")) or _date(first(*declared)) or _time_element(nodes["time"])
    )
    if published is not None and _day_only(published):
        # A day alone where another declaration gives that day's time too: the time is known.
        timed = (when for v in (*declared, *ld_dates) if (when := _date(v)) and not _day_only(when))
        published = next((when for when in timed if when.date() == published.date()), published)
    # Every moment the page declares, and the times it shows, for dates.in_page_zone.
    moments = [when for v in (ld.get("datePublished"), *declared) if (when := _date(v))]
    times = nodes["time"]
    shown = [when for when in moments if when.tzinfo is None]
    shown += [when for t in times if (when := _date(t.get("datetime")))]
    shown += [when for t in times if (when := parse_date_line(t.text_content()))]
    updated = _date(ld.get("dateModified")) or _date(
        first(meta.get("article:modified_time"), meta.get("og:updated_time"))
    )
    canonical = first(
        *(
            href
            for link in nodes["link"]
            if link.get("rel") == "canonical" and (href := link.get("href")) is not None
        ),
        meta.get("og:url"),
    )
    publisher = ld.get("publisher")
    keywords = first(meta.get("keywords"), meta.get("news_keywords"))
    tags = [
        t
        for node in nodes["meta"]
        if node.get("property") == "article:tag" and (t := node.get("content")) and t.strip()
    ]
    if not tags and keywords:
        tags = [t.strip() for t in keywords.split(",") if t.strip()]
    if not tags and isinstance(ld.get("keywords"), list | str):
        raw = ld["keywords"]
        tags = [
            t.strip() for t in (raw.split(",") if isinstance(raw, str) else raw) if str(t).strip()
        ]
    image = first(meta.get("og:image"), _ld_image(ld.get("image")), meta.get("twitter:image"))
    site_name = first(
        _unless_slogan(meta.get("og:site_name"), base),
        publisher.get("name") if isinstance(publisher, dict) else None,
        _unless_slogan(meta.get("application-name"), base),
        _titled_site_name(_text(nodes["title"]), base),
    ) or _logo_name(nodes["img"])
    declared = first(
        ld.get("headline"),
        meta.get("og:title"),
        meta.get("twitter:title"),
        _text(nodes["title"]),
    )
    return Metadata(
        title=headline(declared, [_text([h]) for h in nodes["h1"]], site_name, base),
        description=first(
            ld.get("description"),
            meta.get("og:description"),
            meta.get("description"),
            meta.get("twitter:description"),
        ),
        authors=_ld_authors(ld.get("author")) or _meta_authors(meta, tree),
        published=published,
        published_moments=[published, *moments] if published else [],
        shown_times=shown,
        updated=updated,
        site_name=site_name,
        canonical_url=urljoin(base, canonical) if canonical else "",
        image=urljoin(base, image) if image else "",
        language=first(tree.get("lang"), meta.get("og:locale"), meta.get("content-language"))
        .replace("_", "-")
        .split("-")[0]
        .lower(),
        tags=tags,
        structured=bool(ld) or meta.get("og:type", "").lower() == "article",
        body=body if isinstance(body := ld.get("articleBody"), str) else "",
    )


def headline(declared: str, h1s: list[str], site_name: str, url: str) -> str:
    """The headline as the page shows it: the declared title without the site's name tacked
    on ("… | MoreBikes"), or the page's own <h1> when that is the same headline or the one
    headline the page shows, worded otherwise."""
    title = html.unescape(html.unescape(declared)).strip()
    h1s = [h for h in (html.unescape(h).strip() for h in h1s) if h]
    for h1 in h1s:
        # The <h1> is the headline when the declared title is it plus the site's name.
        if title and (title.startswith(h1) or h1.startswith(title)) and len(h1) > 10:
            return h1
    shown = list(dict.fromkeys(h1s))
    if title and len(shown) == 1 and _reworded(shown[0], title):
        return shown[0]
    host = _host_name(url)
    names = {re.sub(r"\W", "", n) for n in (site_name.casefold(), host) if n}
    names.discard("")
    while names:
        cuts = list(TITLE_SEPARATOR.finditer(title))
        if not cuts:
            break
        tail = re.sub(r"\W", "", title[cuts[-1].end() :].casefold())
        if not tail or not any(n in tail or tail in n for n in names):
            break
        title = title[: cuts[-1].start()].rstrip()
    return title or (h1s[0] if h1s else "")


def _titled_site_name(title: str, url: str) -> str:
    """The site's name as the page's <title> ends with it ("… - CBS News", "… — www.wday.ru"),
    when it spells the host's name ("cbsnews.com") or is the host itself."""
    host = _host_name(url)
    cuts = list(TITLE_SEPARATOR.finditer(title))
    if not host or not cuts:
        return ""
    name = title[cuts[-1].end() :].strip()
    if placeholder(name, url):
        return ""
    if re.sub(r"\W", "", name.casefold()) == host:
        return name
    bare = re.sub(r"(?i)^www\.", "", name)
    return bare if bare.casefold() == _site_host(url) else ""


# Words a name in title case leaves in lower case.
FUNCTION_WORDS = frozenset(
    "a an and at by de del der des die du el et for in la le of on the und y".split()  # noqa: SIM905
)


def slogan(name: str | None, url: str) -> bool:
    """Whether a site-name tag holds the site's slogan ("Expert how-to for English Riders"):
    four words or more, some of them in lower case, none of them in the host's name."""
    words = re.findall(r"[\w'’-]+", name or "")
    host = _host_name(url)
    if len(words) < 4 or not host or any(len(w) > 2 and w.casefold() in host for w in words):
        return False
    return any(w[0].islower() and w.casefold() not in FUNCTION_WORDS for w in words)


def placeholder(name: str | None, url: str) -> bool:
    """Whether a site-name tag holds only a label of the host in front of its registered domain
    ("Hosted" on hosted.ap.org, "Blog" on blog.example.org): a template's default, no name."""
    folded = re.sub(r"\W", "", (name or "").casefold())
    if not folded or not url:
        return False
    host = _site_host(url).split(":")[0]
    if folded not in host.split("."):
        return False  # most names: no label of the host at all, so no need of its domain
    # Hosts the public-suffix list does not know ("wire.example") count from their last two labels.
    domain = courlan.extract_domain(url) or ".".join(host.split(".")[-2:])
    return folded in host.removesuffix(domain).split(".")


def _unless_slogan(name: str | None, url: str) -> str | None:
    return None if slogan(name, url) or placeholder(name, url) else name


# An image marked as a logo ("…/logo_cv.png", class="site-logo") names the site in its alt text,
# where that reads as a name: not "Logo", nor a handle such as "citizensvoice".
LOGO_NAME_MAX_WORDS = 6


def _logo_name(images: list[lxml_html.HtmlElement]) -> str:
    """The site's name as its logo gives it, for pages that declare none."""
    for img in images:
        marks = f"{img.get('src', '')} {img.get('class', '')} {img.get('id', '')}".lower()
        alt = " ".join((img.get("alt") or "").split())
        if (
            "logo" in marks
            and alt
            and "logo" not in alt.lower()
            and len(alt.split()) <= LOGO_NAME_MAX_WORDS
            and (" " in alt or not alt.islower())
        ):
            return alt
    return ""


def _site_host(url: str) -> str:
    """The host without "www.": "cbsnews.com" for https://www.cbsnews.com/…."""
    return urlsplit(url).netloc.lower().removeprefix("www.")


def _host_name(url: str) -> str:
    """The host's own name: "cbsnews" for https://www.cbsnews.com/…."""
    return _site_host(url).split(".")[0] if url else ""


def _reworded(h1: str, title: str) -> bool:
    """Whether a page's only <h1> is its headline worded otherwise than the declared title,
    as editors word one for search and sharing ("Michael Webb: Dramatic video shows rescue…"
    for "Video shows dramatic rescue…"): some words long, sharing some of the title's. A
    logo's or a section's <h1> shares none."""
    shown, declared = (set(WORD.findall(text.casefold())) for text in (h1, title))
    return len(shown) >= REWORDED_MIN_WORDS and len(shown & declared) >= REWORDED_SHARE * len(
        shown | declared
    )


def _meta_tags(metas: list[lxml_html.HtmlElement]) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in metas:
        if node.get("content") is None:
            continue
        key = (
            (
                node.get("property")
                or node.get("name")
                or node.get("itemprop")
                or node.get("http-equiv")
                or ""
            )
            .strip()
            .lower()
        )
        if key and key not in found:
            found[key] = node.get("content", "")
    return found


def _json_ld_article(scripts: list[lxml_html.HtmlElement]) -> tuple[dict, list[str]]:
    """The first article the page's JSON-LD declares, and every datePublished it declares (a
    page's WebPage item may give the time its Article item leaves out)."""
    article: dict = {}
    dates = []
    for script in scripts:
        if script.get("type") != "application/ld+json":
            continue
        try:
            data = json.loads(script.text_content() or "")
        except ValueError:
            continue
        for item in _ld_items(data):
            if isinstance(when := item.get("datePublished"), str):
                dates.append(when)
            if article:
                continue
            kinds = item.get("@type", [])
            kinds = [kinds] if isinstance(kinds, str) else kinds
            if any(str(k).lower() in ARTICLE_TYPES for k in kinds) and item.get("headline"):
                article = item
    return article, dates


def _day_only(when: datetime) -> bool:
    """Whether a moment is a day without its time: midnight, with no zone."""
    return when.tzinfo is None and when.time() == time.min


def _ld_items(data: object) -> list[dict]:
    if isinstance(data, list):
        return [item for entry in data for item in _ld_items(entry)]
    if isinstance(data, dict):
        return [data, *_ld_items(data.get("@graph", []))]
    return []


def _ld_authors(value: object) -> list[str]:
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() and not name.startswith("http"):
            names.append(" ".join(name.split()))
    return names


def _meta_authors(meta: dict[str, str], tree: lxml_html.HtmlElement) -> list[str]:
    raw = meta.get("author") or meta.get("article:author") or meta.get("dc.creator") or ""
    if raw and not raw.startswith("http"):
        return [" ".join(raw.split())]
    # The first byline in the page that reads as a name: later ones sign comments.
    for node in tree.xpath(AUTHOR_NODES):
        named = node.xpath(AUTHOR_NAME)
        text = " ".join((named[0] if named else node).text_content().split())
        name = byline_name(BYLINE_LABEL.sub("", text))
        if reads_as_name(name):
            return [name]
    return []


def byline_name(text: str) -> str:
    """The name in a byline, without what follows a separator ("Ida Lund · 4 March")."""
    return BYLINE_END.split(text.strip(), maxsplit=1)[0].strip(" ,")


def reads_as_name(text: str) -> bool:
    """Whether a byline's text can be a name: a few words, no digits or handles."""
    return (
        len(text) > 2 and len(text.split()) <= NAME_MAX_WORDS and not BYLINE_NOT_NAME.search(text)
    )


def _ld_image(value: object) -> str:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("url", "")
    return value if isinstance(value, str) else ""


def _time_element(times: list[lxml_html.HtmlElement]) -> datetime | None:
    for node in times:
        if when := _date(node.get("datetime")):
            return when
    return None


def _date(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return dateparser.isoparse(value.strip())
    except ValueError:
        try:
            return dateparser.parse(value.strip(), tzinfos=zone)
        except (ValueError, OverflowError):
            return None


def _text(nodes: list) -> str:
    return " ".join(nodes[0].text_content().split()) if nodes else ""
