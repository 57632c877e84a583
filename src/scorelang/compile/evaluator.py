"""The compiled evaluator: a prebuilt plan per item, run once per entity into a Scorecard."""
from __future__ import annotations

from decimal import Decimal
from typing import Callable

from ..model import nodes as m
from ..numbers import quantize_half_up, rounder
from ..runtime.scorecard import Event, ItemScore, Scorecard, SectionScore, TaskScore
from .rules import ZERO, ZEROED, compile_rule

HUNDRED = Decimal(100)

FLOOR_TEXT = "扣完为止：本项最低为0分"
TASK_FLOOR_TEXT = "任务得分最低为0分：扣分项目的扣分以任务得分扣完为止"
CAP_EARN_TEXT = "得分以本项分值为限（合计…分）"
CAP_DEDUCT_TEXT = "扣分项扣完为止：扣分以本项分值为限"


def _identity(name: str) -> str:
    return name


def _identity_value(value: Decimal) -> Decimal:
    return value


def _compile_part(part: m.Part, rename: Callable[[str], str], clause: str, deduction_only: bool):
    """One scored unit: returns run(facts, events) -> Decimal within its bounds."""
    compiled = [compile_rule(rule, rename) for rule in part.rules]
    steps = tuple(step for step, _ in compiled)
    earns = any(e for _, e in compiled)
    points = part.points
    base = ZERO if (earns or deduction_only) else points
    span = part.span

    if deduction_only:
        floor = -points

        def run(facts, events):
            score = ZERO
            for step in steps:
                delta = step(facts, events)
                if delta is not ZEROED:
                    score += delta
            if score < floor:
                events.append(Event(clause, CAP_DEDUCT_TEXT, "cap", (), floor - score, None, span))
                return floor
            return score
        return run

    def run(facts, events):
        earned = ZERO
        deducted = ZERO
        zeroed = None
        for step in steps:
            delta = step(facts, events)
            if delta is ZEROED:
                zeroed = len(events) - 1
            elif delta > 0:
                earned += delta
            else:
                deducted += delta
        if earns and earned > points:
            events.append(Event(clause, CAP_EARN_TEXT, "cap", (), points - earned, None, span))
            earned = points
        score = base + earned + deducted
        if zeroed is not None:
            event = events[zeroed]
            # 不得分 cancels whatever the part would otherwise have scored
            events[zeroed] = Event(event.clause, event.rule, "zero", event.facts, -max(score, ZERO),
                                   None, event.span)
            return ZERO
        if score < 0:
            events.append(Event(clause, FLOOR_TEXT, "floor", (), -score, None, span))
            return ZERO
        return score
    return run


def _compile_item(item: m.Item, places: int, round_item: bool):
    runs = []
    for part in item.parts:
        if part.occasions > 1:
            # 共N次: each occasion is scored on its own, reading its own facts
            names = dict(part.occasion_facts)
            for k in range(part.occasions):
                def rename(name, k=k):
                    return names[name][k] if name in names else name
                runs.append(_compile_part(part, rename, item.id, item.deduction_only))
        else:
            runs.append(_compile_part(part, _identity, item.id, item.deduction_only))
    runs = tuple(runs)
    item_id, title, points, deduction_only = item.id, item.title, item.points, item.deduction_only
    maximum = quantize_half_up(points, places)
    round_ = rounder(places) if round_item else (lambda value: value)

    if len(runs) == 1:
        (only,) = runs

        def evaluate(facts):
            events: list = []
            score = round_(only(facts, events))
            return ItemScore(item_id, title, score, maximum, ZERO, deduction_only, tuple(events))
        return evaluate

    def evaluate(facts):
        events: list = []
        score = ZERO
        for run in runs:
            score += run(facts, events)
        return ItemScore(item_id, title, round_(score), maximum, ZERO, deduction_only, tuple(events))
    return evaluate


class Evaluator:
    """Built once per policy by ``compile_policy``; ``evaluate`` runs per entity.

    Attributes:
        policy: the model it was compiled from.
    """

    def __init__(self, policy: m.Policy):
        self.policy = policy
        places = policy.places
        round_at = set(policy.round_at)
        self.places = places
        plan = []
        for task in policy.tasks:
            sections = []
            for section in task.sections:
                items = tuple(_compile_item(item, places, "item" in round_at) for item in section.items)
                sections.append((section.title, quantize_half_up(section.points, places), items))
            plan.append((task.id, task.name, tuple(l.department for l in task.leads),
                         task.weight, quantize_half_up(task.max, places), tuple(sections), task.span))
        self._plan = tuple(plan)
        keep = _identity_value
        self._round_task = rounder(places) if "task" in round_at else keep
        self._round_weighted = rounder(places) if "weighted" in round_at else keep
        self._round_total = rounder(places) if "total" in round_at else keep

    def evaluate(self, entity: str, facts: dict) -> Scorecard:
        """Score one entity from facts already validated by ``runtime.facts``."""
        round_task, round_weighted = self._round_task, self._round_weighted
        tasks = []
        total = ZERO
        for task_id, name, leads, weight, maximum, sections, span in self._plan:
            section_scores = []
            task_score = ZERO
            for title, section_max, items in sections:
                item_scores = [item(facts) for item in items]
                score = ZERO
                for item_score in item_scores:
                    score += item_score.score
                section_scores.append(SectionScore(title, score, section_max, tuple(item_scores)))
                task_score += score
            events = ()
            if task_score < 0:
                # 扣分项目 subtract from the task, which cannot go below 0
                events = (Event(task_id, TASK_FLOOR_TEXT, "floor", (), -task_score, None, span),)
                task_score = ZERO
            task_score = round_task(task_score)
            weighted = round_weighted(task_score * weight / HUNDRED)
            total += weighted
            tasks.append(TaskScore(task_id, name, leads, task_score, maximum, weight, weighted,
                                   tuple(section_scores), events))
        return Scorecard(entity, self._round_total(total), tuple(tasks))
