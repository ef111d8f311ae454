"""Domain events plugins react to, declared once (pluggy, project prefix ``kehilot``).

A plugin implements them in its ``hooks.py`` with ``@hookimpl``::

    from plugins.api import hookimpl

    @hookimpl
    def kehilot_member_joined(membership):
        ...

An implementation may take any subset of a spec's arguments, so adding an argument
later breaks nobody. An implementation whose name matches no spec marks the
plugin broken at start-up (pluggy's ``check_pending``). Core code emits events with
``plugins.events.emit``; one plugin's exception is logged and never stops the
others nor the request.
"""

from __future__ import annotations

from types import ModuleType

import pluggy

PROJECT = "kehilot"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class DomainEvents:
    """Hook specifications (documentation is the contract)."""

    @hookspec
    def kehilot_community_published(self, community, user):
        """A community page was published (first time or again).

        ``community``: the ``CommunityPage``; ``user``: who published (or None).
        """

    @hookspec
    def kehilot_member_joined(self, membership, community, user):
        """A membership became approved: ``user`` joined ``community``."""

    @hookspec
    def kehilot_member_role_changed(
        self, membership, community, user, old_role, new_role
    ):
        """An approved membership's role changed from ``old_role`` to ``new_role``."""

    @hookspec
    def kehilot_topic_created(self, topic, forum, user, community):
        """A forum topic's opening post was approved (on commit; at once, or when a
        moderator approves it from the queue). ``community``: the community page
        whose area holds the forum, or ``None`` for network forums."""

    @hookspec
    def kehilot_post_created(self, post, topic, user, community):
        """A forum post (opening post or reply) was approved (on commit)."""

    @hookspec
    def kehilot_seed_demo(self, home, home_en, communities, users):
        """``manage.py seed_demo`` built the demo network: add the plugin's demo
        content. ``home``/``home_en``: the Hebrew home page and its English
        translation; ``communities``: the Hebrew ``CommunityPage`` of each demo
        community by slug; ``users``: demo users by username. Runs inside the
        command's transaction and on every run: create only what is missing.
        """

    @hookspec
    def kehilot_search_facets(self, obj, document, community):
        """Extra facet values for ``obj``'s search document, which may belong to
        another app (a news page a plugin tagged with a theme). Return a dict such
        as ``{"theme_year": 2026}`` (``theme_year`` fills the standard facet, other
        keys become extra facets) or ``None``. Called in the indexing worker while
        the document is built; it must only read. Ask for a re-read after the
        values change with ``plugins.api.request_search_reindex(obj)``.
        """

    @hookspec
    def kehilot_award_announced(
        self, cycle, program, winners, honourable_mentions, results_url, user
    ):
        """An award cycle's results were announced (emitted by the awards plugin,
        on commit; network-wide, so no ``community``).

        ``cycle``/``program``: the ``awards`` cycle and its program; ``winners`` and
        ``honourable_mentions``: lists of nominations (``community`` is the member
        community page or ``None``, ``nominee_name`` always set); ``results_url``:
        the public results page (may be ``""``); ``user``: who announced (or None).
        The forum app answers it with an announcement topic in the network forum.
        """


EVENT_NAMES = tuple(
    name.removeprefix("kehilot_")
    for name in vars(DomainEvents)
    if name.startswith("kehilot_")
)

manager = pluggy.PluginManager(PROJECT)
manager.add_hookspecs(DomainEvents)

#: Core apps answer events too (the forum posts award announcements); their hook
#: modules are registered as ``core:<app>`` and never switched off.
CORE_PREFIX = "core:"


def register_core_hooks(app: str, module: ModuleType) -> None:
    """Register a core app's hooks module (idempotent; unknown names raise)."""
    name = f"{CORE_PREFIX}{app}"
    if manager.get_plugin(name) is None:
        manager.register(module, name=name)
        manager.check_pending()


def register_hooks(label: str, module: ModuleType) -> None:
    """Register a plugin's hooks module; unknown hook names raise (plugin broken)."""
    manager.register(module, name=label)
    unknown = [
        impl.function.__name__
        for hook in manager.hook.__dict__.values()
        if isinstance(hook, pluggy.HookCaller) and not hook.has_spec()
        for impl in hook.get_hookimpls()
        if impl.plugin_name == label
    ]
    if unknown:
        manager.unregister(name=label)
        raise pluggy.PluginValidationError(
            module,
            f"unknown hook(s) {', '.join(sorted(unknown))}; "
            f"known: {', '.join('kehilot_' + name for name in EVENT_NAMES)}",
        )


def unregister_hooks(label: str) -> None:
    if manager.get_plugin(label) is not None:
        manager.unregister(name=label)
