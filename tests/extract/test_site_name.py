"""The outlet's name: declared, or as the page's <title> ends with it."""

from newsdesk.extract.html import extract_html, site_name_of

PARAGRAPH = (
    "Dock workers in Port Alder voted on Sunday to end a nine-day strike after the port "
    "authority agreed to raise night-shift pay by twelve percent."
)


def page(title: str, head: str = "") -> str:
    return (
        f"<html><head><title>{title}</title>{head}</head><body><article><h1>Strike ends</h1>"
        f"{f'<p>{PARAGRAPH}</p>' * 3}</article></body></html>"
    )


def test_the_title_ends_with_the_sites_name():
    article = extract_html(page("Strike ends - Harbour Post"), "https://www.harbourpost.example/a")
    assert article.site_name == "Harbour Post"
    assert article.title == "Strike ends"


def test_a_title_ending_in_anything_else_names_no_site():
    article = extract_html(page("Strike ends - Opinion"), "https://www.harbourpost.example/a")
    assert article.site_name != "Opinion"


def test_a_declared_name_comes_first():
    head = '<meta property="og:site_name" content="The Harbour Post">'
    article = extract_html(page("Strike ends | HarbourPost", head), "https://harbourpost.example/")
    assert article.site_name == "The Harbour Post"


def test_an_address_is_no_sites_name():
    assert (
        site_name_of("https://www.facebook.com/HarbourPost", "https://harbourpost.example/a") == ""
    )
    assert site_name_of("harbourpost.example", "https://harbourpost.example/a") == ""
    assert site_name_of("Harbour Post", "https://harbourpost.example/a") == "Harbour Post"


def test_a_title_ending_in_the_host_names_the_site_by_it():
    article = extract_html(
        page("Strike ends — www.HarbourPost.example"), "https://harbourpost.example/a"
    )
    assert article.site_name == "HarbourPost.example"
    other = extract_html(page("Strike ends — www.valley.example"), "https://harbourpost.example/a")
    assert other.site_name != "valley.example"


def test_a_social_media_handle_is_no_sites_name():
    assert site_name_of("HarbourPost_", "https://harbourpost.example/a") == ""
    assert site_name_of("@harbourpost", "https://harbourpost.example/a") == ""


def test_a_slogan_in_the_site_name_tag_is_no_sites_name():
    head = '<meta property="og:site_name" content="Expert news for people by the sea">'
    article = extract_html(page("Strike ends", head), "https://harbourpost.example/a")
    assert article.site_name == ""
    # A name in title case, or one that shares the host's words, is a name.
    for name in ("The Wall Street Journal", "The Times of India", "news from the harbourpost"):
        head = f'<meta property="og:site_name" content="{name}">'
        assert (
            extract_html(page("Strike ends", head), "https://harbourpost.example/a").site_name
            == name
        )


def test_a_label_of_the_host_is_no_sites_name():
    """A template's default: the label in front of the host's domain ("Hosted" of hosted.…)."""
    head = '<meta property="og:site_name" content="Hosted">'
    for url in ("https://hosted.wire.example/post/a", "https://hosted.ap.org/post/a"):
        article = extract_html(page("Strike ends | Hosted", head), url)
        assert article.site_name == ""
    # The domain's own name is the site's: "BBC" on bbc.co.uk.
    head = '<meta property="og:site_name" content="BBC">'
    assert extract_html(page("Strike ends", head), "https://www.bbc.co.uk/a").site_name == "BBC"


def test_a_pages_logo_names_the_site_it_declares_no_name_for():
    logo = '<a href="/"><img src="/files/logos/harbour-post-white.png" alt="{}"></a>'
    for alt, name in (("The Harbour Post", "The Harbour Post"), ("Logo", ""), ("hpost", "")):
        html = page("Strike ends").replace("<body>", f"<body>{logo.format(alt)}")
        assert extract_html(html, "https://hosted.wire.example/a").site_name == name
