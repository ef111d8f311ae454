"""Creating and publishing pages, event rules, news feeds."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.models import EventPage, NewsPage

pytestmark = pytest.mark.django_db


def test_draft_is_invisible_until_published(client, site):
    page = site.community("קהילת אמסטרדם", city="אמסטרדם", country="NL", live=False)
    assert client.get(page.url or f"/membership/{page.slug}/").status_code == 404
    page.get_latest_revision().publish()
    page.refresh_from_db()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "קהילת אמסטרדם" in response.content.decode()


def test_english_translation_is_served_under_en_prefix(client, site):
    page = site.community("קהילת רומא", city="רומא", country="IT", english="Rome")
    english = page.get_translation(site.home_en.locale)
    assert english.url.startswith("/en/")
    response = client.get(english.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="en"' in html and 'dir="ltr"' in html and "Rome" in html


@pytest.mark.parametrize(
    "change,field",
    [
        ({"end_offset": datetime.timedelta(hours=-1)}, "end"),
        ({"is_online": True, "online_url": ""}, "online_url"),
        ({"venue": "", "address": ""}, "venue"),
    ],
)
def test_event_validation(change, field):
    start = timezone.now() + datetime.timedelta(days=1)
    end_offset = change.pop("end_offset", datetime.timedelta(hours=2))
    fields = {"venue": "מרכז", "time_zone": "Europe/Paris", **change}
    event = EventPage(
        title="ערב", slug="evening", start=start, end=start + end_offset, **fields
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert field in error.value.message_dict


def test_event_shows_local_time_of_its_zone(client, site):
    community = site.community("קהילת פריז", city="פריז", country="FR")
    event = site.event(community, "סדנת מתנדבים")
    assert (
        event.local_start.utcoffset() == event.start.astimezone(event.zone).utcoffset()
    )
    assert client.get(event.url).status_code == 200


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_news_feeds_list_live_items_only(client, site, kind):
    site.news_item(site.news, "חדשות השבוע", days_ago=1)
    hidden = site.news_item(site.news, "ידיעה שבוטלה", days_ago=0)
    hidden.unpublish()
    response = client.get(f"{site.news.url}feed/{kind}/")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    text = response.content.decode()
    assert "חדשות השבוע" in text and "ידיעה שבוטלה" not in text
    if kind == "rss":
        assert root.find("channel/language").text == "he"
        assert len(root.findall("channel/item")) == 1
    else:
        atom = "{http://www.w3.org/2005/Atom}"
        assert len(root.findall(f"{atom}entry")) == 1
    assert NewsPage.objects.live().count() == 1


def test_private_documents_never_served_from_media(client, site, settings):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    board = Collection.get_first_root_node().add_child(name="ועד")
    CollectionViewRestriction.objects.create(collection=board, restriction_type="login")
    document = get_document_model().objects.create(
        title="פרוטוקול",
        collection=board,
        file=ContentFile(b"secret minutes", name="minutes.txt"),
    )
    served = client.get(f"/documents/{document.pk}/minutes.txt")
    assert served.status_code == 302 and "/accounts/login/" in served["Location"]
    raw = client.get(f"/media/{document.file.name}")
    assert raw.status_code == 404
    assert b"secret minutes" not in b"".join(
        getattr(raw, "streaming_content", [raw.content])
    )
