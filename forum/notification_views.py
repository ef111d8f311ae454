"""Unsubscribe links of the notification emails, and following a forum.

``unsubscribe``: the signed link of every email (``forum.notifications.
unsubscribe_url``). No login: the signature is the authority. A GET only shows
a confirmation page (mail security scanners open links); a POST unsubscribes:
the page's button, or a mail client's RFC 8058 one-click POST
(``List-Unsubscribe=One-Click``), which carries no CSRF token, hence the
exemption (the token in the URL already proves the request comes from the
email).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from forum import notifications
from forum.models import Forum
from forum.permissions import can_read


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        target = notifications.read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "forum/unsubscribe.html", {"invalid": True}, status=400)
    done = request.method == "POST"
    if done:
        notifications.unsubscribe(target)
    response = render(request, "forum/unsubscribe.html", {**target, "done": done})
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def forum_subscription(request, pk):
    """Follow or stop following a forum (every new post of every topic)."""
    forum = get_object_or_404(Forum, pk=pk)
    if not can_read(request.user, forum, request):
        raise PermissionDenied
    if request.method == "POST":
        if request.POST.get("follow") == "1":
            notifications.subscribe_forum(request.user, forum, request=request)
            messages.success(
                request, _("You will get an email when someone posts here.")
            )
        else:
            notifications.unsubscribe_forum(request.user, forum)
            messages.success(
                request, _("You will no longer get emails from this forum.")
            )
        return redirect("forum:forum", slug=forum.slug, pk=forum.pk)
    following = notifications.is_subscribed_to_forum(request.user, forum)
    return render(
        request,
        "forum/forum_subscription.html",
        {"forum": forum, "following": following},
    )
