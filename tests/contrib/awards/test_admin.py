"""Managers run programs, cycles and each cycle's screen in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation

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


def _edit_form(cycle, user_, change_weight=None):
    """The cycle's admin form as submitted unchanged (or with one new weight)."""
    from wagtail.admin.panels import get_edit_handler

    from plugins.contrib.awards.models import AwardCycle

    form_class = get_edit_handler(AwardCycle).get_form_class()
    blank = form_class(instance=cycle, for_user=user_)
    data = {}
    for name in blank.fields:
        value = blank[name].value()
        data[name] = value.isoformat() if hasattr(value, "isoformat") else value
    for prefix, formset in blank.formsets.items():
        count = len(formset.forms)
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": count,
                f"{prefix}-INITIAL_FORMS": count,
                f"{prefix}-MIN_NUM_FORMS": 0,
                f"{prefix}-MAX_NUM_FORMS": 1000,
            }
        )
        for form in formset.forms:
            for name in form.fields:
                value = form[name].value()
                data[f"{form.prefix}-{name}"] = "" if value is None else value
    if change_weight is not None:
        data["criteria-0-weight"] = change_weight
    return form_class(data, instance=cycle, for_user=user_)


@pytest.mark.django_db
def test_criteria_are_frozen_once_judging_starts(cycle, admin_user_obj):
    assert cycle.criteria.exists()
    assert _edit_form(cycle, admin_user_obj, change_weight=7).is_valid()
    cycle.phase = Phase.JUDGING
    cycle.save()
    unchanged = _edit_form(cycle, admin_user_obj)
    assert unchanged.is_valid(), unchanged.errors
    with translation.override("en"):
        changed = _edit_form(cycle, admin_user_obj, change_weight=7)
        assert not changed.is_valid()
        assert "criteria cannot change" in str(changed.non_field_errors())


@pytest.fixture
def admin_user_obj(db):
    from django.contrib.auth.models import User

    return User.objects.create_superuser("cycle-admin", "ca@example.org", "pw")
