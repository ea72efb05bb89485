"""A pool of Celery workers on a real Redis fetches the demo outlets into SQLite or PostgreSQL,
and stores what one process stores: the same articles, merges and stories, nothing twice."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest

from newsdesk.origin.server import start_origin

REDIS = shutil.which("redis-server")
STORED = """
import json
from newsdesk.news.models import Appearance, Article, Story
print(json.dumps({
    "articles": sorted([a.title, a.source.name] for a in Article.objects.select_related("source")),
    "appearances": Appearance.objects.count(),
    "stories": sorted(
        sorted(s.articles.values_list("title", flat=True)) for s in Story.objects.all()
    ),
}))
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def newsdesk(env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsdesk.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=check,
    )


@pytest.fixture(scope="module")
def origin():
    with start_origin() as running:
        yield running


@pytest.fixture
def broker():
    if REDIS is None:
        pytest.skip("needs redis-server (Debian: apt-get install redis-server)")
    port = free_port()
    server = subprocess.Popen(
        [REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    """A DATABASE_URL of its own: a SQLite file, or a new database on the PostgreSQL server of
    NEWSDESK_TEST_POSTGRES."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'pool.sqlite3'}"
        return
    server = os.environ.get("NEWSDESK_TEST_POSTGRES", "")
    if not server.startswith(("postgres://", "postgresql://")):
        pytest.skip("needs a PostgreSQL server: set NEWSDESK_TEST_POSTGRES=postgres://...")
    import psycopg

    name = f"newsdesk_pool_{uuid.uuid4().hex[:12]}"
    admin = psycopg.connect(server.replace("postgres://", "postgresql://", 1), autocommit=True)
    admin.execute(f"CREATE DATABASE {name}")
    yield urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
    admin.execute(f"DROP DATABASE {name} WITH (FORCE)")
    admin.close()


def desk(folder, database_url: str, broker_url: str, origin) -> dict:
    """The environment of a newsdesk that follows the demo outlets' feeds."""
    env = {
        **os.environ,
        "NEWSDESK_DATA_DIR": str(folder),
        "DATABASE_URL": database_url,
        "NEWSDESK_BROKER_URL": broker_url,
        "NEWSDESK_FETCH_ALLOW_PRIVATE": "true",
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings",
    }
    newsdesk(env, "init")
    feeds = [outlet.feed_url for outlet in origin.outlets.values()]
    follow = f"from newsdesk.news.models import Feed\nfor url in {feeds!r}: Feed(url=url).save()"
    newsdesk(env, "manage", "shell", "--no-imports", "-c", follow)
    return env


def stored(env: dict) -> dict:
    return json.loads(newsdesk(env, "manage", "shell", "--no-imports", "-c", STORED).stdout)


def counts(fetched: subprocess.CompletedProcess) -> str:
    """'34 new, 0 updated, ...' out of the fetch's summary line."""
    return fetched.stdout.split(": ", 1)[1].split(" in ")[0]


@pytest.fixture(scope="module")
def alone(origin, tmp_path_factory):
    """What one process fetches and stores, with no broker."""
    folder = tmp_path_factory.mktemp("alone")
    env = desk(folder, f"sqlite:///{folder / 'alone.sqlite3'}", "", origin)
    return counts(newsdesk(env, "fetch", "--quiet")), stored(env)


def test_the_pool_stores_what_one_process_stores(tmp_path, origin, broker, database, alone):
    pooled = desk(tmp_path, database, broker, origin)

    refused = newsdesk(pooled, "fetch", "--quiet", check=False)
    assert refused.returncode == 1
    assert "no worker answers" in refused.stderr and "newsdesk worker" in refused.stderr

    worker = subprocess.Popen(
        [sys.executable, "-m", "newsdesk.cli", "worker", "--concurrency", "2"],
        env=pooled,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while (run := newsdesk(pooled, "fetch", "--quiet", check=False)).returncode:
            assert "no worker answers" in run.stderr, run.stderr
            assert time.monotonic() < deadline, "the worker never answered"
            time.sleep(1)
        again = newsdesk(pooled, "fetch", "--quiet")
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    assert counts(run) == alone[0]
    assert alone[0].endswith(", 0 failed") and not alone[0].startswith("0 new")
    assert again.stdout.startswith("6 feeds: 0 new, 0 updated")  # nothing stored twice
    assert stored(pooled) == alone[1]


def test_a_fetch_whose_broker_is_down_says_so(tmp_path, origin):
    broker = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    env = desk(tmp_path, f"sqlite:///{tmp_path / 'desk.sqlite3'}", broker, origin)
    run = newsdesk(env, "fetch", "--quiet", check=False)
    assert run.returncode == 1
    assert run.stderr.startswith(f"newsdesk: cannot reach the broker at {broker}")
    assert "Traceback" not in run.stderr
