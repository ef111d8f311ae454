"""The permission matrix over machina's HTML views, and what changes it.

Roles × (public, members-only) forum × (read, post, moderate). "Read" is the forum
page and a topic page, "post" the new-topic page (and a real post), "moderate" the
lock page. Allowed is 200; refused is a redirect to sign in (anonymous) or 403.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.models import Membership, MembershipStatus
from forum.models import CommunityForum, Kind
from forum.permissions import forum_audience, readable_forum_ids

from .helpers import FORMSETS, login, make_topic

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "other_member", "moderator", "staff", "superuser"]
READERS = {
    "public": set(ROLES),
    "members": {"member", "moderator", "staff", "superuser"},
}
# The members-only forum is the community's announcements: members reply there
# but only moderators and staff start topics.
POSTERS = {
    "public": {"member", "moderator", "staff", "superuser"},
    "members": {"moderator", "staff", "superuser"},
}
REPLIERS = {"member", "moderator", "staff", "superuser"}
MODERATORS = {"moderator", "staff", "superuser"}


def forum_of(world, visibility):
    return world.general if visibility == "public" else world.private


def allowed(response) -> bool:
    assert response.status_code in (200, 302, 403, 404), response.status_code
    if response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
    return response.status_code == 200


@pytest.mark.parametrize("visibility", ["public", "members"])
@pytest.mark.parametrize("role", ROLES)
def test_matrix(client, world, role, visibility):
    forum = forum_of(world, visibility)
    topic = make_topic(forum, world.users["superuser"], "נושא לבדיקה", "תוכן")
    login(client, world.users[role])
    forum_url = reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk})
    topic_kwargs = {
        "forum_slug": forum.slug,
        "forum_pk": forum.pk,
        "slug": topic.slug,
        "pk": topic.pk,
    }
    topic_url = reverse("forum_conversation:topic", kwargs=topic_kwargs)
    create_url = reverse(
        "forum_conversation:topic_create",
        kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk},
    )
    reply_url = reverse(
        "forum_conversation:post_create",
        kwargs={
            "forum_slug": forum.slug,
            "forum_pk": forum.pk,
            "topic_slug": topic.slug,
            "topic_pk": topic.pk,
        },
    )
    lock_url = reverse(
        "forum_moderation:topic_lock", kwargs={"slug": topic.slug, "pk": topic.pk}
    )

    reads = role in READERS[visibility]
    assert allowed(client.get(forum_url)) is reads
    assert allowed(client.get(topic_url)) is reads
    assert allowed(client.get(create_url)) is (role in POSTERS[visibility])
    assert allowed(client.get(reply_url)) is (reads and role in REPLIERS)
    assert allowed(client.get(lock_url)) is (role in MODERATORS)

    index = client.get(reverse("forum:index")).content.decode()
    assert (f'href="{forum_url}"' in index) is reads


def test_member_posts_and_a_stranger_cannot(client, world):
    forum = world.general
    url = reverse(
        "forum_conversation:topic_create",
        kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk},
    )
    data = {"subject": "נושא חדש", "content": "**שלום**", "topic_type": 0, **FORMSETS}
    login(client, world.users["member"])
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    topic = forum.topics.get(subject="נושא חדש")
    assert topic.first_post.content.rendered == (
        '<p dir="auto"><strong>שלום</strong></p>\n'
    )
    login(client, world.users["other_member"])
    assert client.post(url, {**data, "subject": "זר"}).status_code == 403
    assert not forum.topics.filter(subject="זר").exists()


def test_membership_changes_apply_at_once(client, world, topic):
    forum = world.private
    url = reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk})
    lock_url = reverse(
        "forum_moderation:topic_lock", kwargs={"slug": topic.slug, "pk": topic.pk}
    )
    newcomer = world.users["other_member"]
    login(client, newcomer)
    assert client.get(url).status_code == 403
    # Join (approved): reads the members-only forum on the next request.
    membership = Membership.objects.create(
        user=newcomer,
        community=world.community,
        status=MembershipStatus.APPROVED,
    )
    assert client.get(url).status_code == 200
    assert client.get(lock_url).status_code == 403
    # Role change to moderator: moderates.
    membership.role = "moderator"
    membership.save()
    assert client.get(lock_url).status_code == 200
    # Term end: back to a stranger.
    membership.term_end = timezone.now()
    membership.term_start = timezone.now() - timezone.timedelta(days=1)
    membership.save()
    assert client.get(url).status_code == 403
    assert client.get(lock_url).status_code == 403


def test_leaving_removes_access(client, world):
    forum = world.private
    url = reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk})
    member = world.users["member"]
    login(client, member)
    assert client.get(url).status_code == 200
    Membership.objects.filter(user=member).update(status=MembershipStatus.ENDED)
    assert client.get(url).status_code == 403


def test_network_forums(client, world):
    rows = CommunityForum.objects.filter(scope="network")
    general = rows.get(kind=Kind.GENERAL).forum
    announcements = rows.get(kind=Kind.ANNOUNCEMENTS).forum

    def can_start(user, forum):
        login(client, user)
        url = reverse(
            "forum_conversation:topic_create",
            kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk},
        )
        return client.get(url).status_code == 200

    assert can_start(world.users["other_member"], general)
    assert not can_start(world.users["other_member"], announcements)
    assert not can_start(None, general)
    assert can_start(world.users["staff"], announcements)
    login(client, None)
    forum_url = reverse("forum:forum", kwargs={"slug": general.slug, "pk": general.pk})
    assert client.get(forum_url).status_code == 200


def test_unpublished_community_is_hidden_not_deleted(client, world, topic):
    forum = world.general
    url = reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk})
    world.community.unpublish()
    assert (
        CommunityForum.objects.filter(community=world.community, hidden=True).count()
        == 3
    )
    for role in ("anonymous", "member", "moderator"):
        login(client, world.users[role])
        assert client.get(url).status_code in (302, 403), role
        index = client.get(reverse("forum:index")).content.decode()
        assert f'href="{url}"' not in index, role
    login(client, world.users["staff"])
    assert client.get(url).status_code == 200
    assert forum_audience(forum) == ["staff"]
    world.community.refresh_from_db()
    world.community.save_revision().publish()
    login(client, world.users["member"])
    assert client.get(url).status_code == 200
    assert topic.__class__.objects.filter(pk=topic.pk).exists()


def test_area_follows_community_title_and_translations_share_it(world):
    page = world.community
    category = CommunityForum.objects.get(community=page, kind=Kind.CATEGORY).forum
    assert category.name == "קהילת ברלין"
    page.title = "קהילת ברלין החדשה"
    revision = page.save_revision()
    category.refresh_from_db()
    assert category.name == "קהילת ברלין"  # a draft does not rename
    revision.publish()
    category.refresh_from_db()
    assert category.name == "קהילת ברלין החדשה"
    # The English translation made by the fixture added no area of its own.
    assert (
        CommunityForum.objects.filter(kind=Kind.CATEGORY, scope="community").count()
        == 2
    )


def test_readable_ids_and_audience(world):
    users = world.users
    private, general = world.private.pk, world.general.pk
    from django.contrib.auth.models import AnonymousUser

    assert general in readable_forum_ids(AnonymousUser())
    assert private not in readable_forum_ids(AnonymousUser())
    assert private in readable_forum_ids(users["member"])
    assert private not in readable_forum_ids(users["other_member"])
    assert private in readable_forum_ids(users["staff"])
    assert forum_audience(world.general) == ["public"]
    key = world.community.translation_key
    assert forum_audience(world.private) == [f"member:{key}", "staff"]


def test_visibility_switch_is_for_moderators(client, world):
    forum = world.general
    url = reverse("forum_visibility", kwargs={"pk": forum.pk})
    login(client, world.users["member"])
    assert client.post(url, {"visibility": "members"}).status_code == 403
    login(client, world.users["moderator"])
    assert client.post(url, {"visibility": "members"}).status_code == 302
    assert CommunityForum.objects.get(forum=forum).visibility == "members"
    login(client, None)
    forum_url = reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk})
    assert client.get(forum_url).status_code == 302


def test_forum_search_never_fails(client, world):
    response = client.get(reverse("forum_search:search"), {"q": "שלום"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("search"))
    assert "type=forum_topic&type=forum_post" in response["Location"]
    assert client.get(response["Location"]).status_code in (200, 400)
