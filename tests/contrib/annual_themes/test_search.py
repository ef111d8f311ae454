"""Theme pages and adaptations are searchable; tagged pages get a theme-year facet."""

import pytest

from plugins.contrib.annual_themes.models import ThemeLink, ThemePage
from plugins.testing import publish_page
from search.service import SearchParams, run_search
from search.tasks import drain

from .conftest import adaptation, community_news, link


def search(q, **params):
    return run_search(None, SearchParams(q=q, **params), record=False)


@pytest.mark.django_db
def test_theme_pages_adaptations_and_tagged_pages_filter_by_theme_year(site, theme):
    community = site.community("קהילת רומא")
    news = community_news(site, community, "פעילות נוער בחירום")
    link(theme, news)
    adaptation(community, theme, "הפעלת נוער ברומא")
    publish_page(site.home, ThemePage(title="נושא השנה", slug="theme", theme=theme))
    drain()
    found = search("נוער")
    assert {r.hit.type for r in found.results} == {"news", "theme_adaptation"}
    years = {v.value: v.count for v in found.facets["theme_year"]}
    assert years == {"2026": 2}
    assert search("נושא השנה", theme_years=(2026,)).total == 1
    assert search("נוער", theme_years=(2025,)).total == 0


@pytest.mark.django_db
def test_tagging_and_untagging_a_page_updates_its_facet(site, theme):
    community = site.community("קהילת מדריד")
    news = community_news(site, community, "ערב התנדבות")
    drain()
    assert search("התנדבות", theme_years=(2026,)).total == 0
    link(theme, news)
    drain()
    assert search("התנדבות", theme_years=(2026,)).total == 1
    ThemeLink.objects.filter(page=news).delete()
    drain()
    assert search("התנדבות", theme_years=(2026,)).total == 0


@pytest.mark.django_db
def test_adaptations_of_a_switched_off_community_are_hidden(site, theme):
    from plugins.models import PluginActivation

    community = site.community("קהילת ליסבון")
    adaptation(community, theme, "התאמה בליסבון")
    drain()
    assert search("בליסבון").total == 1
    PluginActivation.objects.create(
        label="annual_themes", community=community, enabled=False
    )
    assert search("בליסבון").total == 0


@pytest.mark.django_db
def test_tagged_courses_and_topics_get_the_theme_year_facet(site, theme):
    from .objects import community_forum, hosted_course, link_object, topic_in

    community = site.community("קהילת ורשה")
    course = hosted_course("snow", community, title_he="קורס שלג")
    topic = topic_in(community_forum(community), "דיון שלג")
    drain()
    assert search("שלג", theme_years=(2026,)).total == 0
    course_link = link_object(theme, course)
    topic_link = link_object(theme, topic)
    drain()
    found = search("שלג", theme_years=(2026,))
    assert {r.hit.type for r in found.results} == {"course", "forum_topic"}
    years = {v.value: v.count for v in search("שלג").facets["theme_year"]}
    assert years == {"2026": 2}
    course_link.delete()
    topic_link.delete()
    drain()
    assert search("שלג", theme_years=(2026,)).total == 0
