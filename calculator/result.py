"""``evaluate``: validated facts → every measure's outcome, amounts and the assumptions relied on."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from .ages import age_on, is_feb29
from .amounts import person_amounts
from .facts import Facts, parse_facts
from .policy import departments_of
from .rules import RULES, Context, Outcome
from .rules.base import ELIGIBLE
from .standards import Standards, default_standards

ALWAYS_RELIED_ON = ("age-zhousui",)
ONE_TIME_CLAUSES = ("2.1.2", "2.1.3", "2.1.4")
MONEY_CLAUSES = ("2.1.1", *ONE_TIME_CLAUSES)
MONEY_RULES = tuple(rule for rule in RULES if rule.clause in MONEY_CLAUSES)
# What every result relies on whatever the facts: worked out once, not per evaluation.
EVERY_RESULT_RELIES_ON = tuple(sorted({*ALWAYS_RELIED_ON, *(name for rule in RULES for name in rule.assumptions)}))


def evaluate(facts: object, *, standards: Standards | None = None) -> dict[str, Any]:
    """Evaluate a resident's facts (a JSON-compatible dict) and return a JSON-compatible result.

    The result has ``as_of``, ``age``, ``monthly_special_assistance``, ``bracket``, ``next_bracket``,
    ``partner``, ``household_monthly``, ``household_yearly``, ``one_time_subsidies``, ``measures``
    (all 22 clauses 2.1.1–2.4.10) and ``assumptions``. Raises :class:`FactsError` for invalid facts
    and nothing else. ``standards`` replaces the packaged amounts (see ``load_standards``).
    """
    ctx = _context(facts, standards)
    measures = _measures(ctx)
    return {**_amounts(ctx, measures), "measures": measures, "assumptions": _relied_on(ctx.facts)}


def evaluate_amounts(facts: object, *, standards: Standards | None = None) -> dict[str, Any]:
    """Like :func:`evaluate`, but only the amounts: everything except ``measures`` and ``assumptions``.

    Runs only the money rules (2.1.1–2.1.4), so it is several times faster: the roster uses it.
    """
    ctx = _context(facts, standards)
    # Only clause, status and amount are read from these: skip copying reasons and departments.
    outcomes = [{"clause": rule.clause, "status": status, "amount": amount}
                for rule in MONEY_RULES for status, _, amount in (rule.decide(ctx),)]
    return _amounts(ctx, outcomes)


def _context(facts: object, standards: Standards | None) -> Context:
    table = standards if standards is not None else default_standards()
    return build_context(parse_facts(facts, table.earliest()), table)


def _amounts(ctx: Context, measures: list[dict[str, Any]]) -> dict[str, Any]:
    partner = _partner(ctx.facts, ctx.standards)
    household = ctx.amounts["monthly_special_assistance"] + (partner["monthly_special_assistance"] if partner else 0)
    return {
        "as_of": ctx.facts.as_of.isoformat(),
        **ctx.amounts,
        "partner": partner,
        "household_monthly": household,
        "household_yearly": household * 12,
        "one_time_subsidies": one_time_subsidies(measures),
    }


def build_context(facts: Facts, standards: Standards) -> Context:
    """The context every rule reads: facts, standards, ages and the person's 2.1.1 amounts."""
    partner_age = age_on(facts.partner_birth_date, facts.as_of) if facts.partner_birth_date else None
    amounts = person_amounts(facts.birth_date, facts.songjiang_hukou, facts.family_type, facts.as_of, standards)
    return Context(facts, standards, amounts["age"], partner_age, amounts)


def one_time_subsidies(measures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The eligible one-time subsidies (2.1.2–2.1.4), each paid once per family."""
    return [{"clause": m["clause"], "amount": m["amount"], "per": "family"}
            for m in measures if m["clause"] in ONE_TIME_CLAUSES and m["status"] == ELIGIBLE]


def _measures(ctx: Context) -> list[dict[str, Any]]:
    """Every rule's outcome as a result record. Each record gets its own lists: callers may mutate them.

    ``[*x]`` rather than ``list(x)``: the same fresh list without a global lookup and call, 66 times
    per evaluation.
    """
    measures = []
    for clause, decide, departments, assumptions in _rule_records():
        status, reasons, amount = decide(ctx)
        measure: dict[str, Any] = {
            "clause": clause,
            "status": status,
            "reasons": [*reasons],
            "departments": [*departments],
            "assumptions": [*assumptions],
        }
        if amount is not None:
            measure["amount"] = amount
        measures.append(measure)
    return measures


@cache
def _rule_records() -> tuple[tuple[str, Callable[[Context], Outcome], tuple[str, ...], tuple[str, ...]], ...]:
    """Per rule, what every result repeats: clause, decide, departments and assumptions.

    Built on first use rather than at import, as the departments come from reading the notice.
    """
    return tuple((rule.clause, rule.decide, tuple(departments_of(rule.clause)), rule.assumptions) for rule in RULES)


def _partner(facts: Facts, standards: Standards) -> dict[str, Any] | None:
    if facts.partner_birth_date is None:
        return None
    hukou = facts.songjiang_hukou if facts.partner_songjiang_hukou is None else facts.partner_songjiang_hukou
    return person_amounts(facts.partner_birth_date, hukou, facts.family_type, facts.as_of, standards)


def _relied_on(facts: Facts) -> list[str]:
    extra = []
    if is_feb29(facts.birth_date) or (facts.partner_birth_date and is_feb29(facts.partner_birth_date)):
        extra.append("feb29-birthday")
    if facts.partner_birth_date and facts.partner_songjiang_hukou is None:
        extra.append("partner-same-hukou")
    if not extra:
        return list(EVERY_RESULT_RELIES_ON)
    return sorted({*EVERY_RESULT_RELIES_ON, *extra})
