"""Themes, their resources, content links and the two plugin page types."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.fields import GenericForeignKey
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import F, Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from plugins.api import COMMUNITY_MODEL, is_plugin_active

from . import banner_cache
from .apps import LABEL

colour_validator = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #rrggbb."))


def language_of(code: str | None) -> str:
    """``"en"`` for English language codes, else ``"he"`` (Hebrew first)."""
    return "en" if (code or "").lower().startswith("en") else "he"


class ThemeQuerySet(models.QuerySet):
    def active(self) -> ThemeQuerySet:
        return self.filter(is_active=True)

    def archived(self, today: datetime.date) -> ThemeQuerySet:
        """Inactive themes whose period has ended, newest first."""
        return self.filter(is_active=False, end_date__lt=today).order_by("-year")


class Theme(ClusterableModel):
    """A network-wide theme for one year. The database allows one active theme."""

    year = models.PositiveIntegerField(_("year"), unique=True)
    title_he = models.CharField(_("title (Hebrew)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_he = models.TextField(_("description (Hebrew)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    colour = models.CharField(
        _("colour"), max_length=7, default="#1f6f8b", validators=[colour_validator]
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    is_active = models.BooleanField(_("active"), default=False)

    objects = ThemeQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("colour")]),
        FieldPanel("title_he"),
        FieldPanel("title_en"),
        FieldPanel("description_he"),
        FieldPanel("description_en"),
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("is_active"),
        InlinePanel("resources", label=_("Resources")),
    ]

    class Meta:
        ordering = ["-year"]
        verbose_name = _("annual theme")
        verbose_name_plural = _("annual themes")
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"],
                condition=Q(is_active=True),
                name="annual_themes_one_active_theme",
                violation_error_message=_("Another theme is already active."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__gt=F("start_date")),
                name="annual_themes_end_after_start",
                violation_error_message=_("The end date must follow the start date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.title_he}"

    def title_for(self, language: str | None) -> str:
        """The title in ``language`` (English falls back to Hebrew)."""
        if language_of(language) == "en" and self.title_en:
            return self.title_en
        return self.title_he

    def description_for(self, language: str | None) -> str:
        """The description in ``language`` (English falls back to Hebrew)."""
        if language_of(language) == "en" and self.description_en:
            return self.description_en
        return self.description_he

    def contains(self, day: datetime.date) -> bool:
        """Does the theme's period (both ends included) contain ``day``?"""
        return self.start_date <= day <= self.end_date

    def activate(self) -> None:
        """Make this the only active theme, atomically.

        Every theme row is locked first, so concurrent activations queue up: the
        last one to commit wins and the partial unique index guarantees that two
        are never active at once.
        """
        with transaction.atomic():
            list(Theme.objects.select_for_update().order_by("pk").values("pk"))
            Theme.objects.active().exclude(pk=self.pk).update(is_active=False)
            Theme.objects.filter(pk=self.pk).update(is_active=True)
            transaction.on_commit(banner_cache.clear)
        self.is_active = True

    def deactivate(self) -> None:
        """Move the theme to the archive (inactive)."""
        Theme.objects.filter(pk=self.pk).update(is_active=False)
        banner_cache.clear()
        self.is_active = False


class ThemeResource(Orderable):
    """A document or link that helps communities work on the theme."""

    theme = ParentalKey(Theme, on_delete=models.CASCADE, related_name="resources")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("document")]

    def clean(self) -> None:
        if not self.url and not self.document_id:
            raise ValidationError(_("Give a link or a document."))

    @property
    def href(self) -> str:
        """Where the resource lives: the document's URL or the link."""
        return self.document.url if self.document_id else self.url


class ThemeLink(models.Model):
    """Tags content with a theme: a page (news, events) or another object (a
    training course, a forum topic) through ``content_type`` + ``object_id``.

    Exactly one target, and each target once per theme (database constraints).
    The linkable kinds besides pages are listed in ``targets``; editors tag in
    the snippet admin (``forms.ThemeLinkForm``).
    """

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="links")
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")

    class Meta:
        verbose_name = _("theme link")
        verbose_name_plural = _("theme links")
        constraints = [
            models.UniqueConstraint(
                fields=["theme", "page"],
                name="annual_themes_link_once",
                violation_error_message=_("This is already tagged with this theme."),
            ),
            models.UniqueConstraint(
                fields=["theme", "content_type", "object_id"],
                name="annual_themes_object_link_once",
                violation_error_message=_("This is already tagged with this theme."),
            ),
            models.CheckConstraint(
                condition=Q(
                    page__isnull=False,
                    content_type__isnull=True,
                    object_id__isnull=True,
                )
                | Q(
                    page__isnull=True,
                    content_type__isnull=False,
                    object_id__isnull=False,
                ),
                name="annual_themes_link_one_target",
                violation_error_message=_(
                    "Choose exactly one: a page, a course or a forum topic."
                ),
            ),
        ]
        indexes = [
            models.Index(
                fields=["content_type", "object_id"], name="annual_themes_link_object"
            )
        ]

    def __str__(self) -> str:
        return f"{self.theme.year} → {self.target_label()}"

    def kind_label(self) -> str:
        """What the link points at (page, training course, forum topic)."""
        from .targets import kind_for_content_type

        if self.page_id:
            return str(_("Page"))
        kind = kind_for_content_type(self.content_type_id)
        return str(kind.label) if kind else str(_("Unknown"))

    kind_label.short_description = _("kind")

    def target_label(self) -> str:
        """The target's title (``#id`` when the object no longer exists)."""
        if self.page_id:
            return str(self.page)
        from .targets import kind_for_content_type

        kind = kind_for_content_type(self.content_type_id)
        obj = kind.get(self.object_id) if kind else None
        return kind.title(obj, None) if obj is not None else f"#{self.object_id}"

    target_label.short_description = _("tagged content")


class LocalAdaptationPage(Page):
    """A community's own take on a theme, published in its section."""

    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, related_name="adaptations"
    )
    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("theme"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = [COMMUNITY_MODEL]
    subpage_types: list[str] = []
    template = "annual_themes/local_adaptation_page.html"

    class Meta:
        verbose_name = _("local theme adaptation")

    def serve(self, request, *args, **kwargs):
        if not is_plugin_active(LABEL, self):
            raise Http404
        return super().serve(request, *args, **kwargs)


class ThemePage(Page):
    """The theme's public page: what every community did under it."""

    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="pages")

    content_panels = Page.content_panels + [FieldPanel("theme")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    template = "annual_themes/theme_page.html"

    class Meta:
        verbose_name = _("annual theme page")

    def serve(self, request, *args, **kwargs):
        if not is_plugin_active(LABEL):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .aggregation import theme_summary

        context = super().get_context(request, *args, **kwargs)
        language = self.locale.language_code
        context["theme_title"] = self.theme.title_for(language)
        context["theme_description"] = self.theme.description_for(language)
        context["summary"] = theme_summary(
            self.theme, request=request, language=language
        )
        return context
