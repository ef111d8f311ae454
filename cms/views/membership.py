"""Join a community; moderators decide requests; a member sees their memberships."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms import membership as rules
from cms.models import CommunityPage, Membership, MembershipStatus


def _community(page_id: int) -> CommunityPage:
    return get_object_or_404(CommunityPage.objects.live(), pk=page_id)


@login_required
@require_POST
def join(request, page_id: int):
    page = _community(page_id)
    try:
        rules.request_to_join(request.user, page, request.POST.get("message", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Your request was sent to the community's moderators.")
        )
    return redirect(page.localized.url or "/")


@login_required
def requests(request, page_id: int):
    page = _community(page_id)
    if not rules.can_moderate(request.user, page):
        raise PermissionDenied
    community = rules.community_of(page)
    pending = (
        Membership.objects.filter(community=community, status=MembershipStatus.PENDING)
        .select_related("user")
        .order_by("requested_at")
    )
    current = (
        Membership.objects.current()
        .filter(community=community)
        .select_related("user")
        .order_by("user__username", "role")
    )
    return render(
        request,
        "cms/membership_requests.html",
        {"community": page.localized, "pending": pending, "current": current},
    )


@login_required
@require_POST
def decide_request(request, pk: int):
    membership = get_object_or_404(
        Membership.objects.select_related("community"), pk=pk
    )
    decision = request.POST.get("decision")
    if decision not in ("approve", "refuse"):
        messages.error(request, _("Choose to approve or to refuse."))
    else:
        try:
            rules.decide(membership, request.user, approve=decision == "approve")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Decision saved."))
    return redirect("community_requests", page_id=membership.community_id)


@login_required
def my_memberships(request):
    rows = (
        Membership.objects.filter(user=request.user)
        .select_related("community")
        .order_by("-requested_at")
    )
    return render(request, "cms/my_memberships.html", {"memberships": rows})
