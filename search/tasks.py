"""Draining the outbox into the engine, with retries and back-off.

Items are read in batches (``SKIP LOCKED`` on PostgreSQL, so workers share the
work), each (label, pk) is looked up once in the database and indexed or
deleted, and the items are deleted only after the engine accepted the batch, in
the same transaction: a worker killed mid-batch leaves its items for the next
drain; an engine outage keeps them, pushed back exponentially, until the engine
returns. Indexing is idempotent, so seeing an item twice is harmless.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass

from celery import shared_task
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from search.building import build, document_key
from search.documents import all_documents
from search.engines import EngineError, get_engine
from search.models import OutboxItem

logger = logging.getLogger("search")

BATCH_SIZE = 200
MAX_BACKOFF = datetime.timedelta(minutes=30)


@dataclass
class DrainReport:
    indexed: int = 0
    deleted: int = 0
    failed: int = 0
    batches: int = 0

    @property
    def processed(self) -> int:
        return self.indexed + self.deleted


def backoff(attempts: int) -> datetime.timedelta:
    """2, 4, 8... seconds, capped at ``MAX_BACKOFF``."""
    return min(datetime.timedelta(seconds=2 ** min(attempts, 20)), MAX_BACKOFF)


def drain(batch_size: int = BATCH_SIZE, max_batches: int | None = None) -> DrainReport:
    """Process due outbox items until none are left (or ``max_batches``)."""
    from search.indexing import forget_batch

    report = DrainReport()
    forget_batch()
    while max_batches is None or report.batches < max_batches:
        with transaction.atomic():
            items = list(
                OutboxItem.objects.select_for_update(skip_locked=True)
                .filter(available_at__lte=timezone.now())
                .order_by("id")[:batch_size]
            )
            if not items:
                break
            report.batches += 1
            ok = _process(items, report)
        if not ok:
            break
    return report


def _process(items: list[OutboxItem], report: DrainReport) -> bool:
    documents = all_documents()
    wanted: dict[str, set[str]] = defaultdict(set)
    for item in items:
        wanted[item.label].add(item.object_id)
    to_index, to_delete, broken = [], [], set()
    for label, pks in wanted.items():
        document = documents.get(label)
        found = {}
        if document is not None:
            found = {str(obj.pk): obj for obj in document.queryset().filter(pk__in=pks)}
        for pk in pks:
            obj = found.get(pk)
            try:
                if obj is not None and document.is_indexed(obj):
                    to_index.append(build(document, obj))
                else:
                    to_delete.append(document_key(label, pk))
            except Exception:  # noqa: BLE001 - one bad object must not block the rest
                logger.exception("search: could not build %s:%s", label, pk)
                broken.add((label, pk))
    engine = get_engine()
    try:
        engine.index(to_index)
        engine.delete(to_delete)
    except EngineError as error:
        logger.warning("search: engine refused a batch, will retry: %s", error)
        _postpone(items, str(error))
        report.failed += len(items)
        return False
    failed = [item for item in items if (item.label, item.object_id) in broken]
    if failed:
        _postpone(failed, "building the document failed (see the worker log)")
        report.failed += len(failed)
    done = [item.id for item in items if (item.label, item.object_id) not in broken]
    OutboxItem.objects.filter(id__in=done).delete()
    report.indexed += len(to_index)
    report.deleted += len(to_delete)
    return True


def _postpone(items: list[OutboxItem], error: str) -> None:
    now = timezone.now()
    for item in items:
        OutboxItem.objects.filter(id=item.id).update(
            attempts=F("attempts") + 1,
            available_at=now + backoff(item.attempts + 1),
            last_error=error[:2000],
        )


@shared_task(name="search.tasks.drain_outbox", ignore_result=True)
def drain_outbox() -> int:
    """Celery entry point: drain what is due; the beat entry repeats it every
    minute, which is how postponed items are retried."""
    return drain().processed
