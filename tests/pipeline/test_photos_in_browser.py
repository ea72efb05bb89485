"""In a real browser, a photo of an imported article shows in place, with caption and credit."""

import pytest

from newsdesk.news.models import Appearance
from newsdesk.pipeline import poll_feeds


@pytest.mark.django_db(transaction=True)
def test_a_photo_shows_in_place_on_the_article_page(origin, feeds, fetcher, live_server, browser):
    poll_feeds(feeds, fetcher)
    spec = next(s for s in origin.catalog.articles if s.figure and not s.republished_from)
    article = Appearance.objects.get(url=origin.url_of(spec.key)).article
    page = browser.new_page()
    page.goto(live_server.url + article.get_absolute_url())

    figure = page.locator(".body figure")
    assert figure.count() == 1
    caption, credit = spec.figure
    assert figure.locator("figcaption").text_content() == f"{caption} {credit}"
    # Between the second and third paragraphs, as on the outlet's page.
    after = page.evaluate(
        "() => [...document.querySelectorAll('.body > *')].map(e => e.tagName).join(' ')"
    )
    assert after.startswith("P P FIGURE P")
    # The picture itself loads from newsdesk's copy, not the outlet, once it scrolls into view.
    figure.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('.body figure img').naturalWidth > 0")
    shown = page.evaluate("document.querySelector('.body figure img').currentSrc")
    assert shown.startswith(live_server.url + "/media/pictures/")
