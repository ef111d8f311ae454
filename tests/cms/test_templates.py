"""Public templates: language and direction, language switch, filters, slots.

The pages are built here with ``tests.sitebuilder`` (a Hebrew home and its English
translation made with ``copy_for_translation``), never with ``seed_demo``.
"""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import format_html

from cms.models import (
    EventIndexPage,
    EventPage,
    Membership,
    MembershipRole,
    MembershipStatus,
    StandardPage,
)
from plugins.slots import temporary_slot_renderer
from tests.sitebuilder import publish, translate

pytestmark = pytest.mark.django_db

HTML_TAG = re.compile(r"<html\b[^>]*>")


def html_attributes(content: str) -> dict[str, str]:
    tag = HTML_TAG.search(content).group(0)
    return dict(re.findall(r'(\w+)="([^"]*)"', tag))


def language_switch(content: str) -> dict[str, str]:
    """``{code: href}`` of the switch's links (the current language is no link)."""
    nav = re.search(r'<nav class="language-switch".*?</nav>', content, re.S).group(0)
    return dict(
        (code, href)
        for href, code in re.findall(r'<a href="([^"]*)" lang="(\w+)"', nav)
    )


def url(name: str, *args, language: str = "he") -> str:
    """``reverse`` in a given language: requests leave their language active."""
    with translation.override(language):
        return reverse(name, args=args)


def fresh(page):
    return page.specific_class.objects.get(pk=page.pk)


@pytest.fixture
def pages(site):
    """One page of every type, published in Hebrew and translated into English."""
    community = site.community(
        "קהילת ברלין", city="ברלין", country="DE", english="Berlin Community"
    )
    community_en = community.get_translation(site.home_en.locale).specific
    news_index = fresh(site.news)
    news_item = site.news_item(news_index, "ידיעה ראשונה")
    news_index_en = translate(news_index, "News")
    news_item_en = translate(news_item, "First news item")
    event = site.event(community, "ערב שירה")
    event_index = event.get_parent().specific
    event_index_en = translate(event_index, "Events")
    event_en = translate(event, "Song evening", venue="The community centre")
    standard = publish(
        fresh(site.home), StandardPage(title="אודות", slug="about", intro="מי אנחנו")
    )
    standard_en = translate(standard, "About", intro="Who we are")
    return {
        "home": (site.home, site.home_en),
        "community_index": (site.communities, site.communities_en),
        "community": (community, community_en),
        "news_index": (news_index, news_index_en),
        "news": (news_item, news_item_en),
        "event_index": (event_index, event_index_en),
        "event": (event, event_en),
        "standard": (standard, standard_en),
    }


PAGE_KINDS = [
    "home",
    "community_index",
    "community",
    "news_index",
    "news",
    "event_index",
    "event",
    "standard",
]


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_type_has_language_and_direction(client, pages, kind):
    hebrew, english = pages[kind]
    response = client.get(hebrew.url)
    assert response.status_code == 200
    assert html_attributes(response.content.decode()) == {"lang": "he", "dir": "rtl"}
    assert english.url.startswith("/en/")
    response = client.get(english.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html_attributes(html) == {"lang": "en", "dir": "ltr"}
    assert english.title in html


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_language_switch_links_to_the_translation(client, pages, kind):
    hebrew, english = pages[kind]
    html = client.get(hebrew.url).content.decode()
    assert language_switch(html) == {"en": english.url}
    assert f'hreflang="en" href="http://testserver{english.url}"' in html
    html = client.get(english.url).content.decode()
    assert language_switch(html) == {"he": hebrew.url}


def test_language_switch_falls_back_to_the_home_without_translation(client, site):
    only_hebrew = site.news_item(fresh(site.news), "רק בעברית")
    html = client.get(only_hebrew.url).content.decode()
    assert language_switch(html) == {"en": site.home_en.url}
    # No hreflang alternate points at a page that is not a translation.
    assert 'hreflang="en"' not in html.split("</head>")[0]


def test_language_switch_on_views_that_are_not_pages(client, site):
    html = client.get(url("account_login")).content.decode()
    assert html_attributes(html) == {"lang": "he", "dir": "rtl"}
    assert language_switch(html) == {"en": "/en/accounts/login/"}
    assert 'class="skip-link"' in html  # allauth pages use our frame
    html = client.get(url("account_signup", language="en")).content.decode()
    assert html_attributes(html) == {"lang": "en", "dir": "ltr"}
    assert language_switch(html) == {"he": "/accounts/signup/"}


def test_menu_lists_home_children_shown_in_menus_per_locale(client, site, pages):
    for page in (pages["standard"][1], fresh(site.communities_en)):
        page.show_in_menus = True
        page.save_revision().publish()
    html = client.get("/en/").content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    assert 'href="/en/about/"' in nav and 'href="/en/communities/"' in nav
    html = client.get("/").content.decode()
    assert 'class="site-nav"' not in html  # no Hebrew page is shown in menus


def test_community_index_filters_narrow_the_list(client, site):
    site.community("קהילת ברלין", city="ברלין", country="DE")
    site.community("קהילת מינכן", city="מינכן", country="DE", member=False)
    site.community("מרכז חיפה", city="חיפה", country="IL")
    index_url = site.communities.url

    def titles(query):
        html = client.get(index_url, query).content.decode()
        return set(re.findall(r'class="card__title"><a href="[^"]*">([^<]+)</a>', html))

    everything = {"קהילת ברלין", "קהילת מינכן", "מרכז חיפה"}
    assert titles({}) == everything
    assert titles({"country": "DE"}) == {"קהילת ברלין", "קהילת מינכן"}
    assert titles({"city": "חיפה"}) == {"מרכז חיפה"}
    assert titles({"member": "no"}) == {"קהילת מינכן"}
    assert titles({"member": "yes", "country": "DE"}) == {"קהילת ברלין"}
    assert titles({"country": "FR"}) == set()
    html = client.get(index_url, {"country": "DE"}).content.decode()
    assert '<option value="DE" selected>' in html
    assert re.search(r'class="result-count"[^>]*>[^<]*\b2\b[^<]*<', html)


def test_slots_render_a_registered_renderers_output(client, pages):
    community, _ = pages["community"]

    def sidebar(context, page):
        return format_html('<p class="from-plugin">sidebar of {}</p>', page.pk)

    def after_body(context, page):
        return "<b>escaped</b>"  # a plain string is escaped, not trusted

    with (
        temporary_slot_renderer("community_sidebar", sidebar),
        temporary_slot_renderer("community_after_body", after_body),
        temporary_slot_renderer("site_banner", lambda context, page: "banner!"),
    ):
        html = client.get(community.url).content.decode()
    aside = re.search(r"<aside.*?</aside>", html, re.S).group(0)
    assert f'<p class="from-plugin">sidebar of {community.pk}</p>' in aside
    assert "&lt;b&gt;escaped&lt;/b&gt;" in html and "<b>escaped</b>" not in html
    assert "banner!" in html
    assert "from-plugin" not in client.get(community.url).content.decode()


def test_a_renderer_that_raises_renders_nothing(client, pages, caplog):
    community, _ = pages["community"]

    def broken(context, page):
        raise RuntimeError("plugin bug")

    def fine(context, page):
        return "still here"

    with (
        temporary_slot_renderer("community_sidebar", broken),
        temporary_slot_renderer("community_sidebar", fine),
        temporary_slot_renderer("site_banner", broken),
    ):
        response = client.get(community.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "plugin bug" not in html and "still here" in html
    assert "community_sidebar" in caplog.text


def test_news_index_links_its_feeds(client, pages):
    _news_index, news_index_en = pages["news_index"]
    html = client.get(news_index_en.url).content.decode()
    head = html.split("</head>")[0]
    rss = f'href="{news_index_en.url}feed/rss/"'
    assert f'type="application/rss+xml" title="News (RSS)" {rss}' in head
    assert f'href="{news_index_en.url}feed/atom/"' in head
    assert "First news item" in html


def test_event_shows_local_time_and_zone(client, site):
    community = site.community("קהילת פריז", city="פריז", country="FR")
    index = publish(fresh(community), EventIndexPage(title="אירועים", slug="events"))
    start = datetime.datetime(2031, 3, 4, 17, 30, tzinfo=datetime.UTC)
    event = publish(
        index,
        EventPage(
            title="ערב קולנוע",
            slug="film",
            start=start,
            end=start + datetime.timedelta(hours=2),
            time_zone="Europe/Paris",
            is_online=True,
            online_url="https://example.org/meet",
            registration_url="https://example.org/register",
            organiser=community,
        ),
    )
    html = client.get(event.url).content.decode()
    assert "18:30" in html and "Europe/Paris" in html  # 17:30 UTC is 18:30 in Paris
    assert 'href="https://example.org/register"' in html
    assert 'href="https://example.org/meet"' in html
    assert f'href="{community.url}"' in html


def test_membership_states_on_the_community_page(client, pages):
    community, community_en = pages["community"]
    html = client.get(community.url).content.decode()
    assert f"{url('account_login')}?next=" in html
    user = get_user_model().objects.create_user("dana", "dana@example.org", "pw")
    client.force_login(user)
    html = client.get(community_en.url).content.decode()
    join_url = url("community_join", community_en.pk, language="en")
    assert f'action="{join_url}"' in html and "csrfmiddlewaretoken" in html
    assert client.post(join_url).status_code == 302
    html = client.get(community_en.url).content.decode()
    assert "waiting for approval" in html and f'action="{join_url}"' not in html
    row = Membership.objects.get(user=user)
    row.status = MembershipStatus.APPROVED
    row.save()
    Membership.objects.create(
        user=user,
        community=community,
        role=MembershipRole.MODERATOR,
        status=MembershipStatus.APPROVED,
        term_start=timezone.now(),
    )
    html = client.get(community_en.url).content.decode()
    assert "You are a member · Member, Moderator" in html
    requests_url = url("community_requests", community_en.pk, language="en")
    assert f'href="{requests_url}"' in html


def test_membership_views_render(client, pages):
    community, _ = pages["community"]
    users = get_user_model().objects
    moderator = users.create_user("moderator", "m@example.org", "pw")
    newcomer = users.create_user("newcomer", "n@example.org", "pw")
    Membership.objects.create(
        user=moderator,
        community=community,
        role=MembershipRole.MODERATOR,
        status=MembershipStatus.APPROVED,
    )
    pending = Membership.objects.create(
        user=newcomer, community=community, message="שלום"
    )
    client.force_login(moderator)
    html = client.get(url("community_requests", community.pk)).content.decode()
    assert html_attributes(html) == {"lang": "he", "dir": "rtl"}
    assert f'action="{url("membership_decide", pending.pk)}"' in html
    assert 'value="approve"' in html and 'value="refuse"' in html
    assert "newcomer" in html and "moderator" in html
    html = client.get(url("my_memberships")).content.decode()
    assert f'href="{community.url}"' in html
    # Signed in: the account menu shows a POST sign-out form, not a link.
    assert re.search(rf'<form[^>]*method="post" action="{url("account_logout")}"', html)


def test_not_found_page_uses_the_frame(client, site):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert html_attributes(html) == {"lang": "en", "dir": "ltr"}
    assert "Page not found" in html and 'href="/en/"' in html


@pytest.mark.parametrize("language,direction", [("he", "rtl"), ("en", "ltr")])
def test_server_error_page_needs_no_request(
    language, direction, django_assert_num_queries
):
    with translation.override(language), django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert html_attributes(html) == {"lang": language, "dir": direction}


def test_listing_shows_logos_and_dates(client, site):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    logo = get_image_model().objects.create(title="logo", file=get_test_image_file())
    community = site.community("קהילת וינה", city="וינה", country="AT")
    community = fresh(community)
    community.logo = logo
    community.save_revision().publish()
    news = site.news_item(fresh(site.news), "חדשות הרשת")
    html = client.get("/").content.decode()
    assert re.search(r'<img[^>]*width="96"', html)  # the fill-96x96 listing rendition
    assert "אוסטריה" in html  # the country's name, in Hebrew
    with translation.override("he"):
        assert date_format(news.date, "DATE_FORMAT") in html
    html = client.get(site.news.url).content.decode()
    assert "חדשות הרשת" in html
