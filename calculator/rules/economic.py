"""二（一）经济扶助: the monthly special assistance (2.1.1) and the one-time subsidies (2.1.2–2.1.4)."""

from __future__ import annotations

from functools import lru_cache

from .base import FAMILY_LABELS, Condition, Context, Outcome, Question, judge, rule
from .conditions import AGE_CACHE_SIZE, hukou, honor_cert, recipient_age, special_family

ACCIDENTS = {"accidental_death": "意外死亡", "accidental_disability": "意外伤残"}
ASK_HEALTH = "请带上证件和相关证明，到户籍所在地街镇社区事务受理服务中心申请，或向区卫生健康委咨询。"


@rule("2.1.1", "age-zhousui", "each-parent-own-age", "recipient-means-49-plus")
def monthly_special_assistance(ctx: Context) -> Outcome:
    """Clause 2.1.1: the monthly amount for the family type and age bracket."""
    amount = ctx.amounts["monthly_special_assistance"]
    conditions = [special_family(ctx), hukou(ctx), recipient_age(ctx)]
    step = (f"按{FAMILY_LABELS.get(ctx.facts.family_type, '')}的标准，您每人每月可领 {amount} 元。"
            "请带户口本、身份证和《上海市计划生育家庭特别扶助证》（还没有的，先到户籍所在地街镇社区事务受理服务中心申请），"
            "发放情况可向街镇或区卫生健康委咨询。")
    upcoming = _next_bracket_text(ctx)
    return judge(conditions, step + upcoming, amount=amount, otherwise=upcoming)


def _next_bracket_text(ctx: Context) -> str:
    upcoming = ctx.amounts["next_bracket"]
    if upcoming is None or not (ctx.special_family and ctx.facts.songjiang_hukou):
        return ""
    year, month, day = (int(part) for part in upcoming["date"].split("-"))
    return (f"您将于 {year}年{month}月{day}日 满 {upcoming['age']} 周岁，"
            f"从那天起每月 {upcoming['monthly_special_assistance']} 元。")


@rule("2.1.2", "honor-cert-is-a-condition", "one-time-per-family", "accident-covers-disability-and-death",
      "child-16-is-over-16", "one-time-standard-dates")
def one_time_child_under_16(ctx: Context) -> Outcome:
    """Clause 2.1.2: accident before the child's 16th birthday, with the pledge."""
    conditions = [hukou(ctx), honor_cert(ctx), _accident(ctx)]
    event = ctx.facts.child_event
    if event is not None and event.kind in ACCIDENTS:
        conditions.append(_child_under_16(event.child_age))
        conditions.append(PLEDGE.on(event.pledge_no_more_children))
    return _one_time("2.1.2", ctx, conditions)


PLEDGE = Question("夫妻自愿承诺不再生育和收养子女。", "本条要求夫妻自愿不再生育和收养子女，您填写的是没有这项承诺。",
                  "本条要求夫妻自愿不再生育和收养子女，请说明是否作出这项承诺。")


@lru_cache(maxsize=AGE_CACHE_SIZE)  # child ages are 0–120: built once each
def _child_under_16(child_age: int) -> Condition:
    return Condition(child_age < 16, f"子女发生意外时 {child_age} 周岁，未满16周岁。",
                     f"子女发生意外时 {child_age} 周岁，已满16周岁，不属于本条，请看第二（一）3条。")


@rule("2.1.3", "honor-cert-is-a-condition", "one-time-per-family", "accident-covers-disability-and-death",
      "child-16-is-over-16", "pledge-only-under-16", "one-time-standard-dates")
def one_time_child_16_and_over(ctx: Context) -> Outcome:
    """Clause 2.1.3: accident at or after the child's 16th birthday."""
    conditions = [hukou(ctx), honor_cert(ctx), _accident(ctx)]
    event = ctx.facts.child_event
    if event is not None and event.kind in ACCIDENTS:
        conditions.append(_child_16_and_over(event.child_age))
    return _one_time("2.1.3", ctx, conditions)


@lru_cache(maxsize=AGE_CACHE_SIZE)  # child ages are 0–120: built once each
def _child_16_and_over(child_age: int) -> Condition:
    return Condition(child_age >= 16, f"子女发生意外时 {child_age} 周岁，已满16周岁。",
                     f"子女发生意外时 {child_age} 周岁，未满16周岁，不属于本条，请看第二（一）2条。")


@rule("2.1.4", "honor-cert-is-a-condition", "one-time-per-family", "serious-illness-certified", "one-time-standard-dates")
def one_time_serious_illness(ctx: Context) -> Outcome:
    """Clause 2.1.4: the unmarried only child has a major or serious illness."""
    event = ctx.facts.child_event
    conditions = [hukou(ctx), honor_cert(ctx)]
    if event is None:
        conditions.append(NO_ILLNESS_GIVEN)
    else:
        conditions.append(SERIOUS_ILLNESS.on(event.kind == "serious_illness"))
        conditions.append(UNMARRIED.on(None if event.child_married is None else not event.child_married))
    return _one_time("2.1.4", ctx, conditions)


NO_ILLNESS_GIVEN = Condition(False, "", "没有填写子女患大病重病的情况；子女患大病重病的，请补充填写。")
SERIOUS_ILLNESS = Question("子女患大病重病（需医院诊断证明，由区卫生健康委认定）。",
                           "本条针对未婚独生子女患大病重病，您填写的是意外伤残或死亡，请看第二（一）2、3条。")
UNMARRIED = Question("子女未婚。", "本条只适用于未婚子女，您填写的是子女已婚。", "本条只适用于未婚子女，请说明子女是否已婚。")
# No event given: a special family may still have had one (unknown); any other family has not (unmet).
NO_ACCIDENT_GIVEN = Question("", "没有填写子女发生意外伤残或意外死亡的情况。",
                             "没有填写子女当时的情况：子女是因意外伤残或去世的，请补充填写发生时的年龄等情况。")


def _accident(ctx: Context) -> Condition:
    event = ctx.facts.child_event
    if event is None:
        return NO_ACCIDENT_GIVEN.on(None if ctx.special_family else False)
    return _accident_kind(event.kind)


@lru_cache(maxsize=16)  # one entry per event kind choice
def _accident_kind(kind: str) -> Condition:
    label = ACCIDENTS.get(kind)
    return Condition(label is not None, f"子女{label}。", "本条针对子女意外伤残或意外死亡；您填写的是患大病重病，请看第二（一）4条。")


def _one_time(clause: str, ctx: Context, conditions: list[Condition]) -> Outcome:
    event = ctx.facts.child_event
    amount = ctx.standards.one_time(clause, event.kind, ctx.facts.as_of) if event is not None else None
    if ctx.standards.entry(clause, ctx.facts.as_of) is None:
        since = ctx.standards.first_since(clause)
        conditions.append(Condition(None, "", "", f"计算日期早于 {since.isoformat()}，计算器没有收录当时的标准，请向区卫生健康委咨询。"))
    step = f"一次性补助 {amount} 元，每户发放一次，夫妻不重复领取。{ASK_HEALTH}"
    return judge(conditions, step, amount=amount)
