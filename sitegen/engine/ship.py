"""Ship the calculator engine into the built site: the pinned Pyodide runtime, the wheel, the glue.

``site/engine/<version>/`` receives exactly the Pyodide files the calculator page requests
(checked by watching Chromium's requests; the stdlib archive and lock file trimmed by
sitegen/engine/runtime.py to what the calculator uses), the ``calculator`` wheel built by the standard
``build`` front end (reproducibly: see ``build_wheel``), the worker, and ``engine.json`` naming the wheel; ``site/engine/`` the page
scripts from ``web/``; ``site/sw.js`` the service worker (sitegen/engine/offline.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from sitegen.engine import offline
from sitegen.errors import EngineError, RuntimeTrimError
from sitegen.paths import ROOT
from sitegen.engine.runtime import trim_runtime
from sitegen.engine.xlsx_wheels import FOLDER, ship_xlsx_wheels
from sitegen.engine.zips import store_entries

PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
WEB_DIR = ROOT / "web"
ENGINE_FOLDER = "engine"
# What loadPyodide fetches in a browser; pyodide.js, source maps, consoles and typings are not shipped.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
# The worker and the module it imports to keep its memory snapshot on the device.
WORKER_FILES = ("engine-worker.mjs", "engine-snapshot.mjs")
PAGE_FILES = ("policy-calculator.js", "search-later.js", "answers.js", "form.js", "results.js", "result-cards.js",
              "share.js", "roster-page.js", "calculator.css")
VERSION_PLACEHOLDER = "__ENGINE_VERSION__"
# What the wheel is built from (no README: see pyproject.toml), and what in it the wheel leaves out
# (the page scripts ship beside the engine folder, not in the wheel).
WHEEL_SOURCES = ("pyproject.toml", "calculator")
WHEEL_EXCLUDES: tuple[str, ...] = ()  # the browser glue lives outside the package, in web/
FALLBACK_EPOCH = 315532800  # 1980-01-01, the earliest date a zip entry can carry
# The wheel must carry the rules, their data and their parameters, or the browser computes nothing.
WHEEL_MUST_HOLD = ("calculator/__init__.py", "calculator/rules/__init__.py", "calculator/data/facts.toml",
                   "calculator/data/notice.toml", "calculator/parameters/special_assistance.toml")


def ship_engine(site_dir: Path) -> list[Path]:
    """Copy runtime, wheel and glue into ``site_dir/engine``; return the files written.

    The runtime, the wheel, the worker and ``engine.json`` go into ``engine/<version>/``, a folder
    named by the hash of their content, so servers may cache them forever (deploy/nginx.conf does)
    and the service worker keeps one copy per version. The page scripts stay in ``engine/`` (always
    revalidated); policy-calculator.js learns the version at build time.
    """
    runtime = pyodide_version()
    target = site_dir / ENGINE_FOLDER
    if target.exists():
        shutil.rmtree(target)
    staging = target / "staging"
    staging.mkdir(parents=True)
    versioned = [_copy(PYODIDE_DIR / name, staging) for name in RUNTIME_FILES]
    versioned += [_copy(WEB_DIR / name, staging) for name in WORKER_FILES]
    with tempfile.TemporaryDirectory() as folder:
        wheel = store_entries(_copy(build_wheel(Path(folder)), staging))
    # The roster page's .xlsx support, in a subfolder (see xlsx_wheels).
    xlsx = [store_entries(path) for path in ship_xlsx_wheels(staging)]
    try:
        # Only the stdlib files the calculator imports, and (in a second archive beside openpyxl's
        # wheels) those only the .xlsx roster needs, found by running both: no packages.
        trimmed = trim_runtime(staging, wheel, xlsx)
    except RuntimeTrimError as error:
        raise EngineError(str(error)) from error
    xlsx_stdlib = [trimmed["xlsx_archive"]] if trimmed["xlsx_archive"] else []
    manifest = staging / "engine.json"
    manifest.write_text(json.dumps({"wheel": wheel.name, "pyodide": runtime,
                                    "xlsx_stdlib": [f"{FOLDER}/{path.name}" for path in xlsx_stdlib],
                                    "xlsx_wheels": [f"{FOLDER}/{path.name}" for path in xlsx]}) + "\n", encoding="utf-8")
    version = content_version([*versioned, wheel, manifest, *xlsx, *xlsx_stdlib])
    versioned_dir = staging.rename(target / version)
    page_files = [_copy(WEB_DIR / name, target) for name in PAGE_FILES]
    _stamp_version(target / "policy-calculator.js", version)
    service_worker = offline.write_service_worker(site_dir, versioned_dir, version)
    return [*sorted(versioned_dir.iterdir()), *page_files, service_worker]


def content_version(files: list[Path]) -> str:
    """A short hash of the files' names and bytes: the engine folder's name."""
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda path: path.name):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def _stamp_version(script: Path, version: str) -> None:
    text = script.read_text(encoding="utf-8")
    if VERSION_PLACEHOLDER not in text:
        raise EngineError(f"{script.name} has no {VERSION_PLACEHOLDER} to fill in")
    script.write_text(text.replace(VERSION_PLACEHOLDER, version), encoding="utf-8")


def pyodide_version() -> str:
    """The installed npm package's version; fail when it is missing or is not the pinned one."""
    package = PYODIDE_DIR / "package.json"
    if not package.is_file():
        raise EngineError(f"{PYODIDE_DIR} is missing: run `make` (or `npm ci`) "
                          "to install the pinned Pyodide runtime.")
    installed = json.loads(package.read_text(encoding="utf-8"))["version"]
    manifest = ROOT / "package.json"  # absent only in partial copies of the project (build tests)
    pinned = json.loads(manifest.read_text(encoding="utf-8"))["dependencies"]["pyodide"] if manifest.is_file() else installed
    if installed != pinned:
        raise EngineError(f"node_modules has pyodide {installed} but package.json pins {pinned}: run `npm ci`.")
    return installed


def build_wheel(out_dir: Path) -> Path:
    """Build the calculator wheel, the same bytes every time for one commit, and check what it holds.

    The pinned backend of ``[build-system]`` comes from the project's own environment (no isolation,
    which would fetch the newest setuptools); the sources are built from a clean copy (a stale
    ``build/`` folder can hold deleted files); ``SOURCE_DATE_EPOCH`` (the time of the last commit
    that changed those sources) dates every entry instead of the build's clock.
    """
    with tempfile.TemporaryDirectory() as scratch:
        source = _clean_source_copy(Path(scratch) / "source")
        command = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out_dir), str(source)]
        environment = {**os.environ, "SOURCE_DATE_EPOCH": str(source_date_epoch())}
        # The wheel records each file's mode: the files it writes itself follow the umask.
        done = subprocess.run(command, cwd=source, capture_output=True, text=True, env=environment,
                              preexec_fn=lambda: os.umask(0o022))
    wheels = sorted(out_dir.glob("*-py3-none-any.whl"))
    if done.returncode != 0 or len(wheels) != 1:
        raise EngineError(f"building the calculator wheel failed (run `make` to install the pinned build "
                          f"backend):\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    with zipfile.ZipFile(wheels[0]) as archive:
        missing = sorted(set(WHEEL_MUST_HOLD) - set(archive.namelist()))
    if missing:
        raise EngineError(f"the calculator wheel lacks {', '.join(missing)}: check pyproject.toml's package-data.")
    return wheels[0]


def source_date_epoch(root: Path = ROOT) -> int:
    """The time (seconds) of the last commit that changed what the wheel is built from.

    Not simply the last commit: a commit that only touches pages, tests or the page scripts then
    keeps the wheel's bytes, so the engine folder keeps its name and a returning visitor keeps the
    engine and the memory snapshot on the device instead of downloading about 4 MB again. A copy
    without git history gets a fixed date.
    """
    paths = [*WHEEL_SOURCES, *(f":(exclude){name}" for name in WHEEL_EXCLUDES)]
    done = subprocess.run(["git", "log", "-1", "--format=%ct", "--", *paths], cwd=root, capture_output=True, text=True)
    text = done.stdout.strip()
    return int(text) if done.returncode == 0 and text.isdigit() else FALLBACK_EPOCH


def _clean_source_copy(target: Path) -> Path:
    """What the wheel is built from, with uniform permissions (the wheel records each file's mode)."""
    def ignore(directory: str, names: list[str]) -> set[str]:
        # The same leaving-out as source_date_epoch's: a folder that changes the date goes in the wheel.
        inside = Path(directory).relative_to(ROOT)
        return {name for name in names if name == "__pycache__" or name.endswith(".pyc")
                or (inside / name).as_posix() in WHEEL_EXCLUDES}

    for name in WHEEL_SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, target / name, ignore=ignore)
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / name)
    for path in target.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return target


def _copy(source: Path, target_dir: Path) -> Path:
    if not source.is_file():
        raise EngineError(f"{source} is missing: run `make` (or `npm ci`).")
    return Path(shutil.copy2(source, target_dir / source.name))
