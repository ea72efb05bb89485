"""Politeness: conditional GET, retries on server trouble, robots.txt, a User-Agent."""

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from itertools import pairwise

import pytest

from newsdesk.ingest import fetch
from newsdesk.ingest.fetch import USER_AGENT, FetchError, retry_after


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


def test_a_retry_waits_as_long_as_the_site_asks(scripted, fetcher, hits):
    began = time.monotonic()
    assert fetcher.get(f"{scripted}/busy").content == b"rested"
    assert hits["/busy"] == 2
    assert time.monotonic() - began >= 0.95  # Retry-After: 1, where the backoff is 0.01 s


def test_a_site_that_asks_to_be_left_for_long_is_left(scripted, fetcher, hits):
    with pytest.raises(FetchError, match=r"HTTP 503, and the site asks to be left for 3600 s"):
        fetcher.get(f"{scripted}/closed")
    assert hits["/closed"] == 1


def test_retry_after_is_seconds_or_a_date():
    assert retry_after("120") == 120.0
    soon = format_datetime(datetime.now(UTC) + timedelta(seconds=90), usegmt=True)
    assert 80 <= retry_after(soon) <= 90
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # already past
    assert retry_after("") is None and retry_after("soon") is None


def test_requests_to_a_site_keep_the_crawl_delay_its_robots_txt_asks(paced, fetcher):
    site, started = paced
    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(fetcher.get, [f"{site}/a", f"{site}/b", f"{site}/c"]))
    starts = sorted(started)
    assert len(starts) == 3
    assert all(later - earlier >= 0.95 for earlier, later in pairwise(starts))
