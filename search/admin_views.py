"""Wagtail admin → Reports → Search queries: what people search for, and what
finds nothing, over the last days (anonymous counts, ``search.models.QueryStat``)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from search.models import QueryStat

PERIODS = (7, 30, 90)


def query_report(days: int, limit: int = 50) -> dict[str, Any]:
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    rows = (
        QueryStat.objects.filter(day__gte=since)
        .values("query")
        .annotate(searches=Sum("searches"), zero_results=Sum("zero_results"))
    )
    top = list(rows.order_by("-searches", "query")[:limit])
    zero = list(
        rows.filter(zero_results__gt=0).order_by("-zero_results", "query")[:limit]
    )
    totals = QueryStat.objects.filter(day__gte=since).aggregate(
        searches=Sum("searches"), zero_results=Sum("zero_results")
    )
    return {
        "top": top,
        "zero": zero,
        "total_searches": totals["searches"] or 0,
        "total_zero": totals["zero_results"] or 0,
    }


class SearchQueriesView(WagtailAdminTemplateMixin, TemplateView):
    """Any admin user may read it: it names queries, never people."""

    template_name = "search/admin/queries.html"
    page_title = gettext_lazy("Search queries")
    header_icon = "search"

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": "", "label": self.get_page_title()}
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        try:
            days = int(self.request.GET.get("days", 30))
        except ValueError:
            days = 30
        days = days if days in PERIODS else 30
        context.update(days=days, periods=PERIODS, **query_report(days))
        return context
