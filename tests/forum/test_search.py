"""Forum topics and replies in the project search, for those who may read them."""

import pytest

from forum import areas
from forum.models import Visibility
from search.service import SearchParams, run_search
from search.tasks import drain

from .helpers import make_topic


def found(world, role, q, **params):
    user = world.users[role]
    return run_search(user, SearchParams(q=q, **params), record=False)


def keys(results):
    return {r.hit.type for r in results.results}, results.total


@pytest.fixture
def posts(world):
    public = make_topic(
        world.general, world.users["member"], "מפגש הורים", "נפגשים בקהילה", replies=2
    )
    private = make_topic(
        world.private, world.users["moderator"], "ישיבת הנהלה", "סדר היום של ההנהלה"
    )
    drain()
    return public, private


def test_topics_and_replies_are_found_with_their_links(world, posts):
    results = found(world, "anonymous", "מפגש")
    types = {r.hit.type for r in results.results}
    assert "forum_topic" in types
    topic = next(r for r in results.results if r.hit.type == "forum_topic")
    assert topic.hit.url.startswith("/forum/")
    assert topic.community_name in ("קהילת ברלין", "Berlin community")
    replies = run_search(None, SearchParams(q="מפגש", types=("forum_post",)))
    assert replies.total == 2  # the two replies, titled with the topic's subject
    assert all("?post=" in r.hit.url for r in replies.results)


@pytest.mark.parametrize(
    "role, sees",
    [
        ("anonymous", False),
        ("other_member", False),
        ("member", True),
        ("moderator", True),
        ("staff", True),
        ("superuser", True),
    ],
)
def test_members_only_forums_only_for_members(world, posts, role, sees):
    results = found(world, role, "הנהלה")
    assert (results.total > 0) is sees
    assert ("ישיבת" in " ".join(str(r.title) for r in results.results)) is sees


def test_unapproved_posts_are_not_indexed(world):
    topic = make_topic(world.general, world.users["member"], "הודעה ממתינה", "טקסט")
    topic.approved = False
    topic.save()
    topic.first_post.approved = False
    topic.first_post.save()
    drain()
    assert found(world, "superuser", "ממתינה").total == 0


def test_visibility_and_hidden_areas_change_who_finds_posts(world, posts):
    assert found(world, "anonymous", "הורים").total > 0
    areas.set_visibility(world.general, Visibility.MEMBERS)
    drain()
    assert found(world, "anonymous", "הורים").total == 0
    assert found(world, "member", "הורים").total > 0
    areas.set_hidden(world.community, True)
    drain()
    assert found(world, "member", "הורים").total == 0
    assert found(world, "staff", "הורים").total > 0


def test_post_markup_is_text_in_snippets(world):
    make_topic(
        world.general,
        world.users["member"],
        "קישור חשוד",
        "[לחצו כאן](javascript:alert(1)) <script>alert(2)</script> **מודגש**",
    )
    drain()
    snippet = str(found(world, "anonymous", "מודגש").results[0].snippet)
    assert "<script" not in snippet and "<a" not in snippet and "href" not in snippet
    assert "&lt;script&gt;alert(2)" in snippet  # shown as text, escaped once
    assert "**" not in snippet and "<mark>מודגש</mark>" in snippet
