"""Where things are: the project's root folder, the one place every generator module finds it from,
and the build's cache."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = ROOT / "templates"


def _build_cache() -> Path:
    """The build's cache: the compressed copies, the traced and trimmed runtime, the .xlsx wheels.

    Every entry is named by the hash of what it was made from (or, for a wheel, its pinned name and
    version) and written whole or not at all, so checkouts of any version can share it, as pip and
    npm share theirs: a fresh clone on a machine that has built the site before skips the two minutes
    of brotli on the runtime. ``SONGJIANG_BUILD_CACHE`` names another folder (an empty one gives a
    cold build); otherwise ``$XDG_CACHE_HOME`` or ``~/.cache``, under ``songjiang-special-families``.
    """
    chosen = os.environ.get("SONGJIANG_BUILD_CACHE")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "songjiang-special-families"


BUILD_CACHE = _build_cache()


def store(path: Path, data: bytes) -> None:
    """Write a cache entry whole or not at all: builds in two checkouts may share the cache at once."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.write_bytes(data)
    partial.replace(path)
