"""What a result says once, at its top: the family type, the age, the 户口, the 扶助证.

WORDS.md: a fact about the family is said once ("以下按“独生子女死亡家庭”的政策测算"), never in every
measure's reasons; the rules' shared conditions (``Condition.shared``) leave it to these sentences.
Also which not-eligible measures are "其他帮扶": help for another situation, or that the person said
they do not need (another child, adoption), listed apart so they do not read as a rejection.
"""

from __future__ import annotations

from collections.abc import Callable

from ..facts.ages import age_on
from ..facts.parse import Facts
from ..rules.base import ELDERLY_AGE, RECIPIENT_AGE, Context
from ..vocabulary import SPECIAL_FAMILY_TYPES, family_label, load_words


def about(ctx: Context) -> list[str]:
    """The sentences a result starts with, each said once."""
    facts = ctx.facts
    special = facts.family_type in SPECIAL_FAMILY_TYPES
    sentences = [_family(facts.family_type), *_ages(ctx)]
    if special and facts.songjiang_hukou and ctx.age >= RECIPIENT_AGE:
        sentences.append(f"您的户口在松江区，是特别扶助对象（{_gloss('特别扶助对象')}）。")
    else:
        sentences += _hukou(facts.songjiang_hukou, facts.partner_songjiang_hukou if special else False)
    if special:
        sentences += _partner_hukou(facts.songjiang_hukou, facts.partner_songjiang_hukou)
    if special and (facts.songjiang_hukou is not False or facts.partner_songjiang_hukou is not False):
        sentences.append(_certificate(facts.special_assistance_cert))
    return sentences


def _family(family_type: str) -> str:
    if family_type in SPECIAL_FAMILY_TYPES:
        return f"以下按“{family_label(family_type)}”的政策测算。"
    return f"您选的是“{family_label(family_type)}”。通知的帮扶大多是给独生子女伤残或去世的家庭的。"


def _ages(ctx: Context) -> list[str]:
    when = f"按计算日期（{ctx.as_of_words}），您" if ctx.as_of_words else "您现在"
    ages = [f"{when} {ctx.age} 周岁（{_gloss('周岁')}）。"]
    if ctx.partner_age is not None:
        ages.append(f"您的配偶 {ctx.partner_age} 周岁。")
    return ages


def _hukou(answer: bool | None, partner: bool | None) -> list[str]:
    if answer:
        return ["您的户口在松江区。"]
    if answer is False and partner:
        return ["您的户口不在松江区。"]
    if answer is False:
        # What the person can do comes with what they cannot (WORDS.md: help, not a verdict).
        return ["您的户口不在松江区，这里的帮扶大多要求松江户口。",
                f"您户口所在的区有什么帮扶，可以拨打 {load_words()['offices']['hotline']}问一问。"]
    return ["您还没有说户口是否在松江区，多数帮扶要看这一点。"]


def _partner_hukou(own: bool | None, partner: bool | None) -> list[str]:
    """The partner's 户口, said once: family measures count either spouse's (calculator.rules.hukou)."""
    if partner:
        also = "也" if own else ""
        return [f"您的配偶户口{also}在松江区。"] + ([] if own else ["给全家的帮扶，一方户口在松江就可以。"])
    if partner is False:
        return ["您的配偶户口也不在松江区。" if own is False else "您的配偶户口不在松江区。"]
    # Not answered: the family measures' own open question asks for it (the top stays short on a phone).
    return []


def _certificate(held: bool | None) -> str:
    cert = load_words()["certificates"]["assistance"]
    if held:
        return f"您有{cert['short']}（{cert['full']}），办理时请带上。"
    if held is False:
        return f"您还没有{cert['short']}（{cert['full']}）。"
    return f"{cert['short']}就是{cert['full']}。"


def _gloss(term: str) -> str:
    return next(entry["say"] for entry in load_words()["glossary"] if entry["term"] == term)


def _no(answer: bool | None) -> bool:
    return answer is False


def _accident_other_than(facts: Facts, *, under_16: bool) -> bool:
    """The child's event is known and is not this subsidy's (no accident, or the other age group)."""
    event = facts.child_event
    if event is None:
        return False
    if event.kind not in ("accidental_death", "accidental_disability"):
        return True
    return event.child_age is not None and (event.child_age < 16) != under_16


def _both_under_60(facts: Facts) -> bool:
    """Neither parent is in the age group of the elderly measures (a not-eligible one only)."""
    partner = facts.partner_birth_date
    return age_on(facts.birth_date, facts.as_of) < ELDERLY_AGE and (
        partner is None or age_on(partner, facts.as_of) < ELDERLY_AGE)


# Not-eligible measures listed under "其他帮扶": the family's situation is another one, or the person
# said no to what the measure is for. Each test reads only answered facts (an unanswered one is never 否).
ASIDE: dict[str, Callable[[Facts], bool]] = {
    "2.1.2": lambda facts: _accident_other_than(facts, under_16=True),
    "2.1.3": lambda facts: _accident_other_than(facts, under_16=False),
    "2.1.4": lambda facts: facts.child_event is not None and facts.child_event.kind != "serious_illness",
    "2.2.1": lambda facts: _no(facts.needs_care) or _both_under_60(facts),
    "2.2.2": lambda facts: _no(facts.self_care_difficulty) or _both_under_60(facts),
    "2.2.3": lambda facts: _no(facts.low_income),
    "2.3.1": lambda facts: _no(facts.low_income),
    "2.3.2": lambda facts: _no(facts.wants_another_child),
    "2.4.2": lambda facts: _no(facts.housing_difficulty),
    "2.4.3": lambda facts: _no(facts.property_inheritance) or facts.family_type == "child_disabled",
    "2.2.5": lambda facts: facts.family_type == "child_disabled",  # for bereaved families
    "2.4.4": lambda facts: _no(facts.wants_to_adopt) or facts.family_type == "child_disabled",
    "2.4.5": lambda facts: facts.family_type != "child_disabled",
    "2.4.8": lambda facts: _no(facts.lacks_capacity),
    "2.4.10": lambda facts: _no(facts.unemployed),
}


def set_aside(clause: str, facts: Facts) -> bool:
    """Whether a not-eligible measure belongs under "其他帮扶" rather than "暂不符合"."""
    test = ASIDE.get(clause)
    return test is not None and test(facts)
