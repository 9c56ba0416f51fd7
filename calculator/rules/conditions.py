"""Conditions many clauses share, worded once: 户籍, family type, age, certificates.

Their wording depends only on a bool, the family type or the age, so each Condition is built once
(a :class:`Question` per bool, a small cache per family type or age) rather than on every call.
"""

from __future__ import annotations

from functools import lru_cache

from .base import ELDERLY_AGE, FAMILY_LABELS, RECIPIENT_AGE, Condition, Context, Question

APPLY_FOR_CERT = ("您还没有《上海市计划生育家庭特别扶助证》：请带户口本、身份证和子女死亡或伤残的证明，"
                  "先到户籍所在地街镇社区事务受理服务中心申请办理。")

HUKOU = Question("您是本区（松江区）户籍。", "本条只适用于本区（松江区）户籍居民，您填写的不是本区户籍。")
DECEASED_FAMILY = Question("您家是独生子女死亡家庭。", "本条只适用于独生子女死亡家庭。")
# Without the certificate the clause still applies: the resident applies for it first (unknown, not unmet).
ASSISTANCE_CERT = Question("您持有《上海市计划生育家庭特别扶助证》，办理时请带上。", "", APPLY_FOR_CERT)
HONOR_CERT = Question("您持有《独生子女父母光荣证》，办理时请带上。",
                      "本条要求持有《独生子女父母光荣证》，您填写的是没有（证件遗失的，可向街镇咨询补办）。")

# Ages are at most facts.OLDEST_AGE (130) and wordings are few, so these caches stay small.
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
    return Condition(family_type in FAMILY_LABELS, f"您家是{label}。", "本条只适用于独生子女伤残家庭或独生子女死亡家庭。")


def deceased_family(ctx: Context) -> Condition:
    """An 独生子女死亡 family."""
    return DECEASED_FAMILY.on(ctx.facts.family_type == "child_deceased")


def recipient_age(ctx: Context) -> Condition:
    """Aged 49 or over: with the two above, a 特别扶助对象."""
    return _recipient_age(ctx.age)


@lru_cache(maxsize=AGE_CACHE_SIZE)
def _recipient_age(age: int) -> Condition:
    return Condition(age >= RECIPIENT_AGE, f"您现在 {age} 周岁，已满 {RECIPIENT_AGE} 周岁，属于计划生育特别扶助对象。",
                     f"您现在 {age} 周岁，未满 {RECIPIENT_AGE} 周岁，还不是计划生育特别扶助对象。")


def elderly(ctx: Context, *, wording: str = "年满60周岁") -> Condition:
    """Aged 60 or over (assumptions ``sixty-inclusive``, ``elderly-means-60``)."""
    return _elderly(ctx.age, wording)


@lru_cache(maxsize=AGE_CACHE_SIZE)
def _elderly(age: int, wording: str) -> Condition:
    return Condition(age >= ELDERLY_AGE, f"您现在 {age} 周岁，符合“{wording}”的条件。",
                     f"您现在 {age} 周岁，本条要求{wording}。")


def assistance_cert(ctx: Context) -> Condition:
    """Holds the 特别扶助证; if not, apply first (assumption ``assistance-cert-apply-first``)."""
    return ASSISTANCE_CERT.on(True if ctx.facts.special_assistance_cert else None)


def honor_cert(ctx: Context) -> Condition:
    """Holds the 独生子女父母光荣证 (assumption ``honor-cert-is-a-condition``)."""
    return HONOR_CERT.on(ctx.facts.honor_cert)
