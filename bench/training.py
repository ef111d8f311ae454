#!/usr/bin/env python
"""Training registration under concurrent load on PostgreSQL: throughput and p95.

Creates the throw-away database ``kehilot_bench_training`` on 127.0.0.1:5432
(user ``postgres``, trust auth; a leftover from a killed run is dropped first),
migrates it (``cms.settings.dev`` with ``DATABASE_URL`` pointing there), creates
courses, sessions and members, then, in this process, with ``--concurrency``
threads (one database connection each):

* **read** (baseline): a plain read of a session with its course, the row a
  registration starts from;
* **register, spread**: ``services.register`` over ``--sessions`` sessions, so
  row locks rarely meet; half the calls end on a waitlist;
* **register, one session**: every call on the same session, so every call
  queues on its row lock (the worst case the capacity guarantee costs);
* **cancel + promote**: cancellations that hand the seat to the next waiting
  member.

Each figure is also a ratio of the baseline measured in the same run. Emails
are not sent (the on-commit task enqueue is replaced by a no-op counter) unless
``--with-email``; in production they go to a Celery worker anyway. At the end
the seat counters are checked against the registrations. The database is
dropped on exit, Ctrl-C and errors. No assertions about time.

    python bench/training.py [--ops 400] [--concurrency 8] [--sessions 20]
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import platform
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DB_NAME = "kehilot_bench_training"
PG_SERVER = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}


def _admin_connection():
    import psycopg

    return psycopg.connect(
        dbname="postgres", autocommit=True, connect_timeout=5, **PG_SERVER
    )


def create_database() -> None:
    with _admin_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def drop_database() -> None:
    with _admin_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


def setup_django(with_email: bool) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": "postgres://{user}@{host}:{port}/{db}".format(
                db=DB_NAME, **PG_SERVER
            ),
            "CELERY_BROKER_URL": "",
            "REDIS_URL": "",
            "ELASTICSEARCH_URL": "",
            "EMAIL_URL": "consolemail://",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import logging

    from django.conf import settings
    from django.core.management import call_command

    logging.disable(logging.INFO)  # task and search-outbox chatter
    settings.DEBUG = False  # no query log growing in memory
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("migrate", verbosity=0, stdout=io.StringIO())
    if not with_email:
        from plugins.contrib.training import tasks

        tasks.send_registration_email.delay = lambda *args, **kwargs: None


def make_data(slug: str, sessions: int, capacity: int, users: int):
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import User
    from django.utils import timezone

    from plugins.contrib.training.models import Course, Session

    course = Course.objects.create(
        slug=slug, title_he="קורס מדידה", format="course", status="published"
    )
    start = timezone.now() + datetime.timedelta(days=10)
    made = [
        Session.objects.create(
            course=course,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
            capacity=capacity,
            city="חיפה",
        )
        for _ in range(sessions)
    ]
    password = make_password("bench")
    User.objects.bulk_create(
        [User(username=f"{slug}{i}", password=password) for i in range(users)]
    )
    return made, list(User.objects.filter(username__startswith=slug).order_by("pk"))


def run(name: str, ops: list, concurrency: int) -> dict:
    """Call each of ``ops`` once from ``concurrency`` threads; time every call."""
    from django.db import connection

    lock = threading.Lock()
    queue = list(reversed(ops))
    timings: list[float] = []
    errors: dict[str, int] = {}

    def worker():
        try:
            while True:
                with lock:
                    if not queue:
                        return
                    op = queue.pop()
                began = time.perf_counter()
                try:
                    op()
                except Exception as error:  # counted, shown in the table
                    with lock:
                        key = type(error).__name__
                        errors[key] = errors.get(key, 0) + 1
                elapsed = time.perf_counter() - began
                with lock:
                    timings.append(elapsed)
        finally:
            connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    timings.sort()
    return {
        "name": name,
        "ops": len(timings),
        "errors": errors,
        "ops_s": len(timings) / seconds if seconds else 0.0,
        "p50_ms": statistics.median(timings) * 1000 if timings else 0.0,
        "p95_ms": timings[int(0.95 * (len(timings) - 1))] * 1000 if timings else 0.0,
    }


def check_counters() -> str:
    from django.db.models import Count, Q

    from plugins.contrib.training.models import Session

    sessions = Session.objects.annotate(
        registered=Count("registrations", filter=Q(registrations__status="registered"))
    )
    wrong = [s.pk for s in sessions if s.seats_taken != s.registered]
    over = [s.pk for s in sessions if s.seats_taken > s.capacity]
    if wrong or over:
        return f"MISMATCH counters={wrong} over capacity={over}"
    return f"ok ({len(sessions)} sessions: seats_taken = registered <= capacity)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ops", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--with-email", action="store_true")
    args = parser.parse_args()

    create_database()
    try:
        setup_django(args.with_email)
        from plugins.contrib.training import services
        from plugins.contrib.training.models import Registration, Session

        per_session = max(args.ops // args.sessions, 1)
        spread, users = make_data(
            "spread", args.sessions, per_session // 2, args.ops * 2
        )
        (single,), _ = make_data("single", 1, args.ops // 2, 0)
        spread_users, single_users = users[: args.ops], users[args.ops :]

        def read(pk):
            return lambda: Session.objects.select_related("course").get(pk=pk)

        def register(user, pk):
            return lambda: services.register(user, pk)

        results = []
        baseline_ops = [read(spread[i % len(spread)].pk) for i in range(args.ops)]
        results.append(run("read session (baseline)", baseline_ops, args.concurrency))
        results.append(
            run(
                "register, spread",
                [
                    register(u, spread[i % len(spread)].pk)
                    for i, u in enumerate(spread_users)
                ],
                args.concurrency,
            )
        )
        results.append(
            run(
                "register, one session",
                [register(u, single.pk) for u in single_users],
                args.concurrency,
            )
        )
        seated = list(
            Registration.objects.filter(session=single, status="registered")
            .select_related("user")
            .order_by("pk")
        )
        results.append(
            run(
                "cancel + promote",
                [(lambda r=r: services.cancel(r.user, r.pk)) for r in seated],
                args.concurrency,
            )
        )
        results.append(run("read session (baseline)", baseline_ops, args.concurrency))
        report(results, args, check_counters())
    finally:
        from django.db import connections

        connections.close_all()
        drop_database()


def report(results: list[dict], args, counters: str) -> None:
    first, *middle, last = results
    base = (first["ops_s"] + last["ops_s"]) / 2
    base_p95 = (first["p95_ms"] + last["p95_ms"]) / 2
    rows = [
        {**first, "ops_s": base, "p95_ms": base_p95, "ops": first["ops"] + last["ops"]}
    ] + middle
    now = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    print(
        f"\nTraining registration on PostgreSQL · {now} · {os.cpu_count()} cores "
        f"· Python {platform.python_version()}"
    )
    print(
        f"{args.concurrency} threads, {args.ops} calls per scenario, "
        f"{args.sessions} sessions in the spread case; emails "
        f"{'sent (locmem)' if args.with_email else 'not sent'}\n"
    )
    header = f"{'scenario':<26}{'calls':>7}{'ops/s':>10}{'p50 ms':>9}{'p95 ms':>9}"
    print(header + f"{'× read':>9}  errors")
    print("-" * (len(header) + 17))
    for row in rows:
        ratio = row["ops_s"] / base if base else 0.0
        errors = ", ".join(f"{k}: {v}" for k, v in row["errors"].items()) or "-"
        print(
            f"{row['name']:<26}{row['ops']:>7}{row['ops_s']:>10.1f}"
            f"{row['p50_ms']:>9.2f}{row['p95_ms']:>9.2f}{ratio:>9.3f}  {errors}"
        )
    print(f"\ncounters: {counters}")


if __name__ == "__main__":
    main()
