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
    absolute_url: str
    #: True when ``url`` is this page's own translation (not a fallback home).
    is_translation: bool
    is_current: bool
    direction: str


@dataclass(frozen=True)
class Chrome:
    site_name: str
    canonical_url: str
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


def _url_in(code, locale, page, site, request) -> tuple[str, bool]:
    """The page's translation in ``code`` (and True), else that language's home."""
    if _is_page(page) and locale is not None:
        url = _live_url(page.get_translation_or_none(locale), request)
        if url:
            return url, True
    elif request is not None:
        # Not a Wagtail page (allauth, membership views): translate the URL itself.
        translated = translate_url(request.path, code)
        if translated != request.path or code == get_language():
            return translated, True
    home_url = _live_url(_home_in(site, locale), request)
    return home_url or ("/" if code == settings.LANGUAGE_CODE else f"/{code}/"), False


def _is_page(page) -> bool:
    return isinstance(page, Page) and page.pk is not None


def _absolute(request, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


def build_chrome(request, page) -> Chrome:
    site = _site(request)
    locales = _locales()
    current = get_language() or settings.LANGUAGE_CODE
    home = _home_in(site, locales.get(current))
    if home is not None and not home.live:
        home = None
    menu = list(home.get_children().live().public().in_menu()) if home else []
    languages = []
    for code, _name in settings.LANGUAGES:
        url, is_translation = _url_in(code, locales.get(code), page, site, request)
        languages.append(
            LanguageLink(
                code=code,
                name=get_language_info(code)["name_local"],
                url=url,
                absolute_url=_absolute(request, url),
                is_translation=is_translation,
                is_current=code == current,
                direction=direction_for(code),
            )
        )
    canonical = (page.get_url(request) or "") if _is_page(page) else ""
    site_name = (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME
    return Chrome(
        site_name=site_name,
        canonical_url=_absolute(request, canonical) if canonical else "",
        home=home,
        menu=menu,
        languages=languages,
    )


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
