from newsdesk.understand.urls import canonical_url, url_key


def test_tracking_parameters_and_fragments_are_dropped_and_real_ones_kept():
    url = "https://www.harbour-post.example/world/troops-arrive/?utm_source=feed&fbclid=abc#top"
    assert canonical_url(url) == "https://www.harbour-post.example/world/troops-arrive/"
    assert canonical_url("https://x.example/read.php?article=55&ref=rss") == (
        "https://x.example/read.php?article=55"
    )


def test_amp_mobile_scheme_and_slash_variants_share_one_key():
    desktop = url_key("https://harbour-post.example/world/troops-arrive")
    assert url_key("http://m.harbour-post.example/world/troops-arrive/amp/") == desktop
    assert url_key("https://amp.harbour-post.example/world/troops-arrive.amp") == desktop
    assert url_key("https://www.harbour-post.example/world/troops-arrive/?utm_medium=x") == desktop
    assert url_key("https://harbour-post.example/world/troops-arrive?amp=1") == desktop


def test_different_articles_keep_different_keys():
    assert url_key("https://x.example/read.php?article=55") != url_key(
        "https://x.example/read.php?article=56"
    )
    assert url_key("https://x.example/a/one") != url_key("https://y.example/a/one")


def test_declared_canonical_wins_over_the_link_followed():
    url = canonical_url(
        "https://aggregator.example/read/123",
        rel_canonical="https://northline.example/news/summit-ends",
        og_url="https://northline.example/other",
    )
    assert url == "https://northline.example/news/summit-ends"


def test_og_url_is_used_when_there_is_no_canonical_link_and_junk_is_ignored():
    assert canonical_url("https://mirror.example/a", og_url="/news/summit-ends") == (
        "https://mirror.example/news/summit-ends"
    )
    assert canonical_url("https://mirror.example/a", rel_canonical="javascript:alert(1)") == (
        "https://mirror.example/a"
    )
