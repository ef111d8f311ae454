"""The Elasticsearch 8 engine (``ELASTICSEARCH_URL``).

Matching is the one every engine shares: a query term matches a document when
its ``exact`` form is among ``title_terms``/``body_terms`` or its ``expanded``
form among ``expanded_terms`` (by prefix when ``term.prefix``); phrases are
``match_phrase`` on the title or body terms; every ``must`` term, every phrase
and one term of each ``any_of`` group are required (``bool.must``) and
``exclude`` terms are ``must_not``. Ranking uses BM25 on those fields, title
terms boosted 4, body terms 2, expanded terms 1.

Elasticsearch's own analysis adds ranking signal only: the raw ``title``/``body``
text with Hebrew (hunspell) and English sub-fields, and a fuzzy match on the
title for words of five letters or more, are ``should`` clauses with
``minimum_should_match: 0``. They can reorder results, never add or remove one,
so Elasticsearch returns the same documents as the SQLite and PostgreSQL
engines. Permissions and filters are ``bool.filter``/``must_not`` (no scoring).

Layout: the engine reads and writes through an alias named ``index``
(``ELASTICSEARCH_INDEX``); physical indices are ``<alias>-<timestamp>``.
``rebuild`` fills a new physical index, then swaps the alias in one atomic
``update_aliases`` call and drops the old index, so readers never see an
empty or partial index. Writes that reach the old index while a rebuild runs
are not copied into the new one: outbox items newer than the rebuild's start
must be sent again after the swap. Pages past ``index.max_result_window``
(10,000 results) fail with ``EngineError``.

Index layout and mapping live in ``es_mapping``, query bodies and response
parsing in ``es_query`` (pure functions, unit tested without a server).

Settings (read when the engine is built, never at import): ``ELASTICSEARCH_REFRESH``
(``False``; tests use ``"wait_for"``), ``ELASTICSEARCH_HEBREW_HUNSPELL`` (``True``;
``False`` when the server has no he_IL dictionary), ``ELASTICSEARCH_TIMEOUT``
(seconds, 10). The client is created on first use; nothing connects before.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from elastic_transport import ApiError as TransportApiError
from elastic_transport import TransportError
from elasticsearch import ApiError, BadRequestError, Elasticsearch, NotFoundError
from elasticsearch.helpers import BulkIndexError, bulk, scan

from search.engines import es_mapping, es_query
from search.engines.base import (
    EngineError,
    Hit,
    IndexDocument,
    SearchEngine,
    SearchRequest,
    SearchResponse,
)

logger = logging.getLogger(__name__)

_ERRORS = (ApiError, TransportApiError, TransportError, BulkIndexError)


# --- settings --------------------------------------------------------------------
def _setting(name: str, default: Any) -> Any:
    from django.conf import settings

    if settings.configured and hasattr(settings, name):
        return getattr(settings, name)
    return os.environ.get(name, default)


def _flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() not in ("", "0", "false", "no", "off")
    return bool(value)


def _refresh(value: Any) -> bool | str:
    if isinstance(value, str) and value.strip().lower() == "wait_for":
        return "wait_for"
    return _flag(value)


# --- the engine --------------------------------------------------------------------
class ElasticsearchEngine(SearchEngine):
    """Reads and writes through the alias ``index``; see the module docstring.

    ``options``: ``refresh``, ``hebrew_hunspell``, ``timeout`` (default to the
    settings above), ``shards`` (1), ``replicas`` (0); anything else goes to
    ``elasticsearch.Elasticsearch`` (``max_retries``, ``api_key``, ``ca_certs``...).
    """

    name = "elasticsearch"

    def __init__(self, url: str, index: str = "kehilot", **options: Any) -> None:
        self.url = url
        self.alias = index
        refresh = options.pop("refresh", _setting("ELASTICSEARCH_REFRESH", False))
        self.refresh = _refresh(refresh)
        hunspell = options.pop(
            "hebrew_hunspell", _setting("ELASTICSEARCH_HEBREW_HUNSPELL", True)
        )
        self.hebrew_hunspell = _flag(hunspell)
        self.timeout = float(
            options.pop("timeout", _setting("ELASTICSEARCH_TIMEOUT", 10))
        )
        self.shards = int(options.pop("shards", 1))
        self.replicas = int(options.pop("replicas", 0))
        self.client_options = options
        self._client: Elasticsearch | None = None
        self._alias_ready = False

    # --- plumbing ----------------------------------------------------------------
    @property
    def client(self) -> Elasticsearch:
        if self._client is None:
            options = {"request_timeout": self.timeout, **self.client_options}
            try:
                self._client = Elasticsearch(self.url, **options)
            except (ValueError, TypeError) as error:
                raise EngineError(
                    f"elasticsearch: bad configuration: {error}"
                ) from error
        return self._client

    @contextlib.contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Driver exceptions become ``EngineError`` (the cause stays chained)."""
        try:
            yield
        except _ERRORS as error:
            raise EngineError(
                f"elasticsearch: {action} failed on {self.alias!r}: {_describe(error)}"
            ) from error

    def index_body(self) -> dict[str, Any]:
        return es_mapping.index_body(
            hunspell=self.hebrew_hunspell, shards=self.shards, replicas=self.replicas
        )

    def _ensure_alias(self) -> None:
        """Create the first physical index and the alias on the first write."""
        if self._alias_ready:
            return
        indices = self.client.indices
        if not indices.exists_alias(name=self.alias):
            if indices.exists(index=self.alias):
                raise EngineError(
                    f"elasticsearch: {self.alias!r} is an index, not an alias: "
                    "run `manage.py search_index rebuild` to replace it"
                )
            first = es_mapping.initial_name(self.alias)
            body = self.index_body()
            try:
                indices.create(index=first, aliases={self.alias: {}}, **body)
            except BadRequestError as error:
                if error.error != "resource_already_exists_exception":
                    raise
            if not indices.exists_alias(name=self.alias):
                indices.put_alias(index=first, name=self.alias)
        self._alias_ready = True

    def _alias_targets(self) -> tuple[list[str], bool]:
        """Physical indices behind the alias, and whether a concrete index
        holds the alias's name instead."""
        try:
            found = self.client.indices.get_alias(name=self.alias)
        except NotFoundError:
            return [], bool(self.client.indices.exists(index=self.alias))
        return sorted(found.body), False

    # --- writing -----------------------------------------------------------------
    def index(self, documents: Sequence[IndexDocument]) -> None:
        latest = list({doc.key: doc for doc in documents}.values())
        if not latest:
            return
        with self._errors("index"):
            self._ensure_alias()
            bulk(
                self.client,
                es_mapping.index_actions(self.alias, latest),
                refresh=self.refresh,
                require_alias=True,
            )

    def delete(self, keys: Sequence[str]) -> None:
        keys = list(dict.fromkeys(keys))
        if not keys:
            return
        with self._errors("delete"):
            # 404: unknown key, or no index yet (nothing to delete either way).
            bulk(
                self.client,
                es_mapping.delete_actions(self.alias, keys),
                refresh=self.refresh,
                require_alias=True,
                ignore_status=(404,),
            )

    def rebuild(self, batches: Iterable[Sequence[IndexDocument]]) -> int:
        new = es_mapping.physical_name(self.alias)
        with self._errors("rebuild"):
            self.client.indices.create(index=new, **self.index_body())
            try:
                total = self._fill(new, batches)
                self.client.indices.refresh(index=new)
                old, concrete = self._alias_targets()
                actions = es_mapping.alias_swap_actions(
                    self.alias, new, old, concrete_index=concrete
                )
                self.client.indices.update_aliases(actions=actions)
            except BaseException:
                self._drop(new)
                raise
        self._alias_ready = True
        for name in old:
            if name != new:
                self._drop(name)
        return total

    def _fill(self, index: str, batches: Iterable[Sequence[IndexDocument]]) -> int:
        total = 0
        for batch in batches:
            unique = list({doc.key: doc for doc in batch}.values())
            if unique:
                bulk(self.client, es_mapping.index_actions(index, unique))
            total += len(unique)
        return total

    def _drop(self, index: str) -> None:
        """Best effort: a leftover index costs disk space, not correctness."""
        try:
            self.client.indices.delete(index=index, ignore_unavailable=True)
        except _ERRORS as error:
            logger.warning("elasticsearch: could not delete index %s: %s", index, error)

    # --- reading -----------------------------------------------------------------
    def search(self, request: SearchRequest) -> SearchResponse:
        body = es_query.search_body(request)
        if body is None:  # nothing positive: no facets either, as on the databases
            return SearchResponse(total=0, hits=[], facets={})
        raw = self._search("search", body)
        if raw is None:
            return es_query.empty_response(request)
        return es_query.parse_response(raw, with_facets=request.with_facets)

    def autocomplete(self, request: SearchRequest) -> list[Hit]:
        body = es_query.autocomplete_body(request)
        raw = self._search("autocomplete", body) if body is not None else None
        if raw is None:
            return []
        return es_query.parse_response(raw, with_facets=False).hits

    def counts(self) -> dict[str, int]:
        raw = self._search("counts", es_query.counts_body())
        if raw is None:
            return {}
        return es_query.parse_buckets(raw.get("aggregations", {}).get("type", {}))

    def keys_for(self, model_label: str) -> set[str]:
        query = {"query": {"term": {"model_label": model_label}}, "_source": False}
        with self._errors("keys_for"):
            try:
                return {
                    hit["_id"] for hit in scan(self.client, query, index=self.alias)
                }
            except NotFoundError:
                return set()

    def _search(self, action: str, body: dict[str, Any]) -> dict[str, Any] | None:
        """The raw response, or ``None`` when no index exists yet."""
        with self._errors(action):
            try:
                return self.client.search(index=self.alias, body=body).body
            except NotFoundError as error:
                if error.error == "index_not_found_exception":
                    return None
                raise


def _describe(error: Exception) -> str:
    if isinstance(error, BulkIndexError):
        first = error.errors[0] if error.errors else {}
        return f"{error} (first: {first})"
    if isinstance(error, ApiError):
        return f"{error.meta.status} {error.error}: {error.info}"
    return f"{type(error).__name__}: {error}"
