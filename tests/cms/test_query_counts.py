"""Query counts stay constant as communities grow (N and 2N)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cms.models import NewsIndexPage

pytestmark = pytest.mark.django_db

N = 4


def add_communities(site, count, logo):
    for i in range(count):
        page = site.community(
            f"קהילה {len(site.created)}", english=f"C{len(site.created)}"
        )
        page.logo = logo
        page.tags.add(f"תג{i}")
        page.save_revision().publish()


def count_queries(client, url):
    client.get(url)  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


@pytest.fixture
def logo(db):
    return get_image_model().objects.create(title="logo", file=get_test_image_file())


@pytest.mark.parametrize(
    "url_of",
    [
        pytest.param(lambda site: "/", id="home-he"),
        pytest.param(lambda site: "/en/", id="home-en"),
        pytest.param(lambda site: site.communities.url, id="community-index"),
        pytest.param(lambda site: site.created[0].url, id="community-page"),
        pytest.param(
            lambda site: "/api/v3/pages/?type=cms.CommunityPage&limit=50", id="api-list"
        ),
        pytest.param(
            lambda site: f"/api/v3/pages/{site.created[0].pk}/", id="api-detail"
        ),
    ],
)
def test_constant_queries_at_n_and_2n(client, site, logo, url_of):
    network_news = NewsIndexPage.objects.get(pk=site.news.pk)
    for day in range(3):
        site.news_item(network_news, f"חדשות {day}", days_ago=day)
    add_communities(site, N, logo)
    site.event(site.created[0], "מפגש")
    at_n = count_queries(client, url_of(site))
    add_communities(site, N, logo)
    at_2n = count_queries(client, url_of(site))
    assert at_2n == at_n, f"{at_n} queries at N={N}, {at_2n} at 2N"
