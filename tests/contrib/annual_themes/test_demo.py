"""``seed_demo`` gives the annual themes plugin last year's and this year's theme,
the active theme's page, local adaptations and tagged news, once."""

import pytest
from django.core.cache import cache

from plugins.contrib.annual_themes.models import (
    LocalAdaptationPage,
    Theme,
    ThemeLink,
    ThemePage,
)
from plugins.contrib.annual_themes.tasks import today_in_network
from search.service import SearchParams, run_search
from search.tasks import drain
from tests.conftest import run_seed_demo


@pytest.fixture
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def snapshot() -> dict:
    return {
        "themes": sorted(Theme.objects.values_list("pk", "year", "is_active")),
        "resources": sorted(Theme.objects.values_list("resources__pk", flat=True)),
        "theme pages": sorted(ThemePage.objects.values_list("pk", "locale_id")),
        "adaptations": sorted(
            LocalAdaptationPage.objects.values_list("pk", "latest_revision_id")
        ),
        "links": sorted(ThemeLink.objects.values_list("pk", "theme_id", "page_id")),
    }


@pytest.mark.django_db
def test_second_run_adds_nothing(seeded):
    before = snapshot()
    run_seed_demo()
    assert snapshot() == before


@pytest.mark.django_db
def test_themes_pages_adaptations_and_links(seeded):
    year = today_in_network().year
    active = Theme.objects.active().get()
    assert active.year == year and active.title_en == "Youth activation in emergencies"
    assert active.resources.count() == 3
    assert list(Theme.objects.archived(today_in_network())) == [
        Theme.objects.get(year=year - 1)
    ]
    pages = ThemePage.objects.live().filter(theme=active)
    assert {page.locale.language_code for page in pages} == {"he", "en"}
    adaptations = LocalAdaptationPage.objects.live().filter(theme=active)
    assert adaptations.count() == 6  # three communities, in both languages
    assert {page.get_parent().slug for page in adaptations} == {
        "beer-sheva",
        "kiryat-shmona",
        "berlin",
    }
    tagged = {link.page.slug for link in ThemeLink.objects.filter(theme=active)}
    assert {"youth-volunteering-week", "youth-club-reopens"} <= tagged


@pytest.mark.django_db
def test_banner_theme_page_and_community_sidebar(seeded, client, fresh_cache):
    html = client.get("/").content.decode()
    assert "annual-theme-banner" in html and "הפעלת נוער בשעת חירום" in html
    html = client.get("/en/").content.decode()
    assert "Youth activation in emergencies" in html
    page = ThemePage.objects.live().get(locale__language_code="he")
    html = client.get(page.url).content.decode()
    assert "נוער גפנים בשעת חירום" in html
    assert "שבוע התנדבות של בני הנוער" in html
    html = client.get("/communities/kiryat-shmona/").content.decode()
    assert "מועדון שנשאר פתוח גם בימים קשים" in html


@pytest.mark.django_db
def test_the_theme_is_found_by_the_project_search(seeded):
    drain()
    found = run_search(None, SearchParams(q="הפעלת נוער"), record=False)
    assert "theme" in {r.hit.type for r in found.results}
    year = today_in_network().year
    tagged = run_search(None, SearchParams(q="נוער", theme_years=(year,)), record=False)
    assert {"news", "theme_adaptation"} <= {r.hit.type for r in tagged.results}
