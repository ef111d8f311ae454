"""The Elasticsearch engine against a real server (``ELASTICSEARCH_URL``).

Each test module run uses its own alias (``kehilot-test-<random>``) and deletes
its indices afterwards. Without a hunspell he_IL dictionary on the server, set
``ELASTICSEARCH_HEBREW_HUNSPELL=false``.
"""

from __future__ import annotations

import datetime
import os
import uuid

import pytest

from search.analysis import index_terms, parse_query
from search.engines.base import IndexDocument, SearchRequest
from search.engines.elasticsearch import ElasticsearchEngine

URL = os.environ.get("ELASTICSEARCH_URL", "")
pytestmark = pytest.mark.skipif(
    not URL, reason="needs ELASTICSEARCH_URL pointing at an Elasticsearch 8 server"
)

UTC = datetime.UTC


def make(
    key,
    title,
    body="",
    *,
    type="news",
    community="haifa",
    language="he",
    date=None,
    theme_year=None,
    audience=("public",),
    plugin="news",
):
    title_exact, title_expanded = index_terms(title)
    body_exact, body_expanded = index_terms(body)
    return IndexDocument(
        key=key,
        model_label=key.split(":")[0],
        object_id=key.split(":")[1],
        plugin=plugin,
        title=title,
        body=body,
        url=f"/{key}/",
        type=type,
        community_key=community,
        language=language,
        date=date,
        theme_year=theme_year,
        facets={},
        audience=tuple(audience),
        title_terms=" ".join(title_exact),
        body_terms=" ".join(body_exact),
        expanded_terms=" ".join(title_expanded + body_expanded),
    )


CORPUS = [
    make(
        "news.item:1",
        "קהילה חדשה בחיפה",
        "מפגש בבית ספר",
        date=datetime.datetime(2026, 1, 5, 10, tzinfo=UTC),
        theme_year=2026,
    ),
    make(
        "news.item:2",
        "חדשות",
        "פעילות בקהילה שלנו",
        date=datetime.datetime(2025, 6, 1, tzinfo=UTC),
        community="tlv",
    ),
    make(
        "events.event:3",
        "Community picnic",
        "Our communities meet in the park",
        type="event",
        language="en",
        plugin="events",
        date=datetime.datetime(2026, 2, 1, tzinfo=UTC),
    ),
    make(
        "forum.topic:4",
        "קהילה סודית",
        "פורום פרטי",
        type="topic",
        audience=("group:7",),
        plugin="forum",
    ),
]


def req(q: str, *, autocomplete: bool = False, **kwargs) -> SearchRequest:
    kwargs.setdefault("audience", frozenset({"public"}))
    return SearchRequest(query=parse_query(q, autocomplete=autocomplete), **kwargs)


@pytest.fixture(scope="module")
def engine():
    alias = f"kehilot-test-{uuid.uuid4().hex[:10]}"
    engine = ElasticsearchEngine(URL, index=alias, refresh="wait_for")
    assert engine.rebuild([CORPUS[:2], CORPUS[2:]]) == 4
    yield engine
    found = engine.client.indices.get(index=f"{alias}-*", allow_no_indices=True)
    for name in found.body:
        engine.client.indices.delete(index=name)


def keys(response) -> list[str]:
    return [hit.key for hit in response.hits]


def test_and_exact_before_expanded(engine):
    response = engine.search(req("קהילה"))
    # 1 has it in the title, 2 only as בקהילה (expanded); 4 is not visible.
    assert keys(response) == ["news.item:1", "news.item:2"]
    assert response.total == 2
    assert keys(engine.search(req("קהילה בחיפה"))) == ["news.item:1"]
    assert keys(engine.search(req("קהילה תל"))) == []


def test_or_phrase_exclude(engine):
    assert set(keys(engine.search(req("חדשות OR picnic")))) == {
        "news.item:2",
        "events.event:3",
    }
    assert keys(engine.search(req('"בבית ספר"'))) == ["news.item:1"]
    assert keys(engine.search(req('"ספר בבית"'))) == []
    assert keys(engine.search(req("קהילה -חדשה"))) == ["news.item:2"]


def test_english_stem_and_no_fuzzy_widening(engine):
    assert keys(engine.search(req("community"))) == ["events.event:3"]
    # The fuzzy title clause ranks only: a typo finds nothing, as on the databases.
    assert keys(engine.search(req("comunity"))) == []


def test_audience_and_filters(engine):
    assert "forum.topic:4" in keys(engine.search(req("קהילה", audience=None)))
    assert keys(engine.search(req("קהילה", audience=frozenset({"group:7"})))) == [
        "forum.topic:4"
    ]
    assert keys(engine.search(req("קהילה", communities=("tlv",)))) == ["news.item:2"]
    assert keys(engine.search(req("קהילה", theme_years=(2026,)))) == ["news.item:1"]
    day = datetime.date(2026, 1, 5)
    assert keys(engine.search(req("קהילה", date_from=day, date_to=day))) == [
        "news.item:1"
    ]
    hidden = req("קהילה", hidden_plugins=frozenset({"news"}), audience=None)
    assert keys(engine.search(hidden)) == ["forum.topic:4"]
    per_community = req(
        "קהילה", hidden_plugin_communities={"news": frozenset({"haifa"})}
    )
    assert keys(engine.search(per_community)) == ["news.item:2"]


def test_facets_sort_and_pages(engine):
    response = engine.search(req("קהילה OR picnic", sort="date", limit=1))
    assert response.total == 3
    assert keys(response) == ["events.event:3"]
    assert response.facets["type"] == {"news": 2, "event": 1}
    assert response.facets["year"] == {"2026": 2, "2025": 1}
    assert response.facets["theme_year"] == {"2026": 1}
    page2 = engine.search(req("קהילה OR picnic", sort="date", offset=1, limit=1))
    assert keys(page2) == ["news.item:1"]


def test_autocomplete_counts_keys(engine):
    hits = engine.autocomplete(req("קהי", autocomplete=True, limit=5))
    assert [h.key for h in hits] == ["news.item:1"]  # titles only
    assert engine.counts() == {"news": 2, "event": 1, "topic": 1}
    assert engine.keys_for("news.item") == {"news.item:1", "news.item:2"}


def test_hebrew_analyzer(engine):
    tokens = engine.client.indices.analyze(
        index=engine.alias, analyzer="kehilot_he", text="שָׁלוֹם בית־ספר"
    )["tokens"]
    words = {t["token"] for t in tokens}
    assert "שלומ" in words and "ספר" in words


def test_writes_and_rebuild_swap():
    alias = f"kehilot-test-{uuid.uuid4().hex[:10]}"
    engine = ElasticsearchEngine(URL, index=alias, refresh="wait_for")
    try:
        engine.delete(["nothing:1"])  # no index yet: nothing to do
        assert engine.search(req("קהילה")).total == 0
        engine.index([CORPUS[0]])  # creates the first index and the alias
        assert keys(engine.search(req("קהילה"))) == ["news.item:1"]
        first = set(engine.client.indices.get_alias(name=alias).body)
        engine.rebuild([[CORPUS[1]]])
        second = set(engine.client.indices.get_alias(name=alias).body)
        assert len(second) == 1 and not first & second
        assert not engine.client.indices.exists(index=",".join(first))
        assert keys(engine.search(req("קהילה"))) == ["news.item:2"]
        engine.delete(["news.item:2"])
        assert engine.search(req("קהילה")).total == 0
    finally:
        found = engine.client.indices.get(index=f"{alias}-*", allow_no_indices=True)
        for name in found.body:
            engine.client.indices.delete(index=name)
