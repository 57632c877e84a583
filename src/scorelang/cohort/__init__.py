"""Stage 4: scorecards → a ranked cohort: ranks (排名), award tiers (综合奖), single-task
awards (单项奖) and the flags the committee must look at.

The policy's 奖项 block gives the tiers by rank band (一等奖 第1至5名 …) and the single award's
top N. Equal totals share a rank (并列); a tie that straddles a tier boundary or the top N is
left pending with its candidates (runtime.decision), never broken. 降低一个等次评奖 and
直接排名最后一位 come from the scorecard's adjustments. Last this year and last year → a flag.
Each flag cites the clause the policy attaches to it (奖项 依据 "…", 上年度排名最后 「…」 依据 "…"), or none.
"""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from ..model.nodes import AwardRules, Grades, Group, QuotaRules
from ..runtime.scorecard import Decision, EventKind, PendingPlaces, Scorecard
from .awards import award_everyone, single_awards
from .decisions import cited, competition_ranks
from .ineligible import withdraw_awards
from .quotas import apply_grade_quotas

__all__ = ["rank"]


def rank(cards: Iterable[Scorecard], order: tuple[str, ...] = (), awards: AwardRules | None = None, *,
         quotas: QuotaRules | None = None, grades: Grades | None = None, groups: tuple[Group, ...] = ()
         ) -> tuple[Scorecard, ...]:
    """Rank, award and flag a cohort. Ties are listed in the policy's declared order.

    Without ``awards`` only ranks are assigned; ``quotas`` (名额) limit the ``grades`` the
    scorecards hold, over the cohort or the ``groups`` (docs/language.md §23).
    """
    position = {name: i for i, name in enumerate(order)}
    cards = list(cards)
    forced = [c for c in cards if any(e.kind == EventKind.LAST for e in c.adjustments)]
    normal = [c for c in cards if not any(e.kind == EventKind.LAST for e in c.adjustments)]

    def key(card: Scorecard) -> tuple[Decimal, int, str]:
        return (-card.total, position.get(card.entity, len(position)), card.entity)

    normal.sort(key=key)
    forced.sort(key=key)
    ranks = competition_ranks([c.total for c in normal]) + [len(normal) + 1] * len(forced)
    ordered = normal + forced
    flags: dict[str, list[str]] = {c.entity: [] for c in ordered}
    for card in forced:
        reason = next(e.rule for e in card.adjustments if e.kind == EventKind.LAST)
        flags[card.entity].append(f"直接排名最后一位（{_clause(card, EventKind.LAST)}：{reason}）")

    members = {g.name: g.members for g in groups}
    decisions: dict[str, Decision] = {}
    task_awards: dict[str, list[str]] = {c.entity: [] for c in ordered}
    pending: dict[str, list[PendingPlaces]] = {c.entity: [] for c in ordered}
    if awards is not None:
        eligible = award_everyone(ordered, ranks, awards, members, decisions, flags)
        if awards.single_top or awards.single_tasks:
            tasks = dict(awards.single_tasks) if awards.single_tasks else None
            single_awards(ordered, awards, task_awards, pending, flags, position, tasks, eligible)
    last_rank = max(ranks) if ranks else None
    if awards is not None and awards.previous_last:
        for card, card_rank in zip(ordered, ranks, strict=True):
            if card_rank == last_rank and card.previous_last:
                shown = f"：{awards.previous.shown}" if awards.previous.shown else ""
                flags[card.entity].append(f"连续两年排名最后一位{shown}{cited(awards.previous.clause)}")
    ranked = list(zip(ordered, ranks, strict=True))
    if quotas is not None and grades is not None:
        graded = apply_grade_quotas(ranked, quotas, grades, members, flags)
    else:
        graded = {c.entity: Decision.decided(c.grade.name) for c in ordered if c.grade is not None}
    withdraw_awards(ordered, decisions, task_awards, pending, flags)  # 取消评优资格 (§22): cohort/ineligible.py
    return tuple(
        attrs.evolve(card, rank=card_rank, award=_decided(decisions.get(card.entity)),
                     award_decision=decisions.get(card.entity), flags=tuple(flags[card.entity]),
                     task_awards=tuple(task_awards[card.entity]), grade_decision=graded.get(card.entity),
                     pending_task_awards=tuple(pending[card.entity]))
        for card, card_rank in ranked)


def _decided(decision: Decision | None) -> str | None:
    """The award a scorecard's ``award`` holds: the decided one, None when none or pending."""
    return None if decision is None else decision.value


def _clause(card: Scorecard, kind: EventKind) -> str:
    return next(e.clause for e in card.adjustments if e.kind == kind)
