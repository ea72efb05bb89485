"""Finding the stored article a new body copies, through a MinHash index of stored bodies.

The index lives in the process and is built from stored signatures on first use; each lookup
first reads the articles stored since (by any process), so workers never miss each other's.
"""

from __future__ import annotations

import threading

from newsdesk.news.models import Article
from newsdesk.understand.duplicates import DuplicateIndex, Signature

# Copies are syndicated within days: the most recent articles are all a lookup needs.
WINDOW = 50_000

_lock = threading.Lock()
_index = DuplicateIndex(window=WINDOW)
_seen = 0  # highest article id indexed


def reset() -> None:
    """Forget the index; the next lookup rebuilds it from the database."""
    global _index, _seen
    with _lock:
        _index, _seen = DuplicateIndex(window=WINDOW), 0


def _catch_up() -> None:
    global _seen
    rows = Article.objects.filter(pk__gt=_seen).exclude(shingle_count=0).order_by("pk")
    if _seen == 0:
        newest = rows.order_by("-pk").values_list("pk", flat=True)[WINDOW - 1 : WINDOW]
        rows = rows.filter(pk__gte=newest[0]) if newest else rows
    for pk, digest, minhash, count in rows.values_list(
        "pk", "content_hash", "minhash", "shingle_count"
    ).iterator():
        _index.add(str(pk), Signature(digest, bytes(minhash), count))
        _seen = pk


def find_copy(sig: Signature) -> Article | None:
    """The stored article whose body this one copies, near enough to be the same article."""
    for attempt in range(2):
        with _lock:
            _catch_up()
            match = _index.find(sig)
        if match is None:
            return None
        found = Article.objects.filter(pk=int(match.key)).first()
        if found is not None and found.shingle_count:
            return found
        # The article was deleted or rewritten since it was indexed: rebuild once and look again.
        if attempt == 0:
            reset()
    return None
