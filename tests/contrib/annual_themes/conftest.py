"""Fixtures for the annual themes plugin tests."""

import datetime

import pytest

from plugins.contrib.annual_themes.models import LocalAdaptationPage, Theme, ThemeLink
from plugins.testing import plugin_site, publish_page  # noqa: F401
from tests.sitebuilder import publish


def make_theme(year: int, *, active: bool = False, **fields) -> Theme:
    """A theme for ``year`` running the calendar year (both ends included)."""
    defaults = {
        "title_he": f"נושא {year}",
        "title_en": f"Theme {year}",
        "description_he": "תיאור",
        "description_en": "Description",
        "colour": "#aa3300",
        "start_date": datetime.date(year, 1, 1),
        "end_date": datetime.date(year, 12, 31),
        "is_active": active,
    }
    return Theme.objects.create(year=year, **{**defaults, **fields})


def community_news(site, community, title: str):
    """A live news page in ``community``'s section (an index is added once)."""
    from cms.models import NewsIndexPage

    index = NewsIndexPage.objects.child_of(community).first()
    if index is None:
        index = publish(community, NewsIndexPage(title="חדשות", slug="news"))
    return site.news_item(index, title)


def adaptation(community, theme: Theme, title: str = "ההתאמה שלנו"):
    """A live local adaptation page in ``community``."""
    return publish_page(
        community,
        LocalAdaptationPage(
            title=title, slug=f"adapt-{theme.year}-{community.pk}", theme=theme
        ),
    )


def link(theme: Theme, page) -> ThemeLink:
    return ThemeLink.objects.create(theme=theme, page=page)


@pytest.fixture
def theme(db) -> Theme:
    return make_theme(
        2026,
        active=True,
        title_he="הפעלת נוער בחירום",
        title_en="Youth activation in emergencies",
    )
