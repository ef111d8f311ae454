"""Turning objects into ``IndexDocument``: the declared document, analysed text."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.utils import timezone

from plugins.events import emit
from plugins.types import SearchDocument
from search.analysis import index_terms
from search.engines.base import IndexDocument


def document_key(label: str, pk: Any) -> str:
    return f"{label}:{pk}"


def _as_datetime(value: Any) -> datetime.datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    if isinstance(value, datetime.date):
        return timezone.make_aware(datetime.datetime.combine(value, datetime.time.min))
    return None


def build(document: SearchDocument, obj: Any) -> IndexDocument:
    """The analysed document for ``obj`` (which ``document.is_indexed``)."""
    data = document.document(obj)
    for extra in emit(
        "search_facets", obj=obj, document=document, community=data["community"]
    ):
        for name, value in dict(extra).items():
            if name == "theme_year":
                data["theme_year"] = data["theme_year"] or value
            elif name not in data["facets"]:
                data["facets"][name] = value
    title_exact, title_expanded = index_terms(data["title"])
    body_exact, body_expanded = index_terms(data["body"])
    community = data["community"]
    theme_year = data["theme_year"]
    label = obj._meta.label_lower
    return IndexDocument(
        key=document_key(label, obj.pk),
        model_label=label,
        object_id=str(obj.pk),
        plugin=document.plugin,
        title=data["title"],
        body=data["body"],
        url=data["url"],
        type=data["type"],
        community_key=str(community.translation_key) if community is not None else "",
        language=data["language"],
        date=_as_datetime(data["date"]),
        theme_year=int(theme_year) if theme_year not in (None, "") else None,
        facets={k: v for k, v in data["facets"].items() if v not in (None, "")},
        audience=tuple(data["audience"]),
        title_terms=" ".join(title_exact),
        body_terms=" ".join(body_exact),
        expanded_terms=" ".join(dict.fromkeys(title_expanded + body_expanded)),
    )


def iter_documents(
    document: SearchDocument, chunk_size: int = 500
) -> Iterator[IndexDocument]:
    """Every indexable object of ``document``'s model, built."""
    queryset = document.queryset()
    iterator = (
        queryset.iterator(chunk_size=chunk_size)
        if hasattr(queryset, "iterator")
        else iter(queryset)
    )
    for obj in iterator:
        if document.is_indexed(obj):
            yield build(document, obj)
