"""Admin: network staff manage themes and tag content (snippet viewsets)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import views
from .apps import LABEL
from .forms import ThemeLinkForm
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
    """Tag a page, a training course or a forum topic with a theme."""

    model = ThemeLink
    icon = "link"
    list_display = ["theme", "kind_label", "target_label"]
    list_filter = ["theme"]
    edit_handler = ObjectList(
        [
            FieldPanel("theme"),
            FieldPanel("kind"),
            FieldPanel("page"),
            FieldPanel("course"),
            FieldPanel("topic"),
        ],
        base_form_class=ThemeLinkForm,
    )


class AnnualThemesGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, ThemeLinkViewSet)
    menu_icon = "calendar"
    menu_label = _("Annual themes")
    menu_name = "annual_themes"
    menu_order = 800


register_snippet(AnnualThemesGroup)


class TagWithThemeMenuItem(ActionMenuItem):
    """ "Tag with this year's theme" in a news or event page's action menu: shown
    to its editors while a theme is active and the page is not tagged yet."""

    label = _("Tag with this year's theme")
    name = "action-annual-theme-tag"
    icon_name = "link"
    template_name = "annual_themes/admin/tag_menu_item.html"

    def is_shown(self, context) -> bool:
        from plugins.api import is_plugin_active

        page = context.get("page")
        if context.get("view") != "edit" or page is None or not views.is_taggable(page):
            return False
        if context.get("locked_for_user") or not is_plugin_active(LABEL, page):
            return False
        if not self.get_user_page_permissions_tester(context).can_edit():
            return False
        theme = Theme.objects.active().first()
        return (
            theme is not None
            and not ThemeLink.objects.filter(theme=theme, page=page).exists()
        )

    def get_url(self, parent_context) -> str:
        return reverse("annual_themes_tag_page", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def tag_with_theme_menu_item():
    return TagWithThemeMenuItem(order=60)


@hooks.register("register_admin_urls")
def tag_page_urls():
    return [
        path(
            "annual-themes/tag/<int:page_id>/",
            views.tag_page,
            name="annual_themes_tag_page",
        )
    ]
