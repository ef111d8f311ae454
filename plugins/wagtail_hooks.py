"""Wagtail admin: the Settings → Plugins screen for network staff.

Shown to users with ``plugins.manage_plugins`` (superusers implicitly); see
``plugins.views`` for what it does.
"""

from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.log_actions import LogFormatter

from plugins import views


class PluginsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(views.PERMISSION)


class PluginsViewSet(ViewSet):
    """``/admin/plugins/``: the list, and the two switch endpoints it POSTs to."""

    icon = "sliders"
    menu_label = _("Plugins")
    menu_name = "plugins"
    menu_order = 700
    add_to_settings_menu = True

    @cached_property
    def menu_item_class(self):
        return PluginsMenuItem

    def get_urlpatterns(self):
        return [
            path("", views.PluginListView.as_view(), name="index"),
            path(
                "<str:label>/network/",
                views.NetworkSwitchView.as_view(),
                name="network",
            ),
            path(
                "<str:label>/community/<int:community_id>/",
                views.CommunitySwitchView.as_view(),
                name="community",
            ),
        ]


@hooks.register("register_admin_viewset")
def register_plugins_viewset():
    return PluginsViewSet("plugins")


class PluginSwitchFormatter(LogFormatter):
    label = _("Switch plugin")

    def format_message(self, log_entry) -> str:
        data = log_entry.data or {}
        if data.get("state") not in views.COMMUNITY_STATES:
            return str(self.label)
        return views.describe_change(
            data.get("plugin") or data.get("label", ""),
            data["state"],
            data.get("community_title"),
        )


@hooks.register("register_log_actions")
def register_plugin_log_actions(actions) -> None:
    actions.register_action(views.LOG_ACTION)(PluginSwitchFormatter)
