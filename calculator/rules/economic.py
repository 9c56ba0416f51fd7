"""二（一）经济扶助: the monthly special assistance (2.1.1) and the one-time subsidies (2.1.2–2.1.4).

An amount is stated only when there is one: as established when every condition holds, as a
conditional ("如果…") when an answer is missing, always with the standard it comes from.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from ..facts.ages import chinese_date
from ..facts.spec import kind_label
from ..notice import clauses_by_id
from ..result.bring import bring_text
from .base import Condition, Context, Outcome, Question, all_held, judge, rule
from .conditions import AGE_CACHE_SIZE, honor_cert, recipient_age, special_family
from .hukou import hukou

ACCIDENTS = ("accidental_death", "accidental_disability")  # labels: facts.toml (kind_label)
ASK_HEALTH = "也可以向区卫生健康委咨询。"


def _title(clause: str) -> str:
    """The help's own short title (the policy source's), to name it instead of its number."""
    return clauses_by_id()[clause]["title"]


def standard_words(standard: dict[str, str]) -> str:
    """"标准：沪卫规〔2019〕6号，2019年1月1日起。" (a sentence of its own: the amount's sentence stays short)."""
    return _standard_words(standard["source"], standard["since"])


@lru_cache(maxsize=64)  # a few standards, named in most results (a roster: on every row)
def _standard_words(source: str, since: str) -> str:
    return f"标准：{source}，{chinese_date(date.fromisoformat(since))}起。"


@rule("2.1.1", "age-zhousui", "each-parent-own-age", "recipient-means-49-plus", "amounts-reviewed")
def monthly_special_assistance(ctx: Context) -> Outcome:
    """Clause 2.1.1: the monthly amount for the family type and age bracket."""
    amounts = ctx.amounts
    amount = amounts["monthly_special_assistance"] or amounts["possible_monthly"]
    conditions = [special_family(ctx), hukou(ctx, "2.1.1"), recipient_age(ctx)]
    upcoming = _next_bracket_text(ctx)
    if all_held(conditions):
        step = (f"按规定每人每月 {amount} 元（以审核为准）。{standard_words(amounts['standard'])}"
                f"{bring_text('2.1.1')}{upcoming}")
    elif amount:
        step = (f"户口在松江区的，按规定每人每月 {amount} 元（以审核为准）。{standard_words(amounts['standard'])}"
                f"{bring_text('2.1.1')}")
    else:
        step = bring_text("2.1.1")
    return judge(conditions, step, amount=amount or None, standard=amounts["standard"], otherwise=upcoming)


def _next_bracket_text(ctx: Context) -> str:
    upcoming = ctx.amounts["next_bracket"]
    if upcoming is None or not (ctx.special_family and ctx.facts.songjiang_hukou):
        return ""
    starts = chinese_date(date.fromisoformat(upcoming["date"]))
    # Not "from this day": the notice does not say from which day (or month) a new bracket is paid.
    return (f"您 {starts}满 {upcoming['age']} 周岁。"
            f"满 {upcoming['age']} 周岁后，按现行标准每月 {upcoming['monthly_special_assistance']} 元（以审核为准）。")


@rule("2.1.2", "honor-cert-is-a-condition", "one-time-per-family", "accident-covers-disability-and-death",
      "child-16-is-over-16", "one-time-standard-dates", "amounts-reviewed")
def one_time_child_under_16(ctx: Context) -> Outcome:
    """Clause 2.1.2: accident before the child's 16th birthday, with the pledge."""
    conditions = [hukou(ctx, "2.1.2"), honor_cert(ctx), _accident(ctx)]
    event = ctx.facts.child_event
    if event is not None and event.kind in ACCIDENTS:
        conditions.append(_child_under_16(event.child_age))
        conditions.append(_pledge(ctx, event.pledge_no_more_children))
    elif event is None and (ctx.facts.wants_another_child or ctx.facts.wants_to_adopt):
        conditions.append(_pledge(ctx, None))  # the resident's own wish rules the pledge out already
    return _one_time("2.1.2", ctx, conditions)


WANTS_ANOTHER = Condition(False, "", "这项补助要求夫妻承诺不再生育和收养，您说还想再生育。")
WANTS_TO_ADOPT = Condition(False, "", "这项补助要求夫妻承诺不再生育和收养，您说想收养孩子。")


def _pledge(ctx: Context, pledged: bool | None) -> Condition:
    """The pledge; not answered, it is still ruled out by the resident's own wish for another child or to adopt."""
    if pledged is None and ctx.facts.wants_another_child:
        return WANTS_ANOTHER
    if pledged is None and ctx.facts.wants_to_adopt:
        return WANTS_TO_ADOPT
    return PLEDGE.on(pledged)


PLEDGE = Question("夫妻自愿承诺不再生育和收养子女。", "这项补助要求夫妻承诺不再生育和收养，您说没有这项承诺。",
                  "这项补助要求夫妻承诺不再生育和收养，要看是否作过承诺。")


@lru_cache(maxsize=AGE_CACHE_SIZE)  # child ages are 0–120: built once each
def _child_under_16(child_age: int) -> Condition:
    return Condition(child_age < 16, f"孩子出意外时 {child_age} 周岁，未满16周岁。",
                     f"孩子出意外时已满16周岁，请看“{_title('2.1.3')}”。")


@rule("2.1.3", "honor-cert-is-a-condition", "one-time-per-family", "accident-covers-disability-and-death",
      "child-16-is-over-16", "pledge-only-under-16", "one-time-standard-dates", "amounts-reviewed")
def one_time_child_16_and_over(ctx: Context) -> Outcome:
    """Clause 2.1.3: accident at or after the child's 16th birthday."""
    conditions = [hukou(ctx, "2.1.3"), honor_cert(ctx), _accident(ctx)]
    event = ctx.facts.child_event
    if event is not None and event.kind in ACCIDENTS:
        conditions.append(_child_16_and_over(event.child_age))
    return _one_time("2.1.3", ctx, conditions)


@lru_cache(maxsize=AGE_CACHE_SIZE)  # child ages are 0–120: built once each
def _child_16_and_over(child_age: int) -> Condition:
    return Condition(child_age >= 16, f"孩子出意外时 {child_age} 周岁，已满16周岁。",
                     f"孩子出意外时未满16周岁，请看“{_title('2.1.2')}”。")


@rule("2.1.4", "honor-cert-is-a-condition", "one-time-per-family", "serious-illness-certified",
      "one-time-standard-dates", "amounts-reviewed")
def one_time_serious_illness(ctx: Context) -> Outcome:
    """Clause 2.1.4: the unmarried only child has a major or serious illness."""
    event = ctx.facts.child_event
    conditions = [hukou(ctx, "2.1.4"), honor_cert(ctx)]
    if event is None:
        conditions.append(ILLNESS_NOT_ANSWERED)
    else:
        conditions.append(SERIOUS_ILLNESS.on(True) if event.kind == "serious_illness" else _not_illness(event.kind))
        if event.kind == "serious_illness":
            conditions.append(UNMARRIED.on(None if event.child_married is None else not event.child_married))
    return _one_time("2.1.4", ctx, conditions)


ILLNESS_NOT_ANSWERED = Condition(None, "", "", "这项补助是给未婚孩子患大病重病的家庭的，要看孩子的情况。")
SERIOUS_ILLNESS = Question("孩子患大病重病（要有医院的诊断证明，由区卫生健康委认定）。", "")
UNMARRIED = Question("孩子未婚。", "这项补助只针对未婚的孩子，您说孩子已婚。",
                     "这项补助只针对未婚的孩子，要看孩子当时是否已婚。")
ACCIDENT_NOT_ANSWERED = Condition(None, "", "", "这项补助是给孩子因意外伤残或因意外去世的家庭的，要看孩子的情况。")


@lru_cache(maxsize=16)  # one entry per kind
def _not_illness(kind: str) -> Condition:
    return Condition(False, "", f"这项补助是给未婚孩子患大病重病的家庭的，您说孩子{kind_label(kind)}。")


@lru_cache(maxsize=16)  # one entry per kind
def _not_an_accident(kind: str) -> Condition:
    return Condition(False, "", f"这项补助是给孩子出意外的家庭的，您说孩子{kind_label(kind)}。")


def _accident(ctx: Context) -> Condition:
    event = ctx.facts.child_event
    if event is None:
        return ACCIDENT_NOT_ANSWERED
    if event.kind not in ACCIDENTS:
        return _not_an_accident(event.kind)
    return _accident_kind(kind_label(event.kind))


@lru_cache(maxsize=16)  # one entry per accident kind
def _accident_kind(label: str) -> Condition:
    return Condition(True, f"孩子{label}。", "")


def _one_time(clause: str, ctx: Context, conditions: list[Condition]) -> Outcome:
    """The one-time amount of the standard in force on the event's date, or on as_of when none is given
    (assumption ``one-time-standard-dates``)."""
    event = ctx.facts.child_event
    on = event.date if event is not None and event.date is not None else ctx.facts.as_of
    standard = ctx.standards.standard_of(clause, on)
    amount = ctx.standards.one_time(clause, event.kind, on) if event is not None else None
    if standard is None:
        since = chinese_date(ctx.standards.first_since(clause))
        conditions.append(Condition(None, "", "", f"孩子的情况发生在 {chinese_date(on)}，本站只收录了 {since}起的标准。"
                                                  "当时的金额，请向区卫生健康委咨询。"))
    bring_words = bring_text(clause) + ASK_HEALTH
    if amount is None:
        step = bring_words
    elif all_held(conditions):
        step = (f"按规定一次性补助 {amount} 元（以审核为准）。{standard_words(standard)}"
                f"每户一次（本站理解）。{bring_words}")
    else:
        step = (f"条件都符合的，按规定一次性补助 {amount} 元（以审核为准）。{standard_words(standard)}"
                f"每户一次（本站理解）。{bring_words}")
    return judge(conditions, step, amount=amount, standard=standard)
