"""Kehilot: the Wagtail project package and the CMS domain (communities, events)."""

__version__ = "0.1.0"

# Importing the Celery app here makes ``@shared_task`` bind to it in every process.
from cms.celery import app as celery_app  # noqa: E402

__all__ = ["__version__", "celery_app"]
