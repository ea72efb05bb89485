"""A running demo origin and a fetcher allowed to reach it."""

import pytest

from newsdesk.ingest.fetch import FetchConfig, Fetcher
from newsdesk.news.models import Feed
from newsdesk.origin.server import start_origin


@pytest.fixture(scope="module")
def origin():
    with start_origin() as running:
        yield running


@pytest.fixture
def fetcher():
    with Fetcher(FetchConfig(allow_private=True, retries=0, read_timeout=5)) as client:
        yield client


@pytest.fixture
def feeds(origin, db):
    return [Feed.objects.create(url=site.feed_url) for site in origin.outlets.values()]
