"""Test helpers for plugin authors (pytest + pytest-django).

Public, like ``plugins.api``, for plugins' *tests* only. Two ways in:

* a plugin's ``tests/conftest.py`` imports the fixtures it wants (what
  ``manage.py startplugin`` generates)::

      from plugins.testing import plugin_caches, plugin_site  # noqa: F401

* or the run loads this module as a pytest plugin: ``pytest -p plugins.testing``.

Run a plugin's tests from a Kehilot checkout so Kehilot's pytest settings apply:
``python -m pytest --pyargs kehilot_<name>``.

``PluginContract`` is a base test class: ``class TestContract(PluginContract):
label = "mine"`` runs every contract check (``check_*`` below, also usable on
their own or all at once with ``assert_plugin_contract``).
"""

from __future__ import annotations

import ast
import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import Any, ClassVar

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.utils.safestring import SafeString

from plugins import activation
from plugins.base import PluginConfig, api_slug
from plugins.events import emit
from plugins.hookspecs import EVENT_NAMES, manager
from plugins.registry import registry
from plugins.slots import RESERVED_SLOTS, last_failure, render_slot

__all__ = [
    "PluginContract",
    "PluginSite",
    "assert_plugin_contract",
    "build_site",
    "check_api",
    "check_discovered",
    "check_hooks",
    "check_imports",
    "check_migrations",
    "check_search_documents",
    "check_slots",
    "clear_plugin_caches",
    "emit_event",
    "forbidden_imports",
    "plugin_caches",
    "plugin_site",
    "plugin_switched_off",
    "publish_page",
    "render_plugin_slot",
    "switch_plugin",
    "translate_page",
]

#: Kehilot's own top-level packages; plugins import only ``ALLOWED_IMPORTS``.
CORE_PACKAGES = ("cms", "forum", "search", "plugins")
ALLOWED_IMPORTS = ("plugins.api", "plugins.testing")


# --- a small two-language site ---------------------------------------------------
@dataclass
class PluginSite:
    """Hebrew home with its English translation and a community index (both)."""

    home: Any
    home_en: Any
    communities: Any
    communities_en: Any
    created: list = field(default_factory=list)

    def community(self, title: str, *, english: str | None = None, **fields: Any):
        """A published community page; ``english`` also publishes a translation."""
        from cms.models import CommunityPage

        defaults = {"city": "חיפה", "country": "IL", "short_description": title}
        page = CommunityPage(
            title=title,
            slug=f"plugin-test-{len(self.created)}",
            **{**defaults, **fields},
        )
        publish_page(self.communities, page)
        self.created.append(page)
        if english:
            translate_page(page, english, short_description=english)
        return page


def publish_page(parent, page):
    """Add ``page`` below ``parent`` and publish it, as an editor would."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate_page(page, title: str, **fields: Any):
    """Publish an English translation of a Hebrew page with English fields."""
    from wagtail.models import Locale

    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = title
    for name, value in fields.items():
        setattr(english, name, value)
    english.save_revision().publish()
    english.refresh_from_db()
    return english.specific


def build_site() -> PluginSite:
    """Build the site every plugin test starts from (needs database access)."""
    from wagtail.models import Page, Site

    from cms.models import CommunityIndexPage, HomePage

    home = publish_page(
        Page.get_first_root_node(), HomePage(title="רשת הקהילות", slug="plugin-home")
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    Site.objects.exclude(root_page=home).delete()
    communities = publish_page(
        home, CommunityIndexPage(title="קהילות", slug="communities")
    )
    return PluginSite(
        home=home,
        home_en=translate_page(home, "Community Network"),
        communities=communities,
        communities_en=translate_page(communities, "Communities"),
    )


# --- switches, events, slots -------------------------------------------------------
def clear_plugin_caches() -> None:
    """Forget cached switches and slot errors (a rolled-back test leaves them)."""
    cache.clear()
    activation.clear()


def switch_plugin(label: str, enabled: bool, community: Any = None) -> None:
    """Switch ``label`` on or off for ``community`` (``None``: the whole network)."""
    from plugins.models import PluginActivation

    PluginActivation.objects.update_or_create(
        label=label, community=community, defaults={"enabled": enabled}
    )


@contextlib.contextmanager
def plugin_switched_off(label: str, community: Any = None) -> Iterator[None]:
    """Within the block ``label`` is off for ``community`` (or network-wide)."""
    from plugins.models import PluginActivation

    previous = PluginActivation.objects.filter(label=label, community=community).first()
    switch_plugin(label, False, community)
    try:
        yield
    finally:
        if previous is None:
            PluginActivation.objects.filter(label=label, community=community).delete()
        else:
            switch_plugin(label, previous.enabled, community)


def emit_event(event: str, **kwargs: Any) -> list[Any]:
    """Emit a domain event as core does (``event`` without the ``kehilot_`` prefix)."""
    return emit(event, **kwargs)


def render_plugin_slot(
    slot: str, page: Any = None, *, label: str = "", request: Any = None
) -> SafeString:
    """What ``{% plugin_slot slot page=page %}`` renders, switches honoured.

    With ``label``, only that plugin's entries, and an entry that raises
    propagates (core would log it and render nothing) so tests see the error.
    """
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe

    request = request or _anonymous_request(getattr(page, "url", None) or "/")
    context = {"request": request, "page": page}
    if not label:
        return render_slot(slot, context, page=page)
    if not activation.is_active(label, page):
        return mark_safe("")
    return mark_safe(
        "".join(
            conditional_escape(entry.to_html(context, page=page))
            for entry in registry.template_slots.get(slot, ())
            if entry.plugin == label
        )
    )


def _anonymous_request(path: str):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    return request


# --- fixtures ----------------------------------------------------------------------
@pytest.fixture(autouse=True)
def plugin_caches() -> Iterator[None]:
    """Autouse: fresh switch and slot-error caches around every test."""
    clear_plugin_caches()
    yield
    clear_plugin_caches()


@pytest.fixture
def plugin_site(db) -> PluginSite:
    """A Hebrew home + English translation with a community index; add
    communities with ``plugin_site.community("title", english="Title")``."""
    return build_site()


# --- the contract ------------------------------------------------------------------
def check_discovered(label: str) -> PluginConfig:
    """Discovered, active (not broken/incompatible), installed, switched on."""
    record = registry.plugins.get(label)
    assert record is not None, (
        f"plugin {label!r} was not discovered: install its package (entry point "
        f"group 'kehilot.plugins') or add it to settings.PLUGINS; found "
        f"{sorted(registry.plugins)}"
    )
    assert record.status == "active", f"plugin {label!r} is {record.status}: " + (
        record.reason or "see manage.py plugins"
    )
    config = apps.get_app_config(label)
    assert isinstance(config, PluginConfig), f"{label!r} is not a PluginConfig app"
    assert activation.is_active(label), f"plugin {label!r} is switched off"
    return config


def _imported_names(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
            for alias in node.names:  # ``from plugins import registry``
                yield node.lineno, f"{node.module}.{alias.name}"


def _is_forbidden(name: str, own_package: str) -> bool:
    if name == own_package or name.startswith(own_package + "."):
        return False
    root = name.split(".", 1)[0]
    if root not in CORE_PACKAGES or name == "plugins":
        return False  # ``from plugins import api`` is judged by its second name
    return not any(name == ok or name.startswith(ok + ".") for ok in ALLOWED_IMPORTS)


def forbidden_imports(path: str | Path, package: str) -> list[str]:
    """``file:line name`` for each Kehilot import other than ``ALLOWED_IMPORTS``
    in the ``.py`` files below ``path`` (the package ``package``)."""
    found = []
    root = Path(path)
    for source in sorted(root.rglob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
        for lineno, name in _imported_names(tree):
            if _is_forbidden(name, package):
                found.append(f"{source.relative_to(root)}:{lineno} imports {name}")
    return found


def check_imports(label: str) -> None:
    """The plugin imports nothing of Kehilot's but ``plugins.api`` (and, in its
    tests, ``plugins.testing``): everything else may change without notice."""
    config = apps.get_app_config(label)
    found = forbidden_imports(config.path, config.name)
    assert not found, (
        f"plugin {label!r} imports Kehilot internals (use plugins.api):\n"
        + "\n".join(found)
    )


def _slot_entries(label: str) -> list[tuple[str, Any]]:
    return [
        (slot, entry)
        for slot, entries in registry.template_slots.items()
        for entry in entries
        if entry.plugin == label
    ]


def check_slots(label: str, community: Any, client: Client | None = None) -> None:
    """Each of the plugin's slot entries renders a string on ``community`` and
    its translations, and the pages that show slots record no failure for it."""
    from django.template import RequestContext

    for slot, entry in _slot_entries(label):
        assert slot in RESERVED_SLOTS
        for page in [community, *community.get_translations()]:
            request = _anonymous_request(page.url or "/")
            context = RequestContext(request, {"page": page, "request": request})
            html = entry.to_html(context, page=page)
            assert isinstance(html, str), f"{label} slot {slot!r} returned {html!r}"
    client = client or Client()
    paths = ["/", community.url, "/kehilot-contract-no-such-page/"]
    for path in paths + [t.url for t in community.get_translations()]:
        status = client.get(path).status_code
        assert status in (200, 404), f"GET {path} answered {status}"
    failure = last_failure(label)
    assert failure is None, f"plugin {label!r} failed in a slot: {failure}"


def check_api(label: str, client: Client | None = None) -> list[str]:
    """The plugin's router is in the OpenAPI document under
    ``/api/v3/plugins/<slug>/``; every GET answers without a server error (path
    parameters are filled with ``1``). Returns the paths requested."""
    client = client or Client()
    schema = client.get("/api/v3/openapi.json").json()
    prefix = f"/api/v3/plugins/{api_slug(label)}/"
    paths = [p for p in schema["paths"] if p.startswith(prefix)]
    if label not in registry.api_routers:
        assert not paths, f"{label!r} has endpoints but no registered router"
        return []
    assert paths, f"plugin {label!r} registered a router without operations"
    requested = []
    for path in paths:
        if "get" not in schema["paths"][path]:
            continue
        url = re.sub(r"\{[^}]+\}", "1", path)
        status = client.get(url).status_code
        assert status < 500, f"GET {url} answered {status}"
        requested.append(url)
    return requested


def check_search_documents(label: str) -> None:
    """Each search document names an existing model and fields that resolve, and
    prepares every current row (``prepare``, ``is_public``, ``community_of``)."""
    for key, document in registry.search_documents.items():
        if document.plugin != label:
            continue
        try:
            model = apps.get_model(key)
        except (LookupError, ValueError) as error:
            raise AssertionError(f"{label} search document {key!r}: {error}") from None
        names = {f.name for f in model._meta.get_fields()}
        for name in document.fields:
            assert (
                hasattr(document, f"prepare_{name}")
                or name in names
                or hasattr(model, name)
            ), f"{label} search document {key}: no field or prepare_{name}"
        for obj in list(document.queryset())[:20]:
            document.prepare(obj)
            document.is_public(obj)
            document.community_of(obj)


def check_hooks(label: str) -> None:
    """Hook implementations answer known events with a subset of their arguments,
    and no ``kehilot_*`` function in ``hooks.py`` lacks ``@hookimpl``."""
    known = {f"kehilot_{name}" for name in EVENT_NAMES}
    registered = set()
    for name in known:
        caller = getattr(manager.hook, name)
        spec_args = set(caller.spec.argnames) if caller.spec else set()
        for impl in caller.get_hookimpls():
            if impl.plugin_name != label:
                continue
            registered.add(name)
            extra = set(impl.argnames) - spec_args
            assert not extra, f"{label}.{name} takes unknown argument(s) {extra}"
    module = manager.get_plugin(label)
    if module is None:
        return  # no hooks.py
    undecorated = {
        name
        for name in vars(module)
        if name.startswith("kehilot_") and callable(getattr(module, name))
    } - registered
    assert not undecorated, (
        f"{label}: {sorted(undecorated)} in hooks.py are not registered; "
        "decorate them with @hookimpl and name a known event: "
        f"{sorted(known)}"
    )


def check_migrations(label: str) -> None:
    """The plugin's migrations match its models (``makemigrations --check``)."""
    out = StringIO()
    try:
        call_command(
            "makemigrations",
            label,
            check=True,
            dry_run=True,
            interactive=False,
            stdout=out,
            verbosity=1,
        )
    except SystemExit:
        raise AssertionError(
            f"plugin {label!r} has model changes without a migration:\n"
            + out.getvalue()
        ) from None


def assert_plugin_contract(
    label: str, *, community: Any = None, client: Client | None = None
) -> None:
    """Every check at once (needs database access; builds a site if not given a
    ``community``)."""
    check_discovered(label)
    check_imports(label)
    check_hooks(label)
    check_migrations(label)
    check_search_documents(label)
    if community is None:
        community = build_site().community("קהילת חוזה", english="Contract")
    check_slots(label, community, client)
    check_api(label, client)


class PluginContract:
    """Subclass as ``TestContract`` with ``label`` set to run the contract checks.

    Needs only pytest-django; its fixtures are its own methods, so no conftest.
    """

    label: ClassVar[str] = ""

    @pytest.fixture(autouse=True)
    def _contract_caches(self) -> Iterator[None]:
        clear_plugin_caches()
        yield
        clear_plugin_caches()

    @pytest.fixture
    def contract_community(self, db):
        return build_site().community("קהילת חוזה", english="Contract")

    def test_discovered_and_active(self, db):
        check_discovered(self.label)

    def test_imports_only_the_public_api(self):
        check_imports(self.label)

    def test_hooks_answer_known_events(self):
        check_hooks(self.label)

    def test_migrations_match_models(self, db):
        check_migrations(self.label)

    def test_search_documents_resolve(self, db):
        check_search_documents(self.label)

    def test_slots_render_on_a_community_page(self, contract_community, client):
        check_slots(self.label, contract_community, client)

    def test_api_gets_answer_without_server_error(self, contract_community, client):
        check_api(self.label, client)
