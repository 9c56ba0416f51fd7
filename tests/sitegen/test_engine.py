"""Shipping the engine: only the runtime files the page requests, the wheel, and a loud failure without npm ci."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

import build_site
from sitegen.engine import ship as engine

VERSIONED = {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json",
             "engine-worker.mjs", "engine-snapshot.mjs", "engine.json",
             "songjiang_special_families-0.1.0-py3-none-any.whl"}
PAGE_SCRIPTS = {"policy-calculator.js", "search-later.js", "answers.js", "form.js", "results.js", "result-cards.js",
                "share.js", "roster-page.js", "calculator.css"}


def shipped_names(folder: Path) -> set[str]:
    # Precompressed .gz and .br copies (for gzip_static, brotli_static) sit beside the files.
    return {path.name.removesuffix(".gz").removesuffix(".br") for path in folder.iterdir() if path.is_file()}


def versioned_folder(built_site: Path) -> Path:
    folders = [path for path in (built_site / "engine").iterdir() if path.is_dir()]
    assert len(folders) == 1
    return folders[0]


def test_the_built_site_ships_exactly_the_runtime_files_the_page_requests_and_the_wheel(built_site: Path) -> None:
    folder = versioned_folder(built_site)
    assert shipped_names(folder) == VERSIONED
    assert shipped_names(built_site / "engine") == PAGE_SCRIPTS
    manifest = json.loads((folder / "engine.json").read_text(encoding="utf-8"))
    assert manifest.pop("xlsx_wheels")  # the roster's .xlsx support: tests/sitegen/test_xlsx_wheels.py
    assert manifest.pop("xlsx_stdlib") == ["xlsx/python_stdlib_xlsx.zip"]  # tests/sitegen/test_runtime.py
    assert manifest == {"wheel": "songjiang_special_families-0.1.0-py3-none-any.whl", "pyodide": "314.0.7"}


def test_the_engine_folder_is_named_by_its_content_and_the_page_script_knows_it(built_site: Path) -> None:
    folder = versioned_folder(built_site)
    files = [path for path in folder.iterdir() if path.is_file() and not path.name.endswith((".gz", ".br"))]
    files += sorted(path for path in (folder / "xlsx").iterdir() if not path.name.endswith((".gz", ".br")))
    assert folder.name == engine.content_version(files)
    script = (built_site / "engine" / "policy-calculator.js").read_text(encoding="utf-8")
    assert f'var ENGINE_VERSION = "{folder.name}";' in script


def test_the_service_worker_precaches_everything_the_calculator_needs_offline(built_site: Path) -> None:
    folder = versioned_folder(built_site)
    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    assert f'const VERSION = "{folder.name}";' in worker
    for name in VERSIONED:
        assert f'"engine/{folder.name}/{name}"' in worker
    for name in ("calculator/", "roster/", "clauses.json", "engine/policy-calculator.js", "engine/form.js",
                 "assets/site.css", "assets/md-scope.js", "search/search_index.json",
                 "assets/javascripts/lunr/min/lunr.zh.min.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js"):
        assert f'"{name}"' in worker
    search_worker = next((built_site / "assets/javascripts/workers").glob("search.*.min.js"))
    assert f'"{search_worker.relative_to(built_site).as_posix()}"' in worker  # the search offline too


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


def test_two_builds_of_one_commit_ship_the_same_engine_folder(built_site: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    engine.ship_engine(first)
    engine.ship_engine(second)
    assert versioned_folder(first).name == versioned_folder(second).name == versioned_folder(built_site).name


def test_the_wheel_is_dated_by_the_last_commit_of_its_sources_not_by_the_build(tmp_path: Path) -> None:
    import time
    import zipfile

    wheel = engine.build_wheel(tmp_path)
    committed = time.gmtime(engine.source_date_epoch())[:6]
    with zipfile.ZipFile(wheel) as archive:
        dates = {entry.date_time for entry in archive.infolist()}
        # RECORD is written by the backend itself, always 0o664; every other entry has the mode the
        # build gave it, which must not depend on the checkout or the umask.
        modes = {entry.external_attr >> 16 for entry in archive.infolist() if not entry.filename.endswith("RECORD")}
    # Zip times have two-second steps.
    assert len(dates) == 1 and abs(time.mktime((*dates.pop(), 0, 0, 0)) - time.mktime((*committed, 0, 0, 0))) <= 2
    assert modes == {0o100644}


def commit(repo: Path, files: dict[str, str], when: int) -> None:
    import os
    import subprocess

    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    dated = {**os.environ, "GIT_AUTHOR_DATE": f"@{when} +0000", "GIT_COMMITTER_DATE": f"@{when} +0000",
             "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
             "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=dated)
    subprocess.run(["git", "commit", "-qm", "change"], cwd=repo, check=True, env=dated)


def test_a_commit_outside_the_wheels_sources_keeps_its_date_so_visitors_keep_the_engine(tmp_path: Path) -> None:
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    commit(tmp_path, {"pyproject.toml": "[project]\n", "calculator/rules.py": "A = 1\n"}, 1_600_000_000)
    commit(tmp_path, {"docs/notice.md": "页面\n", "tests/test_x.py": "\n"}, 1_600_000_100)
    commit(tmp_path, {"web/form.js": "// page script\n"}, 1_600_000_200)
    assert engine.source_date_epoch(tmp_path) == 1_600_000_000
    commit(tmp_path, {"calculator/rules.py": "A = 2\n"}, 1_600_000_300)
    assert engine.source_date_epoch(tmp_path) == 1_600_000_300
    commit(tmp_path, {"pyproject.toml": "[project]\nname = 'x'\n"}, 1_600_000_400)
    assert engine.source_date_epoch(tmp_path) == 1_600_000_400


def test_a_copy_without_git_history_gets_the_fixed_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # make test's temporary folders sit inside this checkout: git must not find its history.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert engine.source_date_epoch(tmp_path) == engine.FALLBACK_EPOCH


def test_the_wheels_ship_stored_so_their_brotli_copies_compress_across_files(built_site: Path) -> None:
    folder = versioned_folder(built_site)
    for wheel in [*folder.glob("*.whl"), *(folder / "xlsx").glob("*.whl")]:
        with zipfile.ZipFile(wheel) as archive:
            assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_STORED}, wheel.name
            assert archive.testzip() is None
        assert wheel.with_name(wheel.name + ".br").stat().st_size < wheel.stat().st_size // 3
