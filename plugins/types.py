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


@dataclass(frozen=True)
class SearchDocument:
    """How a plugin's model appears in the project search (consumed by ``search``).

    ``model_label`` is ``app_label.ModelName``; ``fields`` name what is indexed;
    a ``prepare_<field>(obj)`` method on a subclass overrides plain attribute
    lookup. ``community_of(obj)`` returns the owning community page (or ``None``
    for network-wide objects), so documents follow per-community activation;
    ``is_public(obj)`` says whether anonymous readers may see it.
    """

    model_label: str
    fields: tuple[str, ...] = ("title", "body")
    plugin: str = ""
    facets: Mapping[str, str] = field(default_factory=dict)

    def bound_to(self, plugin: str) -> SearchDocument:
        return dataclasses.replace(self, plugin=plugin)

    def prepare(self, obj: Any) -> dict[str, Any]:
        """The document for ``obj``: each field via ``prepare_<field>`` or attribute."""
        document = {}
        for name in self.fields:
            prepare = getattr(self, f"prepare_{name}", None)
            document[name] = prepare(obj) if prepare else getattr(obj, name, None)
        return document

    def community_of(self, obj: Any) -> Any:
        return getattr(obj, "community", None)

    def is_public(self, obj: Any) -> bool:
        return True

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
