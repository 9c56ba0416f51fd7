"""Fixtures shared by the site and browser tests: one strict build of the whole site per run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once by build_site.py exactly as `make site` builds it (strict)."""
    import build_site

    site_dir = tmp_path_factory.mktemp("site")
    build_site.build(site_dir)
    return site_dir
