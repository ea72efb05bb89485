"""Finding articles by their words: SQLite's FTS5 index where the database is SQLite, ranked
by BM25 with the title weighing most; elsewhere every word must appear in title, teaser or body.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

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


def _fts_match(found: list[str]) -> str:
    # Each word quoted, so that FTS5 reads none of it as an operator; the last one may be the
    # start of a word the reader is still typing.
    return " ".join(f'"{w}"' for w in found) + "*"


def _fts_ids(found: list[str]) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
            f"ORDER BY bm25({FTS_TABLE}, {', '.join(map(str, WEIGHTS))}) LIMIT {MAX_HITS}",
            [_fts_match(found)],
        )
        return [row[0] for row in cursor.fetchall()]


# Marks around the matched words, from characters no article uses, so that the text can be
# escaped as a whole and the marks made <mark> after.
OPEN, CLOSE = "\ue000", "\ue001"
SNIPPET_WORDS = 28


def snippets(query: str, ids: list[int]) -> dict[int, SafeString]:
    """Per article, the passage of its text where the query's words are, each one marked: what
    a reader scans to see why it matched. Only where the index can say (SQLite)."""
    found = words(query)
    if not found or not ids or connection.vendor != "sqlite":
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, snippet({FTS_TABLE}, 2, %s, %s, '…', {SNIPPET_WORDS}) "
            f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
            f"AND rowid IN ({', '.join(['%s'] * len(ids))})",
            [OPEN, CLOSE, _fts_match(found), *ids],
        )
        return {
            pk: mark_safe(escape(text).replace(OPEN, "<mark>").replace(CLOSE, "</mark>"))
            for pk, text in cursor.fetchall()
            if OPEN in text
        }
