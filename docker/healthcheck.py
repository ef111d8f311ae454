"""Container health checks that need no curl: ``python docker/healthcheck.py web|beat``.

web   GET http://127.0.0.1:8000/healthz with a Host header taken from ALLOWED_HOSTS
      (Django rejects a Host it does not know); healthy on 200. /healthz is exempt
      from the HTTPS redirect, and answers 503 when the database, cache, broker or
      search engine is down.
beat  celery beat answers no pings; it rewrites its schedule file at least every
      few minutes (sync every 3 min, loop at most 5 min), so a fresh file means a
      live scheduler.
"""

import glob
import http.client
import os
import sys
import time

BEAT_SCHEDULE = os.environ.get("CELERY_BEAT_SCHEDULE_FILE", "/tmp/celerybeat-schedule")
BEAT_MAX_AGE = 15 * 60


def check_web() -> bool:
    hosts = [
        h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()
    ]
    host = hosts[0].lstrip(".") if hosts else "localhost"
    connection = http.client.HTTPConnection("127.0.0.1", 8000, timeout=10)
    connection.request("GET", "/healthz", headers={"Host": host})
    response = connection.getresponse()
    body = response.read(2000)
    if response.status != 200:
        print(response.status, body.decode("utf-8", "replace"), file=sys.stderr)
    return response.status == 200


def check_beat() -> bool:
    files = glob.glob(BEAT_SCHEDULE + "*")
    if not files:
        print(f"no schedule file at {BEAT_SCHEDULE}*", file=sys.stderr)
        return False
    age = time.time() - max(os.path.getmtime(name) for name in files)
    if age > BEAT_MAX_AGE:
        print(f"schedule file not written for {age:.0f}s", file=sys.stderr)
    return age <= BEAT_MAX_AGE


if __name__ == "__main__":
    checks = {"web": check_web, "beat": check_beat}
    if len(sys.argv) != 2 or sys.argv[1] not in checks:
        sys.exit(f"usage: {sys.argv[0]} {'|'.join(checks)}")
    try:
        sys.exit(0 if checks[sys.argv[1]]() else 1)
    except OSError as error:
        sys.exit(f"{type(error).__name__}: {error}")
