#!/usr/bin/env python
"""The forum's pages against machina's stock views, on the same data, in one run.

Builds a throwaway database (an SQLite file in a temporary directory, or with
``--postgres`` the PostgreSQL database ``kehilot_bench_forum`` on 127.0.0.1:5432,
created and dropped here): the demo site tree, communities until the index holds
at least ``--forums`` forums (default 50: each community brings a category and
two forums), a few topics in each forum, and one topic with ``--posts`` posts
(default 200) by 20 different members.

Then fresh worker processes (``cms.settings.dev``, ``DEBUG=false``) request each
page ``--requests`` times through Django's test client, in-process and one at a
time (no network, no concurrency: this compares the work per request), as an
anonymous visitor and as a signed-in member of the community:

* **ours**: the site as configured: ``/forum/`` (machina's ``IndexView`` with our
  permission handler, rules and templates inside the site layout) and the topic
  page (``forum.conversation_views``), plus the forum API's equivalents
  (``/api/v3/forum/forums/`` and ``topics/{id}/`` with machina's 15 posts a page);
* **stock**: machina as it ships, on the same database: its own
  ``forum_permission`` app (permission handler, checker and middleware), its own
  templates (``board_base.html`` and all), its URLs only, and machina permission
  rows granting everyone ``can_see_forum``/``can_read_forum`` everywhere (our
  rules live in code, which stock machina cannot read). Same middleware
  otherwise, same context processors.

The stock worker runs first and again last (its two runs count as one, and
their spread shows the drift). Printed per page and role: queries per request,
requests/s, p50 and p95 in ms, and ours/stock ratios (requests/s: above 1 is
faster; p95: below 1 is faster). Nothing is asserted.

    python bench/forum.py [--forums 50] [--posts 200] [--requests 200] [--postgres]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine_info import load, machine

ROOT = Path(__file__).resolve().parents[1]
PG_NAME = "kehilot_bench_forum"
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"

STOCK_SETTINGS = """from cms.settings.dev import *  # noqa: F403
from machina import MACHINA_MAIN_TEMPLATE_DIR

INSTALLED_APPS = [  # noqa: F405
    "machina.apps.forum_permission"
    if app == "forum.machina_apps.forum_permission"
    else app
    for app in INSTALLED_APPS  # noqa: F405
]
MIDDLEWARE = [
    "machina.apps.forum_permission.middleware.ForumPermissionMiddleware"
    if entry == "forum.middleware.ForumPermissionMiddleware"
    else entry
    for entry in MIDDLEWARE  # noqa: F405
]
TEMPLATES[0]["DIRS"] = [MACHINA_MAIN_TEMPLATE_DIR]  # noqa: F405
ROOT_URLCONF = "kbench_forum_stock_urls"
"""

STOCK_URLS = """from django.urls import include, path
from machina import urls as machina_urls

urlpatterns = [path("forum/", include(machina_urls))]
"""


# --- workers -----------------------------------------------------------------------


def worker_build(forums: int, posts: int) -> dict:
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from machina.apps.forum_permission.models import (
        ForumPermission,
        UserForumPermission,
    )
    from machina.core.db.models import get_model

    sys.path.insert(0, str(ROOT))
    from forum.models import CommunityForum, Forum, Kind
    from tests.sitebuilder import SiteBuilder, role_holder

    Topic = get_model("forum_conversation", "Topic")
    Post = get_model("forum_conversation", "Post")
    call_command("migrate", verbosity=0)
    site = SiteBuilder.build()
    first = site.community("קהילת מדידה", english="Bench community")
    number = 0
    while Forum.objects.count() < forums:
        site.community(f"קהילה {number}")
        number += 1
    member = role_holder(first, "bench_member")
    posters = [member] + [role_holder(first, f"poster{n}") for n in range(19)]
    general = CommunityForum.objects.get(community=first, kind=Kind.GENERAL).forum
    for index, forum in enumerate(Forum.objects.filter(type=Forum.FORUM_POST)):
        for n in range(3):
            _topic(Topic, Post, forum, posters[(index + n) % 20], f"נושא {n}", 2)
    measured = _topic(Topic, Post, general, member, "נושא ארוך", posts - 1, posters)
    # Stock machina reads permissions from rows: everyone sees and reads everything.
    for codename in ("can_see_forum", "can_read_forum"):
        permission = ForumPermission.objects.get(codename=codename)
        for who in ("anonymous_user", "authenticated_user"):
            UserForumPermission.objects.create(
                permission=permission, has_perm=True, **{who: True}
            )
    return {
        "forums": Forum.objects.count(),
        "topics": Topic.objects.count(),
        "posts": Post.objects.count(),
        "topic_id": measured.pk,
        "topic_posts": measured.posts.count(),
        "member": member.pk,
        "staff_users": User.objects.filter(is_superuser=True).count(),
    }


def _topic(Topic, Post, forum, poster, subject, replies, posters=None):
    topic = Topic.objects.create(
        forum=forum,
        poster=poster,
        subject=subject,
        type=Topic.TOPIC_POST,
        status=Topic.TOPIC_UNLOCKED,
    )
    Post.objects.create(
        topic=topic, poster=poster, subject=subject, content=f"**{subject}**"
    )
    for n in range(replies):
        who = posters[n % len(posters)] if posters else poster
        text = f"תגובה {n}: [קישור](https://example.org/{n}) ו*הדגשה*"
        Post.objects.create(topic=topic, poster=who, subject="Re", content=text)
    topic.refresh_from_db()
    return topic


def worker_measure(mode: str, built: dict, requests: int) -> dict:
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import translation
    from machina.core.db.models import get_model

    Topic = get_model("forum_conversation", "Topic")
    topic = Topic.objects.select_related("forum").get(pk=built["topic_id"])
    with translation.override("he"):
        pages = {
            "forum index": reverse("forum:index"),
            "topic page": reverse(
                "forum_conversation:topic",
                kwargs={
                    "forum_slug": topic.forum.slug,
                    "forum_pk": topic.forum_id,
                    "slug": topic.slug,
                    "pk": topic.pk,
                },
            ),
        }
    if mode == "ours":
        pages["API forums/"] = "/api/v3/forum/forums/"
        pages["API topics/{id}/"] = f"/api/v3/forum/topics/{topic.pk}/?per_page=15"
    member = User.objects.get(pk=built["member"])
    results = {}
    for role in ("anonymous", "member"):
        client = Client(HTTP_HOST="localhost")
        if role == "member":
            client.force_login(member)
        for name, url in pages.items():
            for _ in range(5):  # warm: templates, caches, the session row
                response = client.get(url)
            assert response.status_code == 200, (mode, url, response.status_code)
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            queries = len(captured)
            times = []
            for _ in range(requests):
                began = time.perf_counter()
                client.get(url)
                times.append(time.perf_counter() - began)
            results[f"{name}|{role}"] = {
                "url": url,
                "queries": queries,
                "bytes": len(response.content),
                "ms": [t * 1000 for t in times],
            }
    return results


# --- driver ------------------------------------------------------------------------


def run_worker(args, env: dict, *extra: str) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), *extra]
    command += ["--requests", str(args.requests), "--forums", str(args.forums)]
    command += ["--posts", str(args.posts)]
    result = subprocess.run(
        command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=3600
    )
    if result.returncode != 0:
        raise RuntimeError(f"worker {extra} failed:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _pg(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(sql)


def summarise(runs: list[dict]) -> dict:
    """Merge the runs of one mode (the stock baseline runs twice)."""
    rows = {}
    for key in runs[0]:
        ms = [t for run in runs for t in run[key]["ms"]]
        cuts = statistics.quantiles(ms, n=20)
        rows[key] = {
            "queries": sorted({run[key]["queries"] for run in runs}),
            "rps": 1000 * len(ms) / sum(ms),
            "p50": statistics.median(ms),
            "p95": cuts[18],
            "rps_per_run": [1000 * len(r[key]["ms"]) / sum(r[key]["ms"]) for r in runs],
            "kb": runs[0][key]["bytes"] / 1024,
        }
    return rows


def print_table(ours: dict, stock: dict) -> None:
    header = ("page", "who", "queries ours/stock", "req/s ours", "req/s stock")
    header += ("× req/s", "p50 ours", "p50 stock", "p95 ours", "p95 stock", "× p95")
    print("| " + " | ".join(header) + " |")
    print("| --- | --- | " + " | ".join("---:" for _ in header[2:]) + " |")
    for key, row in ours.items():
        page, role = key.split("|")
        base_key = key if key in stock else key.replace("API forums/", "forum index")
        base_key = base_key.replace("API topics/{id}/", "topic page")
        base = stock[base_key]
        label = page if key in stock else f"{page} (vs stock {base_key.split('|')[0]})"
        cells = (
            label,
            role,
            f"{'/'.join(map(str, row['queries']))} / "
            f"{'/'.join(map(str, base['queries']))}",
            f"{row['rps']:.1f}",
            f"{base['rps']:.1f}",
            f"{row['rps'] / base['rps']:.2f}",
            f"{row['p50']:.1f}",
            f"{base['p50']:.1f}",
            f"{row['p95']:.1f}",
            f"{base['p95']:.1f}",
            f"{row['p95'] / base['p95']:.2f}",
        )
        print("| " + " | ".join(cells) + " |")
    drift = ", ".join(
        f"{key.replace('|', ' ')} {'/'.join(f'{r:.0f}' for r in row['rps_per_run'])}"
        for key, row in stock.items()
    )
    print(f"stock req/s, first and last run (drift): {drift}")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--forums", type=int, default=50)
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--requests", type=int, default=200, help="GETs per page")
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--built", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.worker == "build":
        print(json.dumps(worker_build(args.forums, args.posts)))
        return 0
    if args.worker in ("ours", "stock"):
        built = json.loads(args.built)
        print(json.dumps(worker_measure(args.worker, built, args.requests)))
        return 0
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    tmp = Path(tempfile.mkdtemp(prefix="kehilot-bench-forum-"))
    (tmp / "kbench_forum_stock_settings.py").write_text(STOCK_SETTINGS)
    (tmp / "kbench_forum_stock_urls.py").write_text(STOCK_URLS)
    if args.postgres:
        _pg(f"DROP DATABASE IF EXISTS {PG_NAME}")
        _pg(f"CREATE DATABASE {PG_NAME}")
        database = f"postgres://postgres@127.0.0.1:5432/{PG_NAME}"
    else:
        database = f"sqlite:///{tmp / 'bench.sqlite3'}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": database,
        "DEBUG": "false",
        "REDIS_URL": "",
        "CELERY_BROKER_URL": "",
        "ELASTICSEARCH_URL": "",
        "PYTHONPATH": os.pathsep.join([str(tmp), str(ROOT)]),
        "PYTHONWARNINGS": "ignore",
    }
    stock_env = {**env, "DJANGO_SETTINGS_MODULE": "kbench_forum_stock_settings"}
    try:
        print("building the data ...", flush=True)
        built = run_worker(args, env, "--worker", "build")
        print(f"built: {built}", flush=True)
        runs: dict[str, list[dict]] = {"stock": [], "ours": []}
        for mode in ("stock", "ours", "stock"):
            print(f"measuring {mode} ...", flush=True)
            worker_env = stock_env if mode == "stock" else env
            runs[mode].append(
                run_worker(
                    args, worker_env, "--worker", mode, "--built", json.dumps(built)
                )
            )
    except KeyboardInterrupt:
        print("\ninterrupted; cleaning up", file=sys.stderr)
        return 130
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if args.postgres:
            _pg(f"DROP DATABASE IF EXISTS {PG_NAME}")
    ours, stock = summarise(runs["ours"]), summarise(runs["stock"])
    when = datetime.datetime.now().astimezone().isoformat(timespec="minutes")
    engine = "PostgreSQL" if args.postgres else "SQLite"
    print(
        f"\nKehilot forum vs stock machina, {when}; {machine()}; "
        f"load {load()}; {engine}"
    )
    print(
        f"{built['forums']} forums, {built['topics']} topics, {built['posts']} posts; "
        f"the topic has {built['topic_posts']} posts (15 a page); "
        f"{args.requests} sequential GETs per page and role, in-process test client"
    )
    print_table(ours, stock)
    name = f"forum-{int(time.time())}.json"
    out = args.json or ROOT / "bench" / "results" / name
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "when": when,
        "machine": f"{machine()}; load {load()}",
        "engine": engine,
        "built": built,
    }
    payload |= {"args": vars(args), "ours": ours, "stock": stock}
    out.write_text(json.dumps(payload, indent=1, default=str))
    print(f"figures written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
