"""The outbox pipeline: on-commit indexing, rollbacks, outages, killed workers,
bulk imports under ``suspended()``, and the ``search_index`` command."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from cms.models import HomePage, NewsPage
from search import indexing
from search.engines import EngineError, get_engine
from search.models import OutboxItem, SearchEntry
from search.service import SearchParams, run_search
from search.tasks import drain
from tests.search.conftest import index_now, news


def hits(q, user=None):
    return run_search(user, SearchParams(q=q), record=False).total


@pytest.fixture
def index(corpus):
    from cms.models import NewsIndexPage

    return NewsIndexPage.objects.child_of(corpus.haifa).get()


def test_a_committed_save_is_indexed_through_the_worker(
    index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        news(index, "מפגש הוקרה", "ערב הוקרה לפעילים")
    assert len(callbacks) == 1  # one hand-off per transaction, however many saves
    assert OutboxItem.objects.count() == 0
    assert hits("לפעילים") == 1


def test_changes_in_one_transaction_are_deduplicated(index):
    page = news(index, "ערב שירה", "")
    index_now()
    with transaction.atomic():
        for word in ("ראשון", "שני", "שלישי"):
            page.intro = word
            page.save_revision().publish()
    rows = list(OutboxItem.objects.values_list("label", "object_id"))
    assert rows.count(("cms.newspage", str(page.pk))) == 1
    index_now()
    assert hits("שלישי") == 1 and hits("ראשון") == 0


def test_a_rolled_back_transaction_indexes_nothing(index):
    before = OutboxItem.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        news(index, "הודעה שבוטלה", "")
        raise RuntimeError("the editor's request failed")
    assert OutboxItem.objects.count() == before
    index_now()
    assert hits("שבוטלה") == 0


def test_models_without_a_document_write_nothing(corpus):
    OutboxItem.objects.all().delete()
    home = HomePage.objects.get(pk=corpus.site.home.pk)
    home.save()
    assert not OutboxItem.objects.exclude(label__startswith="cms.").exists()
    assert not OutboxItem.objects.filter(label="cms.homepage").exists()


class BrokenEngine:
    """Stands in for an engine that is down."""

    def __init__(self, real):
        self.real = real
        self.calls = 0

    def index(self, documents):
        self.calls += 1
        raise EngineError("connection refused")

    def delete(self, keys):
        raise EngineError("connection refused")


def test_an_outage_loses_nothing_and_the_index_converges(index, monkeypatch):
    real = get_engine()
    broken = BrokenEngine(real)
    monkeypatch.setattr("search.tasks.get_engine", lambda: broken)
    news(index, "חוג קרמיקה", "")
    news(index, "חוג ציור", "")
    report = drain()
    assert report.failed == 2 and report.processed == 0
    items = list(OutboxItem.objects.all())
    assert len(items) == 2
    assert all(i.attempts == 1 and i.available_at > timezone.now() for i in items)
    assert "connection refused" in items[0].last_error
    # Postponed items are not retried before their time...
    assert drain().batches == 0 and broken.calls == 1
    # ...and when the engine is back and the time has come, everything arrives.
    monkeypatch.setattr("search.tasks.get_engine", lambda: real)
    OutboxItem.objects.update(available_at=timezone.now())
    assert drain().indexed == 2
    assert OutboxItem.objects.count() == 0
    assert hits("חוג") == 2


class WorkerKilled(BaseException):
    """A worker process dying mid-batch (not an Exception: nothing catches it)."""


def test_a_worker_killed_mid_batch_leaves_the_items_for_the_next(index, monkeypatch):
    real = get_engine()

    class DyingEngine:
        def index(self, documents):
            real.index(documents[:1])
            raise WorkerKilled

        def delete(self, keys):
            real.delete(keys)

    news(index, "סדנת צילום", "")
    news(index, "סדנת בישול", "")
    monkeypatch.setattr("search.tasks.get_engine", lambda: DyingEngine())
    with pytest.raises(WorkerKilled):
        drain()
    assert OutboxItem.objects.count() == 2  # the batch's transaction rolled back
    assert hits("סדנת") == 0
    monkeypatch.setattr("search.tasks.get_engine", lambda: real)
    assert drain().indexed == 2
    assert hits("סדנת") == 2


def test_one_object_that_cannot_be_built_does_not_block_the_rest(index, monkeypatch):
    from search.documents import NewsDocument

    good = news(index, "טיול משפחות", "")
    bad = news(index, "טיול שבור", "")
    original = NewsDocument.prepare_body

    def prepare_body(self, page):
        if page.pk == bad.pk:
            raise ValueError("a plugin bug")
        return original(self, page)

    monkeypatch.setattr(NewsDocument, "prepare_body", prepare_body)
    report = drain()
    assert report.indexed == 1 and report.failed == 1
    assert OutboxItem.objects.get().object_id == str(bad.pk)
    assert hits("טיול") == 1
    assert good.pk != bad.pk


def test_an_engine_error_never_fails_a_save(
    index, monkeypatch, django_capture_on_commit_callbacks
):
    broken = BrokenEngine(get_engine())
    monkeypatch.setattr("search.tasks.get_engine", lambda: broken)
    with django_capture_on_commit_callbacks(execute=True):
        page = news(index, "שמירה בזמן תקלה", "")
    assert NewsPage.objects.filter(pk=page.pk).exists()
    assert OutboxItem.objects.filter(object_id=str(page.pk)).exists()


def test_a_broker_outage_never_fails_a_save(index, monkeypatch):
    def refuse():
        raise ConnectionError("broker down")

    monkeypatch.setattr("search.tasks.drain_outbox.delay", refuse)
    indexing.hand_to_worker()  # logged, not raised
    page = news(index, "שמירה בלי מתווך", "")
    assert OutboxItem.objects.filter(object_id=str(page.pk)).exists()


def test_deleting_and_moving_pages(corpus, index):
    page = news(index, "כתבה שתימחק", "")
    moved = news(index, "כתבה שתעבור", "")
    index_now()
    assert hits("שתימחק") == 1
    page.delete()
    target = corpus.site.news
    moved.move(target, pos="last-child")
    index_now()
    assert hits("שתימחק") == 0
    entry = SearchEntry.objects.get(key=f"cms.newspage:{moved.pk}")
    assert entry.url == NewsPage.objects.get(pk=moved.pk).get_url()
    assert entry.community_key == ""  # now network news, no community


def test_bulk_import_under_suspended_then_one_rebuild(index):
    OutboxItem.objects.all().delete()
    with indexing.suspended():
        for n in range(12):
            news(index, f"ייבוא {n}", "רשומה מיובאת", slug=f"import-{n}")
    assert OutboxItem.objects.count() == 0
    assert hits("מיובאת") == 0
    out = io.StringIO()
    call_command("search_index", "rebuild", stdout=out)
    assert "documents per second" in out.getvalue()
    assert hits("מיובאת") == 12
    assert hits("קהילה") > 0  # the rest of the site is back in too


def test_status_and_drain_commands(index):
    news(index, "ממתין בתור", "", days_ago=3)
    out = io.StringIO()
    call_command("search_index", "status", stdout=out)
    text = out.getvalue()
    assert "cms.newspage" in text and "Outbox: 1 pending" in text
    out = io.StringIO()
    call_command("search_index", "drain", stdout=out)
    assert "Indexed 1" in out.getvalue()
    assert hits("בתור") == 1


def test_dates_of_news_are_days_in_the_site_time_zone(index):
    page = news(index, "תאריך", "", days_ago=0)
    index_now()
    entry = SearchEntry.objects.get(key=f"cms.newspage:{page.pk}")
    assert timezone.localtime(entry.date).date() == page.date
    assert page.date == datetime.date(2026, 6, 1)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_save_outside_any_transaction_is_indexed_at_once():
    """Autocommit (a view without ATOMIC_REQUESTS, a shell): the row is stored
    before the worker is asked to drain, so it is not left for the next change."""
    from tests.testdummy_plugin.models import DummyNote

    DummyNote.objects.create(title="רשימה בלי טרנזקציה", body="גוף")
    assert OutboxItem.objects.count() == 0
    assert hits("טרנזקציה") == 1
