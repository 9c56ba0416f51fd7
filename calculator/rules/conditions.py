"""Conditions many clauses share, worded once: 户籍, family type, age, certificates, yes/no facts."""

from __future__ import annotations

from .base import ELDERLY_AGE, FAMILY_LABELS, RECIPIENT_AGE, Condition, Context

APPLY_FOR_CERT = ("您还没有《上海市计划生育家庭特别扶助证》：请带户口本、身份证和子女死亡或伤残的证明，"
                  "先到户籍所在地街镇社区事务受理服务中心申请办理。")


def hukou(ctx: Context) -> Condition:
    """本区户籍 (the person's own 户籍)."""
    return Condition(ctx.facts.songjiang_hukou, "您是本区（松江区）户籍。",
                     "本条只适用于本区（松江区）户籍居民，您填写的不是本区户籍。")


def special_family(ctx: Context) -> Condition:
    """An 独生子女伤残 or 死亡 family."""
    label = FAMILY_LABELS.get(ctx.facts.family_type, "")
    return Condition(ctx.special_family, f"您家是{label}。",
                     "本条只适用于独生子女伤残家庭或独生子女死亡家庭。")


def deceased_family(ctx: Context) -> Condition:
    """An 独生子女死亡 family."""
    return Condition(ctx.facts.family_type == "child_deceased", "您家是独生子女死亡家庭。",
                     "本条只适用于独生子女死亡家庭。")


def recipient_age(ctx: Context) -> Condition:
    """Aged 49 or over: with the two above, a 特别扶助对象."""
    return Condition(ctx.age >= RECIPIENT_AGE, f"您现在 {ctx.age} 周岁，已满 {RECIPIENT_AGE} 周岁，属于计划生育特别扶助对象。",
                     f"您现在 {ctx.age} 周岁，未满 {RECIPIENT_AGE} 周岁，还不是计划生育特别扶助对象。")


def elderly(ctx: Context, *, wording: str = "年满60周岁") -> Condition:
    """Aged 60 or over (assumptions ``sixty-inclusive``, ``elderly-means-60``)."""
    return Condition(ctx.age >= ELDERLY_AGE, f"您现在 {ctx.age} 周岁，符合“{wording}”的条件。",
                     f"您现在 {ctx.age} 周岁，本条要求{wording}。")


def assistance_cert(ctx: Context) -> Condition:
    """Holds the 特别扶助证; if not, apply first (assumption ``assistance-cert-apply-first``)."""
    return Condition(True if ctx.facts.special_assistance_cert else None,
                     "您持有《上海市计划生育家庭特别扶助证》，办理时请带上。", "", APPLY_FOR_CERT)


def honor_cert(ctx: Context) -> Condition:
    """Holds the 独生子女父母光荣证 (assumption ``honor-cert-is-a-condition``)."""
    return Condition(ctx.facts.honor_cert, "您持有《独生子女父母光荣证》，办理时请带上。",
                     "本条要求持有《独生子女父母光荣证》，您填写的是没有（证件遗失的，可向街镇咨询补办）。")


def answered(value: bool | None, met: str, unmet: str, unknown: str) -> Condition:
    """A yes/no fact the resident may leave unanswered."""
    return Condition(value, met, unmet, unknown)
