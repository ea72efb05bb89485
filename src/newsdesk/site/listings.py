"""What the listing pages show: published articles with their counters, in one query."""

from __future__ import annotations

from django.db.models import Count, IntegerField, Model, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from newsdesk.news.models import Article, Comment, Reaction


def count_per_article(model: type[Model], **filters: object) -> Coalesce:
    # A subquery per counter: joining comments and reactions together would multiply the rows.
    rows = (
        model.objects.filter(article=OuterRef("pk"), **filters)
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def published(queryset: QuerySet[Article] | None = None) -> QuerySet[Article]:
    """Published articles, newest first, with outlet, author and counters loaded."""
    queryset = queryset if queryset is not None else Article.objects.all()
    return (
        queryset.filter(status=Article.Status.PUBLISHED)
        .select_related("source", "author")
        .annotate(
            comment_count=count_per_article(Comment, approved=True),
            reaction_count=count_per_article(Reaction),
        )
        .order_by("-published_at", "-id")
    )


def coverage() -> QuerySet[Article]:
    """A story's published articles in the order they appeared, for its timeline."""
    return (
        Article.objects.filter(status=Article.Status.PUBLISHED)
        .select_related("source", "author")
        .order_by("published_at", "id")
    )


def front_page() -> QuerySet[Article]:
    """One entry per story: its newest published article, with the story's coverage loaded.

    Articles not yet grouped stand on their own.
    """
    newest = (
        Article.objects.filter(story=OuterRef("story"), status=Article.Status.PUBLISHED)
        .order_by("-published_at", "-id")
        .values("pk")[:1]
    )
    return (
        published()
        .filter(Q(story__isnull=True) | Q(pk=Subquery(newest)))
        .select_related("story")
        .prefetch_related(Prefetch("story__articles", queryset=coverage(), to_attr="coverage"))
    )
