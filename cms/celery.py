"""The Celery app. Broker from ``CELERY_BROKER_URL``; without one tasks run eagerly.

Workers: ``celery -A cms worker``; schedules: ``celery -A cms beat``.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

app = Celery("kehilot")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def add_plugin_schedules(sender: Celery, **kwargs) -> None:
    """Plugins' ``PeriodicTask`` entries join the beat schedule."""
    from plugins.registry import registry

    for name, task in registry.periodic_tasks.items():
        sender.conf.beat_schedule[name] = {
            "task": task.task,
            "schedule": task.schedule,
            "args": task.args,
        }
