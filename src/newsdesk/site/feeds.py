"""RSS 2.0 and Atom feeds of published articles: the whole site's, and an outlet's, a story's
or a topic's."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.text import Truncator

from newsdesk.news.models import Article, Source, Story, Tag
from newsdesk.site import listings

FEED_SIZE = 50
SUMMARY_WORDS = 60
RSS, ATOM = Rss201rev2Feed, Atom1Feed


class LatestArticles(Feed):
    """The newest published articles, each with its teaser and the outlet it came from."""

    def __init__(self, feed_type: type[SyndicationFeed] = RSS) -> None:
        self.feed_type = feed_type

    def title(self) -> str:
        return settings.SITE_NAME

    def link(self) -> str:
        return reverse("front")

    def description(self) -> str:
        return f"The latest news from the outlets {settings.SITE_NAME} follows."

    def subtitle(self) -> str:  # Atom's word for the description
        return self.description()

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


class ArticlesOf(LatestArticles):
    """The newest articles of one outlet, story or topic, named in the address."""

    def __init__(
        self, model: type[Model], title: str, about: str, feed_type: type[SyndicationFeed] = RSS
    ) -> None:
        super().__init__(feed_type)
        self.model, self.title_format, self.about = model, title, about

    def get_object(self, request: HttpRequest, **lookup: object) -> Model:
        found = get_object_or_404(self.model, **lookup)
        # A story or topic of held articles only is an editor's to see, its name included.
        if not found.articles.filter(status=Article.Status.PUBLISHED).exists():
            raise Http404("Nothing published.")
        return found

    def title(self, obj: Source | Story | Tag) -> str:
        return self.title_format.format(name=obj, site=settings.SITE_NAME)

    def link(self, obj: Source | Story | Tag) -> str:
        return obj.get_absolute_url()

    def description(self, obj: Source | Story | Tag) -> str:
        return self.about.format(name=obj)

    def subtitle(self, obj: Source | Story | Tag) -> str:
        return self.description(obj)

    def items(self, obj: Source | Story | Tag) -> QuerySet[Article]:
        return listings.published(obj.articles.all()).prefetch_related("tags")[:FEED_SIZE]


def of_source(feed_type: type[SyndicationFeed] = RSS) -> ArticlesOf:
    return ArticlesOf(Source, "{name} on {site}", "The latest articles from {name}.", feed_type)


def of_story(feed_type: type[SyndicationFeed] = RSS) -> ArticlesOf:
    # A reader follows an event as outlets report it.
    return ArticlesOf(Story, "{name} ({site})", "Coverage of “{name}”, newest first.", feed_type)


def of_tag(feed_type: type[SyndicationFeed] = RSS) -> ArticlesOf:
    return ArticlesOf(Tag, "{name} on {site}", "The latest articles filed under {name}.", feed_type)
