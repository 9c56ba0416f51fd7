"""Checks between facts: dates in range and in order, ages that make sense, answers that agree.

Each fact may be valid on its own and still contradict another: a 伤残 family whose child died,
a pledge never to have another child next to a wish to have one, a child nearly as old as the
parent. Such facts would be paid on a reading that cannot be true, so they are refused, each
with a Chinese message on the field that conflicts (assumption ``consistent-answers``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .ages import age_on, chinese_date
from ..vocabulary import SPECIAL_FAMILY_TYPES, family_label

LATEST_AS_OF = date(2099, 12, 31)
OLDEST_AGE = 130
# A parent is taken to have been at least this old at the child's birth: a plausibility bound,
# not a legal one (assumption ``consistent-answers``).
MIN_PARENT_AGE_AT_BIRTH = 16
DEATHS = frozenset({"accidental_death", "illness_death"})
NO_EVENT = "none"
# The child events that can go with each family type. A 死亡 family's child died; a 伤残 family's
# child is alive; a family that is neither may still have a child hurt in an accident or seriously ill.
KINDS_BY_FAMILY = {
    "child_deceased": frozenset(DEATHS),
    "child_disabled": frozenset({"accidental_disability", "serious_illness", NO_EVENT}),
    "none": frozenset({"accidental_disability", "serious_illness", NO_EVENT}),
}

Errors = list[dict[str, str]]


def check_consistency(values: dict[str, Any], earliest: date, errors: Errors) -> None:
    """Append an error for every contradiction among already-read ``values``.

    ``values`` may lack facts that could not be read; checks that need them are skipped.
    """
    as_of = values.get("as_of")
    if as_of is None or not as_of_in_range(as_of, earliest, errors):
        return
    ages_ok = all([_check_person(values, "birth_date", "出生日期", "您", errors),
                   _check_person(values, "partner_birth_date", "配偶出生日期", "您的配偶", errors)])
    event = values.get("child_event")
    if event:
        _check_event_kind(values.get("family_type"), event, errors)
        _check_pledge(values, event, errors)
        if ages_ok and values.get("birth_date") is not None:
            _check_child_age(values["birth_date"], as_of, event, errors)


def as_of_in_range(as_of: date, earliest: date, errors: Errors) -> bool:
    """Whether ``as_of`` is a day the calculator calculates for; if not, append why."""
    if as_of < earliest:
        message = f"计算日期：本站按 {chinese_date(earliest)} 印发的通知计算，请填这一天或以后的日期"
    elif as_of > LATEST_AS_OF:
        message = f"计算日期：不能晚于 {chinese_date(LATEST_AS_OF)}"
    else:
        return True
    errors.append({"field": "as_of", "message": message})
    return False


def _check_person(values: dict[str, Any], field: str, label: str, who: str, errors: Errors) -> bool:
    """A birth date on or before ``as_of``, an age a person can have, and old enough to be a parent."""
    birth, as_of = values.get(field), values["as_of"]
    if birth is None:
        return True
    if birth > as_of:
        errors.append({"field": field, "message": f"{label}：不能晚于计算日期（{chinese_date(as_of)}）"})
        return False
    age = age_on(birth, as_of)
    if age > OLDEST_AGE:
        errors.append({"field": field, "message": f"{label}：按这个日期年龄超过 {OLDEST_AGE} 岁，请核对"})
        return False
    family_type = values.get("family_type", "")
    family = family_label(family_type) if family_type in SPECIAL_FAMILY_TYPES else ""
    if family and age < MIN_PARENT_AGE_AT_BIRTH:
        errors.append({"field": field, "message": f"{label}：按这个日期{who}只有 {age} 周岁，"
                                                  f"不像是{family}的父母，请核对出生日期或家庭类别"})
        return False
    return True


def _check_event_kind(family_type: str | None, event: dict[str, Any], errors: Errors) -> None:
    kind = event.get("kind")
    if family_type not in KINDS_BY_FAMILY or kind is None or kind in KINDS_BY_FAMILY[family_type]:
        return
    if family_type == "child_deceased":
        message = f"发生了什么：您选的是“{family_label(family_type)}”，请选孩子是“意外去世”还是“因病去世”"
    else:
        message = f"发生了什么：孩子已去世的，家庭类别请选“{family_label('child_deceased')}”"
    errors.append({"field": "child_event.kind", "message": message})


def _check_pledge(values: dict[str, Any], event: dict[str, Any], errors: Errors) -> None:
    if event.get("pledge_no_more_children") is not True:
        return
    for key, label in (("wants_another_child", "有再生育意愿"), ("wants_to_adopt", "有收养子女意愿")):
        if values.get(key) is True:
            errors.append({"field": key, "message": f"{label}：您填写了夫妻承诺不再生育和收养子女，"
                                                    "这两项不能都选“是”，请核对其中一项"})


def _check_child_age(birth: date, as_of: date, event: dict[str, Any], errors: Errors) -> None:
    """The event lies between the child's birth and ``as_of``; the parent was old enough at the birth."""
    child_age, on = event.get("child_age"), event.get("date")
    if on is not None and on > as_of:
        errors.append({"field": "child_event.date", "message": f"发生日期：不能晚于计算日期（{chinese_date(as_of)}）"})
        return
    if child_age is None:
        return
    if on is not None and on < birth:
        errors.append({"field": "child_event.date", "message": "发生日期：早于您的出生日期，请核对"})
        return
    parent_age = age_on(birth, on if on is not None else as_of)
    if parent_age >= child_age + MIN_PARENT_AGE_AT_BIRTH:
        return
    when = f"在发生日期（{chinese_date(on)}）" if on is not None else f"在计算日期（{chinese_date(as_of)}）"
    errors.append({"field": "child_event.child_age",
                   "message": f"子女当时的年龄：孩子当时 {child_age} 周岁，而您{when}只有 {parent_age} 周岁；"
                              f"父母生孩子时至少应满 {MIN_PARENT_AGE_AT_BIRTH} 周岁，请核对"})
