from django.conf import settings
from django.db import models
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from plugins.api import COMMUNITY_MODEL


@register_snippet
class DummyNote(models.Model):
    """A plugin model tied to a community (or the whole network)."""

    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    community = models.ForeignKey(
        COMMUNITY_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    public = models.BooleanField(default=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    def __str__(self):
        return self.title


class DummyPage(Page):
    """A plugin page type that lives in a community's section."""

    parent_page_types = [COMMUNITY_MODEL]
    subpage_types: list[str] = []
