"""Article pages, feeds and images of the demo outlets, each in its outlet's own style."""

from __future__ import annotations

import hashlib
import json
import textwrap
from datetime import datetime
from email.utils import format_datetime
from html import escape
from importlib import resources
from string import Template
from xml.sax.saxutils import escape as xml_escape

from newsdesk.origin.catalog import ArticleSpec, Catalog, Outlet

REACTIONS = ("like", "dislike", "love", "funny", "angry", "sad", "wow")


def stable_number(key: str, low: int, high: int) -> int:
    """A number that looks random but is the same every run."""
    digest = int(hashlib.sha256(key.encode()).hexdigest()[:8], 16)
    return low + digest % (high - low + 1)


def slug_of(name: str) -> str:
    return "-".join(name.lower().replace(".", "").split())


def template(outlet: Outlet) -> Template:
    text = (
        resources.files("newsdesk.origin")
        .joinpath("templates", outlet.template)
        .read_text(encoding="utf-8")
    )
    return Template(text)


def body_html(outlet: Outlet, article: ArticleSpec) -> str:
    parts = []
    for kind, text in article.layout():
        if kind == "p":
            parts.append(f"<p>{escape(text, quote=False)}</p>")
        elif kind == "promo":
            parts.append(outlet.promo_markup.format(text=escape(text, quote=False)))
        elif kind == "figure" and article.figure:
            parts.append(
                f'<figure class="photo"><img src="/images/{article.slug}-photo.svg"'
                f' alt="{escape(text)}" width="1200" height="630"><figcaption>'
                f'{escape(text, quote=False)} <span class="photo-credit">Photo:'
                f" {escape(article.figure[1], quote=False)}</span></figcaption></figure>"
            )
        else:
            parts.append(f"<p><em>{escape(text, quote=False)}</em></p>")
    return "\n".join(parts)


def reactions_html(outlet: Outlet, article: ArticleSpec) -> str:
    counts = {kind: stable_number(f"{article.key}/{kind}", 0, 9) for kind in REACTIONS}
    if outlet.slug == "harbour-post":
        return "".join(f"<li><button>{k} <span>{n}</span></button></li>" for k, n in counts.items())
    if outlet.slug == "northline":
        return "".join(
            f'<div class="rx-item"><img src="/images/{k}.svg" alt=""><span>{n}</span>'
            f"<p>{k}</p></div>"
            for k, n in counts.items()
        )
    return "".join(f'<a href="#" class="r">{k} {n}</a> ' for k, n in counts.items())


def related_html(outlet: Outlet, article: ArticleSpec) -> str:
    others = [a for a in outlet.articles if a.slug != article.slug][:3]
    return "".join(f'<li><a href="{outlet.path_of(a)}">{escape(a.title)}</a></li>' for a in others)


def json_ld(outlet: Outlet, article: ArticleSpec, url: str, image: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.teaser,
        "datePublished": article.published.isoformat(),
        "author": {"@type": "Person", "name": article.author},
        "publisher": {"@type": "Organization", "name": outlet.name},
        "image": [image],
        "mainEntityOfPage": url,
        "keywords": list(article.tags),
    }
    # "</" would end the script element early; JSON allows the escaped slash.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def article_page(
    catalog: Catalog, outlet: Outlet, article: ArticleSpec, bases: dict[str, str]
) -> str:
    base = bases[outlet.slug]
    url = base + outlet.path_of(article)
    canonical = url
    # The Daily Current points search engines at the original; Northline claims the copy.
    if article.republished_from and outlet.slug == "daily-current":
        original = catalog.article(article.republished_from)
        canonical = bases[original.outlet] + catalog.outlets[original.outlet].path_of(original)
    image = f"{base}/images/{article.slug}.svg"
    teaser_cut = article.teaser
    if article.republished_from and outlet.slug == "northline":
        words = " ".join(article.paragraphs[:2]).split()
        teaser_cut = " ".join(words[:45]) + " ..."
    values = {
        "title": escape(article.title),
        "teaser": escape(article.teaser),
        "teaser_cut": escape(teaser_cut),
        "kicker": escape(article.tags[0] if article.tags else "News"),
        "author": escape(article.author),
        "author_slug": slug_of(article.author),
        "author_bio": escape(article.author_bio),
        "published_iso": article.published.isoformat(),
        "date_long": escape(long_date(article.published)),
        "date_short": article.published.strftime("%b %-d, %Y - %H:%M"),
        "canonical": escape(canonical),
        "image": escape(image),
        "views": str(stable_number(article.key + "/views", 40, 4000)),
        "comments": str(stable_number(article.key + "/comments", 0, 40)),
        "body": body_html(outlet, article),
        "reactions": reactions_html(outlet, article),
        "related": related_html(outlet, article),
        "jsonld": json_ld(outlet, article, url, image),
        "tag_meta": "\n".join(
            f'<meta property="article:tag" content="{escape(t)}">' for t in article.tags
        ),
    }
    return template(outlet).substitute(values)


def long_date(when: datetime) -> str:
    hour = when.strftime("%I").lstrip("0")
    return f"{when.strftime('%B')} {when.day}, {when.year} {hour}:{when.strftime('%M %p').lower()}"


def home_page(outlet: Outlet) -> str:
    items = "".join(
        f'<li><a href="{outlet.path_of(a)}">{escape(a.title)}</a></li>'
        for a in sorted(outlet.articles, key=lambda a: a.published, reverse=True)
    )
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(outlet.name)}</title>"
        f'<link rel="alternate" href="{outlet.feed_path}"></head>'
        f"<body><h1>{escape(outlet.name)}</h1><ul>{items}</ul></body></html>"
    )


def feed(outlet: Outlet, base: str) -> tuple[bytes, str]:
    """The outlet's feed in its own format, newest first."""
    articles = sorted(outlet.articles, key=lambda a: a.published, reverse=True)
    if outlet.feed == "json":
        data = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": outlet.name,
            "home_page_url": base + "/",
            "feed_url": base + outlet.feed_path,
            "items": [
                {
                    "id": base + outlet.path_of(a),
                    "url": base + outlet.path_of(a),
                    "title": a.title,
                    "summary": a.teaser,
                    "date_published": a.published.isoformat(),
                    "authors": [{"name": a.author}],
                    "tags": list(a.tags),
                }
                for a in articles
            ],
        }
        return json.dumps(data, ensure_ascii=False).encode(), "application/feed+json"
    if outlet.feed == "atom":
        entries = "".join(
            f"<entry><title>{xml_escape(a.title)}</title><id>{base}{outlet.path_of(a)}</id>"
            f'<link rel="alternate" type="text/html" href="{base}{outlet.path_of(a)}"/>'
            f"<published>{a.published.isoformat()}</published>"
            f"<updated>{(a.updated or a.published).isoformat()}</updated>"
            f"<author><name>{xml_escape(a.author)}</name></author>"
            f"<summary>{xml_escape(a.teaser)}</summary></entry>"
            for a in articles
        )
        updated = max(a.updated or a.published for a in articles).isoformat()
        xml = (
            '<?xml version="1.0" encoding="utf-8"?>'
            f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{xml_escape(outlet.name)}</title>'
            f'<id>{base}/</id><link rel="self" href="{base}{outlet.feed_path}"/>'
            f'<link rel="alternate" href="{base}/"/><updated>{updated}</updated>{entries}</feed>'
        )
        return xml.encode("utf-8"), "application/atom+xml; charset=utf-8"
    items = "".join(
        f"<item><title>{xml_escape(a.title)}</title><link>{base}{outlet.path_of(a)}</link>"
        f'<guid isPermaLink="true">{base}{outlet.path_of(a)}</guid>'
        f"<pubDate>{format_datetime(a.published)}</pubDate>"
        f"<dc:creator>{xml_escape(a.author)}</dc:creator>"
        f"<description>{xml_escape(a.teaser)}</description></item>"
        for a in articles
    )
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{xml_escape(outlet.name)}</title><link>{base}/</link>"
        f"<description>Latest from {xml_escape(outlet.name)}</description>{items}</channel></rss>"
    )
    return xml.encode("utf-8"), "application/rss+xml; charset=utf-8"


def image_svg(label: str) -> bytes:
    """A small lead image drawn from the slug, so every article has its own picture."""
    hue = stable_number(label, 0, 359)
    # Cut at a word, to the width the picture has room for.
    text = escape(textwrap.shorten(label.replace("-", " "), 44, placeholder=" …"))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">'
        f'<rect width="1200" height="630" fill="hsl({hue},45%,35%)"/>'
        f'<circle cx="980" cy="160" r="120" fill="hsl({(hue + 40) % 360},60%,60%)" opacity=".6"/>'
        f'<text x="60" y="560" font-family="sans-serif" font-size="44" fill="#fff">{text}</text>'
        f"</svg>"
    ).encode()
