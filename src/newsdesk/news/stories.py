"""Stories: each new article joins the best story or starts one; editors split and merge them.

The clusterer lives in the process. It is rebuilt on first use from editors' decisions and
the stories it would hold open, each replayed whole, and reads what other processes stored
before each assignment.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, Min
from django.utils.text import slugify

from newsdesk.news.models import Appearance, Article, Story, StoryDecision
from newsdesk.understand.embeddings import encoder, from_bytes, to_bytes
from newsdesk.understand.stories import Item, StoryClusterer

OPEN = 20_000  # stories held open for new articles; the one idle longest closes first

_lock = threading.Lock()
_clusterer = StoryClusterer(max_open=OPEN)
_seen = 0  # highest article id the clusterer holds
_decisions: tuple[int, int | None] = (0, None)  # editors' decisions it was built with
_encoded: dict[str, bytes] = {}  # stored form of the embeddings of titles about to be stored


def reset() -> None:
    """Forget the clusterer; the next assignment rebuilds it from the database."""
    global _clusterer, _seen, _decisions
    with _lock:
        _clusterer, _seen, _decisions = StoryClusterer(max_open=OPEN), 0, (0, None)


def item_for(article: Article) -> Item:
    return Item(
        key=str(article.pk),
        title=article.title,
        body=article.body_text,
        entities=entity_names(article.extracted or {}),
        outlet=article.source.name,
        published=article.published_at.timestamp(),
        embedding=from_bytes(bytes(article.title_embedding)),
    )


def entity_names(extracted: dict) -> tuple[str, ...]:
    """The people, organisations and places an article names, for the entity signal."""
    found = extracted.get("entities") or {}
    return tuple(
        entity["name"]
        for kind in ("person", "organization", "place")
        for entity in found.get(kind, [])
        if entity.get("name")
    )


def encode_titles(titles: Iterable[str]) -> None:
    """Encode the titles of the pages about to be stored in one batch, for `assign` to use:
    on one core the encoder takes about 11 ms a title in a batch and 38 ms for one alone."""
    if not settings.STORY_EMBEDDINGS:
        return
    wanted = sorted({t for t in titles if t})
    rows = encoder()(wanted) if wanted else []
    with _lock:
        _encoded.clear()
        _encoded.update((title, to_bytes(row)) for title, row in zip(wanted, rows, strict=True))


def _catch_up() -> None:
    global _clusterer, _seen, _decisions
    counted = StoryDecision.objects.aggregate(n=Count("id"), last=Max("id"))
    state = (counted["n"], counted["last"])
    if state != _decisions:
        # An editor moved articles: start again from what the database now says.
        _clusterer, _seen, _decisions = StoryClusterer(max_open=OPEN), 0, state
        for decision in StoryDecision.objects.select_related("story"):
            if decision.kind == StoryDecision.Kind.PIN:
                _clusterer.pin(str(decision.article_id), decision.story.key)
            else:
                _clusterer.forbid(str(decision.article_id), decision.story.key)
    rows = Article.objects.filter(pk__gt=_seen, story__isnull=False)
    if _seen == 0:
        # The stories a running clusterer holds open are those that took an article last;
        # older ones it has closed. Each is replayed whole, so none comes back cut in half.
        latest = Story.objects.annotate(last=Max("articles__pk")).filter(last__isnull=False)
        rows = rows.filter(story__in=latest.order_by("-last").values("pk")[:OPEN])
    rows = rows.select_related("source", "story").only(
        "pk",
        "title",
        "body_text",
        "extracted",
        "published_at",
        "title_embedding",
        "source__name",
        "story__key",
    )
    for article in rows.order_by("pk").iterator(chunk_size=2000):
        _clusterer.place(item_for(article), article.story.key)
        _seen = article.pk


def assign(article: Article) -> Story:
    """Put a newly stored article in its story, creating the story when it is the first."""
    global _seen
    if settings.STORY_EMBEDDINGS and not article.title_embedding:
        with _lock:
            encoded = _encoded.pop(article.title, None)
        # Stored rounded, and read back from the store, so a replay sees what this run saw.
        article.title_embedding = encoded or to_bytes(encoder()([article.title])[0])
        Article.objects.filter(pk=article.pk).update(title_embedding=article.title_embedding)
    with _lock:
        _catch_up()
        placed = _clusterer.assign(item_for(article))
        _seen = max(_seen, article.pk)
        headline = _clusterer.story(placed.story_id)
    story = Story.objects.filter(key=placed.story_id).first()
    if story is None:
        story = Story.objects.create(
            key=placed.story_id,
            headline=article.title,
            slug=slugify(article.title)[:220] or "story",
            first_seen_at=article.published_at,
            last_updated_at=article.published_at,
        )
    Article.objects.filter(pk=article.pk).update(story=story)
    article.story = story
    if placed.absorbed is not None:
        # Two stories met: the clusterer folded one into the other, and so does the store.
        Article.objects.filter(story__key=placed.absorbed).update(story=story)
        Story.objects.filter(key=placed.absorbed).delete()
    refresh(story, headline.headline if headline else "")
    return story


def refresh(story: Story, headline: str = "") -> None:
    """Recount a story's articles and outlets and its times; an empty story is deleted."""
    articles = story.articles.order_by("published_at", "pk")
    counted = articles.aggregate(n=Count("pk"), first=Min("published_at"), last=Max("published_at"))
    if not counted["n"]:
        story.delete()
        return
    story.article_count = counted["n"]
    story.first_seen_at, story.last_updated_at = counted["first"], counted["last"]
    story.outlet_count = (
        Appearance.objects.filter(article__story=story).values("source").distinct().count()
    )
    story.headline = headline or story.headline
    story.lead = articles.filter(title=story.headline).first() or articles.first()
    story.headline = story.lead.title
    story.slug = slugify(story.headline)[:220] or "story"
    story.save()


@transaction.atomic
def split(articles: list[Article]) -> Story:
    """Move these articles into a story of their own, and keep them out of their old ones."""
    articles = sorted(articles, key=lambda a: (a.published_at, a.pk))
    new = Story.objects.create(
        key=f"editor-{uuid.uuid4().hex[:16]}",
        headline=articles[0].title,
        slug=slugify(articles[0].title)[:220] or "story",
        first_seen_at=articles[0].published_at,
        last_updated_at=articles[-1].published_at,
    )
    old = {a.story for a in articles if a.story is not None}
    for article in articles:
        if article.story is not None:
            StoryDecision.objects.create(
                article=article, story=article.story, kind=StoryDecision.Kind.FORBID
            )
        StoryDecision.objects.create(article=article, story=new, kind=StoryDecision.Kind.PIN)
        article.story = new
        article.save(update_fields=["story"])
    for story in [*old, new]:
        refresh(story)
    reset()
    return new


@transaction.atomic
def merge(stories: list[Story]) -> Story:
    """Fold these stories into the one seen first; its articles stay together from now on."""
    stories = sorted(stories, key=lambda s: (s.first_seen_at, s.pk))
    kept = stories[0]
    for story in stories[1:]:
        for article in story.articles.all():
            StoryDecision.objects.create(article=article, story=kept, kind=StoryDecision.Kind.PIN)
        story.articles.update(story=kept)
        story.delete()
    refresh(kept)
    reset()
    return kept


def move(article: Article, story: Story | None, was: Story | None) -> None:
    """An editor set an article's story by hand: record it, and recount both stories."""
    if story is not None:
        StoryDecision.objects.create(article=article, story=story, kind=StoryDecision.Kind.PIN)
    if was is not None and was != story:
        StoryDecision.objects.create(article=article, story=was, kind=StoryDecision.Kind.FORBID)
    for touched in {s for s in (story, was) if s is not None}:
        refresh(touched)
    reset()
