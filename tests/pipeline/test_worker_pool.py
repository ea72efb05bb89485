"""A pool of Celery worker processes on a real Redis: it stores what one process stores (the
same articles, merges and stories, nothing twice) on SQLite and on PostgreSQL, keeps one
per-host limit among all its processes, and reads again a batch whose worker died."""

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from commands import free_port, newsdesk

REDIS = shutil.which("redis-server")
PING = "from newsdesk.workers import workers_answering; print(workers_answering())"
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


class SlowOutlet(ThreadingHTTPServer):
    """An outlet whose article pages take a while each; it counts the requests it serves at once."""

    daemon_threads = True
    PAGES = 40

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), SlowPage)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        self.lock = threading.Lock()
        self.serving = self.most = self.served = self.robots = 0
        threading.Thread(target=self.serve_forever, daemon=True).start()


class SlowPage(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        outlet = self.server
        if self.path == "/feed.xml":
            items = "".join(
                f"<item><title>Pier {n} reopens</title><link>{outlet.url}/pier-{n}</link></item>"
                for n in range(outlet.PAGES)
            )
            return self.answer(
                f"<rss version='2.0'><channel><title>Slow</title>{items}</channel></rss>"
            )
        if self.path == "/robots.txt":
            outlet.robots += 1
            return self.answer("User-agent: *\nDisallow: /private/\n")
        if not self.path.startswith("/pier-"):
            return self.send_error(404)
        with outlet.lock:
            outlet.serving += 1
            outlet.most = max(outlet.most, outlet.serving)
        time.sleep(0.15)
        with outlet.lock:
            outlet.serving -= 1
            outlet.served += 1
        n = self.path.removeprefix("/pier-")
        paragraphs = "".join(
            f"<p>Pier {n} of the harbour reopened on day {d} after repairs that took {n}{d} weeks,"
            f" the port authority said, and ferries to island {n} resume their timetable.</p>"
            for d in range(4)
        )
        self.answer(
            f"<html><head><title>Pier {n} reopens</title></head><body><article>"
            f"<h1>Pier {n} reopens</h1>{paragraphs}</article></body></html>"
        )

    def answer(self, body: str) -> None:
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


def slow_desk(tmp_path, broker: str, outlet: SlowOutlet, per_host: int) -> dict:
    env = {
        **os.environ,
        "NEWSDESK_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'desk.sqlite3'}",
        "NEWSDESK_BROKER_URL": broker,
        "NEWSDESK_FETCH_ALLOW_PRIVATE": "true",
        "NEWSDESK_FETCH_PER_HOST": str(per_host),
        # Short timeouts, so that the slots dead workers held lapse soon (timeouts + 5 s).
        "NEWSDESK_FETCH_CONNECT_TIMEOUT": "1",
        "NEWSDESK_FETCH_READ_TIMEOUT": "2",
        "NEWSDESK_ANALYSE": "false",
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings",
    }
    newsdesk(env, "add-feed", f"{outlet.url}/feed.xml")
    return env


def start_worker(env: dict) -> subprocess.Popen:
    """Two worker processes, and the fetch that waits until they answer."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "newsdesk.cli", "worker", "--concurrency", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while newsdesk(env, "manage", "shell", "--no-imports", "-c", PING).stdout.strip() == "0":
        assert time.monotonic() < deadline, "the worker never answered"
        time.sleep(0.5)
    return worker


def fetch_with_a_worker(env: dict) -> subprocess.CompletedProcess:
    worker = start_worker(env)
    try:
        return newsdesk(env, "fetch", "--quiet")
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def test_the_pool_keeps_to_one_per_host_limit(tmp_path, broker):
    outlet = SlowOutlet()
    env = slow_desk(tmp_path, broker, outlet, per_host=1)
    run = fetch_with_a_worker(env)  # each of its two processes reads a batch at the same time
    outlet.shutdown()
    assert counts(run) == f"{SlowOutlet.PAGES} new, 0 updated, 0 unchanged, 0 failed"
    assert outlet.most == 1
    # robots.txt is read by the fetch (for the feed) and once by each worker process, however
    # many batches it reads (40 pages are 3).
    assert outlet.robots <= 3


def fetch_under_way(env: dict, outlet: SlowOutlet, served: int) -> subprocess.Popen:
    """A `fetch` started, once the outlet has served that many of its pages."""
    fetch = subprocess.Popen(
        [sys.executable, "-m", "newsdesk.cli", "fetch", "--quiet"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while outlet.served < served:
        assert time.monotonic() < deadline and fetch.poll() is None
        time.sleep(0.05)
    return fetch


def test_a_batch_whose_worker_dies_is_read_again(tmp_path, broker):
    outlet = SlowOutlet()
    env = slow_desk(tmp_path, broker, outlet, per_host=2)
    worker = start_worker(env)
    try:
        fetch = fetch_under_way(env, outlet, served=4)
        for pid in children(worker.pid):  # mid-batch; the worker starts new ones
            os.kill(pid, signal.SIGKILL)
        out, err = fetch.communicate(timeout=240)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    outlet.shutdown()
    assert fetch.returncode == 0, err
    assert out.split(": ", 1)[1].startswith(
        f"{SlowOutlet.PAGES} new, 0 updated, 0 unchanged, 0 failed"
    )
    assert outlet.served > SlowOutlet.PAGES  # the lost batch's pages were fetched again


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    assert found, "the worker has no pool processes"
    return sorted(found)


def test_a_slot_lapses_when_its_holder_dies_and_frees_when_let_go(broker):
    from newsdesk.workers import HostSlots

    slots = HostSlots(broker, per_host=1, lease=1.0)
    dead = slots("pier.example")
    dead.__enter__()  # taken and never let go, as by a worker that died
    started = time.monotonic()
    with slots("pier.example"):
        assert time.monotonic() - started >= 0.8  # waited for the lease to lapse
        other = slots("quay.example")
        other.__enter__()  # another host's slots are its own
        other.__exit__(None, None, None)
    started = time.monotonic()
    with slots("pier.example"):
        assert time.monotonic() - started < 0.8  # let go: free at once


def test_a_crawl_delay_holds_across_processes(broker):
    from newsdesk.workers import HostSlots

    # Two processes' slots, on one broker: each waits its turn after the other's request.
    one, other = (HostSlots(broker, per_host=2, lease=5.0) for _ in range(2))
    turns = []
    for slots in (one, other, one):
        slots.pace("pier.example", 0.5)
        turns.append(time.monotonic())
    assert turns[1] - turns[0] >= 0.45 and turns[2] - turns[1] >= 0.45
    started = time.monotonic()
    other.pace("quay.example", 0.5)  # another host keeps its own pace
    assert time.monotonic() - started < 0.45


def test_a_fetch_whose_workers_all_vanish_stops_and_loses_nothing(tmp_path, broker):
    outlet = SlowOutlet()
    env = {**slow_desk(tmp_path, broker, outlet, per_host=1), "NEWSDESK_WORKERS_PATIENCE": "3"}
    worker = start_worker(env)
    fetch = fetch_under_way(env, outlet, served=2)
    for pid in [*children(worker.pid), worker.pid]:  # the whole worker, as when its host dies
        os.kill(pid, signal.SIGKILL)
    worker.wait(timeout=30)
    _, err = fetch.communicate(timeout=120)
    assert fetch.returncode == 1
    assert err.startswith("newsdesk: the fetch stopped: no worker has answered on redis://")
    assert "Traceback" not in err

    again = fetch_with_a_worker(env)
    outlet.shutdown()
    assert counts(again) == f"{SlowOutlet.PAGES} new, 0 updated, 0 unchanged, 0 failed"
