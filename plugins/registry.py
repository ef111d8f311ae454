"""The registry: a fixed set of stores, each entry tagged with its plugin.

Stores (NetBox's ``registry``): ``plugins`` (one ``PluginRecord`` per discovered
plugin), ``api_routers``, ``template_slots``, ``search_documents``,
``periodic_tasks``; hook implementations live in the pluggy manager
(``plugins.hookspecs``). Registering a duplicate raises ``RegistryError``.
Tests use ``registry.temporarily(...)`` so nothing leaks between them.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.dispatch import Signal

from plugins.types import PeriodicTask, SearchDocument, TemplateSlot

logger = logging.getLogger("plugins")

STORES = ("api_routers", "template_slots", "search_documents", "periodic_tasks")


#: Sent with ``document`` when a search document is registered, so the search
#: connects its receivers for that model (plugins become ready after ``search``).
search_document_registered = Signal()


class RegistryError(Exception):
    """A registration that would make the registry ambiguous."""


@dataclass
class PluginRecord:
    label: str
    verbose_name: str
    version: str
    status: str
    reason: str = ""
    source: str = ""
    path: str = ""
    settings: dict[str, Any] = field(default_factory=dict)
    resources: list[str] = field(default_factory=list)


class Registry:
    def __init__(self) -> None:
        self.plugins: dict[str, PluginRecord] = {}
        self.api_routers: dict[str, Any] = {}
        self.template_slots: dict[str, list[TemplateSlot]] = {}
        self.search_documents: dict[str, SearchDocument] = {}
        self.periodic_tasks: dict[str, PeriodicTask] = {}
        self._loaded: set[str] = set()

    # --- plugins ---------------------------------------------------------------
    def load_reports(self) -> None:
        """Record what discovery (run by settings) found, once per process."""
        discovery = getattr(settings, "PLUGIN_DISCOVERY", None)
        for report in discovery.reports if discovery else []:
            self.plugins.setdefault(
                report.label,
                PluginRecord(
                    label=report.label,
                    verbose_name=report.verbose_name,
                    version=report.version,
                    status=report.status,
                    reason=report.reason,
                    source=report.source,
                    path=report.path,
                    settings=report.settings,
                ),
            )

    def settings_for(self, label: str) -> dict[str, Any]:
        record = self.plugins.get(label)
        return dict(record.settings) if record else {}

    def active_labels(self) -> list[str]:
        return [label for label, r in self.plugins.items() if r.status == "active"]

    def mark_broken(
        self,
        label: str,
        reason: str,
        error: BaseException | None = None,
        app_name: str = "",
    ):
        """Take a plugin out of service: drop everything it registered."""
        logger.error("Kehilot plugin %r is broken: %s", label, reason, exc_info=error)
        record = self.plugins.get(label)
        if record is None:
            record = self.plugins[label] = PluginRecord(label, label, "", "broken")
        record.status, record.reason = "broken", reason
        self.unregister_plugin(label)
        from plugins.hookspecs import unregister_hooks

        unregister_hooks(label)
        if app_name:
            from plugins.admin_hooks import drop_admin_hooks

            drop_admin_hooks(app_name)

    # --- resources -------------------------------------------------------------
    def load_resources(self, app_config) -> None:
        """Import the plugin's conventional modules and register what they offer."""
        from plugins.base import RESOURCE_MODULES
        from plugins.hookspecs import register_hooks

        label = app_config.label
        if label not in self.plugins:
            self.load_reports()
        if label in self._loaded:
            return  # a ready() that called super().ready()
        self._loaded.add(label)
        record = self.plugins.get(label)
        if record is None or record.status != "active":
            return
        try:
            for resource, (module_name, attribute) in RESOURCE_MODULES.items():
                module_path = f"{app_config.name}.{module_name}"
                try:
                    module = importlib.import_module(module_path)
                except ModuleNotFoundError as error:
                    if error.name == module_path:
                        continue  # the plugin does not offer this resource
                    raise
                if resource == "hooks":
                    register_hooks(label, module)
                else:
                    self._register_resource(label, resource, getattr(module, attribute))
                record.resources.append(resource)
        except Exception as error:  # noqa: BLE001
            self.mark_broken(label, f"loading its resources failed: {error!r}", error)

    def _register_resource(self, label: str, resource: str, value: Any) -> None:
        if resource == "api_router":
            self.register_api_router(label, value)
        elif resource == "template_slots":
            for slot in value:
                self.register_template_slot(label, slot)
        elif resource == "search_documents":
            for document in value:
                self.register_search_document(label, document)
        elif resource == "periodic_tasks":
            for task in value:
                self.register_periodic_task(label, task)

    # --- stores ----------------------------------------------------------------
    def register_api_router(self, label: str, router: Any) -> None:
        if label in self.api_routers:
            raise RegistryError(f"plugin {label!r} already has an API router")
        self.api_routers[label] = router

    def register_template_slot(self, label: str, slot: TemplateSlot) -> None:
        from plugins.slots import RESERVED_SLOTS

        if slot.name not in RESERVED_SLOTS:
            raise RegistryError(
                f"unknown template slot {slot.name!r}; known: {sorted(RESERVED_SLOTS)}"
            )
        entries = self.template_slots.setdefault(slot.name, [])
        if any(e.plugin == label and e.key == slot.key for e in entries):
            raise RegistryError(f"{label!r} registered slot {slot.key!r} twice")
        entries.append(slot.bound_to(label))
        entries.sort(key=lambda entry: (entry.order, entry.plugin))

    def register_search_document(self, label: str, document: SearchDocument) -> None:
        key = document.model_label
        if key in self.search_documents:
            raise RegistryError(f"a search document for {key} is already registered")
        self.search_documents[key] = document.bound_to(label)
        search_document_registered.send(sender=Registry, document=document)

    def register_periodic_task(self, label: str, task: PeriodicTask) -> None:
        name = f"{label}:{task.name}"
        if name in self.periodic_tasks:
            raise RegistryError(f"periodic task {name!r} registered twice")
        self.periodic_tasks[name] = task.bound_to(label)

    def unregister_plugin(self, label: str) -> None:
        self.api_routers.pop(label, None)
        for name, entries in self.template_slots.items():
            self.template_slots[name] = [e for e in entries if e.plugin != label]
        for store in ("search_documents", "periodic_tasks"):
            entries = getattr(self, store)
            for key in [k for k, v in entries.items() if v.plugin == label]:
                del entries[key]

    @contextmanager
    def temporarily(self, label: str = "test") -> Iterator[Registry]:
        """Register for a ``with`` block only, then restore every store.

        Adds an active record for ``label`` if there is none; the block registers
        what it likes through the ``register_*`` methods.
        """
        saved = {store: dict(getattr(self, store)) for store in ("plugins", *STORES)}
        # Slot entries are lists the block appends to: copy those too.
        saved["template_slots"] = {k: list(v) for k, v in self.template_slots.items()}
        self.plugins.setdefault(label, PluginRecord(label, label, "0", "active"))
        try:
            yield self
        finally:
            for store, value in saved.items():
                setattr(self, store, value)


registry = Registry()
