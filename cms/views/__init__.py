"""Public views of the CMS app that are not Wagtail pages."""

from cms.views import membership
from cms.views.robots import robots_txt

__all__ = ["membership", "robots_txt"]
