"""Warnings on quotas and awards (docs/language.md §23.5) that need what the whole policy
declares — its entities, groups and highest total — listed in ``checks.CHECKS``: no award below
a total nobody can reach (SL441), a percentage quota that rounds to no place (SL442), 每组 while
some declared entities are in no group (SL443), a quota of more places than entities (SL444), an
award tier that starts beyond the entities (SL445).

Entities listed by the facts file (对象 … 由事实文件列出) and groups defined by a fact (凡…为…)
are known only when scored: the checks that count them say nothing then."""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from .. import messages as msg
from ..diagnostics import Diagnostic
from ..messages import Words
from ..numbers import format_decimal
from ..span import Span
from . import nodes as m
from .awards import EACH_GROUP, Quota, TieRule

_ROUNDING_EN = {"向下取整": "rounding down", "四舍五入": "rounding half up", "向上取整": "rounding up"}
_SHOWN = 5  # ungrouped entities named in SL443 before 等


def highest_total(policy: m.Policy) -> tuple[Decimal, Words] | None:
    """The highest total the policy can give, and where it is said: the declared 考评总分 最高,
    else the full score (满分, 100 unless declared) when no rule adds points beyond it (加分)
    and the tasks are not summed on an undeclared scale; None: not known before scoring."""
    bounds = policy.total_bounds
    if bounds is not None and bounds.upper is not None:
        return bounds.upper, Words("办法写明的 `考评总分 最高`", "the declared `考评总分 最高`")
    if policy.summed and not policy.scale.declared:
        return None
    rules = [r for t in policy.tasks for i in t.items for r in i.rules] + [
        r for a in policy.articles for r in a.rules]
    if any(r.effect is m.Effect.BONUS for r in rules):
        return None
    return policy.scale.points, Words("满分", "the full score")


def check_award_floor(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL441: 考评总分 低于 N 分 不评奖 with N above the highest total: nobody is awarded."""
    awards = policy.awards
    if awards is None or awards.floor is None or awards.floor_span is None:
        return
    highest = highest_total(policy)
    if highest is not None and awards.floor > highest[0]:
        yield msg.AWARD_FLOOR_UNREACHABLE.at(awards.floor_span, floor=format_decimal(awards.floor.normalize()),
                                             highest=format_decimal(highest[0].normalize()), source=highest[1])


def _listed_groups(policy: m.Policy) -> tuple[m.Group, ...] | None:
    """The groups with their members listed; None if one is defined by a fact (known when scored)."""
    if any(g.fact is not None for g in policy.groups):
        return None
    return policy.groups


def _scopes(policy: m.Policy, quota: Quota) -> list[tuple[Words, int]]:
    """The scopes a quota counts places in, as (how a message names it, its number of entities);
    empty when the entities are known only from the facts."""
    if policy.entities_from_facts:
        return []
    if quota.scope is None:
        return [(Words("全体", "in the cohort"), len(policy.entities))]
    groups = _listed_groups(policy)
    if groups is None:
        return []
    return [(Words(f"「{g.name}」", f"in 「{g.name}」"), len(g.members)) for g in groups
            if quota.scope in (EACH_GROUP, g.name)]


def check_quota_places(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL442: a percentage quota rounding to 0 places among the declared entities of a scope;
    SL444: a count quota of more places than the entities of its scope."""
    if policy.quotas is None:
        return
    for quota in policy.quotas.quotas:
        for scope, size in _scopes(policy, quota):
            if size == 0:
                continue
            if quota.percent is not None and quota.rounding is not None and 0 < quota.percent <= 100 \
                    and quota.places(size) == 0:
                exact = format_decimal((Decimal(size) * quota.percent / 100).normalize())
                rounding = Words(str(quota.rounding), f"{quota.rounding} ({_ROUNDING_EN[str(quota.rounding)]})")
                yield msg.QUOTA_ROUNDS_TO_ZERO.at(quota.span, name=quota.name, scope=scope, size=size,
                                                  percent=format_decimal(quota.percent.normalize()),
                                                  exact=exact, rounding=rounding)
                break
            if quota.count is not None and quota.count > size:
                yield msg.QUOTA_ABOVE_ENTITIES.at(quota.span, name=quota.name, count=quota.count, scope=scope,
                                                  size=size)
                break


def _ungrouped(policy: m.Policy) -> tuple[str, ...]:
    groups = _listed_groups(policy)
    if groups is None or not groups or policy.entities_from_facts:
        return ()
    grouped = {e for g in groups for e in g.members}
    return tuple(e for e in policy.entities if e not in grouped)


def _names(entities: tuple[str, ...]) -> Words:
    shown = "、".join(f"「{e}」" for e in entities[:_SHOWN])
    if len(entities) <= _SHOWN:
        return Words(shown, shown)
    return Words(f"{shown}等", f"{shown} and {len(entities) - _SHOWN} more")


def check_each_group_ungrouped(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL443: awards or a quota decided 每组 while declared entities are in no group: scoring
    leaves them out (flagged); check says so before."""
    left = _ungrouped(policy)
    if not left:
        return
    awards = policy.awards
    if awards is not None and awards.each_group:
        spans: list[Span] = [t.span for t in awards.tiers] + [t.span for t in awards.count_tiers]
        yield msg.EACH_GROUP_UNGROUPED.at(spans[0] if spans else awards.span,
                                          what=Words("综合奖", "the overall award"), count=len(left),
                                          names=_names(left), effect=Words("不评综合奖", "get no overall award"))
    for quota in policy.quotas.quotas if policy.quotas is not None else ():
        if quota.scope == EACH_GROUP:
            yield msg.EACH_GROUP_UNGROUPED.at(
                quota.span, what=Words(f"「{quota.name}」的名额", f"the quota of 「{quota.name}」"),
                count=len(left), names=_names(left),
                effect=Words("不受这一名额限制", "are not limited by this quota"))


def _tier_scope(policy: m.Policy, awards: m.AwardRules) -> tuple[Words, int] | None:
    """Where the tiers are awarded and its number of entities (each group: the largest group)."""
    if policy.entities_from_facts:
        return None
    if not awards.each_group:
        return Words("全体", "in the cohort"), len(policy.entities)
    groups = _listed_groups(policy)
    if not groups:
        return None
    return Words("最大的分组", "in the largest group"), max(len(g.members) for g in groups)


def check_tiers_reachable(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL445: an award tier whose first place is beyond the entities of its scope: by rank band
    (第a至b名, a above them), or by count after tiers that fill every place whatever the ties (all
    全部计入: a tie 全部不计入 or 提交认定 may pass entities on to a later tier)."""
    awards = policy.awards
    scope = _tier_scope(policy, awards) if awards is not None else None
    if awards is None or scope is None or scope[1] == 0:
        return
    words, size = scope
    for tier in awards.tiers:
        if tier.first > size:
            yield msg.TIER_BEYOND_ENTITIES.at(tier.span, name=tier.name, first=tier.first, scope=words, size=size)
    taken = 0
    for count_tier in awards.count_tiers:
        if taken >= size:
            yield msg.TIER_BEYOND_ENTITIES.at(count_tier.span, name=count_tier.name, first=taken + 1, scope=words,
                                              size=size)
        if count_tier.tie is not TieRule.ALL_IN:
            return
        taken += count_tier.count


AWARD_CHECKS = (check_award_floor, check_quota_places, check_each_group_ungrouped, check_tiers_reachable)
