"""Named template slots (Discourse plugin outlets, NetBox template extensions).

Core templates reserve slots with ``{% plugin_slot "name" page=page %}``. A renderer
is a callable ``(context, **kwargs) -> str`` registered for a slot name; its output
is concatenated in registration order. A renderer that raises is logged and renders
nothing, so a broken plugin never takes a page down.
"""

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

logger = logging.getLogger(__name__)

#: Slots the core templates reserve; registering for another name fails loudly.
RESERVED_SLOTS = frozenset({"site_banner", "community_sidebar", "community_after_body"})

SlotRenderer = Callable[..., str]
_renderers: dict[str, list[SlotRenderer]] = {name: [] for name in RESERVED_SLOTS}


def register_slot_renderer(slot: str, renderer: SlotRenderer) -> None:
    """Add ``renderer`` to ``slot``. Unknown slot names raise ``KeyError``."""
    if slot not in _renderers:
        raise KeyError(f"Unknown template slot {slot!r}; known: {sorted(_renderers)}")
    if renderer in _renderers[slot]:
        raise ValueError(f"{renderer!r} is already registered for slot {slot!r}")
    _renderers[slot].append(renderer)


@contextmanager
def temporary_slot_renderer(slot: str, renderer: SlotRenderer) -> Iterator[None]:
    """Register ``renderer`` for the duration of a ``with`` block (for tests)."""
    register_slot_renderer(slot, renderer)
    try:
        yield
    finally:
        _renderers[slot].remove(renderer)


def render_slot(slot: str, context, **kwargs) -> SafeString:
    """Render every renderer of ``slot``; escape plain strings, isolate failures."""
    parts = []
    for renderer in _renderers.get(slot, ()):
        try:
            parts.append(conditional_escape(renderer(context, **kwargs)))
        except Exception:
            logger.exception("Template slot %r: renderer %r failed", slot, renderer)
    return mark_safe("".join(parts))
