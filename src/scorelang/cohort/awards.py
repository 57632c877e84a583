"""Awards by rank: tiers by rank band (综合奖 "一等奖" 第1至5名) and single-task awards (单项奖).

A tie whose places straddle a tier's boundary is not decided: each tied entity's award is
pending, with the tiers its places span as candidates (runtime.decision), and a flag cites the
clause. A single-task award tied beyond its places leaves the tied entities pending too.
降低一个等次评奖 moves a decided award — and each candidate of a pending one — down a tier, by
rank band or by count.
"""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..model.nodes import AwardRules
from ..numbers import chinese_ordinal, format_decimal
from ..runtime.scorecard import Decision, EventKind, PendingPlaces, Scorecard
from .decisions import NO_AWARD, award_settle, cited, competition_ranks, others, tied_runs
from .quotas import assign_count_tiers


def award_everyone(ordered: Sequence[Scorecard], ranks: Sequence[int], awards: AwardRules,
                   groups: dict[str, tuple[str, ...]], decisions: dict[str, Decision],
                   flags: dict[str, list[str]]) -> set[str]:
    """The 综合奖 of every entity: by rank band or by count (§23), over the cohort or within each
    group (每组: the groups in the policy's order, an entity in the first that lists it; one in no
    group gets none); none below the policy's 考评总分 低于 N 分 不评奖. An entity under 取消评优资格
    takes no place of a tier by count (cohort/ineligible.py withdraws the rest). Returns the entities
    eligible for an award (for the single-task awards too)."""
    eligible = {c.entity for c in ordered}
    if awards.floor is not None:
        floor = awards.floor
        eligible = {c.entity for c in ordered if c.total >= floor}
    rank_of = {c.entity: r for c, r in zip(ordered, ranks, strict=True)}
    scopes: list[tuple[str, list[Scorecard]]] = [("", list(ordered))]
    if awards.each_group:
        scopes, placed = [], set[str]()
        for group, members in groups.items():
            scope = [c for c in ordered if c.entity in members and c.entity not in placed]
            placed.update(c.entity for c in scope)
            scopes.append((f"{group}内", scope))
        for card in ordered:  # never silent: an entity in no group has no 综合奖 to compete for
            if card.entity not in placed:
                flags[card.entity].append(f"不在任何分组中，不评各组分别评定的综合奖{cited(awards.clause)}")
    for where, scope in scopes:
        if awards.count_tiers:  # 取消评优资格 takes no place of a tier by count: the next one moves up
            competing = [(c, rank_of[c.entity]) for c in scope if c.entity in eligible
                         and not any(e.kind == EventKind.INELIGIBLE for e in c.adjustments)]
            assign_count_tiers(competing, awards.count_tiers, awards.clause, awards.decider, decisions, flags,
                               where)
        elif awards.tiers:
            normal = [c for c in scope if not any(e.kind == EventKind.LAST for e in c.adjustments)]
            last = [c for c in scope if c not in normal]
            scope_ranks = competition_ranks([c.total for c in normal]) + [len(normal) + 1] * len(last)
            assign_tiers(normal + last, scope_ranks, len(normal), awards, decisions, flags, where)
    if awards.count_tiers:
        demote_by_count(ordered, awards.tier_names, decisions, flags)
    if awards.floor is not None:  # said whatever awards the policy gives: single-task ones too
        for card in ordered:
            if card.entity not in eligible:
                flags[card.entity].append(f"考评总分低于{format_decimal(awards.floor)}分，不评奖"
                                          f"{cited(awards.clause)}")
    if awards.tiers or awards.count_tiers:
        for card in ordered:
            if card.entity not in eligible:
                decisions[card.entity] = Decision.decided(None)
            decisions.setdefault(card.entity, Decision.decided(None))
    return eligible


def demote_by_count(ordered: Sequence[Scorecard], names: tuple[str, ...], decisions: dict[str, Decision],
                    flags: dict[str, list[str]]) -> None:
    """降低一个等次评奖 on a tier by count: the award it was given (or each candidate of a pending
    one) moves down a tier per effect, past the last to none — as assign_tiers does for a band."""
    for card in ordered:
        demotions = [e for e in card.adjustments if e.kind == EventKind.DEMOTE]
        decision = decisions.get(card.entity)
        if not demotions or decision is None or decision.value is None and not decision.is_pending:
            continue
        before = decision.candidates if decision.is_pending else (str(decision.value),)
        after = tuple(dict.fromkeys(_lowered(names, name, len(demotions)) for name in before))
        for event in demotions:
            flags[card.entity].append(f"降低一个等次评奖（{event.clause}：{event.rule}）："
                                      f"{'或'.join(before)}→{'或'.join(after)}")
        decisions[card.entity] = (Decision.pending(after) if len(after) > 1
                                  else Decision.decided(None if after[0] == NO_AWARD else after[0]))


def _lowered(names: tuple[str, ...], name: str, steps: int) -> str:
    at = names.index(name) + steps if name in names else len(names)
    return names[at] if at < len(names) else NO_AWARD


def tier_index(awards: AwardRules, rank: int) -> int | None:
    for index, tier in enumerate(awards.tiers):
        if tier.first <= rank <= tier.last:
            return index
    return None


def _name(awards: AwardRules, index: int | None) -> str:
    return awards.tiers[index].name if index is not None and index < len(awards.tiers) else NO_AWARD


def assign_tiers(ordered: Sequence[Scorecard], ranks: Sequence[int], normal_count: int, awards: AwardRules,
                 decision_of: dict[str, Decision], flags: dict[str, list[str]], where: str = "") -> None:
    """Each entity's award by the band its rank falls in; a tie across a band's edge is pending.
    ``where``: 「组」内 for ranks within a group (每组), else empty."""
    spans: dict[str, list[int | None]] = {}
    # ties: the places a tied group occupies run from its rank to rank + size - 1
    normal = list(zip(ordered[:normal_count], ranks[:normal_count], strict=True))
    for run in tied_runs(normal, key=lambda cr: Decimal(-cr[1])):
        run_rank = run[0][1]
        places = range(run_rank, run_rank + len(run))
        indices = list(dict.fromkeys(tier_index(awards, place) for place in places))
        if len(indices) > 1:
            tied = [c.entity for c, _ in run]
            upper, lower = _name(awards, indices[0]), _name(awards, indices[-1])
            for card, _ in run:
                spans[card.entity] = indices
                flags[card.entity].append(
                    f"{where}与{others(tied, card.entity)}并列第{run_rank}名，并列跨越{upper}与{lower}的名次界限："
                    f"奖项待认定，{award_settle(awards, '认定')}{cited(awards.clause)}")
    for card, card_rank in zip(ordered, ranks, strict=True):
        indices = spans.get(card.entity, [tier_index(awards, card_rank)])
        demotions = [e for e in card.adjustments if e.kind == EventKind.DEMOTE]
        if demotions and indices != [None]:
            before = "或".join(_name(awards, i) for i in indices)
            indices = [None if i is None else i + len(demotions) for i in indices]
            after = "或".join(dict.fromkeys(_name(awards, i) for i in indices))
            for event in demotions:
                flags[card.entity].append(f"降低一个等次评奖（{event.clause}：{event.rule}）：{before}→{after}")
        names = tuple(dict.fromkeys(_name(awards, i) for i in indices))
        if len(names) > 1:
            decision_of[card.entity] = Decision.pending(names)
        else:
            decision_of[card.entity] = Decision.decided(None if names[0] == NO_AWARD else names[0])


def single_awards(ordered: Sequence[Scorecard], awards: AwardRules, task_awards: dict[str, list[str]],
                  pending: dict[str, list[PendingPlaces]], flags: dict[str, list[str]],
                  position: dict[str, int], tasks: dict[str, int] | None = None,
                  eligible: set[str] | None = None) -> None:
    """单项奖: the top N of each task by its score (with bonuses). ``tasks`` maps the task ids that
    have one to their N (None: every task, ``awards.single_top`` places). A tie that makes more
    than N winners leaves the tied entities at the boundary pending, for whoever settles it."""
    task_ids: list[str] = []
    for card in ordered:
        for task in card.tasks:
            if task.id not in task_ids:
                task_ids.append(task.id)
    for task_id in task_ids:
        top = awards.single_top if tasks is None else tasks.get(task_id)
        if top is None:
            continue
        scored = []
        for card in ordered:
            if eligible is not None and card.entity not in eligible:
                continue
            found = next((t for t in card.tasks if t.id == task_id), None)
            if found is not None:
                scored.append((found.score + found.bonus, card.entity))
        scored.sort(key=lambda s: (-s[0], position.get(s[1], len(position)), s[1]))
        task_ranks = competition_ranks([s[0] for s in scored])
        winners = [(entity, r) for (_, entity), r in zip(scored, task_ranks, strict=True) if r <= top]
        if len(winners) <= top:
            for entity, _ in winners:
                task_awards[entity].append(task_id)
            continue
        boundary = winners[-1][1]
        tied = tuple(entity for entity, r in winners if r == boundary)
        for entity, r in winners:
            if r < boundary:
                task_awards[entity].append(task_id)
        left = top - (boundary - 1)
        for entity in tied:
            pending[entity].append(PendingPlaces(task_id, left, tied))
            flags[entity].append(
                f"目标任务{task_name(task_id)}单项奖：与{others(tied, entity)}并列第{boundary}名，"
                f"前{top}名多于{top}个，单项奖待认定，"
                f"{award_settle(awards, f'综合评定确定{top}名')}{cited(awards.clause)}")


def task_name(task_id: str) -> str:
    return chinese_ordinal(int(task_id)) if task_id.isdigit() else task_id
