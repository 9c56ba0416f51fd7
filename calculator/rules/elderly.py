"""二（二）养老关怀: care priority, elderly care subsidy, 低保, care insurance, free health check."""

from __future__ import annotations

from .base import RECIPIENT_AGE, Condition, Context, Outcome, Question, all_of, any_of, judge, rule
from .conditions import assistance_cert, deceased_family, elderly, hukou, recipient_age, special_family

CIVIL_AFFAIRS = "请带《上海市计划生育家庭特别扶助证》、户口本和身份证，到户籍所在地街镇社区事务受理服务中心申请，或向区民政局咨询。"


def low_income(unmet: str) -> Question:
    """家庭经济困难（低收入）, as the resident answers it; the department checks."""
    return Question("您家经济困难（以民政部门核对为准）。", unmet,
                    "这项帮扶要看家庭经济状况：请说明家庭是否经济困难，申请时带上家庭收入情况的材料。")


NEEDS_CARE = Question("您需要生活照护。", "这项帮扶针对需要生活照护的老人，您选的是不需要。",
                      "这项帮扶针对需要生活照护的老人，请说明日常生活是否需要别人照护。")


@rule("2.2.1", "sixty-inclusive", "recipient-means-49-plus", "assistance-cert-apply-first", "assistance-cert-49-plus")
def five_priorities(ctx: Context) -> Outcome:
    """Clause 2.2.1: the “五优先” for recipients aged 60+ who need care."""
    conditions = [special_family(ctx), hukou(ctx), elderly(ctx, wording="年满60周岁及以上"),
                  NEEDS_CARE.on(ctx.facts.needs_care),
                  assistance_cert(ctx)]
    assessed = ("由区民政局进行经济状况审核和老年照护等级评估，符合条件的实行“五优先”：优先上门评估、优先上门照护服务、"
                "优先使用老年人日间服务中心和社区助餐点、优先入住政府举办或资助的指定养老机构。")
    alone = "您是独居老人，还可优先获得社区关爱服务，并纳入独居老人关爱服务。" if ctx.facts.lives_alone else ""
    return judge(conditions, CIVIL_AFFAIRS + alone, assessed_by=assessed)


SELF_CARE_DIFFICULTY = Question("您生活自理有困难。", "这项帮扶针对生活自理困难的老人，您选的是没有困难。",
                                "这项帮扶针对生活自理困难的老人，请说明自己照顾日常生活是否有困难。")
POOR_ELDERLY = low_income("这项帮扶针对经济困难的老人，您选的是经济不困难。")


@rule("2.2.2", "elderly-means-60", "recipient-means-49-plus", "assistance-cert-apply-first", "assistance-cert-49-plus")
def elderly_care_subsidy(ctx: Context) -> Outcome:
    """Clause 2.2.2: 养老服务补贴 for recipients who are elderly, find self-care hard and are poor."""
    conditions = [special_family(ctx), hukou(ctx), elderly(ctx, wording="是60周岁及以上的老人"),
                  SELF_CARE_DIFFICULTY.on(ctx.facts.self_care_difficulty),
                  POOR_ELDERLY.on(ctx.facts.low_income),
                  assistance_cert(ctx)]
    assessed = "由区民政局评估，符合社区居家养老政策条件的，发放养老服务补贴。"
    return judge(conditions, CIVIL_AFFAIRS, assessed_by=assessed)


POOR_HOUSEHOLD = low_income("您选的是家庭经济不困难，一般不符合最低生活保障条件；以后情况有变化，可以再申请。")


@rule("2.2.3", "recipient-means-49-plus", "household-recipient", "assistance-cert-apply-first", "assistance-cert-49-plus")
def minimum_living_allowance(ctx: Context) -> Outcome:
    """Clause 2.2.3: 低保 applications, with the special assistance not counted as income."""
    conditions = [special_family(ctx), _household_recipient(ctx),
                  POOR_HOUSEHOLD.on(ctx.facts.low_income),
                  assistance_cert(ctx)]
    assessed = ("申请最低生活保障由区民政局审核；计算家庭收入时，特别扶助金等计划生育奖励与补助不计入家庭收入，"
                "符合条件的及时纳入。")
    return judge(conditions, CIVIL_AFFAIRS, assessed_by=assessed)


SELF_RECIPIENT = Condition(True, f"您的户口在松江区，已满 {RECIPIENT_AGE} 周岁，您家是特别扶助对象家庭。", "")
PARTNER_RECIPIENT = Condition(True, f"您的配偶户口在松江区，已满 {RECIPIENT_AGE} 周岁，您家是特别扶助对象家庭。", "")
NO_RECIPIENT = Condition(False, "", f"这项帮扶针对家里有特别扶助对象（户口在松江区、年满{RECIPIENT_AGE}周岁的父母）的家庭。")
RECIPIENT_UNKNOWN = Condition(None, "", "", f"这项帮扶针对家里有户口在松江区、年满{RECIPIENT_AGE}周岁的父母的家庭："
                                            "请说明您和配偶的户口是否在松江区。")


def _household_recipient(ctx: Context) -> Condition:
    """The household qualifies through a member who is a 本区 recipient (assumption ``household-recipient``)."""
    partner_age = ctx.partner_age if ctx.partner_age is not None else 0
    self_counts = all_of(ctx.facts.songjiang_hukou, ctx.age >= RECIPIENT_AGE)
    partner_counts = all_of(ctx.partner_hukou, partner_age >= RECIPIENT_AGE)
    if self_counts:
        return SELF_RECIPIENT
    if partner_counts:
        return PARTNER_RECIPIENT
    return RECIPIENT_UNKNOWN if any_of(self_counts, partner_counts) is None else NO_RECIPIENT


@rule("2.2.4", "recipient-means-49-plus")
def care_insurance(ctx: Context) -> Outcome:
    """Clause 2.2.4: a yearly 计划生育关爱保险 for recipients and surgery-complication persons."""
    conditions = [hukou(ctx), _insured_group(ctx)]
    step = "由区卫生健康委每年统一为您购买一份《计划生育关爱保险》，不需要自己购买；理赔等事项可向街镇计生干部或区卫生健康委咨询。"
    return judge(conditions, step)


INSURED_RECIPIENT = Condition(True, f"您是独生子女伤残或死亡家庭的父母，已满 {RECIPIENT_AGE} 周岁。", "")
SURGERY_COMPLICATION = Question(
    "您是计划生育手术并发症人员。",
    "这项帮扶适用于独生子女伤残、死亡家庭的特别扶助对象（年满49周岁）和计划生育手术并发症人员。",
    "如果您是经鉴定的计划生育手术并发症人员，也可以享受：请说明，并带上鉴定材料。")


def _insured_group(ctx: Context) -> Condition:
    if ctx.special_family and ctx.age >= RECIPIENT_AGE:
        return INSURED_RECIPIENT
    return SURGERY_COMPLICATION.on(ctx.facts.surgery_complication)


@rule("2.2.5", "recipient-means-49-plus")
def free_health_check(ctx: Context) -> Outcome:
    """Clause 2.2.5: a free health check every year for recipients in child_deceased families."""
    conditions = [deceased_family(ctx), hukou(ctx), recipient_age(ctx)]
    step = "每年可以免费体检一次，由区卫生健康委和街镇统一组织，请留意居委或街镇的通知。"
    return judge(conditions, step)
