"""Is a plugin on for a community? One cached map, read by slots, API and search.

The map ``{(label, community translation_key or None): enabled}`` lives in the
Django cache (shared by processes when ``REDIS_URL`` is set) and is memoised in
each process for ``LOCAL_TTL`` seconds, so a slot-heavy page costs no queries;
saving or deleting a ``PluginActivation`` clears it.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from django.core.cache import cache

CACHE_KEY = "plugins:activation-map:v1"
LOCAL_TTL = 2.0
_local: dict[str, Any] = {"at": 0.0, "map": None}


def _load_map() -> dict[tuple[str, uuid.UUID | None], bool]:
    from plugins.models import PluginActivation

    rows = PluginActivation.objects.values_list(
        "label", "community__translation_key", "enabled"
    )
    return {(label, key): enabled for label, key, enabled in rows}


def activation_map() -> dict[tuple[str, uuid.UUID | None], bool]:
    now = time.monotonic()
    if _local["map"] is not None and now - _local["at"] < LOCAL_TTL:
        return _local["map"]
    mapping = cache.get(CACHE_KEY)
    if mapping is None:
        mapping = _load_map()
        cache.set(CACHE_KEY, mapping, 300)
    _local.update(at=now, map=mapping)
    return mapping


def clear() -> None:
    cache.delete(CACHE_KEY)
    _local.update(at=0.0, map=None)


def community_key(community_or_page: Any) -> uuid.UUID | None:
    """The translation key of the community a page belongs to (memoised on it)."""
    from wagtail.models import Page

    if not isinstance(community_or_page, Page):
        return None  # network-wide views (sign-in, 404) have no page
    cached = getattr(community_or_page, "_kehilot_community_key", False)
    if cached is not False:
        return cached
    from cms.models import CommunityPage

    if isinstance(community_or_page, CommunityPage):
        key = community_or_page.translation_key
    else:
        key = (
            CommunityPage.objects.ancestor_of(community_or_page, inclusive=True)
            .values_list("translation_key", flat=True)
            .first()
        )
    try:
        community_or_page._kehilot_community_key = key
    except AttributeError:
        pass
    return key


def is_active(label: str, community: Any = None) -> bool:
    """Installed and working, switched on network-wide, and on for ``community``.

    ``community`` may be a community page, any page below one, or ``None``.
    """
    from plugins.registry import registry

    record = registry.plugins.get(label)
    if record is None or record.status != "active":
        return False
    mapping = activation_map()
    enabled = mapping.get((label, None), True)
    key = community_key(community)
    if key is not None:
        enabled = mapping.get((label, key), enabled)
    return enabled


def inactive_community_keys(label: str) -> set[uuid.UUID]:
    """Translation keys of communities where ``label`` is off (for queryset filters)."""
    mapping = activation_map()
    default = mapping.get((label, None), True)
    off = {
        key for (name, key), on in mapping.items() if name == label and key and not on
    }
    if not default:
        from cms.models import CommunityPage

        on = {
            key
            for (name, key), enabled in mapping.items()
            if name == label and key and enabled
        }
        off |= set(
            CommunityPage.objects.exclude(translation_key__in=on).values_list(
                "translation_key", flat=True
            )
        )
    return off
