"""The active theme as the banner shows it, cached so a warm page costs no query.

Cleared whenever a theme or a theme page changes (signals connected in
``AnnualThemesConfig.ready``) and on every activation; entries expire anyway.
"""

from __future__ import annotations

from django.core.cache import cache

TIMEOUT = 300
KEY = "annual_themes:banner:{language}"
LANGUAGES = ("he", "en")


def banner_values(language: str) -> dict:
    """Title, description, year, colour and page URL of the active theme in
    ``language`` (``{}`` when no theme is active)."""
    key = KEY.format(language=language)
    values = cache.get(key)
    if values is None:
        values = _load(language)
        cache.set(key, values, TIMEOUT)
    return values


def _load(language: str) -> dict:
    from .models import Theme, ThemePage

    theme = Theme.objects.active().first()
    if theme is None:
        return {}
    page = (
        ThemePage.objects.live()
        .filter(theme=theme, locale__language_code=language)
        .first()
    )
    return {
        "pk": theme.pk,
        "year": theme.year,
        "colour": theme.colour,
        "language": language,
        "title": theme.title_for(language),
        "description": theme.description_for(language),
        "theme_url": page.url if page else "",
    }


def clear(*args, **kwargs) -> None:
    """Forget the cached banner (usable as a signal receiver)."""
    cache.delete_many([KEY.format(language=language) for language in LANGUAGES])


def locale_language(locale_id: int) -> str | None:
    """The language code of a Wagtail locale, cached (locales rarely change)."""
    codes = cache.get("annual_themes:locales")
    if codes is None or locale_id not in codes:
        from wagtail.models import Locale

        codes = dict(Locale.objects.values_list("pk", "language_code"))
        cache.set("annual_themes:locales", codes, 3600)
    return codes.get(locale_id)
