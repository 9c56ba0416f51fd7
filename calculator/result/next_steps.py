"""The answer first: one line of money and one to three next steps, made from a result.

The results page shows these at its top (issue 24: within the first phone screen), before the
about-sentences and the currency notice. Built here, not in the page script, so CPython and the
browser say the same. Also how to find out each open answer, said once per result: the measures'
own sentences say what a measure depends on, never "请说明" (a page cannot be told anything).
"""

from __future__ import annotations

from typing import Any

from ..facts.ages import chinese_date
from ..rules.base import NEEDS_ASSESSMENT, NOT_ELIGIBLE, RECIPIENT_AGE, Context
from ..rules.conditions import CERT_APPLY, CERT_UNKNOWN
from ..rules.hukou import BOTH_UNKNOWN, PARTNER_UNKNOWN, PERSON_HUKOU
from ..vocabulary import SPECIAL_FAMILY_TYPES, fill, load_words
from .bring import bring_text

CENTRE = "街道（镇）的{centre}（{hall}）"  # placeholders: filled from words.toml
HOTLINE_STEP = "不清楚的，可以拨打 {hotline}，或问居（村）委。"
# The measures that depend on a question of "其他情况" (the form asks them after the first result):
# while it is not answered, the measure is listed under "再回答几个问题" rather than as a lead.
LATER_FACTS: dict[str, tuple[str, ...]] = {
    "2.2.1": ("needs_care",),
    "2.2.2": ("self_care_difficulty", "low_income"),
    "2.2.3": ("low_income",),
    "2.3.1": ("low_income",),
    "2.3.2": ("wants_another_child",),
    "2.4.2": ("housing_difficulty",),
    "2.4.3": ("property_inheritance",),
    "2.4.4": ("wants_to_adopt",),
    "2.4.6": ("critical_illness",),
    "2.4.8": ("lacks_capacity",),
    "2.4.10": ("unemployed",),
}
# The one-time subsidies (光荣证 families whose child had an accident or a serious illness): any family type.
ONE_TIME = ("2.1.2", "2.1.3", "2.1.4")
# A service of the administration (the city's information system), not a benefit one applies for.
SERVICES = ("2.4.9",)
# Open questions a result says once, at its top (the next steps), never again in a measure's card.
# (Taken from the conditions that say them, so a card's sentence and this list cannot drift apart.)
HUKOU_OPEN = PERSON_HUKOU[None].unknown
PARTNER_HUKOU_OPEN = [PARTNER_UNKNOWN.unknown, BOTH_UNKNOWN.unknown]
CERT_OPEN = (CERT_APPLY, CERT_UNKNOWN)


def next_steps(ctx: Context, measures: list[dict[str, Any]], amounts: dict[str, Any]) -> dict[str, Any]:
    """``{money, steps, find_out, said_once, later, services, amounts_line}`` for the result's top."""
    notice = amounts.get("amounts_notice")
    return {
        "money": money_line(ctx, amounts),
        "steps": steps(ctx, measures),
        "find_out": find_out(ctx),
        "said_once": said_once(ctx),
        "later": [m["clause"] for m in measures if _later(ctx, m)],
        "services": list(SERVICES),
        "amounts_line": f"金额按 {chinese_date(ctx.standards.reviewed())} 核对的标准，可能已经提高" if notice else "",
    }


def said_once(ctx: Context) -> list[str]:
    """The open questions the steps already settle: a measure's card does not repeat them."""
    said = [HUKOU_OPEN] if ctx.facts.songjiang_hukou is None else []
    if _partner_unsure(ctx):  # the steps name the partner's 户口 too (_settle_steps)
        said += PARTNER_HUKOU_OPEN
    return said + ([question.on(None).unknown for question in CERT_OPEN]
                   if ctx.facts.special_assistance_cert is not True else [])


def _later(ctx: Context, measure: dict[str, Any]) -> bool:
    keys = LATER_FACTS.get(measure["clause"], ())
    return measure["status"] == NEEDS_ASSESSMENT and any(getattr(ctx.facts, key) is None for key in keys)


def money_line(ctx: Context, amounts: dict[str, Any]) -> str:
    """"您家每月特别扶助金 1740 元（两人合计，按规定，以审核为准）。" or why there is none yet."""
    household, possible = amounts["household_monthly"], amounts["possible_household_monthly"]
    both = amounts["partner"] is not None
    if household:
        line = f"{'您家' if both else '您'}每月特别扶助金 {household} 元（{'两人合计，' if both and _both_paid(amounts) else ''}按规定，以审核为准）。"
        return line + (f"户口都在松江区的，每月 {possible} 元。" if possible else "")
    if possible:
        return f"户口在松江区的，{'您家' if both else '您'}每月特别扶助金 {possible} 元（按规定，以审核为准）。"
    return "暂时没有每月的特别扶助金：" + _no_money_reason(ctx)


def _both_paid(amounts: dict[str, Any]) -> bool:
    return bool(amounts["monthly_special_assistance"] and amounts["partner"]["monthly_special_assistance"])


def _no_money_reason(ctx: Context) -> str:
    facts = ctx.facts
    if facts.family_type not in SPECIAL_FAMILY_TYPES:
        return "这笔钱是给独生子女伤残或去世家庭的父母的。"
    if facts.songjiang_hukou is False:
        return "您的户口不在松江区。"
    return f"年满 {RECIPIENT_AGE} 周岁后才有。"


def _qualifies_for_cert(ctx: Context) -> bool:
    """A 特别扶助 family with a parent of 49 or more whose 户口 may be here (assumption assistance-cert-49-plus)."""
    old_enough = ctx.age >= RECIPIENT_AGE or (ctx.partner_age or 0) >= RECIPIENT_AGE
    here = ctx.facts.songjiang_hukou is not False or ctx.partner_hukou is not False
    return ctx.special_family and old_enough and here


def steps(ctx: Context, measures: list[dict[str, Any]]) -> list[str]:
    """One to three numbered steps: what settles an open question first, then what to bring where."""
    facts = ctx.facts
    if not ctx.special_family:
        one_time = [m for m in measures if m["clause"] in ONE_TIME and m["status"] != NOT_ELIGIBLE]
        if one_time:  # a 光荣证 family whose child fell ill or had an accident: 2.1.2–2.1.4 are any family's
            found = [fill(step) for step in (*_settle_steps(ctx), "申请一次性补助：" + bring_text(one_time[0]["clause"]))]
            return [*found, fill(HOTLINE_STEP)][:3]
        return [fill("通知的帮扶是给独生子女伤残或去世的家庭的。家里有其他困难的，可以问居（村）委。"),
                fill("也可以拨打 {hotline}问一问。")]
    if facts.songjiang_hukou is False and ctx.partner_hukou is not True:
        return [fill("带户口本和身份证，到您户口所在区的街道（镇）{centre}，问那里对独生子女家庭的扶助。"),
                fill("不知道找哪里，可以拨打 {hotline}问一问。")]
    found = [fill(step) for step in (*_settle_steps(ctx), *_apply_steps(ctx, measures))]
    if len(found) < 3:
        found.append(fill(HOTLINE_STEP))
    return found[:3]


def _partner_unsure(ctx: Context) -> bool:
    """The partner's 户口 is open and the form told us of a partner (a birth date): a person who said
    nothing of a partner may have none, so the steps do not send them to ask about one."""
    return ctx.partner_hukou is None and ctx.facts.partner_birth_date is not None


def _settle_steps(ctx: Context) -> list[str]:
    facts = ctx.facts
    cert = load_words()["certificates"]["assistance"]
    unsure = (["您"] if facts.songjiang_hukou is None else []) + (["配偶"] if _partner_unsure(ctx) else [])
    cert_open = facts.special_assistance_cert is None and _qualifies_for_cert(ctx)
    found = []
    if unsure:
        whose = "和".join(unsure) if len(unsure) > 1 else ("" if unsure == ["您"] else "配偶的")
        found.append(f"问清{whose}户口：看户口本首页的住址是不是松江区；不清楚的，带户口本到{CENTRE}问"
                     + (f"，顺便问有没有{cert['short']}。" if cert_open else "。"))
    elif cert_open:
        found.append(f"找一找家里有没有{cert['short']}{cert['full']}；不清楚的，带户口本到{CENTRE}问。")
    if facts.special_assistance_cert is False and _qualifies_for_cert(ctx):
        found.append(f"先申请{cert['short']}：一般带户口本、身份证和孩子去世或伤残的证明，到{CENTRE}申请。")
    return found


def _apply_steps(ctx: Context, measures: list[dict[str, Any]]) -> list[str]:
    money = next(m for m in measures if m["clause"] == "2.1.1")
    if money["status"] == "not_eligible" and ctx.age < RECIPIENT_AGE and (ctx.partner_age or 0) < RECIPIENT_AGE:
        return [f"年满 {RECIPIENT_AGE} 周岁后，可以申请每月的特别扶助金和扶助证。"]
    if money["status"] == "not_eligible":
        return []
    cert = load_words()["certificates"]["assistance"]["short"]
    documents = ("户口本和身份证" if ctx.facts.special_assistance_cert is not True
                 else f"{cert}、户口本和身份证")
    return [f"申请每月的特别扶助金：带{documents}，到街道（镇）的{{hall}}办理（已经在领的，不用再办）。"]


def find_out(ctx: Context) -> list[str]:
    """How to find out each answer a measure still depends on, said once per result."""
    facts = ctx.facts
    if not ctx.special_family or (facts.songjiang_hukou is False and ctx.partner_hukou is not True):
        return []
    found = []
    if facts.honor_cert is None:
        found.append(fill("有没有{honor_cert}（{honor_cert_full}）：找一找家里的证件；不清楚的，问居（村）委。"))
    if facts.child_event is None:
        found.append("孩子的情况（去世或伤残的原因、当时的年龄）：看孩子的死亡证明或残疾证明，在表格“独生子女的情况”里填写。")
    if any(getattr(facts, key) is None for keys in LATER_FACTS.values() for key in keys):
        found.append("照护、收入、住房、工作等情况：在表格“其他情况”里回答后再测算；也可以问居（村）委。")
    return found
