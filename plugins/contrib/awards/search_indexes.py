"""Search documents: award programs, and winners once their cycle is announced.

Nothing about unannounced results is indexed: a nomination is a document only
when it won or was mentioned *and* its cycle is announced (``is_indexed``).
"""

from __future__ import annotations

from django.utils import translation

from plugins.api import PUBLIC, SearchDocument

from .models import Nomination, Phase, Result


class ProgramDocument(SearchDocument):
    """A program, in Hebrew and English; network-wide and public."""

    def prepare_title(self, program):
        return " / ".join(t for t in (program.title_he, program.title_en) if t)

    def prepare_body(self, program):
        return "\n".join(
            d for d in (program.description_he, program.description_en) if d
        )

    def prepare_url(self, program):
        page = program.pages.live().order_by("pk").first()
        return page.url if page else ""

    def prepare_language(self, program):
        return "he"

    def prepare_date(self, program):
        return None

    def community_of(self, program):
        return None

    def audience(self, program):
        return [PUBLIC]


class WinnerDocument(SearchDocument):
    """An announced winner or honourable mention."""

    def queryset(self):
        return Nomination.objects.filter(
            cycle__phase=Phase.ANNOUNCED, result__in=[Result.WINNER, Result.MENTION]
        ).select_related("cycle__program", "community")

    def is_indexed(self, nomination):
        return nomination.cycle.phase == Phase.ANNOUNCED and nomination.result in (
            Result.WINNER,
            Result.MENTION,
        )

    def is_public(self, nomination):
        return self.is_indexed(nomination)

    def audience(self, nomination):
        return [PUBLIC] if self.is_indexed(nomination) else []

    def prepare_title(self, nomination):
        cycle = nomination.cycle
        with translation.override("he"):  # the document's language
            label = str(Result(nomination.result).label)
        return (
            f"{nomination.nominee_name}: {label}, {cycle.program.title_he} {cycle.year}"
        )

    def prepare_body(self, nomination):
        program = nomination.cycle.program
        return "\n".join(
            t for t in (program.title_en, nomination.nominee_description) if t
        )

    def prepare_url(self, nomination):
        page = nomination.cycle.program.pages.live().order_by("pk").first()
        return page.results_url(nomination.cycle) if page else ""

    def prepare_language(self, nomination):
        return "he"

    def prepare_date(self, nomination):
        return nomination.cycle.announced_at

    def prepare_award_year(self, nomination):
        return nomination.cycle.year

    def community_of(self, nomination):
        return nomination.community


documents = [
    ProgramDocument(
        "awards.AwardProgram", fields=("title", "body"), type_name="award_program"
    ),
    WinnerDocument(
        "awards.Nomination",
        fields=("title", "body", "award_year"),
        facets={"award_year": "award_year"},
        type_name="award_winner",
    ),
]
