"""Admin: managers run programs and cycles (snippets) and each cycle's screen."""

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import CycleDashboardView
from .models import AwardCycle, AwardProgram


class DashboardColumn(Column):
    """A link from the cycle list to the cycle's screen."""

    def get_value(self, instance):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("awards_cycle", args=[instance.pk]),
            _("Open"),
        )


class ProgramViewSet(SnippetViewSet):
    model = AwardProgram
    icon = "pick"
    list_display = ["title_he", "title_en", "slug"]


class CycleViewSet(SnippetViewSet):
    model = AwardCycle
    icon = "date"
    list_display = [
        "__str__",
        "year",
        Column("phase", label=_("phase"), accessor="get_phase_display"),
        DashboardColumn("dashboard", label=_("Jury and results")),
    ]
    list_filter = ["program"]
    ordering = ["-year"]


class AwardsGroup(SnippetViewSetGroup):
    items = (ProgramViewSet, CycleViewSet)
    menu_icon = "pick"
    menu_label = _("Awards")
    menu_name = "awards"
    menu_order = 810


register_snippet(AwardsGroup)


@hooks.register("register_admin_urls")
def register_cycle_screen():
    return [
        path(
            "awards/cycles/<int:pk>/",
            CycleDashboardView.as_view(),
            name="awards_cycle",
        )
    ]
