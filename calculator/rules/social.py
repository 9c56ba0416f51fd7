"""二（四）社会关怀: care activities, housing, property, adoption, disabled child, after-death
arrangements, contact persons, guardianship, information system, employment."""

from __future__ import annotations

from ..result.bring import bring_text
from .base import (ADULT_AGE, ELIGIBLE, NEEDS_ASSESSMENT, NOT_ELIGIBLE, Condition, Context, Outcome, Question, judge,
                   rule)
from .conditions import assistance_cert, deceased_family, special_family
from .hukou import family_answer, hukou

THROUGHOUT = ("special-difficulty-family", "hukou-required-throughout")


@rule("2.4.1", *THROUGHOUT)
def care_activities(ctx: Context) -> Outcome:
    """Clause 2.4.1: comfort and counselling activities by social organisations."""
    step = "可以参加社会组织和志愿者的关爱活动，比如谈心、心理疏导。近期的活动，可以问居（村）委或街镇。"
    return judge([special_family(ctx), hukou(ctx, "2.4.1")], step)


HOUSING_DIFFICULTY = Question("您说家里住房有困难。", "这项帮扶是给住房困难的家庭的，您说没有困难。",
                              "这项帮扶是给住房困难的家庭的。")


@rule("2.4.2", "special-difficulty-family", "assistance-cert-apply-first", "assistance-cert-49-plus")
def housing_support(ctx: Context) -> Outcome:
    """Clause 2.4.2: rent subsidy (廉租房) or public rental housing (公租房)."""
    conditions = [special_family(ctx), hukou(ctx, "2.4.2"),
                  HOUSING_DIFFICULTY.on(ctx.facts.housing_difficulty),
                  assistance_cert(ctx)]
    assessed = ("申请后审核。符合廉租房（政府补贴房租）条件的，发给租金补贴。"
                "符合公租房（政府出租的房子）条件的，安排入住。")
    return judge(conditions, bring_text("2.4.2"), assessed_by=assessed)


PROPERTY_INHERITANCE = Question("您说要办孩子房产的变更或继承登记。",
                                "这项帮扶是给要办孩子房产继承的家庭的，您说暂不需要。",
                                "这项帮扶是给孩子去世后要办房产变更或继承登记的家庭的。")


@rule("2.4.3", "adult-child-is-18", "assistance-cert-apply-first", "assistance-cert-49-plus")
def property_green_channel(ctx: Context) -> Outcome:
    """Clause 2.4.3: a green channel for property inheritance after an adult child's death."""
    conditions = [deceased_family(ctx), hukou(ctx, "2.4.3"),
                  PROPERTY_INHERITANCE.on(ctx.facts.property_inheritance)]
    event = ctx.facts.child_event
    if event is not None and event.child_age is not None and event.child_age < ADULT_AGE:
        conditions.append(Condition(False, "", "这项帮扶是给成年孩子去世的家庭的。房产登记仍可按本市的规定办理。"))
    conditions.append(assistance_cert(ctx))
    step = "凭扶助证到办理房产登记的地方，可以走绿色通道。手续按本市的房产登记规定办理。"
    return judge(conditions, step)


WANTS_TO_ADOPT = Question("您说想收养孩子。", "您说暂时不考虑收养，这项帮扶先放在“其他帮扶”里。",
                          "这项帮扶是给想收养孩子的家庭的。")


@rule("2.4.4", "assistance-cert-apply-first", "assistance-cert-49-plus")
def adoption_priority(ctx: Context) -> Outcome:
    """Clause 2.4.4: priority in the adoption registration procedure."""
    conditions = [deceased_family(ctx), hukou(ctx, "2.4.4"),
                  WANTS_TO_ADOPT.on(ctx.facts.wants_to_adopt),
                  assistance_cert(ctx)]
    assessed = "收养还要符合法律规定，由区民政局审查。符合的，优先办理收养登记。"
    event = ctx.facts.child_event
    pledged = event is not None and event.pledge_no_more_children is True
    note = "您说曾承诺不再生育和收养。收养前，请先问问区卫生健康委。" if pledged else ""
    return judge(conditions, "请向区民政局咨询收养登记。" + note, assessed_by=assessed)


@rule("2.4.5", "disabled-child-own-hukou")
def disabled_child_support(ctx: Context) -> Outcome:
    """Clause 2.4.5: training, rehabilitation and assistive devices for the disabled only child."""
    assessed = ("符合条件的残疾孩子，可以参加职业技能培训。康复项目和基本型辅助器具（轮椅、助行器等）优先。"
                "由区残联和街镇审核，孩子本人的户口要在松江区。")
    step = bring_text("2.4.5")
    return judge([_disabled_child(ctx), hukou(ctx, "2.4.5")], step, assessed_by=assessed)


DISABLED_FAMILY_CHILD = Condition(True, "", "", "", True)
ACCIDENT_DISABLED_CHILD = Condition(True, "孩子因意外伤残。", "")
NO_DISABLED_CHILD = Condition(False, "", "这项帮扶是给有残疾的孩子本人的。")


def _disabled_child(ctx: Context) -> Condition:
    """The only child is disabled: a 伤残 family's child, or one hurt in an accident (whatever the family label)."""
    if ctx.facts.family_type == "child_disabled":
        return DISABLED_FAMILY_CHILD
    event = ctx.facts.child_event
    if event is not None and event.kind == "accidental_disability":
        return ACCIDENT_DISABLED_CHILD
    return NO_DISABLED_CHILD


ENTRUST = ("本人或监护人可以申请，委托本市殡仪单位安排身后事。双方签协议，写明事项和费用。"
           "请向区民政局咨询。")
FUNERAL_FEES = "家人去世时，可以申请减免必要的殓殡服务费，由区民政局办理。"
FAMILY_HUKOU_UNKNOWN = Condition(None, "", "", "要看您或配偶的户口是否在松江区。")


@rule("2.4.6", "elderly-means-60", "assistance-cert-apply-first", "assistance-cert-49-plus", "funeral-fees-any-special-family")
def after_death_arrangements(ctx: Context) -> Outcome:
    """Clause 2.4.6: entrusting after-death arrangements (first sentence); funeral fee reductions for
    any special family (second sentence), which apply even when the first does not."""
    conditions = [special_family(ctx), hukou(ctx, "2.4.6"), assistance_cert(ctx)]
    entrust = judge(conditions, ENTRUST + FUNERAL_FEES)
    family_hukou = family_answer(ctx)
    if entrust[0] != NOT_ELIGIBLE or not ctx.special_family or family_hukou is False:
        return entrust
    not_yet = ("委托殡仪单位安排身后事，您家暂不符合。",
               *(condition.unmet for condition in conditions if condition.held is False and condition.unmet))
    if family_hukou is None:
        return (NEEDS_ASSESSMENT, (FAMILY_HUKOU_UNKNOWN.unknown, FUNERAL_FEES, *not_yet), None, None,
                (FAMILY_HUKOU_UNKNOWN.unknown,))
    return ELIGIBLE, (FUNERAL_FEES, *not_yet), None, None, ()


@rule("2.4.7", *THROUGHOUT)
def contact_person(ctx: Context) -> Outcome:
    """Clause 2.4.7: a named contact person who calls monthly and visits at hard times."""
    step = ("通知要求街镇指定专人联系您家，每月至少一次。"
            "孩子去世或伤残、家人住院、患重病时，联系人要上门看望。有困难可以直接找居（村）委。")
    return judge([special_family(ctx), hukou(ctx, "2.4.7")], step)


LACKS_CAPACITY = Question("您说家里有人不能自己做决定、签字（民事行为能力）。",
                          "这项帮扶是给不能自己做决定的家人的，您说没有这种情况。",
                          "这项帮扶是给家里有人不能或不能完全自己做决定、签字的家庭的。")


@rule("2.4.8", *THROUGHOUT)
def guardianship(ctx: Context) -> Outcome:
    """Clause 2.4.8: adult guardianship for family members who lack legal capacity."""
    conditions = [special_family(ctx), hukou(ctx, "2.4.8"),
                  LACKS_CAPACITY.on(ctx.facts.lacks_capacity)]
    assessed = "区民政局安排成年监护。没有其他监护人的，由住地的居（村）委担任。"
    return judge(conditions, "请向区民政局或居（村）委咨询。", assessed_by=assessed)


@rule("2.4.9", *THROUGHOUT)
def information_system(ctx: Context) -> Outcome:
    """Clause 2.4.9: graded, categorised contact and service through the information system."""
    step = "区卫生健康委通过市里的信息系统，对您家分级分类联系和服务。不用另外申请。"
    return judge([special_family(ctx), hukou(ctx, "2.4.9")], step)


UNEMPLOYED = Question("您说家里有人想工作但没有工作。", "这项帮扶是给没有工作的家人的，您说没有这种情况。",
                      "这项帮扶是给家里有人想工作但没有工作的家庭的。")


@rule("2.4.10", *THROUGHOUT)
def employment_help(ctx: Context) -> Outcome:
    """Clause 2.4.10: priority job recommendations for family members without work."""
    conditions = [special_family(ctx), hukou(ctx, "2.4.10"),
                  UNEMPLOYED.on(ctx.facts.unemployed)]
    step = "通知要求街镇优先推荐没有工作的家人到合适的岗位。" + bring_text("2.4.10")
    return judge(conditions, step)
