"""The contract every engine keeps, run against each available one: the
database's own (SQLite FTS5 locally, PostgreSQL in CI) always, Elasticsearch when
``ELASTICSEARCH_URL`` is set. Documents are fed to the engine directly, so the
same expectations hold whatever stores them."""

import datetime
import os

import pytest
from django.utils import timezone

from search.analysis import index_terms, parse_query
from search.engines import get_engine, reset_engine
from search.engines.base import IndexDocument, SearchRequest

ENGINES = ["database", "elasticsearch"]


@pytest.fixture(params=ENGINES)
def engine(request, db, settings):
    if request.param == "elasticsearch":
        url = os.environ.get("ELASTICSEARCH_URL", "")
        if not url:
            pytest.skip("needs ELASTICSEARCH_URL (no Elasticsearch can run here)")
        settings.ELASTICSEARCH_URL = url
        settings.ELASTICSEARCH_INDEX = f"kehilot-test-{os.getpid()}"
        settings.ELASTICSEARCH_REFRESH = "wait_for"
    else:
        settings.ELASTICSEARCH_URL = ""
    reset_engine()
    engine = get_engine()
    engine.rebuild([])
    yield engine
    reset_engine()


def doc(key, title, body="", **fields) -> IndexDocument:
    title_exact, title_expanded = index_terms(title)
    body_exact, body_expanded = index_terms(body)
    values = {
        "key": key,
        "model_label": "cms.newspage",
        "object_id": key.split(":")[-1],
        "plugin": "",
        "title": title,
        "body": body,
        "url": f"/{key}/",
        "type": "news",
        "community_key": "",
        "language": "he",
        "date": None,
        "theme_year": None,
        "facets": {},
        "audience": ("public",),
        "title_terms": " ".join(title_exact),
        "body_terms": " ".join(body_exact),
        "expanded_terms": " ".join(dict.fromkeys(title_expanded + body_expanded)),
    }
    values.update(fields)
    return IndexDocument(**values)


def day(year, month, d):
    return timezone.make_aware(datetime.datetime(year, month, d, 12))


CORPUS = [
    doc(
        "n:1",
        "קהילה חדשה באילת",
        "קהילה צעירה הוקמה השנה.",
        date=day(2025, 3, 1),
        community_key="eilat",
    ),
    doc(
        "n:2",
        "ערב בקהילה",
        "והקהילה התכנסה עם המרכזים הקהילתיים בצפון.",
        date=day(2026, 5, 1),
        community_key="haifa",
        theme_year=2026,
    ),
    doc(
        "n:3",
        "Training for youth coordinators",
        "Coordinators trained in the communities of the north.",
        language="en",
        date=day(2026, 6, 1),
        community_key="haifa",
        theme_year=2026,
    ),
    doc(
        "n:4",
        "מרכז קהילתי חדש",
        "מרכז לנוער ולמשפחות.",
        type="community",
        date=None,
        community_key="haifa",
    ),
    doc(
        "n:5",
        "פרוטוקול ועד הקהילה",
        "ישיבת ועד",
        audience=("member:haifa",),
        community_key="haifa",
    ),
    doc(
        "n:6",
        "הערה פרטית על הקהילה",
        "טיוטה",
        audience=("user:7",),
        type="note",
        plugin="testdummy",
        community_key="haifa",
    ),
    doc(
        "n:7",
        "הערה ציבורית על הקהילה",
        "גלוי",
        type="note",
        plugin="testdummy",
        community_key="eilat",
    ),
]


@pytest.fixture
def indexed(engine):
    engine.index(CORPUS)
    return engine


def search(engine, q, audience=frozenset({"public"}), **fields):
    request = SearchRequest(query=parse_query(q), audience=audience, **fields)
    return engine.search(request)


def keys(response):
    return [hit.key for hit in response.hits]


def test_hebrew_prefixed_forms_are_found_and_exact_forms_rank_first(indexed):
    found = search(indexed, "קהילה")
    assert set(keys(found)) == {"n:1", "n:2", "n:7"}
    assert found.total == 3
    assert keys(found).index("n:1") < keys(found).index("n:2")


def test_two_hebrew_words_match_their_prefixed_forms(indexed):
    assert keys(search(indexed, "מרכזים קהילתיים")) == ["n:2"]


def test_english_word_forms_match_by_stem(indexed):
    assert keys(search(indexed, "trainings")) == ["n:3"]
    assert keys(search(indexed, "community coordinator")) == ["n:3"]


def test_phrases_keep_word_order(indexed):
    assert keys(search(indexed, '"קהילה חדשה"')) == ["n:1"]
    assert keys(search(indexed, '"חדשה קהילה"')) == []


def test_or_and_exclusion(indexed):
    assert set(keys(search(indexed, "אילת OR נוער"))) == {"n:1", "n:4"}
    assert set(keys(search(indexed, "קהילה -אילת"))) == {"n:2", "n:7"}


def test_nothing_to_match_is_an_empty_answer_not_an_error(indexed):
    for q in ["", "-קהילה", '"', "!!! ???", "NEAR( AND OR", "'; DROP TABLE x; --"]:
        assert search(indexed, q).total == 0


def test_audience_hides_documents_from_results_totals_and_facets(indexed):
    public = search(indexed, "ועד")
    assert (public.total, public.hits) == (0, [])
    assert public.facets.get("type", {}) == {}
    member = search(indexed, "ועד", audience=frozenset({"public", "member:haifa"}))
    assert keys(member) == ["n:5"]
    notes = search(indexed, "הערה", with_facets=True)
    assert keys(notes) == ["n:7"]
    assert notes.facets["type"] == {"note": 1}
    owner = search(indexed, "הערה", audience=frozenset({"public", "user:7"}))
    assert set(keys(owner)) == {"n:6", "n:7"}
    assert search(indexed, "הערה", audience=None).total == 2


def test_switched_off_plugins_are_hidden(indexed):
    everyone = frozenset({"public", "user:7"})
    off = search(
        indexed, "הערה", audience=everyone, hidden_plugins=frozenset({"testdummy"})
    )
    assert off.total == 0
    in_haifa = search(
        indexed,
        "הערה",
        audience=everyone,
        hidden_plugin_communities={"testdummy": frozenset({"haifa"})},
    )
    assert keys(in_haifa) == ["n:7"]


def test_filters_and_facets(indexed):
    everything = search(indexed, "קהילה OR community OR מרכז")
    assert everything.total == 5
    assert everything.facets["type"] == {"news": 3, "community": 1, "note": 1}
    assert everything.facets["community"] == {"haifa": 3, "eilat": 2}
    assert everything.facets["language"] == {"he": 4, "en": 1}
    assert everything.facets["theme_year"] == {"2026": 2}
    assert everything.facets["year"] == {"2025": 1, "2026": 2}
    q = "קהילה OR community OR מרכז"
    assert set(keys(search(indexed, q, types=("community",)))) == {"n:4"}
    assert set(keys(search(indexed, q, communities=("eilat",)))) == {"n:1", "n:7"}
    assert keys(search(indexed, q, languages=("en",))) == ["n:3"]
    assert set(keys(search(indexed, q, theme_years=(2026,)))) == {"n:2", "n:3"}
    ranged = search(
        indexed,
        q,
        date_from=datetime.date(2026, 5, 1),
        date_to=datetime.date(2026, 5, 31),
    )
    assert keys(ranged) == ["n:2"]
    assert ranged.facets["type"] == {"news": 1}


def test_sort_by_date_and_pagination(indexed):
    q = "קהילה OR community OR מרכז"
    newest = search(indexed, q, sort="date", limit=10)
    assert keys(newest)[:3] == ["n:3", "n:2", "n:1"]
    first = search(indexed, q, sort="date", limit=2)
    second = search(indexed, q, sort="date", limit=2, offset=2)
    assert first.total == second.total == 5
    assert keys(first) + keys(second) == keys(newest)[:4]


def test_autocomplete_matches_title_prefixes_the_reader_may_see(indexed):
    def titles(text, audience=frozenset({"public"})):
        request = SearchRequest(
            query=parse_query(text, autocomplete=True), audience=audience, limit=5
        )
        return [hit.key for hit in indexed.autocomplete(request)]

    assert set(titles("קהי")) == {"n:1", "n:4"}  # קהילה, קהילתי
    assert titles("train") == ["n:3"]
    assert titles("פרוט") == []
    assert titles("פרוט", frozenset({"public", "member:haifa"})) == ["n:5"]


def test_reindexing_replaces_and_delete_removes(indexed):
    indexed.index([doc("n:1", "שם אחר לגמרי", "", date=day(2025, 3, 1))])
    assert "n:1" not in keys(search(indexed, "אילת"))
    assert keys(search(indexed, "לגמרי")) == ["n:1"]
    indexed.delete(["n:1", "n:404"])
    assert search(indexed, "לגמרי").total == 0
    assert indexed.counts()["news"] == 3  # n:2, n:3, n:5


def test_rebuild_replaces_everything(indexed):
    total = indexed.rebuild([[doc("x:1", "רק זה")], [doc("x:2", "וגם זה")]])
    assert total == 2
    assert search(indexed, "קהילה").total == 0
    assert set(keys(search(indexed, "זה"))) == {"x:1", "x:2"}
    assert indexed.counts() == {"news": 2}
