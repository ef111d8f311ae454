"""Emit domain events to plugins, isolating each plugin's failure."""

from __future__ import annotations

import logging
from typing import Any

from plugins.hookspecs import CORE_PREFIX, EVENT_NAMES, manager

logger = logging.getLogger("plugins")


def emit(event: str, **kwargs: Any) -> list[Any]:
    """Call every active plugin's ``kehilot_<event>`` with the arguments it takes.

    Plugins switched off for the event's ``community`` are skipped. Returns the
    non-None results; an implementation that raises is logged and skipped.
    """
    if event not in EVENT_NAMES:
        raise ValueError(f"unknown event {event!r}; known: {', '.join(EVENT_NAMES)}")
    from plugins.activation import is_active

    community = kwargs.get("community")
    results = []
    for impl in getattr(manager.hook, f"kehilot_{event}").get_hookimpls():
        core = impl.plugin_name.startswith(CORE_PREFIX)
        if not core and not is_active(impl.plugin_name, community):
            continue
        try:
            result = impl.function(**{name: kwargs.get(name) for name in impl.argnames})
        except Exception:  # noqa: BLE001 - one plugin never breaks the others
            logger.exception("plugin %r failed handling %s", impl.plugin_name, event)
            continue
        if result is not None:
            results.append(result)
    return results
