"""The demo outlets and their articles, with the clean truth a careful editor would keep.

Each outlet is one JSON file in data/. A republished copy names its original
("outlet/slug") and takes its text from it; the copy's outlet adds its own promo lines, and
sometimes an "originally appeared in" line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class ArticleSpec:
    outlet: str  # outlet slug
    slug: str
    title: str
    teaser: str
    author: str
    author_bio: str
    published: datetime
    paragraphs: tuple[str, ...]  # the clean body
    promos: tuple[str, ...]  # inline promo lines the page puts between paragraphs
    event: str
    tags: tuple[str, ...]
    republished_from: str | None = None  # "outlet/slug" of the original
    credit: str = ""  # the "originally appeared in" line, when the page has one
    updated: datetime | None = None
    figure: tuple[str, str] | None = None  # a photo's caption and credit, after paragraph two

    @property
    def key(self) -> str:
        return f"{self.outlet}/{self.slug}"

    def layout(self) -> list[tuple[str, str]]:
        """The body as the page shows it: ("p", text), ("promo", text) and ("figure",
        caption), then the credit."""
        blocks: list[tuple[str, str]] = [("p", text) for text in self.paragraphs]
        for i, promo in enumerate(self.promos):
            position = min(2 + 3 * i, len(blocks) - 1) + i
            blocks.insert(position, ("promo", promo))
        if self.figure:
            second = [i for i, (kind, _) in enumerate(blocks) if kind == "p"][1]
            blocks.insert(second + 1, ("figure", self.figure[0]))
        if self.credit:
            blocks.append(("credit", self.credit))
        return blocks


@dataclass
class Outlet:
    slug: str
    name: str
    feed: str  # "rss", "atom" or "json"
    template: str
    charset: str
    promo_markup: str
    promos: list[str]
    authors: dict[str, str]
    article_path: str = "/news/{slug}"
    private: list[dict] = field(default_factory=list)
    articles: list[ArticleSpec] = field(default_factory=list)

    @property
    def feed_path(self) -> str:
        return {"rss": "/rss.xml", "atom": "/atom.xml", "json": "/feed.json"}[self.feed]

    def path_of(self, article: ArticleSpec) -> str:
        return self.article_path.format(
            slug=article.slug, year=article.published.year, month=f"{article.published.month:02d}"
        )


@dataclass
class Catalog:
    outlets: dict[str, Outlet]

    @property
    def articles(self) -> list[ArticleSpec]:
        return [article for outlet in self.outlets.values() for article in outlet.articles]

    def article(self, key: str) -> ArticleSpec:
        outlet, slug = key.split("/", 1)
        return next(a for a in self.outlets[outlet].articles if a.slug == slug)


@cache
def load_catalog() -> Catalog:
    """Read every outlet's data file; copies are resolved against their originals."""
    raw = {
        path.name.removesuffix(".json"): json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(resources.files("newsdesk.origin").joinpath("data").iterdir())
        if path.name.endswith(".json")
    }
    outlets = {
        slug: Outlet(
            slug=slug,
            name=data["name"],
            feed=data["feed"],
            template=data["template"],
            charset=data["charset"],
            promo_markup=data["promo_markup"],
            promos=data["promos"],
            authors=data["authors"],
            article_path=data.get("article_path", "/news/{slug}"),
            private=data.get("private", []),
        )
        for slug, data in raw.items()
    }
    originals = {
        f"{slug}/{entry['slug']}": _original(outlets[slug], entry)
        for slug, data in raw.items()
        for entry in data["articles"]
        if "republish_of" not in entry
    }
    for slug, data in raw.items():
        outlet = outlets[slug]
        for entry in data["articles"]:
            if "republish_of" in entry:
                outlet.articles.append(
                    _copy(outlet, entry, originals[entry["republish_of"]], outlets)
                )
            else:
                outlet.articles.append(originals[f"{slug}/{entry['slug']}"])
    return Catalog(outlets=outlets)


def _promos(outlet: Outlet, paragraphs: int) -> tuple[str, ...]:
    # Short articles get one promo, longer ones both: as on real sites, ads follow length.
    return tuple(outlet.promos[: 1 if paragraphs < 5 else 2])


def _original(outlet: Outlet, entry: dict) -> ArticleSpec:
    return ArticleSpec(
        outlet=outlet.slug,
        slug=entry["slug"],
        title=entry["title"],
        teaser=entry["teaser"],
        author=entry["author"],
        author_bio=outlet.authors[entry["author"]],
        published=datetime.fromisoformat(entry["published"]),
        paragraphs=tuple(entry["paragraphs"]),
        promos=_promos(outlet, len(entry["paragraphs"])),
        event=entry["event"],
        tags=tuple(entry.get("tags", [])),
        updated=datetime.fromisoformat(entry["updated"]) if entry.get("updated") else None,
        figure=(figure["caption"], figure["credit"]) if (figure := entry.get("figure")) else None,
    )


def _copy(
    outlet: Outlet, entry: dict, original: ArticleSpec, outlets: dict[str, Outlet]
) -> ArticleSpec:
    author = entry.get("author", original.author)
    bio = outlet.authors.get(author) or original.author_bio
    credit = (
        f"This article originally appeared in {outlets[original.outlet].name}."
        if entry.get("credit")
        else ""
    )
    return ArticleSpec(
        outlet=outlet.slug,
        slug=entry["slug"],
        title=original.title,
        teaser=original.teaser,
        author=author,
        author_bio=bio,
        published=datetime.fromisoformat(entry["published"]),
        paragraphs=original.paragraphs,
        promos=_promos(outlet, len(original.paragraphs)),
        event=original.event,
        tags=original.tags,
        republished_from=original.key,
        credit=credit,
        figure=original.figure,
    )
