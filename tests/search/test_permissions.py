"""Nothing leaks through search: results, totals, facets, snippets and
autocomplete include only what the reader may read (DESIGN §6.5)."""

import pytest
from wagtail.models import PageViewRestriction

from plugins.models import PluginActivation
from search.service import SearchParams, autocomplete, run_search
from tests.search.conftest import index_now
from tests.testdummy_plugin.models import DummyNote

READERS = ("anonymous", "member", "board", "staff")


def found(corpus, reader, q, **params):
    return run_search(corpus.users[reader], SearchParams(q=q, **params), record=False)


def titles(results):
    return {r.hit.title for r in results.results}


def everything_said(results) -> str:
    """Every string a reader gets back: titles, snippets, facet labels."""
    parts = [str(r.title) + str(r.snippet) for r in results.results]
    parts += [v.label for values in results.facets.values() for v in values]
    return " ".join(parts)


@pytest.mark.parametrize(
    "reader, sees_login_page, sees_group_page",
    [
        ("anonymous", False, False),
        ("member", True, False),
        ("board", True, True),
        ("staff", True, True),
    ],
)
def test_restricted_pages_only_for_readers_who_pass(
    corpus, reader, sees_login_page, sees_group_page
):
    minutes = found(corpus, reader, "פרוטוקול")
    assert (minutes.total == 1) is sees_login_page
    assert ("פרוטוקול" in everything_said(minutes)) is sees_login_page
    budget = found(corpus, reader, "תקציב")
    assert (budget.total == 1) is sees_group_page
    board = found(corpus, reader, "לוועד")
    assert (board.total == 1) is sees_group_page
    suggestions = autocomplete(corpus.users[reader], "פרוטו")
    assert bool(suggestions) is sees_login_page


@pytest.mark.parametrize("reader", READERS)
def test_drafts_never_appear(corpus, reader):
    results = found(corpus, reader, "טיוטה")
    assert results.total == 0
    assert "טיוטה" not in everything_said(results)
    assert autocomplete(corpus.users[reader], "טיוט") == []


def test_counts_and_facets_leave_out_what_the_reader_may_not_see(corpus):
    public = found(corpus, "anonymous", "הקהילה")
    staff = found(corpus, "staff", "הקהילה")
    assert staff.total == public.total + 2  # the two restricted pages
    public_types = {v.value: v.count for v in public.facets["type"]}
    staff_types = {v.value: v.count for v in staff.facets["type"]}
    assert "page" not in public_types
    assert staff_types["page"] == 2


def test_unpublishing_and_restricting_take_effect(corpus):
    page = corpus.news["exact"]
    assert found(corpus, "anonymous", "צעירה").total == 1
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    index_now()
    assert found(corpus, "anonymous", "צעירה").total == 0
    assert found(corpus, "member", "צעירה").total == 1
    page.unpublish()
    index_now()
    assert found(corpus, "member", "צעירה").total == 0
    assert found(corpus, "staff", "צעירה").total == 0


def test_a_restriction_above_covers_the_pages_below(corpus):
    assert found(corpus, "anonymous", "והקהילה").total == 1
    PageViewRestriction.objects.create(
        page=corpus.haifa, restriction_type=PageViewRestriction.LOGIN
    )
    index_now()
    assert found(corpus, "anonymous", "והקהילה").total == 0
    assert found(corpus, "member", "והקהילה").total == 1


def test_plugin_objects_public_or_their_authors(corpus):
    author = corpus.users["member"]
    DummyNote.objects.create(title="רשימה פומבית", body="מפגש", public=True)
    DummyNote.objects.create(
        title="רשימה אישית", body="מפגש", public=False, author=author
    )
    index_now()
    assert titles(found(corpus, "anonymous", "רשימה")) == {"רשימה פומבית"}
    assert titles(found(corpus, "board", "רשימה")) == {"רשימה פומבית"}
    assert titles(found(corpus, "member", "רשימה")) == {"רשימה פומבית", "רשימה אישית"}


def test_plugin_switched_off_hides_its_documents(corpus):
    DummyNote.objects.create(title="רשימה של חיפה", community=corpus.haifa)
    DummyNote.objects.create(title="רשימה של אילת", community=corpus.eilat)
    index_now()
    assert found(corpus, "anonymous", "רשימה").total == 2
    PluginActivation.objects.create(
        label="testdummy", community=corpus.haifa, enabled=False
    )
    assert titles(found(corpus, "anonymous", "רשימה")) == {"רשימה של אילת"}
    PluginActivation.objects.create(label="testdummy", community=None, enabled=False)
    assert found(corpus, "staff", "רשימה").total == 0
