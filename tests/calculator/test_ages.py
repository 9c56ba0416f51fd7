from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.facts.ages import age_on, birthday, parse_date


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (date(1975, 6, 1), date(2024, 5, 31), 48),
        (date(1975, 6, 1), date(2024, 6, 1), 49),
        (date(1964, 2, 29), date(2024, 2, 28), 59),
        (date(1964, 2, 29), date(2024, 2, 29), 60),
        (date(1960, 2, 29), date(2030, 2, 28), 69),
        (date(1960, 2, 29), date(2030, 3, 1), 70),
        (date(2000, 1, 1), date(2000, 1, 1), 0),
    ],
    ids=["day-before-49th", "49th-birthday", "leap-year-day-before", "leap-year-feb29",
         "non-leap-feb28-not-yet", "non-leap-march-1st", "day-of-birth"],
)
def test_age_in_zhousui_goes_up_on_the_birthday_itself(birth: date, on: date, age: int) -> None:
    assert age_on(birth, on) == age


def test_feb29_birthday_falls_on_march_1st_in_a_non_leap_year() -> None:
    assert birthday(date(1960, 2, 29), 70) == date(2030, 3, 1)
    assert birthday(date(1960, 2, 29), 64) == date(2024, 2, 29)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2050, 12, 31)), st.integers(min_value=1, max_value=120))
def test_age_changes_exactly_on_the_birthday(birth: date, years: int) -> None:
    day = birthday(birth, years)
    assert age_on(birth, day) == years
    assert age_on(birth, day - timedelta(days=1)) == years - 1


@pytest.mark.parametrize(
    ("text", "message"),
    [("2023-02-29", "不存在"), ("65/03/08", "年、月、日"), ("20240101", "年、月、日"), ("2024-13-01", "不存在")],
    ids=["feb29-in-common-year", "two-digit-year", "no-dashes", "month-13"],
)
def test_parse_date_explains_bad_dates_in_chinese(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_date(text)


@pytest.mark.parametrize(
    "text",
    ["1960-01-01", "1960-1-1", "1960/1/1", "1960.1.1", "1960年1月1日", " 1960 年 1 月 1 日 ", "１９６０年１月１日",
     "１９６０－０１－０１", "１９６０／１／１", "１９６０．１．１"],
)
def test_parse_date_reads_dates_as_people_write_them_including_full_width(text: str) -> None:
    assert parse_date(text) == date(1960, 1, 1)
