"""Command line: ``python -m calculator evaluate [FILE|-]`` and ``python -m calculator roster IN.csv``.

Bad facts (or a bad roster header) exit with status 2 and print ``{"errors": [{field, message}]}``
as JSON on standard error.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from typing import TextIO

from .errors import FactsError
from .json_text import read_json
from .result import evaluate
from .roster import RosterError, check_as_of, run_roster

BAD_INPUT = 2
BOM = b"\xef\xbb\xbf"


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "evaluate":
            return _evaluate(args.file)
        return _roster(args.file, args.as_of, args.output, args.encoding)
    except (FactsError, RosterError) as problem:
        _print_errors(problem.errors)
        return BAD_INPUT


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m calculator", description="沪松卫规〔2020〕2号 扶助计算器")
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("evaluate", help="读入一份 JSON 信息，输出计算结果（JSON）")
    one.add_argument("file", nargs="?", default="-", help="JSON 文件；不填或填 - 表示从标准输入读取")
    many = commands.add_parser("roster", help="逐行计算一份花名册（CSV）")
    many.add_argument("file", help="CSV 文件；填 - 表示从标准输入读取")
    many.add_argument("--as-of", help="计算日期 YYYY-MM-DD（某行自己填了计算日期的，以该行为准）")
    many.add_argument("-o", "--output", help="输出 CSV 文件；不填则输出到标准输出")
    many.add_argument("--encoding", default="utf-8-sig", help="输入文件编码，默认 UTF-8（可带 BOM）；Excel 旧格式可用 gbk")
    return parser


def _evaluate(path: str) -> int:
    data = sys.stdin.buffer.read() if path == "-" else _read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FactsError([{"field": "file", "message": "读入的内容不是 UTF-8 编码的文字，请另存为 UTF-8 后重试"}]) from None
    print(json.dumps(evaluate(read_json(text)), ensure_ascii=False, indent=2))
    return 0


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as problem:
        raise FactsError([{"field": "file", "message": f"无法读取文件 {path}：{file_problem(problem)}"}]) from None


def file_problem(problem: OSError) -> str:
    """Why a file could not be opened, in Chinese (the OS's own text is English)."""
    if isinstance(problem, FileNotFoundError):
        return "找不到这个文件"
    if isinstance(problem, IsADirectoryError):
        return "这是一个文件夹，不是文件"
    if isinstance(problem, PermissionError):
        return "没有读取这个文件的权限"
    return "读取时出错"


def _roster(path: str, as_of: str | None, output: str | None, encoding: str) -> int:
    if as_of is not None:
        check_as_of(as_of)
    raw = sys.stdin.buffer if path == "-" else _open_binary(path)
    try:
        out_encoding = "utf-8-sig" if raw.peek(3)[:3] == BOM else "utf-8"
        source = _text(raw, encoding)
        _write(source, output, out_encoding, as_of, encoding)
        source.detach()
    finally:
        if raw is not sys.stdin.buffer:
            raw.close()
    return 0


def _text(raw: io.BufferedReader, encoding: str) -> io.TextIOWrapper:
    try:
        return io.TextIOWrapper(raw, encoding=encoding, newline="")
    except LookupError:
        raise RosterError([{"field": "encoding", "message": f"不认识的编码“{encoding}”，请用 utf-8 或 gbk"}]) from None


def _write(source: TextIO, output: str | None, out_encoding: str, as_of: str | None, encoding: str) -> None:
    if output is not None:
        with open(output, "w", encoding=out_encoding, newline="") as target:
            _stream(source, target, as_of, encoding)
        return
    sys.stdout.flush()
    target = io.TextIOWrapper(sys.stdout.buffer, encoding=out_encoding, newline="")
    try:
        _stream(source, target, as_of, encoding)
    finally:
        target.flush()
        target.detach()


def _stream(source: TextIO, target: TextIO, as_of: str | None, encoding: str) -> None:
    notices: list[dict[str, str]] = []
    try:
        run_roster(source, target, as_of, notices)
        if notices:  # once for the whole roster, where a person reads it rather than in every row
            sys.stderr.write(f"提示：{notices[0]['text']}\n")
    except UnicodeDecodeError:
        hint = "在 Excel 中请“另存为 CSV UTF-8（逗号分隔）”，或加上 --encoding gbk"
        raise RosterError([{"field": "file", "message": f"文件不是 {encoding} 编码：{hint}"}]) from None


def _open_binary(path: str) -> io.BufferedReader:
    try:
        return open(path, "rb")
    except OSError as problem:
        raise RosterError([{"field": "file", "message": f"无法打开文件 {path}：{file_problem(problem)}"}]) from None


def _print_errors(errors: list[dict[str, str]]) -> None:
    sys.stderr.write(json.dumps({"errors": errors}, ensure_ascii=False, indent=2) + "\n")
