from celery import shared_task

from plugins.api import PeriodicTask


@shared_task(name="testdummy.count_notes")
def count_notes() -> int:
    from .models import DummyNote

    return DummyNote.objects.count()


periodic_tasks = [PeriodicTask("count-notes", "testdummy.count_notes", schedule=3600)]
