"""The manager's cycle screen in the Wagtail admin: phase, jury progress
(who has scored what), ranking, eligibility, confirming and announcing.

Every button is a POST that goes through ``services``; a refusal comes back as
an error message and changes nothing. Only the program's managers (and
superusers) get in; others get 403.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import services
from .jury import progress
from .models import AwardCycle, Nomination, Phase, Result
from .ranking import rank_cycle
from .rules import is_manager


class CycleDashboardView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "awards/admin/cycle.html"
    page_title = gettext_lazy("Award cycle")
    header_icon = "pick"

    def dispatch(self, request, *args, **kwargs):
        self.cycle = get_object_or_404(
            AwardCycle.objects.select_related("program"), pk=kwargs["pk"]
        )
        if not is_manager(request.user, self.cycle.program):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.cycle)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        cycle = self.cycle
        context.update(
            cycle=cycle,
            phase_label=cycle.get_phase_display(),
            can_advance=cycle.phase < Phase.JUDGING_CLOSED,
            can_confirm=cycle.phase == Phase.JUDGING_CLOSED,
            can_announce=cycle.phase == Phase.JUDGING_CLOSED
            and cycle.results_confirmed_at is not None,
            deciding_eligibility=cycle.phase
            in (Phase.NOMINATING, Phase.NOMINATIONS_CLOSED),
            progress=progress(self.request.user, cycle),
            ranking=rank_cycle(cycle),
            nominations=cycle.nominations.select_related("community"),
            Result=Result,
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        try:
            message = self._act(action, request)
        except services.AwardError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, message)
        return redirect(reverse("awards_cycle", args=[self.cycle.pk]))

    def _act(self, action: str, request) -> str:
        user, cycle = request.user, self.cycle
        if action == "advance":
            services.advance_phase(cycle, user)
            return _("The cycle is now in the phase: %(phase)s.") % {
                "phase": cycle.get_phase_display()
            }
        if action == "confirm":
            services.confirm_results(
                user,
                cycle,
                request.POST.getlist("winners"),
                request.POST.getlist("mentions"),
            )
            return _("The results are confirmed. Announce them when ready.")
        if action == "announce":
            services.announce(cycle, user)
            return _("The results are announced.")
        if action in ("eligible", "ineligible"):
            nomination = get_object_or_404(
                Nomination, pk=request.POST.get("nomination"), cycle=cycle
            )
            services.set_eligibility(user, nomination, action == "eligible")
            return _("Eligibility saved.")
        raise services.AwardError(_("Unknown action."))
