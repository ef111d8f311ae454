#!/usr/bin/env python
"""What installed plugins cost: start-up time and per-request slot rendering.

Generates N synthetic plugins (default 0, 3 and 20) into a temporary directory:
each is a minimal ``PluginConfig`` package whose ``template_content.py`` fills the
three reserved slots (two render functions and one template). Then, in fresh
subprocesses with that directory on ``PYTHONPATH`` and the plugins in ``PLUGINS``
(``cms.settings.dev``, ``DEBUG=false``, SQLite in memory, local-memory cache):

* start-up: ``django.setup()`` plus building the URL conf (which assembles the
  API), median of ``--startup-runs`` processes per N, the Ns interleaved;
* a community page through Django's test client (warm, ``--requests`` GETs; the
  median per request) on a small tree built like ``tests/sitebuilder.py``, its
  SQL query count, and ``plugins.slots.render_slot`` called directly for the
  three slots (``--slot-calls`` times; the median per call of all three).

The 0-plugin baseline's render worker runs first and again last; its two runs
count as one. Every figure is also given as a ratio of that baseline, measured
in the same run. Nothing is asserted: figures vary by machine. The temporary
directory is removed on exit, Ctrl-C and errors.

    python bench/plugins.py [--counts 0,3,20] [--startup-runs 7] [--requests 300]
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
PREFIX = "kbench_plugin_"

APPS_PY = """from plugins.api import PluginConfig


class BenchPluginConfig(PluginConfig):
    name = "{name}"
    label = "{name}"
    verbose_name = "Bench plugin {index}"
    version = "1.0.{index}"
    requires_core = ">=0.1"
    default_settings = {{"greeting": "plugin {index}"}}
"""

TEMPLATE_CONTENT_PY = """from django.utils.html import format_html

from plugins.api import TemplateSlot, plugin_settings


def banner(context, page=None, **kwargs):
    return format_html(
        '<p class="kbench-banner">{{}}</p>', plugin_settings("{name}")["greeting"]
    )


def after_body(context, page=None, **kwargs):
    return format_html('<p class="kbench-after">{{}}</p>', page.title)


template_slots = [
    TemplateSlot("site_banner", render=banner),
    TemplateSlot("community_sidebar", template="{name}/sidebar.html", order={index}),
    TemplateSlot("community_after_body", render=after_body),
]
"""

SIDEBAR_HTML = (
    '<section class="kbench-sidebar"><h2>{{ page.title }}</h2>'
    "<p>{{ request.path }}</p></section>\n"
)


def write_plugins(directory: Path, count: int) -> list[str]:
    """``count`` plugin packages in ``directory``; returns their dotted names."""
    names = []
    for index in range(count):
        name = f"{PREFIX}{index:02d}"
        package = directory / name
        (package / "templates" / name).mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "apps.py").write_text(APPS_PY.format(name=name, index=index))
        (package / "template_content.py").write_text(
            TEMPLATE_CONTENT_PY.format(name=name, index=index)
        )
        (package / "templates" / name / "sidebar.html").write_text(SIDEBAR_HTML)
        names.append(name)
    return names


# --- workers (run in a fresh subprocess each) --------------------------------------


def worker_startup() -> dict:
    started = time.perf_counter()
    import django

    django.setup()
    set_up = time.perf_counter()
    from django.urls import get_resolver

    # Imports cms.urls (which builds the API) and indexes every pattern.
    patterns = len(get_resolver().reverse_dict)
    done = time.perf_counter()
    from plugins.registry import registry

    return {
        "setup_ms": (set_up - started) * 1000,
        "urls_ms": (done - set_up) * 1000,
        "total_ms": (done - started) * 1000,
        "active": len(registry.active_labels()),
        "url_names": patterns,
    }


def worker_render(requests: int, slot_calls: int) -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, RequestFactory
    from django.test.utils import CaptureQueriesContext

    from plugins.registry import registry
    from plugins.slots import RESERVED_SLOTS, render_slot

    sys.path.insert(0, str(ROOT))
    from tests.sitebuilder import SiteBuilder

    call_command("migrate", verbosity=0)
    site = SiteBuilder.build()
    community = site.community("קהילת מדידה", english="Bench community")
    for number in range(3):
        site.community(f"קהילה {number}")
        site.news_item(site.news, f"חדשות {number}")
    client = Client(HTTP_HOST="localhost")
    for _ in range(5):  # warm: templates, caches, the activation map
        html = client.get(community.url).content.decode()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(community.url).status_code == 200
    # Read now: the next request's reset_queries() empties what it slices.
    queries = len(captured)
    page_times = []
    for _ in range(requests):
        began = time.perf_counter()
        client.get(community.url)
        page_times.append(time.perf_counter() - began)

    request = RequestFactory().get(community.url)
    context = {"request": request}
    slots = sorted(RESERVED_SLOTS)
    slot_times = []
    for _ in range(slot_calls):
        began = time.perf_counter()
        for slot in slots:
            render_slot(slot, context, page=community)
        slot_times.append(time.perf_counter() - began)
    return {
        "active": len(registry.active_labels()),
        "slot_entries": sum(len(v) for v in registry.template_slots.values()),
        "banners_on_page": html.count('class="kbench-banner"'),
        "queries": queries,
        "page_ms": [t * 1000 for t in page_times],
        "slots_us": [t * 1_000_000 for t in slot_times],
    }


def run_worker(mode: str, names: list[str], plugin_dir: Path, args) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": "sqlite:///:memory:",
        "DEBUG": "false",
        "REDIS_URL": "",
        "CELERY_BROKER_URL": "",
        "ELASTICSEARCH_URL": "",
        "PLUGINS": ",".join(names),
        "PLUGINS_EXCLUDE": "",
        "PYTHONPATH": os.pathsep.join([str(plugin_dir), str(ROOT)]),
        "PYTHONWARNINGS": "ignore",
    }
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", mode]
    command += ["--requests", str(args.requests), "--slot-calls", str(args.slot_calls)]
    result = subprocess.run(
        command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    if result.returncode != 0:
        raise RuntimeError(f"{mode} worker failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- driver ------------------------------------------------------------------------


def measure(args, plugin_dir: Path) -> list[dict]:
    # The sets nest (the 3 are the first 3 of the 20); only those in PLUGINS load.
    names = write_plugins(plugin_dir, max(args.counts))
    plugin_sets = {n: names[:n] for n in args.counts}
    startup: dict[int, list[dict]] = {n: [] for n in args.counts}
    for run in range(args.startup_runs):
        print(f"start-up run {run + 1}/{args.startup_runs} ...", flush=True)
        for n in args.counts:
            startup[n].append(run_worker("startup", plugin_sets[n], plugin_dir, args))
    render: dict[int, list[dict]] = {n: [] for n in args.counts}
    baseline = args.counts[0]
    for n in [*args.counts, baseline]:
        print(f"rendering with {n} plugins ...", flush=True)
        render[n].append(run_worker("render", plugin_sets[n], plugin_dir, args))
    rows = []
    for n in args.counts:
        runs = render[n]
        rows.append(
            {
                "plugins": n,
                "active": runs[0]["active"],
                "slot_entries": runs[0]["slot_entries"],
                "banners_on_page": runs[0]["banners_on_page"],
                "queries": sorted({r["queries"] for r in runs}),
                "startup_ms": statistics.median(r["total_ms"] for r in startup[n]),
                "setup_ms": statistics.median(r["setup_ms"] for r in startup[n]),
                "urls_ms": statistics.median(r["urls_ms"] for r in startup[n]),
                "page_ms": statistics.median(t for r in runs for t in r["page_ms"]),
                "page_ms_per_run": [statistics.median(r["page_ms"]) for r in runs],
                "slots_us": statistics.median(t for r in runs for t in r["slots_us"]),
            }
        )
    return rows


def print_table(rows: list[dict], args) -> None:
    base = rows[0]
    print(
        f"start-up: median of {args.startup_runs} processes; page: median of "
        f"{args.requests} warm GETs per worker; slots: median of {args.slot_calls} "
        "calls rendering all three slots directly"
    )
    header = (
        "plugins",
        "slot entries",
        "queries/page",
        "start-up ms",
        "× 0",
        "(setup + urls)",
        "page ms",
        "× 0",
        "3 slots µs",
        "µs per entry",
    )
    print("| " + " | ".join(header) + " |")
    print("| " + " | ".join("---:" for _ in header) + " |")
    for row in rows:
        entries = row["slot_entries"]
        per_entry = (row["slots_us"] - base["slots_us"]) / entries if entries else 0
        cells = (
            row["plugins"],
            entries,
            "/".join(str(q) for q in row["queries"]),
            f"{row['startup_ms']:.0f}",
            f"{row['startup_ms'] / base['startup_ms']:.2f}",
            f"{row['setup_ms']:.0f} + {row['urls_ms']:.0f}",
            f"{row['page_ms']:.2f}",
            f"{row['page_ms'] / base['page_ms']:.2f}",
            f"{row['slots_us']:.0f}",
            f"{per_entry:.1f}" if entries else "-",
        )
        print("| " + " | ".join(str(c) for c in cells) + " |")
    first, *rest = base["page_ms_per_run"]
    if rest:
        print(
            f"baseline page ms, first and last worker: {first:.2f} and "
            f"{rest[-1]:.2f} (drift while the others ran)"
        )
    for row in rows:
        if row["active"] != row["plugins"] or row["banners_on_page"] != row["plugins"]:
            print(
                f"warning: {row['plugins']} plugins asked for, {row['active']} "
                f"active, {row['banners_on_page']} banners on the page"
            )


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--counts",
        type=lambda text: [int(n) for n in text.split(",")],
        default=[0, 3, 20],
        help="plugin counts, baseline first (default 0,3,20)",
    )
    parser.add_argument("--startup-runs", type=int, default=7)
    parser.add_argument("--requests", type=int, default=300, help="page GETs per N")
    parser.add_argument("--slot-calls", type=int, default=2000)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument(
        "--worker", choices=["startup", "render"], help=argparse.SUPPRESS
    )
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.worker == "startup":
        print(json.dumps(worker_startup()))
        return 0
    if args.worker == "render":
        print(json.dumps(worker_render(args.requests, args.slot_calls)))
        return 0
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    plugin_dir = Path(tempfile.mkdtemp(prefix="kehilot-bench-plugins-"))
    try:
        rows = measure(args, plugin_dir)
    except KeyboardInterrupt:
        print("\ninterrupted; cleaning up", file=sys.stderr)
        return 130
    finally:
        shutil.rmtree(plugin_dir, ignore_errors=True)
    when = datetime.datetime.now().astimezone().isoformat(timespec="minutes")
    print(f"\nKehilot plugin cost, {when}; {machine()}; load {load()}")
    print_table(rows, args)
    out = args.json or ROOT / "bench" / "results" / f"plugins-{int(time.time())}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {"when": when, "machine": machine(), "args": vars(args), "rows": rows},
            indent=1,
            default=str,
        )
    )
    print(f"figures written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
