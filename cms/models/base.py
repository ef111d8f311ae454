"""What every Kehilot page shares: SEO fields, language and direction."""

from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page

RTL_LANGUAGES = frozenset({"he", "ar", "fa", "yi", "ur"})


def direction_for(language_code: str) -> str:
    """``rtl`` or ``ltr`` for a language code such as ``he`` or ``en-gb``."""
    return "rtl" if language_code.split("-")[0] in RTL_LANGUAGES else "ltr"


class Language(models.Model):
    """A language a community works in (ISO 639-1 code), seeded by a migration."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=64)

    class Meta:
        ordering = ["name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        try:
            return str(get_language_info(self.code)["name_translated"])
        except KeyError:
            return self.name


class KehilotPage(Page):
    """Abstract base of our page types: social image, noindex, language metadata."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    noindex = models.BooleanField(
        _("hide from search engines"),
        default=False,
        help_text=_(
            "Adds a robots noindex tag and leaves the page out of sitemap.xml."
        ),
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("social_image"),
                FieldPanel("noindex"),
            ],
            _("SEO and sharing"),
        ),
        FieldPanel("show_in_menus"),
    ]

    api_fields = [APIField("language"), APIField("direction")]

    class Meta:
        abstract = True

    @property
    def language(self) -> str:
        return self.locale.language_code

    @property
    def direction(self) -> str:
        return direction_for(self.locale.language_code)

    def get_sitemap_urls(self, request=None):
        if self.noindex:
            return []
        return super().get_sitemap_urls(request)
