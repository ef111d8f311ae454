"""Admin: network staff manage themes and tag content (snippet viewsets)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Theme, ThemeLink


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "calendar"
    list_display = [
        "year",
        "title_he",
        "title_en",
        "start_date",
        "end_date",
        "is_active",
    ]
    ordering = ["-year"]


class ThemeLinkViewSet(SnippetViewSet):
    model = ThemeLink
    icon = "link"
    list_display = ["theme", "page"]
    list_filter = ["theme"]


class AnnualThemesGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, ThemeLinkViewSet)
    menu_icon = "calendar"
    menu_label = _("Annual themes")
    menu_name = "annual_themes"
    menu_order = 800


register_snippet(AnnualThemesGroup)
