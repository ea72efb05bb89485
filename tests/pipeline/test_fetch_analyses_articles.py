"""A fetch analyses the articles it stores together, as each would be analysed alone, and an
article the analysis fails on costs only its own attributions."""

import pytest

import newsdesk.understand.attribution as attribution
from newsdesk.news.models import Article
from newsdesk.pipeline import poll_feeds


def stored_quotes(article: Article) -> list[str]:
    return list(article.attributions.order_by("position").values_list("text", flat=True))


@pytest.mark.django_db
def test_a_fetch_stores_what_each_article_says_alone(origin, feeds, fetcher):
    poll_feeds(feeds, fetcher)
    articles = [a for a in Article.objects.all() if a.attributions.exists()]
    assert articles
    for article in Article.objects.all():
        alone = attribution.analyse(article.body_text).attributions
        assert stored_quotes(article) == [a.text for a in alone], article.title


@pytest.mark.django_db
def test_an_article_the_analysis_fails_on_costs_only_its_own(origin, feeds, fetcher, monkeypatch):
    real = attribution.annotate_many
    broken = origin.catalog.articles[0].title

    def failing(articles, nlp=None):
        if any(a.title == broken for a in articles):
            raise RuntimeError("the parser gave up")
        return real(articles, nlp)

    monkeypatch.setattr(attribution, "annotate_many", failing)
    summary = poll_feeds(feeds, fetcher)
    assert summary.counts["failed"] == 0
    assert not Article.objects.get(title=broken).attributions.exists()
    assert Article.objects.exclude(title=broken).filter(attributions__isnull=False).exists()
