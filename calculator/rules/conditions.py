"""Conditions many clauses share, worded once: 户籍, family type, age, certificates.

Their wording depends only on an answer, the family type or the age, so each Condition is built once
(a :class:`Question` per answer, a small cache per family type or age) rather than on every call.
An answer left out is unknown: its condition is neither met nor unmet, and its reason says what to
tell or bring — never "您填写的是…".
"""

from __future__ import annotations

from functools import lru_cache

from .base import ELDERLY_AGE, FAMILY_LABELS, RECIPIENT_AGE, Condition, Context, Question

HUKOU = Question("您的户口在松江区（本区户籍）。", "这项帮扶只针对户口在松江区（本区户籍）的居民。",
                 "请说明您的户口是否在松江区（本区户籍）。")
DECEASED_FAMILY = Question("您家是独生子女死亡家庭。", "这项帮扶只针对独生子女死亡家庭。")
HONOR_CERT = Question("您有《独生子女父母光荣证》，办理时请带上。",
                      "这项补助要求持有《独生子女父母光荣证》，您选的是没有（证件遗失的，可向街镇咨询补办）。",
                      "这项补助要求持有《独生子女父母光荣证》：有的，办理时请带上；不清楚的，可向街镇查询。")

# The 扶助证 confirms a 特别扶助对象 family, one whose parent is 49 or older (assumption
# ``assistance-cert-49-plus``): only such a family is told to apply for it.
CERT_HELD = Condition(True, "您有《上海市计划生育家庭特别扶助证》（扶助证），办理时请带上。", "")
CERT_APPLY = Condition(None, "", "", "您还没有《上海市计划生育家庭特别扶助证》（扶助证）：请带户口本、身份证和孩子去世"
                                     "或伤残的证明，先到户籍所在地街镇社区事务受理服务中心申请。")
CERT_UNKNOWN = Condition(None, "", "", "这项帮扶要凭《上海市计划生育家庭特别扶助证》（扶助证）办理："
                                       "已有的请带上；还没有的，可以先到户籍所在地街镇社区事务受理服务中心申请。")
CERT_PARTNER_UNKNOWN = Condition(None, "", "", "这项帮扶要凭《上海市计划生育家庭特别扶助证》（扶助证）办理。扶助证发给"
                                               "父母已满49周岁的家庭：您的配偶已满49周岁的，可以先申请。")
CERT_NOT_YET = Condition(False, "", "这项帮扶要凭《上海市计划生育家庭特别扶助证》（扶助证）办理。扶助证发给父母已满"
                                    "49周岁的家庭，您和配偶都还不满49周岁。")

# Ages are at most consistency.OLDEST_AGE (130), calculation dates in a batch are few, and
# wordings are few, so these caches stay small.
AGE_CACHE_SIZE = 512


def hukou(ctx: Context) -> Condition:
    """本区户籍 (the person's own 户籍)."""
    return HUKOU.on(ctx.facts.songjiang_hukou)


def special_family(ctx: Context) -> Condition:
    """An 独生子女伤残 or 死亡 family."""
    return _special_family(ctx.facts.family_type)


@lru_cache(maxsize=16)  # one entry per family type choice
def _special_family(family_type: str) -> Condition:
    label = FAMILY_LABELS.get(family_type, "")
    return Condition(family_type in FAMILY_LABELS, f"您家是{label}。", "这项帮扶只针对独生子女伤残家庭或独生子女死亡家庭。")


def deceased_family(ctx: Context) -> Condition:
    """An 独生子女死亡 family."""
    return DECEASED_FAMILY.on(ctx.facts.family_type == "child_deceased")


def age_words(ctx: Context) -> str:
    """"您现在 66 周岁" about today; "按计算日期（2026年1月1日），您 66 周岁" about any other day."""
    return _age_words(ctx.age, ctx.as_of_words)


@lru_cache(maxsize=AGE_CACHE_SIZE)
def _age_words(age: int, as_of_words: str) -> str:
    return f"按计算日期（{as_of_words}），您 {age} 周岁" if as_of_words else f"您现在 {age} 周岁"


def recipient_age(ctx: Context) -> Condition:
    """Aged 49 or over: with the two above, a 特别扶助对象 (which this condition alone does not claim)."""
    return _recipient_age(age_words(ctx), ctx.age >= RECIPIENT_AGE)


@lru_cache(maxsize=AGE_CACHE_SIZE)
def _recipient_age(words: str, held: bool) -> Condition:
    return Condition(held, f"{words}，已满 {RECIPIENT_AGE} 周岁。", f"{words}，还不满 {RECIPIENT_AGE} 周岁。")


def elderly(ctx: Context, *, wording: str = "年满60周岁") -> Condition:
    """Aged 60 or over (assumptions ``sixty-inclusive``, ``elderly-means-60``)."""
    return _elderly(age_words(ctx), ctx.age >= ELDERLY_AGE, wording)


@lru_cache(maxsize=AGE_CACHE_SIZE)
def _elderly(words: str, held: bool, wording: str) -> Condition:
    return Condition(held, f"{words}，符合“{wording}”的条件。", f"{words}，这项帮扶要求{wording}。")


def assistance_cert(ctx: Context) -> Condition:
    """Holds the 扶助证; else apply first (``assistance-cert-apply-first``) if the family can (``assistance-cert-49-plus``)."""
    held = ctx.facts.special_assistance_cert
    if held:
        return CERT_HELD
    if ctx.age >= RECIPIENT_AGE or (ctx.partner_age is not None and ctx.partner_age >= RECIPIENT_AGE):
        return CERT_APPLY if held is False else CERT_UNKNOWN
    return CERT_PARTNER_UNKNOWN if ctx.partner_age is None else CERT_NOT_YET


def honor_cert(ctx: Context) -> Condition:
    """Holds the 独生子女父母光荣证 (assumption ``honor-cert-is-a-condition``)."""
    return HONOR_CERT.on(ctx.facts.honor_cert)
