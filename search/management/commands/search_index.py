"""``python manage.py search_index rebuild|status|drain``."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from search.building import iter_documents
from search.documents import all_documents
from search.engines import EngineError, get_engine
from search.models import OutboxItem
from search.tasks import drain


class Command(BaseCommand):
    help = (
        "Search index: `rebuild` (everything, swapped in at the end), `status` "
        "(documents per type against the database, outbox lag), `drain` (index "
        "what the outbox holds now)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status", "drain"])
        parser.add_argument(
            "--batch-size", type=int, default=500, help="Documents per engine write."
        )

    def handle(self, action: str, batch_size: int, **options):
        self.console = Console(file=self.stdout, highlight=False)
        try:
            getattr(self, action)(max(batch_size, 1))
        except EngineError as error:
            raise CommandError(f"The search engine failed: {error}") from error

    def rebuild(self, batch_size: int) -> None:
        documents = all_documents()
        totals = {label: doc.queryset().count() for label, doc in documents.items()}
        started = time.perf_counter()
        # Outbox items older than the rebuild are covered by it.
        cutoff = OutboxItem.objects.order_by("-id").values_list("id", flat=True).first()
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            console=self.console,
            transient=False,
        ) as progress:
            task = progress.add_task("Indexing", total=sum(totals.values()), rate="")

            def batches():
                batch = []
                for label, document in documents.items():
                    progress.update(task, description=f"Indexing {label}")
                    for built in iter_documents(document):
                        batch.append(built)
                        if len(batch) >= batch_size:
                            yield batch
                            batch = []
                        progress.advance(task)
                        elapsed = time.perf_counter() - started
                        done = progress.tasks[0].completed
                        progress.update(
                            task, rate=f"{done / max(elapsed, 1e-9):.0f} docs/s"
                        )
                    # Rows that are not indexed (drafts) still count as walked.
                if batch:
                    yield batch

            indexed = get_engine().rebuild(batches())
        if cutoff is not None:
            OutboxItem.objects.filter(id__lte=cutoff).delete()
        elapsed = time.perf_counter() - started
        self.console.print(
            f"Indexed {indexed} documents in {elapsed:.1f} s "
            f"({indexed / max(elapsed, 1e-9):.0f} documents per second)."
        )

    def status(self, batch_size: int) -> None:
        engine = get_engine()
        counts = engine.counts()
        table = Table(title=f"Search index ({engine.name})")
        for column in ("model", "type", "in database", "indexable", "indexed"):
            table.add_column(column)
        for label, document in all_documents().items():
            queryset = document.queryset()
            total = indexable = 0
            for obj in queryset.iterator(chunk_size=1000):
                total += 1
                indexable += bool(document.is_indexed(obj))
            kind = document.type_name or label.split(".")[1]
            table.add_row(
                label, kind, str(total), str(indexable), str(counts.get(kind, 0))
            )
        self.console.print(table)
        pending = OutboxItem.objects.count()
        oldest = OutboxItem.objects.order_by("created_at").first()
        lag = (
            f"{(timezone.now() - oldest.created_at).total_seconds():.0f} s"
            if oldest
            else "none"
        )
        failing = OutboxItem.objects.filter(attempts__gt=0).count()
        self.console.print(
            f"Outbox: {pending} pending, oldest {lag}, {failing} retrying."
        )

    def drain(self, batch_size: int) -> None:
        report = drain(batch_size=batch_size)
        self.console.print(
            f"Indexed {report.indexed}, removed {report.deleted}, "
            f"postponed {report.failed} (in {report.batches} batches)."
        )
