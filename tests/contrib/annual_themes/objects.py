"""Tagged training courses and forum topics for the annual themes tests."""

from django.contrib.contenttypes.models import ContentType

from forum import areas
from forum.models import CommunityForum, Kind, Scope, Visibility  # noqa: F401
from plugins.contrib.annual_themes.models import ThemeLink
from tests.contrib.training.conftest import make_course, make_session
from tests.forum.helpers import make_topic
from tests.sitebuilder import role_holder

__all__ = [
    "Kind",
    "community_forum",
    "hosted_course",
    "link_object",
    "make_course",
    "make_session",
    "network_forum",
    "poster",
    "role_holder",
    "topic_in",
]


def link_object(theme, obj) -> ThemeLink:
    return ThemeLink.objects.create(
        theme=theme,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
    )


def hosted_course(slug: str, *hosts, **fields):
    """A published course with one upcoming session per host community."""
    course = make_course(slug, **fields)
    for host in hosts:
        make_session(course, host_community=host)
    return course


def community_forum(community, *, members_only: bool = False, kind=Kind.GENERAL):
    """The community's general (or ``kind``) forum, made members-only if asked."""
    forum = CommunityForum.objects.get(community=community, kind=kind).forum
    if members_only:
        areas.set_visibility(forum, Visibility.MEMBERS)
    return forum


def network_forum():
    areas.ensure_network_forums()
    return CommunityForum.objects.get(scope=Scope.NETWORK, kind=Kind.GENERAL).forum


def poster():
    from django.contrib.auth.models import User

    user = User.objects.filter(username="poster").first()
    return user or User.objects.create_user("poster", "poster@example.org", "pw")


def topic_in(forum, subject: str):
    return make_topic(forum, poster(), subject, f"{subject}: גוף ההודעה")
