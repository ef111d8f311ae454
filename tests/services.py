"""Skip service-bound tests with a reason, or fail them in CI."""

import pytest
from django.conf import settings


def require_service(name: str, available: bool, reason: str) -> None:
    """Skip with ``reason``; under KEHILOT_REQUIRE_SERVICES=1 (CI) fail instead."""
    if available:
        return
    if getattr(settings, "KEHILOT_REQUIRE_SERVICES", False):
        pytest.fail(f"{name} is required in CI but unavailable: {reason}")
    pytest.skip(reason)
