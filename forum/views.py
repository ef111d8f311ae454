"""Forum views: ours, and machina's views we replace.

Machina resolves its views with ``get_class("forum.views", name)``: a class defined
here under machina's name (``IndexView``, ``ForumView``) replaces machina's;
anything else falls back to machina's own.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forum import areas
from forum.models import CommunityForum, Kind, Scope, Visibility
from forum.permissions import can_moderate

# The project search's document type for forum posts (search.documents).
#: The search's document types for the forum (``forum.search_documents``).
FORUM_SEARCH_TYPES = ("forum_topic", "forum_post")


def forum_search(request):
    """Machina's search page: hand the query to the project search (``/search/``)."""
    query = [("q", request.GET.get("q", "")[:200])]
    query += [("type", kind) for kind in FORUM_SEARCH_TYPES]
    return HttpResponseRedirect(f"{reverse('search')}?{urlencode(query)}")


@require_POST
def forum_visibility(request, pk):
    """Switch a community forum between public and members-only (its moderators)."""
    row = get_object_or_404(
        CommunityForum.objects.select_related("forum"),
        forum_id=pk,
        scope=Scope.COMMUNITY,
        kind__in=[Kind.GENERAL, Kind.ANNOUNCEMENTS],
    )
    if not can_moderate(request.user, row.forum, request):
        raise PermissionDenied
    visibility = request.POST.get("visibility", "")
    if visibility not in Visibility.values:
        messages.error(request, _("Choose who can read this forum."))
    else:
        areas.set_visibility(row.forum, visibility)
        messages.success(request, _("Saved: who can read this forum."))
    return redirect("forum:forum", slug=row.forum.slug, pk=row.forum.pk)
