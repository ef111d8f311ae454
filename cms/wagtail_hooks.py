"""Wagtail admin: memberships for network staff.

Moderators decide join requests at /membership/<community id>/requests/.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from cms.models import Membership


class MembershipViewSet(ModelViewSet):
    """Needs the ``cms.*_membership`` model permissions (the Network staff group)."""

    model = Membership
    icon = "group"
    menu_label = _("Memberships")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["user", "community", "role", "status", "term_start", "term_end"]
    list_filter = ["status", "role", "community"]
    form_fields = [
        "user",
        "community",
        "role",
        "status",
        "term_start",
        "term_end",
        "message",
    ]
    ordering = ["-requested_at"]


@hooks.register("register_admin_viewset")
def register_membership_viewset():
    return MembershipViewSet("memberships")
