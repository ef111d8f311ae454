"""Reports of posts by members, and what moderators do about them.

Machina has no reporting (its #23). A member who can read a post reports it
(``report_post``); the moderators of its forum (``forum.permissions.
can_moderate``: the community's moderators, network staff) see it in the report
queue (``forum.moderation_views``) and act with ``resolve``. Both the HTML views
and the forum API call these two functions; they raise ``PermissionDenied`` and
``ValidationError``, never return HTTP responses.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forum.models import (
    CommunityForum,
    ForumBan,
    PostReport,
    ReportReason,
    ReportStatus,
)
from forum.permissions import can_moderate, can_read

#: The actions ``resolve`` takes; options in brackets.
#: dismiss, approve (the post), hide (unapprove the post: nothing is deleted),
#: lock (the topic), move (the topic; ``target_forum``), ban (the poster from the
#: post's forum; ``until``: datetime or None for good, ``reason``: text).
ACTIONS = ("dismiss", "approve", "hide", "lock", "move", "ban")


def can_report(user, post, request=None) -> bool:
    """Whether ``user`` may report ``post``: signed in and able to read it."""
    if not getattr(user, "is_authenticated", False):
        return False
    forum = post.topic.forum
    if not can_read(user, forum, request):
        return False
    if not post.approved and post.poster_id != user.pk:
        return can_moderate(user, forum, request)
    return True


def report_post(user, post, reason: str, text: str = "", request=None) -> PostReport:
    """Report ``post`` on behalf of ``user``; returns the (open) report.

    ``PermissionDenied`` if ``user`` is anonymous or cannot read the post (its
    forum, or the post itself while it waits for approval); ``ValidationError``
    for a reason not in ``ReportReason``. Reporting a post again while the
    user's first report is still open returns that report unchanged.
    """
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_("Sign in to report a post."))
    if not can_report(user, post, request):
        raise PermissionDenied(_("You cannot read this post."))
    if reason not in ReportReason.values:
        raise ValidationError({"reason": _("Choose a reason from the list.")})
    text = (text or "").strip()[:2000]
    existing = PostReport.objects.filter(
        post=post, reporter=user, status=ReportStatus.OPEN
    ).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return PostReport.objects.create(
                post=post, reporter=user, reason=reason, text=text
            )
    except IntegrityError:  # a concurrent identical report won the race
        return PostReport.objects.get(
            post=post, reporter=user, status=ReportStatus.OPEN
        )


def resolve(moderator, report: PostReport, action: str, request=None, **options):
    """Act on ``report`` and close it (with every other open report of its post).

    Only moderators of the post's forum and network staff may (``PermissionDenied``
    otherwise). ``ValidationError`` for an unknown action, a report already
    handled, or a bad option. ``move`` needs ``target_forum``, a forum the
    moderator also moderates. Returns the report, updated.
    """
    post = report.post
    topic = post.topic
    forum = topic.forum
    if not can_moderate(moderator, forum, request):
        raise PermissionDenied(_("Only this forum's moderators can handle reports."))
    if action not in ACTIONS:
        raise ValidationError({"action": _("Unknown action.")})
    if report.status != ReportStatus.OPEN:
        raise ValidationError(_("This report has already been handled."))
    with transaction.atomic():
        _ACTIONS[action](moderator, post, request=request, **options)
        status = (
            ReportStatus.DISMISSED if action == "dismiss" else ReportStatus.RESOLVED
        )
        now = timezone.now()
        PostReport.objects.filter(post=post, status=ReportStatus.OPEN).update(
            status=status, resolved_by=moderator, resolved_at=now, action=action
        )
    report.refresh_from_db()
    return report


def _dismiss(moderator, post, **options) -> None:
    pass


def _approve(moderator, post, **options) -> None:
    if not post.approved:
        post.approved = True
        post.save()  # machina's save keeps the topic's flag and counters in step


def _hide(moderator, post, **options) -> None:
    if post.approved:
        post.approved = False
        post.save()


def _lock(moderator, post, **options) -> None:
    topic = post.topic
    if topic.status != topic.TOPIC_LOCKED:
        topic.status = topic.TOPIC_LOCKED
        topic.save()


def _move(moderator, post, target_forum=None, request=None, **options) -> None:
    topic = post.topic
    if target_forum is None or not target_forum.is_forum:
        raise ValidationError({"target_forum": _("Choose a forum to move to.")})
    if not can_moderate(moderator, target_forum, request):
        raise PermissionDenied(_("You do not moderate the forum you chose."))
    if target_forum.pk != topic.forum_id:
        topic.forum = target_forum
        topic.save()  # machina's save updates both forums' counters


def _ban(moderator, post, until=None, reason: str = "", **options) -> None:
    if post.poster_id is None:
        raise ValidationError(_("An anonymous post has nobody to ban."))
    if post.poster_id == moderator.pk:
        raise ValidationError(_("You cannot ban yourself."))
    if until is not None and until <= timezone.now():
        raise ValidationError({"until": _("The ban must end in the future.")})
    if not CommunityForum.objects.filter(forum_id=post.topic.forum_id).exists():
        # Forums made by hand follow machina's permission rows (admin), not bans.
        raise ValidationError(_("Bans apply to community and network forums only."))
    ForumBan.objects.update_or_create(
        forum_id=post.topic.forum_id,
        user_id=post.poster_id,
        defaults={"until": until, "reason": reason or "", "by": moderator},
    )


_ACTIONS = {
    "dismiss": _dismiss,
    "approve": _approve,
    "hide": _hide,
    "lock": _lock,
    "move": _move,
    "ban": _ban,
}


def open_reports_for(moderator, request=None):
    """Open reports of the forums ``moderator`` moderates (oldest first)."""
    from forum.models import Forum

    forum_ids = (
        PostReport.objects.filter(status=ReportStatus.OPEN)
        .values_list("post__topic__forum_id", flat=True)
        .distinct()
    )
    moderated = [
        forum.pk
        for forum in Forum.objects.filter(pk__in=set(forum_ids))
        if can_moderate(moderator, forum, request)
    ]
    return (
        PostReport.objects.filter(
            status=ReportStatus.OPEN, post__topic__forum_id__in=moderated
        )
        .select_related("post__topic__forum", "post__poster", "reporter")
        .order_by("created")
    )
