"""Courses, their sessions and registrations.

The capacity guarantee lives in the database: ``Session.seats_taken`` counts the
registered (not waitlisted) rows and a check constraint keeps it within
``0..capacity``; seats are taken with a conditional ``UPDATE`` while the session
row is locked (``services``). A partial unique index allows one open registration
per member and session. ``Session.save`` never writes ``seats_taken``, so an
organiser's edit cannot overwrite a concurrent registration.
"""

from __future__ import annotations

import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from plugins.api import COMMUNITY_MODEL

from .fields import RolesField


def language_of(code: str | None) -> str:
    """``"en"`` for English language codes, else ``"he"`` (Hebrew first)."""
    return "en" if (code or "").lower().startswith("en") else "he"


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class Format(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    SEMINAR = "seminar", _("Seminar")
    COURSE = "course", _("Course")
    MENTORING = "mentoring", _("Personal mentoring")
    ONLINE = "online", _("Online")


class Level(models.TextChoices):
    ALL = "all", _("All levels")
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class Language(models.TextChoices):
    HEBREW = "he", _("Hebrew")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")
    GERMAN = "de", _("German")
    RUSSIAN = "ru", _("Russian")
    ITALIAN = "it", _("Italian")


class CourseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class CourseQuerySet(models.QuerySet):
    def published(self) -> CourseQuerySet:
        return self.filter(status=CourseStatus.PUBLISHED)


class Course(models.Model):
    """A training programme; people register for one of its sessions."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True)
    title_he = models.CharField(_("title (Hebrew)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_he = models.TextField(_("description (Hebrew)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    target_roles = RolesField(
        _("target roles"), help_text=_("Who the course is meant for.")
    )
    format = models.CharField(_("format"), max_length=16, choices=Format.choices)
    language = models.CharField(
        _("language"), max_length=8, choices=Language.choices, default="he"
    )
    level = models.CharField(
        _("level"), max_length=16, choices=Level.choices, default=Level.ALL
    )
    duration = models.CharField(
        _("duration"), max_length=100, blank=True, help_text=_("e.g. 6 meetings")
    )
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=CourseStatus.choices,
        default=CourseStatus.DRAFT,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CourseQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("title_he"), FieldPanel("title_en")]),
        FieldPanel("slug"),
        FieldPanel("description_he"),
        FieldPanel("description_en"),
        FieldPanel("target_roles"),
        FieldRowPanel(
            [FieldPanel("format"), FieldPanel("language"), FieldPanel("level")]
        ),
        FieldRowPanel([FieldPanel("duration"), FieldPanel("provider")]),
        FieldPanel("prerequisites"),
        FieldPanel("status"),
    ]

    class Meta:
        ordering = ["title_he"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self) -> str:
        return self.title_he

    def title_for(self, language: str | None) -> str:
        """The title in ``language`` (English falls back to Hebrew)."""
        if language_of(language) == "en" and self.title_en:
            return self.title_en
        return self.title_he

    def description_for(self, language: str | None) -> str:
        if language_of(language) == "en" and self.description_en:
            return self.description_en
        return self.description_he

    @property
    def is_published(self) -> bool:
        return self.status == CourseStatus.PUBLISHED


class Session(models.Model):
    """One run of a course: when, where, hosted by whom, for how many."""

    course = models.ForeignKey(
        Course,
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=time_zone_choices,
        default="Asia/Jerusalem",
    )
    is_online = models.BooleanField(_("online"), default=False)
    online_url = models.URLField(_("online link"), blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    city = models.CharField(
        _("city"), max_length=100, blank=True, help_text=_("Default: the host's city.")
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        validators=[RegexValidator(r"^[A-Za-z]{2}$", _("Two letters, e.g. IL."))],
        help_text=_("ISO code, e.g. IL. Default: the host's country."),
    )
    host_community = models.ForeignKey(
        COMMUNITY_MODEL,
        verbose_name=_("host community"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty for network-wide sessions."),
    )
    capacity = models.IntegerField(
        _("capacity"),
        validators=[MinValueValidator(0, _("The capacity cannot be negative."))],
    )
    seats_taken = models.IntegerField(_("seats taken"), default=0, editable=False)
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Default: when the session starts."),
    )
    price = models.DecimalField(
        _("price"),
        max_digits=8,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(0, _("The price cannot be negative."))],
        help_text=_("0 for a free session."),
    )
    currency = models.CharField(_("currency"), max_length=3, default="ILS")
    eligible_roles = RolesField(
        _("only for roles"), help_text=_("Empty: open to every signed-in member.")
    )
    eligible_communities = models.ManyToManyField(
        COMMUNITY_MODEL,
        verbose_name=_("only for members of"),
        blank=True,
        related_name="+",
    )

    panels = [
        FieldPanel("course"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("time_zone"),
                FieldPanel("registration_deadline"),
            ],
            _("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("host_community"),
                FieldRowPanel([FieldPanel("is_online"), FieldPanel("online_url")]),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("address")]),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
            ],
            _("Where"),
        ),
        FieldRowPanel(
            [FieldPanel("capacity"), FieldPanel("price"), FieldPanel("currency")]
        ),
        MultiFieldPanel(
            [FieldPanel("eligible_roles"), FieldPanel("eligible_communities")],
            _("Eligibility"),
        ),
    ]

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [models.Index(fields=["starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=0),
                name="training_session_capacity_not_negative",
                violation_error_message=_("The capacity cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(seats_taken__gte=0, seats_taken__lte=F("capacity")),
                name="training_session_seats_within_capacity",
                violation_error_message=_(
                    "The capacity cannot be below the number of people registered."
                ),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="training_session_ends_after_start",
                violation_error_message=_("The session must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(registration_deadline__isnull=True)
                | Q(registration_deadline__lte=F("starts_at")),
                name="training_session_deadline_before_start",
                violation_error_message=_(
                    "The registration deadline must not be after the start."
                ),
            ),
            models.CheckConstraint(
                condition=Q(price__gte=0),
                name="training_session_price_not_negative",
                violation_error_message=_("The price cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        start = timezone.localtime(self.starts_at, self.zone) if self.starts_at else ""
        return f"{self.course} · {start:%Y-%m-%d %H:%M}" if start else str(self.course)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    @property
    def deadline(self):
        """When registration closes (the deadline, else the start)."""
        return self.registration_deadline or self.starts_at

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seats_taken, 0)

    @property
    def is_free(self) -> bool:
        return self.price == 0

    @property
    def place_city(self) -> str:
        host = self.host_community
        return self.city or (host.city if host else "")

    @property
    def place_country(self) -> str:
        host = self.host_community
        return (self.country or (str(host.country) if host else "")).upper()

    def registration_open(self, now=None) -> bool:
        return (now or timezone.now()) < self.deadline

    def clean(self) -> None:
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The session must end after it starts.")
        starts_changed = self._state.adding or self._stored_start != self.starts_at
        if self.starts_at and starts_changed and self.starts_at <= timezone.now():
            errors["starts_at"] = _("A new session cannot start in the past.")
        deadline = self.registration_deadline
        if deadline and self.starts_at and deadline > self.starts_at:
            errors["registration_deadline"] = _(
                "The registration deadline must not be after the start."
            )
        if self.is_online and not self.online_url:
            errors["online_url"] = _("Give the link of an online session.")
        if self.time_zone not in zoneinfo.available_timezones():
            errors["time_zone"] = _("Unknown time zone.")
        self.country = (self.country or "").upper()
        if errors:
            raise ValidationError(errors)

    _stored_start = None

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_start = getattr(instance, "starts_at", None)
        return instance

    def save(self, *args, **kwargs):
        # seats_taken is written only by the registration service's UPDATEs.
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name != "seats_taken"
            ]
        super().save(*args, **kwargs)
        self._stored_start = self.starts_at
        # More seats, or a new session: people waiting may move up.
        transaction.on_commit(self._fill_from_waitlist)

    def _fill_from_waitlist(self) -> None:
        from .services import fill_from_waitlist

        fill_from_waitlist(self.pk)


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITLISTED = "waitlisted", _("On the waitlist")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_STATUSES = [RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED]


class Registration(models.Model):
    """A member's place (or place in the queue) in one session.

    Only the registration service changes ``status``; every change keeps
    ``Session.seats_taken`` equal to the number of registered rows.
    """

    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="training_registrations",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RegistrationStatus.choices
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    promoted_at = models.DateTimeField(_("promoted at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=Q(status__in=["registered", "waitlisted"]),
                name="training_one_open_registration",
                violation_error_message=_("You are already registered."),
            ),
        ]
        indexes = [models.Index(fields=["session", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.session} · {self.get_status_display()}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


# The catalog page type lives in its own module; Django finds models here.
from .pages import CatalogPage  # noqa: E402, F401
