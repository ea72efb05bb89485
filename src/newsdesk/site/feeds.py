"""RSS 2.0 and Atom feeds of published articles: the whole site's, an outlet's, a story's and
a topic's."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.text import Truncator

from newsdesk.news.models import Article, Source, Story, Tag
from newsdesk.site import listings

FEED_SIZE = 50
SUMMARY_WORDS = 60


class LatestArticles(Feed):
    """The newest published articles, each with its teaser and the outlet it came from."""

    feed_type = Rss201rev2Feed

    def title(self) -> str:
        return settings.SITE_NAME

    def link(self) -> str:
        return reverse("front")

    def description(self) -> str:
        return f"The latest news from the outlets {settings.SITE_NAME} follows."

    def items(self) -> QuerySet[Article]:
        return listings.published().prefetch_related("tags")[:FEED_SIZE]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        summary = item.teaser or Truncator(item.body_text).words(SUMMARY_WORDS)
        return f"{summary} (From {item.source.name}.)"

    def item_pubdate(self, item: Article) -> datetime:
        return item.published_at

    def item_updateddate(self, item: Article) -> datetime:
        return item.updated_at

    def item_author_name(self, item: Article) -> str | None:
        return item.author.name if item.author else item.source.name

    def item_categories(self, item: Article) -> list[str]:
        return [tag.name for tag in item.tags.all()]


class LatestArticlesAtom(LatestArticles):
    feed_type = Atom1Feed
    subtitle = LatestArticles.description


class SourceArticles(LatestArticles):
    """One outlet's newest articles."""

    def get_object(self, request: HttpRequest, slug: str) -> Source:
        return get_object_or_404(Source, slug=slug)

    def title(self, obj: Source) -> str:
        return f"{obj.name} on {settings.SITE_NAME}"

    def link(self, obj: Source) -> str:
        return obj.get_absolute_url()

    def description(self, obj: Source) -> str:
        return f"The latest articles from {obj.name}."

    def items(self, obj: Source) -> QuerySet[Article]:
        return listings.published(obj.articles.all()).prefetch_related("tags")[:FEED_SIZE]


class SourceArticlesAtom(SourceArticles):
    feed_type = Atom1Feed
    subtitle = SourceArticles.description


class StoryArticles(LatestArticles):
    """A story's coverage, newest first: a reader follows an event as outlets report it."""

    def get_object(self, request: HttpRequest, pk: int) -> Story:
        return get_object_or_404(Story, pk=pk)

    def title(self, obj: Story) -> str:
        return f"{obj.headline} ({settings.SITE_NAME})"

    def link(self, obj: Story) -> str:
        return obj.get_absolute_url()

    def description(self, obj: Story) -> str:
        return f"Coverage of “{obj.headline}” from {obj.outlet_count} outlets."

    def items(self, obj: Story) -> QuerySet[Article]:
        return listings.published(obj.articles.all()).prefetch_related("tags")[:FEED_SIZE]


class StoryArticlesAtom(StoryArticles):
    feed_type = Atom1Feed
    subtitle = StoryArticles.description


class TagArticles(LatestArticles):
    """The newest articles filed under one topic."""

    def get_object(self, request: HttpRequest, slug: str) -> Tag:
        return get_object_or_404(Tag, slug=slug)

    def title(self, obj: Tag) -> str:
        return f"{obj.name} on {settings.SITE_NAME}"

    def link(self, obj: Tag) -> str:
        return obj.get_absolute_url()

    def description(self, obj: Tag) -> str:
        return f"The latest articles filed under {obj.name}."

    def items(self, obj: Tag) -> QuerySet[Article]:
        return listings.published(obj.articles.all()).prefetch_related("tags")[:FEED_SIZE]


class TagArticlesAtom(TagArticles):
    feed_type = Atom1Feed
    subtitle = TagArticles.description
