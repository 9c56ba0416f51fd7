"""Validate a resident's facts (a JSON-compatible dict) into a typed :class:`Facts`.

Types, labels, choices and defaults come from ``data/facts.toml`` (see :mod:`calculator.questions`);
this module adds the checks between facts (dates in order, ages that make sense). Every problem
is collected, then raised at once as one :class:`FactsError`.
"""

from __future__ import annotations


from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from .ages import age_on, parse_date
from .errors import FactsError
from .questions import fact_specs

T = TypeVar("T")
LATEST_AS_OF = date(2099, 12, 31)
OLDEST_AGE = 130


@dataclass(frozen=True)
class ChildEvent:
    """What happened to the only child, and the child's age (周岁) then."""

    kind: str
    child_age: int
    child_married: bool | None
    pledge_no_more_children: bool | None


@dataclass(frozen=True)
class Facts:
    """Validated facts; an optional bool is ``None`` when not answered."""

    as_of: date
    birth_date: date
    family_type: str
    songjiang_hukou: bool
    partner_birth_date: date | None
    partner_songjiang_hukou: bool | None
    special_assistance_cert: bool
    honor_cert: bool
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

    ``earliest`` is the first date the calculator holds standards for; ``as_of`` may not precede it.
    """
    if not isinstance(raw, dict):
        raise FactsError([{"field": "facts", "message": "请提供一组信息（JSON 对象），例如 {\"birth_date\": \"1960-05-01\"}"}])
    errors: list[dict[str, str]] = []
    values = _read_group(raw, fact_specs(), "", errors)
    _check_dates(values, earliest, errors)
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


def _read_group(raw: dict[Any, Any], specs: tuple[dict[str, Any], ...] | list[dict[str, Any]],
                prefix: str, errors: list[dict[str, str]]) -> dict[str, Any]:
    fields = _field_names(specs, prefix)
    for key in raw:
        if key not in fields:
            errors.append({"field": f"{prefix}{key}", "message": f"无法识别“{key}”这一项，请检查名称是否写错"})
    values: dict[str, Any] = {}
    for spec in specs:
        key = spec["key"]
        value = raw.get(key)
        if value is None and not spec["required"]:  # the common case in rosters: answer left out
            values[key] = date.today() if key == "as_of" else spec["default"]
            continue
        try:
            values[key] = _read_value(value, spec, fields[key], errors)
        except ValueError as problem:
            errors.append({"field": fields[key], "message": f"{spec['label']}：{problem}"})
    return values


_FIELD_NAMES: dict[tuple[int, str], tuple[object, dict[str, str]]] = {}


def _field_names(specs: tuple[dict[str, Any], ...] | list[dict[str, Any]], prefix: str) -> dict[str, str]:
    """Each key's field name in error messages (``child_event.kind``), worked out once per spec group:
    rosters ask for it on every row. Keyed by identity, and checked, as spec lists are not hashable."""
    cached = _FIELD_NAMES.get((id(specs), prefix))
    if cached is None or cached[0] is not specs:
        cached = (specs, {spec["key"]: f"{prefix}{spec['key']}" for spec in specs})
        _FIELD_NAMES[(id(specs), prefix)] = cached
    return cached[1]


def _read_value(value: object, spec: dict[str, Any], field: str, errors: list[dict[str, str]]) -> Any:
    if value is None:
        if spec["required"]:
            raise ValueError("这一项必须填写")
        return date.today() if spec["key"] == "as_of" else spec["default"]
    kind = spec["type"]
    if kind == "date":
        if not isinstance(value, str):
            raise ValueError("请按“年-月-日”填写日期，例如 1965-03-08")
        return parse_date(value)
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError("请填写“是”（true）或“否”（false）")
        return value
    if kind == "choice":
        return _read_choice(value, spec)
    if kind == "int":
        return _read_int(value, spec)
    if not isinstance(value, dict):
        raise ValueError("请填写这一组信息，或不填")
    return _read_group(value, spec["fields"], f"{field}.", errors)


def _read_choice(value: object, spec: dict[str, Any]) -> str:
    allowed = [choice["value"] for choice in spec["choices"]]
    if value not in allowed:
        labels = "、".join(f"“{choice['label']}”（{choice['value']}）" for choice in spec["choices"])
        raise ValueError(f"请从这几项中选一项：{labels}")
    return str(value)


def _read_int(value: object, spec: dict[str, Any]) -> int:
    if type(value) is not int:
        raise ValueError("请填写一个整数")
    if not spec["min"] <= value <= spec["max"]:
        raise ValueError(f"应在 {spec['min']} 到 {spec['max']} 之间")
    return value


def _check_dates(values: dict[str, Any], earliest: date, errors: list[dict[str, str]]) -> None:
    as_of = values.get("as_of")
    if as_of is None:
        return
    if not earliest <= as_of <= LATEST_AS_OF:
        bound = f"本计算器只收录 {earliest.isoformat()} 起的标准，请选择这一天或以后的日期" if as_of < earliest \
            else f"不能晚于 {LATEST_AS_OF.isoformat()}"
        errors.append({"field": "as_of", "message": f"计算日期：{bound}"})
        return
    for field, label in (("birth_date", "出生日期"), ("partner_birth_date", "配偶出生日期")):
        if values.get(field) is not None:
            _check_birth(values[field], as_of, field, label, errors)
    event, birth = values.get("child_event"), values.get("birth_date")
    if event and birth and birth <= as_of and event.get("child_age") is not None \
            and event["child_age"] >= age_on(birth, as_of):
        errors.append({"field": "child_event.child_age", "message": "子女当时的年龄：应小于您现在的年龄，请核对"})


def _check_birth(birth: date, as_of: date, field: str, label: str, errors: list[dict[str, str]]) -> None:
    if birth > as_of:
        errors.append({"field": field, "message": f"{label}：不能晚于计算日期 {as_of.isoformat()}"})
    elif age_on(birth, as_of) > OLDEST_AGE:
        errors.append({"field": field, "message": f"{label}：按这个日期年龄超过 {OLDEST_AGE} 岁，请核对"})
