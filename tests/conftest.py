"""Every test starts with empty in-process indexes, as a fresh process would."""

import pytest

from newsdesk.news import copies, stories


@pytest.fixture(autouse=True)
def fresh_indexes():
    # Rolled-back rows free their ids for reuse, so indexes from an earlier test would lie.
    copies.reset()
    stories.reset()
    yield
