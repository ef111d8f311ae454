"""The public plugin API: the only Kehilot module plugins import.

Everything here is covered by the compatibility promise: names are only ever
added; a removal goes through a deprecation release. Plugins otherwise import
Django, Wagtail, django-ninja and Celery directly.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest

from plugins.activation import inactive_community_keys, is_active
from plugins.base import PluginConfig
from plugins.hookspecs import EVENT_NAMES, hookimpl
from plugins.registry import registry
from plugins.types import PeriodicTask, SearchDocument, TemplateSlot

__all__ = [
    "COMMUNITY_MODEL",
    "EVENT_NAMES",
    "PeriodicTask",
    "PluginConfig",
    "SearchDocument",
    "TemplateSlot",
    "community_for_page",
    "current_roles",
    "exclude_inactive_communities",
    "get_community_model",
    "hookimpl",
    "is_plugin_active",
    "plugin_settings",
    "require_plugin_active",
]

#: Use in ForeignKeys: ``models.ForeignKey(COMMUNITY_MODEL, ...)``.
COMMUNITY_MODEL = "cms.CommunityPage"


def get_community_model() -> type[Model]:
    """The community page model (a Wagtail page type)."""
    from django.apps import apps

    return apps.get_model(COMMUNITY_MODEL)


def community_for_page(page: Model | None) -> Model | None:
    """The community page that ``page`` is (or lies below), else ``None``."""
    if page is None:
        return None
    model = get_community_model()
    if isinstance(page, model):
        return page
    return model.objects.ancestor_of(page, inclusive=True).first()


def current_roles(user: Any, community: Model) -> set[str]:
    """Role codes ``user`` currently holds in ``community`` (``member``, ``editor``,
    ``center_director``...; see ``cms.models.MembershipRole``)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    from cms.membership import community_of
    from cms.models import Membership

    return set(
        Membership.objects.current()
        .filter(user=user, community=community_of(community))
        .values_list("role", flat=True)
    )


def is_plugin_active(label: str, community: Model | None = None) -> bool:
    """Is plugin ``label`` working and switched on (for ``community``, if given)?"""
    return is_active(label, community)


def exclude_inactive_communities(
    queryset: QuerySet, label: str, community_field: str = "community"
) -> QuerySet:
    """Drop rows whose community has ``label`` switched off.

    ``community_field`` is the path to a community page FK on the queryset's
    model; rows without a community (network-wide) stay.
    """
    off = inactive_community_keys(label)
    if not off:
        return queryset
    return queryset.exclude(**{f"{community_field}__translation_key__in": off})


def plugin_settings(label: str) -> dict[str, Any]:
    """Defaults merged with ``settings.PLUGINS_CONFIG[label]``."""
    return registry.settings_for(label)


def require_plugin_active(label: str):
    """Decorator for views: 404 when the plugin is switched off network-wide."""
    import functools

    from django.http import Http404

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any):
            if not is_active(label):
                raise Http404(f"The {label} plugin is switched off.")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
