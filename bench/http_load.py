#!/usr/bin/env python
"""HTTP throughput and latency of the public pages under concurrent load.

Serves the site with gunicorn (production settings, 2 sync workers) against a
throw-away PostgreSQL database, ``kehilot_bench``, filled by ``seed_demo`` plus
generated communities, and measures at N and 2N communities:

* the SQL query count of each view, in-process with Django's test client;
* requests/s, median and p95 latency over HTTP (bounded: ``--requests`` per view,
  ``--concurrency`` threads with keep-alive connections, ``--time-limit`` seconds);
* each view's throughput as a ratio of a baseline view (``/robots.txt``, which
  touches no database) measured in the same run.

Only 127.0.0.1 is contacted. The gunicorn process group and the database are
removed on exit, Ctrl-C and errors. No assertions: figures vary by machine.

    python bench/http_load.py [--communities 20] [--requests 400] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import http.client
import io
import itertools
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import asdict, dataclass, field
from pathlib import Path

from machine_info import machine

ROOT = Path(__file__).resolve().parents[1]
DB_NAME = "kehilot_bench"
PG_SERVER = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
HOST = "127.0.0.1"
BASELINE = "robots.txt"


@dataclass
class ViewResult:
    view: str
    path: str
    communities: int
    queries: int | None = None
    requests: int = 0
    errors: dict = field(default_factory=dict)
    seconds: float = 0.0
    rps: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    ratio: float | None = None


# --- the throw-away database ------------------------------------------------------


def _admin_connection():
    import psycopg

    return psycopg.connect(
        dbname="postgres", autocommit=True, connect_timeout=5, **PG_SERVER
    )


def create_database() -> None:
    with _admin_connection() as conn:
        # Ours by name: a run killed with SIGKILL may have left it behind.
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def drop_database() -> None:
    with _admin_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


def bench_environment(
    static_root: str, media_root: str, conn_max_age: int
) -> dict[str, str]:
    """Production settings on loopback; empty values override any .env file."""
    database_url = "postgres://{user}@{host}:{port}/{db}".format(
        db=DB_NAME, **PG_SERVER
    )
    return {
        "DATABASE_CONN_MAX_AGE": str(conn_max_age),
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "REDIS_URL": "",
        "CELERY_BROKER_URL": "",
        "CELERY_RESULT_BACKEND": "",
        "ELASTICSEARCH_URL": "",
        "EMAIL_URL": "consolemail://",
        "STATIC_ROOT": static_root,
        "MEDIA_ROOT": media_root,
        "LOG_LEVEL": "WARNING",
    }


# --- content -------------------------------------------------------------------------


def seed() -> str:
    from django.core.management import call_command, get_commands

    if "seed_demo" in get_commands():
        # A loopback-only throw-away database: demo logins are harmless here.
        call_command(
            "seed_demo", "--allow-production-demo", verbosity=0, stdout=io.StringIO()
        )
        return "seed_demo"
    _minimal_site()
    return "minimal site (seed_demo not available)"


def _minimal_site() -> None:
    from wagtail.models import Page, Site

    from cms.models import CommunityIndexPage, HomePage

    root = Page.get_first_root_node()
    home = HomePage(title="רשת הקהילות", slug="home")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True
    )
    index = CommunityIndexPage(title="קהילות", slug="communities")
    home.add_child(instance=index)
    index.save_revision().publish()


def community_index():
    from django.conf import settings

    from cms.models import CommunityIndexPage

    return (
        CommunityIndexPage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("path")
        .first()
    )


def _logo():
    from django.core.files.images import ImageFile
    from PIL import Image
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    Image.new("RGB", (240, 240), (30, 90, 160)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title="bench logo", file=ImageFile(buffer, name="bench-logo.png")
    )


CITIES = [
    ("Berlin", "DE"),
    ("Paris", "FR"),
    ("London", "GB"),
    ("Wien", "AT"),
    ("Amsterdam", "NL"),
    ("Madrid", "ES"),
    ("Roma", "IT"),
    ("Praha", "CZ"),
]


def grow_communities(target: int) -> int:
    """Publish generated communities until the index holds ``target``; return how
    many it holds."""
    from cms.models import CommunityPage, Language

    index = community_index()
    existing = CommunityPage.objects.child_of(index).live().count()
    if existing >= target:
        return existing
    logo = _logo()
    languages = list(Language.objects.filter(code__in=["he", "en"]))
    for i in range(existing, target):
        city, country = CITIES[i % len(CITIES)]
        page = CommunityPage(
            title=f"קהילה {i + 1} ב{city}",
            slug=f"bench-community-{i + 1}",
            city=city,
            country=country,
            short_description=(
                f"קהילה ישראלית פעילה ב{city}: חגים, חוגים ולימודי עברית."
            ),
            body=[
                ("rich_text", "<p>מפגשים שבועיים, חוגי עברית לילדים ואירועי חג.</p>")
            ],
            logo=logo,
            contact_email=f"community{i + 1}@example.org",
        )
        index.add_child(instance=page)
        page.languages.set(languages)
        page.tags.add("חגים", f"עיר-{city}")
        page.save_revision().publish()
    return CommunityPage.objects.child_of(index).live().count()


def views_to_measure() -> dict[str, str]:
    from cms.models import CommunityPage

    first = (
        CommunityPage.objects.child_of(community_index()).live().order_by("pk").first()
    )
    community_url = urllib.parse.quote(first.get_url(), safe="/")
    return {
        BASELINE: "/robots.txt",
        "healthz": "/healthz",
        "home": "/",
        "community page": community_url,
        "api page list": "/api/v3/pages/?type=cms.CommunityPage&limit=20",
    }


def count_queries(path: str) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    client.get(path)  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code} in-process")
    return len(captured)


# --- gunicorn ------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:
    """Linux: stop gunicorn's master if this process dies, even by SIGKILL."""
    with contextlib.suppress(Exception):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL("libc.so.6").prctl(pr_set_pdeathsig, signal.SIGINT)


def _tail(path: Path, lines: int = 20) -> str:
    with contextlib.suppress(OSError):
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    return ""


def start_gunicorn(
    env: dict, workers: int, log_path: Path
) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "cms.wsgi:application",
        "--workers",
        str(workers),
        "--bind",
        f"{HOST}:{port}",
        "--log-level",
        "warning",
        "--error-logfile",
        "-",
    ]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            # No other thread runs yet: the load threads start after this.
            preexec_fn=_die_with_parent,  # noqa: PLW1509
        )
    try:
        _wait_until_ready(process, port, log_path)
    except BaseException:
        stop_gunicorn(process)
        raise
    return process, port


def _wait_until_ready(process: subprocess.Popen, port: int, log_path: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"gunicorn exited with {process.returncode}:\n{_tail(log_path)}"
            )
        with contextlib.suppress(OSError, http.client.HTTPException):
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/healthz", headers={"Host": HOST})
            if conn.getresponse().status == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(
        f"gunicorn did not answer /healthz within 30 s:\n{_tail(log_path)}"
    )


def stop_gunicorn(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        # SIGINT is gunicorn's quick shutdown; nothing in flight is worth waiting for.
        os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


# --- load ----------------------------------------------------------------------------


def run_load(
    port: int,
    path: str,
    total: int,
    concurrency: int,
    time_limit: float,
    stop: threading.Event,
) -> tuple[list[float], dict, float]:
    """``total`` GETs of ``path`` from ``concurrency`` keep-alive threads; at most
    ``time_limit`` seconds. Returns latencies (s) of 200 responses, other outcomes
    by kind, and the wall time."""
    tickets = itertools.count()
    deadline = time.monotonic() + time_limit
    latencies: list[float] = []
    errors: dict[str, int] = {}
    lock = threading.Lock()

    def worker() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        ok, failed = [], []
        while (
            not stop.is_set() and time.monotonic() < deadline and next(tickets) < total
        ):
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Host": HOST})
                response = conn.getresponse()
                response.read()
                outcome = response.status
                if response.will_close:  # gunicorn's sync workers close each time
                    conn.close()
            except (OSError, http.client.HTTPException) as error:
                conn.close()
                outcome = type(error).__name__
            if outcome == 200:
                ok.append(time.perf_counter() - started)
            else:
                failed.append(outcome)
        conn.close()
        with lock:
            latencies.extend(ok)
            for outcome in failed:
                errors[str(outcome)] = errors.get(str(outcome), 0) + 1

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - started


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def measure(
    port: int, views: dict, communities: int, queries: dict, args, stop: threading.Event
) -> list[ViewResult]:
    """Load each view in turn; the baseline runs first and last (load from other
    processes drifts), and its two runs count as one."""
    samples: dict[str, tuple[list[float], dict, float]] = {}
    order = [BASELINE, *(name for name in views if name != BASELINE), BASELINE]
    for name in order:
        path = views[name]
        # Warm both workers (templates, connections, image renditions).
        run_load(port, path, 4 * args.concurrency, args.concurrency, 30, stop)
        latencies, errors, seconds = run_load(
            port, path, args.requests, args.concurrency, args.time_limit, stop
        )
        if stop.is_set():
            raise KeyboardInterrupt
        if name in samples:
            before, before_errors, before_seconds = samples[name]
            latencies = before + latencies
            errors = {
                k: before_errors.get(k, 0) + errors.get(k, 0)
                for k in {*before_errors, *errors}
            }
            seconds += before_seconds
        samples[name] = (latencies, errors, seconds)
    results = []
    for name, path in views.items():
        latencies, errors, seconds = samples[name]
        results.append(
            ViewResult(
                view=name,
                path=path,
                communities=communities,
                queries=queries[name],
                requests=len(latencies),
                errors=errors,
                seconds=round(seconds, 2),
                rps=round(len(latencies) / seconds, 1) if seconds else 0.0,
                p50_ms=round(percentile(latencies, 50) * 1000, 1),
                p95_ms=round(percentile(latencies, 95) * 1000, 1),
            )
        )
    baseline = next(r for r in results if r.view == BASELINE).rps
    for result in results:
        result.ratio = round(result.rps / baseline, 3) if baseline else None
    return results


# --- report --------------------------------------------------------------------------


def machine_and_database() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg_version = cursor.fetchone()[0]
    return f"{machine()}, PostgreSQL {pg_version}"


def print_table(results: list[ViewResult], header: str) -> None:
    columns = [
        "view",
        "communities",
        "queries",
        "ok",
        "errors",
        "req/s",
        "p50 ms",
        "p95 ms",
        f"x {BASELINE}",
    ]
    rows = [
        [
            r.view,
            str(r.communities),
            str(r.queries),
            str(r.requests),
            ", ".join(f"{k}:{v}" for k, v in r.errors.items()) or "0",
            f"{r.rps:.1f}",
            f"{r.p50_ms:.1f}",
            f"{r.p95_ms:.1f}",
            f"{r.ratio:.3f}" if r.ratio is not None else "-",
        ]
        for r in results
    ]
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        print(header)
        widths = [
            max(len(c), *(len(row[i]) for row in rows)) for i, c in enumerate(columns)
        ]
        for row in [columns, *rows]:
            print(
                "  ".join(
                    cell.rjust(w) if i else cell.ljust(w)
                    for i, (cell, w) in enumerate(zip(row, widths, strict=True))
                )
            )
        return
    table = Table(title=header, title_justify="left")
    for i, column in enumerate(columns):
        table.add_column(column, justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(*row)
    Console(width=120).print(table)


# --- main ----------------------------------------------------------------------------


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--communities", type=int, default=20, help="N (also runs 2N)")
    parser.add_argument("--requests", type=int, default=400, help="per view and size")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--time-limit", type=float, default=60.0, help="seconds per view"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--conn-max-age",
        type=int,
        default=60,
        help="persistent database connections (seconds; production's default "
        "is 60); 0 opens one per request",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=None,
        help="also write the figures here (default bench/results/...)",
    )
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    stop = threading.Event()
    # Ctrl-C and SIGTERM both unwind through the finally block below (SIGINT is
    # set explicitly: a shell starts background jobs with it ignored).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    scratch = Path(tempfile.mkdtemp(prefix="kehilot-bench-"))
    env = bench_environment(
        str(scratch / "static"), str(scratch / "media"), args.conn_max_age
    )
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    gunicorn = None
    database_created = False
    try:
        create_database()
        database_created = True
        import django
        from django.core.management import call_command

        django.setup()
        print("migrating, collecting static files, seeding ...", flush=True)
        call_command("migrate", verbosity=0, interactive=False)
        call_command("collectstatic", verbosity=0, interactive=False)
        seeded_with = seed()

        results: list[ViewResult] = []
        sizes = [args.communities, 2 * args.communities]
        for size in sizes:
            communities = grow_communities(size)
            if communities != size:
                print(f"note: {communities} communities present (asked for {size})")
            views = views_to_measure()
            queries = {name: count_queries(path) for name, path in views.items()}
            if gunicorn is None:
                gunicorn, port = start_gunicorn(
                    env, args.workers, scratch / "gunicorn.log"
                )
            print(f"load at {communities} communities ...", flush=True)
            results += measure(port, views, communities, queries, args, stop)

        when = datetime.datetime.now().astimezone().isoformat(timespec="minutes")
        about = machine_and_database()
        header = (
            f"Kehilot HTTP load, {when}: gunicorn {args.workers} sync workers, "
            f"{args.concurrency} client threads, up to {args.requests} requests "
            f"per view, CONN_MAX_AGE={args.conn_max_age}; {about}; "
            f"content: {seeded_with}"
        )
        print()
        print_table(results, header)
        out = (
            args.json
            or ROOT / "bench" / "results" / f"http_load-{int(time.time())}.json"
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(
            json.dumps(
                {
                    "when": when,
                    "machine": about,
                    "args": {k: str(v) for k, v in vars(args).items()},
                    "content": seeded_with,
                    "results": [asdict(r) for r in results],
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        print(f"figures written to {out}")
        return 0
    except KeyboardInterrupt:
        print("\ninterrupted; cleaning up", file=sys.stderr)
        return 130
    finally:
        stop.set()
        stop_gunicorn(gunicorn)
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        if database_created:
            try:
                drop_database()
            except Exception as error:  # noqa: BLE001 - report, keep cleaning
                print(f"could not drop {DB_NAME}: {error}", file=sys.stderr)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
