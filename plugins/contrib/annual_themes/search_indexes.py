"""Search documents (theme pages, local adaptations) and the ``theme_year`` facet.

Pages a community tagged with a theme (``ThemeLink``) get their theme year
through the ``kehilot_search_facets`` hook (``hooks.py``), so they are found
once, as themselves, and filter by year."""

from __future__ import annotations

from plugins.api import PageSearchDocument

FACETS = {"theme_year": "theme_year"}


class ThemePageDocument(PageSearchDocument):
    """The theme's public page, in its own language."""

    def prepare_body(self, page):
        return page.theme.description_for(page.locale.language_code)

    def prepare_theme_year(self, page):
        return page.theme.year


class LocalAdaptationDocument(PageSearchDocument):
    """A community's adaptation of a theme (its intro and body)."""

    def prepare_theme_year(self, page):
        return page.theme.year


documents = [
    ThemePageDocument(
        "annual_themes.ThemePage",
        fields=("title", "body", "theme_year"),
        facets=FACETS,
        type_name="theme",
    ),
    LocalAdaptationDocument(
        "annual_themes.LocalAdaptationPage",
        fields=("title", "body", "theme_year"),
        facets=FACETS,
        type_name="theme_adaptation",
    ),
]
