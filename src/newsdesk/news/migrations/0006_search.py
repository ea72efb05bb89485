"""An FTS5 index of the articles' title, teaser and body on SQLite, kept by triggers."""

from django.db import migrations

COLUMNS = "title, teaser, body_text"
NEW = "new.id, new.title, new.teaser, new.body_text"
OLD = "old.id, old.title, old.teaser, old.body_text"
CREATE = [
    f"CREATE VIRTUAL TABLE news_article_fts USING fts5({COLUMNS}, content='news_article',"
    " content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER news_article_fts_insert AFTER INSERT ON news_article BEGIN"
    f" INSERT INTO news_article_fts(rowid, {COLUMNS}) VALUES ({NEW}); END",
    "CREATE TRIGGER news_article_fts_delete AFTER DELETE ON news_article BEGIN"
    f" INSERT INTO news_article_fts(news_article_fts, rowid, {COLUMNS})"
    f" VALUES ('delete', {OLD}); END",
    f"CREATE TRIGGER news_article_fts_update AFTER UPDATE OF {COLUMNS} ON news_article BEGIN"
    f" INSERT INTO news_article_fts(news_article_fts, rowid, {COLUMNS})"
    f" VALUES ('delete', {OLD});"
    f" INSERT INTO news_article_fts(rowid, {COLUMNS}) VALUES ({NEW}); END",
    "INSERT INTO news_article_fts(news_article_fts) VALUES ('rebuild')",
]
DROP = [
    "DROP TRIGGER news_article_fts_update",
    "DROP TRIGGER news_article_fts_delete",
    "DROP TRIGGER news_article_fts_insert",
    "DROP TABLE news_article_fts",
]


def run(statements):
    def apply(apps, schema_editor):
        # Other databases search without an index of their own (newsdesk.news.search).
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("news", "0005_tags")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
