"""gunicorn settings of the ``web`` container: ``gunicorn -c docker/gunicorn.conf.py``.

Tunable from the environment: ``GUNICORN_WORKERS`` (default 3), ``GUNICORN_THREADS``
(default 1), ``GUNICORN_TIMEOUT`` seconds (default 60).
"""

import os

bind = "0.0.0.0:8000"
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
# Heartbeat files on tmpfs: a container's overlay filesystem can stall them.
worker_tmp_dir = "/dev/shm"
accesslog = "-"
errorlog = "-"
