"""Finding articles by their words: SQLite's FTS5 index where the database is SQLite, ranked
by BM25 with the title weighing most; elsewhere every word must appear in title, teaser or body.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, When

from newsdesk.news.models import Article

WORD = re.compile(r"\w+")
MAX_WORDS = 12
MAX_HITS = 500
# BM25 weights of the indexed columns: title, teaser, body.
WEIGHTS = (10.0, 4.0, 1.0)
FTS_TABLE = "news_article_fts"


def words(query: str) -> list[str]:
    """The words of a reader's query; its punctuation and operators are no syntax to us."""
    return WORD.findall(query)[:MAX_WORDS]


def matching(query: str, articles: QuerySet[Article]) -> QuerySet[Article]:
    """The articles among `articles` that have every word of the query, best match first."""
    found = words(query)
    if not found:
        return articles.none()
    if connection.vendor == "sqlite":
        ids = _fts_ids(found)
        order = Case(
            *(When(pk=pk, then=rank) for rank, pk in enumerate(ids)), output_field=IntegerField()
        )
        return articles.filter(pk__in=ids).order_by(order)
    every = Q()
    for word in found:
        every &= Q(title__icontains=word) | Q(teaser__icontains=word) | Q(body_text__icontains=word)
    return articles.filter(every)


def _fts_ids(found: list[str]) -> list[int]:
    # Each word quoted, so that FTS5 reads none of it as an operator; the last one may be the
    # start of a word the reader is still typing.
    match = " ".join(f'"{w}"' for w in found) + "*"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
            f"ORDER BY bm25({FTS_TABLE}, {', '.join(map(str, WEIGHTS))}) LIMIT {MAX_HITS}",
            [match],
        )
        return [row[0] for row in cursor.fetchall()]
