"""The Elasticsearch engine without a server: index settings and mapping, every
query body, response parsing, the alias swap, and error wrapping."""

from __future__ import annotations

import datetime
import json
from types import SimpleNamespace
from typing import Any

import pytest
from elastic_transport import (
    ApiResponseMeta,
    BaseNode,
    HttpHeaders,
    NodeConfig,
)
from elastic_transport._node import NodeApiResponse
from elasticsearch import NotFoundError

from search.analysis import Query, QueryTerm, parse_query
from search.engines import es_mapping, es_query
from search.engines.base import FACETS, EngineError, IndexDocument, SearchRequest
from search.engines.elasticsearch import ElasticsearchEngine

UTC = datetime.UTC


def term(exact: str, expanded: str | None = None, prefix: bool = False) -> QueryTerm:
    return QueryTerm(exact, expanded if expanded is not None else exact, prefix)


def request(query: Query | None = None, **kwargs) -> SearchRequest:
    kwargs.setdefault("audience", frozenset({"public"}))
    return SearchRequest(query=query or Query(must=(term("קהילה"),)), **kwargs)


def bool_of(body: dict) -> dict:
    return body["query"]["bool"]


def doc(key: str = "news.item:1", **kwargs) -> IndexDocument:
    values = dict(
        key=key,
        model_label="news.item",
        object_id="1",
        plugin="news",
        title="שלום קהילה",
        body="גוף",
        url="/he/news/1/",
        type="news",
        community_key="haifa",
        language="he",
        date=datetime.datetime(2026, 1, 5, 10, 0, tzinfo=UTC),
        theme_year=2026,
        facets={"tags": ["a"]},
        audience=("public", "login"),
        title_terms="שלומ קהילה",
        body_terms="גופ",
        expanded_terms="שלומ קהילה הילה",
    )
    values.update(kwargs)
    return IndexDocument(**values)


def fields(clause: dict, kind: str) -> dict[str, dict]:
    """field -> options of the ``kind`` queries directly inside ``clause``."""
    options = clause["bool"]["should"] if "bool" in clause else [clause]
    result = {}
    for option in options:
        ((name, spec),) = option[kind].items()
        result[name] = spec
    return result


# --- mapping ------------------------------------------------------------------------
class TestMapping:
    def test_analyzers(self):
        body = es_mapping.index_body()
        analysis = body["settings"]["analysis"]
        terms = analysis["analyzer"]["kehilot_terms"]
        assert terms == {"type": "custom", "tokenizer": "whitespace"}
        he = analysis["analyzer"]["kehilot_he"]
        assert he["char_filter"] == ["kehilot_he_maqaf", "kehilot_he_marks"]
        assert he["filter"][:2] == ["lowercase", "kehilot_he_hunspell"]
        # Final letters are mapped after hunspell (the dictionary spells them).
        assert all(f.startswith("kehilot_he_final_") for f in he["filter"][2:])
        assert len(he["filter"][2:]) == 5
        assert analysis["filter"]["kehilot_he_hunspell"] == {
            "type": "hunspell",
            "locale": "he_IL",
            "dedup": True,
        }
        marks = analysis["char_filter"]["kehilot_he_marks"]
        assert marks["type"] == "pattern_replace"
        assert marks["pattern"] == "[\\u0591-\\u05C7]"
        assert marks["replacement"] == ""
        finals = {
            f["pattern"]: f["replacement"]
            for name, f in analysis["filter"].items()
            if name.startswith("kehilot_he_final_")
        }
        assert finals == {"ך": "כ", "ם": "מ", "ן": "נ", "ף": "פ", "ץ": "צ"}
        assert (
            "kehilot_he_hunspell" not in analysis["analyzer"]["kehilot_text"]["filter"]
        )

    def test_hunspell_off(self):
        analysis = es_mapping.index_body(hunspell=False)["settings"]["analysis"]
        assert "kehilot_he_hunspell" not in analysis["filter"]
        assert "kehilot_he_hunspell" not in json.dumps(analysis)
        he = analysis["analyzer"]["kehilot_he"]
        assert he["filter"][0] == "lowercase"
        assert len(he["filter"]) == 6

    def test_fields(self):
        body = es_mapping.index_body(shards=2, replicas=1)
        assert body["settings"]["number_of_shards"] == 2
        assert body["settings"]["number_of_replicas"] == 1
        mappings = body["mappings"]
        assert mappings["dynamic"] == "strict"
        props = mappings["properties"]
        for name in ("key", "model_label", "object_id", "plugin", "type"):
            assert props[name] == {"type": "keyword"}
        for name in ("community_key", "language", "audience"):
            assert props[name] == {"type": "keyword"}
        assert props["url"]["index"] is False
        assert props["date"] == {"type": "date"}
        assert props["theme_year"] == {"type": "integer"}
        assert props["facets"] == {"type": "object", "enabled": False}
        for name in ("title_terms", "body_terms", "expanded_terms"):
            assert props[name]["type"] == "text"
            assert props[name]["analyzer"] == "kehilot_terms"
            assert "index_prefixes" in props[name]
        for name in ("title", "body"):
            assert props[name]["analyzer"] == "kehilot_text"
            assert props[name]["fields"] == {
                "he": {"type": "text", "analyzer": "kehilot_he"},
                "en": {"type": "text", "analyzer": "english"},
            }
        json.dumps(body)  # serialisable as is

    def test_source_and_actions(self):
        source = es_mapping.to_source(doc())
        assert source["date"] == "2026-01-05T10:00:00+00:00"
        assert source["audience"] == ["public", "login"]
        assert source["facets"] == {"tags": ["a"]}
        assert set(source) == set(es_mapping.build_mapping().to_dict()["properties"])
        assert es_mapping.to_source(doc(date=None))["date"] is None
        (action,) = es_mapping.index_actions("kehilot", [doc()])
        assert action["_op_type"] == "index"
        assert (action["_index"], action["_id"]) == ("kehilot", "news.item:1")
        assert es_mapping.delete_actions("kehilot", ["a", "b"]) == [
            {"_op_type": "delete", "_index": "kehilot", "_id": "a"},
            {"_op_type": "delete", "_index": "kehilot", "_id": "b"},
        ]


class TestAliasSwap:
    def test_names(self):
        now = datetime.datetime(2026, 3, 4, 5, 6, 7, 890, tzinfo=UTC)
        assert (
            es_mapping.physical_name("kehilot", now) == "kehilot-20260304050607000890"
        )
        assert es_mapping.initial_name("kehilot") == "kehilot-" + "0" * 20
        assert es_mapping.initial_name("k") < es_mapping.physical_name("k")

    def test_swap_removes_old_and_adds_new_in_one_list(self):
        actions = es_mapping.alias_swap_actions("k", "k-2", ["k-1b", "k-1a"])
        assert actions == [
            {"remove": {"index": "k-1a", "alias": "k"}},
            {"remove": {"index": "k-1b", "alias": "k"}},
            {"add": {"index": "k-2", "alias": "k"}},
        ]

    def test_first_swap_and_concrete_index(self):
        assert es_mapping.alias_swap_actions("k", "k-2", []) == [
            {"add": {"index": "k-2", "alias": "k"}}
        ]
        actions = es_mapping.alias_swap_actions("k", "k-2", [], concrete_index=True)
        assert actions == [
            {"remove_index": {"index": "k"}},
            {"add": {"index": "k-2", "alias": "k"}},
        ]
        assert es_mapping.alias_swap_actions("k", "k-2", ["k-2"]) == [
            {"add": {"index": "k-2", "alias": "k"}}
        ]


# --- matching -----------------------------------------------------------------------
class TestMatching:
    def test_plain_terms_are_all_required(self):
        q = Query(must=(term("קהילה"), term("communities", "communiti")))
        b = bool_of(es_query.search_body(request(q)))
        assert len(b["must"]) == 2
        first, second = (fields(c, "term") for c in b["must"])
        assert first == {
            "title_terms": {"value": "קהילה", "boost": 4.0},
            "body_terms": {"value": "קהילה", "boost": 2.0},
            "expanded_terms": {"value": "קהילה", "boost": 1.0},
        }
        assert second["expanded_terms"]["value"] == "communiti"
        assert second["title_terms"]["value"] == "communities"
        for clause in b["must"]:
            assert clause["bool"]["minimum_should_match"] == 1

    def test_or_groups(self):
        q = Query(must=(term("a"),), any_of=((term("b"), term("c")),))
        must = bool_of(es_query.search_body(request(q)))["must"]
        group = must[1]["bool"]
        assert group["minimum_should_match"] == 1
        values = [fields(c, "term")["title_terms"]["value"] for c in group["should"]]
        assert values == ["b", "c"]

    def test_group_of_one_usable_term(self):
        q = Query(any_of=((term("b"), term("x-y")),))
        (clause,) = bool_of(es_query.search_body(request(q)))["must"]
        assert fields(clause, "term")["title_terms"]["value"] == "b"

    def test_phrases(self):
        q = Query(phrases=(("בית", "ספר"),))
        (clause,) = bool_of(es_query.search_body(request(q)))["must"]
        assert fields(clause, "match_phrase") == {
            "title_terms": {"query": "בית ספר", "boost": 4.0},
            "body_terms": {"query": "בית ספר", "boost": 2.0},
        }

    def test_excludes(self):
        q = Query(must=(term("a"),), exclude=(term("b"), term("c")))
        b = bool_of(es_query.search_body(request(q)))
        excluded = [fields(c, "term")["title_terms"]["value"] for c in b["must_not"]]
        assert excluded == ["b", "c"]
        assert set(fields(b["must_not"][0], "term")) == {
            "title_terms",
            "body_terms",
            "expanded_terms",
        }

    def test_prefix_terms(self):
        q = Query(must=(term("קהי", prefix=True),))
        (clause,) = bool_of(es_query.search_body(request(q)))["must"]
        assert set(fields(clause, "prefix")) == {
            "title_terms",
            "body_terms",
            "expanded_terms",
        }

    def test_expanded_or_exact_missing(self):
        clause = es_query.term_clause(QueryTerm("a", "")).to_dict()
        assert set(fields(clause, "term")) == {"title_terms", "body_terms"}
        clause = es_query.term_clause(QueryTerm("", "b")).to_dict()
        assert clause == {"term": {"expanded_terms": {"value": "b", "boost": 1.0}}}
        assert es_query.term_clause(QueryTerm("", "")) is None

    @pytest.mark.parametrize(
        "query",
        [
            Query(),
            Query(exclude=(term("a"),)),
            Query(must=(QueryTerm("a b", "a b"),)),
            Query(phrases=(("*",),)),
        ],
    )
    def test_nothing_positive_matches_nothing(self, query):
        assert es_query.search_body(request(query)) is None
        assert es_query.autocomplete_body(request(query)) is None

    def test_parsed_query(self):
        q = parse_query('קהילה "בית ספר" a OR b -x')
        b = bool_of(es_query.search_body(request(q)))
        assert len(b["must"]) == 3
        assert len(b["must_not"]) == 1

    def test_signal_clauses_never_required(self):
        q = Query(must=(term("שלומ"), term("communities")), phrases=(("ab",),))
        b = bool_of(es_query.search_body(request(q)))
        assert b["minimum_should_match"] == 0
        multi, *fuzzy = b["should"]
        assert multi["multi_match"]["fields"] == es_query.SIGNAL_FIELDS
        # The final letter comes back for hunspell; phrase words count too.
        assert multi["multi_match"]["query"] == "שלום communities ab"
        assert multi["multi_match"]["boost"] < 1
        assert fuzzy == [
            {
                "match": {
                    "title": {"query": "communities", "fuzziness": "AUTO", "boost": 0.1}
                }
            }
        ]
        required = json.dumps([b["must"], b["filter"]])
        assert "multi_match" not in required and "fuzziness" not in required

    def test_final_form(self):
        assert es_query._final_form("שלומ") == "שלום"
        assert es_query._final_form("ספר") == "ספר"
        assert es_query._final_form("מ") == "מ"
        assert es_query._final_form("abc") == "abc"


# --- filters ------------------------------------------------------------------------
class TestFilters:
    def test_audience(self):
        b = bool_of(es_query.search_body(request(audience=frozenset({"b", "a"}))))
        assert b["filter"] == [{"terms": {"audience": ["a", "b"]}}]
        b = bool_of(es_query.search_body(request(audience=frozenset())))
        assert b["filter"] == [{"terms": {"audience": []}}]  # sees nothing
        b = bool_of(es_query.search_body(request(audience=None)))
        assert "filter" not in b  # network staff read everything

    def test_every_filter(self):
        r = request(
            types=("news", "event"),
            communities=("haifa",),
            languages=("he",),
            theme_years=(2026,),
            date_from=datetime.date(2026, 1, 5),
            date_to=datetime.date(2026, 1, 10),
        )
        b = bool_of(es_query.search_body(r))
        assert b["filter"] == [
            {"terms": {"audience": ["public"]}},
            {"terms": {"type": ["news", "event"]}},
            {"terms": {"community_key": ["haifa"]}},
            {"terms": {"language": ["he"]}},
            {"terms": {"theme_year": [2026]}},
            # Whole days in the site's time zone (Asia/Jerusalem), date_to included.
            {
                "range": {
                    "date": {
                        "gte": "2026-01-05T00:00:00+02:00",
                        "lt": "2026-01-11T00:00:00+02:00",
                    }
                }
            },
        ]
        assert "must_not" not in b

    def test_open_date_ranges(self):
        b = bool_of(es_query.search_body(request(date_to=datetime.date(2026, 7, 1))))
        assert b["filter"][-1] == {
            "range": {"date": {"lt": "2026-07-02T00:00:00+03:00"}}
        }
        b = bool_of(es_query.search_body(request(date_from=datetime.date(2026, 7, 1))))
        assert b["filter"][-1] == {
            "range": {"date": {"gte": "2026-07-01T00:00:00+03:00"}}
        }

    def test_hidden_plugins(self):
        r = request(
            hidden_plugins=frozenset({"polls", "awards"}),
            hidden_plugin_communities={
                "events": frozenset({"tlv", "haifa"}),
                "empty": frozenset(),
            },
        )
        b = bool_of(es_query.search_body(r))
        assert b["must_not"] == [
            {"terms": {"plugin": ["awards", "polls"]}},
            {
                "bool": {
                    "filter": [
                        {"term": {"plugin": "events"}},
                        {"terms": {"community_key": ["haifa", "tlv"]}},
                    ]
                }
            },
        ]

    def test_filters_never_score(self):
        r = request(types=("news",), hidden_plugins=frozenset({"x"}))
        b = bool_of(es_query.search_body(r))
        assert "filter" in b and "must_not" in b
        assert "boost" not in json.dumps([b["filter"], b["must_not"]])


# --- sort, pagination, facets -------------------------------------------------------
class TestRequestShape:
    def test_relevance_sort_and_page(self):
        body = es_query.search_body(request(offset=40, limit=20))
        assert body["sort"] == [
            {"_score": {"order": "desc"}},
            {"date": {"order": "desc", "missing": "_last"}},
            {"key": {"order": "asc"}},
        ]
        assert (body["from"], body["size"]) == (40, 20)
        assert body["track_total_hits"] is True
        assert body["_source"] == list(es_mapping.HIT_FIELDS)

    def test_date_sort(self):
        body = es_query.search_body(request(sort="date"))
        assert body["sort"] == [
            {"date": {"order": "desc", "missing": "_last"}},
            {"key": {"order": "asc"}},
        ]

    def test_facets(self):
        aggs = es_query.search_body(request())["aggs"]
        assert set(aggs) == set(FACETS)
        assert aggs["type"] == {"terms": {"field": "type", "size": 1000}}
        assert aggs["community"]["terms"]["field"] == "community_key"
        assert aggs["language"]["terms"]["field"] == "language"
        assert aggs["theme_year"]["terms"]["field"] == "theme_year"
        assert aggs["year"] == {
            "date_histogram": {
                "field": "date",
                "calendar_interval": "year",
                "format": "yyyy",
                "min_doc_count": 1,
                "time_zone": "Asia/Jerusalem",
            }
        }
        assert "aggs" not in es_query.search_body(request(with_facets=False))

    def test_autocomplete(self):
        q = parse_query("שלום קהי", autocomplete=True)
        r = request(q, limit=8, types=("news",), hidden_plugins=frozenset({"p"}))
        body = es_query.autocomplete_body(r)
        b = bool_of(body)
        exact, prefix = b["must"]
        assert exact == {"term": {"title_terms": {"value": "שלומ", "boost": 4.0}}}
        assert prefix == {"prefix": {"title_terms": {"value": "קהי", "boost": 4.0}}}
        assert "should" not in b and "aggs" not in body
        assert b["filter"][0] == {"terms": {"audience": ["public"]}}
        assert b["must_not"] == [{"terms": {"plugin": ["p"]}}]
        assert (body["from"], body["size"]) == (0, 8)
        assert body["sort"][0] == {"_score": {"order": "desc"}}

    def test_autocomplete_titles_only(self):
        q = Query(phrases=(("a", "b"),), exclude=(term("c"),))
        b = bool_of(es_query.autocomplete_body(request(q)))
        assert b["must"] == [
            {"match_phrase": {"title_terms": {"query": "a b", "boost": 4.0}}}
        ]
        assert b["must_not"] == [
            {"term": {"title_terms": {"value": "c", "boost": 4.0}}}
        ]

    def test_counts(self):
        body = es_query.counts_body()
        assert body["size"] == 0
        assert body["aggs"] == {"type": {"terms": {"field": "type", "size": 1000}}}


# --- responses ----------------------------------------------------------------------
RAW = {
    "took": 3,
    "hits": {
        "total": {"value": 42, "relation": "eq"},
        "max_score": 7.5,
        "hits": [
            {
                "_index": "kehilot-20260101",
                "_id": "news.item:1",
                "_score": 7.5,
                "_source": {
                    "key": "news.item:1",
                    "model_label": "news.item",
                    "object_id": "1",
                    "title": "שלום",
                    "body": "גוף",
                    "url": "/he/news/1/",
                    "type": "news",
                    "community_key": "haifa",
                    "language": "he",
                    "date": "2026-01-05T10:00:00+00:00",
                    "theme_year": 2026,
                },
            },
            {
                "_id": "forum.topic:9",
                "_score": None,
                "_source": {"key": "forum.topic:9", "date": None, "theme_year": None},
            },
        ],
    },
    "aggregations": {
        "type": {
            "buckets": [{"key": "news", "doc_count": 30}, {"key": "", "doc_count": 2}]
        },
        "community": {"buckets": [{"key": "haifa", "doc_count": 12}]},
        "language": {"buckets": []},
        "theme_year": {"buckets": [{"key": 2026, "doc_count": 5}]},
        "year": {
            "buckets": [
                {"key_as_string": "2025", "key": 1735682400000, "doc_count": 0},
                {"key_as_string": "2026", "key": 1767218400000, "doc_count": 9},
            ]
        },
    },
}


class TestResponses:
    def test_parse(self):
        response = es_query.parse_response(RAW)
        assert response.total == 42
        first, second = response.hits
        assert first.key == "news.item:1"
        assert first.score == 7.5
        assert first.date == datetime.datetime(2026, 1, 5, 10, tzinfo=UTC)
        assert first.theme_year == 2026
        assert (first.url, first.community_key, first.language) == (
            "/he/news/1/",
            "haifa",
            "he",
        )
        assert second.score == 0.0 and second.date is None and second.theme_year is None
        assert response.facets == {
            "type": {"news": 30},
            "community": {"haifa": 12},
            "language": {},
            "theme_year": {"2026": 5},
            "year": {"2026": 9},
        }

    def test_without_facets_and_old_totals(self):
        raw = {"hits": {"total": 3, "hits": []}}
        response = es_query.parse_response(raw, with_facets=False)
        assert (response.total, response.hits, response.facets) == (3, [], {})

    def test_empty_response(self):
        empty = es_query.empty_response(request())
        assert empty.total == 0 and empty.facets == {name: {} for name in FACETS}
        assert es_query.empty_response(request(with_facets=False)).facets == {}


# --- the engine, without a server ---------------------------------------------------
def not_found(kind: str = "index_not_found_exception") -> NotFoundError:
    meta = ApiResponseMeta(
        status=404,
        http_version="1.1",
        headers=HttpHeaders(),
        duration=0.0,
        node=NodeConfig("http", "localhost", 9200),
    )
    return NotFoundError(message=kind, meta=meta, body={"error": {"type": kind}})


class FakeIndices:
    def __init__(self, log: list, aliases: dict[str, list[str]]):
        self.log = log
        self.aliases = aliases

    def create(self, index, **kwargs):
        self.log.append(("create", index, sorted(kwargs)))

    def refresh(self, index):
        self.log.append(("refresh", index))

    def get_alias(self, name):
        if name not in self.aliases:
            raise not_found("aliases_not_found_exception")
        return SimpleNamespace(
            body={i: {"aliases": {name: {}}} for i in self.aliases[name]}
        )

    def exists(self, index):
        return False

    def exists_alias(self, name):
        self.log.append(("exists_alias", name))
        return name in self.aliases

    def put_alias(self, index, name):
        self.log.append(("put_alias", index, name))

    def update_aliases(self, actions):
        self.log.append(("update_aliases", actions))

    def delete(self, index, ignore_unavailable=False):
        self.log.append(("delete", index))


class FakeClient:
    def __init__(self, aliases=None, search_error=None):
        self.log: list = []
        self.indices = FakeIndices(self.log, aliases if aliases is not None else {})
        self.search_error = search_error

    def search(self, index, body):
        self.log.append(("search", index, body))
        if self.search_error:
            raise self.search_error
        return SimpleNamespace(body={"hits": {"total": {"value": 0}, "hits": []}})


@pytest.fixture
def fake(monkeypatch):
    bulks = []

    def fake_bulk(client, actions, **kwargs):
        actions = list(actions)
        bulks.append((actions, kwargs))
        return len(actions), []

    monkeypatch.setattr("search.engines.elasticsearch.bulk", fake_bulk)
    engine = ElasticsearchEngine("http://es.invalid:9200", index="k", refresh=False)
    engine._client = FakeClient(aliases={"k": ["k-old"]})
    return SimpleNamespace(engine=engine, log=engine._client.log, bulks=bulks)


class TestEngine:
    def test_construction_is_lazy_and_reads_settings(self, settings):
        settings.ELASTICSEARCH_REFRESH = "wait_for"
        settings.ELASTICSEARCH_HEBREW_HUNSPELL = False
        engine = ElasticsearchEngine("http://es.invalid:9200")
        assert engine._client is None
        assert engine.alias == "kehilot"
        assert engine.refresh == "wait_for"
        assert engine.hebrew_hunspell is False
        assert "kehilot_he_hunspell" not in json.dumps(engine.index_body())
        explicit = ElasticsearchEngine("http://x:9200", "other", refresh=True)
        assert (explicit.alias, explicit.refresh) == ("other", True)

    def test_flags_from_strings(self, settings):
        settings.ELASTICSEARCH_HEBREW_HUNSPELL = "false"
        settings.ELASTICSEARCH_REFRESH = "true"
        engine = ElasticsearchEngine("http://x:9200")
        assert engine.hebrew_hunspell is False and engine.refresh is True

    def test_rebuild_swaps_alias_then_drops_old(self, fake):
        batches = [[doc("a:1"), doc("a:1"), doc("a:2")], [], [doc("a:3")]]
        assert fake.engine.rebuild(iter(batches)) == 3
        create, refresh, swap, drop = fake.log
        new = create[1]
        assert new.startswith("k-") and create[2] == ["mappings", "settings"]
        assert refresh == ("refresh", new)
        assert swap == (
            "update_aliases",
            [
                {"remove": {"index": "k-old", "alias": "k"}},
                {"add": {"index": new, "alias": "k"}},
            ],
        )
        assert drop == ("delete", "k-old")
        assert [len(actions) for actions, _ in fake.bulks] == [2, 1]
        assert all(a["_index"] == new for actions, _ in fake.bulks for a in actions)

    def test_failed_rebuild_keeps_the_old_index(self, fake):
        def batches():
            yield [doc("a:1")]
            raise RuntimeError("database went away")

        with pytest.raises(RuntimeError):
            fake.engine.rebuild(batches())
        kinds = [entry[0] for entry in fake.log]
        assert kinds == ["create", "delete"]
        assert fake.log[1][1] == fake.log[0][1]  # the new index, not k-old

    def test_writes_go_through_the_alias(self, fake):
        fake.engine.index([doc("a:1"), doc("a:1")])
        fake.engine.delete(["a:1", "a:1"])
        fake.engine.delete([])
        (indexed, index_kw), (deleted, delete_kw) = fake.bulks
        assert [a["_index"] for a in indexed] == ["k"]
        assert index_kw == {"refresh": False, "require_alias": True}
        assert [a["_id"] for a in deleted] == ["a:1"]
        assert delete_kw["ignore_status"] == (404,)

    def test_first_write_creates_index_and_alias(self, fake):
        fake.engine._client = FakeClient(aliases={})
        fake.engine.index([doc()])
        log = fake.engine._client.log
        assert log[1] == (
            "create",
            "k-" + "0" * 20,
            ["aliases", "mappings", "settings"],
        )
        assert log[-1] == ("put_alias", "k-" + "0" * 20, "k")  # the fake keeps no state
        fake.engine.index([doc()])
        assert len(log) == 4  # checked once per engine

    def test_search_before_any_index(self, fake):
        fake.engine._client = FakeClient(search_error=not_found())
        response = fake.engine.search(request())
        assert response.total == 0 and response.facets["type"] == {}
        assert fake.engine.autocomplete(request()) == []
        assert fake.engine.counts() == {}

    def test_other_not_found_is_an_engine_error(self, fake):
        fake.engine._client = FakeClient(search_error=not_found("other_exception"))
        with pytest.raises(EngineError, match="404 other_exception"):
            fake.engine.search(request())

    def test_empty_query_never_reaches_the_server(self, fake):
        assert fake.engine.search(request(Query())).facets == {}
        assert fake.engine.autocomplete(request(Query())) == []
        assert fake.log == []

    def test_search_sends_the_body(self, fake):
        fake.engine.search(request())
        ((kind, index, body),) = fake.log
        assert (kind, index) == ("search", "k")
        assert body == es_query.search_body(request())


class TestErrors:
    """A real client pointed at a closed port: connection refused."""

    @pytest.fixture
    def engine(self):
        return ElasticsearchEngine("http://127.0.0.1:9", timeout=0.5, max_retries=0)

    @pytest.mark.parametrize(
        "call",
        [
            lambda e: e.search(request()),
            lambda e: e.autocomplete(request()),
            lambda e: e.counts(),
            lambda e: e.keys_for("news.item"),
            lambda e: e.index([doc()]),
            lambda e: e.delete(["a"]),
            lambda e: e.rebuild([[doc()]]),
        ],
    )
    def test_wrapped(self, engine, call):
        with pytest.raises(EngineError, match="elasticsearch: .* failed") as info:
            call(engine)
        assert "ConnectionError" in str(info.value)

    def test_bad_url(self):
        engine = ElasticsearchEngine("not a url")
        with pytest.raises(EngineError, match="bad configuration"):
            engine.search(request())


# --- the real client, over a scripted transport -------------------------------------
class ScriptedNode(BaseNode):
    """Stands in for the HTTP connection: records requests, answers like a server
    holding the alias ``k`` on ``k-old`` (so the client's own argument checks,
    URL building and serialisation all run)."""

    requests: list[tuple[str, str, Any]] = []

    def perform_request(
        self, method, target, body=None, headers=None, request_timeout=None
    ):
        path = target.split("?")[0]
        text = body.decode() if body else ""
        if path == "/_bulk":
            payload: Any = [json.loads(line) for line in text.splitlines() if line]
        else:
            payload = json.loads(text) if text else None
        ScriptedNode.requests.append((method, target, payload))
        status, answer = self.answer(method, path, payload)
        meta = ApiResponseMeta(
            status=status,
            http_version="1.1",
            headers=HttpHeaders(
                {
                    "x-elastic-product": "Elasticsearch",
                    "content-type": "application/json",
                }
            ),
            duration=0.0,
            node=self.config,
        )
        return NodeApiResponse(meta, json.dumps(answer).encode())

    @staticmethod
    def answer(method, path, payload):
        if path == "/_bulk":
            ops = [line for line in payload if set(line) & {"index", "delete"}]
            items = [{op: {"status": 200}} for line in ops for op in line]
            return 200, {"errors": False, "took": 1, "items": items}
        if path == "/_alias/k":
            return 200, {"k-old": {"aliases": {"k": {}}}}
        shards = {"total": 1, "successful": 1, "skipped": 0, "failed": 0}
        if path.endswith("/_search"):
            return 200, dict(RAW, _scroll_id="s1", _shards=shards)
        if path == "/_search/scroll" and method == "POST":
            return 200, {"_scroll_id": "s1", "_shards": shards, "hits": {"hits": []}}
        return 200, {"acknowledged": True}


@pytest.fixture
def scripted():
    ScriptedNode.requests = []
    return ElasticsearchEngine("http://es.test:9200", "k", node_class=ScriptedNode)


class TestOverTheWire:
    def test_rebuild_requests(self, scripted):
        assert scripted.rebuild([[doc("a:1"), doc("a:2")]]) == 2
        calls = [(m, t.split("?")[0]) for m, t, _ in ScriptedNode.requests]
        new = calls[0][1].lstrip("/")
        assert calls == [
            ("PUT", f"/{new}"),
            ("PUT", "/_bulk"),
            ("POST", f"/{new}/_refresh"),
            ("GET", "/_alias/k"),
            ("POST", "/_aliases"),
            ("DELETE", "/k-old"),
        ]
        created = ScriptedNode.requests[0][2]
        assert set(created) == {"settings", "mappings"}
        bulk_lines = ScriptedNode.requests[1][2]
        assert bulk_lines[0] == {"index": {"_index": new, "_id": "a:1"}}
        assert ScriptedNode.requests[4][2] == {
            "actions": [
                {"remove": {"index": "k-old", "alias": "k"}},
                {"add": {"index": new, "alias": "k"}},
            ]
        }

    def test_writes_and_search(self, scripted):
        scripted.index([doc()])
        scripted.delete(["a:9"])
        response = scripted.search(request())
        assert response.total == 42 and response.facets["year"] == {"2026": 9}
        head, bulk_index, bulk_delete, search = ScriptedNode.requests
        assert head[:2] == ("HEAD", "/_alias/k")
        assert "require_alias=true" in bulk_index[1]
        assert "refresh=false" in bulk_index[1]
        assert bulk_delete[2] == [{"delete": {"_index": "k", "_id": "a:9"}}]
        assert search[1].startswith("/k/_search")
        assert search[2] == es_query.search_body(request())

    def test_counts_and_keys(self, scripted):
        assert scripted.counts() == {"news": 30}
        assert scripted.keys_for("news.item") == {"news.item:1", "forum.topic:9"}
        counts, scan = ScriptedNode.requests[:2]
        assert counts[2] == es_query.counts_body()
        assert scan[2]["query"] == {"term": {"model_label": "news.item"}}
        assert scan[2]["_source"] is False
