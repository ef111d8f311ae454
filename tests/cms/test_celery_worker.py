"""A real Celery worker on Redis runs our tasks and Wagtail's django-tasks.

Needs PostgreSQL (the worker process must see the test database) and Redis; CI
provides both. The worker consumes a queue unique to this run.
"""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.utils import timezone
from wagtail.models import ReferenceIndex

from cms.celery import app
from cms.models import Membership, MembershipRole, MembershipStatus, StandardPage
from tests.sitebuilder import SiteBuilder, publish

ROOT = Path(__file__).resolve().parents[2]
# serialized_rollback: keep the rows migrations made (root page, locales) per test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def _forget_connections() -> None:
    """Drop the broker pool and result backend the app cached under other settings.

    Earlier tests in this process ran tasks eagerly; the app keeps the pool and
    backend it built then (for the default broker), and would send there.
    """
    app._pool = None
    app.amqp._producer_pool = None
    app._backend_cache = None
    app._local.__dict__.pop("backend", None)


@pytest.fixture
def worker_mail_dir(tmp_path):
    """Where the worker's file email backend writes (one file per connection)."""
    path = tmp_path / "worker-mail"
    path.mkdir()
    return path


@pytest.fixture
def worker(postgres, redis_url, worker_mail_dir):
    queue = f"kehilot-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": redis_url,
        "CELERY_BROKER_URL": redis_url,
        "CELERY_RESULT_BACKEND": redis_url,
        # django-environ: "filemail://" + an absolute path (hence four slashes).
        "EMAIL_URL": f"filemail:///{worker_mail_dir}",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "cms",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    saved = {
        key: app.conf[key]
        for key in (
            "broker_url",
            "result_backend",
            "task_always_eager",
            "task_default_queue",
        )
    }
    app.conf.update(
        broker_url=redis_url,
        result_backend=redis_url,
        task_always_eager=False,
        task_default_queue=queue,
    )
    _forget_connections()
    try:
        yield queue
    finally:
        app.conf.update(saved)
        _forget_connections()
        process.terminate()
        try:
            output, _ = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        if output:
            print(output.decode(errors="replace")[-3000:])


def test_worker_ends_expired_memberships(worker):
    site = SiteBuilder.build()
    community = site.community("קהילת פראג", city="פראג", country="CZ")
    editor = User.objects.create_user("ed", "ed@example.org", "pw")
    row = Membership.objects.create(
        user=editor,
        community=community,
        role=MembershipRole.EDITOR,
        status=MembershipStatus.APPROVED,
    )
    assert editor.groups.filter(pk=community.editors_group_id).exists()
    Membership.objects.filter(pk=row.pk).update(
        term_start=timezone.now() - timezone.timedelta(days=30),
        term_end=timezone.now() - timezone.timedelta(minutes=1),
    )
    from cms.tasks import end_expired_memberships

    assert end_expired_memberships.delay().get(timeout=60) == 1
    row.refresh_from_db()
    assert row.status == MembershipStatus.ENDED
    assert not editor.groups.filter(pk=community.editors_group_id).exists()


def test_wagtail_background_tasks_run_on_the_worker(worker, settings):
    settings.TASKS = {"default": {"BACKEND": "cms.tasks_backend.CeleryTaskBackend"}}
    from django_tasks import task_backends

    from cms.tasks_backend import CeleryTaskBackend

    assert isinstance(task_backends["default"], CeleryTaskBackend)  # not run inline
    site = SiteBuilder.build()
    target = site.community("קהילת בודפשט", city="בודפשט", country="HU")
    linking = publish(
        site.home,
        StandardPage(
            title="קישור",
            slug="link",
            body=[
                (
                    "call_to_action",
                    {
                        "title": "בואו",
                        "button_label": "לקהילה",
                        "link_page": target,
                        "link_url": "",
                    },
                )
            ],
        ),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        references = ReferenceIndex.get_references_for_object(linking)
        if references.filter(to_object_id=str(target.pk)).exists():
            break
        time.sleep(0.5)
    else:
        pytest.fail("the worker never updated Wagtail's reference index")


def test_search_outbox_is_drained_by_the_worker(worker):
    """A committed save hands the outbox to the worker, which indexes the page
    into the PostgreSQL engine; nothing runs in the saving process."""
    from search.models import OutboxItem, SearchEntry
    from search.service import SearchParams, run_search

    site = SiteBuilder.build()
    community = site.community("קהילת וינה", city="וינה", country="AT")
    page = publish(
        community, StandardPage(title="והקהילה בווינה חוגגת", slug="vienna-party")
    )
    key = f"cms.standardpage:{page.pk}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if SearchEntry.objects.filter(key=key).exists():
            break
        time.sleep(0.5)
    else:
        pytest.fail("the worker never drained the search outbox")
    assert not OutboxItem.objects.filter(object_id=str(page.pk)).exists()
    found = run_search(None, SearchParams(q="קהילה חוגגת"), record=False)
    assert [r.hit.key for r in found.results] == [key]


def test_forum_reply_email_is_sent_by_the_worker(worker, worker_mail_dir):
    """A committed reply reaches the worker, which emails the topic's subscriber
    (through its own file email backend)."""
    from machina.core.db.models import get_model

    from forum import notifications
    from forum.models import CommunityForum, Kind
    from tests.sitebuilder import role_holder

    Topic = get_model("forum_conversation", "Topic")
    Post = get_model("forum_conversation", "Post")
    site = SiteBuilder.build()
    community = site.community("קהילת ליסבון", city="ליסבון", country="PT")
    forum = CommunityForum.objects.get(community=community, kind=Kind.GENERAL).forum
    author = role_holder(community, "author")
    follower = role_holder(community, "follower")
    topic = Topic.objects.create(
        forum=forum, poster=author, subject="ערב שירה", type=0, status=0
    )
    Post.objects.create(
        topic=topic, poster=author, subject="ערב שירה", content="מי בא?"
    )
    notifications.subscribe_topic(follower, topic)
    Post.objects.create(topic=topic, poster=author, subject="Re", content="**מחר** ב-8")

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        sent = [path.read_text() for path in worker_mail_dir.glob("*.log")]
        if any("follower@example.org" in mail for mail in sent):
            break
        time.sleep(0.5)
    else:
        pytest.fail("the worker never sent the reply notification")
    mail = next(mail for mail in sent if "follower@example.org" in mail)
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in mail
    assert "author@example.org" not in mail  # the poster is not told of their post
