"""The documents the search indexes: core page types declared here, plugin models
through the registry (``plugins.registry.search_documents``).

Documents live outside the models (DESIGN §5, django-elasticsearch-dsl): a
``SearchDocument`` subclass per model, keyed by ``app_label.modelname``.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps

from plugins.types import SearchDocument
from search.audience import page_audience


class PageDocument(SearchDocument):
    """A Wagtail page: indexed while live, with the audience its view restrictions
    allow; the text is the title, the intro/summary and the StreamField body.

    The body is plain text: plain fields are taken as they are (the templates
    show them escaped, so "<b>" typed in an intro is text, and findable), and
    rich text and StreamFields give their text through Wagtail's
    ``get_searchable_content`` (tags stripped, entities decoded)."""

    text_fields: tuple[str, ...] = ("intro", "short_description", "body")

    def prepare_body(self, page: Any) -> str:
        parts: list[str] = []
        for name in self.text_fields:
            if not hasattr(page, name):
                continue
            value = getattr(page, name)
            field = page._meta.get_field(name)
            if hasattr(field, "get_searchable_content"):
                parts.extend(str(v) for v in field.get_searchable_content(value))
            elif value:
                parts.append(str(value))
        return "\n".join(p for p in parts if p)

    def prepare_url(self, page: Any) -> str:
        return page.get_url() or ""

    def is_indexed(self, page: Any) -> bool:
        return bool(page.live and not page.expired)

    def community_of(self, page: Any) -> Any:
        from plugins.api import community_for_page

        return community_for_page(page)

    def audience(self, page: Any) -> list[str]:
        return page_audience(page)

    def queryset(self):
        model = apps.get_model(self.model_label)
        return model._default_manager.live().select_related("locale")


class CommunityDocument(PageDocument):
    def prepare_body(self, page: Any) -> str:
        from django.utils import translation

        # The country in the page's own language (the worker's is arbitrary).
        with translation.override(page.locale.language_code):
            place = ", ".join(p for p in (page.city, str(page.country.name)) if p)
        return f"{place} · {super().prepare_body(page)}"

    def prepare_date(self, page: Any) -> Any:
        return None


class NewsDocument(PageDocument):
    def prepare_date(self, page: Any) -> Any:
        return page.date


class EventDocument(PageDocument):
    def prepare_body(self, page: Any) -> str:
        where = ", ".join(p for p in (page.venue, page.address) if p)
        body = super().prepare_body(page)
        return f"{where} · {body}" if where and body else where or body

    def prepare_date(self, page: Any) -> Any:
        return page.start


CORE_DOCUMENTS: tuple[SearchDocument, ...] = (
    CommunityDocument("cms.CommunityPage", type_name="community"),
    NewsDocument("cms.NewsPage", type_name="news"),
    EventDocument("cms.EventPage", type_name="event"),
    PageDocument("cms.StandardPage", type_name="page"),
)


def all_documents() -> dict[str, SearchDocument]:
    """Every document by lower-case model label: core first, then plugins'."""
    from forum.search_documents import DOCUMENTS as FORUM_DOCUMENTS
    from plugins.registry import registry

    documents = {
        doc.model_label.lower(): doc for doc in (*CORE_DOCUMENTS, *FORUM_DOCUMENTS)
    }
    for label, document in registry.search_documents.items():
        documents[label.lower()] = document
    return documents


def document_for_model(model: type) -> SearchDocument | None:
    return all_documents().get(model._meta.label_lower)
