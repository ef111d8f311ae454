"""Settings → Plugins: network staff switch plugins for the network or a community."""

import pytest
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from cms.models import MembershipRole
from plugins.models import PluginActivation
from plugins.registry import registry
from plugins.wagtail_hooks import PluginSwitchFormatter
from tests.sitebuilder import role_holder

pytestmark = pytest.mark.django_db

INDEX = "/admin/plugins/"


def network_url(label="testdummy"):
    return f"/admin/plugins/{label}/network/"


def community_url(community, label="testdummy"):
    return f"/admin/plugins/{label}/community/{community.pk}/"


def admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.fixture
def staff(db):
    """Network staff: admin access and the plugin permission, not a superuser.

    The admin speaks English to them so that tests can read its messages.
    """
    user = User.objects.create_user("staff", "staff@example.org", "pw")
    admin_language(user, "en")
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ),
        Permission.objects.get(
            content_type__app_label="plugins", codename="manage_plugins"
        ),
    )
    return user


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def sidebar(html):
    return "dummy-sidebar" in html


def page_html(page):
    """The public page as an anonymous visitor sees it (own client: no messages)."""
    return Client().get(page.url).content.decode()


def test_staff_sees_every_plugin_with_status_and_switches(staff_client, site):
    first = site.community("קהילת גנט", english="Ghent")
    second = site.community("קהילת חיפה")
    response = staff_client.get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-plugin="testdummy"' in html
    assert 'data-plugin-status="active"' in html
    assert "Test dummy plugin" in html and "1.2.3" in html
    assert 'action="/admin/plugins/testdummy/network/"' in html
    assert "csrfmiddlewaretoken" in html
    # One row per community, in the admin's language where the community has it.
    english = first.get_translation(site.home_en.locale)
    # One table per active plugin (the dummy and the first-party plugins).
    assert html.count('data-community="') == 2 * len(registry.plugins)
    assert f'action="{community_url(english)}"' in html and "Ghent" in html
    assert f'action="{community_url(first)}"' not in html
    assert f'action="{community_url(second)}"' in html


def test_hebrew_admin_is_right_to_left(staff_client, staff, site):
    site.community("קהילת גנט", english="Ghent")
    admin_language(staff, "he")
    html = staff_client.get(INDEX).content.decode()
    assert 'lang="he" dir="rtl"' in html
    assert "תוספים" in html and "קהילת גנט" in html and "Ghent" not in html
    staff_client.post(network_url(), {"state": "off"})
    assert "כבוי עכשיו בכל הרשת" in staff_client.get(INDEX).content.decode()


def test_menu_item_only_for_staff(client, staff, site):
    editor = make_editor(site.community("קהילה"))
    client.force_login(staff)
    assert INDEX in client.get("/admin/").content.decode()
    client.force_login(editor)
    assert INDEX not in client.get("/admin/").content.decode()


def test_superuser_has_it_implicitly(client, site):
    client.force_login(User.objects.create_superuser("root", "r@example.org", "pw"))
    assert client.get(INDEX).status_code == 200


def test_network_switch_hides_the_slot_everywhere(staff_client, site):
    community = site.community("קהילה")
    assert sidebar(page_html(community))

    response = staff_client.post(network_url(), {"state": "off"})
    assert response.status_code == 302
    assert response["Location"] == f"{INDEX}#plugin-testdummy"
    row = PluginActivation.objects.get(label="testdummy", community=None)
    assert row.enabled is False
    assert not sidebar(page_html(community))
    html = staff_client.get(INDEX).content.decode()
    assert 'value="on"' in html and "is now off for the whole network" in html

    staff_client.post(network_url(), {"state": "on"})
    assert PluginActivation.objects.get(label="testdummy", community=None).enabled
    assert sidebar(page_html(community))


def test_community_switch_affects_only_that_community(staff_client, site):
    off = site.community("כבויה", english="Off")
    on = site.community("פעילה")
    staff_client.post(community_url(off), {"state": "off"})
    assert not sidebar(page_html(off))
    assert not sidebar(page_html(off.get_translation(site.home_en.locale)))
    assert sidebar(page_html(on))
    html = staff_client.get(INDEX).content.decode()
    off_en = off.get_translation(site.home_en.locale)
    assert f'data-community="{off_en.pk}" data-state="off"' in html
    assert f'data-community="{on.pk}" data-state="network"' in html


def test_follow_the_network_deletes_the_community_row(staff_client, site):
    community = site.community("קהילה")
    staff_client.post(network_url(), {"state": "off"})
    staff_client.post(community_url(community), {"state": "on"})
    assert sidebar(page_html(community))  # the community wins

    staff_client.post(community_url(community), {"state": "network"})
    assert not PluginActivation.objects.filter(community=community).exists()
    assert not sidebar(page_html(community))  # follows the network: off


def test_a_translation_switches_the_same_community(staff_client, site):
    community = site.community("קהילה", english="Community")
    english = community.get_translation(site.home_en.locale)
    staff_client.post(community_url(community), {"state": "off"})
    staff_client.post(community_url(english), {"state": "on"})
    rows = PluginActivation.objects.exclude(community=None)
    # One row, on the source-language community, whichever translation was used.
    assert list(rows.values_list("community", "enabled")) == [(community.pk, True)]
    staff_client.post(community_url(community), {"state": "network"})
    assert not rows.exists()


def test_changes_are_logged(staff_client, staff, site):
    community = site.community("קהילה")
    staff_client.post(community_url(community), {"state": "off"})
    entry = ModelLogEntry.objects.get(action="plugins.switch")
    assert entry.user == staff and entry.data["state"] == "off"
    with translation.override("en"):
        message = PluginSwitchFormatter().format_message(entry)
    assert message == (
        f"“\u2068Test dummy plugin\u2069” is now off for \u2068{community.title}\u2069."
    )
    # Staff read it in the site history report, in their own language.
    history = staff_client.get("/admin/reports/site-history/").content.decode()
    assert message in history


@pytest.mark.parametrize(
    "url,data,status",
    [
        ("/admin/plugins/nosuch/network/", {"state": "off"}, 404),
        ("/admin/plugins/testdummy/network/", {"state": "maybe"}, 400),
        ("/admin/plugins/testdummy/network/", {"state": "network"}, 400),
        ("/admin/plugins/testdummy/network/", {}, 400),
        ("/admin/plugins/nosuch/community/{pk}/", {"state": "off"}, 404),
        ("/admin/plugins/testdummy/community/999999/", {"state": "off"}, 404),
        ("/admin/plugins/testdummy/community/{index}/", {"state": "off"}, 404),
        ("/admin/plugins/testdummy/community/{pk}/", {"state": "of"}, 400),
    ],
)
def test_bad_input_changes_nothing(staff_client, site, url, data, status):
    community = site.community("קהילה")
    url = url.format(pk=community.pk, index=site.communities.pk)
    response = staff_client.post(url, data)
    assert response.status_code == status
    assert "data-plugins-error" in response.content.decode()
    assert not PluginActivation.objects.exists()
    assert not ModelLogEntry.objects.filter(action="plugins.switch").exists()


def test_switches_need_the_csrf_token(staff, site):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    assert client.post(network_url(), {"state": "off"}).status_code == 403
    assert not PluginActivation.objects.exists()


def test_switches_accept_post_only(staff_client, site):
    community = site.community("קהילה")
    assert staff_client.get(network_url()).status_code == 405
    assert staff_client.get(community_url(community)).status_code == 405


def make_editor(community):
    return role_holder(community, "editor", MembershipRole.EDITOR)


def test_community_editor_is_refused(client, site):
    community = site.community("קהילה")
    editor = make_editor(community)
    client.force_login(editor)
    assert client.get(f"/admin/pages/{community.pk}/edit/").status_code == 200
    assert client.get(INDEX).status_code == 403
    assert client.post(network_url(), {"state": "off"}).status_code == 403
    assert client.post(community_url(community), {"state": "off"}).status_code == 403
    assert not PluginActivation.objects.exists()


def test_anonymous_is_sent_to_sign_in(client, site):
    community = site.community("קהילה")
    for response in (
        client.get(INDEX),
        client.post(community_url(community), {"state": "off"}),
    ):
        assert response.status_code == 302
        assert "login" in response["Location"]
    assert not PluginActivation.objects.exists()


def count_list_queries(client) -> int:
    client.get(INDEX)  # warm: session, permissions, menu
    with CaptureQueriesContext(connection) as captured:
        assert client.get(INDEX).status_code == 200
    return len(captured)


def test_query_count_does_not_grow_with_communities(staff_client, site):
    n = 3
    communities = [site.community(f"קהילה {i}", english=f"C {i}") for i in range(n)]
    staff_client.post(community_url(communities[0]), {"state": "off"})
    at_n = count_list_queries(staff_client)
    more = [site.community(f"עוד {i}", english=f"More {i}") for i in range(n)]
    staff_client.post(community_url(more[0]), {"state": "on"})
    staff_client.post(network_url(), {"state": "off"})
    at_2n = count_list_queries(staff_client)
    html = staff_client.get(INDEX).content.decode()
    assert html.count('data-community="') == 2 * n * len(registry.plugins)
    assert at_n == at_2n, (at_n, at_2n)
