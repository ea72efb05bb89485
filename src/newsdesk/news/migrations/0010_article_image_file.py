"""Where newsdesk's copy of an article's lead picture is kept.

On SQLite, adding a column to the articles' table rebuilds it, which drops the triggers that keep
its search index (0006): they are made again, and the index rebuilt, after the change either
way.
"""

import importlib

from django.db import migrations, models

search = importlib.import_module("newsdesk.news.migrations.0006_search")
TRIGGERS = [statement for statement in search.CREATE if statement.startswith("CREATE TRIGGER")]
REMADE = [
    *(f"DROP TRIGGER IF EXISTS {s.split()[2]}" for s in TRIGGERS),
    *TRIGGERS,
    "INSERT INTO news_article_fts(news_article_fts) VALUES ('rebuild')",
]


class Migration(migrations.Migration):
    dependencies = [("news", "0009_attribution_says")]

    operations = [
        # Undone last: the column gone, the triggers are made again.
        migrations.RunPython(migrations.RunPython.noop, search.run(REMADE)),
        migrations.AddField(
            model_name="article",
            name="image_file",
            field=models.CharField(
                blank=True,
                help_text="newsdesk's copy of the lead picture, if made.",
                max_length=200,
            ),
        ),
        migrations.RunPython(search.run(REMADE), migrations.RunPython.noop),
    ]
