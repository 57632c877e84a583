"""Stage 4: scorecards → a ranked cohort: ranks (排名), award tiers (综合奖), single-task
awards (单项奖) and the flags the committee must look at.

The policy's 奖项 block gives the tiers by rank band (一等奖 第1至5名 …) and the single award's
top N. Equal totals share a rank (并列); a tie that straddles a tier boundary or the top N is
flagged, never broken. 降低一个等次评奖 and 直接排名最后一位 come from the scorecard's
adjustments. Last this year and last year → a flag. Each flag cites the clause the policy
attaches to it (奖项 依据 "…", 上年度排名最后 「…」 依据 "…"), or none.
"""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from ..model.nodes import AwardRules
from ..numbers import chinese_ordinal
from ..runtime.scorecard import EventKind, Scorecard
from .ineligible import withdraw_awards

__all__ = ["rank"]


def _competition_ranks(values: list[Decimal]) -> list[int]:
    """1, 2, 2, 4 for values already sorted high to low."""
    ranks: list[int] = []
    for index, value in enumerate(values):
        ranks.append(ranks[-1] if index and value == values[index - 1] else index + 1)
    return ranks


def _tier_index(awards: AwardRules, rank: int) -> int | None:
    for index, tier in enumerate(awards.tiers):
        if tier.first <= rank <= tier.last:
            return index
    return None


def rank(cards: Iterable[Scorecard], order: tuple[str, ...] = (), awards: AwardRules | None = None
         ) -> tuple[Scorecard, ...]:
    """Rank, award and flag a cohort. Ties are listed in the policy's declared order.

    Without ``awards`` only ranks are assigned.
    """
    position = {name: i for i, name in enumerate(order)}
    cards = list(cards)
    forced = [c for c in cards if any(e.kind == EventKind.LAST for e in c.adjustments)]
    normal = [c for c in cards if not any(e.kind == EventKind.LAST for e in c.adjustments)]

    def key(card: Scorecard) -> tuple[Decimal, int, str]:
        return (-card.total, position.get(card.entity, len(position)), card.entity)

    normal.sort(key=key)
    forced.sort(key=key)
    ranks = _competition_ranks([c.total for c in normal]) + [len(normal) + 1] * len(forced)
    ordered = normal + forced
    flags: dict[str, list[str]] = {c.entity: [] for c in ordered}
    for card in forced:
        reason = next(e.rule for e in card.adjustments if e.kind == EventKind.LAST)
        flags[card.entity].append(f"直接排名最后一位（{_clause(card, EventKind.LAST)}：{reason}）")

    award_of: dict[str, str | None] = {c.entity: None for c in ordered}
    if awards is not None and awards.tiers:
        _assign_tiers(ordered, ranks, len(normal), awards, award_of, flags)
    task_awards: dict[str, list[str]] = {c.entity: [] for c in ordered}
    if awards is not None and awards.single_top:
        _single_awards(ordered, awards, task_awards, flags, position)
    last_rank = max(ranks) if ranks else None
    if awards is not None and awards.previous_last:
        for card, card_rank in zip(ordered, ranks, strict=True):
            if card_rank == last_rank and card.previous_last:
                shown = f"：{awards.previous.shown}" if awards.previous.shown else ""
                flags[card.entity].append(f"连续两年排名最后一位{shown}{_cited(awards.previous.clause)}")
    withdraw_awards(ordered, award_of, task_awards, flags)  # 取消评优资格 (§22): cohort/ineligible.py
    return tuple(
        attrs.evolve(card, rank=card_rank, award=award_of[card.entity], flags=tuple(flags[card.entity]),
                     task_awards=tuple(task_awards[card.entity]))
        for card, card_rank in zip(ordered, ranks, strict=True))


def _cited(clause: str | None) -> str:
    """（clause） after a flag the engine raises, when the policy attaches a clause to it."""
    return f"（{clause}）" if clause else ""


def _settle(awards: AwardRules, how: str) -> str:
    """须由「who」{how}, or without a decider in the policy 须另行{how}."""
    return f"须由{awards.decider}{how}" if awards.decider else f"须另行{how}"


def _clause(card: Scorecard, kind: EventKind) -> str:
    return next(e.clause for e in card.adjustments if e.kind == kind)


def _assign_tiers(ordered: list[Scorecard], ranks: list[int], normal_count: int, awards: AwardRules,
                  award_of: dict[str, str | None], flags: dict[str, list[str]]) -> None:
    tiers = awards.tiers
    # ties: the places a tied group occupies run from its rank to rank + size - 1
    for start in range(normal_count):
        if start and ranks[start] == ranks[start - 1]:
            continue
        end = start
        while end + 1 < normal_count and ranks[end + 1] == ranks[start]:
            end += 1
        if end == start:
            continue
        first_tier = _tier_index(awards, ranks[start])
        last_tier = _tier_index(awards, ranks[start] + end - start)
        if first_tier != last_tier:
            names = [c.entity for c in ordered[start:end + 1]]
            upper = tiers[first_tier].name if first_tier is not None else "无奖"
            lower = tiers[last_tier].name if last_tier is not None else "无奖"
            for card in ordered[start:end + 1]:
                others = "、".join(n for n in names if n != card.entity)
                flags[card.entity].append(
                    f"与{others}并列第{ranks[start]}名，并列跨越{upper}与{lower}的名次界限："
                    f"暂按{upper}列出，{_settle(awards, '认定')}{_cited(awards.clause)}")
    for card, card_rank in zip(ordered, ranks, strict=True):
        index = _tier_index(awards, card_rank)
        demotions = [e for e in card.adjustments if e.kind == EventKind.DEMOTE]
        if demotions and index is not None:
            before = tiers[index].name
            index += len(demotions)
            after = tiers[index].name if index < len(tiers) else "不评奖"
            for event in demotions:
                flags[card.entity].append(f"降低一个等次评奖（{event.clause}：{event.rule}）：{before}→{after}")
        award_of[card.entity] = tiers[index].name if index is not None and index < len(tiers) else None


def _single_awards(ordered: list[Scorecard], awards: AwardRules, task_awards: dict[str, list[str]],
                   flags: dict[str, list[str]], position: dict[str, int]) -> None:
    """单项奖: the top ``top`` of each task by its score (with bonuses); a tie that makes more
    than ``top`` winners is flagged for whoever the policy says settles it."""
    top = awards.single_top
    assert top is not None
    task_ids = []
    for card in ordered:
        for task in card.tasks:
            if task.id not in task_ids:
                task_ids.append(task.id)
    for task_id in task_ids:
        scored = []
        for card in ordered:
            found = next((t for t in card.tasks if t.id == task_id), None)
            if found is not None:
                scored.append((found.score + found.bonus, card.entity, found.name))
        scored.sort(key=lambda s: (-s[0], position.get(s[1], len(position)), s[1]))
        task_ranks = _competition_ranks([s[0] for s in scored])
        winners = [(s, r) for s, r in zip(scored, task_ranks, strict=True) if r <= top]
        for (_, entity, _), _ in winners:
            task_awards[entity].append(task_id)
        if len(winners) > top:
            boundary = winners[-1][1]
            tied = [s[1] for s, r in winners if r == boundary]
            for entity in tied:
                others = "、".join(e for e in tied if e != entity)
                flags[entity].append(
                    f"目标任务{_task_name(task_id)}单项奖：与{others}并列第{boundary}名，前{top}名多于{top}个，"
                    f"{_settle(awards, f'综合评定确定{top}名')}{_cited(awards.clause)}")


def _task_name(task_id: str) -> str:
    return chinese_ordinal(int(task_id)) if task_id.isdigit() else task_id
