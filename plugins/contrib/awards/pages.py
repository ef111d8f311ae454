"""The program's public page (a routable Wagtail page below the home page).

Routes: the program and its past cycles (``""``), a cycle's results
(``<year>/``, 404 until announced), the nomination form (``nominate/``), the
juror's work (``jury/`` and ``jury/<nomination id>/``) and a nomination's own
page for its nominator and the community's editors (``nominations/<id>/``).
Every action goes through ``services``; the pages only show its answers.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page

from plugins.api import get_community_model, is_plugin_active

from .apps import LABEL


class AwardProgramPage(RoutablePageMixin, Page):
    """An award program's public page, with its cycles' results below it."""

    program = models.ForeignKey(
        "awards.AwardProgram", on_delete=models.PROTECT, related_name="pages"
    )

    content_panels = Page.content_panels + [FieldPanel("program")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = gettext_lazy("award program page")

    def serve(self, request, *args, **kwargs):
        if not is_plugin_active(LABEL):
            raise Http404
        return super().serve(request, *args, **kwargs)

    @property
    def language(self) -> str:
        return self.locale.language_code

    def results_url(self, cycle, request=None) -> str:
        return f"{self.get_url(request)}{cycle.year}/"

    def _render(self, request, template: str, context: dict):
        context = {
            **self.get_context(request),
            "program": self.program,
            "program_title": self.program.title_for(self.language),
            **context,
        }
        return TemplateResponse(request, f"awards/{template}", context)

    def _cycles(self):
        from .models import Nomination, Result

        awarded = (
            Nomination.objects.exclude(result=Result.NONE)
            .select_related("community")
            .order_by("rank", "pk")
        )
        return self.program.cycles.prefetch_related(
            Prefetch("nominations", queryset=awarded, to_attr="awarded")
        ).order_by("-year")

    @path("")
    def index(self, request):
        from .models import Phase

        cycles = list(self._cycles())
        current = next((c for c in cycles if c.phase < Phase.ANNOUNCED), None)
        past = [c for c in cycles if c.phase == Phase.ANNOUNCED]
        return self._render(
            request,
            "program_page.html",
            {
                "description": self.program.description_for(self.language),
                "current": current,
                "past": past,
                "nominating": current is not None and current.phase == Phase.NOMINATING,
            },
        )

    @re_path(r"^(?P<year>\d{4})/$")
    def results(self, request, year):
        from .models import Phase

        cycle = self._cycles().filter(year=int(year), phase=Phase.ANNOUNCED).first()
        if cycle is None:
            raise Http404
        criteria = cycle.criteria.order_by("sort_order")
        self._localise(cycle.awarded)
        return self._render(
            request,
            "results.html",
            {
                "cycle": cycle,
                "winners": [n for n in cycle.awarded if n.result == "winner"],
                "mentions": [n for n in cycle.awarded if n.result == "mention"],
                "criteria": [(c.name_for(self.language), c.weight) for c in criteria],
            },
        )

    def _localise(self, nominations) -> None:
        """Set ``local_community``: the winner's live page in this page's
        language (one query for all of them)."""
        keys = {n.community.translation_key for n in nominations if n.community_id}
        local = {
            c.translation_key: c
            for c in get_community_model()
            .objects.live()
            .filter(translation_key__in=keys, locale_id=self.locale_id)
        }
        for n in nominations:
            key = n.community.translation_key if n.community_id else None
            n.local_community = local.get(key)

    # --- signed-in routes -------------------------------------------------------
    def _open_cycle(self):
        from .models import Phase

        return (
            self.program.cycles.filter(phase__lt=Phase.ANNOUNCED)
            .order_by("-year")
            .first()
        )

    @path("nominate/")
    def nominate(self, request):
        from . import services
        from .forms import NominationForm
        from .models import Phase

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        cycle = self._open_cycle()
        form = NominationForm(
            request.POST or None, request.FILES or None, language=self.language
        )
        if request.method == "POST" and cycle is not None and form.is_valid():
            data = form.cleaned_data
            try:
                nomination, merged = services.nominate(
                    request.user,
                    cycle,
                    community=data["community"],
                    nominee_name=data["nominee_name"],
                    nominee_description=data["nominee_description"],
                    nominee_website=data["nominee_website"],
                    statement=data["statement"],
                    contact_name=data["contact_name"],
                    contact_email=data["contact_email"],
                    contact_phone=data["contact_phone"],
                    files=request.FILES.getlist("files"),
                    language=self.language,
                )
            except services.AwardError as error:
                form.add_error(
                    error.field if error.field in form.fields else None, error.message
                )
            else:
                messages.success(request, _merged_message(nomination, merged))
                return redirect(f"{self.get_url(request)}nominations/{nomination.pk}/")
        nominating = cycle is not None and cycle.phase == Phase.NOMINATING
        return self._render(
            request,
            "nominate.html",
            {"cycle": cycle, "form": form, "nominating": nominating},
        )

    @re_path(r"^nominations/(?P<nomination_id>\d+)/$")
    def nomination(self, request, nomination_id):
        from . import services
        from .forms import MaterialForm
        from .rules import is_community_editor, may_read_nomination

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        nomination = self._nomination(nomination_id)
        if not may_read_nomination(request.user, nomination):
            raise Http404
        form = MaterialForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.add_material(
                    request.user,
                    nomination,
                    form.cleaned_data["text"],
                    request.FILES.getlist("files"),
                )
            except services.AwardError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your material was added."))
                return redirect(request.path)
        return self._render(
            request,
            "nomination.html",
            {
                "nomination": nomination,
                "documents": nomination.documents.all(),
                "additions": nomination.additions.all(),
                "form": form if is_community_editor(request.user, nomination) else None,
            },
        )

    def _nomination(self, nomination_id):
        from .models import Nomination

        nomination = (
            Nomination.objects.select_related("cycle__program", "community")
            .filter(pk=nomination_id, cycle__program=self.program)
            .first()
        )
        if nomination is None:
            raise Http404
        return nomination

    @path("jury/")
    def jury(self, request):
        from . import services
        from .jury import assignments

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        cycle = self._open_cycle()
        try:
            rows = assignments(request.user, cycle) if cycle else []
        except services.AwardError as error:
            return self._render(request, "jury.html", {"error": error.message})
        return self._render(request, "jury.html", {"cycle": cycle, "rows": rows})

    @re_path(r"^jury/(?P<nomination_id>\d+)/$")
    def jury_nomination(self, request, nomination_id):
        from . import services
        from .forms import ScoreForm
        from .jury import visible_scores
        from .models import Phase
        from .rules import has_conflict, juror_seat

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        nomination = self._nomination(nomination_id)
        cycle = nomination.cycle
        seat = juror_seat(request.user, cycle)
        if seat is None or has_conflict(request.user, nomination):
            raise Http404  # conflicts never see the file, not even its scores
        criteria = list(cycle.criteria.order_by("sort_order"))
        scores = list(visible_scores(request.user, nomination))
        mine = {s.criterion_id: s for s in scores if s.juror_id == seat.pk}
        initial = {f"value_{k}": s.value for k, s in mine.items()} | {
            f"comment_{k}": s.comment for k, s in mine.items()
        }
        form = ScoreForm(
            request.POST or None,
            initial=initial,
            criteria=criteria,
            language=self.language,
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.submit_scores(request.user, nomination, form.entries())
            except services.AwardError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your scores were saved."))
                return redirect(request.path)
        others = [s for s in scores if s.juror_id != seat.pk]
        return self._render(
            request,
            "jury_nomination.html",
            {
                "nomination": nomination,
                "documents": nomination.documents.all(),
                "additions": nomination.additions.all(),
                "form": form,
                "judging": cycle.phase == Phase.JUDGING,
                "others": others,
            },
        )


def _merged_message(nomination, merged: bool) -> str:
    if merged:
        return _(
            "%(name)s was already nominated (nomination #%(id)s): your statement "
            "and documents were added to it as support."
        ) % {"name": nomination.nominee_name, "id": nomination.pk}
    return _("Thank you: your nomination #%(id)s was received.") % {"id": nomination.pk}


def ensure_program_page(program) -> AwardProgramPage | None:
    """The program's live page in the default site's language, created and
    published below the home page (with translations below the home page's
    translations) when the program has none. ``None`` without a default site."""
    from wagtail.models import Site

    page = AwardProgramPage.objects.live().filter(program=program).order_by("pk")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        local = page.filter(locale=site.root_page.locale_id).first()
        if local is not None:
            return local
    if page.exists() or site is None:
        return page.first()
    home = site.root_page
    created = AwardProgramPage(
        title=program.title_he, slug=f"awards-{program.slug}", program=program
    )
    home.add_child(instance=created)
    created.save_revision().publish()
    for translation in home.get_translations():
        copy = created.copy_for_translation(translation.locale)
        copy.title = program.title_for(translation.locale.language_code)
        copy.save_revision().publish()
    created.refresh_from_db()
    return created
