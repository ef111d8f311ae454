"""Domain-event hooks of the training plugin."""

from __future__ import annotations

from typing import Any

from plugins.api import hookimpl


@hookimpl
def kehilot_seed_demo(
    home: Any, home_en: Any, communities: dict[str, Any], users: dict[str, Any]
) -> None:
    """``seed_demo``: the catalog page, courses, sessions and registrations."""
    from .demo import seed

    seed(home, home_en, communities, users)
