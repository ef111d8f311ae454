"""The theme link form: a theme and exactly one target (page, course or topic).

The editor picks the kind, then the page (Wagtail's page chooser), the course
(a list of courses) or the forum topic (its number, shown in the topic's
address). The chosen object must exist; a target is tagged once per theme.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import targets
from .models import ThemeLink


def kind_choices() -> list[tuple[str, str]]:
    return [(targets.PAGE, _("Page (news, event)"))] + [
        (kind.code, kind.label) for kind in targets.available_kinds()
    ]


class ThemeLinkForm(WagtailAdminModelForm):
    kind = forms.ChoiceField(label=_("Kind of content"), choices=kind_choices)
    course = forms.ModelChoiceField(
        label=_("Training course"),
        queryset=None,
        required=False,
        help_text=_("When the kind is a training course."),
    )
    topic = forms.IntegerField(
        label=_("Forum topic number"),
        min_value=1,
        required=False,
        help_text=_(
            "When the kind is a forum topic: the number at the end of the "
            "topic's address."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        course_model = targets.KINDS[targets.COURSE].model
        if course_model is None:
            self.fields.pop("course", None)
        else:
            self.fields["course"].queryset = course_model._default_manager.all()
        if targets.KINDS[targets.TOPIC].model is None:
            self.fields.pop("topic", None)
        if "page" in self.fields:
            self.fields["page"].help_text = _("When the kind is a page.")
        self._set_initial()

    def _set_initial(self) -> None:
        link = self.instance
        if link.pk is None or link.page_id:
            self.initial.setdefault("kind", targets.PAGE)
            return
        kind = targets.kind_for_content_type(link.content_type_id)
        if kind is not None:
            self.initial.setdefault("kind", kind.code)
            self.initial.setdefault(kind.code, link.object_id)

    def clean(self):
        data = super().clean()
        kind_code = data.get("kind")
        if kind_code == targets.PAGE:
            if not data.get("page"):
                self.add_error("page", _("Choose a page."))
            self.instance.content_type = None
            self.instance.object_id = None
            return data
        kind = targets.KINDS.get(kind_code)
        if kind is None or kind.model is None:
            return data  # the choice field has reported it
        data["page"] = None
        target = self._target(kind, data.get(kind.code))
        if target is None:
            return data
        self.instance.content_type = kind.content_type()
        self.instance.object_id = target.pk
        theme = data.get("theme")
        duplicate = (
            ThemeLink.objects.filter(
                theme=theme, content_type=self.instance.content_type
            )
            .filter(object_id=target.pk)
            .exclude(pk=self.instance.pk)
        )
        if theme is not None and duplicate.exists():
            self.add_error(None, _("This is already tagged with this theme."))
        return data

    def _target(self, kind: targets.TargetKind, value):
        """The chosen course or topic, after reporting a missing or unknown one."""
        if kind.code == targets.COURSE:
            if value is None and "course" not in self.errors:
                self.add_error("course", _("Choose a training course."))
            return value
        if value is None:
            if "topic" not in self.errors:
                self.add_error("topic", _("Give the forum topic's number."))
            return None
        topic = kind.get(value)
        if topic is None:
            self.add_error("topic", _("There is no forum topic number %s.") % value)
        return topic
