"""Helpers for the roster tests: write a roster, run the CLI in-process, read the output back."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from calculator.cli import main

OUT_COLUMNS = ["计算日期", "年龄", "每月特别扶助金", "配偶每月特别扶助金", "全家每月", "一次性补助", "待核实", "错误"]
KEY_COLUMNS = ["as_of", "age", "monthly_special_assistance", "partner_monthly", "household_monthly",
               "one_time_subsidies", "to_check", "error"]


def write(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def read_csv(data: bytes) -> list[list[str]]:
    """Every row of an output CSV, note rows (【说明】…) left out."""
    assert data.startswith(b"\xef\xbb\xbf"), "the output CSV starts with a BOM for Excel"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    return [row for row in rows if not (row and row[0].startswith("【说明】"))]


def notes(data: bytes) -> list[str]:
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig")))
    return [row[0].removeprefix("【说明】") for row in rows if row and row[0].startswith("【说明】")]


def roster(tmp_path: Path, rows: list[list[str]], *args: str, encoding: str = "utf-8-sig") -> tuple[int, Path]:
    """Run ``roster IN -o OUT ARGS`` in-process; return the exit status and OUT."""
    source = write(tmp_path / "in.csv", rows, encoding)
    out = tmp_path / "out.csv"
    return main(["roster", str(source), "-o", str(out), *args]), out


def results(rows: list[list[str]], width: int, keys: list[str] = OUT_COLUMNS) -> list[dict[str, str]]:
    """The output columns of each data row, by name (``width``: the input's columns)."""
    return [dict(zip(keys, row[width:width + len(keys)])) for row in rows[1:]]
