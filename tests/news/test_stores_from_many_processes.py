"""Workers that store at the same moment see each other's articles: a copy stored alongside
its original merges into it rather than standing as a second article."""

import contextlib
import threading

import pytest
from django.db import connection, connections
from rows import STRIKE, page

from newsdesk.news import copies
from newsdesk.news.models import Appearance, Article
from newsdesk.news.store import save_article

TITLE = "Dock strike ends after nine days"


@pytest.mark.django_db(transaction=True)
def test_a_copy_stored_at_the_same_moment_as_its_original_merges(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("runs on PostgreSQL (DATABASE_URL=postgres://...); SQLite's writers queue")
    # Each store waits at the copy lookup until the other arrives there too (or 3 s pass):
    # unless stores are held one at a time, both look before either has written.
    meet = threading.Barrier(2, timeout=3)
    find_copy = copies.find_copy

    def find_copy_together(sig):
        with contextlib.suppress(threading.BrokenBarrierError):
            meet.wait()
        return find_copy(sig)

    monkeypatch.setattr(copies, "find_copy", find_copy_together)
    pages = [
        page("harbour", "strike-ends", TITLE, STRIKE, 8),
        page("north", "port-alder-strike", TITLE, ["Get Northline alerts.", *STRIKE], 11),
    ]
    outcomes, failures = [], []

    def store(extracted):
        try:
            outcomes.append(save_article(extracted)[1])
        except Exception as exc:
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=store, args=(p,)) for p in pages]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert sorted(outcomes) == ["merged", "new"]
    assert Article.objects.count() == 1
    assert Appearance.objects.count() == 2
