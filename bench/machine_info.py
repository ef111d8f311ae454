"""What every benchmark prints about the machine it ran on (imported by the
scripts in this folder, which run as files: ``bench/`` is on ``sys.path``)."""

from __future__ import annotations

import contextlib
import os
import platform
from pathlib import Path


def load() -> str:
    """The 1, 5 and 15 minute load averages ("?" where /proc has none)."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def machine() -> str:
    """Cores, CPU model, kernel and Python version."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} cores ({cpu}), Linux {platform.release()}, "
        f"Python {platform.python_version()}"
    )
