"""Sitemaps of the public pages, for search engines: articles, stories, outlets, authors and
topics."""

from __future__ import annotations

from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, QuerySet

from newsdesk.news.models import Article, Author, Source, Story, Tag


class ArticleSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self) -> QuerySet[Article]:
        return (
            Article.objects.filter(status=Article.Status.PUBLISHED)
            .only("pk", "slug", "updated_at")
            .order_by("-published_at", "-id")
        )

    def lastmod(self, item: Article) -> datetime:
        return item.updated_at


class StorySitemap(Sitemap):
    changefreq = "hourly"
    priority = 0.6

    def items(self) -> QuerySet[Story]:
        return Story.objects.filter(articles__status=Article.Status.PUBLISHED).distinct()

    def lastmod(self, item: Story) -> datetime:
        return item.last_updated_at


class ListingSitemap(Sitemap):
    """Outlet, author or topic pages that list published articles, last changed with the newest."""

    changefreq = "daily"
    priority = 0.4

    def __init__(self, model: type[Source] | type[Author] | type[Tag]) -> None:
        self.model = model

    def items(self) -> QuerySet:
        return (
            self.model.objects.filter(articles__status=Article.Status.PUBLISHED)
            .annotate(newest=Max("articles__updated_at"))
            .order_by("name", "pk")
        )

    def lastmod(self, item: Source | Author | Tag) -> datetime:
        return item.newest


SITEMAPS = {
    "articles": ArticleSitemap,
    "stories": StorySitemap,
    "sources": ListingSitemap(Source),
    "authors": ListingSitemap(Author),
    "tags": ListingSitemap(Tag),
}
