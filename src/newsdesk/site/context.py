"""Template context shared by every page of the site: its name and the outlets for the header."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from newsdesk.news.models import Article, Source

HEADER_SOURCES = 8


def outlets() -> list[Source]:
    """Outlets with at least one published article, for the header's navigation."""
    published = Source.objects.filter(articles__status=Article.Status.PUBLISHED).distinct()
    return list(published.order_by("name")[:HEADER_SOURCES])


def site(request: HttpRequest) -> dict[str, object]:
    return {
        "site_name": settings.SITE_NAME,
        "comments_moderated": settings.COMMENTS_MODERATED,
        # A callable, so the query runs only when a template shows the outlets (not in the admin).
        "header_outlets": outlets,
    }
