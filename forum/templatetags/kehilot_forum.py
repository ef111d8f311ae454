"""Template tags of the forum pages (``{% load kehilot_forum %}``)."""

from django import template

from forum.models import CommunityForum, Kind, Scope
from forum.permissions import can_moderate

register = template.Library()


@register.inclusion_tag("forum/includes/visibility_control.html", takes_context=True)
def forum_visibility_control(context, forum):
    """The public / members-only switch of a community forum, for its moderators."""
    request = context.get("request")
    user = getattr(request, "user", None)
    row = None
    if user is not None and user.is_authenticated and forum is not None:
        row = (
            CommunityForum.objects.filter(forum=forum, scope=Scope.COMMUNITY)
            .exclude(kind=Kind.CATEGORY)
            .first()
        )
        if row is not None and not can_moderate(user, forum, request):
            row = None
    return {"row": row, "forum": forum, "csrf_token": context.get("csrf_token")}
