"""Query counts of the forum index, a forum and a topic page stay constant as
topics and posts grow (N, then 2N), for an anonymous visitor and a member."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .helpers import login, make_topic

pytestmark = pytest.mark.django_db

N = 4
# Measured counts we hold the pages to. Of these, 2 are the session and user and 4
# the site chrome (Wagtail site, locales, menu); a member's topic page also writes
# machina's view counter and read markers.
BUDGET = {
    "anonymous": {"index": 8, "forum": 12, "topic": 16},
    "member": {"index": 12, "forum": 18, "topic": 26},
}


def count(client, url):
    client.get(url)  # warm per-process caches (content types, site root)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def urls(world, topic):
    forum = world.general
    return {
        "index": reverse("forum:index"),
        "forum": reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk}),
        "topic": reverse(
            "forum_conversation:topic",
            kwargs={
                "forum_slug": forum.slug,
                "forum_pk": forum.pk,
                "slug": topic.slug,
                "pk": topic.pk,
            },
        ),
    }


def grow(world, count_topics):
    posters = [world.users["member"], world.users["moderator"]]
    topic = None
    for number in range(count_topics):
        topic = make_topic(
            world.general,
            posters[number % 2],
            f"נושא {number}",
            f"הודעה **{number}**",
        )
        for reply in range(2):
            make_topic.__globals__["Post"].objects.create(
                topic=topic,
                poster=posters[(number + reply + 1) % 2],
                subject=f"Re: {topic.subject}",
                content=f"תגובה {reply}",
            )
    return topic


@pytest.mark.parametrize("role", ["anonymous", "member"])
def test_constant_query_counts(client, world, role):
    login(client, world.users[role])
    first = grow(world, N)
    # The topic page grows with its own posts too: the measured topic gets N, then 2N.
    for _ in range(N):
        make_topic.__globals__["Post"].objects.create(
            topic=first, poster=world.users["member"], subject="Re", content="x"
        )
    at_n = {name: count(client, url) for name, url in urls(world, first).items()}
    grow(world, N)
    for _ in range(N):
        make_topic.__globals__["Post"].objects.create(
            topic=first, poster=world.users["moderator"], subject="Re", content="y"
        )
    at_2n = {name: count(client, url) for name, url in urls(world, first).items()}
    print(f"\n{role}: queries at N={N}: {at_n}; at 2N: {at_2n}")
    assert at_n == at_2n
    for name, queries in at_n.items():
        assert queries <= BUDGET[role][name], (name, queries)


@pytest.mark.parametrize("role", ["anonymous", "member"])
def test_index_query_count_is_constant_as_communities_and_forums_grow(
    client, world, role
):
    """Every community adds an area (a category and two forums) with posts: the
    index must not pay a query per forum for its last-post links."""
    login(client, world.users[role])

    def add_communities(start, count_):
        for number in range(start, start + count_):
            community = world.site.community(f"קהילה {number}", city="עיר")
            area = community.forum_areas.exclude(kind="category").first().forum
            make_topic(area, world.users["superuser"], f"שלום {number}", "תוכן")

    add_communities(0, N)
    index = reverse("forum:index")
    at_n = count(client, index)
    add_communities(N, N)
    at_2n = count(client, index)
    print(f"\n{role}: index queries with N={N} more areas: {at_n}; 2N: {at_2n}")
    assert at_n == at_2n
