"""The winners' badge on their community's page (``community_sidebar``).

Announced winners and honourable mentions only; matched by translation key, so
the badge shows on the community page in every language.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation

from plugins.api import TemplateSlot, community_for_page

from .models import Nomination, Phase, Result, language_of
from .pages import AwardProgramPage


def badges(community, language: str) -> list[dict]:
    """``{"title", "year", "result", "url"}`` for each announced award. Two queries."""
    awards = list(
        Nomination.objects.filter(
            community__translation_key=community.translation_key,
            cycle__phase=Phase.ANNOUNCED,
            result__in=[Result.WINNER, Result.MENTION],
        )
        .select_related("cycle__program")
        .order_by("-cycle__year", "rank")
    )
    if not awards:
        return []
    pages = {
        page.program_id: page
        for page in AwardProgramPage.objects.live()
        .filter(
            program__in={a.cycle.program_id for a in awards},
            locale__language_code=language,
        )
        .order_by("-pk")
    }
    return [
        {
            "title": award.cycle.program.title_for(language),
            "year": award.cycle.year,
            "winner": award.result == Result.WINNER,
            "url": pages[award.cycle.program_id].results_url(award.cycle)
            if award.cycle.program_id in pages
            else "",
        }
        for award in awards
    ]


def sidebar(context, page=None, **kwargs) -> str:
    community = community_for_page(page or None)
    if community is None:
        return ""
    language = language_of(
        getattr(getattr(community, "locale", None), "language_code", None)
        or translation.get_language()
    )
    values = badges(community, language)
    if not values:
        return ""
    return render_to_string(
        "awards/badge.html",
        {"badges": values, "language": language},
        context.get("request"),
    )


template_slots = [TemplateSlot("community_sidebar", render=sidebar, order=40)]
