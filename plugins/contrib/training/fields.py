"""``RolesField``: a set of membership role codes in one portable column.

Stored as ``",center_director,youth_coordinator,"`` so a single role filters with
``field__contains=",role,"`` on SQLite and PostgreSQL alike (``roles_lookup``);
in Python the value is a sorted list of codes.
"""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from plugins.api import membership_role_choices


def split_roles(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    return sorted({code.strip() for code in value if code and code.strip()})


def join_roles(codes: Iterable[str]) -> str:
    codes = split_roles(codes)
    return f",{','.join(codes)}," if codes else ""


def roles_lookup(field: str, role: str) -> dict[str, str]:
    """Filter keyword arguments: rows whose ``field`` contains ``role``."""
    return {f"{field}__contains": f",{role},"}


class RolesField(models.CharField):
    """Zero or more role codes from ``membership_role_choices()``."""

    description = _("Membership roles")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 400)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return split_roles(value)

    def to_python(self, value):
        return split_roles(value)

    def get_prep_value(self, value):
        # A plain string is already stored form (or a lookup pattern).
        if isinstance(value, str):
            return value
        return join_roles(value or [])

    def value_to_string(self, obj) -> str:
        return join_roles(self.value_from_object(obj))

    def validate(self, value, model_instance) -> None:
        known = {code for code, _label in membership_role_choices()}
        unknown = [code for code in value if code not in known]
        if unknown:
            raise ValidationError(
                _("Unknown role: %(roles)s."), params={"roles": ", ".join(unknown)}
            )
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=membership_role_choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )
