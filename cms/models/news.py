"""News: an index (network-wide or per community) with RSS and Atom feeds."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from cms.models.base import KehilotPage
from cms.models.blocks import BodyBlock

FEED_SIZE = 20


class NewsIndexPage(RoutablePageMixin, KehilotPage):
    """Lists its news pages, newest first; ``feed/rss/`` and ``feed/atom/`` below it."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = KehilotPage.content_panels + [FieldPanel("intro")]
    subpage_types = ["cms.NewsPage"]
    parent_page_types = ["cms.HomePage", "cms.CommunityPage"]
    api_fields = KehilotPage.api_fields + [APIField("intro", writable=True)]

    class Meta:
        verbose_name = _("news index")

    def news(self):
        return (
            NewsPage.objects.live()
            .public()
            .child_of(self)
            .select_related("locale")
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.news(), 10)
        context["news_page"] = paginator.get_page(request.GET.get("page"))
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        from cms.feeds import NewsFeed

        return NewsFeed(self, "rss")(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from cms.feeds import NewsFeed

        return NewsFeed(self, "atom")(request)


class NewsPage(KehilotPage):
    date = models.DateField(_("date"), default=datetime.date.today)
    author = models.CharField(_("author"), max_length=120, blank=True)
    intro = models.TextField(_("summary"), max_length=500, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = KehilotPage.content_panels + [
        FieldPanel("date"),
        FieldPanel("author"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []
    search_fields = KehilotPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = KehilotPage.api_fields + [
        APIField("date", writable=True),
        APIField("author", writable=True),
        APIField("intro", writable=True),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
