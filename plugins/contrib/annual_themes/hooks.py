"""Domain-event hooks: the theme year of content tagged with a theme; demo data."""

from __future__ import annotations

from plugins.api import hookimpl


@hookimpl
def kehilot_search_facets(obj):
    """Tagged content (a page, a training course, a forum topic) is filed under
    the latest year of the themes it is tagged with."""
    from wagtail.models import Page

    from .models import ThemeLink
    from .targets import kind_for_model_label

    if isinstance(obj, Page):
        links = ThemeLink.objects.filter(page_id=obj.pk)
    else:
        kind = kind_for_model_label(obj._meta.label_lower)
        if kind is None:  # not a kind of object themes tag: no query
            return None
        links = ThemeLink.objects.filter(
            content_type=kind.content_type(), object_id=obj.pk
        )
    years = links.values_list("theme__year", flat=True)
    latest = max(years, default=None)
    return {"theme_year": latest} if latest else None


@hookimpl
def kehilot_seed_demo(home, home_en, communities, users):
    """``seed_demo``: the themes, the active theme's page, local adaptations and
    links from demo news pages (``demo.py``)."""
    from .demo import seed

    seed(home, home_en, communities, users)
