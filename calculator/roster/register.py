"""One register row read as staff keep it: each cell's problem stays that cell's, the 身份证号 read too.

A cell the roster cannot read costs only what depends on it: an unreadable 子女情况 (free text such as
"独子2013年车祸去世") or a missing 子女当时年龄 holds up the one-time subsidies (待核实, the text quoted),
never the monthly amount; an unreadable yes/no is "not answered". Only a row without a readable 家庭类别,
birth date or 计算日期 is an error. The 身份证号 gives the birth date when the register has none, and is
checked against the one it has (``id_numbers``); 户籍地址 with 松江区 stands for 本区户籍.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..errors import FactsError
from ..result.evaluate import evaluate_money
from .cells import NEEDS
from .facts import row_facts
from .header import Header
from .id_numbers import clean, masked, read_id
from .office_words import HOME_DISTRICT

ROW_ERRORS = ("as_of", "family_type", "birth_date")  # without these nothing can be calculated
CHILD = "child_event"
PARTNER_TYPES = ("child_deceased", "child_disabled")
NEEDED = frozenset(path for paths in NEEDS.values() for path in paths)


@dataclass
class Reading:
    """A row read: its facts, its 待核实 sentences, the cells that held up a measure, who the row is."""

    facts: dict[str, Any]
    notes: list[str] = field(default_factory=list)
    unread: dict[str, str] = field(default_factory=dict)  # fact path → why it could not be used
    errors: list[str] = field(default_factory=list)
    who: dict[str, str] = field(default_factory=dict)  # id, name, birth, partner_name, partner_id


def read_row(cells: list[str], header: Header, as_of: str | None, unknown: dict[str, Counter[str]]) -> Reading:
    """Read one row; ``unknown`` counts the values not understood, per column, for the file's report."""
    facts, bad = row_facts(cells, header.facts, as_of)
    reading = Reading(facts)
    for cell in bad:
        cell["text"] = masked(cell["text"])  # an ID typed in the wrong column is never quoted whole
        unknown.setdefault(cell["column"], Counter())[cell["text"]] += 1
        _bad_cell(reading, cell)
    own = _cell(cells, header, "id")
    _identity(reading, own, "birth_date", "身份证号", _cell(cells, header, "sex"))
    if facts.get("family_type") in PARTNER_TYPES:
        _identity(reading, _cell(cells, header, "partner_id"), "partner_birth_date", "配偶身份证号", "")
    _address(reading, header, _cell(cells, header, "address"))
    own = clean(own)
    reading.who = {"id": own if len(own) >= 15 else "", "name": _cell(cells, header, "name"),
                   "birth": str(facts.get("birth_date", "")), "partner_name": _cell(cells, header, "partner_name"),
                   "partner_id": clean(_cell(cells, header, "partner_id"))}
    return reading


def evaluate_row(reading: Reading) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The row's amounts; a 子女情况 the rules cannot use is left out (one-time subsidies 待核实)."""
    if reading.errors:
        raise FactsError([{"field": "row", "message": message} for message in reading.errors])
    try:
        return evaluate_money(reading.facts)
    except FactsError as problem:
        child = [error["message"] for error in problem.errors if error["field"].startswith(CHILD)]
        if not child or len(child) < len(problem.errors) or CHILD not in reading.facts:
            raise
    del reading.facts[CHILD]
    reading.unread.setdefault(f"{CHILD}.kind", "、".join(child))
    return evaluate_money(reading.facts)


def _cell(cells: list[str], header: Header, role: str) -> str:
    index = header.register.get(role)
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _bad_cell(reading: Reading, cell: dict[str, str]) -> None:
    path, text = cell["path"], cell["text"]
    if path in ROW_ERRORS:
        reading.errors.append(f"{cell['message']}（填的是“{text}”）")
    elif path.startswith(CHILD):
        reading.facts.pop(CHILD, None)  # the one-time subsidies' 待核实 quotes it (cells.to_check)
        reading.unread[f"{CHILD}.kind"] = f"{cell['column']}写的是“{text}”，没认出"
    elif path == "partner_birth_date":
        reading.notes.append(f"{cell['message']}（填的是“{text}”），配偶的金额没有算")
    else:
        reading.unread[path] = f"{cell['column']}写的是“{text}”，没认出"
        if path not in NEEDED:  # else the measure it holds up says so (cells.to_check)
            reading.notes.append(f"{cell['column']}写的是“{text}”，没认出，按未填写计算")


def _identity(reading: Reading, text: str, key: str, what: str, sex: str) -> None:
    """Check a 身份证号 against the row's birth date (and 性别); take the birth date from it if need be."""
    if not text:
        return
    number = read_id(text, what)
    facts = reading.facts
    given = facts.get(key)
    if number.problem:
        reading.notes.append(number.problem)
    if number.birth is None:
        return
    from_id = number.birth.isoformat()
    date_name = "出生日期" if key == "birth_date" else "配偶出生日期"
    if given is None:
        facts[key] = from_id
        if key == "birth_date":
            unreadable = [error for error in reading.errors if error.startswith("出生日期")]
            reading.errors = [error for error in reading.errors if error not in unreadable]
            reading.notes.extend(f"{error}，已按{what}里的出生日期计算" for error in unreadable)
        if not number.valid:
            reading.notes.append(f"{date_name}按{what}里的 {from_id} 计算，请核对")
    elif given != from_id:
        if number.valid:
            facts[key] = from_id
            reading.notes.append(f"{date_name}填的是 {given}，{what}（尾号 {number.tail}）里是 {from_id}，"
                                 "已按身份证号计算，请核对")
        else:
            reading.notes.append(f"{date_name}填的是 {given}，和{what}里的 {from_id} 不一致，已按{date_name}计算，请核对")
    if sex and number.valid and sex in ("男", "女") and sex != number.sex:
        reading.notes.append(f"性别填的是{sex}，{what}（尾号 {number.tail}）是{number.sex}性的号码，请核对")


def _address(reading: Reading, header: Header, address: str) -> None:
    """No 本区户籍 column: an address in 松江区 is 本区户籍; any other is left unknown, and said so."""
    if "address" not in header.register or "songjiang_hukou" in reading.facts or "songjiang_hukou" in reading.unread:
        return
    if any(entry["path"] == "songjiang_hukou" for entry in header.facts.values()):
        return
    if HOME_DISTRICT in address:
        reading.facts["songjiang_hukou"] = True
    else:
        reading.unread["songjiang_hukou"] = f"户籍地址没有写“{HOME_DISTRICT}”，本区户籍未确定"
