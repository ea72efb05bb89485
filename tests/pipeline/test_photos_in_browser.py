"""In a real browser, a photo of an imported article shows in place, with caption and credit,
its room kept before it loads."""

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


@pytest.mark.django_db(transaction=True)
def test_pictures_take_their_room_before_they_load(origin, feeds, fetcher, live_server, browser):
    poll_feeds(feeds, fetcher)
    spec = next(s for s in origin.catalog.articles if s.figure and not s.republished_from)
    article = Appearance.objects.get(url=origin.url_of(spec.key)).article
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    # The pictures are held back: what room each has is what the page gave it.
    held = []
    page.route("**/media/**", lambda route: held.append(route))
    page.goto(live_server.url + article.get_absolute_url(), wait_until="domcontentloaded")
    page.locator(".body figure img").scroll_into_view_if_needed()
    for selector in (".lead-image img", ".body figure img"):
        picture = page.locator(selector)
        assert picture.evaluate("img => img.naturalWidth") == 0, selector  # not loaded
        box = picture.bounding_box()
        assert box is not None and box["width"] > 300, selector
        # The demo outlets' pictures are 1200 by 630.
        assert box["height"] == pytest.approx(box["width"] * 630 / 1200, abs=1.5), selector
