"""What every community did under a theme, in a constant number of queries.

A fixed number of queries whatever the number of communities and items: the
view restrictions, the linked live pages, the live local adaptations, the object
links (courses, topics), the published courses and their sessions' hosts, the
forums the reader may read, the readable topics and their forums' communities,
the communities involved (matched by tree path prefix or by id) and their
translations in the reader's language (a community's content in both languages
forms one group). Per-community switches come from the cached activation map.

A course counts under every community hosting one of its sessions (network-wide
when none does); a topic under its forum's community (network-wide for network
forums).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.utils.translation import get_language
from wagtail.models import Page

from plugins.api import get_community_model, is_plugin_active

from . import targets
from .apps import LABEL
from .models import LocalAdaptationPage, Theme, ThemeLink, language_of


@dataclass(frozen=True)
class LinkedObject:
    """A tagged course or topic, as the reader sees it."""

    kind: str
    id: int
    title: str
    url: str | None


@dataclass
class CommunityGroup:
    """One community's contribution (``community`` is ``None`` network-wide)."""

    community: Any
    items: list = field(default_factory=list)  # pages (news, events)
    adaptations: list = field(default_factory=list)
    courses: list[LinkedObject] = field(default_factory=list)
    topics: list[LinkedObject] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        """Tagged content per kind (adaptations are not counted)."""
        return {
            "pages": len(self.items),
            "courses": len(self.courses),
            "topics": len(self.topics),
        }

    @property
    def count(self) -> int:
        return sum(self.counts.values())


@dataclass
class ThemeSummary:
    """Groups in community title order, network-wide content first."""

    groups: list[CommunityGroup]

    @property
    def total(self) -> int:
        return sum(group.count for group in self.groups)

    @property
    def counts(self) -> dict[str, int]:
        totals = {"pages": 0, "courses": 0, "topics": 0}
        for group in self.groups:
            for kind, number in group.counts.items():
                totals[kind] += number
        return totals


def _ancestor_paths(path: str, steplen: int) -> list[str]:
    return [path[:end] for end in range(steplen, len(path) + 1, steplen)]


def _communities(pages: list, ids: set[int]) -> tuple[dict[str, Any], dict[int, Any]]:
    """Communities above any of ``pages`` (by tree path) and those with ``ids``,
    in one query: ``(by path, by id)``."""
    model = get_community_model()
    steplen = model.steplen
    candidates = {p for page in pages for p in _ancestor_paths(page.path, steplen)}
    if not candidates and not ids:
        return {}, {}
    found = list(model.objects.filter(Q(path__in=candidates) | Q(pk__in=ids)))
    return {c.path: c for c in found}, {c.pk: c for c in found}


def _community_of(page, communities: dict[str, Any]) -> Any:
    for path in _ancestor_paths(page.path, page.steplen)[::-1]:
        if path in communities:
            return communities[path]
    return None


def _show_in_language(groups: dict[Any, CommunityGroup], language: str) -> None:
    """Name each community in the reader's language when it has that translation."""
    keys = [key for key in groups if key is not None]
    if not keys:
        return
    local = {
        community.translation_key: community
        for community in get_community_model().objects.filter(
            translation_key__in=keys, locale__language_code=language
        )
    }
    for key in keys:
        if key in local:
            groups[key].community = local[key]


def _reader(request) -> Any:
    user = getattr(request, "user", None)
    return user if user is not None else AnonymousUser()


class _Grouper:
    """Collects content into one group per community (all its languages)."""

    def __init__(self) -> None:
        self.groups: dict[Any, CommunityGroup] = {}

    def add(self, community: Any, kind: str, entry: Any) -> None:
        key = community.translation_key if community is not None else None
        group = self.groups.setdefault(key, CommunityGroup(community))
        getattr(group, kind).append(entry)


def _shown(community: Any) -> bool:
    return community is None or is_plugin_active(LABEL, community)


def theme_summary(
    theme: Theme, request=None, language: str | None = None
) -> ThemeSummary:
    """Linked live pages, courses, topics and local adaptations of ``theme``,
    grouped by community, as ``request``'s reader may see them; titles and links
    of courses and topics in ``language`` (default: the active language).

    Communities where the plugin is switched off are left out entirely.
    """
    language = language_of(language or get_language())
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
    object_ids = targets.content_types_of(ThemeLink.objects.filter(theme=theme))
    courses, hosts = targets.readable_courses(object_ids.get(targets.COURSE, ()))
    topics, topic_communities = targets.readable_topics(
        object_ids.get(targets.TOPIC, ()), _reader(request), request
    )
    community_ids = {pk for ids in hosts.values() for pk in ids}
    community_ids |= {pk for pk in topic_communities.values() if pk is not None}
    by_path, by_id = _communities(links + adaptations, community_ids)

    grouper = _Grouper()
    for kind, pages in (("items", links), ("adaptations", adaptations)):
        for page in pages:
            community = _community_of(page, by_path)
            if _shown(community):
                grouper.add(community, kind, page)
    _add_courses(grouper, courses, hosts, by_id, language, request)
    _add_topics(grouper, topics, topic_communities, by_id, language)
    groups = grouper.groups
    _show_in_language(groups, language)
    ordered = sorted(
        groups.values(),
        key=lambda g: (
            g.community is not None,
            g.community.title if g.community else "",
        ),
    )
    return ThemeSummary(ordered)


def _add_courses(grouper, courses, hosts, by_id, language, request) -> None:
    urls = targets.course_urls(courses, language, request)
    for course in sorted(courses, key=lambda c: c.title_for(language)):
        title = course.title_for(language)
        entry = LinkedObject(targets.COURSE, course.pk, title, urls.get(course.pk))
        for community in _course_communities(hosts[course.pk], by_id):
            grouper.add(community, "courses", entry)


def _add_topics(grouper, topics, topic_communities, by_id, language) -> None:
    for topic in sorted(topics, key=lambda t: t.subject):
        community = by_id.get(topic_communities[topic.pk])
        if _shown(community):
            url = targets.topic_url(topic, language)
            entry = LinkedObject(targets.TOPIC, topic.pk, topic.subject, url)
            grouper.add(community, "topics", entry)


def _course_communities(host_ids: set[int], by_id: dict[int, Any]) -> list[Any]:
    """Where a course counts: its live host communities where the plugin is on,
    one per community whatever the language; network-wide (``[None]``) when no
    live community hosts it; nowhere when every host switched the plugin off."""
    hosts: dict[Any, Any] = {}
    for pk in host_ids:
        community = by_id.get(pk)
        if community is not None and community.live:
            hosts.setdefault(community.translation_key, community)
    if not hosts:
        return [None]
    return [community for community in hosts.values() if _shown(community)]
