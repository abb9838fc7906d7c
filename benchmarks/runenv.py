"""The environment the benchmarks run every program in, shared by bench_scale.py and
bench_throughput.py so that both time newslint alike."""

from __future__ import annotations

import os


def clean_env() -> dict[str, str]:
    """The environment for every run: .pyc files allowed (an installed newslint has them; a
    PYTHONDONTWRITEBYTECODE left in the shell would make every run compile the edited modules
    again), no inherited newslint settings, not CI."""
    return {k: v for k, v in os.environ.items()
            if not k.startswith("NEWSLINT_") and k not in ("PYTHONDONTWRITEBYTECODE", "CI")}
