"""In a real browser, reacting updates the counts in place, without reloading the page."""

import pytest


@pytest.mark.django_db(transaction=True)
def test_reactions_update_without_a_reload(live_server, browser, make_article):
    article = make_article(1)
    page = browser.new_page()
    page.goto(live_server.url + article.get_absolute_url())
    page.evaluate("window.sameDocument = true")

    page.click("button[data-kind='love']")
    page.wait_for_selector("button[data-kind='love'].chosen")
    assert page.inner_text("[data-count='love']") == "1"

    page.click("button[data-kind='wow']")
    page.wait_for_selector("button[data-kind='wow'].chosen")
    assert page.inner_text("[data-count='love']") == "0"
    assert page.inner_text("[data-count='wow']") == "1"
    assert page.evaluate("window.sameDocument") is True

    page.reload()
    assert page.inner_text("[data-count='wow']") == "1"
    assert page.get_attribute("button[data-kind='wow']", "aria-pressed") == "true"
