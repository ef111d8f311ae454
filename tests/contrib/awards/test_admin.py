"""Managers run programs, cycles and each cycle's screen in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from plugins.contrib.awards.models import Nomination, NominationStatus, Phase

from .conftest import make_cycle, nomination, user


@pytest.fixture
def cycle(program):
    return make_cycle(program, 2039, phase=Phase.NOMINATING)


def admin_user(username):
    person = user(username)
    person.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    return person


@pytest.mark.django_db
def test_staff_can_open_the_program_and_cycle_screens(admin_client, cycle):
    for name in ("awardprogram", "awardcycle"):
        for view in ("list", "add"):
            url = reverse(f"wagtailsnippets_awards_{name}:{view}")
            assert admin_client.get(url).status_code == 200, url
    edit = reverse("wagtailsnippets_awards_awardcycle:edit", args=[cycle.pk])
    assert admin_client.get(edit).status_code == 200
    screen = admin_client.get(reverse("awards_cycle", args=[cycle.pk]))
    assert screen.status_code == 200


@pytest.mark.django_db
def test_only_the_programs_managers_open_the_cycle_screen(client, cycle, program):
    outsider = admin_user("outsider")
    client.force_login(outsider)
    url = reverse("awards_cycle", args=[cycle.pk])
    # Wagtail turns the refusal into a redirect to the dashboard with a message.
    assert client.get(url)["Location"] == reverse("wagtailadmin_home")
    client.post(url, {"action": "advance"})
    cycle.refresh_from_db()
    assert cycle.phase == Phase.NOMINATING
    program.managers.add(outsider)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_manager_actions_go_through_the_rules(client, cycle, program):
    manager = admin_user("boss")
    program.managers.add(manager)
    client.force_login(manager)
    url = reverse("awards_cycle", args=[cycle.pk])
    nom = nomination(cycle, name="קהילה")
    client.post(url, {"action": "ineligible", "nomination": nom.pk})
    assert Nomination.objects.get().status == NominationStatus.INELIGIBLE
    client.post(url, {"action": "advance"})
    cycle.refresh_from_db()
    assert cycle.phase == Phase.NOMINATIONS_CLOSED
    # Confirming before judging closes is refused with a message; nothing changes.
    response = client.post(url, {"action": "confirm", "winners": [nom.pk]}, follow=True)
    assert "מאשרים תוצאות אחרי סגירת השיפוט" in response.content.decode()
    cycle.refresh_from_db()
    assert cycle.results_confirmed_at is None
