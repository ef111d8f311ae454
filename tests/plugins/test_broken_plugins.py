"""Each kind of broken plugin leaves the site up and reports the right status."""

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from plugins.loading import PluginWarning, discover_plugins

ROOT = Path(__file__).resolve().parents[2]
BROKEN = "tests.broken_plugins."


def test_discovery_reports_each_failure_without_raising():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        discovery = discover_plugins(
            [
                BROKEN + name
                for name in (
                    "import_error",
                    "incompatible",
                    "missing_setting",
                    "raising_ready",
                )
            ]
            + ["tests.testdummy_plugin", "tests.broken_plugins.does_not_exist"],
            exclude=[],
            plugins_config={"testdummy": {}},
            core_version="0.1.0",
        )
    by_label = {report.label: report for report in discovery.reports}
    assert by_label["import_error"].status == "broken"
    assert "kehilot_module_that_does_not_exist" in by_label["import_error"].reason
    assert by_label["does_not_exist"].status == "broken"
    assert by_label["incompatible"].status == "incompatible"
    assert ">=99.0" in by_label["incompatible"].reason
    assert by_label["missing_setting"].status == "broken"
    assert "api_key" in by_label["missing_setting"].reason
    # Import and checks are fine; its ready() only runs once Django starts.
    assert by_label["raising_ready"].status == "active"
    assert by_label["testdummy"].settings["greeting"] == "שלום"
    assert discovery.app_paths == [
        "tests.broken_plugins.raising_ready.apps.RaisingReadyConfig",
        "tests.testdummy_plugin.apps.TestDummyPluginConfig",
    ]
    skipped = {
        str(w.message).split("'")[1] for w in caught if w.category is PluginWarning
    }
    assert skipped == {
        "import_error",
        "incompatible",
        "missing_setting",
        "does_not_exist",
    }


def test_exclude_by_label_or_path_disables():
    discovery = discover_plugins(
        ["tests.testdummy_plugin"], exclude=["testdummy"], plugins_config={}
    )
    assert discovery.app_paths == []
    assert discovery.reports[0].status == "disabled"


def test_invalid_settings_value_is_reported():
    from tests.testdummy_plugin.apps import TestDummyPluginConfig

    def reject(cls, config):
        if not config["greeting"].strip():
            raise ValueError("greeting must not be empty")

    original = TestDummyPluginConfig.__dict__.get("validate_settings")
    TestDummyPluginConfig.validate_settings = classmethod(reject)
    try:
        with pytest.warns(PluginWarning, match="greeting must not be empty"):
            discovery = discover_plugins(
                ["tests.testdummy_plugin"], [], {"testdummy": {"greeting": " "}}
            )
    finally:
        if original is None:
            del TestDummyPluginConfig.validate_settings
        else:
            TestDummyPluginConfig.validate_settings = original
    assert discovery.reports[0].status == "broken"
    assert "greeting must not be empty" in discovery.reports[0].reason


def run_probe(*plugins: str) -> dict:
    env = {
        **os.environ,
        "PLUGINS": ",".join(plugins),
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": "sqlite:///:memory:",
        "REDIS_URL": "",
        "CELERY_BROKER_URL": "",
    }
    result = subprocess.run(
        [sys.executable, "tests/plugins/site_probe.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_site_serves_with_every_kind_of_broken_plugin():
    probe = run_probe(
        "tests.testdummy_plugin",
        *(
            BROKEN + name
            for name in (
                "import_error",
                "raising_ready",
                "incompatible",
                "missing_setting",
                "unknown_hook",
                "raising_slot",
            )
        ),
    )
    assert probe["status"] == {
        "home": 200,
        "community": 200,
        "healthz": 200,
        "openapi": 200,
    }
    rows = {row["label"]: row for row in probe["plugins"]}
    assert rows["testdummy"]["status"] == "active"
    assert rows["import_error"]["status"] == "broken"
    assert rows["incompatible"]["status"] == "incompatible"
    assert rows["missing_setting"]["status"] == "broken"
    assert rows["raising_ready"]["status"] == "broken"
    assert "cannot reach the payment provider" in rows["raising_ready"]["reason"]
    assert rows["unknown_hook"]["status"] == "broken"
    assert "kehilot_member_left" in rows["unknown_hook"]["reason"]
    # A slot that raises renders nothing; the plugin stays on, its error is shown.
    assert rows["raising_slot"]["status"] == "active"
    assert "ZeroDivisionError" in rows["raising_slot"]["reason"]
    html = probe["community_html"]
    assert "dummy-sidebar" in html  # the working plugin still renders
    assert "never shown" not in html  # the broken one registered nothing


def test_manage_py_plugins_lists_statuses():
    env = {
        **os.environ,
        "PLUGINS": f"tests.testdummy_plugin,{BROKEN}incompatible",
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "plugins"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["LABEL", "VERSION", "STATUS"]
    assert any(line.split()[:3] == ["testdummy", "1.2.3", "active"] for line in lines)
    assert any(
        line.split()[:3] == ["incompatible", "3.0", "incompatible"] for line in lines
    )
