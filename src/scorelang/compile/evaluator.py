"""The compiled evaluator: a prebuilt plan per item, run once per entity into a Scorecard.

The plan is a tuple of tasks → sections → item closures built by ``compile_policy``; the
per-entity path calls closures and adds Decimals, nothing else. An item whose rules fire no
event scores its *quiet* value (full points, or 0 for items scored up from 0), and then the
prebuilt, immutable ItemScore is returned as is; a section or task whose items are all quiet
is prebuilt too. Sharing is safe because results are frozen.
"""
from __future__ import annotations

from decimal import Decimal
from operator import is_not
from typing import Callable

from ..model import nodes as m
from ..numbers import quantize_half_up, rounder
from ..runtime.scorecard import (Scorecard, TaskScore, new_event, new_item_score, new_scorecard,
                                 new_section_score, new_task_score)
from .rules import ZERO, ZEROED, compile_rule

HUNDRED = Decimal(100)

FLOOR_TEXT = "扣完为止：本项最低为0分"
TASK_FLOOR_TEXT = "任务得分最低为0分：扣分项目的扣分以任务得分扣完为止"
CAP_EARN_TEXT = "得分以本项分值为限（合计…分）"
CAP_DEDUCT_TEXT = "扣分项扣完为止：扣分以本项分值为限"

Run = Callable[[dict, list], Decimal]


def _identity(value):
    return value


def _compile_part(part: m.Part, rename: Callable[[str], str], clause: str,
                  deduction_only: bool) -> tuple[Run, Decimal]:
    """One scored unit: ``run(facts, events)`` returns its score within its bounds, and the
    score it has when no rule fires (its quiet score)."""
    compiled = [compile_rule(rule, rename) for rule in part.rules]
    steps = tuple(step for step, _ in compiled)
    earns = any(e for _, e in compiled)
    zeroes = any(isinstance(rule.body, m.Zero) for rule in part.rules)
    points = part.points
    span = part.span

    if deduction_only:
        # 扣分项: deductions only, 扣完为止 at the item's points
        floor = -points

        def run_deductions(facts, events):
            score = ZERO
            for step in steps:
                score += step(facts, events)
            if score < floor:
                events.append(new_event(clause, CAP_DEDUCT_TEXT, "cap", (), floor - score, None, span))
                return floor
            return score
        return run_deductions, ZERO

    if not earns and not zeroes:
        # the common shape: start at full points, deduct, floor at 0
        def run_deductions_from_points(facts, events):
            score = points
            for step in steps:
                score += step(facts, events)
            if score < 0:
                events.append(new_event(clause, FLOOR_TEXT, "floor", (), -score, None, span))
                return ZERO
            return score
        return run_deductions_from_points, points

    base = ZERO if earns else points

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
        if earned > points:
            events.append(new_event(clause, CAP_EARN_TEXT, "cap", (), points - earned, None, span))
            earned = points
        score = base + earned + deducted
        if zeroed is not None:
            event = events[zeroed]
            # 不得分 cancels whatever the part would otherwise have scored
            events[zeroed] = new_event(event.clause, event.rule, "zero", event.facts, -max(score, ZERO),
                                   None, event.span)
            return ZERO
        if score < 0:
            events.append(new_event(clause, FLOOR_TEXT, "floor", (), -score, None, span))
            return ZERO
        return score
    return run, base


def _plain_shape(item: m.Item) -> bool:
    """One part, scored down from its points by deductions only: most items of a policy."""
    if item.deduction_only or len(item.parts) != 1 or item.parts[0].occasions != 1:
        return False
    return all(rule.can_deduct and not isinstance(rule.body, m.Zero) for rule in item.parts[0].rules)


def _compile_plain_item(item: m.Item, places: int, round_item: bool):
    """The fused fast path for a plain item: one closure, no nested part call."""
    (part,) = item.parts
    steps = tuple(compile_rule(rule, _identity)[0] for rule in part.rules)
    points, span = part.points, part.span
    item_id, title = item.id, item.title
    maximum = quantize_half_up(item.points, places)
    quiet_item = new_item_score(item_id, title, maximum, maximum, ZERO, False, ())
    round_ = rounder(places) if round_item else _identity

    def finish(score, events):
        if score < 0:
            # 扣完为止
            events.append(new_event(item_id, FLOOR_TEXT, "floor", (), -score, None, span))
            score = ZERO
        return new_item_score(item_id, title, round_(score), maximum, ZERO, False, tuple(events))

    if len(steps) == 1:
        (only,) = steps

        def evaluate_one_rule(facts):
            events: list = []
            delta = only(facts, events)
            return finish(points + delta, events) if events else quiet_item
        return evaluate_one_rule, quiet_item

    def evaluate(facts):
        events: list = []
        score = points
        for step in steps:
            score += step(facts, events)
        return finish(score, events) if events else quiet_item
    return evaluate, quiet_item


def _compile_item(item: m.Item, places: int, round_item: bool):
    """``evaluate(facts) -> ItemScore`` for one item, and the ItemScore it has when quiet."""
    if _plain_shape(item):
        return _compile_plain_item(item, places, round_item)
    runs: list[Run] = []
    quiet_score = ZERO
    for part in item.parts:
        if part.occasions > 1:
            # 共N次: each occasion is scored on its own, reading its own facts
            names = dict(part.occasion_facts)
            for k in range(part.occasions):
                def rename(name, k=k):
                    return names[name][k] if name in names else name
                run, quiet = _compile_part(part, rename, item.id, item.deduction_only)
                runs.append(run)
                quiet_score += quiet
        else:
            run, quiet = _compile_part(part, _identity, item.id, item.deduction_only)
            runs.append(run)
            quiet_score += quiet
    item_id, title, deduction_only = item.id, item.title, item.deduction_only
    maximum = quantize_half_up(item.points, places)
    quiet_item = new_item_score(item_id, title, quantize_half_up(quiet_score, places), maximum, ZERO,
                           deduction_only, ())
    round_ = rounder(places) if round_item else _identity

    if len(runs) == 1:
        (only,) = runs

        def evaluate_one_part(facts):
            events: list = []
            score = only(facts, events)
            if not events:
                return quiet_item
            return new_item_score(item_id, title, round_(score), maximum, ZERO, deduction_only, tuple(events))
        return evaluate_one_part, quiet_item

    runs_tuple = tuple(runs)

    def evaluate(facts):
        events: list = []
        score = ZERO
        for run in runs_tuple:
            score += run(facts, events)
        if not events:
            return quiet_item
        return new_item_score(item_id, title, round_(score), maximum, ZERO, deduction_only, tuple(events))
    return evaluate, quiet_item


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
        self._round_task = round_task = rounder(places) if "task" in round_at else _identity
        self._round_weighted = round_weighted = rounder(places) if "weighted" in round_at else _identity
        self._round_total = rounder(places) if "total" in round_at else _identity
        plan = []
        for task in policy.tasks:
            sections = []
            quiet_sections = []
            for section in task.sections:
                compiled = [_compile_item(item, places, "item" in round_at) for item in section.items]
                quiet_items = tuple(quiet for _, quiet in compiled)
                section_max = quantize_half_up(section.points, places)
                quiet_section = new_section_score(section.title, sum((i.score for i in quiet_items), ZERO),
                                             section_max, quiet_items)
                sections.append((section.title, section_max, tuple(fn for fn, _ in compiled),
                                 list(quiet_items), quiet_section))
                quiet_sections.append(quiet_section)
            leads = tuple(lead.department for lead in task.leads)
            maximum = quantize_half_up(task.max, places)
            quiet_task = self._task_score(task.id, task.name, leads, task.weight, maximum,
                                          tuple(quiet_sections), task.span)
            plan.append((task.id, task.name, leads, task.weight, maximum, tuple(sections), task.span, quiet_task))
        self._plan = tuple(plan)

    def _task_score(self, task_id, name, leads, weight, maximum, sections, span) -> TaskScore:
        task_score = ZERO
        for section in sections:
            task_score += section.score
        events = ()
        if task_score < 0:
            # 扣分项目 subtract from the task, which cannot go below 0
            events = (new_event(task_id, TASK_FLOOR_TEXT, "floor", (), -task_score, None, span),)
            task_score = ZERO
        task_score = self._round_task(task_score)
        weighted = self._round_weighted(task_score * weight / HUNDRED)
        return new_task_score(task_id, name, leads, task_score, maximum, weight, weighted, sections, events)

    def evaluate(self, entity: str, facts: dict) -> Scorecard:
        """Score one entity from facts already validated by ``runtime.facts``."""
        tasks = []
        total = ZERO
        for task_id, name, leads, weight, maximum, sections, span, quiet_task in self._plan:
            section_scores = []
            task_quiet = True
            for title, section_max, items, quiet_items, quiet_section in sections:
                results = [evaluate_item(facts) for evaluate_item in items]
                # identity, not equality: a quiet item is the prebuilt object itself
                if not any(map(is_not, results, quiet_items)):
                    section_scores.append(quiet_section)
                    continue
                task_quiet = False
                score = ZERO
                for result in results:
                    score += result.score
                section_scores.append(new_section_score(title, score, section_max, tuple(results)))
            if task_quiet:
                task = quiet_task
            else:
                task = self._task_score(task_id, name, leads, weight, maximum, tuple(section_scores), span)
            total += task.weighted
            tasks.append(task)
        return new_scorecard(entity, self._round_total(total), tuple(tasks))
