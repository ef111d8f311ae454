"""tests/testdummy_plugin exercises every extension point through plugins.api."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import Membership, MembershipRole, MembershipStatus
from plugins.events import emit
from plugins.hookspecs import manager
from plugins.models import PluginActivation
from plugins.registry import RegistryError, registry
from plugins.types import SearchDocument, TemplateSlot
from tests.testdummy_plugin import hooks as dummy_hooks
from tests.testdummy_plugin.models import DummyNote

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_events():
    dummy_hooks.received.clear()
    yield
    dummy_hooks.received.clear()


def switch(label, enabled, community=None):
    PluginActivation.objects.update_or_create(
        label=label, community=community, defaults={"enabled": enabled}
    )


def test_plugin_record_and_resources():
    record = registry.plugins["testdummy"]
    assert record.status == "active" and record.version == "1.2.3"
    assert set(record.resources) == {
        "api_router",
        "template_slots",
        "search_documents",
        "periodic_tasks",
        "hooks",
    }
    # Defaults merged with PLUGINS_CONFIG from the test settings.
    assert registry.settings_for("testdummy") == {
        "greeting": "shalom from settings",
        "sidebar_title": "Dummy",
    }


def test_slots_render_on_pages(client, site):
    community = site.community("קהילת גנט", city="גנט", country="BE")
    html = client.get(community.url).content.decode()
    assert '<p class="dummy-banner">shalom from settings</p>' in html
    assert '<section class="dummy-sidebar">' in html
    assert f'<p class="dummy-after">after {community.title}</p>' in html


def test_api_router_in_the_one_openapi_document(client, site):
    schema = client.get("/api/v3/openapi.json").json()
    assert "/api/v3/plugins/testdummy/notes/" in schema["paths"]
    assert "/api/v3/pages/" in schema["paths"]
    greeting = client.get("/api/v3/plugins/testdummy/greeting/")
    assert greeting.json() == {"greeting": "shalom from settings"}


def test_per_community_activation_hides_slots_api_and_search(client, site):
    on = site.community("פעילה", english="On")
    off = site.community("כבויה", english="Off")
    DummyNote.objects.create(title="note on", community=on)
    DummyNote.objects.create(title="note off", community=off)
    DummyNote.objects.create(title="network note")
    switch("testdummy", False, community=off)

    assert "dummy-sidebar" in client.get(on.url).content.decode()
    html_off = client.get(off.url).content.decode()
    assert "dummy-sidebar" not in html_off and "dummy-banner" not in html_off
    # The English translation follows its community's switch.
    off_en = off.get_translation(site.home_en.locale)
    assert "dummy-sidebar" not in client.get(off_en.url).content.decode()

    titles = {n["title"] for n in client.get("/api/v3/plugins/testdummy/notes/").json()}
    assert titles == {"note on", "network note"}

    document = registry.search_documents["testdummy.DummyNote"]
    from plugins.api import exclude_inactive_communities

    indexed = exclude_inactive_communities(document.queryset(), "testdummy")
    assert {n.title for n in indexed} == {"note on", "network note"}


def test_network_switch_turns_everything_off(client, site):
    community = site.community("קהילה")
    switch("testdummy", False)
    html = client.get(community.url).content.decode()
    assert "dummy-sidebar" not in html and "dummy-banner" not in html
    assert client.get("/api/v3/plugins/testdummy/notes/").status_code == 404
    # ...except where a community switched it back on.
    switch("testdummy", True, community=community)
    assert "dummy-sidebar" in client.get(community.url).content.decode()


def test_domain_events_reach_hooks(site, django_capture_on_commit_callbacks):
    community = site.community("קהילה")
    person = User.objects.create_user("avi", "avi@example.org", "pw")
    with django_capture_on_commit_callbacks(execute=True):
        row = Membership.objects.create(user=person, community=community)
        row.status = MembershipStatus.APPROVED
        row.save()
        row.role = MembershipRole.EDITOR
        row.save()
        community.save_revision().publish()
    assert ("member_joined", row.pk, community.pk) in dummy_hooks.received
    assert (
        "member_role_changed",
        "member",
        MembershipRole.EDITOR,
    ) in dummy_hooks.received
    assert ("community_published", community.pk) in dummy_hooks.received


def test_events_skip_plugins_switched_off_for_the_community(site):
    community = site.community("קהילה")
    switch("testdummy", False, community=community)
    emit("community_published", community=community, user=None)
    assert dummy_hooks.received == []
    with pytest.raises(ValueError):
        emit("no_such_event")


def test_a_failing_hook_is_isolated(site):
    community = site.community("קהילה")

    class Exploding:
        @staticmethod
        def kehilot_community_published(community):
            raise RuntimeError("boom")

    from plugins.api import hookimpl

    Exploding.kehilot_community_published = hookimpl(
        Exploding.kehilot_community_published
    )
    with registry.temporarily("exploding"):
        manager.register(Exploding, name="exploding")
        try:
            emit("community_published", community=community, user=None)
        finally:
            manager.unregister(name="exploding")
    assert ("community_published", community.pk) in dummy_hooks.received


def test_periodic_task_joins_beat_schedule():
    from cms.celery import add_plugin_schedules, app

    add_plugin_schedules(app)
    entry = app.conf.beat_schedule["testdummy:count-notes"]
    assert entry["task"] == "testdummy.count_notes" and entry["schedule"] == 3600
    from tests.testdummy_plugin.tasks import count_notes

    DummyNote.objects.create(title="one")
    assert count_notes.delay().get() == 1


def test_snippet_admin_and_menu_item(client):
    admin = User.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    assert "Dummy notes" in client.get("/admin/").content.decode()
    assert client.get("/admin/snippets/testdummy/dummynote/").status_code == 200


def test_registrations_are_temporary_and_duplicates_fail():
    before = {k: list(v) for k, v in registry.template_slots.items()}
    with registry.temporarily("temp"):
        slot = TemplateSlot("site_banner", render=lambda context, **kw: "x")
        registry.register_template_slot("temp", slot)
        with pytest.raises(RegistryError):
            registry.register_template_slot("temp", slot)
        with pytest.raises(RegistryError):
            registry.register_template_slot("temp", TemplateSlot("nowhere", render=str))
        with pytest.raises(RegistryError):
            registry.register_search_document(
                "temp", SearchDocument("testdummy.DummyNote")
            )
        registry.register_api_router("temp", object())
    assert {k: list(v) for k, v in registry.template_slots.items()} == before
    assert "temp" not in registry.api_routers and "temp" not in registry.plugins


def test_slot_rendering_costs_no_queries_once_warm(client, site):
    community = site.community("קהילה")
    client.get(community.url)
    from plugins.slots import render_slot

    with CaptureQueriesContext(connection) as captured:
        render_slot("site_banner", {"request": None}, page=community)
    assert len(captured) == 0


def test_plugin_page_type_can_live_in_a_community(site):
    from tests.testdummy_plugin.models import DummyPage

    community = site.community("קהילה")
    assert DummyPage in community.specific_class.allowed_subpage_models()
    assert DummyPage not in type(site.home).allowed_subpage_models()


def test_plugin_writes_need_csrf_with_a_session(site):
    from django.test import Client
    from wagtail.models import APIToken

    user = User.objects.create_user("writer", "w@example.org", "pw")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    url = "/api/v3/plugins/testdummy/notes/"
    refused = browser.post(url, {"title": "x"}, content_type="application/json")
    assert refused.status_code == 403
    assert not DummyNote.objects.exists()
    anonymous = Client().post(url, {"title": "x"}, content_type="application/json")
    assert anonymous.status_code == 401
    _, token = APIToken.create_token(user=user, name="writer")
    created = Client().post(
        url,
        {"title": "from a token"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert created.status_code == 201
    assert DummyNote.objects.get().author == user


def test_a_switch_set_through_a_translation_is_stored_on_the_community(site):
    community = site.community("קהילה", english="Community")
    english = community.get_translation(site.home_en.locale)
    PluginActivation.objects.create(label="testdummy", community=english, enabled=False)
    row = PluginActivation.objects.get()
    assert row.community_id == community.pk
    from plugins.activation import is_active

    assert not is_active("testdummy", community) and not is_active("testdummy", english)
