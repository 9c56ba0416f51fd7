"""Roster benchmark: time and peak memory of ``python -m calculator roster`` on 10,000 and 100,000 rows.

Prints figures; never fails on speed. Peak RSS is the roster child's own (``os.wait4`` rusage),
and ``resource.getrusage(RUSAGE_CHILDREN)`` is printed too. Flat memory means the two peaks match.

    .venv/bin/python bench/roster_bench.py [ROWS ...]
"""

from __future__ import annotations

import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEADER = ["姓名", "地址", "出生日期", "家庭类别", "本区户籍", "光荣证", "特别扶助证", "子女情况", "子女当时年龄", "子女已婚"]
FAMILY_TYPES = ["独生子女死亡家庭", "独生子女伤残家庭", "无"]
KINDS = ["", "意外死亡", "意外伤残", "患大病重病"]


def write_roster(path: Path, rows: int, seed: int = 2020) -> None:
    """Write a roster of ``rows`` made-up people (about 1 in 200 rows deliberately bad)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for index in range(rows):
            writer.writerow(_person(rng, index))


def _person(rng: random.Random, index: int) -> list[str]:
    birth = date(1935, 1, 1) + timedelta(days=rng.randrange(0, 365 * 50))
    kind = rng.choice(KINDS)
    child_age = str(rng.randrange(0, 30)) if kind else ""
    birth_text = "1960-02-30" if index % 200 == 199 else birth.isoformat()
    return [f"居民{index}", f"松江区某路{index}号", birth_text, rng.choice(FAMILY_TYPES), rng.choice(["是", "否", "是"]),
            rng.choice(["是", "否"]), rng.choice(["是", "否"]), kind, child_age, rng.choice(["是", "否", ""]) if kind else ""]


def measure(rows: int, folder: Path) -> tuple[float, int]:
    """Run the roster CLI on ``rows`` rows; return (wall seconds, peak RSS in KiB of that child)."""
    source, target = folder / f"in-{rows}.csv", folder / f"out-{rows}.csv"
    write_roster(source, rows)
    command = [sys.executable, "-m", "calculator", "roster", str(source), "--as-of", "2024-06-01", "-o", str(target)]
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=REPO)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"roster exited with {child.returncode}")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        written = sum(1 for _ in csv.reader(handle)) - 1
    print(f"{rows:>8} rows: {elapsed:6.2f} s wall, {rows / elapsed:8.0f} rows/s, peak RSS {usage.ru_maxrss / 1024:6.1f} MiB, "
          f"{written} rows out")
    return elapsed, usage.ru_maxrss


def main(argv: list[str]) -> None:
    """Measure each size given (default 10,000 then 100,000) and print the figures."""
    sizes = [int(arg) for arg in argv] or [10_000, 100_000]
    print(f"python {sys.version.split()[0]} on {sys.platform}")
    with tempfile.TemporaryDirectory() as folder:
        for rows in sizes:
            measure(rows, Path(folder))
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"getrusage(RUSAGE_CHILDREN).ru_maxrss over all runs: {children / 1024:.1f} MiB")


if __name__ == "__main__":
    main(sys.argv[1:])
