"""Run every test as `make test` does: the site built once, then two pytest processes side by side.

Most of the suite waits on something other than Python (Chromium drawing pages, Pyodide starting,
Lighthouse, nginx), so one pytest process keeps one of this machine's two cores about half busy.
Two shards, each a plain pytest run over its own files with its own temporary directory, finish
in about the time of the longer one (see SHARDS). The shards share the one strict build of the site (the
``built_site`` fixture takes it from ``SONGJIANG_BUILT_SITE``) and read it only.

    python tools/run_tests.py            both shards; exit 0 only when both pass
    python tools/run_tests.py --serial   one pytest process over everything (what each shard runs, in one)

Extra pytest options go through ``PYTEST_ADDOPTS`` (e.g. ``PYTEST_ADDOPTS=--durations=30 make test``).
Each shard's lines are printed as they come, prefixed with its name; each ends with pytest's summary.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMP = ROOT / ".pytest-tmp"
BUILT_SITE_VARIABLE = "SONGJIANG_BUILT_SITE"

# Two shards of about equal wall time. The browser tests are the larger half, so their first-visit
# tests (each loads the engine from nothing: loading, failures, offline use, snapshots, the roster's
# limits) run beside everything else; the tests that share warm pages (results, form, the walk over
# every page) stay together, so no warm-up is paid twice. Per-file times (`--durations`, or junit):
# browser ≈ 500 s and rest ≈ 410 s here, run one after the other.
FIRST_VISIT_BROWSER_TESTS = [
    "tests/browser/test_roster_limits_browser.py",
    "tests/browser/test_calculator_failures.py",
    "tests/browser/test_calculator_offline.py",
    "tests/browser/test_calculator_snapshot.py",
    "tests/browser/test_roster_xlsx_loading.py",
    "tests/browser/test_calculator_cache_contents.py",
]
SHARDS = {
    "browser": ["tests/browser", *(f"--ignore={path}" for path in FIRST_VISIT_BROWSER_TESTS)],
    # Named one by one: given "tests" with --ignore=tests/browser, pytest drops the browser files named after it.
    "rest": [*sorted(str(path.relative_to(ROOT)) for path in (ROOT / "tests").iterdir()
                     if path.name != "browser" and (path.is_dir() and path.name != "__pycache__"
                                                    or path.name.startswith("test_") and path.suffix == ".py")),
             *FIRST_VISIT_BROWSER_TESTS],
}


def build_site_once() -> Path:
    """The strict build every shard tests (as `make site` builds it), made before either starts."""
    sys.path.insert(0, str(ROOT))
    import build_site

    site_dir = TEMP / "site"
    shutil.rmtree(site_dir, ignore_errors=True)
    build_site.build(site_dir)
    return site_dir


def start_shard(name: str, arguments: list[str], site_dir: Path) -> subprocess.Popen[str]:
    basetemp = TEMP / name
    environment = dict(os.environ, **{BUILT_SITE_VARIABLE: str(site_dir)})
    command = [sys.executable, "-m", "pytest", f"--basetemp={basetemp}", *arguments]
    return subprocess.Popen(command, cwd=ROOT, env=environment, text=True, bufsize=1,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def relay(name: str, process: subprocess.Popen[str], lock: threading.Lock) -> None:
    """Print the shard's output line by line with its name in front, never two lines mixed."""
    assert process.stdout is not None
    for line in process.stdout:
        with lock:
            sys.stdout.write(f"[{name}] {line}")
            sys.stdout.flush()


def run_shards(site_dir: Path) -> dict[str, int]:
    lock = threading.Lock()
    processes = {name: start_shard(name, arguments, site_dir) for name, arguments in SHARDS.items()}
    relays = [threading.Thread(target=relay, args=(name, process, lock)) for name, process in processes.items()]
    for thread in relays:
        thread.start()
    try:
        codes = {name: process.wait() for name, process in processes.items()}
    except KeyboardInterrupt:
        for process in processes.values():
            process.terminate()
        raise
    for thread in relays:
        thread.join()
    return codes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serial", action="store_true", help="one pytest process over every test")
    options = parser.parse_args(argv)
    TEMP.mkdir(exist_ok=True)
    if options.serial:
        return subprocess.call([sys.executable, "-m", "pytest", f"--basetemp={TEMP / 'serial'}"], cwd=ROOT)
    started = time.monotonic()
    site_dir = build_site_once()
    print(f"site built for the tests in {time.monotonic() - started:.0f} s: {site_dir}", flush=True)
    codes = run_shards(site_dir)
    for name, code in codes.items():
        print(f"shard {name}: {'passed' if code == 0 else f'FAILED (pytest exit {code})'}")
    print(f"all tests: {time.monotonic() - started:.0f} s")
    return 0 if all(code == 0 for code in codes.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
