"""Ship only what runs: a standard-library archive and a lock file trimmed to what the calculator uses.

Pyodide's ``python_stdlib.zip`` holds the whole standard library (614 files); start-up and the
calculator read about 140 of them from it. Which ones is found by running them, not by a kept list:
``runtime_trace.mjs`` starts Pyodide under Node, puts the wheel on sys.path as the worker does, runs the worker's ``warm_up()``
and a failing call, then the .xlsx roster (openpyxl's wheels unpacked), and lists the archive files
Python imported after each (frozen modules aside: the runtime has them built in). The trimmed archive
holds what the first part needs; the modules only the .xlsx roster imports (decimal, xml …, whole top-level
packages) go to a second archive beside openpyxl's wheels, which the worker unpacks only when a staff member
picks an .xlsx. Both are stored uncompressed, so the server's brotli and gzip copies compress across files,
and hold the sources without docstrings and comments (``strip_source.py``, run by Pyodide's Python through
``runtime_strip.mjs``; cached per file). The first archive holds them as bytecode (``runtime_compile.mjs``):
a first visit no longer compiles them. The same run against the
trimmed runtime is the build's check that no import is missing. The lock file keeps Pyodide's
``info`` and no packages: the site loads none (the wheel is unpacked directly).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from sitegen.engine.zips import write_stored_zip
from sitegen.errors import RuntimeTrimError
from sitegen.paths import BUILD_CACHE, store

TRACER = Path(__file__).with_name("runtime_trace.mjs")
STRIPPER = Path(__file__).with_name("runtime_strip.mjs")
COMPILER = Path(__file__).with_name("runtime_compile.mjs")
STRIP_MODULE = Path(__file__).with_name("strip_source.py")
CACHE_DIR = BUILD_CACHE / "runtime"
STDLIB = "python_stdlib.zip"
XLSX_STDLIB = "python_stdlib_xlsx.zip"  # beside the .xlsx wheels: only the .xlsx roster imports these
LOCK = "pyodide-lock.json"


def trim_runtime(folder: Path, wheel: Path, xlsx_wheels: list[Path] | tuple[Path, ...] = (),
                 cache_dir: Path = CACHE_DIR) -> dict[str, object]:
    """Replace ``folder``'s stdlib archive and lock file by trimmed ones; check the calculator runs.

    ``folder`` holds the runtime as npm ships it (pyodide.mjs, pyodide.asm.*, the archive, the lock);
    ``xlsx_wheels`` (openpyxl's) are traced too, and the stdlib modules only they need are written to
    ``XLSX_STDLIB`` in the wheels' folder. Returns the file counts ``{"files": kept, "xlsx_files": …,
    "of": all}`` and ``"xlsx_archive"``: that archive's path, or None when there is none.
    """
    full_stdlib, full_lock = folder / STDLIB, folder / LOCK
    traced = trace(folder, full_stdlib, full_lock, wheel, cache_dir, xlsx_wheels)
    with zipfile.ZipFile(full_stdlib) as archive:
        everything = [name for name in archive.namelist() if not name.endswith("/")]
        missing = sorted(set(traced["files"]) - set(everything))
        if missing:
            raise RuntimeTrimError(f"the tracer names files the archive lacks: {missing[:5]}")
    sources = stripped_sources(folder, full_stdlib, full_lock, traced["files"], cache_dir)
    resident_tops = {_top_level(name) for name in traced["resident"]}
    main = {name: data for name, data in sources.items() if _top_level(name) in resident_tops}
    extra = {name: data for name, data in sources.items() if name not in main}
    xlsx_archive = xlsx_wheels[0].parent / XLSX_STDLIB if extra and xlsx_wheels else None
    write_stored_zip(full_stdlib, compiled_archive(folder, full_stdlib, full_lock, main, cache_dir))
    if xlsx_archive is not None:
        write_stored_zip(xlsx_archive, extra)
    full_lock.write_text(trimmed_lock(json.loads(full_lock.read_text(encoding="utf-8"))), encoding="utf-8")
    # The check: raises if an import is missing, on the resident path or the .xlsx one.
    trace(folder, full_stdlib, full_lock, wheel, cache_dir, xlsx_wheels, xlsx_archive)
    return {"files": len(main), "xlsx_files": len(extra), "of": len(everything), "xlsx_archive": xlsx_archive}


def _top_level(name: str) -> str:
    """"xml/etree/ElementTree.py" → "xml", "decimal.py" → "decimal": a package is never split across
    the two archives (Python looks for a package's modules only where its __init__ was found)."""
    return name.split("/", 1)[0].removesuffix(".py")


def stripped_sources(index_dir: Path, stdlib: Path, lock: Path, names: list[str], cache_dir: Path) -> dict[str, bytes]:
    """``names``' sources from ``stdlib`` without docstrings and comments (``strip_source.py``).

    Each result is cached under the hash of the source and of the stripping code: a new calculator
    wheel does not strip the standard library again; a new runtime strips only what changed.
    """
    with zipfile.ZipFile(stdlib) as archive:
        originals = {name: archive.read(name) for name in names}
    code = hashlib.sha256(STRIP_MODULE.read_bytes()).digest()
    folder = cache_dir / "stripped"
    paths = {name: folder / f"{hashlib.sha256(code + data).hexdigest()[:40]}.py" for name, data in originals.items()}
    wanted = sorted(name for name in names if name.endswith(".py") and not paths[name].is_file())
    if wanted:
        node = _node()
        command = [node, str(STRIPPER), str(index_dir.resolve()), str(stdlib.resolve()), str(lock.resolve()),
                   str(STRIP_MODULE), *wanted]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeTrimError(f"stripping the standard library's sources failed:\n{done.stderr[-3000:]}")
        for name, text in json.loads(done.stdout).items():
            store(paths[name], text.encode("utf-8"))
    return {name: paths[name].read_bytes() if paths[name].is_file() else data for name, data in originals.items()}


def compiled_archive(index_dir: Path, stdlib: Path, lock: Path, sources: dict[str, bytes],
                     cache_dir: Path) -> dict[str, bytes]:
    """``sources`` with every module as sourceless bytecode (``runtime_compile.mjs``, Pyodide's Python).

    Compiling the resident modules' sources took about 1.7 s of every first visit in the browser
    (Pyodide under Node: 2.7 s to start from sources, 0.9 s from bytecode); the bytecode costs about
    0.3 MB more brotli. Cached under the hash of the sources, the runtime and the compiling script.
    """
    digest = hashlib.sha256(_inputs_hash([index_dir / "pyodide.asm.wasm", index_dir / "pyodide.asm.mjs", COMPILER]).encode())
    for name in sorted(sources):
        digest.update(hashlib.sha256(name.encode() + b"\0" + sources[name]).digest())
    compiled = cache_dir / "compiled" / f"{digest.hexdigest()[:40]}.zip"
    if not compiled.is_file():
        with tempfile.TemporaryDirectory() as scratch:
            source_zip, target = Path(scratch) / "sources.zip", Path(scratch) / "compiled.zip"
            write_stored_zip(source_zip, sources)
            command = [_node(), str(COMPILER), str(index_dir.resolve()), str(stdlib.resolve()), str(lock.resolve()),
                       str(source_zip), str(target)]
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode != 0:
                raise RuntimeTrimError(f"compiling the standard library failed:\n{done.stderr[-3000:]}")
            store(compiled, target.read_bytes())
    with zipfile.ZipFile(compiled) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise RuntimeTrimError("node is needed to find what the calculator imports: install Node 20+.")
    return node


def trimmed_lock(lock: dict) -> str:
    """Pyodide's lock file without packages: loadPyodide reads its ``info``; the site loads no package."""
    return json.dumps({"info": lock["info"], "packages": {}}, sort_keys=True) + "\n"


def traced_files(index_dir: Path, stdlib: Path, lock: Path, wheel: Path, cache_dir: Path,
                 xlsx_wheels: list[Path] | tuple[Path, ...] = ()) -> list[str]:
    """The archive files Python imports while running the calculator (and the .xlsx roster, given its wheels)."""
    return trace(index_dir, stdlib, lock, wheel, cache_dir, xlsx_wheels)["files"]


def trace(index_dir: Path, stdlib: Path, lock: Path, wheel: Path, cache_dir: Path,
          xlsx_wheels: list[Path] | tuple[Path, ...] = (), xlsx_stdlib: Path | None = None) -> dict[str, list[str]]:
    """``runtime_trace.mjs``'s answer: the archive files imported on the resident path (``resident``) and
    in all (``files``). Cached by the inputs' hash."""
    extra = [xlsx_stdlib] if xlsx_stdlib is not None else []
    key = _inputs_hash([index_dir / "pyodide.asm.wasm", index_dir / "pyodide.asm.mjs", stdlib, lock, wheel, TRACER,
                        *xlsx_wheels, *extra])
    cached = cache_dir / f"{key}.json"
    if cached.is_file():
        return json.loads(cached.read_text(encoding="utf-8"))
    options = ["--xlsx-stdlib", str(xlsx_stdlib.resolve())] if xlsx_stdlib is not None else []
    command = [_node(), str(TRACER), str(index_dir.resolve()), str(stdlib.resolve()), str(lock.resolve()),
               str(wheel.resolve()), *options, *(str(path.resolve()) for path in xlsx_wheels)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeTrimError(f"the calculator does not run on the runtime in {index_dir}:\n{done.stderr[-3000:]}")
    store(cached, done.stdout.encode("utf-8"))
    return json.loads(done.stdout)


def _inputs_hash(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]
