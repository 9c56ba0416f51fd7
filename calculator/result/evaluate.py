"""``evaluate``: validated facts → every measure's outcome, amounts and the assumptions relied on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from .about import about, set_aside
from ..facts.ages import age_on, chinese_date, is_feb29, today
from .amounts import person_amounts
from ..facts.parse import Facts, parse_facts
from ..notice import departments_of, notice_date
from .next_steps import next_steps
from ..rules import RULES, Context, Outcome
from ..rules.base import ELIGIBLE, NOT_ELIGIBLE
from ..rules.hukou import decision_id
from ..rules.standards import Standards, default_standards

ALWAYS_RELIED_ON = ("age-zhousui", "consistent-answers", "notice-date-first", "unanswered-is-unknown")
ONE_TIME_CLAUSES = ("2.1.2", "2.1.3", "2.1.4")
MONEY_CLAUSES = ("2.1.1", *ONE_TIME_CLAUSES)
MONEY_RULES = tuple(rule for rule in RULES if rule.clause in MONEY_CLAUSES)


def evaluate(facts: object, *, standards: Standards | None = None) -> dict[str, Any]:
    """Evaluate a resident's facts (a JSON-compatible dict) and return a JSON-compatible result.

    The result has ``as_of``, ``age``, ``monthly_special_assistance``, ``possible_monthly``, ``standard``,
    ``bracket``, ``next_bracket``, ``partner``, ``household_monthly``, ``possible_household_monthly``,
    ``household_monthly_times_12``, ``one_time_subsidies``, ``amounts_notice``, ``about`` (what the result
    says once, at its top: family type, ages, 户口, 扶助证), ``next_steps`` (the money line and what to do
    first: :mod:`calculator.result.next_steps`), ``measures`` (all 22
    clauses 2.1.1–2.4.10) and ``assumptions`` (see the README's result table). Raises :class:`FactsError` for invalid facts
    and nothing else. ``standards`` replaces the packaged amounts (see ``load_standards``).
    """
    ctx = _context(facts, standards)
    measures = _measures(ctx)
    amounts = _amounts(ctx, measures)
    return {**amounts, "about": about(ctx), "next_steps": next_steps(ctx, measures, amounts), "measures": measures,
            "assumptions": _relied_on(ctx.facts)}


def evaluate_amounts(facts: object, *, standards: Standards | None = None) -> dict[str, Any]:
    """Like :func:`evaluate`, but only the amounts: everything except ``measures`` and ``assumptions``.

    Runs only the money rules (2.1.1–2.1.4), so it is several times faster: the roster uses it.
    """
    return evaluate_money(facts, standards=standards)[0]


def evaluate_money(facts: object, *, standards: Standards | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """:func:`evaluate_amounts`' result and the money measures' ``{clause, status, amount, standard}``
    (the roster says what a ``needs_assessment`` one still needs)."""
    ctx = _context(facts, standards)
    # Only clause, status and amount are read from these: skip copying reasons and departments.
    outcomes = [{"clause": rule.clause, "status": status, "amount": amount, "standard": standard}
                for rule in MONEY_RULES for status, _, amount, standard, _ in (rule.decide(ctx),)]
    return _amounts(ctx, outcomes), outcomes


def _context(facts: object, standards: Standards | None) -> Context:
    table = standards if standards is not None else default_standards()
    # Nothing of this notice applies before it was issued: one lower limit for every measure,
    # even where a standard (2.1.1's, from 2019) is older (assumption ``notice-date-first``).
    return build_context(parse_facts(facts, max(table.earliest(), notice_date())), table)


def _amounts(ctx: Context, measures: list[dict[str, Any]]) -> dict[str, Any]:
    partner = _partner(ctx)
    people = [ctx.amounts, partner] if partner else [ctx.amounts]
    household = sum(person["monthly_special_assistance"] for person in people)
    possible = sum(person["monthly_special_assistance"] or person["possible_monthly"] or 0 for person in people)
    return {
        "as_of": ctx.facts.as_of.isoformat(),
        **ctx.amounts,
        "partner": partner,
        "household_monthly": household,
        "possible_household_monthly": possible if possible != household else None,
        # This month's amounts times twelve, not a forecast: when a raise within the year is paid from
        # is not in the notice (the README's result table says so).
        "household_monthly_times_12": household * 12,
        "one_time_subsidies": one_time_subsidies(measures),
        "amounts_notice": amounts_notice(ctx.standards, ctx.facts.as_of),
    }


def build_context(facts: Facts, standards: Standards) -> Context:
    """The context every rule reads: facts, standards, ages and the person's 2.1.1 amounts."""
    partner_age = age_on(facts.partner_birth_date, facts.as_of) if facts.partner_birth_date else None
    amounts = person_amounts(facts.birth_date, facts.songjiang_hukou, facts.family_type, facts.as_of, standards)
    as_of_words = "" if facts.as_of == today() else chinese_date(facts.as_of)
    return Context(facts, standards, amounts["age"], partner_age, amounts, as_of_words)


def one_time_subsidies(measures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The eligible one-time subsidies (2.1.2–2.1.4), each paid once per family, with their standard."""
    return [{"clause": m["clause"], "amount": m["amount"], "per": "family", **m["standard"]}
            for m in measures if m["clause"] in ONE_TIME_CLAUSES and m["status"] == ELIGIBLE]


def amounts_notice(standards: Standards, as_of: date) -> dict[str, str] | None:
    """Said when ``as_of`` is later than the day the amounts were last checked: they may have been raised."""
    reviewed = standards.reviewed()
    return None if as_of <= reviewed else {**_notice_for(reviewed)}  # a copy: callers may change results


@cache  # one text per review date; a roster asks on every row
def _notice_for(reviewed: date) -> dict[str, str]:
    text = (f"本站的金额标准核对到 {chinese_date(reviewed)}。通知规定特别扶助金有动态增长机制，此后标准可能已经提高，"
            "实际金额以街镇按现行标准发放的为准。")
    return {"reviewed": reviewed.isoformat(), "text": text}


def _measures(ctx: Context) -> list[dict[str, Any]]:
    """Every rule's outcome as a result record. Each record gets its own lists: callers may mutate them.

    ``[*x]`` rather than ``list(x)``: the same fresh list without a global lookup and call, 66 times
    per evaluation.
    """
    measures = []
    for clause, decide, departments, assumptions in _rule_records():
        status, reasons, amount, standard, to_settle = decide(ctx)
        measure: dict[str, Any] = {
            "clause": clause,
            "status": status,
            "reasons": [*reasons],
            "to_settle": [*to_settle],
            "departments": [*departments],
            "assumptions": [*assumptions],
        }
        if status == NOT_ELIGIBLE and set_aside(clause, ctx.facts):
            measure["aside"] = True
        if amount is not None:
            # Established when eligible; otherwise what it would be once the open questions are settled.
            measure["amount" if status == ELIGIBLE else "possible_amount"] = amount
            measure["standard"] = {**standard}
        measures.append(measure)
    return measures


@cache
def _rule_records() -> tuple[tuple[str, Callable[[Context], Outcome], tuple[str, ...], tuple[str, ...]], ...]:
    """Per rule, what every result repeats: clause, decide, departments and assumptions.

    Built on first use rather than at import, as the departments come from reading the notice.
    """
    return tuple((rule.clause, rule.decide, tuple(departments_of(rule.clause)), _assumptions_of(rule.clause, rule.assumptions))
                 for rule in RULES)


def _assumptions_of(clause: str, named: tuple[str, ...]) -> tuple[str, ...]:
    """The rule's own assumptions, and the one recording whose 户籍 its clause counts (calculator.rules.hukou)."""
    return named if decision_id(clause) in named else (*named, decision_id(clause))


@cache
def _every_result_relies_on() -> tuple[str, ...]:
    """What every result relies on whatever the facts: worked out once, not per evaluation."""
    return tuple(sorted({*ALWAYS_RELIED_ON, *(name for *_, named in _rule_records() for name in named)}))


def _partner(ctx: Context) -> dict[str, Any] | None:
    facts = ctx.facts
    if facts.partner_birth_date is None:
        return None
    return person_amounts(facts.partner_birth_date, facts.partner_songjiang_hukou, facts.family_type, facts.as_of,
                          ctx.standards)


def _relied_on(facts: Facts) -> list[str]:
    if is_feb29(facts.birth_date) or (facts.partner_birth_date and is_feb29(facts.partner_birth_date)):
        return sorted({*_every_result_relies_on(), "feb29-birthday"})
    return list(_every_result_relies_on())
