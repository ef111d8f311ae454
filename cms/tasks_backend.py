"""Run Wagtail's django-tasks on the Celery workers.

Wagtail 8 enqueues its background work (reference index updates, deleting files
from storage) through django-tasks. In production we want one kind of worker, so
this backend hands each task to Celery by *module path and JSON arguments*; the
worker imports the task and calls it. Results are not stored (Wagtail never reads
them), so ``get_result`` is unsupported, as with django-tasks' dummy backend.
"""

from typing import Any

from celery import shared_task
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task, TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id, normalize_json


@shared_task(name="cms.run_django_task", ignore_result=True)
def run_django_task(module_path: str, args: list, kwargs: dict) -> None:
    """Celery entry point: import the django-tasks ``Task`` and call it."""
    task = import_string(module_path)
    task.call(*args, **kwargs)


class CeleryTaskBackend(BaseTaskBackend):
    """django-tasks backend that enqueues on Celery once the transaction commits."""

    supports_defer = False
    supports_async_task = False
    supports_get_result = False

    def enqueue(self, task: Task, args: Any, kwargs: Any) -> TaskResult:
        self.validate_task(task)
        args, kwargs = normalize_json(list(args)), normalize_json(dict(kwargs))
        result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        # Never hand a worker a row that a rollback may still take away.
        transaction.on_commit(
            lambda: run_django_task.apply_async(
                args=(task.module_path, args, kwargs), task_id=result.id
            )
        )
        return result
