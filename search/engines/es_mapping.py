"""Elasticsearch index layout: analysis settings, the mapping, how an
``IndexDocument`` becomes an indexed source, and the alias swap of ``rebuild``.

Everything here is a pure function (no client, no network) so that it is unit
tested without a server.

Fields:

* ``title_terms``, ``body_terms``, ``expanded_terms`` hold text that
  ``search.analysis`` has already analysed; they are split on whitespace and
  nothing more (``kehilot_terms``), so that Elasticsearch sees exactly the
  terms the database engines see. They decide *what* matches.
* ``title`` / ``body`` are the raw text, with ``.he`` (Hebrew) and ``.en``
  (built-in ``english``) sub-fields. They only add ranking signal.
* ``kehilot_he``: niqqud and cantillation (U+0591-U+05C7) are stripped by a
  char filter (the maqaf first becomes a space, so hyphenated words split),
  then the ``hunspell`` filter stems with the ``he_IL`` dictionary, then final
  letters are mapped to their regular forms. The final-letter mapping runs
  *after* hunspell, as token filters, because the dictionary spells words with
  final letters: mapping them earlier would make every word that ends in one
  unknown to it. With ``hebrew_hunspell=False`` (``ELASTICSEARCH_HEBREW_HUNSPELL``)
  the analyzer only normalises; the server then needs no dictionary.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from elasticsearch_dsl import (
    Date,
    Index,
    Integer,
    Keyword,
    Mapping,
    Object,
    Text,
    analyzer,
    char_filter,
    token_filter,
)

from search.engines.base import IndexDocument

#: Fields of the stored source that make up a ``Hit``.
HIT_FIELDS = (
    "key",
    "model_label",
    "object_id",
    "title",
    "body",
    "url",
    "type",
    "community_key",
    "language",
    "date",
    "theme_year",
)

FINAL_LETTERS = {"ך": "כ", "ם": "מ", "ן": "נ", "ף": "פ", "ץ": "צ"}

#: Sortable stamp of physical index names: ``<alias>-<stamp>``.
STAMP_FORMAT = "%Y%m%d%H%M%S%f"

TERMS_ANALYZER = analyzer("kehilot_terms", tokenizer="whitespace")

_MAQAF = char_filter("kehilot_he_maqaf", "mapping", mappings=["\\u05BE => \\u0020"])
_MARKS = char_filter(
    "kehilot_he_marks",
    "pattern_replace",
    pattern="[\\u0591-\\u05C7]",
    replacement="",
)
_FINALS = [
    token_filter(
        f"kehilot_he_final_{ord(final):x}",
        "pattern_replace",
        pattern=final,
        replacement=regular,
    )
    for final, regular in FINAL_LETTERS.items()
]
_HUNSPELL = token_filter("kehilot_he_hunspell", "hunspell", locale="he_IL", dedup=True)

#: Raw text, normalised but not stemmed (the main ``title``/``body`` fields).
TEXT_ANALYZER = analyzer(
    "kehilot_text",
    tokenizer="standard",
    char_filter=[_MAQAF, _MARKS],
    filter=["lowercase", *_FINALS],
)


def hebrew_analyzer(hunspell: bool = True):
    """The ``.he`` sub-field analyzer (see the module docstring)."""
    stem = [_HUNSPELL] if hunspell else []
    return analyzer(
        "kehilot_he",
        tokenizer="standard",
        char_filter=[_MAQAF, _MARKS],
        filter=["lowercase", *stem, *_FINALS],
    )


def build_mapping(*, hunspell: bool = True) -> Mapping:
    he = hebrew_analyzer(hunspell)

    def raw_text() -> Text:
        return Text(
            analyzer=TEXT_ANALYZER,
            fields={"he": Text(analyzer=he), "en": Text(analyzer="english")},
        )

    m = Mapping()
    m.meta("dynamic", "strict")
    for name in (
        "key",
        "model_label",
        "object_id",
        "plugin",
        "type",
        "community_key",
        "language",
        "audience",
    ):
        m.field(name, Keyword())
    m.field("url", Keyword(index=False, doc_values=False))
    m.field("date", Date())
    m.field("theme_year", Integer())
    m.field("facets", Object(enabled=False))
    m.field("title", raw_text())
    m.field("body", raw_text())
    # Prefix queries (autocomplete, ``prefix=True`` terms) hit index_prefixes.
    prefixes = {"min_chars": 1, "max_chars": 10}
    m.field("title_terms", Text(analyzer=TERMS_ANALYZER, index_prefixes=prefixes))
    m.field("body_terms", Text(analyzer=TERMS_ANALYZER, index_prefixes=prefixes))
    m.field("expanded_terms", Text(analyzer=TERMS_ANALYZER, index_prefixes=prefixes))
    return m


def index_body(
    *, hunspell: bool = True, shards: int = 1, replicas: int = 0
) -> dict[str, Any]:
    """``settings`` + ``mappings`` for ``indices.create``. One shard by default:
    term statistics then cover the whole corpus, so scores are stable."""
    index = Index("kehilot")
    index.settings(number_of_shards=shards, number_of_replicas=replicas)
    index.mapping(build_mapping(hunspell=hunspell))
    return index.to_dict()


def to_source(doc: IndexDocument) -> dict[str, Any]:
    """The indexed source of one document (``_id`` is ``doc.key``)."""
    date = doc.date.isoformat() if doc.date else None
    return {
        "key": doc.key,
        "model_label": doc.model_label,
        "object_id": str(doc.object_id),
        "plugin": doc.plugin,
        "title": doc.title,
        "body": doc.body,
        "url": doc.url,
        "type": doc.type,
        "community_key": doc.community_key,
        "language": doc.language,
        "date": date,
        "theme_year": doc.theme_year,
        "facets": dict(doc.facets),
        "audience": list(doc.audience),
        "title_terms": doc.title_terms,
        "body_terms": doc.body_terms,
        "expanded_terms": doc.expanded_terms,
    }


def index_actions(index: str, documents: Sequence[IndexDocument]) -> list[dict]:
    """Bulk ``index`` actions (insert or replace by key)."""
    return [
        {"_op_type": "index", "_index": index, "_id": d.key, "_source": to_source(d)}
        for d in documents
    ]


def delete_actions(index: str, keys: Sequence[str]) -> list[dict]:
    return [{"_op_type": "delete", "_index": index, "_id": k} for k in keys]


def physical_name(alias: str, now: datetime.datetime | None = None) -> str:
    now = now or datetime.datetime.now(datetime.UTC)
    return f"{alias}-{now.strftime(STAMP_FORMAT)}"


def initial_name(alias: str) -> str:
    """The first physical index, created lazily by writes: a fixed name, so two
    processes racing to create it end up with one index."""
    return f"{alias}-{'0' * 20}"


def alias_swap_actions(
    alias: str,
    new_index: str,
    old_indices: Sequence[str],
    *,
    concrete_index: bool = False,
) -> list[dict[str, Any]]:
    """One ``update_aliases`` call: point ``alias`` at ``new_index`` only.

    ``concrete_index`` means a real index (not an alias) is named ``alias``
    (auto-created by a stray write): it is removed in the same atomic call.
    """
    actions: list[dict[str, Any]] = [
        {"remove": {"index": old, "alias": alias}}
        for old in sorted(old_indices)
        if old != new_index
    ]
    if concrete_index:
        actions.append({"remove_index": {"index": alias}})
    actions.append({"add": {"index": new_index, "alias": alias}})
    return actions
