"""A full-text index of the articles' title, teaser and body on PostgreSQL.

The text search configuration `newsdesk` is English stemming over words stripped of their
accents (the unaccent extension, where the server has it), as SQLite's FTS5 index reads them.
The index is on the weighted vector newsdesk.news.search queries, written out the same here.
"""

from django.db import DatabaseError, migrations, transaction

VECTOR = (
    "setweight(to_tsvector('newsdesk', coalesce(title, '')), 'A')"
    " || setweight(to_tsvector('newsdesk', coalesce(teaser, '')), 'B')"
    " || setweight(to_tsvector('newsdesk', coalesce(body_text, '')), 'C')"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        # A trusted extension: the database's owner may add it. Without it, accents count.
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        unaccent = True
    except DatabaseError:
        unaccent = False
    schema_editor.execute("CREATE TEXT SEARCH CONFIGURATION newsdesk (COPY = english)")
    if unaccent:
        schema_editor.execute(
            "ALTER TEXT SEARCH CONFIGURATION newsdesk ALTER MAPPING FOR hword, hword_part, word"
            " WITH unaccent, english_stem"
        )
    schema_editor.execute(f"CREATE INDEX news_article_search ON news_article USING gin (({VECTOR}))")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX news_article_search")
        schema_editor.execute("DROP TEXT SEARCH CONFIGURATION newsdesk")


class Migration(migrations.Migration):
    dependencies = [("news", "0007_tags_from_extracted")]

    operations = [migrations.RunPython(create, drop)]
