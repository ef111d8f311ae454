"""Sessions limited to roles and communities; ineligible members are told why."""

import pytest
from django.utils import translation

from plugins.contrib.training import services
from plugins.contrib.training.models import Registration

from .conftest import make_session, make_user, role_holder


@pytest.mark.django_db
def test_open_session_accepts_any_signed_in_user(course):
    session = make_session(course)
    assert services.eligibility(make_user("a"), session).allowed


@pytest.mark.django_db
def test_limited_to_roles(plugin_site, course):
    community = plugin_site.community("קהילה")
    session = make_session(course, eligible_roles=["youth_coordinator"])
    coordinator = role_holder(community, "coord", "youth_coordinator")
    member = role_holder(community, "member", "member")
    assert services.register(coordinator, session.pk).status == "registered"
    with translation.override("en"), pytest.raises(services.NotEligible) as raised:
        services.register(member, session.pk)
    assert raised.value.message == (
        "This session is for Youth coordinator. You do not hold any of these roles."
    )
    assert raised.value.status == 403
    assert not Registration.objects.filter(user=member).exists()


@pytest.mark.django_db
def test_limited_to_communities_in_any_language(plugin_site, course):
    haifa = plugin_site.community("חיפה", english="Haifa")
    lyon = plugin_site.community("ליון")
    session = make_session(course)
    session.eligible_communities.add(haifa.get_translations().get())  # English page
    inside = role_holder(haifa, "inside")
    outside = role_holder(lyon, "outside")
    assert services.eligibility(inside, session).allowed
    with translation.override("en"):
        verdict = services.eligibility(outside, session)
    assert not verdict.allowed
    assert verdict.reason == "This session is for members of Haifa."
    assert not services.eligibility(make_user("nobody"), session).allowed


@pytest.mark.django_db
def test_roles_in_given_communities(plugin_site, course):
    haifa = plugin_site.community("חיפה")
    lyon = plugin_site.community("ליון")
    session = make_session(course, eligible_roles=["center_director"])
    session.eligible_communities.add(haifa)
    assert services.eligibility(role_holder(haifa, "d1", "center_director"), session)
    director_elsewhere = role_holder(lyon, "d2", "center_director")
    member_here = role_holder(haifa, "m", "member")
    with translation.override("en"):
        for user in (director_elsewhere, member_here):
            verdict = services.eligibility(user, session)
            assert not verdict.allowed
            assert verdict.reason == "This session is for Center director in חיפה."


@pytest.mark.django_db
def test_ended_membership_does_not_count(plugin_site, course):
    import datetime

    from django.utils import timezone

    community = plugin_site.community("קהילה")
    past = timezone.now() - datetime.timedelta(days=30)
    former = role_holder(
        community,
        "former",
        "youth_coordinator",
        term_start=past,
        term_end=past + datetime.timedelta(days=1),
    )
    session = make_session(course, eligible_roles=["youth_coordinator"])
    assert not services.eligibility(former, session).allowed


@pytest.mark.django_db
def test_the_course_page_shows_the_reason(plugin_site, catalog, course, client):
    community = plugin_site.community("קהילה")
    make_session(course, eligible_roles=["center_director"])
    client.force_login(role_holder(community, "m"))
    html = client.get(f"/en{catalog.url}course/{course.slug}/").content.decode()
    assert "This session is for Center director." in html
    assert "Join the waitlist" not in html and ">Register<" not in html
