"""Dates and ages: dates as people write them in, 周岁 out.

Age is counted in 周岁 (completed years) on the date of calculation and goes up on the
birthday itself. Someone born on 29 February reaches each new 周岁 on 1 March in a year
without 29 February (assumption ``feb29-birthday``).
"""

from __future__ import annotations

import re
import time
from datetime import date

# 1965-03-08, 1965-3-8, 1965/3/8, 1965.3.8, 1965年3月8日; full-width digits and punctuation are
# folded to ASCII first, so １９６５年３月８日 and １９６５－０３－０８ read the same.
_LOOSE_DATE = re.compile(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*")
_FULL_WIDTH = str.maketrans({**{chr(0xFF10 + n): str(n) for n in range(10)},
                             "－": "-", "—": "-", "／": "/", "．": ".", "。": ".", "\u3000": " "})

_TODAY: list = [None, None]  # [the second of time.time() it was asked in, that second's local date]


def today() -> date:
    """``date.today()``, worked out at most once a second.

    ``date.today()`` reads the local time zone on every call (about 2 µs here), and a roster asks twice
    per row (a default 计算日期, and whether it is today). The local date changes only on a whole
    second, so the cached one is always right.
    """
    second = int(time.time())
    if _TODAY[0] != second:
        _TODAY[:] = [second, date.today()]
    return _TODAY[1]


def parse_date(text: str) -> date:
    """Read a date as people write it; raise ``ValueError`` with a Chinese message otherwise."""
    if len(text) == 10 and text[4] == "-" == text[7] and text.isascii():
        # The common case (1965-03-08), twice per roster row: without the folding and the pattern.
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass  # the words below say why
    match = _LOOSE_DATE.fullmatch(text.translate(_FULL_WIDTH))
    if match is None:
        raise ValueError("请按年、月、日的顺序填写日期，例如 1965年3月8日")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise ValueError("这个日期不存在，请核对年、月、日") from None


def chinese_date(day: date) -> str:
    """A date as residents read it: 2026年12月15日."""
    return f"{day.year}年{day.month}月{day.day}日"


def age_on(birth: date, on: date) -> int:
    """The age in 周岁 on ``on`` of someone born on ``birth`` (``on`` must not precede ``birth``)."""
    before_birthday = (on.month, on.day) < (birth.month, birth.day)
    return on.year - birth.year - (1 if before_birthday else 0)


def birthday(birth: date, age: int) -> date:
    """The date on which someone born on ``birth`` reaches ``age`` 周岁."""
    year = birth.year + age
    if birth.month == 2 and birth.day == 29 and not _is_leap(year):
        return date(year, 3, 1)
    return date(year, birth.month, birth.day)


def is_feb29(day: date) -> bool:
    """True for a 29 February."""
    return day.month == 2 and day.day == 29


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
