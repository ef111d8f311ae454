"""The engine interface: every engine stores ``IndexDocument`` and answers a
``SearchRequest`` with the same semantics.

Text arrives already analysed (``search.analysis``): ``title_terms`` and
``body_terms`` hold the normalised words in order (phrases match there),
``expanded_terms`` the Hebrew prefix-stripped variants and English stems. A
query term matches a document when its ``exact`` form is among the title/body
terms or its ``expanded`` form among the expanded terms; exact matches rank
above expanded ones, title above body.

Permissions are part of the query: ``SearchRequest.audience`` is the set of
tokens the reader holds (``None`` for network staff, who read everything); a
document is visible when it shares at least one token. Totals and facets are
computed over visible documents only.
"""

from __future__ import annotations

import abc
import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from search.analysis import Query, QueryTerm

#: A term an engine may put in its query syntax: one plain word. The analysis
#: only ever produces such terms; engines check anyway, so no input can reach
#: FTS5, tsquery or query-string syntax.
PLAIN_WORD = re.compile(r"^\w+$")


def usable_forms(term: QueryTerm) -> tuple[str, str]:
    """``(exact, expanded)`` of a query term, each ``""`` unless a plain word."""
    exact = term.exact if PLAIN_WORD.match(term.exact) else ""
    expanded = term.expanded if PLAIN_WORD.match(term.expanded) else ""
    return exact, expanded


#: Facets every engine computes (``year`` is the year of ``date``).
FACETS = ("type", "community", "language", "theme_year", "year")


class EngineError(Exception):
    """The engine could not do what was asked (down, refused, misconfigured)."""


@dataclass(frozen=True)
class IndexDocument:
    key: str
    model_label: str
    object_id: str
    plugin: str
    title: str
    body: str
    url: str
    type: str
    community_key: str
    language: str
    date: datetime.datetime | None
    theme_year: int | None
    facets: Mapping[str, Any]
    audience: tuple[str, ...]
    title_terms: str
    body_terms: str
    expanded_terms: str


@dataclass(frozen=True)
class SearchRequest:
    query: Query
    audience: frozenset[str] | None
    types: tuple[str, ...] = ()
    communities: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    theme_years: tuple[int, ...] = ()
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    #: Plugin labels switched off network-wide: their documents are hidden.
    hidden_plugins: frozenset[str] = frozenset()
    #: Plugin label -> community keys where it is switched off.
    hidden_plugin_communities: Mapping[str, frozenset[str]] = field(
        default_factory=dict
    )
    sort: str = "relevance"  # or "date" (newest first)
    offset: int = 0
    limit: int = 20
    with_facets: bool = True


@dataclass
class Hit:
    key: str
    model_label: str
    object_id: str
    title: str
    body: str
    url: str
    type: str
    community_key: str
    language: str
    date: datetime.datetime | None
    theme_year: int | None
    score: float = 0.0


@dataclass
class SearchResponse:
    total: int
    hits: list[Hit]
    #: facet name -> {value: count}, values as strings.
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


class SearchEngine(abc.ABC):
    """Stores documents and answers requests. Implementations raise
    ``EngineError`` (never a driver exception) when the backend fails."""

    name: str = ""

    @abc.abstractmethod
    def index(self, documents: Sequence[IndexDocument]) -> None:
        """Insert or replace these documents (by ``key``)."""

    @abc.abstractmethod
    def delete(self, keys: Sequence[str]) -> None:
        """Remove these keys; unknown keys are ignored."""

    @abc.abstractmethod
    def search(self, request: SearchRequest) -> SearchResponse:
        """Visible matches of ``request.query``, filtered, sorted and paginated."""

    @abc.abstractmethod
    def autocomplete(self, request: SearchRequest) -> list[Hit]:
        """Visible documents whose title matches the (prefix) query, best first."""

    @abc.abstractmethod
    def counts(self) -> dict[str, int]:
        """Indexed documents per ``type``."""

    @abc.abstractmethod
    def rebuild(self, batches: Iterable[Sequence[IndexDocument]]) -> int:
        """Replace the whole index with these documents without a window in which
        readers see an empty or partial index; returns how many were indexed."""

    def keys_for(self, model_label: str) -> set[str]:
        """Indexed keys of one model (for ``search_index status``)."""
        return set()
