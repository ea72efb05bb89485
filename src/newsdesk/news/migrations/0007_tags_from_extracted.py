"""Articles stored before tags were kept are filed under the tags their extraction recorded."""

from django.db import migrations
from django.utils.text import slugify

# news.store.record_tags's rules as they stand here: a migration keeps its own copy, so that it
# does the same on every upgrade whatever the code becomes.
MAX_TAGS = 12
MAX_TAG_LENGTH = 60


def file_stored_articles(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    Tag = apps.get_model("news", "Tag")
    tags = {tag.slug: tag for tag in Tag.objects.all()}
    for article in Article.objects.only("pk", "extracted").iterator():
        wanted = {}
        for raw in (article.extracted or {}).get("tags") or []:
            name = " ".join(str(raw).split())
            slug = slugify(name, allow_unicode=True)
            if slug and len(name) <= MAX_TAG_LENGTH and slug not in wanted:
                wanted[slug] = name
            if len(wanted) == MAX_TAGS:
                break
        for slug, name in wanted.items():
            if slug not in tags:
                tags[slug] = Tag.objects.create(name=name, slug=slug)
        article.tags.set([tags[slug] for slug in wanted])


class Migration(migrations.Migration):
    dependencies = [("news", "0006_search")]

    operations = [migrations.RunPython(file_stored_articles, migrations.RunPython.noop)]
