"""取消评优资格 (an outcome effect, docs/language.md §22) in the cohort stage: an entity with an
``ineligible`` adjustment gets no 综合奖 and no 单项奖 — decided: none, even where it would have
been pending (§23). Its rank stays, and the places it would have taken by rank (a tier by rank
band, a single-task award) are not passed on to others (who else is awarded is the committee's
decision); a tier by count (N 名) it never competed for (cohort/awards.py), so its places go
on. Each such entity is flagged with the clause and rule, and what it lost."""
from __future__ import annotations

from collections.abc import Sequence

from ..runtime.scorecard import Decision, EventKind, PendingPlaces, Scorecard
from .awards import task_name


def withdraw_awards(ordered: Sequence[Scorecard], decisions: dict[str, Decision],
                    task_awards: dict[str, list[str]], pending: dict[str, list[PendingPlaces]],
                    flags: dict[str, list[str]]) -> None:
    for card in ordered:
        events = [e for e in card.adjustments if e.kind == EventKind.INELIGIBLE]
        if not events:
            continue
        lost = []
        decision = decisions.get(card.entity)
        if decision is not None and decision.is_pending:
            lost.append(f"不评{'或'.join(decision.candidates)}")
        elif decision is not None and decision.value is not None:
            lost.append(f"不评{decision.value}")
        for task_id in task_awards[card.entity] + [p.task for p in pending[card.entity]]:
            lost.append(f"不评目标任务{task_name(task_id)}单项奖")
        if decision is not None:
            decisions[card.entity] = Decision.decided(None)
        task_awards[card.entity] = []
        pending[card.entity] = []
        outcome = "：" + "、".join(lost) if lost else ""
        for event in events:
            flags[card.entity].append(f"取消评优资格（{event.clause}：{event.rule}）{outcome}")
