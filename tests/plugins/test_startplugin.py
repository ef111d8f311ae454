"""``manage.py startplugin`` and installed plugins found through entry points.

The subprocess tests install the generated plugin and the external fixture
(``tests/fixtures/external_plugin``, ``kehilot-hello``) with ``pip install
--target`` into a temporary directory; with that directory on ``PYTHONPATH``,
``importlib.metadata`` finds their ``kehilot.plugins`` entry points, as for any
installed package. The generated plugin's own tests then run in a child pytest
with the project's configuration. Where the environment's setuptools cannot build
wheels by itself (before 70.1, without ``wheel``), pip builds in an isolated
environment, fetching setuptools from the package index.
"""

import json
import os
import shutil
import subprocess
import sys
import tomllib
import uuid
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from packaging.version import Version

from plugins.management.commands.startplugin import (
    last_cms_migration,
    plugin_names,
    requires_core,
)

ROOT = Path(__file__).resolve().parents[2]
EXTERNAL = ROOT / "tests" / "fixtures" / "external_plugin"
CHILD_VARIABLES_TO_DROP = (
    "PYTEST_XDIST_WORKER",
    "PYTEST_XDIST_WORKER_COUNT",
    "PYTEST_XDIST_TESTRUNUID",
    "PYTEST_CURRENT_TEST",
    "PLUGINS",
)


def startplugin(name: str, directory: Path) -> Path:
    call_command("startplugin", name, dir=str(directory), stdout=open(os.devnull, "w"))
    return directory / f"kehilot-{name}"


# --- the generator, in process -------------------------------------------------------
def test_names_and_core_requirement():
    assert plugin_names("book-club") == {
        "name": "book-club",
        "label": "book_club",
        "api_slug": "book-club",
        "package": "kehilot_book_club",
        "dist": "kehilot-book-club",
        "camel": "BookClub",
        "model": "BookClubItem",
        "model_lower": "bookclubitem",
        "title": "Book club",
    }
    assert requires_core("0.1.0") == ">=0.1,<1.0"
    assert requires_core("1.4.2") == ">=1.4,<2.0"


def test_generates_a_complete_package(tmp_path):
    target = startplugin("book-club", tmp_path)
    package = target / "kehilot_book_club"
    expected = {
        "pyproject.toml",
        "README.md",
        ".gitignore",
        "kehilot_book_club/__init__.py",
        "kehilot_book_club/apps.py",
        "kehilot_book_club/models.py",
        "kehilot_book_club/migrations/__init__.py",
        "kehilot_book_club/migrations/0001_initial.py",
        "kehilot_book_club/api.py",
        "kehilot_book_club/template_content.py",
        "kehilot_book_club/templates/kehilot_book_club/sidebar.html",
        "kehilot_book_club/search_indexes.py",
        "kehilot_book_club/wagtail_hooks.py",
        "kehilot_book_club/hooks.py",
        "kehilot_book_club/tests/__init__.py",
        "kehilot_book_club/tests/conftest.py",
        "kehilot_book_club/tests/test_plugin.py",
    }
    files = {str(p.relative_to(target)) for p in target.rglob("*") if p.is_file()}
    assert files == expected
    for path in target.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "${" not in text, path
            if path.suffix == ".py":
                compile(text, str(path), "exec")

    project = tomllib.loads((target / "pyproject.toml").read_text())["project"]
    assert project["name"] == "kehilot-book-club"
    assert project["entry-points"]["kehilot.plugins"] == {
        "book-club": "kehilot_book_club"
    }
    apps_py = (package / "apps.py").read_text()
    assert 'label = "book_club"' in apps_py
    assert 'version = "0.1.0"' in apps_py
    assert f'requires_core = "{requires_core()}"' in apps_py
    migration = (package / "migrations" / "0001_initial.py").read_text()
    assert f'("cms", "{last_cms_migration()}")' in migration


@pytest.mark.parametrize(
    "name", ["Book", "1club", "book--club", "book_", "book-", "bo ok", "x" * 41]
)
def test_refuses_invalid_names(tmp_path, name):
    with pytest.raises(CommandError, match="not a valid plugin name"):
        startplugin(name, tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["cms", "plugins", "wagtailcore", "testdummy"])
def test_refuses_labels_of_installed_apps_and_plugins(tmp_path, name):
    with pytest.raises(CommandError, match=f"label '{name}' is already used"):
        startplugin(name, tmp_path)


def test_refuses_keywords_and_importable_packages(tmp_path, monkeypatch):
    with pytest.raises(CommandError, match="Python keyword"):
        startplugin("class", tmp_path)
    (tmp_path / "kehilot_taken").mkdir()
    (tmp_path / "kehilot_taken" / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(CommandError, match="'kehilot_taken' is already importable"):
        startplugin("taken", tmp_path / "kehilot_taken")


def test_refuses_an_existing_directory(tmp_path):
    (tmp_path / "kehilot-club").mkdir()
    with pytest.raises(CommandError, match="already exists"):
        startplugin("club", tmp_path)
    with pytest.raises(CommandError, match="not a directory"):
        startplugin("club", tmp_path / "missing")


# --- installed packages, in subprocesses ---------------------------------------------
def _build_flags() -> list[str]:
    """Build with the environment's setuptools when it can make wheels alone."""
    try:
        setuptools = Version(version("setuptools"))
    except PackageNotFoundError:
        return []
    try:
        version("wheel")
        has_wheel = True
    except PackageNotFoundError:
        has_wheel = False
    if setuptools >= Version("70.1") or (setuptools >= Version("64") and has_wheel):
        return ["--no-build-isolation"]
    return []


def _child_env(site: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in CHILD_VARIABLES_TO_DROP}
    paths = [str(site), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(path for path in paths if path)
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    url = env.get("DATABASE_URL", "")
    if url and not url.startswith("sqlite"):
        # The child's pytest creates test_<name>: never the parent's test database.
        name = f"/kehilot_plugin_{uuid.uuid4().hex[:10]}"
        env["DATABASE_URL"] = urlsplit(url)._replace(path=name).geturl()
    return env


def _run(args: list[str], env: dict[str, str], timeout: int = 180):
    return subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The generated ``kehilot-book-club`` and ``kehilot-hello``, pip-installed."""
    base = tmp_path_factory.mktemp("installed-plugins")
    generated = startplugin("book-club", base)
    external = base / "kehilot-hello"
    shutil.copytree(  # built in a copy: pip leaves build/ and *.egg-info behind
        EXTERNAL,
        external,
        ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"),
    )
    site = base / "site"
    result = _run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
        + ["--disable-pip-version-check", "--target", str(site), *_build_flags()]
        + [str(generated), str(external)],
        env=dict(os.environ),
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    return SimpleNamespace(site=site, generated=generated)


def test_generated_plugin_tests_pass_once_installed(installed):
    result = _run(
        [sys.executable, "-m", "pytest", "--pyargs", "kehilot_book_club", "-q"]
        + ["-p", "no:cacheprovider", "-c", str(ROOT / "pyproject.toml")]
        + ["--rootdir", str(ROOT)],
        env=_child_env(installed.site),
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-5000:]
    assert "12 passed" in output, output[-2000:]
    assert "PluginWarning" not in output


def test_installed_plugins_are_active_through_their_entry_points(installed):
    result = _run(
        [sys.executable, "manage.py", "plugins", "--json"],
        env=_child_env(installed.site),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    rows = {row["label"]: row for row in json.loads(result.stdout)}
    assert rows["book_club"]["status"] == "active"
    assert rows["book_club"]["source"] == "entry point of kehilot-book-club"
    assert rows["book_club"]["version"] == "0.1.0"
    assert set(rows["book_club"]["resources"]) == {
        "api_router",
        "template_slots",
        "search_documents",
        "hooks",
    }
    assert rows["hello"]["status"] == "active"
    assert rows["hello"]["source"] == "entry point of kehilot-hello"
    assert rows["testdummy"]["source"] == "settings"


def test_installed_plugins_serve_on_a_booted_site(installed):
    """Production-like boot (dev settings, no PLUGINS): migrate, pages, API."""
    env = {
        **_child_env(installed.site),
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": "sqlite:///:memory:",
        "REDIS_URL": "",
        "CELERY_BROKER_URL": "",
    }
    result = _run([sys.executable, "tests/plugins/site_probe.py"], env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["status"] == {
        "home": 200,
        "community": 200,
        "healthz": 200,
        "openapi": 200,
    }
    rows = {row["label"]: row for row in probe["plugins"]}
    assert {rows["book_club"]["status"], rows["hello"]["status"]} == {"active"}
    assert "testdummy" not in rows
    html = probe["community_html"]
    assert '<p class="hello-plugin">Hello from an installed package · ' in html
    assert 'class="panel kehilot_book_club-sidebar"' in html
    assert "/api/v3/plugins/hello/greeting/" in probe["openapi_paths"]
    assert "/api/v3/plugins/book-club/items/" in probe["openapi_paths"]
    assert "/api/v3/plugins/book-club/items/{item_id}/" in probe["openapi_paths"]
