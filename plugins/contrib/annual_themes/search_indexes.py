"""Search documents with a ``theme_year`` facet (themes, links, adaptations)."""

from __future__ import annotations

from plugins.api import SearchDocument, community_for_page

FACETS = {"theme_year": "theme_year"}


class ThemeDocument(SearchDocument):
    """A theme, searchable in Hebrew and English; network-wide."""

    def prepare_title(self, theme):
        return " / ".join(t for t in (theme.title_he, theme.title_en) if t)

    def prepare_body(self, theme):
        return "\n".join(d for d in (theme.description_he, theme.description_en) if d)

    def prepare_theme_year(self, theme):
        return theme.year

    def community_of(self, theme):
        return None


class ThemeLinkDocument(SearchDocument):
    """Content tagged with a theme, found by the theme year."""

    def prepare_title(self, link):
        return link.page.title if link.page_id else ""

    def prepare_theme_year(self, link):
        return link.theme.year

    def community_of(self, link):
        return community_for_page(link.page) if link.page_id else None

    def is_public(self, link):
        return bool(link.page_id and link.page.live)


class LocalAdaptationDocument(SearchDocument):
    """A community's adaptation of a theme."""

    def prepare_body(self, page):
        return f"{page.intro}\n{page.body}".strip()

    def prepare_theme_year(self, page):
        return page.theme.year

    def community_of(self, page):
        return community_for_page(page)

    def is_public(self, page):
        return page.live


documents = [
    ThemeDocument(
        "annual_themes.Theme", fields=("title", "body", "theme_year"), facets=FACETS
    ),
    ThemeLinkDocument(
        "annual_themes.ThemeLink", fields=("title", "theme_year"), facets=FACETS
    ),
    LocalAdaptationDocument(
        "annual_themes.LocalAdaptationPage",
        fields=("title", "body", "theme_year"),
        facets=FACETS,
    ),
]
