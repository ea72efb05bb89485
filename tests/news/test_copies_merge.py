"""A syndicated copy, however dressed up, is one article with several appearances."""

import pytest
from rows import STRIKE, page

from newsdesk.news.models import Appearance, Article
from newsdesk.news.store import save_article

TITLE = "Dock strike ends after nine days"


@pytest.mark.django_db
def test_a_copy_with_a_promo_line_and_a_read_more_tail_merges_into_the_original():
    original, _ = save_article(page("harbour", "strike-ends", TITLE, STRIKE, 8))
    copy = page(
        "north",
        "port-alder-strike",
        TITLE + " | Northline",
        ["Get Northline alerts on your phone today.", *STRIKE, "Read more stories like this."],
        11,
    )
    merged, outcome = save_article(copy)
    assert outcome == "merged" and merged.pk == original.pk
    assert merged.source.name == "Harbour Post"
    assert Article.objects.count() == 1
    outlets = set(Appearance.objects.values_list("source__name", flat=True))
    assert outlets == {"Harbour Post", "Northline News"}


@pytest.mark.django_db
def test_a_truncated_copy_with_changed_quotes_and_spacing_merges():
    save_article(page("harbour", "strike-ends", TITLE, STRIKE, 8))
    cut = [p.replace("Sunday", "Sunday ") for p in STRIKE[:3]]
    _, outcome = save_article(page("wire", "dockers-back", TITLE, cut, 9))
    assert outcome == "merged"
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_another_article_about_the_same_event_is_kept_apart():
    save_article(page("harbour", "strike-ends", TITLE, STRIKE, 8))
    other = [
        "The transport minister welcomed the end of the Port Alder strike on Monday and "
        "promised a review of safety rules at every harbour in the country.",
        "Opposition parties said the government had waited too long to intervene while "
        "container ships queued outside the harbour for nine days.",
        "Exporters of fresh fish estimated their losses at several million crowns.",
    ]
    _, outcome = save_article(
        page("valley", "minister-welcomes", "Minister welcomes deal", other, 10)
    )
    assert outcome == "new"
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_the_outlet_a_copy_names_gets_the_credit_even_when_it_arrives_later():
    credited = page(
        "north",
        "strike-copy",
        TITLE,
        STRIKE,
        7,
        original_credit="Harbour Post",
    )
    save_article(credited)
    article, outcome = save_article(page("harbour", "strike-ends", TITLE, STRIKE, 8))
    assert outcome == "merged"
    assert article.source.name == "Harbour Post"
    assert article.url == "https://harbour.example/news/strike-ends"
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_amp_and_tracking_variants_of_the_address_are_the_same_article():
    save_article(page("harbour", "strike-ends", TITLE, STRIKE, 8))
    variant = page("harbour", "strike-ends", TITLE, [*STRIKE[:2], "A correction."], 8)
    variant.url = "https://www.harbour.example/news/strike-ends/amp/?utm_source=x"
    _, outcome = save_article(variant)
    assert outcome == "updated"
    assert Article.objects.count() == 1
