"""The address guard: internal addresses are refused unless the operator allows them."""

import pytest

from newsdesk.ingest.fetch import FetchConfig, Fetcher, FetchError, check_address


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8000/",
        "http://10.1.2.3/",
        "http://169.254.169.254/latest",
        "http://[::1]/",
        "http://192.168.0.10/",
    ],
)
def test_internal_addresses_are_refused(url):
    with pytest.raises(FetchError, match="internal address"):
        check_address(url, allow_private=False)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/", "gopher://x/", "/relative"]
)
def test_other_schemes_are_refused(url):
    with pytest.raises(FetchError, match="only http and https"):
        check_address(url, allow_private=False)


def test_loopback_is_allowed_when_configured():
    check_address("http://127.0.0.1:8001/feed.xml", allow_private=True)


def test_fetcher_refuses_loopback_by_default(scripted):
    with Fetcher(FetchConfig()) as client, pytest.raises(FetchError, match="internal address"):
        client.get(f"{scripted}/ok")
