"""二（三）医疗关怀: medical aid, help to have another child, family-doctor priority."""

from __future__ import annotations

from .base import Context, Outcome, Question, judge, rule
from .conditions import assistance_cert, hukou, recipient_age, special_family

LOW_INCOME_RECIPIENT = Question("您家经济困难（以民政部门核对为准）。",
                                "这项帮扶针对低收入的特别扶助对象，您选的是经济不困难。",
                                "这项帮扶针对低收入的特别扶助对象：请说明家庭是否经济困难，申请时带上收入情况的材料。")


@rule("2.3.1", "recipient-means-49-plus")
def medical_aid(ctx: Context) -> Outcome:
    """Clause 2.3.1: low-income recipients join the urban-rural medical aid scheme."""
    conditions = [special_family(ctx), hukou(ctx), recipient_age(ctx),
                  LOW_INCOME_RECIPIENT.on(ctx.facts.low_income)]
    assessed = "由区医保局、区民政局审核，符合条件的纳入本区城乡医疗救助范围，给予相应医疗救助。"
    step = "请带户口本、身份证、《上海市计划生育家庭特别扶助证》和收入情况的材料，到户籍所在地街镇社区事务受理服务中心申请。"
    return judge(conditions, step, assessed_by=assessed)


WANTS_ANOTHER_CHILD = Question("您家有再生育的意愿。",
                               "这项帮扶针对有再生育意愿的家庭，您选的是没有。",
                               "这项帮扶针对有再生育意愿的家庭，请说明是否还想再生育。")


@rule("2.3.2", "special-difficulty-family")
def help_to_have_another_child(ctx: Context) -> Outcome:
    """Clause 2.3.2: surgery and advice for families who want another child."""
    conditions = [special_family(ctx), hukou(ctx),
                  WANTS_ANOTHER_CHILD.on(ctx.facts.wants_another_child)]
    assessed = ("由医疗机构根据实际情况，提供取出宫内节育器、输卵（精）管复通等手术（治疗）服务；"
                "确有需要、自愿做辅助生殖的，给予咨询指导和必要帮助。")
    step = "费用：本市医保人员由医疗保险或生育保险基金按规定支付，非本市医保人员由区财政支出。请向区卫生健康委咨询。"
    return judge(conditions, step, assessed_by=assessed)


@rule("2.3.3", "special-difficulty-family", "hukou-required-throughout", "assistance-cert-apply-first", "assistance-cert-49-plus")
def family_doctor_priority(ctx: Context) -> Outcome:
    """Clause 2.3.3: priority visits and referrals with a contracted family doctor."""
    conditions = [special_family(ctx), hukou(ctx), assistance_cert(ctx)]
    step = ("凭扶助证到社区卫生服务中心签约家庭医生后，在约定时段就诊可以优先就诊、优先转诊；"
            "家庭医生还会了解您的健康状况，提出有针对性的服务方案。")
    return judge(conditions, step)
