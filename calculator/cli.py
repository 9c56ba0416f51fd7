"""Command line: ``python -m calculator evaluate [FILE|-]`` and ``python -m calculator roster IN`` (``roster.cli``).

Bad facts (or a bad roster header) exit with status 2 and print ``{"errors": [{field, message}]}``
as JSON on standard error. Usage, usage errors and ``--help`` are in Chinese: argparse's own messages go
through its gettext hook (the module's ``_``), which :func:`chinese_argparse` points at a Chinese catalogue
while the command line is read; a usage error exits 2.
Stopped by SIGINT (Ctrl+C) or SIGTERM, a run removes its temporary file
(``roster.cli.atomic_output``), prints one Chinese line and exits 130 or 143.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
from collections.abc import Iterator

from .roster import cli as roster_cli
from .errors import CalculatorError, FactsError
from ._boundary.json_in import read_json
from .result.evaluate import evaluate
from .roster.cli import file_problem

BAD_INPUT = 2
STOPPED = "已中止：没有做完，没有写出结果文件。"


class Terminated(BaseException):
    """SIGTERM, raised where the program is, like KeyboardInterrupt for SIGINT: cleanup code runs."""


# argparse's messages (Python 3.11–3.14 wordings) → Chinese, with the same placeholders.
ARGPARSE_CHINESE = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示这段说明，然后退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "the following arguments are required: %s": "缺少必填的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "没有 %(value)r 这一项（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "后面要跟一个值",
    "expected at most one argument": "后面最多跟一个值",
    "expected at least one argument": "后面至少要跟一个值",
    "expected %s argument": "后面要跟 %s 个值",
    "expected %s arguments": "后面要跟 %s 个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是：%(matches)s",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的 %(type)s",
    "not allowed with argument %s": "不能和参数 %s 一起用",
    "ignored explicit argument %r": "多余的值 %r",
    "one of the arguments %s is required": "参数 %s 中必须填一个",
    "unexpected option string: %s": "无法识别的选项：%s",
}


@contextlib.contextmanager
def chinese_argparse() -> Iterator[None]:
    """argparse speaks Chinese inside this block: its gettext hooks (``_``, ``ngettext``) look up ARGPARSE_CHINESE."""
    hooks = {name: getattr(argparse, name) for name in ("_", "ngettext") if hasattr(argparse, name)}

    def gettext(message: str) -> str:
        return ARGPARSE_CHINESE.get(message, hooks["_"](message))

    def ngettext(singular: str, plural: str, count: int) -> str:
        return ARGPARSE_CHINESE.get(singular if count == 1 else plural, hooks["ngettext"](singular, plural, count))

    argparse._ = gettext  # type: ignore[attr-defined]
    if "ngettext" in hooks:
        argparse.ngettext = ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for name, hook in hooks.items():
            setattr(argparse, name, hook)


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """The command line read in Chinese; a usage error exits 2 (SystemExit), --help exits 0."""
    with chinese_argparse():
        return _parser().parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (2 for any usage error, 0 after --help)."""
    try:
        args = parse_arguments(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else BAD_INPUT
    try:
        with _sigterm_raises():
            if args.command == "evaluate":
                return _evaluate(args.file)
            return roster_cli.run(args)
    except CalculatorError as problem:
        _print_errors(problem.errors)
        return BAD_INPUT
    except KeyboardInterrupt:
        return _stopped(signal.SIGINT)
    except Terminated:
        return _stopped(signal.SIGTERM)


def _stopped(number: int) -> int:
    sys.stderr.write(("\n" if sys.stderr.isatty() else "") + STOPPED + "\n")  # after the terminal's ^C
    return 128 + number


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    def stop(number: int, frame: object) -> None:
        raise Terminated

    try:
        earlier = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, earlier)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m calculator", description="沪松卫规〔2020〕2号 扶助计算器")
    commands = parser.add_subparsers(dest="command", required=True, title="命令", metavar="命令（evaluate 或 roster）")
    one = commands.add_parser("evaluate", help="读入一份 JSON 信息，输出计算结果（JSON）")
    one.add_argument("file", nargs="?", default="-", metavar="文件", help="JSON 文件；不填或填 - 表示从标准输入读取")
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
