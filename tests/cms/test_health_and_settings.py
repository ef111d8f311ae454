"""/healthz, robots.txt, sitemap.xml, and production settings (check --deploy)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from wagtail.models import PageViewRestriction

ROOT = Path(__file__).resolve().parents[2]


def test_healthz_reports_each_component(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker", "search"}
    assert all(check["ok"] for check in body["checks"].values())


def test_healthz_is_503_when_broker_is_down(client, db, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    from cms.celery import app

    app.conf.broker_url = settings.CELERY_BROKER_URL
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = None
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unhealthy"
    assert body["checks"]["broker"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True


def test_robots_txt_points_at_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    text = response.content.decode()
    assert (
        "Disallow: /admin/" in text and "Sitemap: http://testserver/sitemap.xml" in text
    )


def test_sitemap_lists_both_languages_but_no_hidden_pages(client, site):
    public = site.community("גלויה", english="Visible")
    draft = site.community("טיוטה", live=False)
    private = site.community("פרטית")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    hidden = site.community("מוסתרת")
    hidden.noindex = True
    hidden.save_revision().publish()
    client.force_login(User.objects.create_superuser("s", "s@example.org", "pw"))
    xml = client.get("/sitemap.xml").content.decode()
    assert public.url in xml
    assert "/en/" in xml  # the English tree is listed too
    for page in (draft, private, hidden):
        assert f"/{page.slug}/" not in xml


def _production_env(**extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "kehilot.example.org",
        "DATABASE_URL": "sqlite:////tmp/kehilot-deploy-check.sqlite3",
    }
    env.update(extra)
    return env


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "override,expected",
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"SECRET_KEY": "insecure-dev-only-key-never-use-in-production"}, "SECRET_KEY"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_real_values(override, expected):
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=_production_env(**override),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and expected in result.stderr
