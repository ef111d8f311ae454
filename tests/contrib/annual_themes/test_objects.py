"""Training courses and forum topics tagged with a theme: listed per community
with counts (theme page and API, both languages), only where the reader may read
them and the community keeps the plugin on, in constant queries; theme-year
facet in the search."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from plugins.contrib.annual_themes.aggregation import theme_summary
from plugins.contrib.annual_themes.models import ThemeLink, ThemePage
from plugins.testing import publish_page, switch_plugin
from tests.sitebuilder import translate

from .conftest import adaptation, community_news, link
from .objects import (
    Kind,
    community_forum,
    hosted_course,
    link_object,
    make_course,
    network_forum,
    role_holder,
    topic_in,
)

BASE = "/api/v3/plugins/annual-themes"


def request_for(user=None):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    return request


def by_title(summary) -> dict:
    return {(g.community.title if g.community else None): g for g in summary.groups}


@pytest.mark.django_db
def test_courses_and_topics_are_grouped_by_community_with_counts(site, theme):
    haifa = site.community("קהילת חיפה")
    eilat = site.community("קהילת אילת")
    link(theme, community_news(site, haifa, "ערב נוער"))
    link_object(theme, hosted_course("shared", haifa, eilat, title_he="קורס משותף"))
    link_object(theme, hosted_course("online", title_he="קורס מקוון"))  # no host
    link_object(theme, topic_in(community_forum(haifa), "נוער בחירום"))
    link_object(theme, topic_in(network_forum(), "דיון ארצי"))
    groups = by_title(theme_summary(theme))
    assert list(groups) == [None, "קהילת אילת", "קהילת חיפה"]
    assert groups["קהילת חיפה"].counts == {"pages": 1, "courses": 1, "topics": 1}
    assert groups["קהילת חיפה"].count == 3
    assert [c.title for c in groups["קהילת אילת"].courses] == ["קורס משותף"]
    assert groups[None].counts == {"pages": 0, "courses": 1, "topics": 1}
    assert groups[None].topics[0].url.startswith("/forum/")


@pytest.mark.django_db
def test_only_published_courses_and_approved_topics_are_listed(site, theme):
    community = site.community("קהילה")
    link_object(theme, hosted_course("draft", community, status="draft"))
    topic = topic_in(community_forum(community), "ממתין לאישור")
    topic.approved = False
    topic.save()
    link_object(theme, topic)
    assert theme_summary(theme).groups == []


@pytest.mark.django_db
def test_members_only_topic_is_listed_for_members_only(site, theme):
    community = site.community("קהילת ברלין")
    link_object(theme, topic_in(community_forum(community, members_only=True), "סוד"))
    member = role_holder(community, "member")
    stranger = role_holder(site.community("קהילה אחרת"), "stranger")
    assert theme_summary(theme, request=request_for()).groups == []
    assert theme_summary(theme, request=request_for(stranger)).groups == []
    (group,) = theme_summary(theme, request=request_for(member)).groups
    assert [t.title for t in group.topics] == ["סוד"]


@pytest.mark.django_db
def test_api_lists_members_only_topic_to_a_signed_in_member(client, site, theme):
    community = site.community("קהילת ברלין")
    link_object(theme, topic_in(community_forum(community, members_only=True), "סוד"))
    assert client.get(f"{BASE}/2026/").json()["communities"] == []
    client.force_login(role_holder(community, "member"))
    (group,) = client.get(f"{BASE}/2026/").json()["communities"]
    assert group["topics"][0]["title"] == "סוד"
    assert group["counts"] == {"pages": 0, "courses": 0, "topics": 1}


@pytest.mark.django_db
def test_switched_off_community_hides_its_courses_and_topics(site, theme):
    shown = site.community("קהילה פעילה")
    hidden = site.community("קהילה כבויה")
    link_object(theme, hosted_course("both", shown, hidden))
    link_object(theme, hosted_course("hidden-only", hidden))
    link_object(theme, topic_in(community_forum(hidden), "לא יוצג"))
    link_object(theme, topic_in(community_forum(shown), "יוצג"))
    switch_plugin("annual_themes", False, hidden)
    (group,) = theme_summary(theme).groups
    assert group.community.pk == shown.pk
    assert [c.title for c in group.courses] == ["קורס both"]
    assert group.counts == {"pages": 0, "courses": 1, "topics": 1}


@pytest.mark.django_db
def test_training_switched_off_network_wide_hides_courses(site, theme):
    community = site.community("קהילה")
    link_object(theme, hosted_course("any", community))
    switch_plugin("training", False)
    assert theme_summary(theme).groups == []


def add_communities(site, theme, count: int) -> None:
    for _ in range(count):
        n = len(site.created)
        community = site.community(f"קהילה {n}")
        link(theme, community_news(site, community, f"חדשה {n}"))
        adaptation(community, theme)
        link_object(theme, hosted_course(f"course-{n}", community))
        link_object(theme, hosted_course(f"course-b-{n}", community))
        link_object(theme, topic_in(community_forum(community), f"נושא {n}"))
        forum = community_forum(community, members_only=True, kind=Kind.ANNOUNCEMENTS)
        link_object(theme, topic_in(forum, f"נושא פרטי {n}"))


def summary_queries(theme, request) -> tuple[int, int]:
    theme_summary(theme, request=request)  # warm the switch and type caches
    with CaptureQueriesContext(connection) as queries:
        summary = theme_summary(theme, request=request)
    return len(queries), summary.total


@pytest.mark.django_db
def test_query_count_is_constant_with_pages_courses_and_topics(site, theme):
    member = role_holder(site.community("קהילת בית"), "member")
    anonymous, member_view = request_for(), request_for(member)
    add_communities(site, theme, 3)
    at_n = summary_queries(theme, anonymous), summary_queries(theme, member_view)
    add_communities(site, theme, 3)
    at_2n = summary_queries(theme, anonymous), summary_queries(theme, member_view)
    assert at_2n[0][0] == at_n[0][0]
    assert at_2n[1][0] == at_n[1][0]
    assert at_n[0][1] == 3 * 4  # a page, two courses, a public topic each
    assert at_2n[0][1] == 6 * 4


@pytest.mark.django_db
def test_theme_page_lists_courses_and_topics_in_both_languages(site, theme, client):
    community = site.community("קהילת חיפה", english="Haifa community")
    link_object(
        theme,
        hosted_course(
            "youth", community, title_he="הדרכת נוער", title_en="Youth guiding"
        ),
    )
    link_object(theme, topic_in(community_forum(community), "רעיונות לפעילות"))
    page = publish_page(
        site.home, ThemePage(title="נושא השנה", slug="theme-2026", theme=theme)
    )
    html = client.get(page.url).content.decode()
    assert "קהילת חיפה" in html
    assert "הדרכת נוער" in html and "רעיונות לפעילות" in html
    assert "2 פריטים" in html
    assert "קורס אחד" in html and "דיון 1 בפורום" in html  # as the catalog says it
    assert "קורסי הכשרה" in html and "דיונים בפורום" in html
    english = translate(page, "Theme of the year")
    html = client.get(english.url).content.decode()
    assert "Haifa community" in html
    assert "Youth guiding" in html and "רעיונות לפעילות" in html
    assert "2 items" in html
    assert "1 course" in html and "1 forum topic" in html
    assert "Training courses" in html and "Forum topics" in html


@pytest.mark.django_db
def test_api_lists_courses_and_topics_per_community_in_both_languages(
    client, site, theme
):
    community = site.community("קהילת חיפה", english="Haifa community")
    link(theme, community_news(site, community, "ערב נוער"))
    course = hosted_course(
        "youth", community, title_he="הדרכת נוער", title_en="Youth guiding"
    )
    link_object(theme, course)
    link_object(theme, topic_in(community_forum(community), "רעיונות"))
    link_object(theme, make_course("network", title_he="ארצי", title_en="National"))
    hebrew = client.get(f"{BASE}/2026/?lang=he").json()
    english = client.get(f"{BASE}/2026/?lang=en").json()
    assert hebrew["total"] == english["total"] == 4
    assert hebrew["counts"] == {"pages": 1, "courses": 2, "topics": 1}
    network, local = hebrew["communities"]
    assert network["community_id"] is None
    assert [c["title"] for c in network["courses"]] == ["ארצי"]
    assert local["community_title"] == "קהילת חיפה"
    assert local["counts"] == {"pages": 1, "courses": 1, "topics": 1}
    assert local["courses"][0]["title"] == "הדרכת נוער"
    assert local["topics"][0]["url"].startswith("/forum/")
    network, local = english["communities"]
    assert local["community_title"] == "Haifa community"
    assert local["courses"][0] == {
        "id": course.pk,
        "title": "Youth guiding",
        "url": None,  # no training catalog page on this site
    }
    assert [c["title"] for c in network["courses"]] == ["National"]


@pytest.mark.django_db
def test_course_links_point_at_the_catalog_in_the_reader_language(client, site, theme):
    from plugins.contrib.training.models import CatalogPage

    catalog = publish_page(site.home, CatalogPage(title="הכשרות", slug="training"))
    translate(catalog, "Training")
    link_object(theme, hosted_course("youth", site.community("קהילה")))
    (group,) = client.get(f"{BASE}/2026/?lang=en").json()["communities"]
    assert group["courses"][0]["url"] == "/en/training/course/youth/"
    (group,) = client.get(f"{BASE}/2026/?lang=he").json()["communities"]
    assert group["courses"][0]["url"] == "/training/course/youth/"


@pytest.mark.django_db
def test_deleting_a_course_or_topic_drops_its_links(site, theme):
    community = site.community("קהילה")
    course = hosted_course("gone", community)
    topic = topic_in(community_forum(community), "יימחק")
    link_object(theme, course)
    link_object(theme, topic)
    course.delete()
    topic.delete()
    assert not ThemeLink.objects.exists()


@pytest.mark.django_db
def test_one_target_per_link_and_once_per_theme_in_the_database(site, theme):
    from django.db import IntegrityError, transaction

    community = site.community("קהילה")
    course = hosted_course("once", community)
    link_object(theme, course)
    with pytest.raises(IntegrityError), transaction.atomic():
        link_object(theme, course)
    page = community_news(site, community, "חדשה")
    with pytest.raises(IntegrityError), transaction.atomic():
        ThemeLink.objects.create(
            theme=theme,
            page=page,
            content_type_id=ThemeLink.objects.get().content_type_id,
            object_id=course.pk,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        ThemeLink.objects.create(theme=theme)
