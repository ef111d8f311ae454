"""URL map. Hebrew (the default language) has no prefix; English lives under /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views
from cms.api import build_api
from cms.health import healthz
from cms.sitemaps import sitemap
from search import views as search_views

api = build_api()


class LoginRedirect(RedirectView):
    """Every sign-in goes through allauth, which rate-limits failed attempts."""

    pattern_name = "account_login"
    query_string = True


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("api/v3/", api.urls),
    path("admin/login/", LoginRedirect.as_view()),
    path("django-admin/login/", LoginRedirect.as_view()),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("membership/", include("cms.membership_urls")),
    path("search/", search_views.search_page, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("forum/", include("forum.site_urls")),
    path("_util/login/", LoginRedirect.as_view()),  # Wagtail's own, unthrottled
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    from django.views.static import serve

    # Images only: documents go through Wagtail's serve view, which enforces
    # collection privacy; their files are never served from /media/ directly.
    urlpatterns.insert(
        0,
        re_path(
            r"^media/(?!documents/)(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    )
