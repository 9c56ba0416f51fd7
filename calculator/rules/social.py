"""二（四）社会关怀: care activities, housing, property, adoption, disabled child, after-death
arrangements, contact persons, guardianship, information system, employment."""

from __future__ import annotations

from .base import (ADULT_AGE, ELDERLY_AGE, ELIGIBLE, NEEDS_ASSESSMENT, NOT_ELIGIBLE, Condition, Context, Outcome,
                   Question, all_of, any_of, judge, rule)
from .conditions import assistance_cert, deceased_family, hukou, special_family

THROUGHOUT = ("special-difficulty-family", "hukou-required-throughout")


@rule("2.4.1", *THROUGHOUT)
def care_activities(ctx: Context) -> Outcome:
    """Clause 2.4.1: comfort and counselling activities by social organisations."""
    step = "可以参加社会组织、志愿者等开展的精神慰藉、心理疏导等关爱活动，请向居委、街镇或区卫生健康委了解近期的项目。"
    return judge([special_family(ctx), hukou(ctx)], step)


HOUSING_DIFFICULTY = Question("您家住房有困难。", "这项帮扶针对住房困难的家庭，您选的是没有困难。",
                              "这项帮扶针对住房困难的家庭，请说明住房是否有困难。")


@rule("2.4.2", "special-difficulty-family", "assistance-cert-apply-first", "assistance-cert-49-plus")
def housing_support(ctx: Context) -> Outcome:
    """Clause 2.4.2: rent subsidy (廉租房) or public rental housing (公租房)."""
    conditions = [special_family(ctx), hukou(ctx),
                  HOUSING_DIFFICULTY.on(ctx.facts.housing_difficulty),
                  assistance_cert(ctx)]
    assessed = ("经申请审核：符合廉租住房条件的，由住房保障机构及时发放租金补贴；"
                "符合公共租赁住房条件的，由区公租房公司审核后安排房源入住。")
    return judge(conditions, "请向户籍所在地街镇住房保障窗口或区房管局咨询申请。", assessed_by=assessed)


PROPERTY_INHERITANCE = Question("子女去世后，您家需要办理房产变更或继承登记。",
                                "这项帮扶针对需要办理子女房产变更或继承登记的家庭，您选的是不需要。",
                                "这项帮扶针对子女去世后需要办理房产变更或继承登记的家庭，请说明是否需要。")


@rule("2.4.3", "adult-child-is-18", "assistance-cert-apply-first", "assistance-cert-49-plus")
def property_green_channel(ctx: Context) -> Outcome:
    """Clause 2.4.3: a green channel for property inheritance after an adult child's death."""
    conditions = [deceased_family(ctx), hukou(ctx),
                  PROPERTY_INHERITANCE.on(ctx.facts.property_inheritance)]
    event = ctx.facts.child_event
    if event is not None and event.child_age is not None and event.child_age < ADULT_AGE:
        conditions.append(Condition(False, "", f"这项帮扶针对成年子女去世的情况，孩子去世时 {event.child_age} 周岁，未满18周岁；"
                                               "仍可按本市房地产登记规定办理。"))
    conditions.append(assistance_cert(ctx))
    step = "凭扶助证到不动产登记机构办理，可以走绿色通道；手续按本市房地产登记规定办理。"
    return judge(conditions, step)


WANTS_TO_ADOPT = Question("您家有收养子女的意愿。", "这项帮扶针对想收养子女的家庭，您选的是没有这个意愿。",
                          "这项帮扶针对想收养子女的家庭，请说明是否有收养意愿。")


@rule("2.4.4", "assistance-cert-apply-first", "assistance-cert-49-plus")
def adoption_priority(ctx: Context) -> Outcome:
    """Clause 2.4.4: priority in the adoption registration procedure."""
    conditions = [deceased_family(ctx), hukou(ctx),
                  WANTS_TO_ADOPT.on(ctx.facts.wants_to_adopt),
                  assistance_cert(ctx)]
    assessed = "收养还要符合法律规定（家庭成员身体健康、品行端正、有抚养教育能力），由区民政局审查；符合的优先进入收养登记程序。"
    event = ctx.facts.child_event
    pledged = event is not None and event.pledge_no_more_children is True
    note = "您填写了曾承诺不再生育和收养子女，如已因此领取一次性补助，请先向区卫生健康委咨询。" if pledged else ""
    return judge(conditions, "请向区民政局咨询收养登记。" + note, assessed_by=assessed)


@rule("2.4.5", "disabled-child-own-hukou")
def disabled_child_support(ctx: Context) -> Outcome:
    """Clause 2.4.5: training, rehabilitation and assistive devices for the disabled only child."""
    assessed = ("对符合条件的残疾子女，按规定给予职业技能培训等政策扶持，优先安排医疗康复项目，优先适配基本型辅助器具，"
                "由区残联和街镇审核。孩子本人的户口需在松江区。")
    step = "请带孩子的《中华人民共和国残疾人证》和户口本，向街镇或区残联咨询。"
    return judge([_disabled_child(ctx)], step, assessed_by=assessed)


DISABLED_FAMILY_CHILD = Condition(True, "您家的独生子女有残疾。", "")
ACCIDENT_DISABLED_CHILD = Condition(True, "孩子因意外伤残。", "")
NO_DISABLED_CHILD = Condition(False, "", "这项帮扶是给有残疾的独生子女本人的。")


def _disabled_child(ctx: Context) -> Condition:
    """The only child is disabled: a 伤残 family's child, or one hurt in an accident (whatever the family label)."""
    if ctx.facts.family_type == "child_disabled":
        return DISABLED_FAMILY_CHILD
    event = ctx.facts.child_event
    if event is not None and event.kind == "accidental_disability":
        return ACCIDENT_DISABLED_CHILD
    return NO_DISABLED_CHILD


ENTRUST = ("可以由本人或监护人申请，委托本市殡仪单位安排身后事，签订协议写明事项和费用，并确定监护人或监督人。"
           "请向区民政局咨询。")
FUNERAL_FEES = "家庭成员去世时，可以申请减免必要的殓殡服务费（由区民政局办理）。"
FAMILY_HUKOU_UNKNOWN = Condition(None, "", "", "请说明您或配偶的户口是否在松江区（本区户籍）。")


@rule("2.4.6", "elderly-means-60", "assistance-cert-apply-first", "assistance-cert-49-plus", "funeral-fees-any-special-family")
def after_death_arrangements(ctx: Context) -> Outcome:
    """Clause 2.4.6: entrusting after-death arrangements (first sentence); funeral fee reductions for
    any special family (second sentence), which apply even when the first does not."""
    conditions = [special_family(ctx), _elderly_or_critically_ill(ctx), assistance_cert(ctx)]
    entrust = judge(conditions, ENTRUST + FUNERAL_FEES)
    family_hukou = any_of(ctx.facts.songjiang_hukou, ctx.partner_hukou)
    if entrust[0] != NOT_ELIGIBLE or not ctx.special_family or family_hukou is False:
        return entrust
    not_yet = tuple(f"委托殡仪单位安排身后事，您家暂时不符合：{condition.unmet}" for condition in conditions
                    if condition.held is False)
    if family_hukou is None:
        return (NEEDS_ASSESSMENT, (FAMILY_HUKOU_UNKNOWN.unknown, FUNERAL_FEES, *not_yet), None, None,
                (FAMILY_HUKOU_UNKNOWN.unknown,))
    return ELIGIBLE, (FUNERAL_FEES, *not_yet), None, None, ()


ELDER_SELF = Condition(True, f"您的户口在松江区，已满 {ELDERLY_AGE} 周岁。", "")
ELDER_PARTNER = Condition(True, f"您的配偶户口在松江区，已满 {ELDERLY_AGE} 周岁。", "")
CRITICALLY_ILL = Condition(True, "家里有人经医学认定身患危重疾病、不能逆转，且家里有人户口在松江区。", "")
NEITHER_ELDER_NOR_ILL = Condition(False, "", "这项帮扶要求家里有户口在松江区的老人（年满60周岁），"
                                             "或有人经医学认定身患危重疾病、不能逆转。")
ELDER_OR_ILL_UNKNOWN = Condition(None, "", "", "这项帮扶要求家里有户口在松江区的老人（年满60周岁），"
                                               "或有人经医学认定身患危重疾病、不能逆转：请说明户口和这些情况。")


def _elderly_or_critically_ill(ctx: Context) -> Condition:
    """家庭成员至少一方为本区户籍的老年人或医学认定身患危重疾病不能逆转的."""
    partner_age = ctx.partner_age if ctx.partner_age is not None else 0
    self_elder = all_of(ctx.facts.songjiang_hukou, ctx.age >= ELDERLY_AGE)
    partner_elder = all_of(ctx.partner_hukou, partner_age >= ELDERLY_AGE)
    ill = all_of(any_of(ctx.facts.songjiang_hukou, ctx.partner_hukou), ctx.facts.critical_illness)
    if self_elder:
        return ELDER_SELF
    if partner_elder:
        return ELDER_PARTNER
    if ill:
        return CRITICALLY_ILL
    return ELDER_OR_ILL_UNKNOWN if any_of(self_elder, partner_elder, ill) is None else NEITHER_ELDER_NOR_ILL


@rule("2.4.7", *THROUGHOUT)
def contact_person(ctx: Context) -> Outcome:
    """Clause 2.4.7: a named contact person who calls monthly and visits at hard times."""
    step = ("街镇会指定专人做您家的联系人，每月至少联系一次；子女死亡或伤残、家人住院、患重大疾病时会上门看望。"
            "有困难可以直接找居（村）委或街镇计生干部。")
    return judge([special_family(ctx), hukou(ctx)], step)


LACKS_CAPACITY = Question("您家有成员失去或部分失去民事行为能力。",
                          "这项帮扶针对失去民事行为能力的家庭成员，您选的是没有。",
                          "这项帮扶针对失去或部分失去民事行为能力的家庭成员，如有这种情况请说明。")


@rule("2.4.8", *THROUGHOUT)
def guardianship(ctx: Context) -> Outcome:
    """Clause 2.4.8: adult guardianship for family members who lack legal capacity."""
    conditions = [special_family(ctx), hukou(ctx),
                  LACKS_CAPACITY.on(ctx.facts.lacks_capacity)]
    assessed = "由区民政局纳入成年监护制度安排；没有其他监护人的，由现居住地的居（村）委会担任监护人。"
    return judge(conditions, "请向区民政局或居（村）委会咨询。", assessed_by=assessed)


@rule("2.4.9", *THROUGHOUT)
def information_system(ctx: Context) -> Outcome:
    """Clause 2.4.9: graded, categorised contact and service through the information system."""
    step = "区卫生健康委通过上海市人口与计划生育综合管理信息系统，对您家实行分级、分类的联系和服务，不需要另外申请。"
    return judge([special_family(ctx), hukou(ctx)], step)


UNEMPLOYED = Question("您家有成员没有工作。", "这项帮扶针对没有工作的家庭成员，您选的是没有这种情况。",
                      "这项帮扶针对没有工作的家庭成员，如家里有人想工作但没有工作，请说明。")


@rule("2.4.10", *THROUGHOUT)
def employment_help(ctx: Context) -> Outcome:
    """Clause 2.4.10: priority job recommendations for family members without work."""
    conditions = [special_family(ctx), hukou(ctx),
                  UNEMPLOYED.on(ctx.facts.unemployed)]
    step = "街镇就业援助员会优先推荐合适的就业岗位：请带身份证、户口本到街镇社区事务受理服务中心就业窗口，或向区人社局咨询。"
    return judge(conditions, step)
