"""``seed_demo``: a bilingual, idempotent demo network with one login per role."""

import io
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import (
    Collection,
    GroupPagePermission,
    Page,
    Revision,
    Site,
)

from cms.models import (
    CommunityPage,
    EventPage,
    HomePage,
    Membership,
    MembershipRole,
    MembershipStatus,
)
from tests.conftest import run_seed_demo

HEBREW = re.compile(r"[\u0590-\u05ff]")
EUROPE = {"DE", "FR", "NL", "AT", "CZ", "HU"}


def snapshot() -> dict:
    return {
        "pages": Page.objects.count(),
        "page rows": sorted(
            Page.objects.values_list("pk", "url_path", "latest_revision_id", "live")
        ),
        "revisions": Revision.objects.count(),
        "users": sorted(User.objects.values_list("username", "password")),
        "memberships": sorted(
            Membership.objects.values_list("pk", "user_id", "role", "status")
        ),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "emails": EmailAddress.objects.count(),
        "sites": list(Site.objects.values()),
    }


def communities(lang):
    return CommunityPage.objects.live().filter(locale__language_code=lang)


def test_refuses_to_run_with_debug_off():
    with override_settings(DEBUG=False), pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", stdout=io.StringIO())


@pytest.mark.django_db
def test_second_run_creates_and_changes_nothing(seeded, monkeypatch):
    before = snapshot()
    monkeypatch.setenv("DEMO_PASSWORD", "another-password")
    output = run_seed_demo()
    assert snapshot() == before
    assert "Pages: 0 created" in output and "Users: 0 created" in output
    # Passwords of existing users are kept unless asked.
    assert User.objects.get(username="haifa.editor").check_password("kehilot-demo")


@pytest.mark.django_db
def test_reset_passwords_on_request(seeded, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "another-password")
    run_seed_demo(reset_passwords=True)
    assert User.objects.get(username="staff").check_password("another-password")


@pytest.mark.django_db
def test_no_duplicate_slugs(seeded):
    paths = list(Page.objects.values_list("url_path", flat=True))
    assert len(paths) == len(set(paths))


@pytest.mark.django_db
def test_communities_in_both_languages(seeded):
    for lang in ("he", "en"):
        pages = list(communities(lang))
        assert len(pages) >= 8
        countries = {page.country.code for page in pages}
        assert "IL" in countries and countries & EUROPE
        assert {page.network_member for page in pages} == {True, False}
        for page in pages:
            assert page.languages.exists() and page.tags.exists()
            assert page.latitude is not None and page.longitude is not None


@pytest.mark.django_db
def test_every_english_page_is_a_translation(seeded):
    hebrew = Page.objects.filter(locale__language_code="he", depth__gt=1)
    english = Page.objects.filter(locale__language_code="en", depth__gt=1)
    assert english.count() == hebrew.count() > 60
    titles = dict(hebrew.values_list("translation_key", "title"))
    for page in english:
        assert page.translation_key in titles
        assert page.live and not page.alias_of_id
        # A real translation: English text, not a copy of the Hebrew.
        assert not HEBREW.search(page.title), page.title
        assert HEBREW.search(titles[page.translation_key])


@pytest.mark.django_db
def test_english_fields_are_english(seeded):
    for page in communities("en"):
        assert not HEBREW.search(page.short_description + page.city)
        assert not HEBREW.search(str(page.body.raw_data))
        assert not HEBREW.search(" ".join(page.tag_names))


@pytest.mark.django_db
def test_translations_share_groups_and_collection(seeded):
    for page in communities("he"):
        english = page.get_translation(communities("en").first().locale)
        assert page.editors_group_id and page.moderators_group_id
        assert page.collection_id
        assert english.editors_group_id == page.editors_group_id
        assert english.moderators_group_id == page.moderators_group_id
        assert english.collection_id == page.collection_id


@pytest.mark.django_db
def test_roles_put_people_in_their_community_groups(seeded):
    current = Membership.objects.current().select_related("user", "community")
    editors = current.filter(role=MembershipRole.EDITOR)
    moderators = current.filter(role=MembershipRole.MODERATOR)
    assert editors.count() >= 2 and moderators.count() >= 2
    for membership in editors:
        assert membership.community.locale.language_code == "he"
        assert membership.user.groups.filter(
            pk=membership.community.editors_group_id
        ).exists()
    for membership in moderators:
        assert membership.user.groups.filter(
            pk=membership.community.moderators_group_id
        ).exists()
    assert not User.objects.get(username="haifa.member").groups.exists()
    roles = set(current.values_list("role", flat=True))
    assert {"member", "center_director", "youth_coordinator"} <= roles
    pending = Membership.objects.get(user__username="berlin.newcomer")
    assert pending.status == MembershipStatus.PENDING


@pytest.mark.django_db
def test_logins(seeded):
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("kehilot-demo")
    staff = User.objects.get(username="staff")
    assert not staff.is_superuser
    assert staff.groups.filter(name="Network staff").exists()
    assert staff.has_perm("cms.change_membership")
    assert staff.has_perm("wagtailadmin.access_admin")
    for user in User.objects.all():
        address = EmailAddress.objects.get(user=user)
        assert address.verified and address.primary
        assert user.username in seeded


@pytest.mark.django_db
def test_site_points_at_the_hebrew_home(seeded):
    site = Site.objects.get(is_default_site=True)
    # Where `make run` serves: links Wagtail builds must point there.
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    home = site.root_page.specific
    assert isinstance(home, HomePage) and home.locale.language_code == "he"
    assert not Page.objects.filter(depth=2, slug="home").exists()
    assert home.body and home.tagline


@pytest.mark.django_db
def test_events_are_upcoming_and_organised_in_their_language(seeded):
    events = EventPage.objects.live()
    assert events.count() >= 2 * 12
    assert not events.filter(start__lte=timezone.now()).exists()
    for event in events.exclude(organiser=None):
        assert event.organiser.locale_id == event.locale_id
    berlin = events.get(locale__language_code="en", organiser__slug="berlin")
    assert berlin.time_zone == "Europe/Berlin"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/en/"])
def test_home_pages_render(seeded, client, url):
    assert client.get(url).status_code == 200
