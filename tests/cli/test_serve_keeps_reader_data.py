"""Reactions and comments survive a restart of the server, on a real database on disk."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from commands import free_port, newsdesk

CAPTURE = (
    Path(__file__).resolve().parents[1] / "extract" / "captures" / "republished-with-credit.txt"
)


class Server:
    def __init__(self, env: dict, port: int) -> None:
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "newsdesk.cli", "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(self.url + "/", timeout=1)
                return
            except httpx.TransportError:
                time.sleep(0.2)
        self.stop()
        pytest.fail("the server did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


@pytest.fixture
def env(tmp_path):
    return {
        **os.environ,
        "NEWSDESK_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings",
    }


def test_reaction_and_comment_survive_restart(env):
    newsdesk(env, "import", "--quiet", str(CAPTURE))
    port = free_port()
    server = Server(env, port)
    try:
        client = httpx.Client(base_url=server.url, follow_redirects=True)
        front = client.get("/").text
        path = re.search(r'href="(/articles/\d+/[\w-]+/)"', front).group(1)
        page = client.get(path).text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        react = client.post(
            path.rsplit("/", 2)[0] + "/react", data={"kind": "wow", "csrfmiddlewaretoken": token}
        )
        assert react.status_code == 200
        client.post(
            path.rsplit("/", 2)[0] + "/comment",
            data={"name": "Kim", "text": "Kept across restarts", "csrfmiddlewaretoken": token},
        )
    finally:
        server.stop()
    newsdesk(
        env,
        "manage",
        "shell",
        "-c",
        "from newsdesk.news.models import Comment; Comment.objects.update(approved=True)",
    )
    server = Server(env, port)
    try:
        page = client.get(path).text
        assert re.search(r'class="reaction chosen"[^>]*data-kind="wow"', page)
        assert re.search(r'data-count="wow">1<', page)
        assert "Kept across restarts" in page
    finally:
        server.stop()
