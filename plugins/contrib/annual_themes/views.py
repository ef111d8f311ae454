"""Admin: tag a news or event page with the active theme from its editor."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from plugins.api import is_plugin_active

from .apps import LABEL
from .models import Theme, ThemeLink

#: Page types editors tag from the page editor (``app_label.model``).
TAGGABLE_PAGES = frozenset({"cms.newspage", "cms.eventpage"})


def is_taggable(page: Page) -> bool:
    return page.specific_class._meta.label_lower in TAGGABLE_PAGES


@require_POST
def tag_page(request, page_id: int):
    """Link the page to the active theme (once); for those who may edit it.

    The page editor's form posts here (``formaction``) with its CSRF token; the
    rest of the form is ignored, nothing of the page is saved.
    """
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    theme = Theme.objects.active().first()
    if not is_taggable(page):
        messages.error(request, _("Only news and event pages are tagged here."))
    elif theme is None:
        messages.error(request, _("No theme is active."))
    elif not is_plugin_active(LABEL, page):
        messages.error(request, _("Annual themes are switched off for this page."))
    else:
        _link, created = ThemeLink.objects.get_or_create(theme=theme, page=page)
        title = theme.title_for(get_language())
        if created:
            messages.success(
                request,
                _("“%(page)s” is tagged with the theme of %(year)s: %(title)s.")
                % {"page": page.title, "year": theme.year, "title": title},
            )
        else:
            messages.info(
                request,
                _("“%(page)s” is already tagged with the theme of %(year)s.")
                % {"page": page.title, "year": theme.year},
            )
    return redirect("wagtailadmin_pages:edit", page.pk)
