"""Which cells of an .xlsx hold dates, and a cell's value as the text a CSV of it would hold.

An .xlsx stores a date as a number (days since 1899-12-30, or 1904-01-01) in a cell whose style's
number format shows it as a date. ``date_styles`` reads styles.xml's ``cellXfs`` (each cell's ``s`` is an
index into them) and tells which are dates and which durations, as openpyxl decides (a format code
with d, m, y, h or s outside quotes and brackets; ``[h]`` and the like are durations), plus the
built-in Chinese date formats openpyxl does not know. ``excel_date_text`` and ``iso_text`` turn a
serial or an ISO value into the text ``cell_text`` gives for openpyxl's value (openpyxl's own rounding).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

# openpyxl's built-in date and time formats (14-22, 45-47) and the built-in East Asian ones (27-36,
# 50-58: 'yyyy"年"m"月"d"日"' and the like), which a file names by id only.
BUILTIN_DATES = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)])
BUILTIN_DURATIONS = frozenset([46])  # [h]:mm:ss
LITERALS = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')  # quoted text, [Red], [$-804] …
DATE_LETTER = re.compile(r"(?<![_\\])[dmhysDMHYS]")
DURATION = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)
ISO = re.compile(r"(?P<date>(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}))?T?(?P<time>(?P<hour>\d{2}):"
                 r"(?P<minute>\d{2})(:(?P<second>\d{2})(?P<microsecond>\.\d{1,3})?)?)?Z?")
ISO_DURATION = re.compile(r"PT((?P<hours>\d+)H)?((?P<minutes>\d+)M)?((?P<seconds>\d+(\.\d{1,3})?)S)?")
WINDOWS_EPOCH = dt.datetime(1899, 12, 30)


def cell_text(value: object) -> str:
    """A cell's value as the text a CSV of it would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def date_styles(styles: Any) -> tuple[set[int], set[int]]:
    """The ``cellXfs`` indexes whose number format is a date (or time), and those that are durations."""
    dates: set[int] = set()
    durations: set[int] = set()
    if styles is None:
        return dates, durations
    namespace = styles.tag[: styles.tag.find("}") + 1]
    codes = {node.get("numFmtId", ""): node.get("formatCode", "") for node in styles.iter(namespace + "numFmt")}
    formats = styles.find(namespace + "cellXfs")
    for index, xf in enumerate(formats if formats is not None else ()):
        number_format = xf.get("numFmtId", "0")
        if number_format in codes:
            is_date, is_duration = _is_date(codes[number_format]), _is_duration(codes[number_format])
        else:
            builtin = int(number_format) if number_format.isdigit() else -1
            is_date, is_duration = builtin in BUILTIN_DATES, builtin in BUILTIN_DURATIONS
        if is_date:
            dates.add(index)
        if is_duration:
            durations.add(index)
    return dates, durations


def _is_date(code: str) -> bool:
    """openpyxl's test: a d, m, y, h or s in the first section, outside quotes and brackets."""
    return DATE_LETTER.search(LITERALS.sub("", code.split(";")[0])) is not None


def _is_duration(code: str) -> bool:
    return DURATION.search(code.split(";")[0]) is not None


def excel_date_text(serial: float, epoch: dt.datetime, duration: bool) -> str:
    """A date cell's serial as text, converted as openpyxl converts it ("#VALUE!" when out of range)."""
    try:
        return cell_text(_from_excel(serial, epoch, duration))
    except (OverflowError, ValueError):
        return "#VALUE!"


def _from_excel(value: float, epoch: dt.datetime, duration: bool) -> dt.datetime | dt.time | dt.timedelta:
    if duration:
        span = dt.timedelta(days=value)
        if span.microseconds:  # to the millisecond
            span = dt.timedelta(seconds=span.total_seconds() // 1, microseconds=round(span.microseconds, -3))
        return span
    day, fraction = divmod(value, 1)
    diff = dt.timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:
        minutes, seconds = divmod(diff.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return dt.time(hours, minutes, seconds, diff.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        day += 1  # Excel's 1900-02-29, which never was
    return epoch + dt.timedelta(days=day) + diff


def iso_text(value: str) -> str:
    """A cell stored as an ISO 8601 date (``t="d"``) as text (ValueError when it is none)."""
    match = ISO.match(value)
    if match and any(match.groups()):
        parts = {key: int(found) if found and key not in ("date", "time", "microsecond") else found
                 for key, found in match.groupdict(0).items()}
        fraction = parts.pop("microsecond")
        micro = int(float(fraction) * 1_000_000) if fraction else 0
        day, time = parts.pop("date"), parts.pop("time")
        if not day:
            return cell_text(dt.time(parts["hour"], parts["minute"], parts["second"], micro))
        if not time:
            return cell_text(dt.date(parts["year"], parts["month"], parts["day"]))
        return cell_text(dt.datetime(**parts, microsecond=micro))
    match = ISO_DURATION.match(value)
    if match and any(match.groups()):
        return cell_text(dt.timedelta(**{key: float(found) for key, found in match.groupdict(0).items() if found}))
    raise ValueError(f"not an ISO 8601 value: {value!r}")
