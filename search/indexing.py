"""Keeping the index in step with the database (DESIGN §5, §6.3–6.4).

Receivers are connected per sender, only for models that have a document.
A change writes one ``OutboxItem`` (label, pk) inside the changing transaction,
deduplicated per transaction, so a rollback leaves nothing behind; on commit the
outbox is handed to Celery once (``search.tasks.drain_outbox``). Nothing here
talks to the engine, so an engine error can never fail a save.

Bulk importers wrap their work in ``with search.suspended():`` and rebuild (or
``reindex``) explicitly afterwards.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from search.documents import all_documents
from search.models import OutboxItem

logger = logging.getLogger("search")
_local = threading.local()


@contextmanager
def suspended() -> Iterator[None]:
    """Record no changes inside the block (bulk imports); reindex afterwards."""
    _local.suspended = getattr(_local, "suspended", 0) + 1
    try:
        yield
    finally:
        _local.suspended -= 1


def is_suspended() -> bool:
    return getattr(_local, "suspended", 0) > 0


def object_key(label: str, pk: Any) -> str:
    return f"{label}:{pk}"


def enqueue(label: str, pk: Any, using: str = DEFAULT_DB_ALIAS) -> None:
    """Record that ``label``/``pk`` changed (in the current transaction)."""
    enqueue_many([(label, pk)], using=using)


def enqueue_many(
    items: Iterable[tuple[str, Any]], using: str = DEFAULT_DB_ALIAS
) -> None:
    if is_suspended():
        return
    if not connections[using].in_atomic_block:
        # Autocommit: the change is already committed; store, then hand over.
        rows = list(dict.fromkeys((label, str(pk)) for label, pk in items))
        OutboxItem.objects.using(using).bulk_create(
            [OutboxItem(label=label, object_id=pk) for label, pk in rows]
        )
        hand_to_worker()
        return
    batch = _current_batch(using)
    fresh = [(label, str(pk)) for label, pk in items if (label, str(pk)) not in batch]
    fresh = list(dict.fromkeys(fresh))
    if not fresh:
        return
    batch.update(fresh)
    OutboxItem.objects.using(using).bulk_create(
        [OutboxItem(label=label, object_id=pk) for label, pk in fresh]
    )


def _current_batch(using: str) -> set[tuple[str, str]]:
    """The set of items written in the current transaction.

    The batch lives as long as its on-commit callback: Django discards the
    callback when the transaction rolls back, and then a new batch starts."""
    connection = connections[using]
    current = getattr(connection, "_kehilot_search_batch", None)
    if current is not None:
        callback, batch = current
        if any(entry[1] is callback for entry in connection.run_on_commit):
            return batch

    def callback() -> None:
        hand_to_worker()

    connection._kehilot_search_batch = (callback, set())
    transaction.on_commit(callback, using=using)
    return connection._kehilot_search_batch[1]


def forget_batch(using: str = DEFAULT_DB_ALIAS) -> None:
    """The outbox was drained inside the current transaction (a test, an
    importer's explicit ``drain``): later changes must be written again."""
    connections[using]._kehilot_search_batch = None


def hand_to_worker() -> None:
    """Ask a worker to drain the outbox; if the broker is down, the periodic
    drain picks the items up later (they are already stored)."""
    from search.tasks import drain_outbox

    try:
        drain_outbox.delay()
    except Exception:  # noqa: BLE001 - a broker outage must not fail the request
        logger.exception("search: could not hand the outbox to a worker")


def request_reindex(obj: Any) -> None:
    """Re-read ``obj`` (as its most specific type, for pages) after commit."""
    specific = getattr(obj, "specific", obj)
    label = specific._meta.label_lower
    if label in all_documents():
        enqueue(label, specific.pk)


# --- receivers -----------------------------------------------------------------
def _on_save(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    label = sender._meta.label_lower
    if not raw and label in all_documents():
        enqueue(label, instance.pk, using=using)


def _on_delete(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    label = sender._meta.label_lower
    if label in all_documents():
        enqueue(label, instance.pk, using=using)


def _on_page_change(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """A base ``Page`` row saved, or a page moved (``post_page_move``): its URL,
    restrictions and liveness may have changed for the whole subtree."""
    pages_changed([instance], using=using)


def _on_page_delete(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """A base ``Page`` row deleted (a tree delete): drop it as its specific type."""
    from django.contrib.contenttypes.models import ContentType

    label = ContentType.objects.get_for_id(instance.content_type_id).model_class()
    if label is not None and label._meta.label_lower in all_documents():
        enqueue(label._meta.label_lower, instance.pk, using=using)


def _on_restriction_change(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """A view restriction changes who may read a page and everything below it."""
    page = getattr(instance, "page", None)
    if page is not None:
        pages_changed([page], using=using)


def _on_restriction_groups(sender, instance, action="", using=DEFAULT_DB_ALIAS, **kw):
    if action.startswith("post_"):
        _on_restriction_change(sender, instance, using=using)


def pages_changed(pages: Iterable[Any], using: str = DEFAULT_DB_ALIAS) -> None:
    """Enqueue ``pages`` and their descendants that have a document."""
    from wagtail.models import Page

    labels = {label for label, doc in all_documents().items() if _is_page_label(label)}
    items: list[tuple[str, Any]] = []
    for page in pages:
        tree = Page.objects.using(using).filter(path__startswith=page.path)
        for pk, app_label, model in tree.values_list(
            "pk", "content_type__app_label", "content_type__model"
        ):
            label = f"{app_label}.{model}"
            if label in labels:
                items.append((label, pk))
    enqueue_many(items, using=using)


def _is_page_label(label: str) -> bool:
    from django.apps import apps
    from wagtail.models import Page

    return issubclass(apps.get_model(label), Page)


def connect_model(label: str) -> None:
    """Receivers for one model with a document (idempotent)."""
    from django.apps import apps

    model = apps.get_model(label)
    uid = f"kehilot-search-{model._meta.label_lower}"
    post_save.connect(_on_save, sender=model, dispatch_uid=f"{uid}-save")
    post_delete.connect(_on_delete, sender=model, dispatch_uid=f"{uid}-delete")


def _on_document_registered(sender, document, **kwargs) -> None:
    connect_model(document.model_label)


def connect_receivers() -> None:
    """Connect receivers for every model with a document, now and for documents
    plugins register later (their ``ready()`` runs after ours)."""
    from wagtail.models import Page, PageViewRestriction
    from wagtail.signals import post_page_move

    from plugins.registry import search_document_registered

    search_document_registered.connect(
        _on_document_registered, dispatch_uid="kehilot-search-registered"
    )
    for label in all_documents():
        connect_model(label)
    post_save.connect(_on_page_change, sender=Page, dispatch_uid="kehilot-search-page")
    post_delete.connect(
        _on_page_delete, sender=Page, dispatch_uid="kehilot-search-page-delete"
    )
    post_page_move.connect(_on_page_change, dispatch_uid="kehilot-search-page-move")
    for signal in (post_save, post_delete):
        signal.connect(
            _on_restriction_change,
            sender=PageViewRestriction,
            dispatch_uid=f"kehilot-search-restriction-{signal is post_save}",
        )
    m2m_changed.connect(
        _on_restriction_groups,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="kehilot-search-restriction-groups",
    )
