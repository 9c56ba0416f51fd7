"""Monthly special assistance (2.1.1) for one person: age, amount, bracket and the next bracket."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..facts.ages import age_on, birthday
from ..rules.standards import SPECIAL_ASSISTANCE_CLAUSE, Standards, amount_for_age


def person_amounts(birth: date, hukou: bool | None, family_type: str, as_of: date,
                   standards: Standards) -> dict[str, Any]:
    """``{age, monthly_special_assistance, possible_monthly, standard, bracket, next_bracket}`` on ``as_of``.

    ``monthly_special_assistance`` is established: 本区户籍 answered 是 (else 0). When the 户籍 was not
    answered, ``possible_monthly`` is what it would be if it is 本区 (else None). ``standard`` is
    ``{source, since}`` of the amount, or None without one. ``bracket`` is ``{from_age, to_age}``
    (``to_age`` None for the top bracket) or None under the first bracket; ``next_bracket`` is
    ``{date, age, monthly_special_assistance}``: the birthday the next bracket starts and its amount
    under the standard held for that day (the current one, until a new one is added), or None (also
    when the 户籍 is not answered).
    """
    age = age_on(birth, as_of)
    brackets = standards.brackets(family_type, as_of) if hukou is not False else []
    # From the brackets just looked up rather than standards.monthly, which would look them up again.
    amount = amount_for_age(brackets, age)
    return {
        "age": age,
        "monthly_special_assistance": amount if hukou else 0,
        "possible_monthly": amount if hukou is None and amount else None,
        "standard": standards.standard_of(SPECIAL_ASSISTANCE_CLAUSE, as_of) if amount else None,
        "bracket": _current_bracket(brackets, age),
        # Only about an established amount: a future sentence for an unanswered 户籍 would be one more "if".
        "next_bracket": _next_bracket(brackets, birth, age, family_type, standards) if hukou else None,
    }


def _current_bracket(brackets: list[tuple[int, int]], age: int) -> dict[str, int | None] | None:
    current = None
    for index, (from_age, _) in enumerate(brackets):
        if age >= from_age:
            to_age = brackets[index + 1][0] - 1 if index + 1 < len(brackets) else None
            current = {"from_age": from_age, "to_age": to_age}
    return current


def _next_bracket(brackets: list[tuple[int, int]], birth: date, age: int, family_type: str,
                  standards: Standards) -> dict[str, Any] | None:
    for from_age, _ in brackets:
        if from_age > age:
            starts = birthday(birth, from_age)
            amount = standards.monthly(family_type, from_age, starts)
            return {"date": starts.isoformat(), "age": from_age, "monthly_special_assistance": amount}
    return None
