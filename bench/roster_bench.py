"""Roster benchmark: time and peak memory of ``python -m calculator roster`` on CSV and .xlsx rosters.

Prints figures; never fails on speed. Peak RSS is the roster child's own (``os.wait4`` rusage),
and ``resource.getrusage(RUSAGE_CHILDREN)`` is printed too. Flat memory means the peaks match
across sizes. A size written ``x10000`` is an .xlsx roster (read and written with openpyxl); ``r20000`` is a
街镇's register as an .xlsx (merged title, 身份证号, office words, free-text 子女情况, couples by name:
``tests/calculator/register_support.py``).

    .venv/bin/python bench/roster_bench.py [ROWS | xROWS | rROWS ...]     (default: 10000 100000 x10000 r20000)
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


def write_xlsx_roster(path: Path, rows: int, seed: int = 2020) -> None:
    """The same made-up people as an .xlsx (a title row above the header, birth dates as Excel dates)."""
    import openpyxl

    rng = random.Random(seed)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("名单")
    sheet.append(["松江区 特别扶助对象名单"])
    sheet.append(HEADER)
    for index in range(rows):
        person: list[object] = _person(rng, index)
        if person[2] != "1960-02-30":
            person[2] = date.fromisoformat(str(person[2]))
        if person[8]:
            person[8] = int(str(person[8]))
        sheet.append(person)
    book.save(path)


def write_register_xlsx(path: Path, rows: int) -> None:
    """A 街镇's register of ``rows`` made-up people as staff keep it (the tests' generator)."""
    sys.path.insert(0, str(REPO / "tests" / "calculator"))
    from register_support import register_rows, register_xlsx

    path.write_bytes(register_xlsx(register_rows(rows)))


WRITERS = {"csv": write_roster, "xlsx": write_xlsx_roster, "register": write_register_xlsx}


def measure(rows: int, folder: Path, kind: str = "csv") -> tuple[float, int]:
    """Run the roster CLI on ``rows`` rows; return (wall seconds, peak RSS in KiB of that child)."""
    suffix = "xlsx" if kind == "register" else kind
    source, target = folder / f"in-{kind}-{rows}.{suffix}", folder / f"out-{kind}-{rows}.{suffix}"
    WRITERS[kind](source, rows)
    command = [sys.executable, "-m", "calculator", "roster", str(source), "--as-of", "2024-06-01", "-o", str(target)]
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=REPO, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):  # 1: written, with the made-up bad rows marked
        raise SystemExit(f"roster exited with {child.returncode}")
    written = _rows_out(target, suffix)
    cpu = usage.ru_utime + usage.ru_stime  # steadier than wall time on a shared machine
    print(f"{rows:>8} {kind} rows: {elapsed:6.2f} s wall, {cpu:6.2f} s CPU, {rows / elapsed:8.0f} rows/s, "
          f"peak RSS {usage.ru_maxrss / 1024:6.1f} MiB, "
          f"{written} rows out")
    return elapsed, usage.ru_maxrss


def _rows_out(target: Path, kind: str) -> int:
    """Data rows written (header, title and note rows left out)."""
    if kind == "xlsx":
        import openpyxl

        book = openpyxl.load_workbook(target, read_only=True)
        count = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True)) - 2  # title and header rows
        book.close()
        return count
    with target.open(encoding="utf-8-sig", newline="") as handle:
        return sum(1 for row in csv.reader(handle) if row and not row[0].startswith("【说明】")) - 1


def main(argv: list[str]) -> None:
    """Measure each size given (default 10,000 and 100,000 CSV rows, 10,000 .xlsx rows) and print the figures."""
    sizes = argv or ["10000", "100000", "x10000", "r20000"]
    print(f"python {sys.version.split()[0]} on {sys.platform}")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            kind = {"x": "xlsx", "r": "register"}.get(size[0], "csv")
            measure(int(size.lstrip("xr")), Path(folder), kind)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"getrusage(RUSAGE_CHILDREN).ru_maxrss over all runs: {children / 1024:.1f} MiB")


if __name__ == "__main__":
    main(sys.argv[1:])
