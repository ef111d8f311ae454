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
from plugins.types import PUBLIC, PeriodicTask, SearchDocument, TemplateSlot

# A page's document: indexed while live, readable as its view restrictions allow.
from search.documents import PageDocument as PageSearchDocument  # noqa: E402

__all__ = [
    "COMMUNITY_MODEL",
    "PUBLIC",
    "EVENT_NAMES",
    "PageSearchDocument",
    "PeriodicTask",
    "PluginConfig",
    "SearchDocument",
    "TemplateSlot",
    "community_for_page",
    "current_memberships",
    "current_roles",
    "emit_event",
    "exclude_inactive_communities",
    "get_community_model",
    "hookimpl",
    "is_plugin_active",
    "membership_role_choices",
    "plugin_settings",
    "readable_forum_ids",
    "request_search_reindex",
    "require_plugin_active",
    "user_community_keys",
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


def emit_event(event: str, **kwargs: Any) -> list[Any]:
    """Emit the domain event ``event`` (a name in ``EVENT_NAMES``) to every active
    plugin, as core does; for events a plugin owns (e.g. ``award_announced``).

    Call it after the change is committed (``transaction.on_commit``). Returns the
    implementations' non-``None`` results; one that raises is logged and skipped.
    """
    from plugins.events import emit

    return emit(event, **kwargs)


def user_community_keys(user: Any, roles: tuple[str, ...] = ()) -> set[Any]:
    """Translation keys of the communities where ``user`` currently holds a role
    (any role, or one of ``roles``); empty for anonymous users. One query.

    Compare with ``page.translation_key``: it covers every language of a community.
    """
    if not getattr(user, "is_authenticated", False):
        return set()
    from cms.models import Membership

    rows = Membership.objects.current().filter(user=user)
    if roles:
        rows = rows.filter(role__in=roles)
    return set(rows.values_list("community__translation_key", flat=True))


def membership_role_choices() -> list[tuple[str, Any]]:
    """Membership role codes with their translatable labels (``member``,
    ``editor``, ``center_director``...; ``cms.models.MembershipRole``).

    Usable as a model field's callable ``choices``, so migrations do not copy
    the list and new core roles need no plugin migration.
    """
    from cms.models import MembershipRole

    return list(MembershipRole.choices)


def current_memberships(user: Any) -> list[tuple[Model, str]]:
    """``(community, role)`` for every membership ``user`` currently holds, in any
    community (one query; empty for anonymous users).

    ``community`` is the source-language community page memberships point at;
    compare communities across languages by ``translation_key``.
    """
    if not getattr(user, "is_authenticated", False):
        return []
    from cms.models import Membership

    rows = Membership.objects.current().filter(user=user).select_related("community")
    return [(row.community, row.role) for row in rows]


def request_search_reindex(obj: Model) -> None:
    """Ask the project search to re-read ``obj`` once the current transaction
    commits (e.g. after tagging it in a way ``kehilot_search_facets`` reports).
    Objects whose model has no search document are ignored."""
    from search.indexing import request_reindex

    request_reindex(obj)


def readable_forum_ids(user: Any, request: HttpRequest | None = None) -> set[int]:
    """Ids of the forums ``user`` may read, as the forum's own rules decide
    (members-only forums for the community's members, hidden areas for network
    staff; a hidden parent hides its children). Empty when the forum app is not
    installed. Pass ``request`` to share its permission cache.

    Filter forum content a plugin lists with it (``forum_id__in=...``).
    """
    from django.apps import apps

    if not apps.is_installed("forum"):
        return set()
    from django.contrib.auth.models import AnonymousUser

    from forum.permissions import readable_forum_ids as forum_readable

    return forum_readable(user if user is not None else AnonymousUser(), request)
