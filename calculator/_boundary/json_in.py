"""Read JSON text from outside (the browser, standard input, a file) safely, with Chinese messages.

``json.loads`` alone is not enough for text anyone can send: it recurses once per nesting level
(``'[' * 100000`` ends in RecursionError in CPython and a fatal error in Pyodide), keeps the last of
two equal keys without a word, and explains problems in English. :func:`read_json` bounds the
nesting before parsing, refuses duplicate keys, drops a byte-order mark, and raises
:class:`~calculator.errors.FactsError` with a Chinese message for every problem.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import FactsError

# Facts nest two levels (child_event), a batch three; anything past this is not facts.
MAX_DEPTH = 20
KEY_ECHO_CHARS = 20
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)  # unrolled: linear, no backtracking blow-up
_BRACKET = re.compile(r"[\[\]{}]")


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def read_json(text: str, field: str = "facts") -> Any:
    """Parse ``text``; raise FactsError (on ``field``) for text that is not JSON, too deep, or has a repeated key."""
    text = text.removeprefix("\ufeff")
    if _too_deep(text):
        raise FactsError([{"field": field, "message": f"收到的信息嵌套超过 {MAX_DEPTH} 层，不是计算器需要的格式，请检查后重试"}])
    try:
        return json.loads(text, object_pairs_hook=_without_duplicates)
    except _DuplicateKey as duplicate:
        key = shorten(duplicate.key)
        raise FactsError([{"field": field, "message": f"“{key}”这一项出现了不止一次，请只保留一个"}]) from None
    except json.JSONDecodeError as problem:
        where = f"（第 {problem.lineno} 行第 {problem.colno} 个字符附近）"
        raise FactsError([{"field": field, "message": f"收到的信息不是有效的 JSON{where}，请检查后重试"}]) from None
    except ValueError:  # e.g. an integer of thousands of digits
        raise FactsError([{"field": field, "message": "收到的信息不是有效的 JSON，请检查后重试"}]) from None


def shorten(text: str) -> str:
    """At most KEY_ECHO_CHARS characters of something a visitor sent, for a message."""
    return text if len(text) <= KEY_ECHO_CHARS else text[:KEY_ECHO_CHARS] + "…"


def _too_deep(text: str) -> bool:
    if text.count("[") + text.count("{") <= MAX_DEPTH:  # the usual case: no need to look closer
        return False
    depth = 0
    for bracket in _BRACKET.finditer(_STRING.sub('""', text)):
        if bracket[0] in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        else:
            depth -= 1
    return False


def _without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result
