"""The active theme in the site banner and in each community's sidebar.

Core renders these slots only where the plugin is on for the page's community,
so a community that switched the plugin off shows no banner.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation

from plugins.api import TemplateSlot, community_for_page

from .banner_cache import banner_values, locale_language
from .models import LocalAdaptationPage, language_of


def _language(page) -> str:
    """The page's language (without a query once warm), else the active one."""
    locale_id = getattr(page, "locale_id", None)
    code = locale_language(locale_id) if locale_id else None
    return language_of(code or translation.get_language())


def banner(context, page=None, **kwargs) -> str:
    """``site_banner``: the active theme's title, colour and page link."""
    values = banner_values(_language(page or None))
    if not values:
        return ""
    return render_to_string("annual_themes/banner.html", values, context.get("request"))


def sidebar(context, page=None, **kwargs) -> str:
    """``community_sidebar``: the theme and this community's adaptation, if any."""
    community = community_for_page(page or None)
    if community is None:
        return ""
    values = banner_values(_language(community))
    if not values:
        return ""
    adaptation = (
        LocalAdaptationPage.objects.child_of(community)
        .live()
        .filter(theme_id=values["pk"])
        .first()
    )
    return render_to_string(
        "annual_themes/sidebar.html",
        {**values, "adaptation": adaptation},
        context.get("request"),
    )


template_slots = [
    TemplateSlot("site_banner", render=banner, order=50),
    TemplateSlot("community_sidebar", render=sidebar, order=50),
]
