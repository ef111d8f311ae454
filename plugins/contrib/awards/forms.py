"""Forms for the public pages. They render and pre-check; ``services`` decides."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from plugins.api import get_community_model

from .models import SCORE_MAX, SCORE_MIN


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented recipe); ``services``
    validates their kind and size."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return super().clean(data, initial)


class NominationForm(forms.Form):
    community = forms.TypedChoiceField(
        label=_("Member community"), coerce=int, required=False, empty_value=None
    )
    nominee_name = forms.CharField(
        label=_("Or: the name of a community outside the network"),
        max_length=200,
        required=False,
    )
    nominee_description = forms.CharField(
        label=_("About that community"), widget=forms.Textarea, required=False
    )
    nominee_website = forms.URLField(
        label=_("Its website"), required=False, assume_scheme="https"
    )
    statement = forms.CharField(
        label=_("Statement: why this community?"), widget=forms.Textarea
    )
    contact_name = forms.CharField(label=_("Contact name"), max_length=200)
    contact_email = forms.EmailField(label=_("Contact email"))
    contact_phone = forms.CharField(
        label=_("Contact phone"), max_length=40, required=False
    )
    files = MultipleFileField(
        label=_("Supporting documents (PDF, images, DOCX, ODT)"), required=False
    )

    def __init__(self, *args, language: str = "he", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        communities = (
            get_community_model()
            .objects.live()
            .filter(locale__language_code=language)
            .order_by("title")
            .values_list("pk", "title")
        )
        self.fields["community"].choices = [("", "—"), *communities]


class MaterialForm(forms.Form):
    text = forms.CharField(label=_("Text"), widget=forms.Textarea, required=False)
    files = MultipleFileField(label=_("Documents"), required=False)


class ScoreForm(forms.Form):
    """One score and comment per criterion (``value_<id>``, ``comment_<id>``)."""

    def __init__(self, *args, criteria=(), language: str = "he", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            label = criterion.name_for(language)
            self.fields[f"value_{criterion.pk}"] = forms.IntegerField(
                label=f"{label} (×{criterion.weight})",
                min_value=SCORE_MIN,
                max_value=SCORE_MAX,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment"),
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )

    def entries(self) -> list[dict]:
        return [
            {
                "criterion": c.pk,
                "value": self.cleaned_data[f"value_{c.pk}"],
                "comment": self.cleaned_data.get(f"comment_{c.pk}", ""),
            }
            for c in self.criteria
        ]
