"""Ship only what runs: a standard-library archive and a lock file trimmed to what the calculator uses.

Pyodide's ``python_stdlib.zip`` holds the whole standard library (614 files); start-up and the
calculator import about 155 of them. Which ones is found by running them, not by a kept list:
``runtime_trace.mjs`` starts Pyodide under Node, unpacks the wheel, runs the worker's ``warm_up()``
and a failing call, and lists the archive files Python imported. The trimmed archive holds those,
stored uncompressed so the server's brotli and gzip copies compress across files. The same run
against the trimmed runtime is the build's check that no import is missing. The lock file keeps
Pyodide's ``info`` and no packages: the site loads none (the wheel is unpacked directly).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRACER = Path(__file__).with_name("runtime_trace.mjs")
CACHE_DIR = ROOT / ".cache" / "runtime"
STDLIB = "python_stdlib.zip"
LOCK = "pyodide-lock.json"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # every entry: the archive depends on its contents only


class RuntimeTrimError(Exception):
    """The trimmed runtime cannot be made or does not run the calculator; the message says why."""


def trim_runtime(folder: Path, wheel: Path, xlsx_wheels: list[Path] | tuple[Path, ...] = (),
                 cache_dir: Path = CACHE_DIR) -> dict[str, int]:
    """Replace ``folder``'s stdlib archive and lock file by trimmed ones; check the calculator runs.

    ``folder`` holds the runtime as npm ships it (pyodide.mjs, pyodide.asm.*, the archive, the lock);
    ``xlsx_wheels`` (openpyxl's) are traced too, so the .xlsx roster finds what it imports.
    Returns the archive's file counts ``{"files": kept, "of": all}``.
    """
    full_stdlib, full_lock = folder / STDLIB, folder / LOCK
    imported = traced_files(folder, full_stdlib, full_lock, wheel, cache_dir, xlsx_wheels)
    with zipfile.ZipFile(full_stdlib) as archive:
        everything = [name for name in archive.namelist() if not name.endswith("/")]
        missing = sorted(set(imported) - set(everything))
        if missing:
            raise RuntimeTrimError(f"the tracer names files the archive lacks: {missing[:5]}")
        contents = {name: archive.read(name) for name in imported}
    write_stored_zip(full_stdlib, contents)
    full_lock.write_text(trimmed_lock(json.loads(full_lock.read_text(encoding="utf-8"))), encoding="utf-8")
    traced_files(folder, full_stdlib, full_lock, wheel, cache_dir, xlsx_wheels)  # the check: raises if an import is missing
    return {"files": len(contents), "of": len(everything)}


def trimmed_lock(lock: dict) -> str:
    """Pyodide's lock file without packages: loadPyodide reads its ``info``; the site loads no package."""
    return json.dumps({"info": lock["info"], "packages": {}}, sort_keys=True) + "\n"


def write_stored_zip(target: Path, contents: dict[str, bytes]) -> None:
    """An uncompressed zip of ``contents`` in name order, every entry dated and moded alike."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as archive:
        for name in sorted(contents):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.external_attr = 0o100644 << 16
            archive.writestr(info, contents[name])


def traced_files(index_dir: Path, stdlib: Path, lock: Path, wheel: Path, cache_dir: Path,
                 xlsx_wheels: list[Path] | tuple[Path, ...] = ()) -> list[str]:
    """The archive files Python imports while running the calculator (cached by the inputs' hash)."""
    key = _inputs_hash([index_dir / "pyodide.asm.wasm", index_dir / "pyodide.asm.mjs", stdlib, lock, wheel, TRACER,
                        *xlsx_wheels])
    cached = cache_dir / f"{key}.json"
    if cached.is_file():
        return json.loads(cached.read_text(encoding="utf-8"))["files"]
    node = shutil.which("node")
    if node is None:
        raise RuntimeTrimError("node is needed to find what the calculator imports: install Node 20+.")
    command = [node, str(TRACER), str(index_dir.resolve()), str(stdlib.resolve()), str(lock.resolve()), str(wheel.resolve()),
               *(str(path.resolve()) for path in xlsx_wheels)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeTrimError(f"the calculator does not run on the runtime in {index_dir}:\n{done.stderr[-3000:]}")
    cache_dir.mkdir(parents=True, exist_ok=True)
    cached.write_text(done.stdout, encoding="utf-8")
    return json.loads(done.stdout)["files"]


def _inputs_hash(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]
