"""``python -m calculator roster IN [-o OUT] [--as-of DATE] [--changes-until DATE] [--headers keys]``.

IN is a CSV (UTF-8 with or without BOM, or GBK/GB18030: found out, not asked) or an .xlsx; ``-`` reads a
CSV from standard input. The output has the input's format unless ``-o`` names another (out.xlsx /
out.csv); it is written in full or not at all. The summary goes to standard error in plain Chinese.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from typing import BinaryIO

from .facts import RosterError
from .csv_io import AUTO, csv_rows
from .kinds import check_kind
from .limits import check_csv_rows, check_file_size, check_xlsx, limited_lines
from .output import changes_lines, start_summary, write_roster
from .summary import summary_lines

PROGRESS_EVERY = 2000  # rows between two progress lines on a terminal


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The roster command's options."""
    # Chinese metavars: usage and error messages name the arguments as the help does.
    parser.add_argument("file", metavar="名单文件", help="名单文件（CSV 或 .xlsx）；填 - 表示从标准输入读取 CSV")
    parser.add_argument("--as-of", metavar="日期", help="计算日期 YYYY-MM-DD（某行自己填了计算日期的，以该行为准）")
    parser.add_argument("-o", "--output", metavar="输出文件", help="输出文件（.csv 或 .xlsx）；不填则输出到标准输出，格式同输入")
    parser.add_argument("--changes-until", metavar="日期",
                        help="列出从计算日期到这一天每月金额有变化的人（满 49、60、70 周岁），按日期排序")
    parser.add_argument("--headers", choices=("chinese", "keys"), default="chinese",
                        help="新加列的列名：chinese（默认，中文）或 keys（英文键名，给脚本用）")
    parser.add_argument("--encoding", default=AUTO, metavar="编码", help="CSV 的编码；默认自动识别 UTF-8 和 GBK")
    parser.add_argument("--sheet", metavar="工作表", help="读 .xlsx 的哪个工作表（工作表名）；默认读第一个有表头（含“姓名”等列名）的工作表")


def run(args: argparse.Namespace) -> int:
    """Run the roster command: 0 every row calculated, 1 the output written but some rows have errors;
    RosterError and FactsError propagate (exit 2 in cli.main: nothing written)."""
    summary = start_summary(args.as_of, args.changes_until)
    in_format = _format_of(args.file)
    out_format = _format_of(args.output) if args.output else in_format
    raw = None if args.file == "-" or in_format == "xlsx" else _open(args.file)
    try:
        rows = _rows(args.file, in_format, raw, args.encoding, args.sheet)
        with atomic_output(args.output) as target:
            write_roster(rows, target, out_format, args.as_of, summary, args.headers)
    finally:
        if raw is not None:
            raw.close()
    if summary.changes is None:
        sys.stderr.write("".join(f"{line}\n" for line in summary_lines(summary.totals())))
    else:
        sys.stderr.write("".join(f"{line}\n" for line in changes_lines(summary)))
    return 1 if summary.errors else 0  # 1: written, but some rows need correcting (2: nothing written)


def _format_of(path: str) -> str:
    return "xlsx" if path.lower().endswith((".xlsx", ".xlsm")) else "csv"


def _rows(path: str, fmt: str, raw: BinaryIO | None, encoding: str, sheet: str | None = None) -> Iterator[list[str]]:
    """The input's rows, once its kind, size, inflated size and row count are checked (``limits``)."""
    if fmt == "xlsx":
        from .xlsx_io import xlsx_rows

        _check_readable(path)
        check_file_size(os.path.getsize(path))
        with open(path, "rb") as source:
            check_kind(source, "xlsx")
        return _progress(xlsx_rows(path, sheet), check_xlsx(path))
    source = raw if raw is not None else sys.stdin.buffer
    if raw is not None and os.path.isfile(path):
        check_file_size(os.fstat(raw.fileno()).st_size)
        check_kind(raw, "csv")
        total = check_csv_rows(raw)
    else:
        check_kind(source, "csv")  # a pipe: its first bytes only
        total = 0
    return _progress(csv_rows(limited_lines(source), encoding), total)


def _progress(rows: Iterator[list[str]], total: int) -> Iterator[list[str]]:
    """``rows``, with "已读 N 行，共 M 行" kept up to date on standard error when it is a terminal."""
    if not sys.stderr.isatty():
        return rows
    return _counted(rows, f"，共 {total:,} 行" if total else "")


def _counted(rows: Iterator[list[str]], of: str) -> Iterator[list[str]]:
    number = 0
    for number, cells in enumerate(rows, start=1):
        if number % PROGRESS_EVERY == 0:
            sys.stderr.write(f"\r已读 {number:,} 行{of}……")
            sys.stderr.flush()
        yield cells
    if number >= PROGRESS_EVERY:
        sys.stderr.write("\r\033[K")  # the line cleared for the summary


def _open(path: str) -> BinaryIO:
    try:
        return open(path, "rb")
    except OSError as problem:
        raise RosterError([{"field": "file", "message": f"无法打开文件 {path}：{file_problem(problem)}"}]) from None


def _check_readable(path: str) -> None:
    if not os.path.isfile(path):
        _open(path).close()  # raises with the reason in words


def file_problem(problem: OSError) -> str:
    """Why a file could not be opened, in Chinese (the OS's own text is English)."""
    if isinstance(problem, FileNotFoundError):
        return "找不到这个文件"
    if isinstance(problem, IsADirectoryError):
        return "这是一个文件夹，不是文件"
    if isinstance(problem, PermissionError):
        return "没有读取这个文件的权限"
    return "读取时出错"


@contextlib.contextmanager
def atomic_output(path: str | None) -> Iterator[BinaryIO]:
    """A binary file that becomes ``path`` (or goes to standard output) only if the block succeeds:
    a run that fails leaves no output file (an earlier one stays as it was), and never half of one."""
    folder = os.path.dirname(os.path.abspath(path)) if path else None
    handle = tempfile.NamedTemporaryFile("w+b", dir=folder, prefix=".roster-", suffix=".part", delete=False)
    try:
        with handle:
            yield handle
            if path is None:
                handle.seek(0)
                sys.stdout.flush()
                shutil.copyfileobj(handle, sys.stdout.buffer)
                sys.stdout.buffer.flush()
        if path is not None:
            os.chmod(handle.name, 0o644)
            os.replace(handle.name, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(handle.name)
