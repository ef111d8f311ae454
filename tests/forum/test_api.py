"""``/api/v3/forum/``: the permission matrix, writes through machina, errors, safe
HTML, read tracking, and constant query counts."""

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from machina.core.db.models import get_model
from wagtail.models import APIToken

from forum.models import Kind, PostReport
from tests.sitebuilder import role_holder

from .conftest import area_forum
from .helpers import make_topic

pytestmark = pytest.mark.django_db

Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")
TopicReadTrack = get_model("forum_tracking", "TopicReadTrack")

API = "/api/v3/forum"
ROLES = ["anonymous", "member", "other_member", "moderator", "staff", "superuser"]
# No approval queue for the matrix (abuse.py reads this at call time).
NO_QUEUE = override_settings(FORUM_APPROVAL_FIRST_POSTS=0)

# What each role may do in the community's public general forum and in its
# members-only forum (the community's announcements, made members-only).
EXPECTED = {
    #                read   start  reply  moderate
    "general": {
        "anonymous": (True, False, False, False),
        "member": (True, True, True, False),
        "other_member": (True, False, False, False),
        "moderator": (True, True, True, True),
        "staff": (True, True, True, True),
        "superuser": (True, True, True, True),
    },
    "private": {
        "anonymous": (False, False, False, False),
        "member": (True, False, True, False),  # announcements: moderators start
        "other_member": (False, False, False, False),
        "moderator": (True, True, True, True),
        "staff": (True, True, True, True),
        "superuser": (True, True, True, True),
    },
}


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def post_json(client, url, body, method="post", **extra):
    return getattr(client, method)(url, body, content_type="application/json", **extra)


def forum_ids(tree) -> set[int]:
    found = set()
    for node in tree:
        found.add(node["id"])
        found |= forum_ids(node["children"])
    return found


@pytest.fixture
def threads(world):
    """A topic by the moderator in each of the two forums."""
    moderator = world.users["moderator"]
    return {
        "general": make_topic(world.general, moderator, "כללי", "שלום **כולם**"),
        "private": make_topic(world.private, moderator, "פרטי", "רק לחברים"),
    }


@NO_QUEUE
@pytest.mark.parametrize("forum_name", ["general", "private"])
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(world, threads, role, forum_name):
    read, start, reply, moderate = EXPECTED[forum_name][role]
    forum = getattr(world, forum_name)
    topic = threads[forum_name]
    client = client_for(world.users[role])
    denied_write = 401 if role == "anonymous" else (404 if not read else 403)

    tree = client.get(f"{API}/forums/").json()
    assert (forum.pk in forum_ids(tree["forums"])) is read
    listing = client.get(f"{API}/forums/{forum.pk}/topics/")
    assert listing.status_code == (200 if read else 404)
    detail = client.get(f"{API}/topics/{topic.pk}/")
    assert detail.status_code == (200 if read else 404)
    if read:
        assert [t["id"] for t in listing.json()["topics"]] == [topic.pk]
        assert listing.json()["can_start_topic"] is start
        assert detail.json()["can_reply"] is reply
        assert detail.json()["posts"][0]["content_html"] == (
            topic.first_post.content.rendered
        )

    created = post_json(
        client,
        f"{API}/forums/{forum.pk}/topics/",
        {"subject": f"נושא של {role}", "content": "תוכן"},
    )
    assert created.status_code == (201 if start else denied_write), created.content
    answered = post_json(client, f"{API}/topics/{topic.pk}/posts/", {"content": "כן"})
    assert answered.status_code == (201 if reply else denied_write), answered.content
    edited = post_json(
        client,
        f"{API}/posts/{topic.first_post_id}/",
        {"content": f"ערך {role}"},
        method="patch",
    )
    assert edited.status_code == (200 if moderate else denied_write), edited.content
    first = Post.objects.get(pk=topic.first_post_id)
    if moderate:
        assert first.content.raw == f"ערך {role}" and first.updates_count == 1
        assert first.updated_by == world.users[role]
    else:
        assert first.updates_count == 0


@NO_QUEUE
def test_writes_go_through_machina_counters_and_subjects(world, threads):
    client = client_for(world.users["member"])
    forum = world.general
    before = Topic.objects.get(pk=threads["general"].pk).posts_count
    created = post_json(
        client,
        f"{API}/forums/{forum.pk}/topics/",
        {"subject": "  שאלה חדשה ", "content": "מה **שלומכם**?"},
    )
    assert created.status_code == 201
    body = created.json()
    assert body["approved"] is True and body["topic"]["subject"] == "שאלה חדשה"
    assert body["post"]["content_html"].startswith('<p dir="auto">מה <strong>')
    assert body["post"]["content"] == "מה **שלומכם**?"  # the author may edit it
    topic = Topic.objects.get(pk=body["topic"]["id"])
    assert topic.poster == world.users["member"] and topic.posts_count == 1
    assert topic.first_post_id == topic.last_post_id == body["post"]["id"]
    forum.refresh_from_db()
    assert forum.direct_topics_count == 2 and forum.last_post_id == topic.last_post_id
    reply = post_json(
        client, f"{API}/topics/{threads['general'].pk}/posts/", {"content": "תשובה"}
    )
    assert reply.status_code == 201
    assert reply.json()["post"]["subject"] == "Re: כללי"
    assert Topic.objects.get(pk=threads["general"].pk).posts_count == before + 1
    # Newest activity first: the topic just answered now leads the list.
    listing = client.get(f"{API}/forums/{forum.pk}/topics/").json()
    assert [t["id"] for t in listing["topics"]] == [threads["general"].pk, topic.pk]


@NO_QUEUE
def test_own_post_edit_but_not_others(world, threads):
    member = world.users["member"]
    client = client_for(member)
    mine = post_json(
        client, f"{API}/topics/{threads['general'].pk}/posts/", {"content": "שלי"}
    ).json()["post"]
    edited = post_json(
        client,
        f"{API}/posts/{mine['id']}/",
        {"content": "*מתוקן*", "update_reason": "טעות"},
        method="patch",
    )
    assert edited.status_code == 200
    assert edited.json()["content_html"].strip() == '<p dir="auto"><em>מתוקן</em></p>'
    assert edited.json()["updates_count"] == 1
    others = post_json(
        client,
        f"{API}/posts/{threads['general'].first_post_id}/",
        {"content": "x"},
        method="patch",
    )
    assert others.status_code == 403
    listing = client.get(f"{API}/topics/{threads['general'].pk}/").json()
    by_id = {p["id"]: p for p in listing["posts"]}
    assert by_id[mine["id"]]["can_edit"] and by_id[mine["id"]]["content"]
    first = by_id[threads["general"].first_post_id]
    assert not first["can_edit"] and first["content"] is None


@NO_QUEUE
def test_session_writes_need_csrf_and_tokens_work(world):
    member = world.users["member"]
    url = f"{API}/forums/{world.general.pk}/topics/"
    body = {"subject": "נושא", "content": "תוכן"}
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)
    assert post_json(browser, url, body).status_code == 403
    assert not Topic.objects.filter(subject="נושא").exists()
    # With the CSRF token (as a page of the site would send it) it works.
    browser.get("/forum/")
    token = browser.cookies["csrftoken"].value
    assert post_json(browser, url, body, HTTP_X_CSRFTOKEN=token).status_code == 201
    _, secret = APIToken.create_token(user=member, name="app")
    created = post_json(
        Client(enforce_csrf_checks=True),
        url,
        {"subject": "מאפליקציה", "content": "x"},
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert created.status_code == 201
    assert Topic.objects.get(subject="מאפליקציה").poster == member
    anonymous = post_json(Client(), url, body)
    assert anonymous.status_code == 401


@NO_QUEUE
def test_validation_errors_are_400_with_fields(world):
    client = client_for(world.users["member"])
    url = f"{API}/forums/{world.general.pk}/topics/"
    cases = {
        "subject": {"subject": "", "content": "x"},
        "content": {"subject": "נושא"},
    }
    for field, body in cases.items():
        response = post_json(client, url, body)
        assert response.status_code == 400, response.content
        assert response["Content-Type"] == "application/problem+json"
        assert [e["loc"] for e in response.json()["errors"]] == [["body", field]]
    too_long = post_json(client, url, {"subject": "א" * 256, "content": "x"})
    assert too_long.status_code == 400
    assert "255" in too_long.json()["errors"][0]["msg"]
    sticky = post_json(client, url, {"subject": "s", "content": "x", "type": "sticky"})
    assert sticky.status_code == 403
    assert (
        client.get(f"{API}/forums/{world.general.pk}/topics/?per_page=101").status_code
        == 400
    )
    assert (
        client.get(f"{API}/forums/{world.general.pk}/topics/?page=0").status_code == 400
    )
    assert not Topic.objects.exists()


def test_unknown_ids_are_404(world, topic):
    client = client_for(world.users["member"])
    for url in (
        f"{API}/forums/999999/topics/",
        f"{API}/topics/999999/",
        f"{API}/forums/{world.general.pk}/topics/?page=2",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["status"] == 404
    assert (
        post_json(client, f"{API}/topics/999999/posts/", {"content": "x"}).status_code
        == 404
    )
    assert (
        post_json(client, f"{API}/posts/999999/", {}, method="patch").status_code == 404
    )
    assert (
        post_json(client, f"{API}/posts/999999/report/", {"reason": "spam"}).status_code
        == 404
    )
    hebrew = client.get(f"{API}/topics/999999/", HTTP_ACCEPT_LANGUAGE="he")
    assert hebrew.json()["detail"] == "אין נושא כזה."
    english = client.get(f"{API}/topics/999999/", HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["detail"] == "There is no such topic."


@NO_QUEUE
def test_locked_topic_reply_is_409(world, topic):
    topic.status = Topic.TOPIC_LOCKED
    topic.save()
    member = client_for(world.users["member"])
    response = post_json(member, f"{API}/topics/{topic.pk}/posts/", {"content": "x"})
    assert response.status_code == 409
    edit = post_json(
        member, f"{API}/posts/{topic.first_post_id}/", {"content": "y"}, method="patch"
    )
    assert edit.status_code == 409
    assert member.get(f"{API}/topics/{topic.pk}/").json()["can_reply"] is False
    # Moderators may still reply (machina's can_reply_to_locked_topics).
    moderator = client_for(world.users["moderator"])
    answer = post_json(moderator, f"{API}/topics/{topic.pk}/posts/", {"content": "x"})
    assert answer.status_code == 201
    # Someone who could not reply anyway gets 403, not 409.
    stranger = client_for(world.users["other_member"])
    refused = post_json(stranger, f"{API}/topics/{topic.pk}/posts/", {"content": "x"})
    assert refused.status_code == 403


@NO_QUEUE
@override_settings(FORUM_RATE_LIMITS={"reply": {"user": (2, 60)}})
def test_posting_too_fast_is_429_with_retry_after(world, topic):
    client = client_for(world.users["member"])
    url = f"{API}/topics/{topic.pk}/posts/"
    codes = [post_json(client, url, {"content": f"{n}"}).status_code for n in range(3)]
    assert codes == [201, 201, 429]
    limited = post_json(client, url, {"content": "again"})
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert limited.json()["detail"]
    assert topic.posts.count() == 3  # the first post and two replies


@override_settings(FORUM_APPROVAL_FIRST_POSTS=1)
def test_a_new_accounts_first_post_waits_for_approval(world, topic):
    newcomer = role_holder(world.community, "newcomer")
    client = client_for(newcomer)
    response = post_json(
        client, f"{API}/topics/{topic.pk}/posts/", {"content": "פוסט ראשון"}
    )
    assert response.status_code == 202, response.content
    assert response.json()["approved"] is False and response.json()["detail"]
    post_id = response.json()["post"]["id"]
    assert not Post.objects.get(pk=post_id).approved
    assert topic.posts.filter(approved=True).count() == 1

    def shown(user):
        posts = client_for(user).get(f"{API}/topics/{topic.pk}/").json()["posts"]
        return post_id in {p["id"] for p in posts}

    assert shown(newcomer) and shown(world.users["moderator"])
    assert not shown(None) and not shown(world.users["other_member"])
    # A new topic: the whole topic waits and is hidden from others.
    elsewhere = area_forum(world.other, Kind.GENERAL)
    created = post_json(
        client_for(world.users["other_member"]),
        f"{API}/forums/{elsewhere.pk}/topics/",
        {"subject": "חדש", "content": "x"},
    )
    assert created.status_code == 202
    topic_id = created.json()["topic"]["id"]
    assert client_for(None).get(f"{API}/topics/{topic_id}/").status_code == 404
    listing = client_for(None).get(f"{API}/forums/{elsewhere.pk}/topics/")
    assert topic_id not in {t["id"] for t in listing.json()["topics"]}


@NO_QUEUE
def test_report_and_subscriptions(world, topic):
    reporter = world.users["other_member"]
    client = client_for(reporter)
    url = f"{API}/posts/{topic.first_post_id}/report/"
    first = post_json(client, url, {"reason": "spam", "text": "פרסומת"})
    assert first.status_code == 201, first.content
    again = post_json(client, url, {"reason": "spam"})
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert PostReport.objects.get().reporter == reporter
    bad = post_json(client, url, {"reason": "nonsense"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["loc"] == [
        "body",
        "reason",
    ]
    assert post_json(Client(), url, {"reason": "spam"}).status_code == 401

    for path in (f"topics/{topic.pk}", f"forums/{world.general.pk}"):
        sub = f"{API}/{path}/subscription/"
        assert client.post(sub).json() == {"subscribed": True}
        assert client.delete(sub).json() == {"subscribed": False}
        assert Client().post(sub).status_code == 401
    client.post(f"{API}/topics/{topic.pk}/subscription/")
    assert client.get(f"{API}/topics/{topic.pk}/").json()["subscribed"] is True
    private = make_topic(world.private, world.users["member"], "פרטי", "x")
    assert client.post(f"{API}/topics/{private.pk}/subscription/").status_code == 404


@NO_QUEUE
def test_post_html_is_sanitised(world):
    client = client_for(world.users["member"])
    evil = (
        "<script>alert(1)</script> [click](javascript:alert(2)) "
        '<img src=x onerror="alert(3)"> [ok](https://example.org)'
    )
    created = post_json(
        client,
        f"{API}/forums/{world.general.pk}/topics/",
        {"subject": "<b>x</b>", "content": evil},
    )
    assert created.status_code == 201
    topic_id = created.json()["topic"]["id"]
    html = client_for(None).get(f"{API}/topics/{topic_id}/").json()["posts"][0]
    content = html["content_html"]
    assert "<script" not in content and "&lt;script&gt;" in content  # text only
    assert 'href="javascript' not in content.lower() and "<img" not in content
    assert '<a href="https://example.org" rel="nofollow ugc noopener">ok</a>' in content
    assert html["content"] is None  # the source is for its editors only


def test_reading_marks_the_topic_read_and_counts_a_view(world, topic):
    member = world.users["moderator"]
    client = client_for(member)
    listing = client.get(f"{API}/forums/{world.general.pk}/topics/").json()
    assert listing["topics"][0]["unread"] is True
    client.get(f"{API}/topics/{topic.pk}/")
    listing = client.get(f"{API}/forums/{world.general.pk}/topics/").json()
    assert listing["topics"][0]["unread"] is False
    assert listing["topics"][0]["views_count"] == 1
    client_for(None).get(f"{API}/topics/{topic.pk}/")
    assert Topic.objects.get(pk=topic.pk).views_count == 2


def test_forum_tree_has_counts_and_last_post(world, topic):
    tree = client_for(None).get(f"{API}/forums/").json()
    area = next(
        n for n in tree["forums"] if world.general.pk in forum_ids(n["children"])
    )
    assert area["type"] == "category" and area["can_start_topic"] is False
    general = next(n for n in area["children"] if n["id"] == world.general.pk)
    assert general["topics_count"] == 1 and general["posts_count"] == 1
    assert general["last_post"]["id"] == topic.last_post_id
    assert area["posts_count"] >= 1 and tree["posts_count"] >= 1
    assert general["html_url"] == reverse(
        "forum:forum", kwargs={"slug": world.general.slug, "pk": world.general.pk}
    )


def test_openapi_lists_the_forum_paths(world):
    paths = Client().get("/api/v3/openapi.json").json()["paths"]
    for path in (
        "/api/v3/forum/forums/",
        "/api/v3/forum/forums/{forum_id}/topics/",
        "/api/v3/forum/topics/{topic_id}/",
        "/api/v3/forum/topics/{topic_id}/posts/",
        "/api/v3/forum/posts/{post_id}/",
        "/api/v3/forum/topics/{topic_id}/subscription/",
        "/api/v3/forum/forums/{forum_id}/subscription/",
        "/api/v3/forum/posts/{post_id}/report/",
    ):
        assert path in paths, path
    assert paths["/api/v3/forum/forums/"]["get"]["tags"] == ["forum"]


# --- query counts ------------------------------------------------------------------

N = 4


def grow(world, topics: int, replies: int):
    """``topics`` topics in the general forum, each with ``replies`` replies."""
    posters = [world.users["member"], world.users["moderator"]]
    for number in range(topics):
        make_topic(
            world.general, posters[number % 2], f"נושא {number}", f"**{number}**"
        )
    measured = Topic.objects.filter(forum=world.general).order_by("pk").first()
    for number in range(replies):
        Post.objects.create(
            topic=measured,
            poster=posters[number % 2],
            subject="Re",
            content=f"תגובה {number}",
        )
    return measured


def count_queries(client, url) -> int:
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries)


@pytest.mark.parametrize("role", ["anonymous", "member", "moderator"])
def test_constant_query_counts(world, role, capsys):
    client = client_for(world.users[role])
    measured = grow(world, N, N)

    def counts():
        return {
            "forums": count_queries(client, f"{API}/forums/"),
            "topics": count_queries(
                client, f"{API}/forums/{world.general.pk}/topics/?per_page=100"
            ),
            "topic": count_queries(client, f"{API}/topics/{measured.pk}/?per_page=100"),
        }

    at_n = counts()
    grow(world, N, N)
    at_2n = counts()
    with capsys.disabled():
        print(f"\nforum API queries ({role}): N={N} {at_n}, 2N {at_2n}")
    assert at_n == at_2n
    assert Topic.objects.filter(forum=world.general).count() == 2 * N
    assert measured.posts.count() == 2 * N + 1
