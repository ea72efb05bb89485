"""Politeness: conditional GET, retries on server trouble, robots.txt, a User-Agent."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from newsdesk.ingest import fetch
from newsdesk.ingest.fetch import USER_AGENT, FetchError


def test_conditional_get_returns_not_modified(scripted, fetcher):
    first = fetcher.get(f"{scripted}/etag")
    assert first.etag == '"v1"' and first.last_modified
    again = fetcher.get(f"{scripted}/etag", etag=first.etag)
    assert again.not_modified
    assert again.content == b""


def test_server_error_is_retried_then_succeeds(scripted, fetcher, hits):
    response = fetcher.get(f"{scripted}/flaky")
    assert response.content == b"recovered"
    assert hits["/flaky"] == 2


def test_persistent_server_error_gives_up_after_retries(scripted, fetcher, hits):
    with pytest.raises(FetchError, match="HTTP 500"):
        fetcher.get(f"{scripted}/down")
    assert hits["/down"] == 2  # one try and one retry


def test_robots_txt_disallow_is_obeyed(scripted, fetcher):
    with pytest.raises(FetchError, match=r"robots\.txt"):
        fetcher.get(f"{scripted}/private/page")


def test_robots_txt_is_read_once_however_many_threads_start_at_once(scripted, fetcher, hits):
    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(fetcher.get, [f"{scripted}/ok"] * 16))
    assert all(r.content == b"<html>hello</html>" for r in responses)
    assert hits["/robots.txt"] == 1


def test_robots_txt_is_read_again_once_its_rules_are_old(scripted, fetcher, hits, monkeypatch):
    fetcher.get(f"{scripted}/ok")
    fetcher.get(f"{scripted}/ok")
    assert hits["/robots.txt"] == 1
    monkeypatch.setattr(fetch, "ROBOTS_MAX_AGE", 0.0)  # every rule read is old at once
    fetcher.get(f"{scripted}/ok")
    assert hits["/robots.txt"] == 2


def test_user_agent_names_newsdesk():
    assert USER_AGENT.startswith("newsdesk/")
