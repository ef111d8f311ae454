"""Reports → Search queries in the Wagtail admin (see ``search.admin_views``)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.admin_views import SearchQueriesView


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path(
            "reports/search-queries/",
            SearchQueriesView.as_view(),
            name="kehilot_search_queries",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_menu_item():
    # Every admin user: editors learn what readers look for (no people named).
    return MenuItem(
        _("Search queries"),
        reverse("kehilot_search_queries"),
        icon_name="search",
        order=900,
    )
