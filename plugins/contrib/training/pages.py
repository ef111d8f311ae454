"""The public catalog as one routable Wagtail page (and its translations).

Routes below the page (``/training/`` in Hebrew, ``/en/training/`` in English):

=================================  ============================================
``""``                             courses with filters (query string)
``course/<slug>/``                 a course and its upcoming sessions
``course/<slug>/ical/``            iCal feed of the course's sessions
``ical/``                          iCal feed of the whole catalog
``sessions/<id>/register/``        POST, signed in: register (or waitlist)
``registrations/<id>/cancel/``     POST, signed in: cancel one's registration
``mine/``                          signed in: the member's training history
=================================  ============================================
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page

from plugins.api import current_memberships, is_plugin_active, plugin_settings

from . import services
from .apps import LABEL
from .catalog import (
    CatalogFilters,
    filter_choices,
    localized_communities,
    matching_courses,
    upcoming_sessions,
)
from .ical import calendar
from .models import Course, Registration, RegistrationStatus


def catalog_page(language: str):
    """The live catalog page in ``language`` (else any live one), or ``None``."""
    pages = CatalogPage.objects.live().order_by("pk")
    return pages.filter(locale__language_code=language).first() or pages.first()


def course_url(course: Course, language: str, *, full: bool = False) -> str:
    """The course's page in the catalog of ``language`` (``""`` without one)."""
    page = catalog_page(language)
    if page is None:
        return ""
    base = page.get_full_url() if full else page.get_url()
    if not base:
        return ""
    return base + page.reverse_subpage("course", args=[course.slug])


class CatalogPage(RoutablePageMixin, Page):
    """The training catalog: filters, course pages, feeds, registration."""

    intro = models.TextField(gettext_lazy("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "training/catalog_page.html"

    class Meta:
        verbose_name = gettext_lazy("training catalog")

    @property
    def language(self) -> str:
        return self.locale.language_code

    def serve(self, request, *args, **kwargs):
        if not is_plugin_active(LABEL):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def url_for(self, course: Course, request=None) -> str:
        return (self.get_url(request) or "") + self.reverse_subpage(
            "course", args=[course.slug]
        )

    # --- the list -------------------------------------------------------------
    @path("", name="list")
    def catalog(self, request):
        filters = CatalogFilters.from_params(request.GET)
        courses = matching_courses(filters)
        size = int(plugin_settings(LABEL).get("page_size", 20))
        listing = Paginator(courses, size).get_page(request.GET.get("page"))
        for course in listing:
            course.url = self.url_for(course, request)
        hosts = [s.host_community for c in listing for s in c.upcoming]
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "choices": filter_choices(),
                "listing": listing,
                "communities": localized_communities(hosts),
                "language": self.language,
                "query": _query_without_page(request),
            },
        )

    # --- one course -----------------------------------------------------------
    def _course(self, slug: str) -> Course:
        course = Course.objects.published().filter(slug=slug).first()
        if course is None:
            raise Http404(_("There is no such course."))
        return course

    @re_path(r"^course/(?P<slug>[-\w]+)/$", name="course")
    def course(self, request, slug: str):
        course = self._course(slug)
        sessions = list(
            upcoming_sessions()
            .filter(course=course)
            .select_related("host_community")
            .prefetch_related("eligible_communities")
        )
        mine = {}
        memberships = None
        if request.user.is_authenticated:
            mine = {
                r.session_id: r
                for r in Registration.objects.filter(
                    user=request.user,
                    session__in=[s.pk for s in sessions],
                    status__in=[
                        RegistrationStatus.REGISTERED,
                        RegistrationStatus.WAITLISTED,
                    ],
                )
            }
            memberships = current_memberships(request.user)
        for session in sessions:
            session.mine = mine.get(session.pk)
            if session.mine is not None:
                session.position = services.waitlist_position(session.mine)
            session.verdict = services.eligibility(request.user, session, memberships)
        return self.render(
            request,
            template="training/course_page.html",
            context_overrides={
                "course": course,
                "sessions": sessions,
                "communities": localized_communities(
                    [s.host_community for s in sessions]
                ),
                "language": self.language,
                "course_title": course.title_for(self.language),
                "course_description": course.description_for(self.language),
            },
        )

    # --- feeds ----------------------------------------------------------------
    def _feed(self, request, sessions, name: str, filename: str) -> HttpResponse:
        body = calendar(
            sessions.select_related("course", "host_community"),
            name=name,
            language=self.language,
            url_for=lambda course: request.build_absolute_uri(
                self.url_for(course, request)
            ),
            host=request.get_host().split(":")[0],
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        return response

    @path("ical/", name="ical")
    def catalog_ical(self, request):
        return self._feed(request, upcoming_sessions(), self.title, "training.ics")

    @re_path(r"^course/(?P<slug>[-\w]+)/ical/$", name="course_ical")
    def course_ical(self, request, slug: str):
        course = self._course(slug)
        sessions = upcoming_sessions().filter(course=course)
        name = course.title_for(self.language)
        return self._feed(request, sessions, name, f"{course.pk}.ics")

    # --- registration ---------------------------------------------------------
    @path("sessions/<int:session_id>/register/", name="register")
    def register(self, request, session_id: int):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        session = upcoming_sessions().select_related("course").filter(pk=session_id)
        session = session.first()
        back = self.url_for(session.course, request) if session else self.url
        if not request.user.is_authenticated:
            return redirect_to_login(back)
        try:
            registration = services.register(
                request.user, session_id, language=self.language
            )
        except services.TrainingError as error:
            messages.error(request, error.message)
        else:
            if registration.status == RegistrationStatus.REGISTERED:
                messages.success(request, _("You are registered. See you there!"))
            else:
                messages.warning(
                    request,
                    _(
                        "The session is full: you are on the waitlist. We will email "
                        "you if a seat frees up."
                    ),
                )
        return redirect(back or "/")

    @path("registrations/<int:registration_id>/cancel/", name="cancel")
    def cancel(self, request, registration_id: int):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.is_authenticated:
            return redirect_to_login(self.url)
        try:
            services.cancel(request.user, registration_id)
        except services.TrainingError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your registration is cancelled."))
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}):
            back = self.url_for_mine(request)
        return redirect(back)

    def url_for_mine(self, request=None) -> str:
        return (self.get_url(request) or "") + self.reverse_subpage("mine")

    # --- the member's history -------------------------------------------------
    @path("mine/", name="mine")
    def mine(self, request):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        rows = list(
            Registration.objects.filter(user=request.user)
            .select_related("session__course", "session__host_community")
            .order_by("-session__starts_at", "-pk")
        )
        for row in rows:
            row.course_url = self.url_for(row.session.course, request)
        return self.render(
            request,
            template="training/my_training.html",
            context_overrides={
                "registrations": rows,
                "now": timezone.now(),
                "communities": localized_communities(
                    [r.session.host_community for r in rows]
                ),
                "language": self.language,
            },
        )


def _query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
