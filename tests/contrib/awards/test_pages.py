"""The program's public page, results, nomination form and jury pages."""

import pytest

from plugins.contrib.awards.models import Nomination, Phase
from plugins.contrib.awards.pages import AwardProgramPage
from plugins.testing import publish_page, switch_plugin, translate_page

from .conftest import announced, count_queries, make_cycle, nomination, pdf


@pytest.fixture
def page(site, program):
    page = publish_page(
        site.home, AwardProgramPage(title="הפרס", slug="award", program=program)
    )
    translate_page(page, "The award")
    return page


@pytest.mark.django_db
def test_program_page_in_hebrew_and_english(client, program, page):
    past = make_cycle(program, 2020)
    announced(past, winners=[nomination(past, name="קהילת הזוכים")])
    make_cycle(program, 2037)
    html = client.get(page.url).content.decode()
    assert 'lang="he" dir="rtl"' in html
    assert "המרכז הקהילתי המצטיין" in html and "קהילת הזוכים" in html
    assert "הגשת מועמדות של קהילה" in html  # nominations are open
    english = client.get(page.get_translations().get().url).content.decode()
    assert (
        'lang="en" dir="ltr"' in english and "Outstanding community center" in english
    )


@pytest.mark.django_db
def test_results_are_404_until_announced(client, program, page):
    cycle = make_cycle(program, 2037, phase=Phase.JUDGING_CLOSED)
    winner = nomination(cycle, name="קהילת הזוכים")
    winner.result = "winner"
    winner.save()
    assert client.get(f"{page.url}2037/").status_code == 404
    announced(cycle, winners=[winner])
    response = client.get(f"{page.url}2037/")
    assert response.status_code == 200 and "קהילת הזוכים" in response.content.decode()


@pytest.mark.django_db
def test_results_page_costs_the_same_queries_at_n_and_2n(client, site, program, page):
    cycle = make_cycle(program, 2037)
    communities = [site.community(f"קהילה {i}") for i in range(4)]
    announced(
        cycle,
        winners=[nomination(cycle, communities[0])],
        mentions=[nomination(cycle, communities[1])],
    )
    url = f"{page.url}2037/"
    client.get(url)
    small = count_queries(lambda: client.get(url))
    for community in communities[2:]:
        extra = nomination(cycle, community)
        extra.result, extra.rank = "mention", 9
        extra.save()
    assert count_queries(lambda: client.get(url)) == small


@pytest.mark.django_db
def test_nominating_through_the_page(client, site, program, page, member):
    community = site.community("קהילת חיפה")
    make_cycle(program, 2037)
    url = f"{page.url}nominate/"
    assert client.get(url).status_code == 302  # sign in first
    client.force_login(member)
    assert client.get(url).status_code == 200
    data = {
        "community": community.pk,
        "statement": "מצוינת",
        "contact_name": "דנה",
        "contact_email": "dana@example.org",
    }
    response = client.post(url, data)  # no document: the form again, with the error
    assert "יש לצרף לפחות מסמך תומך אחד." in response.content.decode()
    assert not Nomination.objects.exists()
    response = client.post(url, {**data, "files": [pdf()]})
    nom = Nomination.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(
        f"nominations/{nom.pk}/"
    )
    assert "מצוינת" in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_switched_off_network_wide_the_page_is_404(client, program, page):
    switch_plugin("awards", False)
    assert client.get(page.url).status_code == 404
