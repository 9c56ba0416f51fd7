"""Whose 户籍 counts, clause by clause: the one place the rules ask about 本区户口.

Each clause's reading is recorded in ``data/assumptions.toml`` (an assumption with a ``hukou`` kind
and the clause's own ``words``), and :func:`hukou` applies it:

- ``person``: the person's own 户口 (每人每月, a 特别扶助对象 or 老人 themself);
- ``either``: the family's — the person's or the partner's 户口 is enough (家庭, 父母, 每户一次);
- ``recipient``: a 本区, 49+ member of the household (2.2.3 特别扶助对象家庭);
- ``elder-or-ill``: a 本区 member aged 60+, or a critically ill member in a 本区 family (2.4.6);
- ``child``: the child's own, checked by the department (2.4.5): the parents' does not decide.

An answer left out is unknown, never 否: a partner's 户口 not answered, with a person who is not
本区, leaves a family measure open (``needs_assessment``). A partner's answers count whether or not
the partner's birth date is given; only an age test needs that date.
"""

from __future__ import annotations

from functools import cache

from .assumptions import assumptions
from .base import ELDERLY_AGE, RECIPIENT_AGE, Condition, Context, all_of, any_of

PERSON, EITHER, RECIPIENT, ELDER_OR_ILL, CHILD = "person", "either", "recipient", "elder-or-ill", "child"
KINDS = (PERSON, EITHER, RECIPIENT, ELDER_OR_ILL, CHILD)


@cache
def decisions() -> dict[str, tuple[str, str]]:
    """clause → (kind, assumption id), from ``data/assumptions.toml`` (read on first use)."""
    found = {}
    for item in assumptions():
        if "hukou" in item:
            clauses = item["clause"] if isinstance(item["clause"], list) else [item["clause"]]
            found.update({clause: (item["hukou"], item["id"]) for clause in clauses})
    return found


def whose(clause: str) -> str:
    """The kind of 户籍 test ``clause`` asks for (one of :data:`KINDS`)."""
    return decisions()[clause][0]


def decision_id(clause: str) -> str:
    """The id of the assumption that records ``clause``'s reading."""
    return decisions()[clause][1]


# The facts said once at the result's top (calculator.result.about): held → no sentence of its own.
HELD = Condition(True, "", "", "", True)
PERSON_HUKOU = {True: HELD,
                False: Condition(False, "", "这项帮扶看本人的户口，要求在松江区。", "", True),
                None: Condition(None, "", "", "要看户口是否在松江区。", True)}
FAMILY_NOT_HUKOU = Condition(False, "", "这项帮扶要求您或配偶的户口在松江区。", "", True)
PARTNER_UNKNOWN = Condition(None, "", "", "要看配偶的户口是否在松江区。", True)
BOTH_UNKNOWN = Condition(None, "", "", "要看您或配偶的户口是否在松江区。", True)


def hukou(ctx: Context, clause: str) -> Condition:
    """The 户籍 condition of ``clause``, as its recorded reading has it."""
    kind = whose(clause)
    if kind == PERSON:
        return PERSON_HUKOU[ctx.facts.songjiang_hukou]
    if kind == EITHER:
        return family_hukou(ctx)
    if kind == RECIPIENT:
        return _recipient(ctx)
    if kind == ELDER_OR_ILL:
        return _elder_or_ill(ctx)
    return HELD  # CHILD: the department checks the child's own 户口


def family_answer(ctx: Context) -> bool | None:
    """Whether the person or the partner is 本区 (None: not known)."""
    return any_of(ctx.facts.songjiang_hukou, ctx.facts.partner_songjiang_hukou)


def family_hukou(ctx: Context) -> Condition:
    """Either spouse's 本区户口 is enough."""
    own, partner = ctx.facts.songjiang_hukou, ctx.facts.partner_songjiang_hukou
    held = any_of(own, partner)
    if held:
        return HELD
    if held is False:
        return FAMILY_NOT_HUKOU
    if own is False:
        return PARTNER_UNKNOWN
    return PERSON_HUKOU[None] if partner is False else BOTH_UNKNOWN


def _at_least(age: int | None, years: int) -> bool | None:
    return None if age is None else age >= years


def _recipient(ctx: Context) -> Condition:
    """A member who is 本区 and 49+ (assumption ``household-recipient``)."""
    own = all_of(ctx.facts.songjiang_hukou, ctx.age >= RECIPIENT_AGE)
    partner = all_of(ctx.facts.partner_songjiang_hukou, _at_least(ctx.partner_age, RECIPIENT_AGE))
    if own:
        return HELD
    if partner:
        return _partner_met(RECIPIENT_AGE)
    if any_of(own, partner) is None:
        return _member_unknown(ctx, RECIPIENT_AGE, "这项帮扶要看您或配偶是不是特别扶助对象")
    return _member_unmet(ctx, RECIPIENT_AGE, f"这项帮扶要求您或配偶户口在松江区、年满{RECIPIENT_AGE}周岁")


CRITICALLY_ILL = Condition(True, "您说家里有人经医院认定患危重疾病、不能逆转。", "")
NEITHER_ELDER_NOR_ILL = Condition(False, "", "这项帮扶要求家里有本区户口、年满60周岁的老人，或有人患危重疾病。")


def _elder_or_ill(ctx: Context) -> Condition:
    """家庭成员至少一方为本区户籍的老年人或医学认定身患危重疾病不能逆转的 (assumption ``hukou-elder-or-ill``)."""
    own = all_of(ctx.facts.songjiang_hukou, ctx.age >= ELDERLY_AGE)
    partner = all_of(ctx.facts.partner_songjiang_hukou, _at_least(ctx.partner_age, ELDERLY_AGE))
    family = family_answer(ctx)
    ill = all_of(family, ctx.facts.critical_illness)
    if own:
        return HELD
    if partner:
        return _partner_met(ELDERLY_AGE)
    if ill:
        return CRITICALLY_ILL
    if any_of(own, partner, ill) is None:
        return _member_unknown(ctx, ELDERLY_AGE, "这项帮扶要看家里有没有本区户口的老人或危重病人", ill=True)
    # Name only what differs: with neither spouse 本区, the 户口 alone (an ill member would not do either).
    return FAMILY_NOT_HUKOU if family is False else NEITHER_ELDER_NOR_ILL


@cache
def _partner_met(years: int) -> Condition:
    # The partner's 户口 is said once at the top (calculator.result.about); the age is this measure's own.
    return Condition(True, f"您的配偶已满 {years} 周岁。", "")


def _member_unknown(ctx: Context, years: int, lead: str, *, ill: bool = False) -> Condition:
    """What to tell so that a member's 户口 and age (and a critical illness) can be checked."""
    facts = ctx.facts
    missing = []
    if facts.songjiang_hukou is None and ctx.age >= years:
        missing.append("您的户口")
    if facts.partner_songjiang_hukou is None and _at_least(ctx.partner_age, years) is not False:
        missing.append("配偶的户口")
    if ctx.partner_age is None and facts.partner_songjiang_hukou is not False:
        missing.append("配偶的出生日期")
    if ill and facts.critical_illness is None:
        missing.append("家里有没有人患危重疾病")
    return _unknown(lead, tuple(missing))


@cache
def _unknown(lead: str, missing: tuple[str, ...]) -> Condition:
    asked = "、".join(missing) if missing else "您家的情况"
    return Condition(None, "", "", f"{lead}，要看{asked}。")


def _member_unmet(ctx: Context, years: int, lead: str) -> Condition:
    """Not met: the requirement, then only the facts that differ from it (each spouse's first)."""
    facts = ctx.facts
    if facts.songjiang_hukou is False and facts.partner_songjiang_hukou is False:
        return FAMILY_NOT_HUKOU  # the 户口 alone differs, and the result's top says both
    own = "您本人的户口不在松江区" if facts.songjiang_hukou is False else f"您还不满{years}周岁"
    if facts.partner_songjiang_hukou is False:
        return _unmet(lead, (own, "配偶的户口不在松江区"))
    if ctx.partner_age is not None and ctx.partner_age < years:
        both = own == f"您还不满{years}周岁"
        return _unmet(lead, (f"您和配偶都还不满{years}周岁",) if both else (own, f"配偶还不满{years}周岁"))
    return _unmet(lead, (own,))


@cache
def _unmet(lead: str, differs: tuple[str, ...]) -> Condition:
    return Condition(False, "", f"{lead}：{'，'.join(differs)}。" if differs else f"{lead}。")
