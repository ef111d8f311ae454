"""plugins.testing: the contract holds for the dummy plugin and catches breaches."""

import pytest
from django.utils.html import format_html

from plugins.api import TemplateSlot
from plugins.registry import registry
from plugins.testing import (
    PluginContract,
    assert_plugin_contract,
    build_site,
    check_api,
    check_discovered,
    check_hooks,
    check_slots,
    forbidden_imports,
    plugin_switched_off,
    render_plugin_slot,
    switch_plugin,
)


class TestDummyPluginContract(PluginContract):
    label = "testdummy"


@pytest.mark.django_db
def test_assert_plugin_contract_in_one_call(client):
    assert_plugin_contract("testdummy", client=client)


def test_import_scan_flags_kehilot_internals(tmp_path):
    package = tmp_path / "kehilot_sneaky"
    package.mkdir()
    (package / "ok.py").write_text(
        "from plugins.api import hookimpl\n"
        "import plugins.api\n"
        "from plugins import api\n"
        "from plugins.testing import plugin_site\n"
        "from kehilot_sneaky.models import Thing\n"
        "from . import models\n"
        "import cmsish\n"
    )
    (package / "bad.py").write_text(
        "from cms.models import CommunityPage\n"
        "import forum.models\n"
        "from plugins import registry\n"
        "from plugins.registry import registry\n"
        "def late():\n"
        "    from search.backends import x\n"
    )
    assert forbidden_imports(package, "kehilot_sneaky") == [
        "bad.py:1 imports cms.models",
        "bad.py:1 imports cms.models.CommunityPage",
        "bad.py:2 imports forum.models",
        "bad.py:3 imports plugins.registry",
        "bad.py:4 imports plugins.registry",
        "bad.py:4 imports plugins.registry.registry",
        "bad.py:6 imports search.backends",
        "bad.py:6 imports search.backends.x",
    ]


@pytest.mark.django_db
def test_contract_rejects_unknown_and_switched_off_plugins():
    with pytest.raises(AssertionError, match="was not discovered"):
        check_discovered("no_such_plugin")
    with plugin_switched_off("testdummy"):
        with pytest.raises(AssertionError, match="switched off"):
            check_discovered("testdummy")
    check_discovered("testdummy")


def test_contract_flags_hooks_without_hookimpl():
    from plugins.hookspecs import manager

    class Forgetful:
        @staticmethod
        def kehilot_member_joined(membership):
            """No @hookimpl: pluggy would ignore it silently."""

    with registry.temporarily("forgetful"):
        manager.register(Forgetful, name="forgetful")
        try:
            with pytest.raises(AssertionError, match="not registered"):
                check_hooks("forgetful")
        finally:
            manager.unregister(name="forgetful")


@pytest.mark.django_db
def test_contract_catches_a_raising_slot(client):
    community = build_site().community("קהילה")

    def explode(context, page=None, **kwargs):
        raise RuntimeError("slot bug")

    with registry.temporarily("exploding"):
        registry.register_template_slot(
            "exploding", TemplateSlot("community_sidebar", render=explode)
        )
        with pytest.raises(RuntimeError, match="slot bug"):
            check_slots("exploding", community, client)


@pytest.mark.django_db
def test_switch_helpers_and_slot_rendering(plugin_site_builder):
    community = plugin_site_builder.community("קהילה", english="Community")
    english = community.get_translation(plugin_site_builder.home_en.locale)

    def stamp(context, page=None, **kwargs):
        return format_html('<p class="stamp">{}</p>', page.title)

    with registry.temporarily("stamp"):
        registry.register_template_slot(
            "stamp", TemplateSlot("community_sidebar", render=stamp)
        )
        html = render_plugin_slot("community_sidebar", community)
        assert "stamp" in html and "dummy-sidebar" in html  # every plugin's
        assert render_plugin_slot("community_sidebar", community, label="stamp") == (
            '<p class="stamp">קהילה</p>'
        )
        with plugin_switched_off("stamp", community):
            assert "stamp" not in render_plugin_slot("community_sidebar", community)
            assert render_plugin_slot("community_sidebar", english, label="stamp") == ""
        assert "Community" in render_plugin_slot(
            "community_sidebar", english, label="stamp"
        )
        switch_plugin("stamp", False)
        assert render_plugin_slot("community_sidebar", community, label="stamp") == ""
        assert "dummy-sidebar" in render_plugin_slot("community_sidebar", community)


@pytest.fixture
def plugin_site_builder(db):
    return build_site()


@pytest.mark.django_db
def test_api_check_requests_every_get(client):
    assert sorted(check_api("testdummy", client)) == [
        "/api/v3/plugins/testdummy/greeting/",
        "/api/v3/plugins/testdummy/notes/",
    ]


def test_slot_templates_get_the_plugin_settings(monkeypatch):
    seen = {}

    def render_to_string(template, values, request):
        seen.update(values, template=template)
        return ""

    monkeypatch.setattr("plugins.types.render_to_string", render_to_string)
    slot = TemplateSlot("community_sidebar", template="x.html").bound_to("testdummy")
    slot.to_html({"request": None}, page="p")
    assert seen["template"] == "x.html" and seen["page"] == "p"
    assert seen["plugin_settings"]["greeting"] == "shalom from settings"
