"""The read-only JSON API: stories, articles, sources and authors, paginated by page number."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count, Max, Q, QuerySet
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from newsdesk.extract.article import REACTIONS
from newsdesk.news.models import Appearance, Article, Attribution, Author, Source, Story, Tag
from newsdesk.news.search import matching


def published() -> QuerySet[Article]:
    return (
        Article.objects.filter(status=Article.Status.PUBLISHED)
        .select_related("source", "author", "story")
        .annotate(comment_count=Count("comments", filter=Q(comments__approved=True), distinct=True))
        .prefetch_related("tags")
        .order_by("-published_at", "-id")
    )


def absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def article_summary(request: HttpRequest, article: Article) -> dict:
    return {
        "id": article.pk,
        "title": article.title,
        "teaser": article.teaser,
        "published": article.published_at.isoformat(),
        "updated": article.updated_at.isoformat(),
        "source": {
            "name": article.source.name,
            "url": absolute(request, article.source.get_absolute_url()),
        },
        "author": article.author.name if article.author else None,
        "original_url": article.url or None,
        "canonical_url": article.canonical_url,
        "image": request.build_absolute_uri(article.image) if article.image else None,
        "tags": [tag.name for tag in article.tags.all()],
        "story": (
            {
                "id": article.story.pk,
                "headline": article.story.headline,
                "api_url": absolute(request, f"/api/stories/{article.story.pk}"),
            }
            if article.story
            else None
        ),
        "views": article.views,
        "comments": article.comment_count,
        "url": absolute(request, article.get_absolute_url()),
        "api_url": absolute(request, f"/api/articles/{article.pk}"),
    }


def page_of(
    request: HttpRequest, queryset: QuerySet, render: Callable[[HttpRequest, Any], dict]
) -> JsonResponse:
    paginator = Paginator(queryset, settings.PAGE_SIZE)
    try:
        number = int(request.GET.get("page", "1"))
        page = paginator.page(number)
    except (ValueError, EmptyPage):
        return JsonResponse({"error": "no such page"}, status=404)
    return JsonResponse(
        {
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "next": page.next_page_number() if page.has_next() else None,
            "results": [render(request, item) for item in page.object_list],
        }
    )


@require_GET
def articles(request: HttpRequest) -> JsonResponse:
    queryset = published()
    if source := request.GET.get("source"):
        queryset = queryset.filter(source__slug=source)
    if author := request.GET.get("author"):
        queryset = queryset.filter(author__slug=author)
    if tag := request.GET.get("tag"):
        queryset = queryset.filter(tags__slug=tag)
    if query := request.GET.get("q", "").strip():
        queryset = matching(query, queryset)
    return page_of(request, queryset, article_summary)


@require_GET
def article(request: HttpRequest, pk: int) -> JsonResponse:
    found = get_object_or_404(published(), pk=pk)
    counts = dict(found.reactions.values_list("kind").annotate(n=Count("id")))
    data = article_summary(request, found)
    data.update(
        {
            "author": (
                {
                    "name": found.author.name,
                    "bio": found.author.bio,
                    "url": absolute(request, found.author.get_absolute_url()),
                }
                if found.author
                else None
            ),
            "language": found.language,
            "confidence": found.confidence,
            "body": found.extracted.get("body", []),
            "body_html": found.body_html,
            "reactions": {kind: counts.get(kind, 0) for kind in REACTIONS},
            "attributions": [attribution(request, a) for a in found.attributions.all()],
            "cited_outlets": found.extracted.get("cited_outlets") or [],
            "appearances": [
                {
                    "source": appearance.source.name,
                    "url": appearance.url,
                    "published": (
                        appearance.published_at.isoformat() if appearance.published_at else None
                    ),
                }
                for appearance in found.appearances.select_related("source")
            ],
            "extracted": found.extracted,
        }
    )
    return JsonResponse(data)


def source_summary(request: HttpRequest, source: Source) -> dict:
    return {
        "name": source.name,
        "slug": source.slug,
        "homepage": source.homepage or None,
        "articles": source.article_count,
        "url": absolute(request, source.get_absolute_url()),
    }


@require_GET
def sources(request: HttpRequest) -> JsonResponse:
    queryset = Source.objects.annotate(
        article_count=Count("articles", filter=Q(articles__status=Article.Status.PUBLISHED))
    ).order_by("name")
    return page_of(request, queryset, source_summary)


def author_summary(request: HttpRequest, author: Author) -> dict:
    return {
        "name": author.name,
        "slug": author.slug,
        "bio": author.bio,
        "source": author.source.name if author.source else None,
        "articles": author.article_count,
        "url": absolute(request, author.get_absolute_url()),
    }


@require_GET
def authors(request: HttpRequest) -> JsonResponse:
    queryset = (
        Author.objects.select_related("source")
        .annotate(
            article_count=Count("articles", filter=Q(articles__status=Article.Status.PUBLISHED))
        )
        .order_by("name")
    )
    return page_of(request, queryset, author_summary)


@require_GET
def tags(request: HttpRequest) -> JsonResponse:
    """Topics with published articles, the most used first."""
    queryset = (
        Tag.objects.annotate(
            article_count=Count("articles", filter=Q(articles__status=Article.Status.PUBLISHED))
        )
        .filter(article_count__gt=0)
        .order_by("-article_count", "name")
    )

    def render(request: HttpRequest, tag: Tag) -> dict:
        return {
            "name": tag.name,
            "slug": tag.slug,
            "articles": tag.article_count,
            "url": absolute(request, tag.get_absolute_url()),
            "api_url": absolute(request, f"/api/articles?tag={quote(tag.slug)}"),
        }

    return page_of(request, queryset, render)


def story_summary(request: HttpRequest, story: Story) -> dict:
    return {
        "id": story.pk,
        "headline": story.headline,
        "first_seen": story.first_seen_at.isoformat(),
        "last_updated": story.last_updated_at.isoformat(),
        "articles": story.article_count,
        "outlets": story.outlet_count,
        "url": absolute(request, story.get_absolute_url()),
        "api_url": absolute(request, f"/api/stories/{story.pk}"),
    }


def stories_with_news() -> QuerySet[Story]:
    return Story.objects.filter(articles__status=Article.Status.PUBLISHED).distinct()


@require_GET
def stories(request: HttpRequest) -> JsonResponse:
    return page_of(request, stories_with_news().order_by("-last_updated_at", "-id"), story_summary)


@require_GET
def story(request: HttpRequest, pk: int) -> JsonResponse:
    found = get_object_or_404(stories_with_news(), pk=pk)
    data = story_summary(request, found)
    timeline = published().filter(story=found).order_by("published_at", "id")
    copies = Appearance.objects.filter(article__story=found).select_related("source")
    data["outlet_names"] = sorted({a.source.name for a in copies})
    data["timeline"] = [article_summary(request, a) for a in timeline]
    rows = Attribution.objects.filter(article__in=timeline).select_related("article__source")
    data["citations"] = [
        {"outlet": row.article.source.name, **attribution(request, row)} for row in rows
    ]
    return JsonResponse(data)


def attribution(request: HttpRequest, row: Attribution) -> dict:
    return {
        "kind": row.kind,
        "text": row.text,
        "speaker": row.speaker or None,
        "speaker_role": row.speaker_role or None,
        "speaker_url": (
            absolute(request, f"/api/speakers/{row.speaker_slug}") if row.speaker_slug else None
        ),
        "cue": row.cue or None,
        "according_to": row.according_to or None,
        "says": row.says,
    }


@require_GET
def speakers(request: HttpRequest) -> JsonResponse:
    queryset = (
        Attribution.objects.filter(article__status=Article.Status.PUBLISHED)
        .exclude(speaker_slug="")
        .values("speaker_slug")
        .annotate(name=Max("speaker"), quotes=Count("id"), articles=Count("article", distinct=True))
        .order_by("-quotes", "speaker_slug")
    )

    def render(request: HttpRequest, row: dict) -> dict:
        return {
            "name": row["name"],
            "slug": row["speaker_slug"],
            "quotes": row["quotes"],
            "articles": row["articles"],
            "url": absolute(request, f"/speakers/{row['speaker_slug']}/"),
            "api_url": absolute(request, f"/api/speakers/{row['speaker_slug']}"),
        }

    return page_of(request, queryset, render)


@require_GET
def speaker(request: HttpRequest, slug: str) -> JsonResponse:
    rows = (
        Attribution.objects.filter(speaker_slug=slug, article__status=Article.Status.PUBLISHED)
        .select_related("article__source")
        .order_by("-article__published_at", "article_id", "position")
    )

    def render(request: HttpRequest, row: Attribution) -> dict:
        return {
            **attribution(request, row),
            "article": {
                "id": row.article.pk,
                "title": row.article.title,
                "source": row.article.source.name,
                "published": row.article.published_at.isoformat(),
                "api_url": absolute(request, f"/api/articles/{row.article.pk}"),
            },
        }

    if not rows.exists():
        return JsonResponse({"error": "nobody by that name is quoted"}, status=404)
    return page_of(request, rows, render)
