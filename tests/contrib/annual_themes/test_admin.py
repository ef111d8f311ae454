"""Network staff manage themes and theme links in the Wagtail admin."""

import pytest
from django.urls import reverse

from plugins.contrib.annual_themes.models import Theme

from .conftest import make_theme


@pytest.mark.django_db
def test_staff_can_open_the_theme_and_link_screens(admin_client, theme):
    for name in ("theme", "themelink"):
        for view in ("list", "add"):
            url = reverse(f"wagtailsnippets_annual_themes_{name}:{view}")
            assert admin_client.get(url).status_code == 200, url
    edit = reverse("wagtailsnippets_annual_themes_theme:edit", args=[theme.pk])
    assert admin_client.get(edit).status_code == 200


@pytest.mark.django_db
def test_admin_form_refuses_a_second_active_theme(admin_client):
    make_theme(2025, active=True)
    url = reverse("wagtailsnippets_annual_themes_theme:add")
    data = {
        "year": 2026,
        "colour": "#123456",
        "title_he": "נושא",
        "start_date": "2026-01-01",
        "end_date": "2026-12-31",
        "is_active": "on",
        "resources-TOTAL_FORMS": 0,
        "resources-INITIAL_FORMS": 0,
        "resources-MIN_NUM_FORMS": 0,
        "resources-MAX_NUM_FORMS": 1000,
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200  # the form again, with the error
    assert not Theme.objects.filter(year=2026).exists()
    data["is_active"] = ""
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert Theme.objects.get(year=2026).is_active is False


def link_form(theme, kind, **fields):
    return {"theme": theme.pk, "kind": kind, "page": "", "course": "", "topic": ""} | {
        key: str(value) for key, value in fields.items()
    }


@pytest.mark.django_db
def test_staff_tag_a_course_and_a_topic_from_the_link_screen(admin_client, site, theme):
    from django.contrib.contenttypes.models import ContentType

    from plugins.contrib.annual_themes.models import ThemeLink

    from .objects import community_forum, hosted_course, topic_in

    community = site.community("קהילה")
    course = hosted_course("tagged", community)
    topic = topic_in(community_forum(community), "דיון מתויג")
    url = reverse("wagtailsnippets_annual_themes_themelink:add")
    assert "course" in admin_client.get(url).content.decode()
    response = admin_client.post(url, link_form(theme, "course", course=course.pk))
    assert response.status_code == 302
    response = admin_client.post(url, link_form(theme, "topic", topic=topic.pk))
    assert response.status_code == 302
    targets = {
        (link.content_type.model, link.object_id, link.page_id)
        for link in ThemeLink.objects.all()
    }
    assert targets == {("course", course.pk, None), ("topic", topic.pk, None)}
    link = ThemeLink.objects.get(content_type=ContentType.objects.get_for_model(topic))
    edit = reverse("wagtailsnippets_annual_themes_themelink:edit", args=[link.pk])
    html = admin_client.get(edit).content.decode()
    assert f'value="{topic.pk}"' in html
    listing = admin_client.get(reverse("wagtailsnippets_annual_themes_themelink:list"))
    assert "דיון מתויג" in listing.content.decode()


@pytest.mark.django_db
def test_link_form_refuses_unknown_missing_and_duplicate_targets(
    admin_client, site, theme
):
    from plugins.contrib.annual_themes.models import ThemeLink

    from .conftest import community_news, link
    from .objects import hosted_course, link_object

    community = site.community("קהילה")
    course = hosted_course("twice", community)
    link_object(theme, course)
    page = community_news(site, community, "חדשה")
    link(theme, page)
    url = reverse("wagtailsnippets_annual_themes_themelink:add")
    cases = [
        (link_form(theme, "topic", topic=987654), "אין דיון בפורום שמספרו 987654."),
        (link_form(theme, "topic"), "יש להזין את מספר הדיון בפורום."),
        (link_form(theme, "course", course=987654), "course"),
        (link_form(theme, "course"), "יש לבחור קורס הכשרה."),
        (link_form(theme, "page"), "יש לבחור עמוד."),
        (link_form(theme, "course", course=course.pk), "כבר מתויג בנושא הזה"),
        (link_form(theme, "page", page=page.pk), "כבר מתויג בנושא הזה"),
    ]
    for data, error in cases:  # the admin speaks Hebrew, the site's language
        response = admin_client.post(url, data)
        assert response.status_code == 200, data
        html = response.content.decode()
        assert error in html or error in response.context["form"].errors, data
    assert ThemeLink.objects.count() == 2


@pytest.mark.django_db
def test_editors_tag_a_news_page_from_its_editor(admin_client, site, theme):
    from plugins.contrib.annual_themes.models import ThemeLink

    from .conftest import community_news

    news = community_news(site, site.community("קהילה"), "ערב נוער")
    edit = reverse("wagtailadmin_pages:edit", args=[news.pk])
    assert "data-annual-theme-tag" in admin_client.get(edit).content.decode()
    tag = reverse("annual_themes_tag_page", args=[news.pk])
    assert admin_client.get(tag).status_code == 405  # POST only
    response = admin_client.post(tag, follow=True)
    assert ThemeLink.objects.filter(theme=theme, page=news).count() == 1
    assert "מתויג בנושא של 2026" in response.content.decode()
    assert "data-annual-theme-tag" not in response.content.decode()
    admin_client.post(tag)  # twice: still one link
    assert ThemeLink.objects.filter(theme=theme, page=news).count() == 1


@pytest.mark.django_db
def test_tagging_from_the_editor_needs_edit_permission_and_csrf(site, theme):
    from django.contrib.auth.models import Permission, User
    from django.test import Client

    from plugins.contrib.annual_themes.models import ThemeLink

    from .conftest import community_news

    news = community_news(site, site.community("קהילה"), "ערב נוער")
    tag = reverse("annual_themes_tag_page", args=[news.pk])
    reader = User.objects.create_user("reader", "reader@example.org", "pw")
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(reader)
    refused = client.post(tag)  # Wagtail answers PermissionDenied with its home
    assert (refused.status_code, refused.get("Location")) in (
        (403, None),
        (302, "/admin/"),
    )
    root = User.objects.create_superuser("root", "root@example.org", "pw")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(root)
    assert strict.post(tag).status_code == 403
    assert not ThemeLink.objects.exists()
