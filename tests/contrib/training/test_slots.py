"""A community's upcoming sessions in its sidebar, in its language."""

import pytest

from plugins.testing import plugin_switched_off, render_plugin_slot

from .conftest import make_course, make_session


@pytest.mark.django_db
def test_sidebar_lists_the_community_sessions(plugin_site, catalog, course):
    host = plugin_site.community("מארחת", english="Host")
    other = plugin_site.community("אחרת")
    make_session(course, host_community=host)
    make_session(make_course("elsewhere"), host_community=other)
    html = render_plugin_slot("community_sidebar", host, label="training")
    assert "הכשרות קרובות" in html
    assert "קורס leading-volunteers" in html and "elsewhere" not in html
    assert f'href="/training/course/{course.slug}/#session-' in html
    english = host.get_translations().get()
    html = render_plugin_slot("community_sidebar", english, label="training")
    assert "Upcoming training" in html and "Course leading-volunteers" in html
    assert "/en/training/course/" in html


@pytest.mark.django_db
def test_nothing_without_sessions_or_when_switched_off(plugin_site, course, client):
    community = plugin_site.community("קהילה")
    assert render_plugin_slot("community_sidebar", community, label="training") == ""
    make_session(course, host_community=community)
    assert "training-sidebar" in client.get(community.url).content.decode()
    with plugin_switched_off("training", community):
        assert "training-sidebar" not in client.get(community.url).content.decode()
