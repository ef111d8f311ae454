"""The small dataclasses plugins declare their contributions with.

Each carries ``plugin`` (the owning label), filled in by the registry.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string


@dataclass(frozen=True)
class TemplateSlot:
    """Content for a named slot in core templates.

    Give either ``template`` (rendered with the slot's keyword arguments plus
    ``request`` and ``plugin_settings``) or ``render(context, **kwargs) -> str``.
    A plain string returned by ``render`` is escaped; use ``format_html`` or a
    template for markup. ``order`` sorts contributions within a slot (low first).
    """

    name: str
    template: str = ""
    render: Callable[..., str] | None = None
    order: int = 100
    plugin: str = ""

    @property
    def key(self) -> str:
        return self.template or getattr(self.render, "__qualname__", repr(self.render))

    def bound_to(self, plugin: str) -> TemplateSlot:
        return dataclasses.replace(self, plugin=plugin)

    def to_html(self, context, **kwargs: Any) -> str:
        if self.render is not None:
            return self.render(context, **kwargs)
        from plugins.registry import registry

        request = context.get("request")
        values = {
            **kwargs,
            "request": request,
            "plugin_settings": registry.settings_for(self.plugin),
        }
        return render_to_string(self.template, values, request)


#: Keys of every search document, whatever its model (see ``SearchDocument.document``).
DOCUMENT_KEYS = (
    "title",
    "body",
    "url",
    "type",
    "community",
    "language",
    "date",
    "theme_year",
    "audience",
    "facets",
)

#: Audience token anyone (anonymous included) holds.
PUBLIC = "public"


@dataclass(frozen=True)
class SearchDocument:
    """How a model appears in the project search (consumed by ``search``).

    ``model_label`` is ``app_label.ModelName``. Subclass and override what differs
    from the defaults; every hook takes the object and must not write anything.

    * ``fields`` name what ``prepare`` returns; ``title`` and ``body`` are the
      searchable text, the others extra values (e.g. ``theme_year``).
      ``prepare_<field>(obj)`` overrides plain attribute lookup for any field,
      including the standard ones ``url``, ``language``, ``date`` and
      ``theme_year`` (defaults: ``get_url()``/``get_absolute_url()``, the Wagtail
      locale or a ``language`` attribute, ``date``/``start``/
      ``first_published_at``, ``None``).
    * ``type_name`` is the value of the ``type`` facet (default: the model name).
    * ``facets`` maps an extra facet name to one of ``fields`` (``{"theme_year":
      "theme_year"}``); ``theme_year`` is a facet the search page shows.
    * ``is_indexed(obj)``: ``False`` keeps ``obj`` out of the index entirely
      (drafts, unpublished, withdrawn, soft-deleted). Default ``True``.
    * ``community_of(obj)``: the owning community page, or ``None`` for
      network-wide objects; used for the community facet and per-community
      plugin activation.
    * ``audience(obj)``: who may read it, as tokens: ``"public"`` (anyone),
      ``"login"`` (any signed-in user), ``"user:<pk>"``, ``"group:<pk>"``,
      ``"member:<community translation_key>"``. The search filters results,
      counts, facets and autocomplete by these inside the engine query; network
      staff (superusers) read everything. Default: ``["public"]`` when
      ``is_public(obj)``, else ``["user:<owner pk>"]`` from ``owner_of(obj)``.
    * ``queryset()``: the rows a full rebuild walks (default: all).
    """

    model_label: str
    fields: tuple[str, ...] = ("title", "body")
    plugin: str = ""
    facets: Mapping[str, str] = field(default_factory=dict)
    type_name: str = ""

    def bound_to(self, plugin: str) -> SearchDocument:
        return dataclasses.replace(self, plugin=plugin)

    def prepare(self, obj: Any) -> dict[str, Any]:
        """The document for ``obj``: each field via ``prepare_<field>`` or attribute."""
        document = {}
        for name in self.fields:
            prepare = getattr(self, f"prepare_{name}", None)
            document[name] = prepare(obj) if prepare else getattr(obj, name, None)
        return document

    def document(self, obj: Any) -> dict[str, Any]:
        """The full document (``DOCUMENT_KEYS``) the engines store for ``obj``."""
        values = self.prepare(obj)
        return {
            "title": str(values.get("title") or ""),
            "body": str(values.get("body") or ""),
            "url": self._standard(obj, values, "url") or "",
            "type": self.type_name or self.model_label.split(".")[1].lower(),
            "community": self.community_of(obj),
            "language": self._standard(obj, values, "language") or "",
            "date": self._standard(obj, values, "date"),
            "theme_year": self._standard(obj, values, "theme_year"),
            "audience": sorted(set(self.audience(obj))),
            "facets": {
                facet: values.get(source) for facet, source in self.facets.items()
            },
        }

    def _standard(self, obj: Any, values: dict[str, Any], name: str) -> Any:
        if name in values:
            return values[name]
        prepare = getattr(self, f"prepare_{name}", None)
        if prepare is not None:
            return prepare(obj)
        return getattr(self, f"default_{name}")(obj)

    def default_url(self, obj: Any) -> str:
        for method in ("get_url", "get_absolute_url"):
            if hasattr(obj, method):
                return getattr(obj, method)() or ""
        return ""

    def default_language(self, obj: Any) -> str:
        locale = getattr(obj, "locale", None)
        if locale is not None:
            return locale.language_code
        return getattr(obj, "language", "") or ""

    def default_date(self, obj: Any) -> Any:
        for name in ("date", "start", "first_published_at", "created"):
            value = getattr(obj, name, None)
            if value is not None:
                return value
        return None

    def default_theme_year(self, obj: Any) -> int | None:
        return None

    def is_indexed(self, obj: Any) -> bool:
        return True

    def community_of(self, obj: Any) -> Any:
        return getattr(obj, "community", None)

    def is_public(self, obj: Any) -> bool:
        return True

    def owner_of(self, obj: Any) -> Any:
        return None

    def audience(self, obj: Any) -> list[str]:
        if self.is_public(obj):
            return [PUBLIC]
        owner = self.owner_of(obj)
        return [f"user:{owner.pk}"] if owner is not None else []

    def queryset(self) -> Iterable[Any]:
        from django.apps import apps

        return apps.get_model(self.model_label)._default_manager.all()


@dataclass(frozen=True)
class PeriodicTask:
    """A Celery beat entry: ``task`` is the Celery task name, ``schedule`` seconds
    or a ``celery.schedules.crontab``."""

    name: str
    task: str
    schedule: Any
    args: tuple = ()
    plugin: str = ""

    def bound_to(self, plugin: str) -> PeriodicTask:
        return dataclasses.replace(self, plugin=plugin)
