"""Shipping the engine: only the runtime files the page requests, the wheel, and a loud failure without npm ci."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import build_site
from sitegen import engine

EXPECTED = {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json",
            "engine-worker.mjs", "policy-calculator.js", "engine.json", "answers.js", "form.js", "results.js",
            "share.js", "roster-page.js", "calculator.css",
            "songjiang_special_families-0.1.0-py3-none-any.whl"}


def test_the_built_site_ships_exactly_the_runtime_files_the_page_requests_and_the_wheel(built_site: Path) -> None:
    # Precompressed .gz copies (for gzip_static) sit beside the files; they are the same files.
    shipped = {path.name.removesuffix(".gz") for path in (built_site / "engine").iterdir()}
    assert shipped == EXPECTED
    manifest = json.loads((built_site / "engine" / "engine.json").read_text(encoding="utf-8"))
    assert manifest == {"wheel": "songjiang_special_families-0.1.0-py3-none-any.whl", "pyodide": "314.0.7"}


def test_only_the_calculator_and_roster_pages_load_the_engine(built_site: Path) -> None:
    pages = sorted(path.relative_to(built_site).as_posix() for path in built_site.rglob("*.html")
                   if "engine/policy-calculator.js" in path.read_text(encoding="utf-8"))
    assert pages == ["calculator/index.html", "roster/index.html"]


def test_the_pinned_pyodide_is_the_installed_one() -> None:
    pinned = json.loads((engine.ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["pyodide"]
    assert pinned == "314.0.7"
    assert engine.pyodide_version() == pinned


def test_a_missing_runtime_stops_the_build_with_a_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "PYODIDE_DIR", tmp_path / "node_modules" / "pyodide")
    with pytest.raises(engine.EngineError, match="npm ci"):
        engine.ship_engine(tmp_path / "site")


def test_the_build_reports_a_missing_runtime_as_a_build_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "PYODIDE_DIR", tmp_path / "missing")
    with pytest.raises(build_site.BuildError, match="npm ci"):
        build_site.build(tmp_path / "site")
