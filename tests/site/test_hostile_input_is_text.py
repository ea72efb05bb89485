"""Markup in titles, names and bios is shown as text on every page, never run."""

import pytest

from newsdesk.extract.article import Author

HOSTILE = "<script>alert(1)</script>"


@pytest.mark.django_db
def test_hostile_title_and_author_are_escaped_everywhere(client, make_article):
    article = make_article(
        1,
        title=f"Dock {HOSTILE} strike",
        authors=[Author(name="Ana <img src=x onerror=alert(1)>", bio=f"Bio {HOSTILE}")],
    )
    for path in ("/", article.get_absolute_url(), article.author.get_absolute_url()):
        html = client.get(path).content.decode()
        assert HOSTILE not in html, path
        assert "<img src=x" not in html, path
        assert "Dock &lt;script&gt;alert(1)&lt;/script&gt; strike" in html, path
