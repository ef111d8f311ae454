"""Join requests, moderator decisions, roles, terms and the groups they give."""

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from cms import membership as rules
from cms.models import Membership, MembershipRole, MembershipStatus
from tests.sitebuilder import role_holder

pytestmark = pytest.mark.django_db


@pytest.fixture
def community(site):
    return site.community("קהילת וינה", city="וינה", country="AT", english="Vienna")


@pytest.fixture
def moderator(community):
    return role_holder(community, "mod", MembershipRole.MODERATOR)


def test_join_request_then_approval(client, community, moderator):
    person = User.objects.create_user("dana", "dana@example.org", "pw")
    client.force_login(person)
    response = client.post(f"/membership/{community.pk}/join/", {"message": "שלום"})
    assert response.status_code == 302
    request = Membership.objects.get(user=person)
    assert request.status == MembershipStatus.PENDING
    # A second click is refused with a message, nothing new stored.
    client.post(f"/membership/{community.pk}/join/")
    assert Membership.objects.filter(user=person).count() == 1

    client.force_login(moderator)
    listing = client.get(f"/membership/{community.pk}/requests/")
    assert listing.status_code == 200 and "dana" in listing.content.decode()
    client.post(f"/membership/requests/{request.pk}/decide/", {"decision": "approve"})
    request.refresh_from_db()
    assert request.status == MembershipStatus.APPROVED
    assert request.decided_by == moderator
    assert rules.membership_state(person, community).is_member


def test_join_from_english_translation_targets_same_community(client, site, community):
    english = community.get_translation(site.home_en.locale)
    person = User.objects.create_user("tom", "tom@example.org", "pw")
    client.force_login(person)
    client.post(f"/membership/{english.pk}/join/")
    assert Membership.objects.get(user=person).community_id == community.pk


def test_non_moderator_cannot_see_or_decide(client, community, site):
    other_community = site.community("קהילה אחרת")
    outsider = User.objects.create_user("outsider", "o@example.org", "pw")
    Membership.objects.create(
        user=outsider,
        community=other_community,
        role=MembershipRole.MODERATOR,
        status=MembershipStatus.APPROVED,
    )
    person = User.objects.create_user("dana", "dana@example.org", "pw")
    request = rules.request_to_join(person, community)
    client.force_login(outsider)
    assert client.get(f"/membership/{community.pk}/requests/").status_code == 403
    response = client.post(
        f"/membership/requests/{request.pk}/decide/", {"decision": "approve"}
    )
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == MembershipStatus.PENDING


def test_bad_decision_and_double_decision(client, community, moderator):
    person = User.objects.create_user("dana", "dana@example.org", "pw")
    request = rules.request_to_join(person, community)
    client.force_login(moderator)
    client.post(f"/membership/requests/{request.pk}/decide/", {"decision": "maybe"})
    request.refresh_from_db()
    assert request.status == MembershipStatus.PENDING
    rules.decide(request, moderator, approve=False)
    with pytest.raises(ValidationError):
        rules.decide(request, moderator, approve=True)
    assert client.post("/membership/requests/999999/decide/").status_code == 404


def test_anonymous_join_redirects_to_login(client, community):
    response = client.post(f"/membership/{community.pk}/join/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Membership.objects.exists()


def test_unknown_community_is_404(client):
    client.force_login(User.objects.create_user("x", "x@example.org", "pw"))
    assert client.post("/membership/424242/join/").status_code == 404


def test_role_changes_move_groups(community):
    person = User.objects.create_user("lea", "lea@example.org", "pw")
    row = Membership.objects.create(
        user=person,
        community=community,
        role=MembershipRole.EDITOR,
        status=MembershipStatus.APPROVED,
    )
    assert person.groups.filter(pk=community.editors_group_id).exists()
    row.role = MembershipRole.MODERATOR
    row.save()
    assert not person.groups.filter(pk=community.editors_group_id).exists()
    assert person.groups.filter(pk=community.moderators_group_id).exists()
    row.delete()
    assert not person.groups.filter(pk=community.moderators_group_id).exists()


def test_future_term_gives_no_rights_yet(community):
    person = role_holder(
        community,
        "ben",
        MembershipRole.EDITOR,
        term_start=timezone.now() + timezone.timedelta(days=3),
    )
    assert not person.groups.filter(pk=community.editors_group_id).exists()


def test_database_refuses_duplicate_open_role_and_bad_term(community):
    person = User.objects.create_user("avi", "avi@example.org", "pw")
    Membership.objects.create(user=person, community=community)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=person, community=community)
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            user=person,
            community=community,
            role=MembershipRole.TREASURER,
            term_start=now,
            term_end=now - timezone.timedelta(days=1),
        )


def test_network_staff_manage_memberships_in_admin_editors_do_not(client, community):
    from django.contrib.auth.models import Group, Permission

    staff_group = Group.objects.create(name="Network staff")
    staff_group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="cms", codename__endswith="membership"
        ),
    )
    staff = User.objects.create_user("staff", "staff@example.org", "pw")
    staff.groups.add(staff_group)
    editor = User.objects.create_user("ed", "ed@example.org", "pw")
    Membership.objects.create(
        user=editor,
        community=community,
        role=MembershipRole.EDITOR,
        status=MembershipStatus.APPROVED,
    )
    client.force_login(staff)
    listing = client.get("/admin/memberships/")
    assert listing.status_code == 200 and "ed" in listing.content.decode()
    client.force_login(editor)
    assert client.get("/admin/memberships/").status_code in (302, 403)
