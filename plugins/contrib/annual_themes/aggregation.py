"""What every community did under a theme, in a constant number of queries.

A fixed number of queries whatever the number of communities: the view
restrictions, the linked live pages, the live local adaptations, the
communities above them (matched by tree path prefix) and their translations in
the reader's language (a community's pages in both languages form one group).
Per-community switches come from the cached activation map.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import get_language
from wagtail.models import Page

from plugins.api import get_community_model, is_plugin_active

from .apps import LABEL
from .models import LocalAdaptationPage, Theme, ThemeLink


@dataclass
class CommunityGroup:
    """One community's contribution (``community`` is ``None`` network-wide)."""

    community: Any
    items: list = field(default_factory=list)
    adaptations: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.items)


@dataclass
class ThemeSummary:
    """Groups in community title order, network-wide content first."""

    groups: list[CommunityGroup]

    @property
    def total(self) -> int:
        return sum(group.count for group in self.groups)


def _ancestor_paths(path: str, steplen: int) -> list[str]:
    return [path[:end] for end in range(steplen, len(path) + 1, steplen)]


def _communities_above(pages: list) -> dict[str, Any]:
    """Map tree path -> community page, for communities above any of ``pages``."""
    model = get_community_model()
    steplen = model.steplen
    candidates = {p for page in pages for p in _ancestor_paths(page.path, steplen)}
    if not candidates:
        return {}
    return {c.path: c for c in model.objects.filter(path__in=candidates)}


def _community_of(page, communities: dict[str, Any]) -> Any:
    for path in _ancestor_paths(page.path, page.steplen)[::-1]:
        if path in communities:
            return communities[path]
    return None


def _show_in_active_language(groups: dict[Any, CommunityGroup]) -> None:
    """Name each community in the reader's language when it has that translation."""
    keys = [key for key in groups if key is not None]
    if not keys:
        return
    local = {
        community.translation_key: community
        for community in get_community_model().objects.filter(
            translation_key__in=keys, locale__language_code=get_language()
        )
    }
    for key in keys:
        if key in local:
            groups[key].community = local[key]


def theme_summary(theme: Theme, request=None) -> ThemeSummary:
    """Linked live pages and local adaptations of ``theme``, grouped by community.

    Communities where the plugin is switched off are left out entirely.
    """
    # live().public(): drafts and pages behind a view restriction never show.
    visible = Page.objects.live().public().values("pk")
    links = [
        link.page
        for link in ThemeLink.objects.filter(theme=theme, page__in=visible)
        .select_related("page")
        .order_by("page__path")
    ]
    adaptations = list(
        LocalAdaptationPage.objects.live().public().filter(theme=theme).order_by("path")
    )
    communities = _communities_above(links + adaptations)
    groups: dict[Any, CommunityGroup] = {}
    for kind, pages in (("items", links), ("adaptations", adaptations)):
        for page in pages:
            community = _community_of(page, communities)
            if community is not None and not is_plugin_active(LABEL, community):
                continue
            # A community's pages in every language form one group.
            key = community.translation_key if community is not None else None
            group = groups.setdefault(key, CommunityGroup(community))
            getattr(group, kind).append(page)
    _show_in_active_language(groups)
    ordered = sorted(
        groups.values(),
        key=lambda g: (
            g.community is not None,
            g.community.title if g.community else "",
        ),
    )
    return ThemeSummary(ordered)
