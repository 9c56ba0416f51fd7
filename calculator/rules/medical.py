"""二（三）医疗关怀: medical aid, help to have another child, family-doctor priority."""

from __future__ import annotations

from ..result.bring import bring_text
from .base import Context, Outcome, Question, judge, rule
from .conditions import assistance_cert, recipient_age, special_family
from .hukou import hukou

LOW_INCOME_RECIPIENT = Question("您说家庭经济困难（以民政部门核对为准）。",
                                "这项帮扶是给低收入的特别扶助对象的，您说经济不困难。",
                                "这项帮扶要看家庭经济状况，申请时带上收入材料。")


@rule("2.3.1", "recipient-means-49-plus")
def medical_aid(ctx: Context) -> Outcome:
    """Clause 2.3.1: low-income recipients join the urban-rural medical aid scheme."""
    conditions = [special_family(ctx), hukou(ctx, "2.3.1"), recipient_age(ctx),
                  LOW_INCOME_RECIPIENT.on(ctx.facts.low_income)]
    assessed = "区医保局、区民政局审核后，符合条件的纳入医疗救助，看病费用给予相应救助。"
    return judge(conditions, bring_text("2.3.1"), assessed_by=assessed)


WANTS_ANOTHER_CHILD = Question("您说还想再生育。",
                               "您说暂时不考虑再生育，这项帮扶先放在“其他帮扶”里。",
                               "这项帮扶是给还想再生育的家庭的。")


@rule("2.3.2", "special-difficulty-family")
def help_to_have_another_child(ctx: Context) -> Outcome:
    """Clause 2.3.2: surgery and advice for families who want another child."""
    conditions = [special_family(ctx), hukou(ctx, "2.3.2"),
                  WANTS_ANOTHER_CHILD.on(ctx.facts.wants_another_child)]
    assessed = ("医疗机构按实际情况，提供取出节育环、输卵（精）管复通等手术。"
                "自愿做辅助生殖（如试管婴儿）的，给予咨询指导和必要帮助。")
    step = "本市医保人员的费用，按规定由医保或生育保险支付；其他人员由区财政支出。请向区卫生健康委咨询。"
    return judge(conditions, step, assessed_by=assessed)


@rule("2.3.3", "special-difficulty-family", "hukou-required-throughout", "assistance-cert-apply-first", "assistance-cert-49-plus")
def family_doctor_priority(ctx: Context) -> Outcome:
    """Clause 2.3.3: priority visits and referrals with a contracted family doctor."""
    conditions = [special_family(ctx), hukou(ctx, "2.3.3"), assistance_cert(ctx)]
    step = ("凭扶助证到社区卫生服务中心签约家庭医生。在约定时段看病，优先就诊、优先转诊。"
            "家庭医生还会按您的身体情况，提出服务方案。")
    return judge(conditions, step)
