"""What the site's frame needs: home, menu and language switch for this request.

Nothing here is cached across requests: the menu and the switch depend on the
page being served and are cheap (a handful of indexed queries). Results are
memoised on the request only, so a template may ask twice without paying twice.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

from cms.models.base import direction_for

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    direction: str


@dataclass(frozen=True)
class Chrome:
    site_name: str
    home: Page | None
    menu: list[Page]
    languages: list[LanguageLink]


def _site(request) -> Site | None:
    if request is None:
        return None
    try:
        return Site.find_for_request(request)
    except Exception:  # a request for an unknown host still renders the frame
        return None


def _locales() -> dict[str, Locale]:
    codes = [code for code, _name in settings.LANGUAGES]
    return {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in=codes)
    }


def _home_in(site: Site | None, locale: Locale | None) -> Page | None:
    if site is None or locale is None:
        return None
    root = site.root_page
    if root.locale_id == locale.pk:
        return root
    return root.get_translation_or_none(locale)


def _live_url(page: Page | None, request) -> str | None:
    if page is None or not page.live:
        return None
    return page.get_url(request)


def _url_in(code, locale, page, site, request) -> str:
    """The page's translation in ``code``, else that language's home, else ``/``."""
    current = get_language()
    if isinstance(page, Page) and page.pk and locale is not None:
        if page.locale_id == locale.pk and request is not None and code == current:
            return request.get_full_path()
        url = _live_url(page.get_translation_or_none(locale), request)
        if url:
            return url
    elif request is not None:
        # Not a Wagtail page (allauth, membership views): translate the URL itself.
        translated = translate_url(request.path, code)
        if translated != request.path or code == current:
            return translated
    return _live_url(_home_in(site, locale), request) or (
        "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
    )


def build_chrome(request, page) -> Chrome:
    site = _site(request)
    locales = _locales()
    current = get_language() or settings.LANGUAGE_CODE
    home = _home_in(site, locales.get(current))
    if home is not None and not home.live:
        home = None
    menu = list(home.get_children().live().public().in_menu()) if home else []
    languages = [
        LanguageLink(
            code=code,
            name=get_language_info(code)["name_local"],
            url=_url_in(code, locales.get(code), page, site, request),
            is_current=code == current,
            direction=direction_for(code),
        )
        for code, _name in settings.LANGUAGES
    ]
    site_name = (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME
    return Chrome(site_name=site_name, home=home, menu=menu, languages=languages)


@register.simple_tag(takes_context=True)
def site_chrome(context) -> Chrome:
    """``{% site_chrome as chrome %}``: site name, localized home, menu, languages."""
    request = context.get("request")
    page = context.get("page")
    key = "_kehilot_chrome"
    cached = getattr(request, key, None) if request is not None else None
    if cached is not None and cached[0] is page:
        return cached[1]
    chrome = build_chrome(request, page)
    if request is not None:
        setattr(request, key, (page, chrome))
    return chrome


@register.filter
def is_current_section(menu_page: Page, request) -> bool:
    """True when ``request`` is at or below ``menu_page`` (for ``aria-current``)."""
    if request is None:
        return False
    url = menu_page.get_url(request) or ""
    return bool(url) and url != "/" and request.path.startswith(url)


@register.filter
def same_locale(page: Page | None, other: Page | None) -> bool:
    """Whether two pages are in one locale (to skip showing a foreign-language link)."""
    return page is not None and other is not None and page.locale_id == other.locale_id
