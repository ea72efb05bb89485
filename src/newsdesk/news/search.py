"""Finding articles by their words, with the database's own full-text index: FTS5 on SQLite
(ranked by BM25), a GIN index of weighted text search vectors on PostgreSQL (ranked by
ts_rank); the title weighs most. Elsewhere every word must appear in title, teaser or body.

Chinese, Japanese and Korean write words without spaces between them, and both indexes take a
whole run of such text for one word: a word inside it is found by reading the text for it.
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
# PostgreSQL: the indexed vector, exactly as migration 0008 wrote it (else the index is not
# used), and ts_rank's weights for the D, C (body), B (teaser) and A (title) parts.
PG_CONFIG = "newsdesk"
PG_VECTOR = (
    "setweight(to_tsvector('newsdesk', coalesce(title, '')), 'A')"
    " || setweight(to_tsvector('newsdesk', coalesce(teaser, '')), 'B')"
    " || setweight(to_tsvector('newsdesk', coalesce(body_text, '')), 'C')"
)
PG_WEIGHTS = "{0, 0.1, 0.4, 1.0}"


# Han, kana and hangul: scripts whose words no space separates.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
SNIPPET_CHARS = 60  # of unspaced text either side of the first match


def words(query: str) -> list[str]:
    """The words of a reader's query; its punctuation and operators are no syntax to us."""
    return WORD.findall(query)[:MAX_WORDS]


def matching(query: str, articles: QuerySet[Article]) -> QuerySet[Article]:
    """The articles among `articles` that have every word of the query, best match first."""
    found = words(query)
    if not found:
        return articles.none()
    if connection.vendor in ("sqlite", "postgresql") and not _unspaced(found):
        ids = _fts_ids(found) if connection.vendor == "sqlite" else _pg_ids(found)
        order = Case(
            *(When(pk=pk, then=rank) for rank, pk in enumerate(ids)), output_field=IntegerField()
        )
        return articles.filter(pk__in=ids).order_by(order)
    every, in_title = Q(), Q()
    for word in found:
        every &= Q(title__icontains=word) | Q(teaser__icontains=word) | Q(body_text__icontains=word)
        in_title &= Q(title__icontains=word)
    # Articles with every word in the title first, the rest as they were ordered.
    first = Case(When(in_title, then=0), default=1, output_field=IntegerField())
    ordering = articles.query.order_by or Article._meta.ordering
    return articles.filter(every).order_by(first, *ordering)


def _unspaced(found: list[str]) -> bool:
    return any(UNSPACED.search(word) for word in found)


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


def _pg_query(found: list[str]) -> str:
    # Each word quoted as a lexeme, so that to_tsquery reads none of it as an operator; the last
    # one may be the start of a word.
    return " & ".join(f"'{w}'" for w in found) + ":*"


PG_SEARCH = (
    f"SELECT id FROM news_article, to_tsquery('{PG_CONFIG}', %s) query"
    f" WHERE ({PG_VECTOR}) @@ query"
    f" ORDER BY ts_rank('{PG_WEIGHTS}', {PG_VECTOR}, query) DESC, id DESC LIMIT {MAX_HITS}"
)


def _pg_ids(found: list[str]) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(PG_SEARCH, [_pg_query(found)])
        return [row[0] for row in cursor.fetchall()]


# Marks around the matched words, from characters no article uses, so that the text can be
# escaped as a whole and the marks made <mark> after.
OPEN, CLOSE = "\ue000", "\ue001"
# PostgreSQL's parser drops what looks like an HTML tag from a headline: "<" stands in as this.
LT = "\ue002"
SNIPPET_WORDS = 28
PG_HEADLINE = (
    f"StartSel={OPEN}, StopSel={CLOSE}, MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2},"
    " MaxFragments=1, FragmentDelimiter=…"
)


def snippets(query: str, ids: list[int]) -> dict[int, SafeString]:
    """Per article, the passage of its text where the query's words are, each one marked: what
    a reader scans to see why it matched. Only where the index can say (SQLite, PostgreSQL)."""
    found = words(query)
    if found and ids and _unspaced(found):
        return _read_snippets(found, ids)
    if not found or not ids or connection.vendor not in ("sqlite", "postgresql"):
        return {}
    listed = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"SELECT rowid, snippet({FTS_TABLE}, 2, %s, %s, '…', {SNIPPET_WORDS}) "
                f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid IN ({listed})",
                [OPEN, CLOSE, _fts_match(found), *ids],
            )
        else:
            cursor.execute(
                f"SELECT id, ts_headline('{PG_CONFIG}', replace(body_text, '<', %s),"
                f" to_tsquery('{PG_CONFIG}', %s), %s) FROM news_article WHERE id IN ({listed})",
                [LT, _pg_query(found), PG_HEADLINE, *ids],
            )
        rows = cursor.fetchall()
    return {pk: _marked(text.replace(LT, "<")) for pk, text in rows if OPEN in text}


def _marked(text: str) -> SafeString:
    """The passage escaped, its matched words (between OPEN and CLOSE) marked."""
    return mark_safe(escape(text).replace(OPEN, "<mark>").replace(CLOSE, "</mark>"))


def _read_snippets(found: list[str], ids: list[int]) -> dict[int, SafeString]:
    """Passages found by reading each body for the query's words, where no index can say."""
    pattern = re.compile("|".join(re.escape(w) for w in sorted(found, key=len, reverse=True)), re.I)
    passages = {}
    for pk, body in Article.objects.filter(pk__in=ids).values_list("pk", "body_text"):
        first = pattern.search(body)
        if first is None:
            continue
        start = max(first.start() - SNIPPET_CHARS, 0)
        end = min(first.end() + SNIPPET_CHARS, len(body))
        text = pattern.sub(lambda m: f"{OPEN}{m.group()}{CLOSE}", body[start:end])
        text = ("…" if start else "") + " ".join(text.split()) + ("…" if end < len(body) else "")
        passages[pk] = _marked(text)
    return passages
