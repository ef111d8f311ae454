"""``PluginConfig``: what a Kehilot plugin declares about itself.

A plugin is a Django app whose ``AppConfig`` subclasses ``PluginConfig`` (NetBox's
pattern). Everything else it offers is found at conventional module paths inside
its package (``RESOURCE_MODULES``), loaded after its ``ready()`` succeeds.

Failure isolation: a subclass's ``ready()`` is wrapped so that an exception marks
the plugin *broken* (logged, listed by ``manage.py plugins``) instead of stopping
the site; so is a resource module that fails to import or register.
"""

from __future__ import annotations

import functools
import logging
from typing import Any, ClassVar

from django.apps import AppConfig

logger = logging.getLogger("plugins")

#: Resource name -> module inside the plugin package, and the attribute read from it.
RESOURCE_MODULES: dict[str, tuple[str, str]] = {
    "api_router": ("api", "router"),
    "template_slots": ("template_content", "template_slots"),
    "search_documents": ("search_indexes", "documents"),
    "periodic_tasks": ("tasks", "periodic_tasks"),
    "hooks": ("hooks", ""),
}


class PluginConfig(AppConfig):
    """Base class of every plugin's ``AppConfig``.

    Class attributes (configuration as data):

    * ``label`` — unique, used in URLs (``/api/v3/plugins/<slug>/``, the label
      with hyphens: ``api_slug``) and settings.
    * ``verbose_name``, ``version``, ``description``, ``author``.
    * ``requires_core`` — a PEP 440 specifier the Kehilot version must satisfy,
      e.g. ``">=0.1,<1.0"``; empty means any.
    * ``default_settings`` — merged under ``settings.PLUGINS_CONFIG[label]``.
    * ``required_settings`` — keys that must be present after merging.

    Override ``validate_settings(config)`` to raise ``ValueError`` on bad values;
    override ``ready()`` as in any app (an exception there marks the plugin broken).
    """

    version: ClassVar[str] = "0.0.0"
    description: ClassVar[str] = ""
    author: ClassVar[str] = ""
    requires_core: ClassVar[str] = ""
    default_settings: ClassVar[dict[str, Any]] = {}
    required_settings: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "ready" in cls.__dict__:
            cls.ready = _isolated_ready(cls.__dict__["ready"])  # type: ignore[method-assign]

    @classmethod
    def validate_settings(cls, config: dict[str, Any]) -> None:
        """Raise ``ValueError`` with a message naming the bad key; default: accept."""

    def ready(self) -> None:
        from plugins.registry import registry

        registry.load_resources(self)

    @property
    def plugin_settings(self) -> dict[str, Any]:
        """This plugin's settings: defaults merged with ``PLUGINS_CONFIG[label]``."""
        from plugins.registry import registry

        return registry.settings_for(self.label)


def _isolated_ready(ready):
    @functools.wraps(ready)
    def wrapper(self: PluginConfig) -> None:
        from plugins.registry import registry

        try:
            ready(self)
        except Exception as error:  # noqa: BLE001 - a broken plugin must not stop the site
            registry.mark_broken(
                self.label, f"ready() raised {error!r}", error, app_name=self.name
            )
            return
        registry.load_resources(self)

    return wrapper


def api_slug(label: str) -> str:
    """The URL segment of a plugin's API: ``annual_themes`` -> ``annual-themes``."""
    return label.replace("_", "-")
