"""Keeping an extracted article: one record per article, found again by canonical URL or content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from newsdesk.extract.article import ExtractedArticle
from newsdesk.extract.sanitize import clean_html, paragraphs_to_html
from newsdesk.news import copies, stories
from newsdesk.news.models import (
    Appearance,
    Article,
    Attribution,
    Author,
    Feed,
    PageError,
    Source,
    Tag,
)
from newsdesk.news.pictures import shown_from_copies
from newsdesk.understand.duplicates import Signature, signature
from newsdesk.understand.urls import canonical_url, url_key

Outcome = Literal["new", "updated", "unchanged", "merged"]
STORE_LOCK = 0x6E657773  # the advisory lock save_article holds on PostgreSQL ("news")


@dataclass
class Hints:
    """What a feed entry said about the article, used where the page itself is silent."""

    title: str = ""
    author: str = ""
    published: datetime | None = None


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
    """When the article was published: the page's date, with its zone.

    A page that prints a time with no zone gets it from the feed when the feed gives the
    same moment (within a day: the feed may say it in UTC); else the configured zone.
    """
    when = extracted.published or hints.published or timezone.now()
    if timezone.is_naive(when):
        feed = hints.published
        if (
            feed is not None
            and timezone.is_aware(feed)
            and abs(feed.replace(tzinfo=None) - when) < timedelta(days=1)
        ):
            return feed
        when = timezone.make_aware(when, timezone.get_default_timezone())
    return when


@transaction.atomic
def save_article(
    extracted: ExtractedArticle, *, feed: Feed | None = None, hints: Hints | None = None
) -> tuple[Article, Outcome]:
    """Insert or update the article; views, reactions, comments and editors' choices are kept.

    The same article is found again by its address (any variant of its canonical URL),
    by its exact body, or by a body near enough to be a syndicated copy of it.
    """
    hints = hints or Hints()
    serialise_stores()
    canonical = canonical_url(extracted.url, extracted.canonical_url)
    sig = signature("\n".join(extracted.body))
    key = url_key(canonical)
    locked = Article.objects.select_for_update()
    existing = (
        (locked.filter(url_key=key).first() if key else None)
        or locked.filter(content_hash=sig.content_hash).first()
        or copies.find_copy(sig)
    )
    source = source_for(extracted, feed)
    when = published_at(extracted, hints)
    if (
        existing is not None
        and existing.source_id != source.pk
        and not takes_credit(extracted, source, when, existing)
    ):
        # Another outlet's copy: the original keeps the credit, the copy is noted.
        article, outcome = existing, "merged"
    else:
        took_over = existing is not None and existing.source_id != source.pk
        article, outcome = _write(existing, extracted, source, feed, hints, when, sig, canonical)
        if took_over:
            outcome = "merged"  # the original arrived after its copy, and took over
    Appearance.objects.update_or_create(
        url=extracted.url or article.canonical_url,
        defaults={"article": article, "source": source, "published_at": when},
    )
    if outcome == "new":
        stories.assign(article)
    elif article.story_id is not None and outcome != "unchanged":
        # Unchanged, the article still counts as it did, and another page of its own outlet
        # (the only appearance it may have gained) is no new outlet.
        stories.refresh(article.story)
    if article.source_id == source.pk:
        if outcome != "unchanged":
            record_attributions(article, extracted)
        record_tags(article, extracted.tags)  # an outlet may re-file an article it left as it was
    PageError.objects.filter(url__in={extracted.url, canonical} - {""}).delete()
    return article, outcome


def serialise_stores() -> None:
    """Hold every other process's save_article until this transaction ends: finding an
    article's copies and its story must see every article stored before it. SQLite's writers
    queue already (each transaction begins IMMEDIATE); PostgreSQL's take this lock."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [STORE_LOCK])


def record_attributions(article: Article, extracted: ExtractedArticle) -> None:
    """Keep who said what in rows of their own, so a speaker's quotes can be listed."""
    article.attributions.all().delete()
    known = full_names(article)
    rows = []
    for n, found in enumerate(extracted.attributions):
        speaker = (found.get("speaker") or "").strip()
        # "Dunn" here is the "Olav Dunn" other coverage of the story names in full.
        speaker = known.get(speaker.casefold(), speaker)[:300]
        rows.append(
            Attribution(
                article=article,
                position=n,
                kind=found.get("kind", "indirect"),
                text=found.get("text", ""),
                speaker=speaker,
                speaker_slug=slugify(speaker)[:300],
                speaker_role=(found.get("speaker_role") or "")[:300],
                cue=(found.get("cue") or "")[:60],
                according_to=(found.get("according_to") or "")[:300],
                says=found.get("says", True),
            )
        )
    Attribution.objects.bulk_create(rows)


MAX_TAGS = 12
MAX_TAG_LENGTH = 60  # longer "tags" are sentences stuffed into keywords


def record_tags(article: Article, names: list[str]) -> None:
    """File the article under the topics its page declares, one tag per spelling-blind slug."""
    wanted: dict[str, str] = {}
    for raw in names:
        name = " ".join(str(raw).split())
        slug = slugify(name, allow_unicode=True)
        if slug and len(name) <= MAX_TAG_LENGTH and slug not in wanted:
            wanted[slug] = name
        if len(wanted) == MAX_TAGS:
            break
    known = set(Tag.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    Tag.objects.bulk_create(
        [Tag(name=name, slug=slug) for slug, name in wanted.items() if slug not in known],
        ignore_conflicts=True,  # another worker may file the same new topic at once
    )
    article.tags.set(Tag.objects.filter(slug__in=wanted))


def full_names(article: Article) -> dict[str, str]:
    """Surname → full name of the people quoted elsewhere in the article's story."""
    if article.story_id is None:
        return {}
    names = (
        Attribution.objects.filter(article__story=article.story_id)
        .exclude(article=article)
        .values_list("speaker", flat=True)
        .distinct()
    )
    found: dict[str, str] = {}
    for name in names:
        words = name.split()
        if len(words) > 1 and words[0][:1].isupper():
            found.setdefault(words[-1].casefold(), name)
    return found


def names(credit: str, source: Source) -> bool:
    """Whether an "originally appeared in" credit names this outlet."""
    credit = credit.casefold().removeprefix("the ").strip()
    return bool(credit) and credit in {
        source.name.casefold().removeprefix("the ").strip(),
        source.domain.casefold(),
    }


def takes_credit(
    extracted: ExtractedArticle, source: Source, when: datetime, existing: Article
) -> bool:
    """Whether a newly read page, rather than the stored article, is the original.

    A copy that names its original ("this article originally appeared in X") settles it;
    otherwise the earlier publication is the original.
    """
    if names(extracted.original_credit, existing.source):
        return False
    if names(existing.extracted.get("original_credit") or "", source):
        return True
    return when < existing.published_at


def title_of(extracted: ExtractedArticle, hints: Hints) -> str:
    """The title an article is stored with."""
    return (extracted.title or hints.title).strip()[:500]


def _write(
    existing: Article | None,
    extracted: ExtractedArticle,
    source: Source,
    feed: Feed | None,
    hints: Hints,
    when: datetime,
    sig: Signature,
    canonical: str,
) -> tuple[Article, Outcome]:
    fields = {
        "source": source,
        "title": title_of(extracted, hints),
        "teaser": extracted.teaser.strip(),
        "body_html": clean_html(
            shown_from_copies(extracted.body_html, extracted.images)
            or paragraphs_to_html(extracted.body)
        ),
        "body_text": extracted.text,
        "image_url": extracted.image.url if extracted.image else "",
        "image_file": extracted.image.stored_as if extracted.image else "",
        "language": extracted.language[:16],
        "published_at": when,
        "confidence": extracted.confidence,
        "extracted": extracted.to_json(),
        "author": author_for(extracted, source, hints),
    }
    if existing is None:
        article = Article.objects.create(
            feed=feed,
            url=extracted.url or canonical,
            canonical_url=canonical or f"urn:sha256:{sig.content_hash}",
            url_key=url_key(canonical),
            content_hash=sig.content_hash,
            minhash=sig.minhash,
            shingle_count=sig.shingles,
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
    changed = article.content_hash != sig.content_hash or any(
        differs(article, name, value)
        for name, value in fields.items()
        if name not in ("extracted", "body_html", "body_text")
    )
    if changed:
        for name, value in fields.items():
            setattr(article, name, value)
        article.url = extracted.url or article.url
        if canonical and not Article.objects.filter(canonical_url=canonical).exists():
            # The original took over from its copy: it is known by its own address now.
            article.canonical_url, article.url_key = canonical, url_key(canonical)
        article.content_hash = sig.content_hash
        article.minhash, article.shingle_count = sig.minhash, sig.shingles
        article.slug = slugify(article.title)[:220] or "article"
        article.updated_at = timezone.now()
    article.fetched_at = timezone.now()
    # Unchanged, only the fetch time is written: the search index is left alone (its triggers
    # re-read an article whose title, teaser or text is written).
    article.save(update_fields=None if changed else ["fetched_at"])
    return article, "updated" if changed else "unchanged"


def differs(article: Article, name: str, value: object) -> bool:
    if name in ("source", "author"):
        # By id: comparing the related rows would read each one from the database.
        return getattr(article, f"{name}_id") != getattr(value, "pk", None)
    return getattr(article, name) != value


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
