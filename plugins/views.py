"""Wagtail admin screen: network staff switch plugins on and off.

One page lists every discovered plugin (``plugins.status.plugin_rows``) with its
network-wide switch and, for active plugins, each community's switch: *on*,
*off*, or *follow the network* (no community row). Everything is read with a
fixed number of queries, whatever the number of communities. Changes are POSTs
that are validated completely before anything is written, and each is logged as
a Wagtail log entry (action ``plugins.switch``).

Only users with ``plugins.manage_plugins`` get in (superusers implicitly); the
others get a 403 page (anonymous visitors are sent to sign in by Wagtail).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from cms.models import CommunityPage
from plugins.models import PluginActivation
from plugins.registry import registry
from plugins.status import display_name, plugin_rows

PERMISSION = "plugins.manage_plugins"
LOG_ACTION = "plugins.switch"
NETWORK_STATES = ("on", "off")
COMMUNITY_STATES = ("on", "off", "network")
STATUS_LABELS = {
    "active": (gettext_lazy("Active"), "w-status--primary"),
    "disabled": (gettext_lazy("Disabled"), ""),
    "incompatible": (gettext_lazy("Incompatible"), "w-status--label"),
    "broken": (gettext_lazy("Broken"), "w-status--label"),
}
RESOURCE_LABELS = {
    "api_router": gettext_lazy("API endpoints"),
    "template_slots": gettext_lazy("Template slots"),
    "search_documents": gettext_lazy("Search documents"),
    "periodic_tasks": gettext_lazy("Periodic tasks"),
    "hooks": gettext_lazy("Event hooks"),
}


def isolate(name: str) -> str:
    """Unicode first-strong isolate: a Latin name keeps its place in Hebrew text."""
    return f"\u2068{name}\u2069"


def describe_change(plugin: str, state: str, community: str | None = None) -> str:
    """One sentence for the success message and the log entry."""
    names = {"plugin": isolate(plugin), "community": community and isolate(community)}
    if community is None:
        if state == "on":
            return _("“%(plugin)s” is now on for the whole network.") % names
        return _("“%(plugin)s” is now off for the whole network.") % names
    if state == "on":
        return _("“%(plugin)s” is now on for %(community)s.") % names
    if state == "off":
        return _("“%(plugin)s” is now off for %(community)s.") % names
    return _("%(community)s now follows the network for “%(plugin)s”.") % names


def error_response(request: HttpRequest, status: int, message: str) -> HttpResponse:
    """A page in the admin's own chrome that says what was wrong; nothing changed."""
    titles = {
        400: gettext_lazy("Bad request"),
        403: gettext_lazy("Permission denied"),
        404: gettext_lazy("Not found"),
    }
    context = {
        "page_title": titles.get(status, gettext_lazy("Error")),
        "header_title": titles.get(status, gettext_lazy("Error")),
        "header_icon": "warning",
        "message": message,
        "index_url": reverse("plugins:index") if status != 403 else "",
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": titles.get(status, _("Error"))},
        ],
    }
    return TemplateResponse(
        request, "plugins/admin/error.html", context, status=status
    ).render()


class ManagePluginsMixin:
    """Gate every view on ``plugins.manage_plugins`` before the method is looked at."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any):
        if not request.user.has_perm(PERMISSION):
            return error_response(
                request, 403, _("Sorry, you do not have permission to manage plugins.")
            )
        return super().dispatch(request, *args, **kwargs)


def community_pages() -> list[dict[str, Any]]:
    """One entry per community (translation key), in one query.

    The page shown is the one in the admin's language if the community has it,
    else the default language's, else any: the switch applies to all of them.
    """
    preferred = [get_language(), settings.LANGUAGE_CODE]
    chosen: dict[Any, dict[str, Any]] = {}
    rows = CommunityPage.objects.order_by("path").values(
        "pk", "title", "translation_key", "live", "locale__language_code"
    )
    for row in rows:
        current = chosen.get(row["translation_key"])
        if current is None or _rank(row, preferred) < _rank(current, preferred):
            chosen[row["translation_key"]] = row
    return sorted(chosen.values(), key=lambda row: row["title"].casefold())


def _rank(row: dict[str, Any], preferred: list[str]) -> int:
    language = row["locale__language_code"]
    return preferred.index(language) if language in preferred else len(preferred)


def switches() -> dict[tuple[str, Any], bool]:
    """``{(label, community translation key or None): enabled}``, fresh from the
    database (the cached map may lag other processes by a moment)."""
    rows = PluginActivation.objects.values_list(
        "label", "community__translation_key", "enabled"
    )
    return {(label, key): enabled for label, key, enabled in rows}


def community_states(
    label: str,
    active: bool,
    network_on: bool,
    communities: list[dict[str, Any]],
    mapping: dict[tuple[str, Any], bool],
) -> list[dict[str, Any]]:
    """Per community: its own switch (``on``/``off``/``network``), what is in effect."""
    states = []
    for community in communities:
        own = mapping.get((label, community["translation_key"]))
        state = "network" if own is None else ("on" if own else "off")
        states.append(
            {
                **community,
                "state": state,
                "effective": active and (network_on if own is None else own),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[community["pk"]]),
            }
        )
    return states


class PluginListView(ManagePluginsMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "plugins/admin/index.html"
    page_title = gettext_lazy("Plugins")
    header_icon = "sliders"

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": "", "label": self.get_page_title()}
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        mapping = switches()
        communities = community_pages()
        plugins = []
        for row in plugin_rows():
            network_on = mapping.get((row["label"], None), True)
            active = row["status"] == "active"
            status_label, status_class = STATUS_LABELS.get(
                row["status"], (row["status"], "w-status--label")
            )
            plugins.append(
                {
                    **row,
                    "network_on": network_on,
                    "active": active,
                    "status_label": status_label,
                    "status_class": status_class,
                    "resource_labels": [
                        RESOURCE_LABELS.get(name, name) for name in row["resources"]
                    ],
                    "communities": community_states(
                        row["label"], active, network_on, communities, mapping
                    )
                    if active
                    else [],
                }
            )
        context["plugins"] = plugins
        return context


class SwitchView(ManagePluginsMixin, View):
    """Base of the two POST endpoints: validate, write in a transaction, log."""

    http_method_names = ["post"]
    states: tuple[str, ...] = ()

    def post(self, request: HttpRequest, label: str, **kwargs: Any) -> HttpResponse:
        record = registry.plugins.get(label)
        if record is None:
            return error_response(
                request,
                404,
                _("There is no plugin “%(label)s”.") % {"label": isolate(label)},
            )
        state = request.POST.get("state", "")
        if state not in self.states:
            return error_response(
                request,
                400,
                _("“%(state)s” is not a valid choice; choose one of: %(choices)s.")
                % {
                    "state": isolate(state[:20]),
                    "choices": isolate(", ".join(self.states)),
                },
            )
        response = self.switch(request, record, state, **kwargs)
        if response is not None:
            return response
        return redirect(f"{reverse('plugins:index')}#plugin-{label}")

    def log(self, row: PluginActivation, record, state: str, community=None):
        """A Wagtail log entry; its message is rebuilt in the reader's language."""
        log(
            row,
            LOG_ACTION,
            user=self.request.user,
            title=f"{row.label} · {community.title if community else 'network'}",
            data={
                "label": row.label,
                "plugin": str(record.verbose_name),
                "community": community.pk if community else None,
                "community_title": community.title if community else None,
                "state": state,
            },
        )


class NetworkSwitchView(SwitchView):
    """POST ``state=on|off``: create or update the plugin's network-wide row."""

    states = NETWORK_STATES

    def switch(self, request, record, state: str) -> None:
        message = describe_change(display_name(record), state)
        with transaction.atomic():
            row, _created = PluginActivation.objects.update_or_create(
                label=record.label, community=None, defaults={"enabled": state == "on"}
            )
            self.log(row, record, state)
        messages.success(request, message)


class CommunitySwitchView(SwitchView):
    """POST ``state=on|off|network`` for one community (any of its translations).

    ``network`` deletes the community's row, so it follows the network switch.
    """

    states = COMMUNITY_STATES

    def switch(self, request, record, state: str, community_id: int):
        community = CommunityPage.objects.filter(pk=community_id).first()
        if community is None:
            return error_response(
                request,
                404,
                _("There is no community with id %(id)s.") % {"id": community_id},
            )
        message = describe_change(display_name(record), state, community.title)
        rows = PluginActivation.objects.filter(
            label=record.label, community__translation_key=community.translation_key
        )
        with transaction.atomic():
            if state == "network":
                for row in rows:
                    self.log(row, record, state, community)
                rows.delete()
            else:
                # A row another translation holds would contradict this one.
                rows.exclude(community=community).delete()
                row, _created = PluginActivation.objects.update_or_create(
                    label=record.label,
                    community=community,
                    defaults={"enabled": state == "on"},
                )
                self.log(row, record, state, community)
        messages.success(request, message)
        return None
