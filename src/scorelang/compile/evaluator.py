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
from ..runtime.scorecard import (ItemScore, Scorecard, TaskScore, fast_types, new_event, new_item_score, new_scorecard,
                                 new_section_score, new_task_part, new_task_score)
from .bounds import BONUS_CAP, compile_article, compile_total_bounds
from .rules import ZERO, ZEROED, compile_rule

HUNDRED = Decimal(100)
_ItemScoreBase, _ItemScore = fast_types(ItemScore)

FLOOR_TEXT = "扣完为止：本项最低为0分"
TASK_FLOOR_TEXT = "任务得分最低为0分：扣分项目的扣分以任务得分扣完为止"
CAP_EARN_TEXT = "得分以本项分值为限（合计…分）"
CAP_DEDUCT_TEXT = "扣分项扣完为止：扣分以本项分值为限"
TOTAL_FLOOR_TEXT = "总分最低为0分：特殊情况扣分以总分扣完为止"
CAP_ITEM_TEXT = "各分项合计超过本项分值：按本项分值封顶"

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
    zeroes = any(rule.effect is m.Effect.ZERO for rule in part.rules)
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
            # 不得分 cancels whatever the part would otherwise have scored; deductions that had
            # already taken it below 0 are floored first, so the events add up to the score
            events[zeroed] = new_event(event.clause, event.rule, "zero", event.facts, -max(score, ZERO),
                                       None, event.span)
            if score < 0:
                events.append(new_event(clause, FLOOR_TEXT, "floor", (), -score, None, span))
            return ZERO
        if score < 0:
            events.append(new_event(clause, FLOOR_TEXT, "floor", (), -score, None, span))
            return ZERO
        return score
    return run, base


def _plain_shape(item: m.Item) -> bool:
    """One part, scored down from its points by deductions only: most items of a policy."""
    if item.deduction_only or len(item.parts) != 1 or item.parts[0].occasions != 1 or item.parts[0].occasion_facts:
        return False
    return all(rule.effect is m.Effect.DEDUCT for rule in item.parts[0].rules)


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
        # new_item_score inlined: this is the hottest constructor
        result = _ItemScoreBase(item_id, title, round_(score), maximum, ZERO, False, tuple(events))
        result.__class__ = _ItemScore
        return result

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
        if part.occasions > 1 or part.occasion_facts:
            # 共N次 (共 1 次 too): each occasion is scored on its own, reading its own facts
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

    runs_tuple = tuple(runs)
    has_bonus = any(rule.bonus for rule in item.rules)
    points, span = item.points, item.span
    # parts worth more than the item (a contradiction the checker warns about) are capped
    capped = not deduction_only and sum((p.points * p.occasions for p in item.parts), ZERO) > points
    if capped and quiet_score > points:
        quiet_item = new_item_score(item_id, title, maximum, maximum, ZERO, deduction_only,
                                    (new_event(item_id, CAP_ITEM_TEXT, "cap", (), points - quiet_score, None, span),))

    def evaluate(facts):
        events: list = []
        score = ZERO
        for run in runs_tuple:
            score += run(facts, events)
        if capped and score > points:
            events.append(new_event(item_id, CAP_ITEM_TEXT, "cap", (), points - score, None, span))
            score = points
        if not events:
            return quiet_item
        bonus = ZERO
        if has_bonus:
            for event in events:
                if event.kind == "bonus" or event.kind == BONUS_CAP:
                    bonus += event.points
        return new_item_score(item_id, title, round_(score), maximum, bonus, deduction_only, tuple(events))
    return evaluate, quiet_item


class _TaskPlan:
    """One task as scored for the entities of one weighting: the items that apply, grouped by
    section, and the weighted parts."""

    __slots__ = ("task_id", "name", "leads", "maximum", "weight", "sections", "parts", "span", "quiet", "single",
                 "has_bonus")

    def __init__(self, task: m.Task, weighting: m.Weighting, compiled: dict, places: int):
        applicable = {item_id for part in weighting.parts for item_id in part.items}
        self.task_id, self.name, self.span = task.id, task.name, task.span
        self.leads = tuple(lead.department for lead in task.leads)
        self.maximum = quantize_half_up(Decimal(100), places)
        self.weight = weighting.percent
        sections = []
        for section in task.sections:
            items = [item for item in section.items if item.id in applicable]
            if not items:
                continue
            pairs = [compiled[item.id] for item in items]
            quiet_items = tuple(quiet for _, quiet in pairs)
            section_max = quantize_half_up(sum((i.points for i in items if not i.deduction_only), ZERO), places)
            quiet_section = new_section_score(section.title, sum((i.score for i in quiet_items), ZERO),
                                              section_max, quiet_items)
            sections.append((section.title, section_max, tuple(fn for fn, _ in pairs), list(quiet_items),
                             quiet_section))
        self.sections = tuple(sections)
        items_by_id = {item.id: item for item in task.items}
        # (label, item ids, the points of its ordinary items, percent)
        self.parts = tuple(
            (part.label, frozenset(part.items),
             sum((items_by_id[i].points for i in part.items if not items_by_id[i].deduction_only), ZERO),
             part.percent)
            for part in weighting.parts)
        self.single = len(self.parts) == 1
        self.has_bonus = any(rule.bonus for item in task.items if item.id in applicable for rule in item.rules)
        self.quiet = None


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
        self._round_task = rounder(places) if "task" in round_at else _identity
        self._round_weighted = rounder(places) if "weighted" in round_at else _identity
        self._round_total = rounder(places) if "total" in round_at else _identity
        compiled = {item.id: _compile_item(item, places, "item" in round_at)
                    for task in policy.tasks for item in task.items}
        plans: dict[str, list] = {entity: [] for entity in policy.entities}
        for task in policy.tasks:
            for weighting in task.weightings:
                plan = _TaskPlan(task, weighting, compiled, places)
                plan.quiet = self._task_score(plan, tuple(quiet for *_, quiet in plan.sections))
                for entity in weighting.entities:
                    plans[entity].append(plan)
        self._plans = {entity: tuple(p) for entity, p in plans.items()}
        self._articles = tuple(
            compile_article(article, tuple(compile_rule(rule)[0] for rule in article.rules))
            for article in policy.articles)
        bounds = policy.total_bounds
        self._bound_total = compile_total_bounds(bounds) if bounds is not None else None
        awards = policy.awards
        self._previous_last = awards.previous_last if awards is not None else None

    def _task_score(self, plan: _TaskPlan, sections: tuple) -> TaskScore:
        if plan.single:
            raw = ZERO
            for section in sections:
                raw += section.score
            bonus = ZERO
            if plan.has_bonus:
                for section in sections:
                    for item in section.items:
                        bonus += item.bonus
            raws = ((plan.parts[0][0], raw, bonus, plan.parts[0][2], plan.parts[0][3]),)
        else:
            raws = []
            for label, ids, points, percent in plan.parts:
                raw = ZERO
                bonus = ZERO
                for section in sections:
                    for item in section.items:
                        if item.id in ids:
                            raw += item.score
                            bonus += item.bonus
                raws.append((label, raw, bonus, points, percent))
        round_task, round_weighted = self._round_task, self._round_weighted
        events = ()
        parts = []
        weighted = ZERO
        total_bonus = ZERO
        for label, raw, bonus, points, percent in raws:
            if raw < 0:
                # 扣分项目 subtract from the task, which cannot go below 0
                events += (new_event(plan.task_id, TASK_FLOOR_TEXT, "floor", (), -raw, None, plan.span),)
                raw = ZERO
            if points != HUNDRED:
                # 各部分先折算为百分制 (task 一: 第13项 30分 → ×100/30)
                raw = raw * HUNDRED / points
                bonus = bonus * HUNDRED / points
            score = round_task(raw)
            if bonus:
                bonus = round_task(bonus)
                total_bonus += bonus
            part_weighted = round_weighted((score + bonus) * percent / HUNDRED)
            weighted += part_weighted
            parts.append(new_task_part(label, score, percent, part_weighted, bonus))
        if plan.single:
            task_score = parts[0].score
        else:
            task_score = round_task(sum((p.score * p.weight for p in parts), ZERO) / plan.weight)
        return new_task_score(plan.task_id, plan.name, plan.leads, task_score, plan.maximum, plan.weight,
                              weighted, sections, events, total_bonus, tuple(parts))

    def evaluate(self, entity: str, facts: dict) -> Scorecard:
        """Score one entity from facts already validated by ``runtime.facts``."""
        tasks = []
        total = ZERO
        for plan in self._plans[entity]:
            section_scores = []
            task_quiet = True
            for title, section_max, items, quiet_items, quiet_section in plan.sections:
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
            task = plan.quiet if task_quiet else self._task_score(plan, tuple(section_scores))
            total += task.weighted
            tasks.append(task)
        adjustments = ()
        if self._articles:
            events: list = []
            for run_article in self._articles:
                run_article(facts, events)
            adjustments = tuple(events)
            for event in adjustments:
                total += event.points
            if total < 0 and self._bound_total is None:
                # nothing declared: today's default, the total floored at 0
                adjustments += (new_event("第十四条", TOTAL_FLOOR_TEXT, "floor", (), -total, None, None),)
                total = ZERO
        if self._bound_total is not None:  # 考评总分 最高 N 分 最低 N 分
            total, bound_events = self._bound_total(total)
            adjustments += bound_events
        previous_last = facts.get(self._previous_last) if self._previous_last else None
        return new_scorecard(entity, self._round_total(total), tuple(tasks), adjustments, None, None, (), (),
                             previous_last)
