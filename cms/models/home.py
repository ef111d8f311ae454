"""The network's home page: latest network news and the communities."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField

from cms.models.base import KehilotPage
from cms.models.blocks import BodyBlock

HOME_COMMUNITIES = 12


class HomePage(KehilotPage):
    """Root of a language tree (one per locale, linked as translations)."""

    tagline = models.CharField(_("tagline"), max_length=255, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = KehilotPage.content_panels + [
        FieldPanel("tagline"),
        FieldPanel("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: core page types name their parents, and plugins' page
    # types may live at the network level too.
    api_fields = KehilotPage.api_fields + [
        APIField("tagline", writable=True),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("home page")

    def network_news(self, limit: int = 4):
        """Latest news of the network's own news index (not the communities')."""
        from cms.models.news import NewsIndexPage, NewsPage

        index = NewsIndexPage.objects.child_of(self).live().first()
        if index is None:
            return NewsPage.objects.none()
        return (
            NewsPage.objects.live()
            .public()
            .child_of(index)
            .order_by("-date", "-pk")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        from cms.models.community import CommunityIndexPage, with_listing_logos
        from cms.models.events import EventPage

        context = super().get_context(request, *args, **kwargs)
        context["network_news"] = self.network_news()
        community_index = CommunityIndexPage.objects.child_of(self).live().first()
        context["community_index"] = community_index
        # A sample for the home page; the index lists (and filters) them all.
        context["communities"] = (
            with_listing_logos(community_index.communities())[:HOME_COMMUNITIES]
            if community_index
            else []
        )
        context["upcoming_events"] = (
            EventPage.upcoming().descendant_of(self).select_related("organiser")[:4]
        )
        return context
