"""Quotas (名额, docs/language.md §23): how many entities may keep a grade, or hold an award tier
given by count, over the cohort, each group or one group.

Entities compete in rank order. A run of tied entities that fits in the places left keeps the
grade (or tier); one that straddles the end of the places follows the quota's tie rule: 全部计入
(all keep it: the quota is exceeded, and the flag says so), 全部不计入 (none does) or 提交认定
(each tied entity is pending between this grade and the next lower one, the committee decides).
An entity beyond a grade's quota gets the next lower grade — the next band down the totals —
with a flag naming the quota and its clause; grades are taken from the highest down, so an
entity moved down competes for the lower grade's quota too. A pending entity takes no part in
a lower grade's quota. A quota never raises a grade.
"""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..model.nodes import CountTier, Grades, Quota, QuotaRules, TieRule
from ..runtime.scorecard import Decision, Scorecard
from .decisions import NO_AWARD, cited, others, settle, tied_runs

Ranked = tuple[Scorecard, int]  # a scorecard and its rank


def grade_order(grades: Grades) -> list[str]:
    """The grades from the highest band of totals down (a band unbounded below is lowest)."""
    def height(band_index: int) -> tuple[int, Decimal, int]:
        band = grades.bands[band_index]
        if band.low is None:
            return (0, Decimal(0), -band_index)
        return (1, band.low, 1 if band.low_open else 0)
    indices = sorted(range(len(grades.bands)), key=height, reverse=True)
    return [grades.bands[i].name for i in indices]


def scopes(quota: Quota, ranked: Sequence[Ranked], groups: dict[str, tuple[str, ...]]
           ) -> list[tuple[str | None, set[str]]]:
    """(the group's name or None, its entities) for each scope the quota counts over."""
    everyone = {card.entity for card, _ in ranked}
    if quota.scope is None:
        return [(None, everyone)]
    names = list(groups) if quota.scope == "每组" else [quota.scope]
    return [(name, set(groups.get(name, ())) & everyone) for name in names]


def apply_grade_quotas(ranked: Sequence[Ranked], rules: QuotaRules, grades: Grades,
                       groups: dict[str, tuple[str, ...]], flags: dict[str, list[str]]) -> dict[str, Decision]:
    """Each graded entity's grade decision after the policy's quotas."""
    current = {card.entity: card.grade.name for card, _ in ranked if card.grade is not None}
    pending: dict[str, Decision] = {}
    order = grade_order(grades)
    for index, grade in enumerate(order):
        lower = order[index + 1] if index + 1 < len(order) else None
        for quota in (q for q in rules.quotas if q.name == grade):
            if lower is None:
                continue  # refused by check (SL413)
            if quota.scope == "每组":  # never silent: a 每组 quota does not limit an entity in no group
                grouped = {e for members in groups.values() for e in members} | set(pending)
                for card, _ in ranked:
                    if current.get(card.entity) == grade and card.entity not in grouped:
                        flags[card.entity].append(f"不在任何分组中，{grade}等次名额每组{quota.text()}"
                                                  f"对其不适用{cited(rules.clause)}")
            for group, members in scopes(quota, ranked, groups):
                pool = [(c, r) for c, r in ranked if c.entity in members and current.get(c.entity) == grade
                        and c.entity not in pending]
                places = quota.places(len(members))
                where = f"{group}内" if group else ""
                limit = f"{grade}等次名额{where}{quota.text()}，共{places}名"
                _fill_grade(pool, places, quota, (grade, lower), limit, rules, current, pending, flags)
    return {entity: pending.get(entity, Decision.decided(name)) for entity, name in current.items()}


def _fill_grade(pool: list[Ranked], places: int, quota: Quota, names: tuple[str, str], limit: str,
                rules: QuotaRules, current: dict[str, str], pending: dict[str, Decision],
                flags: dict[str, list[str]]) -> None:
    grade, lower = names
    taken = 0
    for run in tied_runs(pool, key=lambda cr: Decimal(-cr[1])):
        tied = [card.entity for card, _ in run]
        if taken + len(run) <= places:
            taken += len(run)
            continue
        if taken >= places:
            for entity in tied:
                current[entity] = lower
                flags[entity].append(f"{limit}，已满：由{grade}调整为{lower}{cited(rules.clause)}")
            continue
        boundary = f"并列跨越{limit}的界限"
        for entity in tied:
            mates = f"与{others(tied, entity)}" if len(tied) > 1 else ""
            if quota.tie is TieRule.ALL_IN:
                flags[entity].append(f"{mates}{boundary}：并列全部计入{grade}{cited(rules.clause)}")
            elif quota.tie is TieRule.ALL_OUT:
                current[entity] = lower
                flags[entity].append(f"{mates}{boundary}：并列全部不计入，由{grade}调整为{lower}{cited(rules.clause)}")
            else:
                pending[entity] = Decision.pending((grade, lower))
                flags[entity].append(f"{mates}{boundary}：等次待认定（{grade}或{lower}），"
                                     f"{settle(rules.decider, '认定')}{cited(rules.clause)}")
        taken = places if quota.tie is not TieRule.ALL_IN else taken + len(run)


def assign_count_tiers(ranked: Sequence[Ranked], tiers: tuple[CountTier, ...], clause: str | None,
                       decider: str | None, decisions: dict[str, Decision], flags: dict[str, list[str]],
                       where: str = "") -> None:
    """综合奖 by count: the tiers filled in rank order, each with its places; a tie on a tier's
    last places follows its tie rule (全部计入 / 全部不计入 / 提交认定)."""
    index, left = 0, tiers[0].count if tiers else 0
    runs = tied_runs(list(ranked), key=lambda cr: Decimal(-cr[1]))
    queue = [[card.entity for card, _ in run] for run in runs]
    while queue:
        tied = queue.pop(0)
        while index < len(tiers) and left <= 0:
            index += 1
            left = tiers[index].count if index < len(tiers) else 0
        if index >= len(tiers):
            for entity in tied:
                decisions[entity] = Decision.decided(None)
            continue
        tier = tiers[index]
        if len(tied) <= left:
            for entity in tied:
                decisions[entity] = Decision.decided(tier.name)
            left -= len(tied)
            continue
        boundary = f"并列跨越{tier.name}名额{where}（{tier.count}名，余{left}名）的界限"
        candidates, after, beyond = _spanned(tiers, index, len(tied) - left)
        for entity in tied:
            mates = f"与{others(tied, entity)}" if len(tied) > 1 else ""
            if tier.tie is TieRule.ALL_IN:
                decisions[entity] = Decision.decided(tier.name)
                flags[entity].append(f"{mates}{boundary}：并列全部计入{tier.name}{cited(clause)}")
            elif tier.tie is TieRule.ALL_OUT:
                flags[entity].append(f"{mates}{boundary}：并列全部不计入{tier.name}{cited(clause)}")
            else:
                decisions[entity] = Decision.pending(candidates)
                flags[entity].append(f"{mates}{boundary}：奖项待认定（{'或'.join(candidates)}），"
                                     f"{settle(decider, '认定')}{cited(clause)}")
        if tier.tie is TieRule.ALL_OUT:
            queue.insert(0, tied)  # they compete for the next tier
            left = 0
        elif tier.tie is TieRule.ALL_IN:
            left = 0
        else:  # the committee gives ``left`` of them this tier and the rest the tiers after it
            index, left = after, beyond


def _spanned(tiers: tuple[CountTier, ...], index: int, overflow: int) -> tuple[tuple[str, ...], int, int]:
    """A tie that fills tier ``index`` and needs ``overflow`` places more: the tiers its places
    span (不评奖 when they run past the last tier), and the tier and places left after it."""
    names = [tiers[index].name]
    at = index
    while overflow > 0:
        at += 1
        if at >= len(tiers):
            names.append(NO_AWARD)
            return tuple(names), at, 0
        names.append(tiers[at].name)
        overflow -= tiers[at].count
    return tuple(names), at, -overflow
