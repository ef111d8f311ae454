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
