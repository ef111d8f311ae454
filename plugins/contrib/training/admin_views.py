"""Organisers' screens: their sessions, attendance marking and a CSV export.

Organisers are network staff (the ``training.change_session`` permission, e.g.
superusers or a "Training organisers" group) and the current editors of a
session's host community (their ``editor`` membership role). Every view checks
``services.can_organise`` for the session it touches.
"""

from __future__ import annotations

import csv
import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.api import user_community_keys

from . import services
from .models import Session

ATTENDANCE_VALUES = {"yes": True, "no": False, "": None}


def is_staff_organiser(user) -> bool:
    return user.is_superuser or user.has_perm("training.change_session")


def organised_sessions(user):
    """Sessions ``user`` organises: from 90 days ago on, newest first."""
    since = timezone.now() - datetime.timedelta(days=90)
    sessions = Session.objects.filter(starts_at__gte=since)
    if not is_staff_organiser(user):
        keys = user_community_keys(user, ("editor",))
        sessions = sessions.filter(host_community__translation_key__in=keys)
    return sessions.select_related("course", "host_community").annotate(
        waiting=Count("registrations", filter=Q(registrations__status="waitlisted"))
    )


def is_organiser(user) -> bool:
    return is_staff_organiser(user) or bool(user_community_keys(user, ("editor",)))


def session_list(request):
    if not is_organiser(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "training/admin/sessions.html",
        {
            "page_title": _("Training attendance"),
            "header_icon": "calendar",
            "sessions": organised_sessions(request.user).order_by("-starts_at"),
        },
    )


def _session(request, pk: int) -> Session:
    session = get_object_or_404(
        Session.objects.select_related("course", "host_community"), pk=pk
    )
    if not services.can_organise(request.user, session):
        raise PermissionDenied
    return session


def attendance(request, pk: int):
    session = _session(request, pk)
    if request.method == "POST":
        choices = {}
        for key, value in request.POST.items():
            if key.startswith("attended-") and key[9:].isdigit():
                if value not in ATTENDANCE_VALUES:
                    messages.error(request, _("Choose yes, no or unknown."))
                    return redirect("training_admin:attendance", pk=session.pk)
                choices[int(key[9:])] = ATTENDANCE_VALUES[value]
        changed = services.mark_attendance(session, choices)
        messages.success(
            request, _("Attendance saved (%(count)s changed).") % {"count": changed}
        )
        return redirect("training_admin:attendance", pk=session.pk)
    rows = session.registrations.select_related("user").order_by("status", "created_at")
    return TemplateResponse(
        request,
        "training/admin/attendance.html",
        {
            "page_title": _("Attendance"),
            "page_subtitle": str(session),
            "header_icon": "tick",
            "session": session,
            "registrations": rows,
        },
    )


def attendance_csv(request, pk: int):
    session = _session(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="training-session-{session.pk}.csv"'
    )
    response.write("\ufeff")  # spreadsheet programs then read Hebrew as UTF-8
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Name"),
            _("Email"),
            _("Status"),
            _("Registered at"),
            _("Promoted at"),
            _("Attended"),
        ]
    )
    labels = {True: _("yes"), False: _("no"), None: ""}
    rows = session.registrations.select_related("user").order_by("status", "created_at")
    for row in rows:
        writer.writerow(
            [
                _safe(row.user.get_full_name() or row.user.get_username()),
                _safe(row.user.email),
                row.get_status_display(),
                row.created_at.isoformat(),
                row.promoted_at.isoformat() if row.promoted_at else "",
                labels[row.attended],
            ]
        )
    return response


def _safe(value: str) -> str:
    """No spreadsheet formulas from user-entered names (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
