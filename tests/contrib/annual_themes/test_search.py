"""Search documents carry a ``theme_year`` facet."""

import pytest

from plugins.contrib.annual_themes.search_indexes import documents

from .conftest import adaptation, community_news, link


def document_for(label):
    return next(d for d in documents if d.model_label == label)


@pytest.mark.django_db
def test_documents_prepare_with_the_theme_year(site, theme):
    community = site.community("קהילה")
    news = community_news(site, community, "פעילות")
    theme_link = link(theme, news)
    page = adaptation(community, theme)
    doc = document_for("annual_themes.Theme").prepare(theme)
    assert doc["theme_year"] == 2026
    assert "הפעלת נוער בחירום" in doc["title"] and "Youth" in doc["title"]
    link_doc = document_for("annual_themes.ThemeLink")
    assert link_doc.prepare(theme_link) == {"title": "פעילות", "theme_year": 2026}
    assert link_doc.community_of(theme_link).pk == community.pk
    adaptation_doc = document_for("annual_themes.LocalAdaptationPage")
    assert adaptation_doc.prepare(page)["theme_year"] == 2026
    assert adaptation_doc.community_of(page).pk == community.pk
    assert all(d.facets == {"theme_year": "theme_year"} for d in documents)
