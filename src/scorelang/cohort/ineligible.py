"""取消评优资格 (an outcome effect, docs/language.md §22) in the cohort stage: an entity with an
``ineligible`` adjustment gets no 综合奖 and no 单项奖. Its rank stays, and the places it would
have taken are not passed on to others (the awards are by rank band; who else is awarded is the
committee's decision). Each such entity is flagged with the clause and rule, and what it lost."""
from __future__ import annotations

from collections.abc import Sequence

from ..numbers import chinese_ordinal
from ..runtime.scorecard import EventKind, Scorecard


def withdraw_awards(ordered: Sequence[Scorecard], award_of: dict[str, str | None],
                    task_awards: dict[str, list[str]], flags: dict[str, list[str]]) -> None:
    for card in ordered:
        events = [e for e in card.adjustments if e.kind == EventKind.INELIGIBLE]
        if not events:
            continue
        lost = []
        if award_of[card.entity] is not None:
            lost.append(f"不评{award_of[card.entity]}")
        for task_id in task_awards[card.entity]:
            name = chinese_ordinal(int(task_id)) if task_id.isdigit() else task_id
            lost.append(f"不评目标任务{name}单项奖")
        award_of[card.entity] = None
        task_awards[card.entity] = []
        outcome = "：" + "、".join(lost) if lost else ""
        for event in events:
            flags[card.entity].append(f"取消评优资格（{event.clause}：{event.rule}）{outcome}")
