"""A community's upcoming training sessions in its sidebar.

Core renders the slot only where the plugin is on for the community. Three
queries: the community (when given a child page), the catalog page in the page's
language, and the sessions with their courses.
"""

from __future__ import annotations

from django.template.loader import render_to_string

from plugins.api import TemplateSlot, community_for_page, plugin_settings

from .apps import LABEL
from .catalog import upcoming_sessions
from .models import language_of
from .pages import catalog_page


def sidebar(context, page=None, **kwargs) -> str:
    """``community_sidebar``: the next sessions this community hosts."""
    community = community_for_page(page or None)
    if community is None:
        return ""
    limit = int(plugin_settings(LABEL).get("sidebar_sessions", 3))
    sessions = list(
        upcoming_sessions()
        .filter(host_community__translation_key=community.translation_key)
        .select_related("course")[:limit]
    )
    if not sessions:
        return ""
    language = language_of(community.locale.language_code)
    catalog = catalog_page(language)
    base = (catalog.get_url() or "") if catalog else ""
    for session in sessions:
        session.title = session.course.title_for(language)
        session.url = f"{base}course/{session.course.slug}/" if base else ""
    return render_to_string(
        "training/sidebar.html",
        {"sessions": sessions, "language": language, "catalog_url": base},
        context.get("request"),
    )


template_slots = [TemplateSlot("community_sidebar", render=sidebar, order=60)]
