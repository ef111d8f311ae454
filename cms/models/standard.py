"""A plain content page (about, contact, leaders...)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.models.base import KehilotPage
from cms.models.blocks import BodyBlock


class StandardPage(KehilotPage):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = KehilotPage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    subpage_types = ["cms.StandardPage"]
    search_fields = KehilotPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = KehilotPage.api_fields + [
        APIField("intro", writable=True),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")
