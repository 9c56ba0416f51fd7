"""二（二）养老关怀: care priority, elderly care subsidy, 低保, care insurance, free health check."""

from __future__ import annotations

from ..result.bring import bring_text
from .base import RECIPIENT_AGE, Condition, Context, Outcome, Question, judge, rule
from .conditions import assistance_cert, deceased_family, elderly, recipient_age, special_family
from .hukou import hukou


def low_income(unmet: str) -> Question:
    """家庭经济困难（低收入）, as the resident answers it; the department checks."""
    return Question("您说家庭经济困难（以民政部门核对为准）。", unmet,
                    "这项帮扶要看家庭经济状况，申请时带上收入材料。")


NEEDS_CARE = Question("您说需要别人照护生活。", "这项帮扶是给需要生活照护的老人的，您说暂不需要。",
                      "这项帮扶是给日常生活要人照护的老人的。")


@rule("2.2.1", "sixty-inclusive", "recipient-means-49-plus", "assistance-cert-apply-first", "assistance-cert-49-plus")
def five_priorities(ctx: Context) -> Outcome:
    """Clause 2.2.1: the “五优先” for recipients aged 60+ who need care."""
    conditions = [special_family(ctx), hukou(ctx, "2.2.1"), elderly(ctx, wording="年满60周岁"),
                  NEEDS_CARE.on(ctx.facts.needs_care),
                  assistance_cert(ctx)]
    assessed = ("区民政局先审核经济状况，评估照护等级。"
                "符合条件的，上门评估、上门照护、日间照料和助餐、入住指定养老机构都优先。")
    alone = "您一个人住，还可以优先得到社区的关爱服务。" if ctx.facts.lives_alone else ""
    return judge(conditions, bring_text("2.2.1") + alone, assessed_by=assessed)


SELF_CARE_DIFFICULTY = Question("您说自己照顾日常生活有困难。", "这项帮扶是给生活自理困难的老人的，您说没有困难。",
                                "这项帮扶是给自己照顾生活有困难的老人的。")
POOR_ELDERLY = low_income("这项帮扶是给经济困难的老人的，您说经济不困难。")


@rule("2.2.2", "elderly-means-60", "recipient-means-49-plus", "assistance-cert-apply-first", "assistance-cert-49-plus")
def elderly_care_subsidy(ctx: Context) -> Outcome:
    """Clause 2.2.2: 养老服务补贴 for recipients who are elderly, find self-care hard and are poor."""
    conditions = [special_family(ctx), hukou(ctx, "2.2.2"), elderly(ctx, wording="年满60周岁"),
                  SELF_CARE_DIFFICULTY.on(ctx.facts.self_care_difficulty),
                  POOR_ELDERLY.on(ctx.facts.low_income),
                  assistance_cert(ctx)]
    assessed = "区民政局评估后，符合社区居家养老条件的，发给养老服务补贴。"
    return judge(conditions, bring_text("2.2.2"), assessed_by=assessed)


POOR_HOUSEHOLD = low_income("您说家庭经济不困难，一般不符合低保条件。以后情况有变，可以再申请。")


@rule("2.2.3", "recipient-means-49-plus", "household-recipient", "assistance-cert-apply-first", "assistance-cert-49-plus")
def minimum_living_allowance(ctx: Context) -> Outcome:
    """Clause 2.2.3: 低保 applications, with the special assistance not counted as income."""
    conditions = [special_family(ctx), hukou(ctx, "2.2.3"),
                  POOR_HOUSEHOLD.on(ctx.facts.low_income),
                  assistance_cert(ctx)]
    assessed = ("申请最低生活保障（低保）由区民政局审核。"
                "算家庭收入时，特别扶助金等计划生育补助不算在内。")
    return judge(conditions, bring_text("2.2.3"), assessed_by=assessed)


@rule("2.2.4", "recipient-means-49-plus")
def care_insurance(ctx: Context) -> Outcome:
    """Clause 2.2.4: a yearly 计划生育关爱保险 for recipients and surgery-complication persons."""
    conditions = [hukou(ctx, "2.2.4"), _insured_group(ctx)]
    step = "区卫生健康委每年统一买一份《计划生育关爱保险》，不用自己买。理赔可以问街镇计生干部。"
    return judge(conditions, step)


INSURED_RECIPIENT = Condition(True, "", "")
SURGERY_COMPLICATION = Question(
    "您说自己是计划生育手术并发症人员。",
    "这项帮扶是给特别扶助对象和计划生育手术并发症人员的。",
    "经鉴定的计划生育手术并发症人员也可以享受，申请时带上鉴定材料。")


def _insured_group(ctx: Context) -> Condition:
    if ctx.special_family and ctx.age >= RECIPIENT_AGE:
        return INSURED_RECIPIENT
    return SURGERY_COMPLICATION.on(ctx.facts.surgery_complication)


@rule("2.2.5", "recipient-means-49-plus")
def free_health_check(ctx: Context) -> Outcome:
    """Clause 2.2.5: a free health check every year for recipients in child_deceased families."""
    conditions = [deceased_family(ctx), hukou(ctx, "2.2.5"), recipient_age(ctx)]
    step = "每年免费体检一次，由区卫生健康委和街镇统一组织。请留意居（村）委或街镇的通知。"
    return judge(conditions, step)
