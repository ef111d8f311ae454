"""One view of the plugins for ``manage.py plugins`` and the admin screen."""

from __future__ import annotations

from typing import Any

from django.apps import apps

from plugins.activation import activation_map
from plugins.registry import registry
from plugins.slots import last_failure


def display_name(record) -> str:
    """The installed app's (translated) name; discovery kept only source text."""
    try:
        return str(apps.get_app_config(record.label).verbose_name)
    except LookupError:  # not installed: skipped at start-up
        return record.verbose_name


def plugin_rows() -> list[dict[str, Any]]:
    """Label, version, status, network switch, source, reason (or last error)."""
    if not registry.plugins:
        registry.load_reports()
    try:
        switches = activation_map()
    except Exception:  # noqa: BLE001 - e.g. before migrate: report without switches
        switches = {}
    rows = []
    for record in sorted(registry.plugins.values(), key=lambda r: r.label):
        failure = last_failure(record.label) if record.status == "active" else None
        network_on = switches.get((record.label, None), True)
        rows.append(
            {
                "label": record.label,
                "name": display_name(record),
                "version": record.version or "-",
                "status": record.status,
                "network": "on" if network_on else "off",
                "source": record.source,
                "reason": record.reason
                or (f"last error: {failure}" if failure else ""),
                "resources": list(record.resources),
            }
        )
    return rows
