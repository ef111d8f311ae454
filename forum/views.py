"""Forum views: ours, and machina's views we replace.

machina's ``get_class("forum.views", name)`` does not look here (for an app whose
path has no dot it imports the package ``forum``, not ``forum.views``), so a view
replacing machina's is routed explicitly in ``forum/site_urls.py``, before
machina's URLs; machina's URL names keep working for links.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from machina.apps.forum.views import ForumVisibilityContentTree
from machina.apps.forum.views import IndexView as MachinaIndexView

from forum import areas
from forum.models import CommunityForum, Forum, Kind, Scope, Visibility
from forum.permissions import can_moderate

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


class IndexView(MachinaIndexView):
    """Machina's index, with each forum's last post's topic fetched in the same
    query: its template follows ``node.last_post.topic`` for every forum, one
    query each (the index grew by a query per forum)."""

    def get_queryset(self):
        forums = Forum.objects.select_related(
            "last_post", "last_post__poster", "last_post__topic"
        )
        return ForumVisibilityContentTree.from_forums(
            self.request.forum_permission_handler.forum_list_filter(
                forums, self.request.user
            )
        )
