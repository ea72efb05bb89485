"""The `newsdesk` command: parses arguments and calls the pipeline; errors are one clear line."""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported lazily at run time, so `--help` stays fast
    from newsdesk.ingest.fetch import Fetcher
    from newsdesk.pipeline import Summary

DESCRIPTION = """\
newsdesk ingests news from feeds and saved pages, extracts the clean article,
and publishes it as a website.

Data lives in NEWSDESK_DATA_DIR (default ./data): a SQLite database unless
DATABASE_URL points elsewhere."""


class CommandError(Exception):
    """A problem the user can fix; printed as one line, exit status 1."""


class Parser(argparse.ArgumentParser):
    """Usage mistakes are one line too, pointing at --help."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return args.handler(args) or 0
    except CommandError as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsdesk: interrupted", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="newsdesk", description=DESCRIPTION, formatter_class=argparse.RawTextHelpFormatter
    )
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)

    def command(name: str, handler: Callable, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(handler=handler)
        return p

    command("init", cmd_init, "create or upgrade the database in the data directory")

    p = command("add-feed", cmd_add_feed, "follow an RSS, Atom or JSON feed")
    p.add_argument("url", help="the feed's address")

    command("feeds", cmd_feeds, "list feeds with their last fetch, items and last error")

    p = command("fetch", cmd_fetch, "poll every feed once and store new and changed articles")
    p.add_argument("--refresh", action="store_true", help="fetch pages already stored too")
    p.add_argument("--quiet", action="store_true", help="no progress bar")

    p = command(
        "import", cmd_import, "import saved pages (HTML, .html.gz, text captures), folders or URLs"
    )
    p.add_argument("items", nargs="+", metavar="PATH|URL")
    p.add_argument("--quiet", action="store_true", help="no progress bar")

    p = command(
        "extract", cmd_extract, "print the article as newsdesk reads it, as JSON; stores nothing"
    )
    p.add_argument("items", nargs="+", metavar="PATH|URL")
    p.add_argument("--indent", type=int, default=None, help="pretty-print a single result")

    command(
        "prune-pictures",
        cmd_prune_pictures,
        "delete copies of pictures no stored article shows (those an hour old or more)",
    )

    p = command("serve", cmd_serve, "serve the site")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument(
        "--fetch-every",
        type=int,
        default=0,
        metavar="SECONDS",
        help="poll the feeds in the background this often (0: never)",
    )

    p = command(
        "worker", cmd_worker, "take fetch tasks from NEWSDESK_BROKER_URL, on a pool of processes"
    )
    p.add_argument(
        "--concurrency", type=int, default=os.cpu_count() or 1, help="processes (default: CPUs)"
    )
    p.add_argument("--loglevel", default="WARNING", help="Celery's log level")

    p = command("origin", cmd_origin, "serve the demo outlets alone, on loopback")
    p.add_argument("--port", type=int, default=8001, help="first outlet's port; the others follow")

    p = command("demo", cmd_demo, "start the demo outlets, fetch them, and serve the site")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--origin-port", type=int, default=8001)

    p = command("manage", cmd_manage, "run a Django management command (createsuperuser, ...)")
    p.add_argument("args", nargs=argparse.REMAINDER)
    return parser


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    from newsdesk.env import ConfigError

    try:
        django.setup()
    except (ImproperlyConfigured, ConfigError) as exc:
        raise CommandError(f"bad setting: {exc}") from None


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def fetcher() -> Fetcher:
    from newsdesk.env import ConfigError
    from newsdesk.ingest.fetch import FetchConfig, Fetcher

    try:
        return Fetcher(FetchConfig.from_env())
    except ConfigError as exc:
        raise CommandError(f"bad setting: {exc}") from None


# --- Commands -------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> None:
    setup_django()
    from django.conf import settings

    migrate()
    print(f"database ready: {settings.DATABASES['default']['NAME']}")


def cmd_add_feed(args: argparse.Namespace) -> None:
    from urllib.parse import urlsplit

    parts = urlsplit(args.url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise CommandError(f"not an http(s) URL: {args.url!r}")
    setup_django()
    migrate()
    from newsdesk.news.models import Feed

    feed, created = Feed.objects.get_or_create(url=args.url)
    print(f"{'added' if created else 'already following'}: {feed.url}")


def cmd_feeds(args: argparse.Namespace) -> None:
    setup_django()
    migrate()
    from newsdesk.news.models import Feed

    feeds = list(Feed.objects.all())
    if not feeds:
        print("no feeds yet: add one with `newsdesk add-feed URL`")
        return
    for feed in feeds:
        fetched = (
            feed.last_fetched_at.strftime("%Y-%m-%d %H:%M") if feed.last_fetched_at else "never"
        )
        status = f"HTTP {feed.last_status}" if feed.last_status else "-"
        print(f"{feed.url}\n  last fetch {fetched} · {status} · {feed.last_items} items")
        if feed.last_error:
            print(f"  error ({feed.error_count} in a row): {feed.last_error}")
        failing = feed.pageerror_set.count()
        if failing:
            print(f"  {failing} pages failing; see the admin's page errors")


def cmd_fetch(args: argparse.Namespace) -> int:
    setup_django()
    migrate()
    from newsdesk.news.models import Feed

    feeds = list(Feed.objects.filter(active=True))
    if not feeds:
        raise CommandError("no feeds to fetch: add one with `newsdesk add-feed URL`")
    started = time.monotonic()
    summary = fetch_all(feeds, refresh=args.refresh, progress=not args.quiet)
    report(summary, f"{len(feeds)} feeds", time.monotonic() - started)
    return 0


def fetch_all(feeds: list, *, refresh: bool = False, progress: bool = False) -> Summary:
    """Poll the feeds in this process, or on the worker pool when a broker is set."""
    from django.conf import settings

    from newsdesk.pipeline import poll_feeds

    if not settings.BROKER_URL:
        with fetcher() as client:
            return poll_feeds(feeds, client, refresh=refresh, progress=progress)
    from kombu.exceptions import OperationalError

    from newsdesk import workers

    try:
        if not workers.workers_answering():
            raise CommandError(
                f"no worker answers on {settings.BROKER_URL}: start one with `newsdesk worker`"
            )
        return workers.fetch(feeds, refresh=refresh, progress=progress)
    except workers.WorkersGone as exc:
        raise CommandError(f"the fetch stopped: {exc}") from None
    except OperationalError as exc:
        raise CommandError(f"cannot reach the broker at {settings.BROKER_URL}: {exc}") from None


def cmd_import(args: argparse.Namespace) -> int:
    setup_django()
    migrate()
    from newsdesk.pipeline import import_items

    started = time.monotonic()
    with fetcher() as client:
        summary = import_items(args.items, client, progress=not args.quiet)
    report(summary, "import", time.monotonic() - started)
    return (
        1
        if summary.counts["failed"]
        and not (summary.counts["new"] + summary.counts["updated"] + summary.counts["unchanged"])
        else 0
    )


def report(summary: Summary, what: str, seconds: float) -> None:
    for error in summary.errors:
        print(f"  failed: {error}", file=sys.stderr)
    extra = (
        f", {summary.counts['failed feeds']} feeds failed" if summary.counts["failed feeds"] else ""
    )
    print(f"{what}: {summary.line()}{extra} in {seconds:.1f}s")


def cmd_extract(args: argparse.Namespace) -> int:
    """Pure extraction: no database, no settings beyond the fetch limits."""
    from newsdesk.extract.page import ExtractError, read_file, read_page
    from newsdesk.ingest.fetch import FetchError
    from newsdesk.understand.attribution import annotate

    failures = 0
    client = None
    for item in args.items:
        try:
            if item.startswith(("http://", "https://")):
                client = client or fetcher()
                response = client.get(item, accept="text/html, */*;q=0.8")
                article = read_page(response.content, response.url, response.content_type)
            else:
                path = Path(item)
                if not path.is_file():
                    raise ExtractError("no such file")
                content, content_type = read_file(path)
                article = read_page(content, "", content_type)
        except FetchError as exc:
            failures += 1
            print(f"newsdesk: {exc}", file=sys.stderr)
            continue
        except (ExtractError, OSError) as exc:
            failures += 1
            print(f"newsdesk: {item}: {exc}", file=sys.stderr)
            continue
        try:
            annotate(article)
        except LookupError as exc:
            raise CommandError(str(exc)) from None
        indent = args.indent if len(args.items) == 1 else None
        print(json.dumps(article.to_json(), ensure_ascii=False, indent=indent))
    if client:
        client.close()
    return 1 if failures else 0


def cmd_prune_pictures(args: argparse.Namespace) -> None:
    setup_django()
    migrate()
    from newsdesk.news.pictures import prune

    print(f"deleted {len(prune())} copies of pictures no article shows")


def cmd_serve(args: argparse.Namespace) -> None:
    setup_django()
    migrate()
    collect_static()
    if args.fetch_every > 0:
        start_poller(args.fetch_every)
    serve(args.host, args.port)


def collect_static() -> None:
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def serve(host: str, port: int) -> None:
    from waitress import serve as waitress_serve

    from newsdesk.wsgi import application

    print(f"site at http://{host}:{port}/  (editors: http://{host}:{port}/admin/)", flush=True)
    try:
        waitress_serve(application, host=host, port=port, threads=8, _quiet=True)
    except OSError as exc:
        raise CommandError(f"cannot listen on {host}:{port}: {exc.strerror}") from None


# Seconds between prunes of unused copies of pictures while the site polls its feeds.
PRUNE_EVERY = 24 * 3600


def start_poller(every: int) -> threading.Thread:
    """Polls the feeds on a timer while the site is served (in this process, or on the worker
    pool when a broker is set), and prunes unused copies of pictures once a day."""
    from django.db import close_old_connections

    def loop() -> None:
        pruned_at = time.monotonic()
        while True:
            time.sleep(every)
            close_old_connections()  # a connection held between rounds may have gone stale
            pruned_at = poll_once(pruned_at)

    thread = threading.Thread(target=loop, name="newsdesk-poller", daemon=True)
    thread.start()
    return thread


def poll_once(pruned_at: float) -> float:
    """One round of the poller: fetch every active feed, then prune copies of pictures no
    article shows where PRUNE_EVERY has passed since `pruned_at`; when it last pruned."""
    from newsdesk.news.models import Feed
    from newsdesk.news.pictures import prune

    try:
        summary = fetch_all(list(Feed.objects.filter(active=True)))
        print(f"fetch: {summary.line()}", flush=True)
    except CommandError as exc:
        print(f"fetch: {exc}", file=sys.stderr, flush=True)
    if time.monotonic() - pruned_at < PRUNE_EVERY:
        return pruned_at
    try:
        print(f"pruned {len(prune())} copies of pictures no article shows", flush=True)
    except OSError as exc:  # the media storage unreadable: tried again in a day
        print(f"prune: {exc}", file=sys.stderr, flush=True)
    return time.monotonic()


def cmd_worker(args: argparse.Namespace) -> None:
    setup_django()
    from django.conf import settings

    if not settings.BROKER_URL:
        raise CommandError(
            "NEWSDESK_BROKER_URL is not set: workers take their tasks from a Redis broker, "
            "e.g. redis://127.0.0.1:6379/0"
        )
    from newsdesk.workers import app

    app.worker_main(["worker", f"--concurrency={args.concurrency}", f"--loglevel={args.loglevel}"])


def cmd_origin(args: argparse.Namespace) -> None:
    from newsdesk.origin.server import serve_forever

    try:
        serve_forever(base_port=args.port)
    except OSError as exc:
        raise CommandError(
            f"cannot start the demo outlets on port {args.port}: {exc.strerror}"
        ) from None


def cmd_demo(args: argparse.Namespace) -> None:
    started = time.monotonic()
    os.environ.setdefault("NEWSDESK_DATA_DIR", str(Path.cwd() / "data" / "demo"))
    # The demo outlets live on loopback, which the fetcher refuses unless told otherwise.
    os.environ["NEWSDESK_FETCH_ALLOW_PRIVATE"] = "true"
    setup_django()
    migrate()
    collect_static()
    from newsdesk.news.models import Feed
    from newsdesk.origin.server import start_origin
    from newsdesk.pipeline import poll_feeds

    try:
        origin = start_origin(base_port=args.origin_port)
    except OSError as exc:
        raise CommandError(
            f"cannot start the demo outlets on port {args.origin_port}: {exc.strerror}"
        ) from None
    print(f"demo outlets: {len(origin.outlets)} on http://127.0.0.1:{args.origin_port}-")
    for outlet in origin.outlets.values():
        Feed.objects.get_or_create(url=outlet.feed_url)
    ensure_demo_editor()
    with fetcher() as client:
        summary = poll_feeds(Feed.objects.filter(active=True), client, progress=True)
    report(summary, "demo fetch", time.monotonic() - started)
    print(f"demo ready in {time.monotonic() - started:.1f}s; editor login: editor / editor")
    try:
        serve("127.0.0.1", args.port)
    finally:
        origin.stop()


def ensure_demo_editor() -> None:
    """The demo's data directory gets an editor account, so the admin can be tried at once."""
    from django.contrib.auth import get_user_model

    users = get_user_model()
    if not users.objects.filter(username="editor").exists():
        users.objects.create_superuser("editor", "editor@example.invalid", "editor")


def cmd_manage(args: argparse.Namespace) -> None:
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["newsdesk manage", *args.args])


if __name__ == "__main__":
    sys.exit(main())
