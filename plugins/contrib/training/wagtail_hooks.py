"""Admin: courses and sessions (snippets, network staff) and organisers' screens."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import Course, Session


class CourseViewSet(SnippetViewSet):
    model = Course
    icon = "doc-full"
    list_display = ["title_he", "title_en", "format", "language", "status"]
    list_filter = ["status", "format", "language"]
    search_fields = ["title_he", "title_en", "provider"]


class SessionViewSet(SnippetViewSet):
    model = Session
    icon = "date"
    list_display = ["course", "starts_at", "host_community", "capacity", "seats_taken"]
    list_filter = ["is_online"]
    ordering = ["-starts_at"]


class TrainingGroup(SnippetViewSetGroup):
    items = (CourseViewSet, SessionViewSet)
    menu_icon = "calendar-alt"
    menu_label = _("Training")
    menu_name = "training"
    menu_order = 810


register_snippet(TrainingGroup)


class OrganiserMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.is_organiser(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("", admin_views.session_list, name="sessions"),
        path("<int:pk>/", admin_views.attendance, name="attendance"),
        path("<int:pk>/attendance.csv", admin_views.attendance_csv, name="csv"),
    ]
    return [path("training-attendance/", (urls, "training_admin", "training_admin"))]


@hooks.register("register_admin_menu_item")
def register_attendance_menu_item():
    return OrganiserMenuItem(
        _("Training attendance"),
        reverse("training_admin:sessions"),
        icon_name="tick",
        order=811,
    )
