"""Dates and ages: ISO dates in, 周岁 out.

Age is counted in 周岁 (completed years) on the date of calculation and goes up on the
birthday itself. Someone born on 29 February reaches each new 周岁 on 1 March in a year
without 29 February (assumption ``feb29-birthday``).
"""

from __future__ import annotations

import re
from datetime import date

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str) -> date:
    """Read a ``YYYY-MM-DD`` string; raise ``ValueError`` with a Chinese message otherwise."""
    if not _ISO_DATE.fullmatch(text):
        raise ValueError("日期格式应为“年-月-日”，例如 1965-03-08")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError("这个日期不存在，请核对年、月、日") from None


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
