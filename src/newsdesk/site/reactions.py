"""Reactions: one per visitor per article; choosing it again takes it back."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Count

from newsdesk.extract.article import REACTIONS
from newsdesk.news.models import Article, Reaction


def counts(article: Article) -> dict[str, int]:
    found = dict(article.reactions.values_list("kind").annotate(n=Count("id")))
    return {kind: found.get(kind, 0) for kind in REACTIONS}


def current(article: Article, visitor: str | None) -> str | None:
    if not visitor:
        return None
    return article.reactions.filter(visitor=visitor).values_list("kind", flat=True).first()


def react(article: Article, visitor: str, kind: str) -> str | None:
    """Set, switch or take back the visitor's reaction; returns the reaction now held."""
    if kind not in REACTIONS:
        raise ValueError(f"unknown reaction {kind!r}")
    try:
        with transaction.atomic():
            existing = (
                Reaction.objects.select_for_update()
                .filter(article=article, visitor=visitor)
                .first()
            )
            if existing is None:
                Reaction.objects.create(article=article, visitor=visitor, kind=kind)
                return kind
            if existing.kind == kind:
                existing.delete()
                return None
            existing.kind = kind
            existing.save(update_fields=["kind"])
            return kind
    except IntegrityError:
        # Two clicks raced to create the first reaction: the other one won, apply ours on top.
        return react(article, visitor, kind)
