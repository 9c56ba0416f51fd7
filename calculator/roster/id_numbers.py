"""身份证号 as a register holds it: GB 11643 citizen identity numbers.

An 18-character number is six digits of place, eight of birth date (YYYYMMDD), three of sequence (the
last of them odd for a man, even for a woman) and a check character by ISO 7064 MOD 11-2 (0-9 or X).
An old 15-digit number has a six-digit birth date (YYMMDD, 19YY) and no check character.

Only what the roster needs is read: the birth date, the sex, whether the number is sound. A message
never shows more than the number's last four characters (``尾号 1234``); the number itself stays in the
row's own cell, on this device.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from operator import mul

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"  # the check character for each remainder 0 … 10
DIGITS_OR_X = frozenset("0123456789X")
_SPACES = re.compile(r"[\s\u3000'’‘]+")
_FULL_WIDTH = str.maketrans({**{chr(0xFF10 + n): str(n) for n in range(10)}, "ｘ": "X", "Ｘ": "X", "x": "X"})


@dataclass(frozen=True)
class IdNumber:
    """What a 身份证号 cell says: ``birth`` (None when it holds no real date), ``sex`` ("男"/"女"/""),
    ``valid`` (18 characters, a real date and the right check character) and ``problem`` (a sentence)."""

    tail: str
    birth: date | None
    sex: str
    valid: bool
    problem: str


_LONG_NUMBER = re.compile(r"\d{14,17}[\dXx]")


def masked(text: str) -> str:
    """``text`` as a message may quote it: any number as long as an ID shows only its last four characters."""
    return _LONG_NUMBER.sub(lambda match: "…" + match[0][-4:], text) if len(text) >= 15 else text


def tail_of(text: str) -> str:
    """The last four characters of a number, as a message may name it: "尾号 1234"."""
    return f"尾号 {clean(text)[-4:]}"


def clean(text: str) -> str:
    """The number without spaces or a leading apostrophe, full-width digits and a small x folded."""
    return _SPACES.sub("", text).translate(_FULL_WIDTH)


def check_character(first17: str) -> str:
    """The check character (ISO 7064 MOD 11-2) for the first 17 digits."""
    return CHECK_CHARACTERS[sum(map(mul, map(int, first17), WEIGHTS)) % 11]


def read_id(text: str, what: str = "身份证号") -> IdNumber:
    """Read a 身份证号 cell; ``what`` names the column in the problem sentence (配偶身份证号 …)."""
    plain = len(text) == 18 and text.isascii() and text[:17].isdigit() and text[17] in DIGITS_OR_X  # most cells
    number = text if plain else clean(text)
    name = f"{what}（尾号 {number[-4:]}）"
    if number.endswith(".0") and number[:-2].isdigit():
        number = number[:-2]
    if len(number) == 18 and number[:17].isdigit() and (number[17].isdigit() or number[17] == "X"):
        birth, sex = _birth(number[6:14]), _sex(number[16])
        if birth is None:
            return IdNumber(number[-4:], None, sex, False, f"{name}里的出生日期不存在，请核对")
        if check_character(number[:17]) != number[17]:
            return IdNumber(number[-4:], birth, sex, False, f"{name}的最后一位（校验码）不对，可能有数字抄错，请核对")
        return IdNumber(number[-4:], birth, sex, True, "")
    if len(number) == 15 and number.isdigit():
        return IdNumber(number[-4:], _birth("19" + number[6:12]), _sex(number[14]), False,
                        f"{name}是 15 位的旧号码，请换成 18 位的新号码")
    if len(number) == 17 and number.isdigit():  # the check character left off, most often: the date is whole
        return IdNumber(number[-4:], _birth(number[6:14]), _sex(number[16]), False,
                        f"{name}有 17 位，应是 18 位，请核对")
    if number.isdigit() or (number[:-1].isdigit() and number[-1:] == "X"):
        return IdNumber(number[-4:], None, "", False, f"{name}有 {len(number)} 位，应是 18 位，请核对")
    return IdNumber(number[-4:], None, "", False, f"{name}不是身份证号的写法（应是 18 位数字，最后一位可以是 X），请核对")


def _birth(digits: str) -> date | None:
    try:
        day = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
    return day if day.year >= 1900 else None


def _sex(digit: str) -> str:
    return "男" if int(digit) % 2 else "女"
