"""Award programs, yearly cycles with dated phases, nominations, jury and scores.

The rules (who may do what in which phase) live in ``services``; the database
holds what can be held there: one score per juror, nomination and criterion, the
score range, one nomination per nominee and cycle, dates in phase order.
"""

from __future__ import annotations

import datetime
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from plugins.api import COMMUNITY_MODEL

#: Every criterion is scored on this scale (both ends included).
SCORE_MIN = 1
SCORE_MAX = 10


def language_of(code: str | None) -> str:
    """``"en"`` for English language codes, else ``"he"`` (Hebrew first)."""
    return "en" if (code or "").lower().startswith("en") else "he"


class Phase(models.IntegerChoices):
    """A cycle's phases, in order; each (but the first) starts on a date."""

    UPCOMING = 0, _("Upcoming")
    NOMINATING = 1, _("Nominations open")
    NOMINATIONS_CLOSED = 2, _("Nominations closed")
    JUDGING = 3, _("Judging")
    JUDGING_CLOSED = 4, _("Judging closed")
    ANNOUNCED = 5, _("Results announced")


#: Phase names in the API (stable, unlike the translated labels).
PHASE_SLUGS = {
    Phase.UPCOMING: "upcoming",
    Phase.NOMINATING: "nominations_open",
    Phase.NOMINATIONS_CLOSED: "nominations_closed",
    Phase.JUDGING: "judging",
    Phase.JUDGING_CLOSED: "judging_closed",
    Phase.ANNOUNCED: "announced",
}


class AwardProgram(models.Model):
    """An award given every year, e.g. the outstanding community center of the year."""

    slug = models.SlugField(_("slug"), unique=True, allow_unicode=True)
    title_he = models.CharField(_("title (Hebrew)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_he = models.TextField(_("description (Hebrew)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("managers"),
        blank=True,
        related_name="managed_award_programs",
        help_text=_("They run the cycles: phases, jurors, results."),
    )
    winner_cooldown_years = models.PositiveSmallIntegerField(
        _("years a winner waits"),
        default=1,
        help_text=_(
            "A community that won in the last N years may not be nominated "
            "(1: last year's winner may not; 0: no rule)."
        ),
    )
    member_communities_only = models.BooleanField(
        _("member communities only"),
        default=False,
        help_text=_("Clear to accept communities outside the network too."),
    )

    panels = [
        FieldRowPanel([FieldPanel("slug")]),
        FieldPanel("title_he"),
        FieldPanel("title_en"),
        FieldPanel("description_he"),
        FieldPanel("description_en"),
        FieldPanel("managers"),
        MultiFieldPanel(
            [
                FieldPanel("winner_cooldown_years"),
                FieldPanel("member_communities_only"),
            ],
            _("Eligibility"),
        ),
    ]

    class Meta:
        ordering = ["slug"]
        verbose_name = _("award program")
        verbose_name_plural = _("award programs")

    def __str__(self) -> str:
        return self.title_he

    def title_for(self, language: str | None) -> str:
        if language_of(language) == "en" and self.title_en:
            return self.title_en
        return self.title_he

    def description_for(self, language: str | None) -> str:
        if language_of(language) == "en" and self.description_en:
            return self.description_en
        return self.description_he


class AwardCycleAdminForm(WagtailAdminModelForm):
    """The cycle's admin form: once judging has started the criteria are frozen
    (scores were given against them; a new weight would change the ranking
    behind the jurors' backs)."""

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        criteria = self.formsets.get("criteria")
        if (
            instance.pk
            and instance.phase >= Phase.JUDGING
            and criteria is not None
            and criteria.has_changed()
        ):
            self.add_error(
                None,
                _(
                    "The criteria cannot change once judging has started: the "
                    "jurors have scored against them."
                ),
            )
        return cleaned


class AwardCycle(ClusterableModel):
    """One year of a program. Each date is the first day of its phase."""

    base_form_class = AwardCycleAdminForm

    program = models.ForeignKey(
        AwardProgram, on_delete=models.CASCADE, related_name="cycles"
    )
    year = models.PositiveIntegerField(_("year"))
    phase = models.PositiveSmallIntegerField(
        _("phase"), choices=Phase.choices, default=Phase.UPCOMING, editable=False
    )
    nominations_open_on = models.DateField(_("nominations open on"))
    nominations_close_on = models.DateField(_("nominations close on"))
    judging_starts_on = models.DateField(_("judging starts on"))
    judging_ends_on = models.DateField(_("judging ends on"))
    results_on = models.DateField(_("results announced on"))
    results_confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    announced_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("program"), FieldPanel("year")]),
        FieldRowPanel(
            [FieldPanel("nominations_open_on"), FieldPanel("nominations_close_on")]
        ),
        FieldRowPanel([FieldPanel("judging_starts_on"), FieldPanel("judging_ends_on")]),
        FieldPanel("results_on"),
        InlinePanel("criteria", label=_("Criteria"), min_num=1),
        InlinePanel("jurors", label=_("Jurors")),
    ]

    class Meta:
        ordering = ["program", "-year"]
        verbose_name = _("award cycle")
        verbose_name_plural = _("award cycles")
        constraints = [
            models.UniqueConstraint(
                fields=["program", "year"],
                name="awards_one_cycle_per_year",
                violation_error_message=_(
                    "This program already has a cycle that year."
                ),
            ),
            models.CheckConstraint(
                condition=Q(nominations_close_on__gt=F("nominations_open_on"))
                & Q(judging_starts_on__gte=F("nominations_close_on"))
                & Q(judging_ends_on__gt=F("judging_starts_on"))
                & Q(results_on__gte=F("judging_ends_on")),
                name="awards_phase_dates_in_order",
                violation_error_message=_(
                    "The dates must follow the phases: nominations open, "
                    "nominations close, judging starts, judging ends, results."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.program} {self.year}"

    @property
    def phase_slug(self) -> str:
        return PHASE_SLUGS[Phase(self.phase)]

    def get_phase_display(self) -> str:  # the IntegerChoices label, translated
        return str(Phase(self.phase).label)

    def phase_starts(self) -> dict[Phase, datetime.date]:
        return {
            Phase.NOMINATING: self.nominations_open_on,
            Phase.NOMINATIONS_CLOSED: self.nominations_close_on,
            Phase.JUDGING: self.judging_starts_on,
            Phase.JUDGING_CLOSED: self.judging_ends_on,
            Phase.ANNOUNCED: self.results_on,
        }

    def scheduled_phase(self, day: datetime.date) -> Phase:
        """The phase the dates give for ``day`` (the last one that has started)."""
        current = Phase.UPCOMING
        for phase, start in self.phase_starts().items():
            if start <= day:
                current = phase
        return current

    @property
    def is_announced(self) -> bool:
        return self.phase == Phase.ANNOUNCED

    @property
    def judging_closed(self) -> bool:
        """Jurors may read each other's scores from here on."""
        return self.phase >= Phase.JUDGING_CLOSED


class Criterion(Orderable):
    """What the jury scores, with a weight in the weighted mean."""

    cycle = ParentalKey(AwardCycle, on_delete=models.CASCADE, related_name="criteria")
    name_he = models.CharField(_("name (Hebrew)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)

    panels = [FieldPanel("name_he"), FieldPanel("name_en"), FieldPanel("weight")]

    class Meta(Orderable.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.CheckConstraint(
                condition=Q(weight__gte=1),
                name="awards_criterion_weight_positive",
                violation_error_message=_("A weight is at least 1."),
            )
        ]

    def __str__(self) -> str:
        return self.name_he

    def name_for(self, language: str | None) -> str:
        if language_of(language) == "en" and self.name_en:
            return self.name_en
        return self.name_he


class Juror(models.Model):
    """A person on a cycle's jury, assigned by the program's managers."""

    cycle = ParentalKey(AwardCycle, on_delete=models.CASCADE, related_name="jurors")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("juror"),
        on_delete=models.CASCADE,
        related_name="award_jury_seats",
    )

    panels = [FieldPanel("user")]

    class Meta:
        verbose_name = _("juror")
        verbose_name_plural = _("jurors")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "user"],
                name="awards_juror_once_per_cycle",
                violation_error_message=_("This person is already on the jury."),
            )
        ]

    def __str__(self) -> str:
        return str(self.user)


class NominationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    INELIGIBLE = "ineligible", _("Not eligible")


class Result(models.TextChoices):
    NONE = "", _("No award")
    WINNER = "winner", _("Winner")
    MENTION = "mention", _("Honourable mention")


class Nomination(models.Model):
    """A community put forward in a cycle: a member community (``community``) or
    one outside the network, named and described (``nominee_name``)."""

    cycle = models.ForeignKey(
        AwardCycle, on_delete=models.CASCADE, related_name="nominations"
    )
    community = models.ForeignKey(
        COMMUNITY_MODEL,
        verbose_name=_("community"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="award_nominations",
    )
    # "page:<translation key>" or "name:<casefolded name>": one nomination each.
    nominee_key = models.CharField(max_length=240, editable=False)
    nominee_name = models.CharField(_("community name"), max_length=200)
    nominee_description = models.TextField(_("about the community"), blank=True)
    nominee_website = models.URLField(_("website"), blank=True)
    statement = models.TextField(_("statement"))
    contact_name = models.CharField(_("contact name"), max_length=200)
    contact_email = models.EmailField(_("contact email"))
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    nominator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="award_nominations",
    )
    language = models.CharField(_("language"), max_length=8, default="he")
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=NominationStatus.choices,
        default=NominationStatus.SUBMITTED,
    )
    result = models.CharField(
        _("result"), max_length=16, choices=Result.choices, blank=True, default=""
    )
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    created = models.DateTimeField(_("nominated at"), default=timezone.now)

    panels = [FieldPanel("status")]

    class Meta:
        ordering = ["cycle", "created", "pk"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "nominee_key"],
                name="awards_one_nomination_per_nominee",
                violation_error_message=_("This community is already nominated."),
            ),
            models.UniqueConstraint(
                fields=["cycle", "community"],
                condition=Q(community__isnull=False),
                name="awards_one_nomination_per_community",
            ),
        ]
        indexes = [models.Index(fields=["cycle", "result"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.nominee_name} ({self.cycle.year})"

    @property
    def is_member_community(self) -> bool:
        return self.community_id is not None

    @property
    def is_eligible(self) -> bool:
        return self.status == NominationStatus.SUBMITTED


class AdditionKind(models.TextChoices):
    SUPPORT = "support", _("Another member's nomination, merged")
    MATERIAL = "material", _("Material from the community's editors")


class NominationAddition(models.Model):
    """Text (and documents) added to a nomination after it was made."""

    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="additions"
    )
    kind = models.CharField(max_length=16, choices=AdditionKind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("text"), blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("addition to a nomination")


def document_path(document: NominationDocument, filename: str) -> str:
    """Below ``documents/``, which is never served from ``/media/`` (see
    ``docs/deploy.md``): files are read only through the permission-checked API."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"documents/awards/{uuid.uuid4().hex}{suffix}"


class NominationDocument(models.Model):
    """A supporting document (validated upload, not public)."""

    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="documents"
    )
    addition = models.ForeignKey(
        NominationAddition,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="documents",
    )
    file = models.FileField(upload_to=document_path, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("supporting document")


class Score(models.Model):
    """One juror's score of one nomination on one criterion."""

    juror = models.ForeignKey(Juror, on_delete=models.CASCADE, related_name="scores")
    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="scores"
    )
    value = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["nomination", "juror", "criterion__sort_order"]
        verbose_name = _("score")
        constraints = [
            models.UniqueConstraint(
                fields=["juror", "nomination", "criterion"],
                name="awards_one_score_per_juror_criterion",
            ),
            models.CheckConstraint(
                condition=Q(value__gte=SCORE_MIN) & Q(value__lte=SCORE_MAX),
                name="awards_score_in_range",
                violation_error_message=_("A score is between 1 and 10."),
            ),
        ]


from .pages import AwardProgramPage  # noqa: E402, F401  (page type, needs the models)
