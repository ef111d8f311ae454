"""Named template slots (Discourse plugin outlets, NetBox template extensions).

Core templates reserve slots with ``{% plugin_slot "name" page=page %}``; plugins
fill them with ``TemplateSlot`` entries (``template_content.py``). A slot renders
the entries of plugins that are on for the page's community, in ``order``. An
entry that raises is logged, remembered as the plugin's last error (shown by
``manage.py plugins``) and renders nothing: a broken plugin never takes a page down.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.core.cache import cache
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from plugins.types import TemplateSlot

logger = logging.getLogger("plugins")

#: Slots the core templates reserve; registering for another name fails loudly.
RESERVED_SLOTS = frozenset({"site_banner", "community_sidebar", "community_after_body"})
LAST_ERROR_KEY = "plugins:last-error:{label}"


def record_failure(label: str, what: str, error: BaseException) -> None:
    message = f"{timezone.now():%Y-%m-%d %H:%M} {what} raised {error!r}"[:500]
    cache.set(LAST_ERROR_KEY.format(label=label), message, 24 * 60 * 60)


def last_failure(label: str) -> str | None:
    return cache.get(LAST_ERROR_KEY.format(label=label))


def render_slot(slot: str, context, **kwargs) -> SafeString:
    """Render ``slot`` for plugins that are on for the page's community."""
    from plugins.activation import is_active
    from plugins.registry import registry

    page = kwargs.get("page")
    parts = []
    for entry in registry.template_slots.get(slot, ()):
        if not is_active(entry.plugin, page):
            continue
        try:
            parts.append(conditional_escape(entry.to_html(context, **kwargs)))
        except Exception as error:  # noqa: BLE001 - isolate the plugin
            logger.exception("plugin %r failed rendering slot %r", entry.plugin, slot)
            record_failure(entry.plugin, f"slot {slot!r}", error)
    return mark_safe("".join(parts))


@contextmanager
def temporary_slot_renderer(
    slot: str, renderer: Callable[..., str], plugin: str = "test-slots"
) -> Iterator[None]:
    """For tests: ``renderer(context, **kwargs)`` fills ``slot`` inside the block."""
    from plugins.registry import registry

    with registry.temporarily(plugin):
        registry.register_template_slot(plugin, TemplateSlot(slot, render=renderer))
        yield
