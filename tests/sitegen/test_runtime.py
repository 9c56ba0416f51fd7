"""Only what runs ships: the stdlib archive holds what the calculator imports, as bytecode, and a
missing import fails the build."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from sitegen.engine import ship as engine
from sitegen.engine import runtime

NPM_RUNTIME = engine.PYODIDE_DIR


def versioned_folder(built_site: Path) -> Path:
    return next(path for path in (built_site / "engine").iterdir() if path.is_dir())


def test_the_shipped_archive_holds_only_what_the_calculator_imports(built_site: Path) -> None:
    with zipfile.ZipFile(versioned_folder(built_site) / runtime.STDLIB) as shipped:
        names = set(shipped.namelist())
        assert {info.compress_type for info in shipped.infolist()} == {zipfile.ZIP_STORED}
    with zipfile.ZipFile(NPM_RUNTIME / runtime.STDLIB) as full:
        everything = set(full.namelist())
    sources = {name.removesuffix("c") for name in names}
    assert sources < everything
    assert len(names) < len(everything) // 4
    # What start-up, the rules, the roster CSV and the worker need; what they do not.
    assert {"json/decoder.pyc", "csv.pyc", "datetime.pyc", "tomllib/_parser.pyc", "pyodide/__init__.pyc"} <= names
    assert not sources & {"sqlite3/__init__.py", "email/parser.py", "http/client.py", "unittest/__init__.py"}
    # Frozen into the runtime: Python never reads these from the archive, though it names them in __file__.
    assert not sources & {"os.py", "site.py", "codecs.py", "zipimport.py", "importlib/_bootstrap.py"}


def test_the_shipped_modules_are_bytecode_compiled_from_stripped_sources(built_site: Path) -> None:
    with zipfile.ZipFile(versioned_folder(built_site) / runtime.STDLIB) as shipped, \
            zipfile.ZipFile(NPM_RUNTIME / runtime.STDLIB) as full:
        modules = {name: shipped.read(name) for name in shipped.namelist()}
        full_json = full.read("json/decoder.py")
        source_size = sum(full.getinfo(name.removesuffix("c")).file_size for name in modules)
    assert all(name.endswith(".pyc") for name in modules)
    # One interpreter's magic number, and timestamp-style headers that name no source (mtime and size 0).
    assert len({data[:4] for data in modules.values()}) == 1
    assert {data[4:16] for data in modules.values()} == {bytes(12)}
    # Compiled from the stripped source: the docstring is not in the bytecode, the code is.
    shipped_json = modules["json/decoder.pyc"]
    assert b"Implementation of JSONDecoder" in full_json and b"Implementation of JSONDecoder" not in shipped_json
    assert b"JSONDecodeError" in shipped_json and b"json/decoder.py" in shipped_json
    assert sum(len(data) for data in modules.values()) < source_size


def test_what_only_the_xlsx_roster_imports_is_in_a_second_archive_beside_openpyxl(built_site: Path) -> None:
    folder = versioned_folder(built_site)
    with zipfile.ZipFile(folder / runtime.STDLIB) as shipped:
        resident = set(shipped.namelist())
    with zipfile.ZipFile(folder / "xlsx" / runtime.XLSX_STDLIB) as shipped:
        xlsx_only = set(shipped.namelist())
        assert {info.compress_type for info in shipped.infolist()} == {zipfile.ZIP_STORED}
    assert {"decimal.py", "xml/etree/ElementTree.py"} <= xlsx_only
    assert not resident & xlsx_only
    # A package is never split: Python finds a package's modules only beside its __init__.
    assert not {name.split("/")[0] for name in xlsx_only if "/" in name} & {name.split("/")[0] for name in resident}


def test_the_shipped_lock_file_lists_no_packages(built_site: Path) -> None:
    lock = json.loads((versioned_folder(built_site) / runtime.LOCK).read_text(encoding="utf-8"))
    assert lock["packages"] == {}
    assert lock["info"] == json.loads((NPM_RUNTIME / runtime.LOCK).read_text(encoding="utf-8"))["info"]


def test_a_runtime_missing_an_import_fails_the_build(built_site: Path, tmp_path: Path) -> None:
    shipped = versioned_folder(built_site)
    folder = tmp_path / "runtime"
    folder.mkdir()
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", runtime.LOCK):
        shutil.copy(shipped / name, folder / name)
    with zipfile.ZipFile(shipped / runtime.STDLIB) as archive:
        contents = {name: archive.read(name) for name in archive.namelist() if name != "tomllib/_parser.pyc"}
    runtime.write_stored_zip(folder / runtime.STDLIB, contents)
    wheel = next(shipped.glob("*.whl"))
    with pytest.raises(runtime.RuntimeTrimError, match="tomllib"):
        runtime.traced_files(folder, folder / runtime.STDLIB, folder / runtime.LOCK, wheel, tmp_path / "cache")


def test_compiling_the_same_sources_twice_gives_the_same_bytecode(tmp_path: Path) -> None:
    # Two fresh caches: both runs compile (a build on another machine, or after the cache is cleared).
    with zipfile.ZipFile(NPM_RUNTIME / runtime.STDLIB) as full:
        sources = {name: full.read(name) for name in ("json/decoder.py", "csv.py", "tomllib/_parser.py")}
    runs = [runtime.compiled_archive(NPM_RUNTIME, NPM_RUNTIME / runtime.STDLIB, NPM_RUNTIME / runtime.LOCK, sources,
                                     tmp_path / f"cache-{run}") for run in (1, 2)]
    assert runs[0] == runs[1]
    assert sorted(runs[0]) == ["csv.pyc", "json/decoder.pyc", "tomllib/_parser.pyc"]
    assert b"/lib/python314.zip/json/decoder.py" in runs[0]["json/decoder.pyc"]
