"""Domain-event hooks: the theme year of pages tagged with a theme."""

from __future__ import annotations

from plugins.api import hookimpl


@hookimpl
def kehilot_search_facets(obj):
    """A page tagged with themes is filed under the latest theme's year."""
    from wagtail.models import Page

    from .models import ThemeLink

    if not isinstance(obj, Page):
        return None
    years = ThemeLink.objects.filter(page_id=obj.pk).values_list(
        "theme__year", flat=True
    )
    latest = max(years, default=None)
    return {"theme_year": latest} if latest else None


@hookimpl
def kehilot_seed_demo(home, home_en, communities, users):
    """``seed_demo``: the themes, the active theme's page, local adaptations and
    links from demo news pages (``demo.py``)."""
    from .demo import seed

    seed(home, home_en, communities, users)
