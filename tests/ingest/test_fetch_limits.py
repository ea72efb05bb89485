"""The fetcher's limits: timeouts, body size, redirects and schemes end in one clear error."""

import pytest

from newsdesk.ingest.fetch import FetchError


def test_plain_page_is_fetched(scripted, fetcher):
    response = fetcher.get(f"{scripted}/ok")
    assert response.status == 200
    assert response.content == b"<html>hello</html>"
    assert response.content_type.startswith("text/html")


def test_slow_server_times_out(scripted, fetcher):
    with pytest.raises(FetchError, match="timed out"):
        fetcher.get(f"{scripted}/slow")


def test_body_over_the_cap_is_refused(scripted, fetcher):
    with pytest.raises(FetchError, match="larger than 100000 bytes"):
        fetcher.get(f"{scripted}/huge")


def test_redirect_is_followed(scripted, fetcher):
    response = fetcher.get(f"{scripted}/redirect")
    assert response.url == f"{scripted}/ok"
    assert response.redirects == [f"{scripted}/redirect"]


def test_redirect_loop_stops_at_the_cap(scripted, fetcher):
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.get(f"{scripted}/loop")


def test_redirect_to_another_scheme_is_refused(scripted, fetcher):
    with pytest.raises(FetchError, match="only http and https"):
        fetcher.get(f"{scripted}/to-file")


def test_http_error_carries_its_status(scripted, fetcher):
    with pytest.raises(FetchError) as caught:
        fetcher.get(f"{scripted}/missing")
    assert caught.value.status == 404
    assert str(caught.value).endswith("HTTP 404")


def test_unreachable_host_is_one_line(fetcher):
    with pytest.raises(FetchError, match="could not connect") as caught:
        fetcher.get("http://127.0.0.1:9/nothing")
    assert "\n" not in str(caught.value)
