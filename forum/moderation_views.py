"""Reports on the site: the "Report" form of a post and the moderators' queue.

The rules are ``forum.reports`` (shared with the API); these views only turn
them into pages, messages and redirects.
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from machina.core.db.models import get_model

from forum import reports
from forum.models import Forum, PostReport, ReportReason, ReportStatus
from forum.permissions import can_moderate, readable_forum_ids

Post = get_model("forum_conversation", "Post")

#: Ban lengths offered in the queue (days; 0 = for good).
BAN_DAYS = (1, 7, 30, 0)


def post_url(post) -> str:
    from django.urls import reverse

    topic = post.topic
    url = reverse(
        "forum_conversation:topic",
        kwargs={
            "forum_slug": topic.forum.slug,
            "forum_pk": topic.forum.pk,
            "slug": topic.slug,
            "pk": topic.pk,
        },
    )
    return f"{url}?post={post.pk}#{post.pk}"


@login_required
@require_http_methods(["GET", "POST"])
def report_post(request, pk):
    post = get_object_or_404(Post.objects.select_related("topic__forum"), pk=pk)
    if request.method == "POST":
        try:
            reports.report_post(
                request.user,
                post,
                request.POST.get("reason", ""),
                request.POST.get("text", ""),
                request=request,
            )
        except ValidationError:
            messages.error(request, _("Choose a reason from the list."))
        else:
            messages.success(request, _("Thank you. The moderators will look at it."))
            return redirect(post_url(post))
    elif not reports.can_report(request.user, post, request):
        raise PermissionDenied
    context = {"post": post, "reasons": ReportReason.choices, "back": post_url(post)}
    return render(request, "forum/report_form.html", context)


def moderated_forums(user, request) -> list:
    """The forums ``user`` moderates, in tree order."""
    readable = Forum.objects.filter(pk__in=readable_forum_ids(user, request))
    return [forum for forum in readable if can_moderate(user, forum, request)]


@login_required
def report_queue(request):
    forums = moderated_forums(request.user, request)
    if not forums:
        raise PermissionDenied
    context = {
        "reports": reports.open_reports_for(request.user, request),
        "move_targets": [forum for forum in forums if forum.is_forum],
        "ban_days": BAN_DAYS,
    }
    return render(request, "forum/report_queue.html", context)


@login_required
@require_POST
def resolve_report(request, pk):
    report = get_object_or_404(
        PostReport.objects.select_related("post__topic__forum"),
        pk=pk,
        status=ReportStatus.OPEN,
    )
    action = request.POST.get("action", "")
    options = {}
    if action == "move":
        target = request.POST.get("target_forum", "")
        options["target_forum"] = (
            Forum.objects.filter(pk=int(target)).first() if target.isdigit() else None
        )
    elif action == "ban":
        days = request.POST.get("days", "0")
        days = int(days) if days.isdigit() else 0
        options["until"] = timezone.now() + timedelta(days=days) if days else None
        options["reason"] = request.POST.get("reason", "")[:500]
    try:
        reports.resolve(request.user, report, action, request=request, **options)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Done: the report is closed."))
    return redirect("forum_report_queue")
