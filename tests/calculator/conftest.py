"""Shared fixtures for the calculator tests.

The repository root is put on ``sys.path`` so ``import calculator`` works whether or not the
package is installed (the tests directory has no ``__init__.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import settings

# No per-example time limit: hypothesis's default deadline (200 ms) is a timing threshold, and on a
# machine shared with other builds the first example (which reads the package's data files) can pass it.
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


@pytest.fixture
def repo() -> Path:
    """The repository root (the working directory for CLI subprocesses)."""
    return REPO
