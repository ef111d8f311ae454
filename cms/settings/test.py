"""Tests: fast hasher, local-memory cache, eager tasks, in-memory email.

``DATABASE_URL`` picks the database (CI sets PostgreSQL); without it, SQLite.
Service-bound tests read ``REDIS_URL`` themselves and skip with a reason when it is
unset, unless ``KEHILOT_REQUIRE_SERVICES=1`` (CI), where a missing service fails.
"""

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, env

SECRET_KEY = "test-only-secret-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_BROKER_URL = ""
CELERY_TASK_ALWAYS_EAGER = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = str(BASE_DIR / ".test-media")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
KEHILOT_REQUIRE_SERVICES = env.bool("KEHILOT_REQUIRE_SERVICES", default=False)
LOGGING = {"version": 1, "disable_existing_loggers": False}
