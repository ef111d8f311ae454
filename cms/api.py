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
* **Drafts for editors only.** Wagtail returns ``?version=draft`` to any
  authenticated request, which was safe while only editors could reach a page;
  now that readers can, the draft needs edit permission on that page (else 403).
* **Readers, not only editors.** For an authenticated request Wagtail returns only
  pages the user may *edit*; a member would see nothing. We return the live pages
  whose view restrictions the request passes, plus the pages the user may edit
  (their own drafts included). Anonymous requests are unchanged.
"""

import functools

from django.db.models import Q
from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import SessionAuth
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v3 import querysets as wagtail_querysets
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
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


def _drafts_for_editors_only(view_func):
    """Wrap Wagtail's page-detail view: ``version=draft`` needs edit permission."""

    @functools.wraps(view_func)
    def wrapper(request, *args, **kwargs):
        if kwargs.get("version") == "draft":
            page = Page.objects.filter(pk=kwargs.get("page_id")).first()
            if page is None:
                raise HttpError(404, "No page matches the given query.")
            if not page.permissions_for_user(request.user).can_edit():
                raise HttpError(403, "Only the page's editors may read its draft.")
        return view_func(request, *args, **kwargs)

    return wrapper


class ReadSessionAuth(SessionAuth):
    """Django session auth for safe methods only (CSRF is moot for GET/HEAD)."""

    def __call__(self, request: HttpRequest):
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            return None
        return super().__call__(request)


def _adjust_read_operations(router) -> None:
    for path_view in router.path_operations.values():
        for operation in path_view.operations:
            if getattr(operation, "url_name", "") == "detail_page":
                operation.view_func = _drafts_for_editors_only(operation.view_func)
            callbacks = list(operation.auth_callbacks)
            anonymous = [
                i for i, cb in enumerate(callbacks) if isinstance(cb, AllowAnonymous)
            ]
            if anonymous and not any(
                isinstance(cb, ReadSessionAuth) for cb in callbacks
            ):
                callbacks.insert(anonymous[0], ReadSessionAuth())
                operation.auth_callbacks = callbacks
    for _prefix, child, _tags in router._routers:
        _adjust_read_operations(child)


def _plugin_switch(label: str):
    """404 for a plugin's endpoints while it is switched off network-wide."""
    from plugins.activation import is_active

    def decorator(view_func):
        @functools.wraps(view_func)
        def wrapper(request, *args, **kwargs):
            if not is_active(label):
                raise HttpError(404, f"The {label} plugin is switched off.")
            return view_func(request, *args, **kwargs)

        return wrapper

    return decorator


def mount_plugin_routers(api) -> None:
    """Each active plugin's ``api.router`` at ``plugins/<slug>/``, 404 when off
    (``plugins.base.api_slug``: the label with hyphens, ``annual-themes``)."""
    from plugins.base import api_slug
    from plugins.registry import registry

    for label, router in sorted(registry.api_routers.items()):
        router.add_decorator(_plugin_switch(label), mode="operation")
        # Operations that declare no auth of their own get this default: a bearer
        # token, or the session *with* a CSRF check on unsafe methods (ninja views
        # are CSRF-exempt otherwise), or anonymous.
        api.add_router(
            f"/plugins/{api_slug(label)}/",
            router,
            auth=[BearerTokenAuth(), SessionAuth(csrf=True), AllowAnonymous()],
            tags=[f"plugin: {label}"],
        )


def mount_search_router(api) -> None:
    """The project search at ``search/``: anonymous, session or bearer token."""
    from search.api import router

    api.add_router(
        "/search/",
        router,
        auth=[BearerTokenAuth(), ReadSessionAuth(), AllowAnonymous()],
        tags=["search"],
    )


def mount_forum_router(api) -> None:
    """The forum at ``forum/``: bearer token, session (CSRF on writes), anonymous."""
    from forum.api import router

    api.add_router(
        "/forum/",
        router,
        auth=[BearerTokenAuth(), SessionAuth(csrf=True), AllowAnonymous()],
        tags=["forum"],
    )


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
        _adjust_read_operations(router)
    mount_plugin_routers(api)
    mount_search_router(api)
    mount_forum_router(api)
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
