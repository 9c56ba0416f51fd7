"""Command line: ``python -m calculator evaluate [FILE|-]`` and ``python -m calculator roster IN`` (``roster.cli``).

Bad facts (or a bad roster header) exit with status 2 and print ``{"errors": [{field, message}]}``
as JSON on standard error.
"""

from __future__ import annotations

import argparse
import json
import sys

from .roster import cli as roster_cli
from .errors import CalculatorError, FactsError
from ._boundary.json_in import read_json
from .result.evaluate import evaluate
from .roster.cli import file_problem

BAD_INPUT = 2


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "evaluate":
            return _evaluate(args.file)
        return roster_cli.run(args)
    except CalculatorError as problem:
        _print_errors(problem.errors)
        return BAD_INPUT


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m calculator", description="沪松卫规〔2020〕2号 扶助计算器")
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("evaluate", help="读入一份 JSON 信息，输出计算结果（JSON）")
    one.add_argument("file", nargs="?", default="-", help="JSON 文件；不填或填 - 表示从标准输入读取")
    roster_cli.add_arguments(commands.add_parser("roster", help="逐行计算一份花名册（CSV 或 .xlsx）"))
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


def _print_errors(errors: list[dict[str, str]]) -> None:
    sys.stderr.write(json.dumps({"errors": errors}, ensure_ascii=False, indent=2) + "\n")
