"""Events: dated, with a time zone, in a place or online, organised by a community."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.models.base import KehilotPage
from cms.models.blocks import BodyBlock

TIME_ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]


class EventIndexPage(KehilotPage):
    """Lists the upcoming events below it."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = KehilotPage.content_panels + [FieldPanel("intro")]
    subpage_types = ["cms.EventPage"]
    parent_page_types = ["cms.HomePage", "cms.CommunityPage"]
    api_fields = KehilotPage.api_fields + [APIField("intro", writable=True)]

    class Meta:
        verbose_name = _("event index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["events"] = (
            EventPage.upcoming().child_of(self).select_related("organiser")[:50]
        )
        return context


class EventPage(KehilotPage):
    """Times are stored in UTC and shown in the event's own time zone."""

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=TIME_ZONE_CHOICES,
        default="Asia/Jerusalem",
    )
    is_online = models.BooleanField(_("online event"), default=False)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    organiser = models.ForeignKey(
        "cms.CommunityPage",
        verbose_name=_("organising community"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    intro = models.TextField(_("summary"), max_length=500, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = KehilotPage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
            ],
            _("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_online"),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("online_url"),
            ],
            _("Where"),
        ),
        FieldPanel("organiser"),
        FieldPanel("registration_url"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.EventIndexPage"]
    subpage_types: list[str] = []
    search_fields = KehilotPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("start"),
    ]
    api_fields = KehilotPage.api_fields + [
        APIField("start", writable=True),
        APIField("end", writable=True),
        APIField("time_zone", writable=True),
        APIField("is_online", writable=True),
        APIField("venue", writable=True),
        APIField("address", writable=True),
        APIField("online_url", writable=True),
        APIField("organiser"),
        APIField("registration_url", writable=True),
        APIField("intro", writable=True),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("event")

    @classmethod
    def upcoming(cls):
        """Live public events that have not ended yet, soonest first."""
        return (
            cls.objects.live()
            .public()
            .filter(end__gte=timezone.now())
            .order_by("start")
        )

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.zone)

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("An event must end after it starts.")
        if self.is_online and not self.online_url:
            errors["online_url"] = _("An online event needs its link.")
        if not self.is_online and not (self.venue or self.address):
            errors["venue"] = _("Give a venue or an address, or mark the event online.")
        if errors:
            raise ValidationError(errors)
