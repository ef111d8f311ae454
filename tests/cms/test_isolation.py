"""An editor of community A can edit A and never B: admin, API, collections."""

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import APIToken, Collection

from cms.models import Membership, MembershipRole, StandardPage
from tests.sitebuilder import publish, role_holder

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_communities(site):
    a = site.community("קהילה א", english="Community A")
    b = site.community("קהילה ב", english="Community B")
    return a, b, role_holder(a, "editor_a", MembershipRole.EDITOR)


def test_community_creation_makes_groups_and_collection(site):
    page = site.community("קהילה חדשה", english="New community")
    assert page.editors_group and page.moderators_group and page.collection
    english = page.get_translation(site.home_en.locale).specific
    assert english.editors_group_id == page.editors_group_id
    assert english.collection_id == page.collection_id
    assert page.collection.get_parent() == Collection.get_first_root_node()


def test_editor_edits_own_community_in_admin(client, two_communities):
    a, b, editor = two_communities
    client.force_login(editor)
    assert client.get(f"/admin/pages/{a.pk}/edit/").status_code == 200
    english_a = a.get_translations().first()
    assert client.get(f"/admin/pages/{english_a.pk}/edit/").status_code == 200
    add_url = f"/admin/pages/add/cms/standardpage/{a.pk}/"
    assert client.get(add_url).status_code == 200


def test_editor_cannot_touch_other_community_in_admin(client, two_communities):
    a, b, editor = two_communities
    client.force_login(editor)
    assert client.get(f"/admin/pages/{b.pk}/edit/").status_code in (302, 403)
    response = client.post(
        f"/admin/pages/{b.pk}/edit/",
        {
            "title": "hijacked",
            "slug": b.slug,
            "city": "x",
            "country": "IL",
            "short_description": "x",
            "body": "[]",
            "action-publish": "1",
        },
    )
    assert response.status_code in (302, 403)
    assert client.get(f"/admin/pages/add/cms/standardpage/{b.pk}/").status_code in (
        302,
        403,
    )
    assert client.post(f"/admin/pages/{b.pk}/unpublish/").status_code in (302, 403)
    assert client.post(f"/admin/pages/{b.pk}/delete/").status_code in (302, 403)
    b.refresh_from_db()
    assert b.title == "קהילה ב" and b.live


def test_editor_cannot_move_own_page_into_other_community(client, two_communities):
    a, b, editor = two_communities
    child = publish(a, StandardPage(title="אודות", slug="about"))
    client.force_login(editor)
    response = client.post(f"/admin/pages/{child.pk}/move/{b.pk}/confirm/")
    assert response.status_code in (302, 403)
    child.refresh_from_db()
    assert child.get_parent().pk == a.pk


def test_editor_api_writes_only_own_community(client, two_communities):
    a, b, editor = two_communities
    _, token = APIToken.create_token(user=editor, name="editor")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    ok = client.patch(
        f"/api/v3/pages/{a.pk}/",
        {"title": "קהילה א — עודכן", "meta": {"action": "publish"}},
        content_type="application/json",
        **auth,
    )
    assert ok.status_code == 200, ok.content
    refused = client.patch(
        f"/api/v3/pages/{b.pk}/",
        {"title": "hijacked", "meta": {"action": "publish"}},
        content_type="application/json",
        **auth,
    )
    assert refused.status_code in (403, 404), refused.content
    created = client.post(
        "/api/v3/pages/",
        {"title": "חדירה", "meta": {"type": "cms.StandardPage", "parent_id": b.pk}},
        content_type="application/json",
        **auth,
    )
    assert created.status_code in (403, 404), created.content
    deleted = client.delete(f"/api/v3/pages/{b.pk}/", **auth)
    assert deleted.status_code in (403, 404)
    b.refresh_from_db()
    assert b.title == "קהילה ב" and b.live
    assert not StandardPage.objects.child_of(b).exists()


def test_editor_cannot_use_other_community_collection(client, two_communities):
    a, b, editor = two_communities
    image_b = get_image_model().objects.create(
        title="logo b", file=get_test_image_file(), collection=b.collection
    )
    client.force_login(editor)
    assert client.get(f"/admin/images/{image_b.pk}/").status_code in (302, 403)
    response = client.get("/admin/images/chooser/")
    assert response.status_code == 200
    assert "logo b" not in response.content.decode()


def test_ended_term_removes_editing_rights(client, two_communities):
    from django.utils import timezone

    from cms.tasks import end_expired_memberships

    a, b, editor = two_communities
    membership = Membership.objects.get(user=editor)
    membership.term_end = timezone.now() + timezone.timedelta(seconds=1)
    membership.save()
    Membership.objects.filter(pk=membership.pk).update(
        term_start=timezone.now() - timezone.timedelta(days=2),
        term_end=timezone.now() - timezone.timedelta(days=1),
    )
    assert end_expired_memberships.delay().get() == 1
    client.force_login(editor)
    assert client.get(f"/admin/pages/{a.pk}/edit/").status_code in (302, 403)


def test_editor_updates_community_fields_through_api(client, two_communities):
    a, b, editor = two_communities
    _, token = APIToken.create_token(user=editor, name="editor")
    response = client.patch(
        f"/api/v3/pages/{a.pk}/",
        {
            "short_description": "מרכז קהילתי מתחדש",
            "city": "עכו",
            "meta": {"action": "publish"},
        },
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 200, response.content
    a.refresh_from_db()
    assert (a.short_description, a.city) == ("מרכז קהילתי מתחדש", "עכו")
    bad = client.patch(
        f"/api/v3/pages/{a.pk}/",
        {"latitude": "north"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert bad.status_code in (400, 422)
    a.refresh_from_db()
    assert a.latitude is None
