"""Machina's forum admin (with its per-forum permission editor) and our rows."""

from django.contrib import admin
from machina.apps.forum.admin import *  # noqa: F403  (registers machina's Forum admin)

from forum.models import CommunityForum, ForumBan, PostReport


@admin.register(CommunityForum)
class CommunityForumAdmin(admin.ModelAdmin):
    list_display = ("forum", "scope", "community", "kind", "visibility", "hidden")
    list_filter = ("scope", "kind", "visibility", "hidden")
    list_editable = ("visibility",)
    raw_id_fields = ("forum", "community")
    search_fields = ("forum__name", "community__title")


@admin.register(ForumBan)
class ForumBanAdmin(admin.ModelAdmin):
    """Bans set by moderators on reports (``forum.reports``); staff lift them here."""

    list_display = ("user", "forum", "until", "by", "created")
    list_filter = ("forum",)
    raw_id_fields = ("forum", "user", "by")
    search_fields = ("user__username", "forum__name")


@admin.register(PostReport)
class PostReportAdmin(admin.ModelAdmin):
    """Read-only history; moderators act in the forum's report queue."""

    list_display = ("post", "reason", "reporter", "status", "action", "created")
    list_filter = ("status", "reason")
    raw_id_fields = ("post", "reporter", "resolved_by")

    def has_add_permission(self, request):
        return False
