"""What a theme link may point at besides pages: training courses, forum topics.

Both live in apps a site may run without (the training plugin can be excluded,
the forum is an app like any other), so their models are looked up by app label
and model name at run time and never imported: a kind whose app is absent is
simply not offered, and links to it are left out of every listing.

Readability is the owning app's rule: a course while it is published (and the
training plugin is on network-wide), a topic while it is approved and its forum
is one the reader may read (``plugins.api.readable_forum_ids``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from plugins.api import is_plugin_active, readable_forum_ids

PAGE = "page"
COURSE = "course"
TOPIC = "topic"


@dataclass(frozen=True)
class TargetKind:
    """One linkable kind of object: its code, model and label."""

    code: str
    app_label: str
    model_name: str
    label: Promise

    @property
    def model(self) -> type[Model] | None:
        """The model, or ``None`` while its app is not installed."""
        try:
            return apps.get_model(self.app_label, self.model_name)
        except LookupError:
            return None

    @property
    def model_label(self) -> str:
        return f"{self.app_label}.{self.model_name}".lower()

    def content_type(self) -> ContentType | None:
        model = self.model
        return ContentType.objects.get_for_model(model) if model else None

    def get(self, object_id: Any) -> Model | None:
        """The object with ``object_id`` (readable or not), else ``None``."""
        model = self.model
        if model is None or object_id in (None, ""):
            return None
        return model._default_manager.filter(pk=object_id).first()

    def title(self, obj: Model, language: str | None) -> str:
        if self.code == COURSE:
            return obj.title_for(language) if hasattr(obj, "title_for") else str(obj)
        return getattr(obj, "subject", None) or str(obj)


KINDS: dict[str, TargetKind] = {
    COURSE: TargetKind(COURSE, "training", "Course", _("Training course")),
    TOPIC: TargetKind(TOPIC, "forum_conversation", "Topic", _("Forum topic")),
}
#: Model labels (``app_label.model``) of the object kinds, for quick checks.
MODEL_LABELS = {kind.model_label: kind for kind in KINDS.values()}


def available_kinds() -> list[TargetKind]:
    """The object kinds whose app is installed."""
    return [kind for kind in KINDS.values() if kind.model is not None]


def kind_for_model_label(label: str) -> TargetKind | None:
    kind = MODEL_LABELS.get(label)
    return kind if kind is not None and kind.model is not None else None


def kind_for_content_type(content_type_id: int | None) -> TargetKind | None:
    """The kind of a content type (cached by Django after the first lookup)."""
    if content_type_id is None:
        return None
    try:
        content_type = ContentType.objects.get_for_id(content_type_id)
    except ContentType.DoesNotExist:
        return None
    return kind_for_model_label(f"{content_type.app_label}.{content_type.model}")


# --- What a reader may see, in a constant number of queries -------------------


def readable_courses(ids: Iterable[int]) -> tuple[list[Model], dict[int, set[int]]]:
    """Published courses among ``ids`` and the host community ids of each
    course's sessions (two queries). Nothing while training is absent or off."""
    Course = KINDS[COURSE].model
    if Course is None or not ids or not is_plugin_active("training"):
        return [], {}
    courses = list(Course._default_manager.filter(pk__in=ids, status="published"))
    hosts: dict[int, set[int]] = {course.pk: set() for course in courses}
    Session = apps.get_model("training", "Session")
    rows = Session._default_manager.filter(
        course_id__in=hosts, host_community__isnull=False
    ).values_list("course_id", "host_community_id")
    for course_id, community_id in rows:
        hosts[course_id].add(community_id)
    return courses, hosts


def readable_topics(
    ids: Iterable[int], user: Any, request: Any = None
) -> tuple[list[Model], dict[int, int | None]]:
    """Approved topics among ``ids`` in forums ``user`` may read, and the
    community id of each topic's forum (``None``: a network forum)."""
    Topic = KINDS[TOPIC].model
    if Topic is None or not ids:
        return [], {}
    readable = readable_forum_ids(user, request)
    topics = list(
        Topic._default_manager.filter(
            pk__in=ids, approved=True, forum_id__in=readable
        ).select_related("forum")
    )
    return topics, _topic_communities(topics)


def _topic_communities(topics: list[Model]) -> dict[int, int | None]:
    """The community of each topic: from the ``CommunityForum`` row of its forum
    or its nearest ancestor with a community (one query over the forum trees)."""
    if not topics:
        return {}
    try:
        CommunityForum = apps.get_model("forum", "CommunityForum")
    except LookupError:
        return {topic.pk: None for topic in topics}
    meta = type(topics[0].forum)._mptt_meta
    tree, left, right = meta.tree_id_attr, meta.left_attr, meta.right_attr
    rows = list(
        CommunityForum._default_manager.filter(
            **{f"forum__{tree}__in": {getattr(t.forum, tree) for t in topics}}
        )
        .exclude(community=None)
        .values_list(f"forum__{tree}", f"forum__{left}", f"forum__{right}", "community")
    )
    found: dict[int, int | None] = {}
    for topic in topics:
        forum = topic.forum
        around = [
            (lft, community)
            for tree_id, lft, rght, community in rows
            if tree_id == getattr(forum, tree)
            and lft <= getattr(forum, left)
            and rght >= getattr(forum, right)
        ]
        found[topic.pk] = max(around)[1] if around else None  # the nearest one
    return found


def course_urls(courses: list[Model], language: str, request: Any = None) -> dict:
    """Each course's page in the training catalog of ``language`` (one query)."""
    if not courses:
        return {}
    try:
        Catalog = apps.get_model("training", "CatalogPage")
    except LookupError:
        return {}
    pages = Catalog.objects.live().order_by("pk")
    page = pages.filter(locale__language_code=language).first() or pages.first()
    base = page.get_url(request) if page is not None else None
    if not base:
        return {}
    urls = {}
    for course in courses:
        try:
            urls[course.pk] = base + page.reverse_subpage("course", args=[course.slug])
        except NoReverseMatch:
            urls[course.pk] = None
    return urls


def topic_url(topic: Model, language: str) -> str | None:
    with translation.override(language):
        try:
            return reverse(
                "forum_conversation:topic",
                kwargs={
                    "forum_slug": topic.forum.slug,
                    "forum_pk": topic.forum_id,
                    "slug": topic.slug,
                    "pk": topic.pk,
                },
            )
        except NoReverseMatch:
            return None


def content_types_of(queryset: QuerySet) -> dict[str, set[int]]:
    """Object ids per kind code among the object links in ``queryset`` (one
    query; content types come from Django's cache)."""
    ids: dict[str, set[int]] = {}
    rows = queryset.filter(content_type__isnull=False).values_list(
        "content_type_id", "object_id"
    )
    for content_type_id, object_id in rows:
        kind = kind_for_content_type(content_type_id)
        if kind is not None:
            ids.setdefault(kind.code, set()).add(object_id)
    return ids
