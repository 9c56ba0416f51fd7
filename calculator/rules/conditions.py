"""Conditions many clauses share, worded once: 户口, family type, age, certificates.

The family type, the 户口, the age and a 扶助证 already held are said once, at the top of a result
(:mod:`calculator.result.about`): here they give no reason sentence when they hold, and the short "原因见结果
开头的说明" when they do not. An answer left out is unknown: its condition is neither met nor unmet, and
its open question says what to tell or bring — never "您填写的是…".
"""

from __future__ import annotations

from functools import cache

from .base import ELDERLY_AGE, RECIPIENT_AGE, Condition, Context, Question
from ..vocabulary import SPECIAL_FAMILY_TYPES

DECEASED_FAMILY = Question("", "这项帮扶是给孩子去世的家庭的。", shared=True)
HONOR_CERT = Question("您有{honor_cert}。",
                      "这项补助要凭{honor_cert}办理，您说没有{honor_cert}。",
                      "这项补助要凭{honor_cert}办理，要看有没有{honor_cert}。")

# The 扶助证 confirms a 特别扶助对象 family, one whose parent is 49 or older (assumption
# ``assistance-cert-49-plus``): only such a family is told to apply for it.
CERT_HELD = Question("", "", shared=True)
CERT_APPLY = Question("", "", "还没有{assistance_cert}的，请先到{hall}申请。")
CERT_UNKNOWN = Question("", "", "这项帮扶凭{assistance_cert}办理，没有的请先到{hall}申请。")
CERT_PARTNER_UNKNOWN = Question("", "", "这项帮扶凭{assistance_cert}办理：配偶已满49周岁的，可以先申请。")
CERT_NOT_YET = Question("", "这项帮扶凭{assistance_cert}办理。{assistance_cert}发给父母年满49周岁的家庭，您和配偶都还不满49周岁。")

# Kept for callers that size their caches by it (ages are at most consistency.OLDEST_AGE).
AGE_CACHE_SIZE = 512


def special_family(ctx: Context) -> Condition:
    """An 独生子女伤残 or 死亡 family."""
    return _special_family(ctx.facts.family_type in SPECIAL_FAMILY_TYPES)


@cache
def _special_family(held: bool) -> Condition:
    return Condition(held, "", "这项帮扶是给孩子伤残或去世的家庭的。", "", True)


def deceased_family(ctx: Context) -> Condition:
    """An 独生子女死亡 family."""
    return DECEASED_FAMILY.on(ctx.facts.family_type == "child_deceased")


def recipient_age(ctx: Context) -> Condition:
    """Aged 49 or over: with the two above, a 特别扶助对象 (which this condition alone does not claim)."""
    return _age(ctx.age >= RECIPIENT_AGE, f"年满{RECIPIENT_AGE}周岁")


def elderly(ctx: Context, *, wording: str = "年满60周岁") -> Condition:
    """Aged 60 or over (assumptions ``sixty-inclusive``, ``elderly-means-60``)."""
    return _age(ctx.age >= ELDERLY_AGE, wording)


@cache  # two answers per wording, a handful of wordings
def _age(held: bool, wording: str) -> Condition:
    return Condition(held, "", f"这项帮扶要求{wording}。")


def assistance_cert(ctx: Context) -> Condition:
    """Holds the 扶助证; else apply first (``assistance-cert-apply-first``) if the family can (``assistance-cert-49-plus``)."""
    held = ctx.facts.special_assistance_cert
    if held:
        return CERT_HELD.on(True)
    if ctx.age >= RECIPIENT_AGE or (ctx.partner_age is not None and ctx.partner_age >= RECIPIENT_AGE):
        return (CERT_APPLY if held is False else CERT_UNKNOWN).on(None)
    return CERT_PARTNER_UNKNOWN.on(None) if ctx.partner_age is None else CERT_NOT_YET.on(False)


def honor_cert(ctx: Context) -> Condition:
    """Holds the 独生子女父母光荣证 (assumption ``honor-cert-is-a-condition``)."""
    return HONOR_CERT.on(ctx.facts.honor_cert)
