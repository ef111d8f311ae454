"""Communities: the index of the network's communities and one section per community."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.search import index

from cms.models.base import KehilotPage
from cms.models.blocks import BodyBlock

LISTING_LOGO_SPEC = "fill-96x96"


def with_listing_logos(queryset):
    """Prefetch logos and their listing rendition: constant queries per listing."""
    images = get_image_model().objects.prefetch_renditions(LISTING_LOGO_SPEC)
    return queryset.prefetch_related(Prefetch("logo", queryset=images))


class CommunityIndexPage(KehilotPage):
    """All communities of the network, filterable by country, city and member status."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = KehilotPage.content_panels + [FieldPanel("intro")]
    subpage_types = ["cms.CommunityPage"]
    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1
    api_fields = KehilotPage.api_fields + [APIField("intro", writable=True)]

    class Meta:
        verbose_name = _("community index")

    def communities(self):
        return (
            CommunityPage.objects.live()
            .public()
            .child_of(self)
            .select_related("locale")
            .order_by("title")
        )

    def filter_communities(self, params) -> tuple[models.QuerySet, dict]:
        """Apply the ``country``, ``city`` and ``member`` filters from a query dict."""
        queryset = self.communities()
        chosen = {
            "country": params.get("country", "").upper()[:2],
            "city": params.get("city", "").strip()[:100],
            "member": params.get("member", ""),
        }
        if chosen["country"]:
            queryset = queryset.filter(country=chosen["country"])
        if chosen["city"]:
            queryset = queryset.filter(city__iexact=chosen["city"])
        if chosen["member"] in ("yes", "no"):
            queryset = queryset.filter(network_member=chosen["member"] == "yes")
        return queryset, chosen

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        queryset, chosen = self.filter_communities(request.GET)
        every = self.communities()
        context["communities"] = with_listing_logos(queryset)
        context["chosen"] = chosen
        codes = sorted(set(every.values_list("country", flat=True)))
        context["country_choices"] = [(code, countries.name(code)) for code in codes]
        context["city_choices"] = sorted(set(every.values_list("city", flat=True)))
        return context


class CommunityPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.CommunityPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class CommunityPage(KehilotPage):
    """One community's section: its about page; news, events and pages live below it.

    Creating one creates its editor and moderator groups and its image/document
    collection (``cms.community_setup``); its translations share them.
    """

    city = models.CharField(_("city"), max_length=100)
    country = CountryField(_("country"))
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    network_member = models.BooleanField(
        _("member of the network"),
        default=True,
        help_text=_("Clear for partner communities that are not members."),
    )
    short_description = models.CharField(_("short description"), max_length=300)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    languages = ParentalManyToManyField(
        "cms.Language", verbose_name=_("languages"), blank=True
    )
    tags = ClusterTaggableManager(
        verbose_name=_("interest tags"), through=CommunityPageTag, blank=True
    )
    # Set by cms.community_setup when the page is first created; shared by translations.
    editors_group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderators_group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = KehilotPage.content_panels + [
        FieldPanel("short_description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("network_member"),
            ],
            _("Place"),
        ),
        FieldPanel("logo"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("website"),
                FieldPanel("address"),
            ],
            _("Contact"),
        ),
        FieldPanel("languages", widget=CheckboxSelectMultiple),
        FieldPanel("tags"),
    ]
    parent_page_types = ["cms.CommunityIndexPage"]
    # No subpage_types: children are whatever page types allow a community as
    # parent (news and event indexes, standard pages, and plugins' page types).

    search_fields = KehilotPage.search_fields + [
        index.SearchField("short_description"),
        index.SearchField("body"),
        index.SearchField("city"),
        index.FilterField("country"),
        index.FilterField("network_member"),
    ]
    api_fields = KehilotPage.api_fields + [
        APIField("short_description", writable=True),
        APIField("city", writable=True),
        APIField("country_code"),
        APIField("latitude", writable=True),
        APIField("longitude", writable=True),
        APIField("network_member", writable=True),
        APIField("body"),
        APIField("logo"),
        APIField("contact_email", writable=True),
        APIField("contact_phone", writable=True),
        APIField("website", writable=True),
        APIField("address", writable=True),
        APIField("language_codes"),
        APIField("tag_names"),
    ]

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("communities")

    @property
    def country_code(self) -> str:
        return self.country.code

    @property
    def language_codes(self) -> list[str]:
        return [language.code for language in self.languages.all()]

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tags.all()]

    def get_context(self, request, *args, **kwargs):
        from cms.models.events import EventPage
        from cms.models.news import NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsPage.objects.live()
            .public()
            .descendant_of(self)
            .order_by("-date", "-pk")[:3]
        )
        context["upcoming_events"] = EventPage.upcoming().descendant_of(self)[:3]
        context["languages"] = list(self.languages.all())
        context["tag_list"] = list(self.tags.all())
        if request.user.is_authenticated:
            from cms.membership import membership_state

            context["membership"] = membership_state(request.user, self)
        return context
