"""In a real browser, a reader searches from the masthead and follows a result."""

import pytest


@pytest.mark.django_db(transaction=True)
def test_searching_from_the_masthead(live_server, browser, make_article):
    wanted = make_article(1, title="Crane strike halts the harbour", tags=["Strikes"])
    make_article(2, title="Council budget approved", body=["The budget passed."])
    page = browser.new_page()
    page.goto(live_server.url + "/")
    page.fill("input[name='q']", "cranes strike")
    page.press("input[name='q']", "Enter")
    page.wait_for_url("**/search/?q=cranes+strike")
    assert page.input_value("input[name='q']") == "cranes strike"
    results = page.locator("article.card h2 a")
    assert results.all_inner_texts() == ["Crane strike halts the harbour"]
    results.first.click()
    page.wait_for_url(f"**{wanted.get_absolute_url()}")
    page.click("a[rel='tag']")
    assert page.inner_text("h1") == "Strikes"
