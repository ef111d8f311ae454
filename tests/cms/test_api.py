"""The headless API: fields per page type, language/direction, nothing unreadable."""

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import APIToken, PageViewRestriction

from tests.sitebuilder import publish

pytestmark = pytest.mark.django_db

LIST = "/api/v3/pages/"


def detail(client, page_id, **headers):
    return client.get(f"/api/v3/pages/{page_id}/", **headers)


def listed_ids(client, **params):
    response = client.get(LIST, {"limit": 50, **params})
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_community_page_fields_in_both_languages(client, site):
    page = site.community("קהילת ברלין", city="ברלין", country="DE", english="Berlin")
    data = detail(client, page.pk).json()
    assert data["meta"]["type"] == "cms.CommunityPage"
    assert data["country_code"] == "DE"
    assert data["city"] == "ברלין"
    assert data["network_member"] is True
    assert data["language"] == "he" and data["direction"] == "rtl"
    english = page.get_translation(site.home_en.locale)
    data_en = detail(client, english.pk).json()
    assert data_en["meta"]["locale"] == "en"
    assert data_en["language"] == "en" and data_en["direction"] == "ltr"
    assert data_en["title"] == "Berlin"


def test_news_and_event_fields(client, site):
    item = site.news_item(site.news, "פתיחת שנת הפעילות", days_ago=2)
    data = detail(client, item.pk).json()
    assert data["date"] == item.date.isoformat()
    assert data["intro"].startswith("פתיחת שנת הפעילות")
    community = site.community("קהילת פריז", city="פריז", country="FR")
    event = site.event(community, "ערב קבלת שבת")
    data = detail(client, event.pk).json()
    assert data["time_zone"] == "Europe/Berlin"
    assert data["organiser"]["id"] == community.pk
    assert data["venue"] == "המרכז הקהילתי"


def test_filter_by_type_and_locale(client, site):
    site.community("א", english="A")
    site.community("ב", english="B")
    ids_en = listed_ids(client, type="cms.CommunityPage", locale="en")
    assert len(ids_en) == 2
    ids_all = listed_ids(client, type="cms.CommunityPage")
    assert len(ids_all) == 4


def test_drafts_and_private_pages_never_reach_anonymous(client, site):
    live = site.community("חיה")
    draft = site.community("טיוטה", live=False)
    private = site.community("פרטית")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    ids = listed_ids(client, type="cms.CommunityPage")
    assert live.pk in ids
    assert draft.pk not in ids and private.pk not in ids
    assert detail(client, draft.pk).status_code == 404
    assert detail(client, private.pk).status_code == 404
    # Nor through a filter that names them.
    response = client.get(LIST, {"child_of": private.pk})
    assert response.status_code == 422
    assert "פרטית" not in response.content.decode()


def test_signed_in_member_reads_login_restricted_page(client, site):
    private = site.community("פרטית")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    group_only = site.community("לוועד בלבד")
    board = Group.objects.create(name="board")
    restriction = PageViewRestriction.objects.create(
        page=group_only, restriction_type="groups"
    )
    restriction.groups.add(board)
    member = User.objects.create_user("member", password="pw")
    client.force_login(member)
    ids = listed_ids(client, type="cms.CommunityPage")
    assert private.pk in ids
    assert group_only.pk not in ids
    assert detail(client, group_only.pk).status_code == 404
    # A bearer token reads as its user too.
    client.logout()
    _, token = APIToken.create_token(user=member, name="reader")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert detail(client, private.pk, **auth).status_code == 200
    assert detail(client, group_only.pk, **auth).status_code == 404


def test_session_cannot_write(client, site):
    page = site.community("קהילה")
    admin = User.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    response = client.patch(
        f"/api/v3/pages/{page.pk}/", {"title": "x"}, content_type="application/json"
    )
    assert response.status_code == 401
    page.refresh_from_db()
    assert page.title == "קהילה"


def test_openapi_document_is_one_and_describes_pages(client, db):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Kehilot API"
    assert "/api/v3/pages/" in schema["paths"]
    assert client.get("/api/v3/docs/").status_code == 200


def test_bad_input_is_a_clear_400(client, site):
    response = client.get(LIST, {"limit": 1000})
    assert response.status_code == 400
    assert "limit" in response.content.decode()
    assert client.get(LIST, {"type": "cms.NoSuchPage"}).status_code in (400, 422)
    assert detail(client, 999999).status_code == 404


def test_unpublished_after_publish_disappears(client, site):
    page = site.community("תיסגר")
    assert detail(client, page.pk).status_code == 200
    page.unpublish()
    assert detail(client, page.pk).status_code == 404


def test_news_list_under_community(client, site):
    community = site.community("קהילה עם חדשות")
    from cms.models import NewsIndexPage

    index = publish(community, NewsIndexPage(title="חדשות הקהילה", slug="news"))
    item = site.news_item(index, "חדשה")
    ids = listed_ids(client, descendant_of=community.pk, type="cms.NewsPage")
    assert ids == {item.pk}


def test_drafts_only_for_the_page_editors(client, site):
    from cms.models import Membership, MembershipRole, MembershipStatus

    page = site.community("קהילה חיה")
    page.title = "טיוטה סודית"
    page.save_revision()
    reader = User.objects.create_user("reader", "r@example.org", "pw")
    client.force_login(reader)
    response = detail(client, page.pk, QUERY_STRING="version=draft")
    assert response.status_code == 403
    assert "טיוטה סודית" not in response.content.decode()
    assert detail(client, page.pk).json()["title"] == "קהילה חיה"
    Membership.objects.create(
        user=reader,
        community=page,
        role=MembershipRole.EDITOR,
        status=MembershipStatus.APPROVED,
    )
    assert detail(client, page.pk, QUERY_STRING="version=draft").json()["title"] == (
        "טיוטה סודית"
    )


def test_every_page_type_has_api_output_with_language(client, site):
    from cms.models import EventIndexPage, StandardPage

    community = site.community("קהילה", english="Community")
    event = site.event(community, "מפגש")
    pages = {
        "cms.HomePage": site.home,
        "cms.CommunityIndexPage": site.communities,
        "cms.CommunityPage": community,
        "cms.NewsIndexPage": site.news,
        "cms.NewsPage": site.news_item(site.news, "ידיעה"),
        "cms.EventIndexPage": EventIndexPage.objects.get(pk=event.get_parent().pk),
        "cms.EventPage": event,
        "cms.StandardPage": publish(
            site.home, StandardPage(title="אודות", slug="about")
        ),
    }
    for label, page in pages.items():
        data = detail(client, page.pk).json()
        assert data["meta"]["type"] == label
        assert (data["language"], data["direction"]) == ("he", "rtl"), label
    english_home = detail(client, site.home_en.pk).json()
    assert (english_home["language"], english_home["direction"]) == ("en", "ltr")
