"""Plugin discovery: a pure function that settings call (pretix/NetBox style).

Candidates come from ``settings.PLUGINS`` (dotted paths) and from installed
packages' entry points in the ``kehilot.plugins`` group, minus ``PLUGINS_EXCLUDE``.
Each is imported and checked *before* Django starts: its ``PluginConfig`` must be
importable, satisfy ``requires_core``, and have its required settings. Failures
become reports (skipped with a warning), never exceptions.
"""

from __future__ import annotations

import importlib
import inspect
import warnings
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

ENTRY_POINT_GROUP = "kehilot.plugins"


class PluginWarning(UserWarning):
    """Emitted once per plugin that is skipped at start-up."""


@dataclass(frozen=True)
class PluginReport:
    """What discovery found about one candidate."""

    path: str
    label: str
    status: str  # active | disabled | incompatible | broken
    reason: str = ""
    version: str = ""
    verbose_name: str = ""
    source: str = "settings"  # settings | entry point <dist>
    config_path: str = ""
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Discovery:
    app_paths: list[str]
    reports: list[PluginReport]


def _candidates(explicit: list[str], group: str) -> list[tuple[str, str]]:
    found = [(path, "settings") for path in explicit]
    for entry in entry_points(group=group):
        source = f"entry point of {entry.dist.name if entry.dist else entry.name}"
        found.append((entry.value, source))
    seen, unique = set(), []
    for path, source in found:
        if path not in seen:
            seen.add(path)
            unique.append((path, source))
    return unique


def _find_config_class(path: str):
    """``pkg.apps.Config``, or a package whose ``apps`` module has one PluginConfig."""
    from plugins.base import PluginConfig

    module_path, _, name = path.rpartition(".")
    if module_path:
        try:
            candidate = getattr(importlib.import_module(module_path), name)
        except (ImportError, AttributeError):
            candidate = None
        if inspect.isclass(candidate) and issubclass(candidate, PluginConfig):
            return candidate, path
    apps_module = importlib.import_module(f"{path}.apps")
    classes = [
        obj
        for obj in vars(apps_module).values()
        if inspect.isclass(obj)
        and issubclass(obj, PluginConfig)
        and obj is not PluginConfig
        and obj.__module__ == apps_module.__name__
    ]
    if len(classes) != 1:
        raise ImportError(f"{path}.apps must define exactly one PluginConfig subclass")
    return classes[0], f"{apps_module.__name__}.{classes[0].__name__}"


def _source_text(value: Any, default: str) -> str:
    """``str(value)``, except that a lazy translation (``gettext_lazy``) gives its
    source text: translations cannot load while settings are being read."""
    from django.utils.functional import Promise

    if isinstance(value, Promise):
        args = getattr(value, "_args", ())
        return args[-1] if args and isinstance(args[-1], str) else default
    return str(value) if value else default


def _check(
    config, core_version: str, overrides: dict[str, Any]
) -> tuple[str, str, dict]:
    merged = {**config.default_settings, **overrides}
    if config.requires_core:
        try:
            wanted = SpecifierSet(config.requires_core)
        except InvalidSpecifier:
            return "broken", f"invalid requires_core {config.requires_core!r}", merged
        if Version(core_version) not in wanted:
            return (
                "incompatible",
                f"requires Kehilot {config.requires_core}, this is {core_version}",
                merged,
            )
    missing = [key for key in config.required_settings if key not in merged]
    if missing:
        return (
            "broken",
            f"missing required setting(s) {', '.join(missing)} in "
            f"PLUGINS_CONFIG[{config.label!r}]",
            merged,
        )
    try:
        config.validate_settings(merged)
    except ValueError as error:
        return "broken", f"invalid settings: {error}", merged
    return "active", "", merged


def _examine(
    path: str,
    source: str,
    exclude: list[str],
    taken_labels: set[str],
    plugins_config: dict[str, dict[str, Any]],
    core_version: str,
) -> PluginReport:
    config, config_path = _find_config_class(path)
    label = getattr(config, "label", None) or config.name.rsplit(".", 1)[-1]
    common = {
        "path": path,
        "label": label,
        "version": str(getattr(config, "version", "")),
        "verbose_name": _source_text(getattr(config, "verbose_name", None), label),
        "source": source,
        "config_path": config_path,
    }
    if path in exclude or label in exclude:
        return PluginReport(status="disabled", reason="in PLUGINS_EXCLUDE", **common)
    if label in taken_labels:
        return PluginReport(
            status="broken", reason=f"duplicate plugin label {label!r}", **common
        )
    status, reason, merged = _check(config, core_version, plugins_config.get(label, {}))
    return PluginReport(status=status, reason=reason, settings=merged, **common)


def discover_plugins(
    explicit: list[str],
    exclude: list[str],
    plugins_config: dict[str, dict[str, Any]],
    *,
    core_version: str | None = None,
    group: str = ENTRY_POINT_GROUP,
) -> Discovery:
    """Return the app paths to add to ``INSTALLED_APPS`` and a report per plugin.

    ``exclude`` matches a candidate's path or its label. Never raises for a
    plugin's fault; each skipped plugin also emits a ``PluginWarning``.
    """
    if core_version is None:
        from cms import __version__ as core_version
    app_paths: list[str] = []
    reports: list[PluginReport] = []
    labels: set[str] = set()
    for path, source in _candidates(explicit, group):
        try:
            report = _examine(
                path, source, exclude, labels, plugins_config, core_version
            )
        except Exception as error:  # noqa: BLE001 - report, never crash start-up
            report = PluginReport(
                path,
                path.rsplit(".", 1)[-1],
                "broken",
                f"import failed: {error!r}",
                source=source,
            )
        if report.status == "active":
            labels.add(report.label)
            app_paths.append(report.config_path)
        elif report.status != "disabled":
            warnings.warn(
                f"Kehilot plugin {report.label!r} skipped ({report.status}): "
                f"{report.reason}",
                PluginWarning,
                stacklevel=2,
            )
        reports.append(report)
    return Discovery(app_paths=app_paths, reports=reports)
