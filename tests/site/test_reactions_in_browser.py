"""In a real browser, reacting updates the counts in place, without reloading the page."""

import os

import pytest

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM),
    reason="needs Chromium at /usr/bin/chromium (Debian: apt-get install chromium)",
)


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; Django refuses database calls from one by default.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield chromium
        chromium.close()


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
