"""The extracted article: what every extractor returns and what `newsdesk extract` prints."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from urllib.parse import urlsplit

REACTIONS = ("like", "dislike", "love", "funny", "angry", "sad", "wow")


@dataclass
class Author:
    name: str
    bio: str = ""
    url: str = ""


@dataclass
class Image:
    url: str
    caption: str = ""
    credit: str = ""
    stored_as: str = ""  # the name of newsdesk's copy in its media storage, once made
    # The copy's size in pixels, where its bytes say: pages reserve its room before it loads.
    width: int | None = None
    height: int | None = None


@dataclass
class Counters:
    """Counters a page shows; None where the page shows none."""

    views: int | None = None
    comments: int | None = None


@dataclass
class ExtractedArticle:
    """A clean article read out of one page. Pure data: no database, no network."""

    title: str
    body: list[str] = field(default_factory=list)  # clean paragraphs, in order
    body_html: str = ""  # the same body with its structure, sanitised by extract.sanitize
    teaser: str = ""
    teaser_is_truncated: bool = False
    published: datetime | None = None  # aware when the page gives a zone, naive otherwise
    published_local: str | None = None  # as the page shows it, "YYYY-MM-DDTHH:MM"
    updated: datetime | None = None
    authors: list[Author] = field(default_factory=list)
    url: str = ""  # where the page was read from
    canonical_url: str = ""
    site_name: str = ""
    language: str = ""
    image: Image | None = None  # lead image
    images: list[Image] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    reactions_offered: list[str] = field(default_factory=list)
    counters: Counters = field(default_factory=Counters)
    inline_promos_removed: list[str] = field(default_factory=list)
    original_credit: str = ""  # "this article originally appeared in X", when the page says so
    format: str = "html"  # "html" or "text"
    confidence: float = 0.0  # 0..1, how sure the extractor is that body is the article
    # Filled by newsdesk.understand.attribution: who said what, and what the article names.
    attributions: list[dict] = field(default_factory=list)
    cited_outlets: list[str] = field(default_factory=list)
    entities: dict[str, list[dict]] = field(default_factory=dict)
    figures: list[dict] = field(default_factory=list)

    @property
    def author(self) -> Author | None:
        return self.authors[0] if self.authors else None

    @property
    def text(self) -> str:
        return "\n\n".join(self.body)

    def to_json(self) -> dict:
        """The stable JSON form documented in the README."""
        data = asdict(self)
        data["author"] = asdict(self.author) if self.author else None
        host = urlsplit(self.canonical_url or self.url).netloc
        data["source"] = {"name": self.site_name or host or None, "domain": host or None}
        for key in ("published", "updated"):
            value = getattr(self, key)
            data[key] = value.isoformat() if value else None
        order = [
            "title",
            "teaser",
            "teaser_is_truncated",
            "published",
            "published_local",
            "updated",
            "author",
            "authors",
            "body",
            "body_html",
            "reactions_offered",
            "counters",
            "site_name",
            "url",
            "canonical_url",
            "language",
            "image",
            "images",
            "tags",
            "inline_promos_removed",
            "original_credit",
            "format",
            "confidence",
            "attributions",
            "cited_outlets",
            "entities",
            "figures",
        ]
        return {key: data[key] for key in order}

    @classmethod
    def from_json(cls, data: dict) -> ExtractedArticle:
        """The article back from its JSON form (as a worker hands it on); derived fields such as
        `author` and `source` are left out, as they are made again."""
        values = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        values["authors"] = [Author(**a) for a in values.get("authors", [])]
        values["image"] = Image(**values["image"]) if values.get("image") else None
        values["images"] = [Image(**i) for i in values.get("images", [])]
        values["counters"] = Counters(**(values.get("counters") or {}))
        for key in ("published", "updated"):
            values[key] = datetime.fromisoformat(values[key]) if values.get(key) else None
        return cls(**values)
