"""Tests: fast hasher, local-memory cache, eager tasks, in-memory email.

``DATABASE_URL`` picks the database (CI sets PostgreSQL); without it, SQLite.
Service-bound tests read ``REDIS_URL`` themselves and skip with a reason when it is
unset, unless ``KEHILOT_REQUIRE_SERVICES=1`` (CI), where a missing service fails.
"""

import tempfile

from plugins.loading import discover_plugins

from .base import *  # noqa: F403
from .base import CORE_APPS, DATABASES, FIRST_PARTY_PLUGINS, env

SECRET_KEY = "test-only-secret-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "machina_attachments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "machina-attachments",
    },
}
CELERY_BROKER_URL = ""
CELERY_TASK_ALWAYS_EAGER = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Uploads and renditions go to a throwaway directory, never into the checkout.
MEDIA_ROOT = tempfile.mkdtemp(prefix="kehilot-test-media-")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
KEHILOT_REQUIRE_SERVICES = env.bool("KEHILOT_REQUIRE_SERVICES", default=False)
LOGGING = {"version": 1, "disable_existing_loggers": False}

# The test dummy plugin uses every extension point; it and the first-party
# plugins are on for the whole suite.
PLUGINS = ["tests.testdummy_plugin", *FIRST_PARTY_PLUGINS]
PLUGINS_EXCLUDE: list[str] = []
PLUGINS_CONFIG = {"testdummy": {"greeting": "shalom from settings"}}
PLUGIN_DISCOVERY = discover_plugins(PLUGINS, PLUGINS_EXCLUDE, PLUGINS_CONFIG)
INSTALLED_APPS = CORE_APPS + PLUGIN_DISCOVERY.app_paths
