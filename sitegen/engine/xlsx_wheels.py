"""The roster page's .xlsx support: openpyxl and et_xmlfile as wheels inside the engine folder.

The wheels are the ones pinned in pyproject.toml's ``xlsx`` extra, fetched once with pip (from the
package index, at build time only) into the build cache's ``wheels/`` and copied into ``engine/<version>/xlsx/``.
A subfolder, so the service worker's precache list (the engine folder's own files) leaves them out: the
browser fetches them, from this site only, when a staff member picks an .xlsx — never on the resident
calculator's path. They are part of the engine folder's content hash.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from calculator._data import read_toml
from sitegen.errors import WheelError
from sitegen.paths import BUILD_CACHE, ROOT

CACHE = BUILD_CACHE / "wheels"
FOLDER = "xlsx"
PURE = re.compile(r"-py(2\.)?py3-none-any\.whl$|-py3-none-any\.whl$")


def pinned(pyproject: Path = ROOT / "pyproject.toml") -> list[tuple[str, str]]:
    """``(name, version)`` of every package the xlsx extra pins with ``==``."""
    extra = read_toml(pyproject)["project"]["optional-dependencies"]["xlsx"]
    pins = []
    for requirement in extra:
        name, sep, version = requirement.partition("==")
        if not sep:
            raise WheelError(f"the xlsx extra must pin exactly (name==version): {requirement}")
        pins.append((name.strip(), version.strip()))
    return pins


def wheel_for(name: str, version: str, cache: Path = CACHE) -> Path:
    """The cached pure-Python wheel of ``name==version``, downloaded with pip when missing."""
    stem = f"{name.replace('-', '_').lower()}-{version}-"
    found = [path for path in cache.glob("*.whl") if path.name.lower().startswith(stem) and PURE.search(path.name)]
    if not found:
        cache.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                   "--dest", str(cache), f"{name}=={version}"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        found = [path for path in cache.glob("*.whl") if path.name.lower().startswith(stem) and PURE.search(path.name)]
        if done.returncode != 0 or not found:
            raise WheelError(f"could not download {name}=={version} with pip: {done.stderr.strip()[-400:]}")
    return found[0]


def ship_xlsx_wheels(engine_dir: Path) -> list[Path]:
    """Copy the pinned wheels into ``engine_dir/xlsx/``; return the copies (for the content hash)."""
    target = engine_dir / FOLDER
    target.mkdir(exist_ok=True)
    return [Path(shutil.copy2(wheel_for(name, version), target)) for name, version in pinned()]
