"""Keeping an extracted article: one record per article, found again by canonical URL or content."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from newsdesk.extract.article import ExtractedArticle
from newsdesk.extract.sanitize import clean_html, paragraphs_to_html
from newsdesk.news.models import Appearance, Article, Author, Feed, PageError, Source

Outcome = Literal["new", "updated", "unchanged", "merged"]


@dataclass
class Hints:
    """What a feed entry said about the article, used where the page itself is silent."""

    title: str = ""
    author: str = ""
    published: datetime | None = None


def content_hash(paragraphs: list[str]) -> str:
    """Hash of the body with whitespace and case folded, so re-flowed copies hash alike."""
    folded = re.sub(r"\s+", " ", " ".join(paragraphs)).strip().lower()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def host_of(url: str) -> str:
    host = urlsplit(url).netloc.lower()
    return host.removeprefix("www.")


def unique_slug(model: type, base: str, **exclude: object) -> str:
    base = slugify(base)[:180] or "untitled"
    slug, n = base, 1
    while model.objects.filter(slug=slug).exclude(**exclude).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def source_for(extracted: ExtractedArticle, feed: Feed | None) -> Source:
    """The outlet whose page was read: the feed's source, else the page's host or site name."""
    if feed is not None and feed.source is not None:
        return feed.source
    page_url = extracted.url or extracted.canonical_url
    domain = host_of(page_url) if page_url else ""
    if not domain:
        # A saved page with no address: the site name it shows is all there is to go on.
        domain = f"saved:{slugify(extracted.site_name) or 'unknown'}"
    name = extracted.site_name or (feed.title if feed is not None else "") or domain
    source = Source.objects.filter(domain=domain).first()
    if source is None:
        homepage = f"{urlsplit(page_url).scheme}://{urlsplit(page_url).netloc}/" if page_url else ""
        source = Source.objects.create(
            name=name, slug=unique_slug(Source, name), domain=domain, homepage=homepage
        )
    elif name != domain and source.name == source.domain:
        source.name = name
        source.save(update_fields=["name"])
    if feed is not None and feed.source is None:
        feed.source = source
        feed.save(update_fields=["source"])
    return source


def author_for(extracted: ExtractedArticle, source: Source, hints: Hints) -> Author | None:
    found = extracted.author
    name = (found.name if found else hints.author).strip()
    if not name:
        return None
    bio = found.bio.strip() if found else ""
    # The same name at the same outlet is the same person; across outlets it may not be.
    author = Author.objects.filter(name=name, source=source).first()
    if author is None:
        return Author.objects.create(
            name=name,
            slug=unique_slug(Author, name),
            bio=bio,
            url=found.url if found else "",
            source=source,
        )
    if bio and bio != author.bio:
        author.bio = bio
        author.save(update_fields=["bio"])
    return author


def published_at(extracted: ExtractedArticle, hints: Hints) -> datetime:
    when = extracted.published or hints.published or timezone.now()
    if timezone.is_naive(when):
        when = timezone.make_aware(when, timezone.get_default_timezone())
    return when


@transaction.atomic
def save_article(
    extracted: ExtractedArticle, *, feed: Feed | None = None, hints: Hints | None = None
) -> tuple[Article, Outcome]:
    """Insert or update the article; views, reactions, comments and editors' choices are kept."""
    hints = hints or Hints()
    canonical = extracted.canonical_url or extracted.url
    digest = content_hash(extracted.body)
    existing = (
        Article.objects.select_for_update().filter(canonical_url=canonical).first()
        if canonical
        else None
    ) or Article.objects.select_for_update().filter(content_hash=digest).first()

    source = source_for(extracted, feed)
    when = published_at(extracted, hints)
    if existing is not None and existing.source_id != source.pk and when >= existing.published_at:
        # Another outlet's later copy: the earlier article keeps the credit, the copy is noted.
        article, outcome = existing, "merged"
    else:
        took_over = existing is not None and existing.source_id != source.pk
        article, outcome = _write(existing, extracted, source, feed, hints, digest, canonical)
        if took_over:
            outcome = "merged"  # the earlier publication arrived after its copy, and took over
    Appearance.objects.update_or_create(
        url=extracted.url or article.canonical_url,
        defaults={"article": article, "source": source, "published_at": when},
    )
    PageError.objects.filter(url__in={extracted.url, canonical} - {""}).delete()
    return article, outcome


def _write(
    existing: Article | None,
    extracted: ExtractedArticle,
    source: Source,
    feed: Feed | None,
    hints: Hints,
    digest: str,
    canonical: str,
) -> tuple[Article, Outcome]:
    fields = {
        "source": source,
        "title": (extracted.title or hints.title).strip()[:500],
        "teaser": extracted.teaser.strip(),
        "body_html": clean_html(extracted.body_html or paragraphs_to_html(extracted.body)),
        "body_text": extracted.text,
        "image_url": extracted.image.url if extracted.image else "",
        "language": extracted.language[:16],
        "published_at": published_at(extracted, hints),
        "confidence": extracted.confidence,
        "extracted": extracted.to_json(),
        "author": author_for(extracted, source, hints),
    }
    if existing is None:
        article = Article.objects.create(
            feed=feed,
            url=extracted.url or canonical,
            canonical_url=canonical or f"urn:sha256:{digest}",
            content_hash=digest,
            slug=slugify(fields["title"])[:220] or "article",
            status=(
                Article.Status.PUBLISHED
                if extracted.confidence >= settings.PUBLISH_MIN_CONFIDENCE
                else Article.Status.REVIEW
            ),
            **fields,
        )
        return article, "new"
    article = existing
    # The body is compared by hash, so re-flowed whitespace is no change.
    changed = article.content_hash != digest or any(
        getattr(article, name) != value
        for name, value in fields.items()
        if name not in ("extracted", "body_html", "body_text")
    )
    if changed:
        for name, value in fields.items():
            setattr(article, name, value)
        article.url = extracted.url or article.url
        article.content_hash = digest
        article.slug = slugify(article.title)[:220] or "article"
        article.updated_at = timezone.now()
    article.fetched_at = timezone.now()
    article.save()
    return article, "updated" if changed else "unchanged"


def record_error(url: str, stage: str, error: str, feed: Feed | None = None) -> PageError:
    """Remember a page that failed, so it is shown to editors and tried again next time."""
    page_error, created = PageError.objects.get_or_create(
        url=url, defaults={"stage": stage, "error": error, "feed": feed}
    )
    if not created:
        page_error.stage = stage
        page_error.error = error
        page_error.attempts += 1
        page_error.last_attempt_at = timezone.now()
        page_error.save()
    return page_error
