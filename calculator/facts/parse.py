"""Validate a resident's facts (a JSON-compatible dict) into a typed :class:`Facts`.

Types, labels, choices and defaults come from ``data/facts.toml`` (see :mod:`calculator.facts.spec`);
this module adds the checks between facts (dates in order, ages that make sense). Every problem
is collected, then raised at once as one :class:`FactsError`.
"""

from __future__ import annotations


from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from .ages import parse_date, today
from .consistency import check_consistency
from ..errors import FactsError
from .._boundary.json_in import shorten
from .spec import choice_words, fact_group

T = TypeVar("T")
# At most this many unknown keys are listed, each shortened: a 100 KB key or a thousand of them
# must not become a 100 KB message.
UNKNOWN_KEYS_LISTED = 5


@dataclass(frozen=True)
class ChildEvent:
    """What happened to the only child, the child's age (周岁) then and, if given, the date."""

    kind: str  # one of facts.toml's choices; "none": none of these happened
    child_age: int | None  # None only when kind is "none"
    date: date | None
    child_married: bool | None
    pledge_no_more_children: bool | None


@dataclass(frozen=True)
class Facts:
    """Validated facts; an optional bool is ``None`` when not answered."""

    as_of: date
    birth_date: date
    family_type: str
    songjiang_hukou: bool | None
    partner_birth_date: date | None
    partner_songjiang_hukou: bool | None
    special_assistance_cert: bool | None
    honor_cert: bool | None
    child_event: ChildEvent | None
    needs_care: bool | None
    lives_alone: bool | None
    self_care_difficulty: bool | None
    low_income: bool | None
    surgery_complication: bool | None
    wants_another_child: bool | None
    housing_difficulty: bool | None
    property_inheritance: bool | None
    wants_to_adopt: bool | None
    critical_illness: bool | None
    lacks_capacity: bool | None
    unemployed: bool | None


def parse_facts(raw: object, earliest: date) -> Facts:
    """Check ``raw`` and return :class:`Facts`; raise :class:`FactsError` listing every problem.

    ``earliest`` is the first date the calculator calculates for; ``as_of`` may not precede it.
    """
    if not isinstance(raw, dict):
        raise FactsError([{"field": "facts", "message": "请提供一组信息（JSON 对象），例如 {\"birth_date\": \"1960-05-01\"}"}])
    errors: list[dict[str, str]] = []
    values = _read_top(raw, errors)
    check_consistency(values, earliest, errors)
    if errors:
        raise FactsError(errors)
    event = values["child_event"]
    values["child_event"] = _frozen(ChildEvent, event) if event is not None else None
    return _frozen(Facts, values)


def _frozen(cls: type[T], fields: dict[str, Any]) -> T:
    """``cls(**fields)`` for a frozen dataclass, without running its generated ``__init__``.

    That ``__init__`` sets each field through ``object.__setattr__``: for the 21 fields of Facts,
    a third of parse_facts. ``fields`` holds exactly the dataclass's fields, since both come from
    ``data/facts.toml`` (``tests/calculator/test_questions.py`` checks they match), and neither
    class has a ``__post_init__``.
    """
    instance = object.__new__(cls)
    instance.__dict__.update(fields)
    return instance


def _read_top(raw: dict[Any, Any], errors: list[dict[str, str]]) -> dict[str, Any]:
    """``_read_group`` for the top level, where no field depends on another: every default at once,
    then only the answers given and the required ones, in form order (the errors' order).

    A roster row answers 8 of the 21 facts; reading every spec one by one was a fifth of its time.
    """
    group = fact_group()
    position = group.position
    unknown = [key for key in raw if key not in position]
    if unknown:
        _unknown_keys(unknown, "", errors)
    given = [key for key, value in raw.items() if value is not None and key in position]
    wanted = sorted({*given, *group.required}, key=position.__getitem__)
    values = group.defaults.copy()
    if "as_of" in position and raw.get("as_of") is None:
        values["as_of"] = today()
    for key in wanted:
        spec = group.by_key[key]
        try:
            values[key] = _read_value(raw.get(key), spec, key, errors)
        except ValueError as problem:
            del values[key]  # as _read_group: a fact that cannot be read is left out
            errors.append({"field": key, "message": f"{spec['label']}：{problem}"})
    return values


def _read_group(raw: dict[Any, Any], prefix: str, errors: list[dict[str, str]]) -> dict[str, Any]:
    """An object fact's fields (``prefix`` ``"child_event."``), each read only when asked."""
    group = fact_group(prefix)
    fields = group.field_names
    _unknown_keys([key for key in raw if key not in fields], prefix, errors)
    values: dict[str, Any] = {}
    for spec in group.specs:
        key = spec["key"]
        value = raw.get(key)
        if not _asked(spec, values):
            if value is not None:
                errors.append({"field": fields[key], "message": f"{spec['label']}：按上面的选择，这一项不用填"})
            values[key] = None
            continue
        if value is None and not spec["required"]:  # the common case in rosters: answer left out
            values[key] = spec["default"]
            continue
        try:
            values[key] = _read_value(value, spec, fields[key], errors)
        except ValueError as problem:
            errors.append({"field": fields[key], "message": f"{spec['label']}：{problem}"})
    return values


def _asked(spec: dict[str, Any], siblings: dict[str, Any]) -> bool:
    """Whether a field inside a group is asked, given the siblings read before it.

    A sibling that could not be read counts as asking, so the field is still checked."""
    condition = spec["ask_when"]
    if not condition:
        return True
    return all(siblings.get(key) is None or siblings[key] in allowed for key, allowed in condition.items())


def _unknown_keys(keys: list[Any], prefix: str, errors: list[dict[str, str]]) -> None:
    for key in keys[:UNKNOWN_KEYS_LISTED]:
        shown = shorten(str(key))
        errors.append({"field": f"{prefix}{shown}", "message": f"无法识别“{shown}”这一项，请检查名称是否写错"})
    if len(keys) > UNKNOWN_KEYS_LISTED:
        errors.append({"field": prefix.rstrip(".") or "facts",
                       "message": f"还有 {len(keys) - UNKNOWN_KEYS_LISTED} 项无法识别，请只填写本计算器询问的内容"})


def _read_value(value: object, spec: dict[str, Any], field: str, errors: list[dict[str, str]]) -> Any:
    if value is None:
        if spec["required"]:
            raise ValueError("这一项必须填写")
        return today() if spec["key"] == "as_of" else spec["default"]
    kind = spec["type"]
    if kind == "date":
        if not isinstance(value, str):
            raise ValueError("请按年、月、日的顺序填写日期，例如 1965年3月8日")
        return parse_date(value)
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError("请填写“是”（true）或“否”（false）")
        return value
    if kind == "choice":
        return _read_choice(value, spec, field)
    if kind == "int":
        return _read_int(value, spec)
    if not isinstance(value, dict):
        raise ValueError("请填写这一组信息，或不填")
    return _read_group(value, f"{field}.", errors)


def _read_choice(value: object, spec: dict[str, Any], field: str) -> str:
    """A choice's key, given as the key or as a word the form and the roster show (label, aliases)."""
    key = choice_words(field).get(value) if isinstance(value, str) else None
    if key is None:
        labels = "、".join(f"“{choice['label']}”" for choice in spec["choices"])
        raise ValueError(f"请从这几项中选一项：{labels}")
    return key


def _read_int(value: object, spec: dict[str, Any]) -> int:
    if type(value) is not int:
        raise ValueError("请填写一个整数")
    if not spec["min"] <= value <= spec["max"]:
        raise ValueError(f"应在 {spec['min']} 到 {spec['max']} 之间")
    return value
