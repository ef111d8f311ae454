"""Assemble the one headless API at ``/api/v3/``.

Wagtail 8's v3 API (pages, sites, schema) is the base; our routers (and, once the
registry lands, each plugin's at ``plugins/<label>/``) are attached to the *same*
``NinjaAPI`` so there is one OpenAPI document. ``build_api()`` is called by
``cms.urls`` after every app's ``ready()`` and before ``api.urls`` is read.

Two adjustments to Wagtail's read tier, both about who may read what:

* **Session auth.** Wagtail's read operations accept a bearer token or fall back
  to anonymous (and *reset* ``request.user``, ignoring a session). We insert
  Django-session auth before the anonymous fallback, so a signed-in browser reads
  what its user may read. Unsafe methods stay bearer-only (no cookie-borne writes).
* **Readers, not only editors.** For an authenticated request Wagtail returns only
  pages the user may *edit*; a member would see nothing. We return the live pages
  whose view restrictions the request passes, plus the pages the user may edit
  (their own drafts included). Anonymous requests are unchanged.
"""

from django.db.models import Q
from django.http import HttpRequest
from ninja.security import SessionAuth
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v3 import querysets as wagtail_querysets
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.models import Page

_built = False


def readable_pages_queryset(request: HttpRequest, model=Page):
    """Pages ``request`` may read: public-to-them live pages, plus pages they edit."""
    public = get_public_pages_queryset(request, model)
    if not request.user.is_authenticated:
        return public.select_related("content_type", "locale").order_by("pk")
    editable = wagtail_querysets.get_pages_queryset(request, model)
    return (
        model._default_manager.filter(
            Q(pk__in=public.values("pk")) | Q(pk__in=editable.values("pk"))
        )
        .select_related("content_type", "locale")
        .order_by("pk")
    )


class ReadSessionAuth(SessionAuth):
    """Django session auth for safe methods only (CSRF is moot for GET/HEAD)."""

    def __call__(self, request: HttpRequest):
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            return None
        return super().__call__(request)


def _add_session_auth(router) -> None:
    for path_view in router.path_operations.values():
        for operation in path_view.operations:
            callbacks = list(operation.auth_callbacks)
            anonymous = [i for i, cb in enumerate(callbacks) if isinstance(cb, AllowAnonymous)]
            if anonymous and not any(isinstance(cb, ReadSessionAuth) for cb in callbacks):
                callbacks.insert(anonymous[0], ReadSessionAuth())
                operation.auth_callbacks = callbacks
    for _prefix, child, _tags in router._routers:
        _add_session_auth(child)


def build_api():
    """Return Wagtail's v3 ``NinjaAPI`` with session auth and our routers attached."""
    global _built
    from wagtail.api.v3 import urls as wagtail_api_urls
    from wagtail.api.v3.routers import pages as pages_router_module

    api = wagtail_api_urls.api
    if _built:
        return api
    # The pages router looks the function up by name at call time.
    pages_router_module.get_pages_queryset = readable_pages_queryset
    for _prefix, router, *_rest in api._router_registrations:
        _add_session_auth(router)
    api.title = "Kehilot API"
    api.description = (
        "Headless API of a Kehilot network: Wagtail's v3 pages API (community, news "
        "and event pages; `meta.locale`, `language` and `direction` say which "
        "language and writing direction each page is in) plus Kehilot's routers. "
        "Authenticate with `Authorization: Bearer <token>` (Wagtail API tokens) "
        "or a signed-in session for reads."
    )
    _built = True
    return api
