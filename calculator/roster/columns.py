"""The roster's column names: the output columns in Chinese or as keys, header warnings, safe cells.

The output columns are named in Chinese by default (staff read them) or as keys (``--headers keys``,
for scripts). Keys keep the names earlier versions wrote (``age``, ``monthly_special_assistance``,
``one_time_subsidies``, ``error``), so scripts that read those still work. Either naming, found in an
input file, is recognised as an earlier output and replaced in place.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# (key, Chinese) for every output column, in the order they are added.
OUTPUT_COLUMNS = (
    ("as_of", "计算日期"),
    ("age", "年龄"),
    ("monthly_special_assistance", "每月特别扶助金"),
    ("partner_monthly", "配偶每月特别扶助金"),
    ("household_monthly", "全家每月"),
    ("one_time_subsidies", "一次性补助"),
    ("to_check", "待核实"),
    ("error", "错误"),
)
OUTPUT_KEYS = tuple(key for key, _ in OUTPUT_COLUMNS)
HEADER_NAMES = {"chinese": dict(OUTPUT_COLUMNS), "keys": {key: key for key in OUTPUT_KEYS}}
# Any name an output column may have in an input file → its key.
OUTPUT_NAME_TO_KEY = {name: key for key, chinese in OUTPUT_COLUMNS for name in (key, chinese)}

HOUSEHOLD_COLUMNS = frozenset({"户号", "household_id"})
# Names people use for a fact column that are too far from its real name for difflib to find.
KNOWN_MISNAMES = {"出生年月": "出生日期", "出生年月日": "出生日期", "生日": "出生日期", "户籍": "本区户籍",
                  "是否本区户籍": "本区户籍", "户口": "本区户籍", "是否本区户口": "本区户籍"}

# A cell a spreadsheet would run as a formula (or that hides one behind a tab or carriage return), and
# the full-width and small forms of = + - @: whether a spreadsheet runs a cell starting with one is
# documented nowhere we found (README), so in doubt they count too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠", "﹦", "﹢", "﹣", "﹫")
LONGEST_NAME = 40  # a header cell longer than this is no misspelt column name: shown cut, never compared


def safe_text(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would run it as a formula (CSV output)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def header_warning(unused: Iterable[str], known: Iterable[str]) -> str:
    """A warning naming the header cells that match no fact, with the nearest known name, or ""."""
    names = [name for name in unused if name.strip()]
    if not names:
        return ""
    choices = sorted(known)
    parts = []
    for name in names:
        if len(name) > LONGEST_NAME:  # difflib's time grows with the name's length: never a long one
            parts.append(f"“{name[:LONGEST_NAME]}……”")
            continue
        nearest = nearest_name(name.strip(), choices)
        parts.append(f"“{name}”（是不是“{nearest}”？）" if nearest else f"“{name}”")
    return "这些列不参与计算，原样保留：" + "、".join(parts)


def nearest_name(name: str, choices: list[str]) -> str:
    """The known column name closest to ``name`` ("" when none is close)."""
    if name in KNOWN_MISNAMES:
        return KNOWN_MISNAMES[name]
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return close[0] if close else ""
