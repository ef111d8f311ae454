"""Two concurrent activations on PostgreSQL: one wins, never two active."""

import threading

import pytest
from django.conf import settings
from django.db import close_old_connections, connection

from plugins.contrib.annual_themes.models import Theme

from .conftest import make_theme

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")

# Skipped at collection on SQLite, so no transactional flush runs there; the
# `postgres` fixture still reports (or, in CI, fails on) a missing PostgreSQL.
pytestmark = [
    pytest.mark.skipif(
        not ON_POSTGRES, reason="needs DATABASE_URL=postgres://... (CI sets it)"
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="module", autouse=True)
def _restore_migrated_rows(django_db_blocker):
    """The transactional flush removes the rows migrations made (root page,
    locales); put them back for the tests that run after this module."""
    yield
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents:
        with django_db_blocker.unblock():
            connection.creation.deserialize_db_from_string(contents)


def test_two_concurrent_activations_leave_exactly_one_active(postgres):
    themes = [make_theme(2024, active=True), make_theme(2025), make_theme(2026)]
    barrier = threading.Barrier(2)
    errors = []

    def activate(pk):
        try:
            theme = Theme.objects.get(pk=pk)
            barrier.wait(timeout=10)
            theme.activate()
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            close_old_connections()

    for _ in range(5):
        threads = [threading.Thread(target=activate, args=(t.pk,)) for t in themes[1:]]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors
        active = list(Theme.objects.active())
        assert len(active) == 1
        assert active[0].pk in {themes[1].pk, themes[2].pk}
        themes[0].activate()
