"""Keep a plugin's broken ``wagtail_hooks.py`` from taking the admin (or start-up) down.

Wagtail imports every app's ``wagtail_hooks`` during start-up (``wagtail.snippets``
looks for snippet hooks in its ``ready()``), before any plugin's own ``ready()``.
``PluginsConfig.ready()`` runs earlier still and imports each plugin's module
first: one that raises marks the plugin broken and is replaced by an empty module,
so Wagtail's later import finds nothing to register. A plugin that breaks later
(its ``ready()`` raises) has the admin hooks it registered removed.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
from types import ModuleType

from django.apps import apps
from django.utils.module_loading import module_has_submodule

MODULE = "wagtail_hooks"


def preload_admin_hooks() -> None:
    from plugins.base import PluginConfig
    from plugins.registry import registry

    for app in apps.get_app_configs():
        if not isinstance(app, PluginConfig):
            continue
        if not module_has_submodule(app.module, MODULE):
            continue
        module_path = f"{app.name}.{MODULE}"
        try:
            importlib.import_module(module_path)
        except Exception as error:  # noqa: BLE001 - isolate the plugin
            stub = ModuleType(module_path, "Replaced: the plugin's module failed.")
            stub.__spec__ = importlib.machinery.ModuleSpec(module_path, None)
            sys.modules[module_path] = stub
            registry.mark_broken(
                app.label, f"{MODULE}.py failed: {error!r}", error, app_name=app.name
            )


def drop_admin_hooks(app_name: str) -> None:
    """Forget the Wagtail hooks registered by functions of ``app_name``."""
    from wagtail import hooks

    prefix = f"{app_name}."
    for name, entries in list(hooks._hooks.items()):
        hooks._hooks[name] = [
            entry
            for entry in entries
            if not getattr(entry[0], "__module__", "").startswith(prefix)
        ]
