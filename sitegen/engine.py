"""Ship the calculator engine into the built site: the pinned Pyodide runtime, the wheel, the glue.

``site/engine/`` receives exactly the Pyodide files the calculator page requests (checked by
watching Chromium's requests), the ``calculator`` wheel built by the standard ``build`` front
end, the worker and page script from ``calculator/web/``, and ``engine.json`` naming the wheel.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
WEB_DIR = ROOT / "calculator" / "web"
ENGINE_FOLDER = "engine"
# What loadPyodide fetches in a browser; pyodide.js, source maps, consoles and typings are not shipped.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
WEB_FILES = ("engine-worker.mjs", "policy-calculator.js", "answers.js", "form.js", "results.js", "share.js",
             "roster-page.js", "calculator.css")
# The wheel must carry the rules, their data and their parameters, or the browser computes nothing.
WHEEL_MUST_HOLD = ("calculator/__init__.py", "calculator/rules/__init__.py", "calculator/data/facts.toml",
                   "calculator/data/notice.toml", "calculator/parameters/special_assistance.toml")


class EngineError(Exception):
    """The engine cannot be shipped; the message says what to do."""


def ship_engine(site_dir: Path) -> list[Path]:
    """Copy runtime, wheel and glue into ``site_dir/engine``; return the files written."""
    runtime = pyodide_version()
    target = site_dir / ENGINE_FOLDER
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    written = [_copy(PYODIDE_DIR / name, target) for name in RUNTIME_FILES]
    written += [_copy(WEB_DIR / name, target) for name in WEB_FILES]
    with tempfile.TemporaryDirectory() as folder:
        wheel = _copy(build_wheel(Path(folder)), target)
    manifest = target / "engine.json"
    manifest.write_text(json.dumps({"wheel": wheel.name, "pyodide": runtime}) + "\n", encoding="utf-8")
    return [*written, wheel, manifest]


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
    """Build the calculator wheel with ``python -m build`` and check what it holds."""
    command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out_dir), str(ROOT)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wheels = sorted(out_dir.glob("*-py3-none-any.whl"))
    if done.returncode != 0 or len(wheels) != 1:
        raise EngineError(f"building the calculator wheel failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    with zipfile.ZipFile(wheels[0]) as archive:
        missing = sorted(set(WHEEL_MUST_HOLD) - set(archive.namelist()))
    if missing:
        raise EngineError(f"the calculator wheel lacks {', '.join(missing)}: check pyproject.toml's package-data.")
    return wheels[0]


def _copy(source: Path, target_dir: Path) -> Path:
    if not source.is_file():
        raise EngineError(f"{source} is missing: run `make` (or `npm ci`).")
    return Path(shutil.copy2(source, target_dir / source.name))
