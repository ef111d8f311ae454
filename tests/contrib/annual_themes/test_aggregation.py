"""The theme page groups linked content by community, in constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plugins.contrib.annual_themes.aggregation import theme_summary
from plugins.contrib.annual_themes.models import ThemePage
from plugins.testing import publish_page, switch_plugin

from .conftest import adaptation, community_news, link


def add_communities(site, theme, count: int) -> list:
    made = []
    for n in range(count):
        community = site.community(f"קהילה {len(site.created)}")
        link(theme, community_news(site, community, f"חדשה {n}"))
        link(theme, community_news(site, community, f"חדשה נוספת {n}"))
        link(theme, site.event(community, f"אירוע {n}"))
        adaptation(community, theme)
        made.append(community)
    return made


def summary_queries(theme) -> int:
    theme_summary(theme)  # warm the switch cache
    with CaptureQueriesContext(connection) as queries:
        summary = theme_summary(theme)
    assert summary.groups
    return len(queries)


@pytest.mark.django_db
def test_groups_by_community_with_counts(site, theme):
    first, second = add_communities(site, theme, 2)
    link(theme, site.news_item(site.news, "חדשה ארצית"))
    summary = theme_summary(theme)
    assert summary.groups[0].community is None
    assert summary.groups[0].count == 1
    by_community = {g.community.pk: g for g in summary.groups if g.community}
    assert by_community[first.pk].count == 3
    assert len(by_community[second.pk].adaptations) == 1
    assert summary.total == 7


@pytest.mark.django_db
def test_query_count_is_constant_as_communities_grow(site, theme):
    add_communities(site, theme, 3)
    at_n = summary_queries(theme)
    add_communities(site, theme, 3)
    assert summary_queries(theme) == at_n
    assert len(theme_summary(theme).groups) == 6


@pytest.mark.django_db
def test_unpublished_content_is_left_out(site, theme):
    community = site.community("קהילה")
    news = community_news(site, community, "טיוטה")
    link(theme, news)
    news.unpublish()
    assert theme_summary(theme).groups == []


@pytest.mark.django_db
def test_switched_off_community_is_left_out(site, theme):
    shown, hidden = add_communities(site, theme, 2)
    switch_plugin("annual_themes", False, hidden)
    communities = [g.community.pk for g in theme_summary(theme).groups]
    assert communities == [shown.pk]


@pytest.mark.django_db
def test_theme_page_lists_communities_in_both_languages(site, theme, client):
    (community,) = add_communities(site, theme, 1)
    page = publish_page(
        site.home, ThemePage(title="נושא השנה", slug="theme-2026", theme=theme)
    )
    html = client.get(page.url).content.decode()
    assert "הפעלת נוער בחירום" in html
    assert community.title in html
    assert "3 פריטים" in html
    assert "מה עשו הקהילות" in html
    from tests.sitebuilder import translate

    english = translate(page, "Theme of the year")
    html = client.get(english.url).content.decode()
    assert "Youth activation in emergencies" in html
    assert "3 items" in html
    assert "What the communities did" in html


@pytest.mark.django_db
def test_private_content_is_left_out(site, theme):
    from wagtail.models import PageViewRestriction

    community = site.community("קהילה")
    link(theme, community_news(site, community, "פרטי"))
    PageViewRestriction.objects.create(
        page=community, restriction_type=PageViewRestriction.LOGIN
    )
    assert theme_summary(theme).groups == []


@pytest.mark.django_db
def test_a_community_in_both_languages_is_one_group_named_in_the_reader_language(
    site, theme
):
    from django.utils import translation

    community = site.community("קהילת ליון", city="ליון", country="FR", english="Lyon")
    english = community.get_translation(site.home_en.locale)
    link(theme, community_news(site, community, "ידיעה בעברית"))
    link(theme, community_news(site, english, "English item"))
    with translation.override("en"):
        groups = [g for g in theme_summary(theme).groups if g.community]
    assert len(groups) == 1 and groups[0].count == 2
    assert groups[0].community.title == "Lyon"
    with translation.override("he"):
        groups = [g for g in theme_summary(theme).groups if g.community]
    assert groups[0].community.title == "קהילת ליון"
