"""An install that stored articles before tags were kept has them filed on upgrade."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("news", "0006_search")]
AFTER = [("news", "0007_tags_from_extracted")]


@pytest.fixture
def executor():
    executor = MigrationExecutor(connection)
    yield executor
    # The other tests run on the newest schema.
    latest = MigrationExecutor(connection)
    latest.migrate(latest.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_stored_articles_are_filed_under_their_recorded_tags(executor):
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    source = old.get_model("news", "Source").objects.create(
        name="Harbour Post", slug="harbour-post", domain="harbour.example"
    )
    Article = old.get_model("news", "Article")
    for n, tags in enumerate([["Port Alder", "port alder", "Strikes"], [], ["Strikes"]]):
        Article.objects.create(
            source=source,
            canonical_url=f"https://harbour.example/{n}",
            content_hash=str(n),
            slug=f"a{n}",
            title=f"Article {n}",
            body_html="<p>Text.</p>",
            body_text="Text.",
            published_at=timezone.now(),
            extracted={"tags": tags},
        )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    filed = {
        a.title: sorted(t.name for t in a.tags.all())
        for a in new.get_model("news", "Article").objects.all()
    }
    assert filed == {
        "Article 0": ["Port Alder", "Strikes"],
        "Article 1": [],
        "Article 2": ["Strikes"],
    }
    assert new.get_model("news", "Tag").objects.count() == 2
