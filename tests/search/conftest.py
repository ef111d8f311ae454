"""A small bilingual corpus for the search tests, indexed through the outbox."""

import datetime
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import PageViewRestriction

from cms.models import NewsIndexPage, NewsPage, StandardPage
from search.engines import reset_engine
from search.tasks import drain
from tests.sitebuilder import SiteBuilder, publish, role_holder, translate


def index_now() -> None:
    """Run what a worker would after commit (tests run inside one transaction)."""
    drain()


@pytest.fixture(autouse=True)
def _engine_per_test():
    reset_engine()
    yield
    reset_engine()


@dataclass
class Corpus:
    site: SiteBuilder
    haifa: object
    eilat: object
    news: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)


def news(index, title, intro="", *, days_ago=0, slug=None):
    return publish(
        index,
        NewsPage(
            title=title,
            slug=slug or f"n-{NewsPage.objects.count()}-{abs(hash(title)) % 10**6}",
            date=datetime.date(2026, 6, 1) - datetime.timedelta(days=days_ago),
            intro=intro,
        ),
    )


@pytest.fixture
def corpus(db) -> Corpus:
    site = SiteBuilder.build()
    haifa = site.community("קהילת חיפה", city="חיפה", english="Haifa Community")
    eilat = site.community("קהילת אילת", city="אילת")
    haifa_news = publish(haifa, NewsIndexPage(title="חדשות חיפה", slug="haifa-news"))
    translate(haifa_news, "Haifa news")
    eilat_news = publish(eilat, NewsIndexPage(title="חדשות אילת", slug="eilat-news"))
    corpus = Corpus(site=site, haifa=haifa, eilat=eilat)
    corpus.news["prefixed"] = news(
        haifa_news,
        "פעילות בקהילה",
        "והקהילה התכנסה לערב של המרכזים הקהילתיים בצפון.",
        days_ago=30,
    )
    corpus.news["exact"] = news(
        eilat_news, "קהילה חדשה באילת", "קהילה צעירה הוקמה השנה.", days_ago=400
    )
    corpus.news["english"] = translate(
        corpus.news["prefixed"],
        "Trainings for community centers",
        intro="Youth coordinators trained together with the communities of the north.",
    )
    corpus.news["network"] = news(
        site.news, "הכשרת רכזי נוער", "סדנה לרכזים ולמתנדבים.", days_ago=5
    )
    members_only = publish(
        haifa, StandardPage(title="פרוטוקול ועד הקהילה", slug="minutes", intro="סודי")
    )
    PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.LOGIN
    )
    corpus.pages["login"] = members_only
    board = Group.objects.create(name="Board")
    board_page = publish(
        haifa, StandardPage(title="תקציב הקהילה לוועד", slug="budget", intro="תקציב")
    )
    restriction = PageViewRestriction.objects.create(
        page=board_page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(board)
    corpus.pages["group"] = board_page
    draft = StandardPage(
        title="טיוטה על הקהילה", slug="draft", intro="טיוטה", live=False
    )
    haifa.add_child(instance=draft)
    draft.save_revision()
    corpus.pages["draft"] = draft
    corpus.users["member"] = role_holder(haifa, "member")
    corpus.users["board"] = User.objects.create_user("board", "b@example.org", "pw")
    corpus.users["board"].groups.add(board)
    corpus.users["staff"] = User.objects.create_superuser(
        "staff", "s@example.org", "pw"
    )
    corpus.users["anonymous"] = None
    index_now()
    return corpus
