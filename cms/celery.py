"""The Celery app. Broker from ``CELERY_BROKER_URL``; without one tasks run eagerly.

Workers: ``celery -A cms worker``; schedules: ``celery -A cms beat``.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

app = Celery("kehilot")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
