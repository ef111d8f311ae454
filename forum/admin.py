"""Machina's forum admin (with its per-forum permission editor) and our rows."""

from django.contrib import admin
from machina.apps.forum.admin import *  # noqa: F403  (registers machina's Forum admin)

from forum.models import CommunityForum


@admin.register(CommunityForum)
class CommunityForumAdmin(admin.ModelAdmin):
    list_display = ("forum", "scope", "community", "kind", "visibility", "hidden")
    list_filter = ("scope", "kind", "visibility", "hidden")
    list_editable = ("visibility",)
    raw_id_fields = ("forum", "community")
    search_fields = ("forum__name", "community__title")
