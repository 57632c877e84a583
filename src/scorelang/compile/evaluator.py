"""The compiled evaluator: a prebuilt plan per item, run once per entity into a Scorecard.

The plan is a tuple of tasks → sections → item closures built by ``compile_policy``; the
per-entity path calls closures and adds Decimals, nothing else. An item whose rules fire no
event scores its *quiet* value (full points, or 0 for items scored up from 0), and then the
prebuilt, immutable ItemScore is returned as is; a section or task whose items are all quiet
is prebuilt too. Sharing is safe because results are frozen.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from operator import is_not
from typing import TypeVar

import attrs

from ..model import nodes as m
from ..model.expressions import TOTAL_KEY
from ..numbers import quantize_half_up, rounder
from ..runtime.scorecard import (
    Event,
    EventKind,
    ItemScore,
    Scorecard,
    SectionScore,
    TaskPart,
    TaskScore,
    new_event,
    new_item_score,
    new_scorecard,
    new_section_score,
    new_task_part,
    new_task_score,
)
from .bounds import compile_article, compile_total_bounds
from .derived import compile_derived
from .grades import compile_grades
from .outcomes import compile_outcomes, compile_value_grades
from .outputs import compile_outputs
from .rules import ZERO, ZEROED, Facts, compile_rule
from .scopes import SectionFinish, TaskCaps, compile_section, compile_task_caps

HUNDRED = Decimal(100)
FLOOR, CAP, BONUS, BONUS_CAP = EventKind.FLOOR, EventKind.CAP, EventKind.BONUS, EventKind.BONUS_CAP
BONUS_ZERO = EventKind.BONUS_ZERO
BONUS_KINDS = (BONUS, BONUS_CAP, BONUS_ZERO)

FLOOR_TEXT = "扣完为止：本项最低为0分"
TASK_FLOOR_TEXT = "任务得分最低为0分：扣分项目的扣分以任务得分扣完为止"
CAP_EARN_TEXT = "得分以本项分值为限（合计…分）"
CAP_DEDUCT_TEXT = "扣分项扣完为止：扣分以本项分值为限"
TOTAL_FLOOR_TEXT = "总分最低为0分"  # the policy's own words, if it gives them, replace these
TOTAL_FLOOR_CLAUSE = "总分"  # cited when the policy attaches no clause to the floor
CAP_ITEM_TEXT = "各分项合计超过本项分值：按本项分值封顶"
ZERO_BONUS_TEXT = "不得分（含加分）：本项加分不计"

Run = Callable[[Facts, list[Event]], Decimal]
ItemRun = Callable[[Facts], "ItemScore"]
_T = TypeVar("_T")


def _identity(value: _T) -> _T:
    return value


def _compile_part(part: m.Part, rename: Callable[[str], str], clause: str, deduction_only: bool,
                  decls: Mapping[str, m.FactDecl], base_zero: bool = False) -> tuple[Run, Decimal]:
    """One scored unit: ``run(facts, events)`` returns its score within its bounds, and the
    score it has when no rule fires (its quiet score). ``base_zero``: 基础分 0 分, it starts at 0."""
    compiled = [compile_rule(rule, decls, rename) for rule in part.rules]
    # 不得分（含加分）: the spans of the zeroing rules that take the part's bonuses too
    with_bonus = tuple(rule.span for rule in part.rules
                       if isinstance(rule.body, m.Zero) and rule.body.bonuses == "included")
    steps = tuple(step for step, _ in compiled)
    earns = any(e for _, e in compiled)
    points = part.points
    span = part.span

    if deduction_only:
        # 扣分项: deductions only, 扣完为止 at the item's points
        floor = -points

        def run_deductions(facts: Facts, events: list[Event]) -> Decimal:
            score = ZERO
            for step in steps:
                score += step(facts, events)  # type: ignore[operator]  # 扣分项: no ZEROED
            if score < floor:
                events.append(new_event(clause=clause, rule=CAP_DEDUCT_TEXT, kind=CAP, facts=(), points=floor - score,
                                        span=span))
                return floor
            return score
        return run_deductions, ZERO

    base = ZERO if earns or base_zero else points

    def run(facts: Facts, events: list[Event]) -> Decimal:
        start = len(events)
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
            events.append(new_event(clause=clause, rule=CAP_EARN_TEXT, kind=CAP, facts=(), points=points - earned,
                                    span=span))
            earned = points
        score = base + earned + deducted
        if zeroed is not None:
            event = events[zeroed]
            # 不得分 cancels whatever the part would otherwise have scored; deductions that had
            # already taken it below 0 are floored first, so the events add up to the score
            events[zeroed] = new_event(clause=event.clause, rule=event.rule, kind=event.kind, facts=event.facts,
                                       points=-max(score, ZERO), span=event.span)
            if with_bonus and any(event.span is s for s in with_bonus):
                bonus = ZERO
                for other in events[start:]:
                    if other.kind is BONUS or other.kind is BONUS_CAP:
                        bonus += other.points
                if bonus:
                    events.append(new_event(clause=clause, rule=ZERO_BONUS_TEXT, kind=BONUS_ZERO, facts=(),
                                            points=-bonus, span=event.span))
            if score < 0:
                events.append(new_event(clause=clause, rule=FLOOR_TEXT, kind=FLOOR, facts=(), points=-score,
                                        span=span))
            return ZERO
        if score < 0:
            events.append(new_event(clause=clause, rule=FLOOR_TEXT, kind=FLOOR, facts=(), points=-score, span=span))
            return ZERO
        return score
    return run, base


def _plain_shape(item: m.Item) -> bool:
    """One part, scored down from its points by deductions only: most items of a policy."""
    if item.deduction_only or len(item.parts) != 1 or item.parts[0].occasions != 1 or item.parts[0].occasion_facts:
        return False
    return all(rule.effect is m.Effect.DEDUCT for rule in item.parts[0].rules)


def _compile_plain_item(item: m.Item, places: int, round_item: bool,
                        decls: Mapping[str, m.FactDecl]) -> tuple[ItemRun, ItemScore]:
    """A plain item fused into one closure, without the nested call to its part's ``run``.

    Kept for speed: benchmarks/bench_evaluate.py (--clock cpu --only-task2, medians of 6
    alternating runs) measured the compiled task 二 23% slower (23.9 → 29.4 µs, ratio 2.41 →
    3.10) with plain items scored through ``_compile_item``.
    """
    (part,) = item.parts
    steps = tuple(compile_rule(rule, decls)[0] for rule in part.rules)
    points, span = part.points, part.span
    item_id, title = item.id, item.title
    maximum = quantize_half_up(item.points, places)
    quiet_item = new_item_score(id=item_id, title=title, score=maximum, max=maximum, bonus=ZERO,
                                deduction_only=False, events=())
    round_ = rounder(places) if round_item else _identity

    def evaluate(facts: Facts) -> ItemScore:
        events: list[Event] = []
        score = points
        for step in steps:
            score += step(facts, events)  # type: ignore[operator]  # plain: no ZEROED
        if not events:
            return quiet_item
        if score < 0:
            # 扣完为止
            events.append(new_event(clause=item_id, rule=FLOOR_TEXT, kind=FLOOR, facts=(), points=-score, span=span))
            score = ZERO
        return new_item_score(id=item_id, title=title, score=round_(score), max=maximum, bonus=ZERO,
                              deduction_only=False, events=tuple(events))
    return evaluate, quiet_item


def _compile_item(item: m.Item, places: int, round_item: bool,
                  decls: Mapping[str, m.FactDecl], base_zero: bool = False) -> tuple[ItemRun, ItemScore]:
    """``evaluate(facts) -> ItemScore`` for one item, and the ItemScore it has when quiet."""
    if _plain_shape(item) and not base_zero:
        return _compile_plain_item(item, places, round_item, decls)
    runs: list[Run] = []
    quiet_score = ZERO
    for part in item.parts:
        if part.occasions > 1 or part.occasion_facts:
            # 共N次 (共 1 次 too): each occasion is scored on its own, reading its own facts
            names = dict(part.occasion_facts)
            for k in range(part.occasions):
                def rename(name: str, k: int = k, names: dict[str, tuple[str, ...]] = names) -> str:
                    return names[name][k] if name in names else name
                run, quiet = _compile_part(part, rename, item.id, item.deduction_only, decls, base_zero)
                runs.append(run)
                quiet_score += quiet
        else:
            run, quiet = _compile_part(part, _identity, item.id, item.deduction_only, decls, base_zero)
            runs.append(run)
            quiet_score += quiet
    item_id, title, deduction_only = item.id, item.title, item.deduction_only
    maximum = quantize_half_up(item.points, places)
    quiet_item = new_item_score(id=item_id, title=title, score=quantize_half_up(quiet_score, places), max=maximum,
                                bonus=ZERO, deduction_only=deduction_only, events=())
    round_ = rounder(places) if round_item else _identity

    runs_tuple = tuple(runs)
    has_bonus = any(rule.bonus for rule in item.rules)
    points, span = item.points, item.span
    # parts worth more than the item (a contradiction the checker warns about) are capped
    capped = not deduction_only and sum((p.points * p.occasions for p in item.parts), ZERO) > points
    if capped and quiet_score > points:
        cap = new_event(clause=item_id, rule=CAP_ITEM_TEXT, kind=CAP, facts=(), points=points - quiet_score, span=span)
        quiet_item = new_item_score(id=item_id, title=title, score=maximum, max=maximum, bonus=ZERO,
                                    deduction_only=deduction_only, events=(cap,))

    def evaluate(facts: Facts) -> ItemScore:
        events: list[Event] = []
        score = ZERO
        for run in runs_tuple:
            score += run(facts, events)
        if capped and score > points:
            events.append(new_event(clause=item_id, rule=CAP_ITEM_TEXT, kind=CAP, facts=(), points=points - score,
                                    span=span))
            score = points
        if not events:
            return quiet_item
        bonus = ZERO
        if has_bonus:
            for event in events:
                if event.kind in BONUS_KINDS:
                    bonus += event.points
        # the bonus is rounded where the score is (a bonus ladder 不足一档按比例计 gives 10/3 points)
        return new_item_score(id=item_id, title=title, score=round_(score), max=maximum, bonus=round_(bonus),
                              deduction_only=deduction_only, events=tuple(events))
    return evaluate, quiet_item


class _TaskPlan:
    """One task as scored for the entities of one weighting: the items that apply, grouped by
    section, and the weighted parts."""

    __slots__ = ("task_id", "name", "leads", "maximum", "weight", "sections", "parts", "span", "quiet", "single",
                 "has_bonus", "item_ids", "finishes", "factors", "caps", "scoped", "as_is", "full", "enters",
                 "base_zero")

    def __init__(self, task: m.Task, weighting: m.Weighting, compiled: dict[str, tuple[ItemRun, ItemScore]],
                 places: int) -> None:
        applicable = {item_id for part in weighting.parts for item_id in part.items}
        self.item_ids = frozenset(applicable)
        self.task_id, self.name, self.span = task.id, task.name, task.span
        self.leads = tuple(lead.department for lead in task.leads)
        scale = task.scale
        # 满分 N 分 按原分计入: the task counts its own points (out of N); else on 100 (第三条)
        self.as_is = scale.enters == "as_is" and len(weighting.parts) == 1 and not weighting.parts[0].label
        self.full, self.enters, self.base_zero = (scale.points if scale.declared else None), scale.enters, \
            task.base_zero
        self.maximum = quantize_half_up(scale.points if self.as_is else HUNDRED, places)
        self.weight = weighting.percent
        sections: list[tuple[str, Decimal, tuple[ItemRun, ...], tuple[ItemScore, ...], SectionScore]] = []
        finishes: list[SectionFinish | None] = []
        factors: list[Decimal] = []
        counted_points = ZERO
        for section in task.sections:
            items = [item for item in section.items if item.id in applicable]
            if not items:
                continue
            pairs = [compiled[item.id] for item in items]
            quiet_items = tuple(quiet for _, quiet in pairs)
            points = sum((i.points for i in items if not i.deduction_only), ZERO)
            section_max = quantize_half_up(points, places)
            finish = compile_section(section, points)
            if finish is None:
                quiet_section = new_section_score(name=section.title, score=sum((i.score for i in quiet_items), ZERO),
                                                  max=section_max, items=quiet_items)
            else:
                quiet_section = finish(section.title, section_max, quiet_items)
            sections.append((section.title, section_max, tuple(fn for fn, _ in pairs), quiet_items, quiet_section))
            finishes.append(finish)
            factors.append(HUNDRED / points if section.normalised else Decimal(1))
            counted_points += HUNDRED if section.normalised else points
        self.sections = tuple(sections)
        self.finishes = tuple(finishes)
        self.factors = tuple(factors)
        self.caps: TaskCaps | None = compile_task_caps(task, self.factors)
        # sections that cap or rescale themselves, or a task that caps itself: the general path
        self.scoped = self.caps is not None or any(f is not None for f in finishes)
        items_by_id = {item.id: item for item in task.items}
        # (label, item ids, the points of its ordinary items, percent)
        self.parts = tuple(
            (part.label, frozenset(part.items),
             sum((items_by_id[i].points for i in part.items if not items_by_id[i].deduction_only), ZERO),
             part.percent)
            for part in weighting.parts)
        self.single = len(self.parts) == 1
        if self.single and not self.parts[0][0]:
            # a task weighed whole: worth its sections as they count (折算为百分制: 100 each)
            label, ids, _, percent = self.parts[0]
            self.parts = ((label, ids, counted_points, percent),)
        self.has_bonus = any(rule.bonus for item in task.items if item.id in applicable for rule in item.rules)
        self.quiet: TaskScore = None  # type: ignore[assignment]  # set by Evaluator as soon as it is built


class Evaluator:
    """Built once per policy by ``compile_policy``; ``evaluate`` runs per entity.

    Attributes:
        policy: the model it was compiled from.
    """

    def __init__(self, policy: m.Policy) -> None:
        self.policy = policy
        places = policy.places
        round_at = set(policy.round_at)
        self.places = places
        self._round_task = rounder(places) if "task" in round_at else _identity
        self._round_weighted = rounder(places) if "weighted" in round_at else _identity
        self._round_total = rounder(places) if "total" in round_at else _identity
        decls = {fact.name: fact for fact in policy.facts}
        self._shown = rounder(places)  # a figure as a report prints it (numbers.format_fixed)
        compiled = {item.id: _compile_item(item, places, "item" in round_at, decls, task.base_zero)
                    for task in policy.tasks for item in task.items}
        plans: dict[str, list[_TaskPlan]] = {entity: [] for entity in policy.entities}
        for task in policy.tasks:
            for weighting in task.weightings:
                plan = _TaskPlan(task, weighting, compiled, places)
                plan.quiet = self._task_score(plan, tuple(quiet for *_, quiet in plan.sections))
                for entity in weighting.entities:
                    plans[entity].append(plan)
        self._plans = {entity: tuple(p) for entity, p in plans.items()}
        # what a cohort value taken of a score runs (compile.cohort): one item, one task
        self._items = {item_id: run for item_id, (run, _) in compiled.items()}
        self._articles = tuple(
            compile_article(article, tuple(compile_rule(rule, decls)[0] for rule in article.rules))
            for article in policy.articles)
        bounds = policy.total_bounds
        self._bound_total = compile_total_bounds(bounds) if bounds is not None else None
        self._grade = compile_grades(policy.grades) if policy.grades is not None else None
        self._outcomes = compile_outcomes(policy)  # 一票否决 on the grade (§22); None: none written
        self._value_grades = compile_value_grades(policy)  # 等次 目标任务二得分 { … } (§22.1); None: none
        awards = policy.awards
        self._floor = policy.floor
        self._previous_last = awards.previous_last if awards is not None else None
        self._with_derived = compile_derived(policy.derived)
        self._outputs = compile_outputs(policy.outputs) if policy.outputs else None

    def with_outputs(self, cards: tuple[Scorecard, ...],
                     facts: Mapping[str, Facts] | None = None) -> tuple[Scorecard, ...]:
        """Ranked scorecards with their outputs (输出 { … }, docs/language.md §25), computed
        after the cohort stage from the final grades and awards; the same cards when the
        policy declares none. Nothing else on a card changes.

        ``facts``: each entity's validated facts, the ones it was scored with. A formula reads
        them, and the derived values recomputed from them (cheap, and only for a policy with
        outputs): the scorecard keeps no facts, and its ``derived`` trace holds only the values
        its rules read. A derived value an output reads never reads a cohort value (SL430),
        so the entity's own facts are all it needs."""
        compute = self._outputs
        if compute is None:
            return cards
        given = facts or {}
        key = TOTAL_KEY
        return tuple(attrs.evolve(card, outputs=compute(card, self.with_derived(
            {**given.get(card.entity, {}), key: card.total}))) for card in cards)

    def _task_score(self, plan: _TaskPlan, sections: tuple[SectionScore, ...]) -> TaskScore:
        # (label, raw score, bonus, points of its ordinary items, percent) of each weighted part
        raws: Sequence[tuple[str, Decimal, Decimal, Decimal, Decimal]]
        events: tuple[Event, ...] = ()
        if plan.scoped:
            raw = ZERO
            bonus = ZERO
            for section, factor in zip(sections, plan.factors, strict=True):
                raw += section.score * factor
                bonus += section.bonus * factor
            if plan.caps is not None:  # 本任务扣分最多 N 分 / 本任务加分累计最多 N 分
                raw, bonus, events = plan.caps(raw, bonus, sections)
            raws = ((plan.parts[0][0], raw, bonus, plan.parts[0][2], plan.parts[0][3]),)
        elif plan.single:
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
        parts: list[TaskPart] = []
        weighted = ZERO
        total_bonus = ZERO
        for label, raw, bonus, points, percent in raws:
            if raw < 0:
                # 扣分项目 subtract from the task, which cannot go below 0
                events += (new_event(clause=plan.task_id, rule=TASK_FLOOR_TEXT, kind=FLOOR, facts=(), points=-raw,
                                     span=plan.span),)
                raw = ZERO
            if points != HUNDRED and not plan.as_is:
                # 各部分先折算为百分制 (task 一: 第13项 30分 → ×100/30); 按原分计入: as it is
                raw = raw * HUNDRED / points
                bonus = bonus * HUNDRED / points
            score = round_task(raw)
            if bonus:
                bonus = round_task(bonus)
                total_bonus += bonus
            part_weighted = round_weighted((score + bonus) * percent / HUNDRED)
            weighted += part_weighted
            parts.append(new_task_part(label=label, score=score, weight=percent, weighted=part_weighted, bonus=bonus))
        if plan.single:
            task_score = parts[0].score
        else:
            task_score = round_task(sum((p.score * p.weight for p in parts), ZERO) / plan.weight)
        return new_task_score(id=plan.task_id, name=plan.name, lead=plan.leads, score=task_score, max=plan.maximum,
                              weight=plan.weight, weighted=weighted, sections=sections, events=events,
                              bonus=total_bonus, parts=tuple(parts), full=plan.full, enters=plan.enters,
                              base_zero=plan.base_zero)

    def with_derived(self, facts: Facts) -> Facts:
        """The facts an entity's rules read: with its derived values (计算 { … }), if any."""
        return facts if self._with_derived is None else self._with_derived(facts)

    def derived_value(self, name: str, facts: Facts) -> object:
        """One derived value of the entity whose facts these are (compile.cohort)."""
        return self.with_derived(facts)[name]

    def item_score(self, entity: str, item_id: str, facts: Facts) -> Decimal | None:
        """The entity's score on one item (None when no task of its weighs that item)."""
        facts = self.with_derived(facts)
        for plan in self._plans[entity]:
            if item_id in plan.item_ids:
                return self._items[item_id](facts).score
        return None

    def section_score(self, entity: str, task_id: str, title: str, facts: Facts) -> Decimal | None:
        """The entity's score on one section (its items' sum; None when it is not scored on it)."""
        facts = self.with_derived(facts)
        for plan in self._plans[entity]:
            if plan.task_id == task_id:
                for (section_title, section_max, items, _, _), finish in zip(plan.sections, plan.finishes,
                                                                                    strict=True):
                    if section_title == title:
                        results = tuple(run(facts) for run in items)
                        return self._section_of(section_title, section_max, results, finish).score
        return None

    @staticmethod
    def _section_of(title: str, section_max: Decimal, results: tuple[ItemScore, ...],
                    finish: SectionFinish | None) -> SectionScore:
        """One section from its items' scores: their sum, or its own caps and scale (本部分…,
        折算为百分制) where it has them."""
        if finish is not None:
            return finish(title, section_max, results)
        score = ZERO
        bonus = ZERO
        for result in results:
            score += result.score
            bonus += result.bonus
        return new_section_score(name=title, score=score, max=section_max, items=results, bonus=bonus)

    def task_score(self, entity: str, task_id: str, facts: Facts) -> Decimal | None:
        """The entity's score on one task (its 100-point score), computing that task only."""
        facts = self.with_derived(facts)
        for plan in self._plans[entity]:
            if plan.task_id == task_id:
                sections = tuple(self._section_of(title, section_max, tuple(run(facts) for run in items), finish)
                                 for (title, section_max, items, _, _), finish in zip(plan.sections, plan.finishes,
                                                                                      strict=True))
                return self._task_score(plan, sections).score
        return None

    def evaluate(self, entity: str, facts: Facts) -> Scorecard:
        """Score one entity from facts already validated by ``runtime.facts``."""
        if self._with_derived is not None:  # derived values: computed once each, on first read
            with_derived = self._with_derived(facts)
            card = self._evaluate(entity, with_derived)
            card = new_scorecard(entity=card.entity, total=card.total, tasks=card.tasks,
                                 adjustments=card.adjustments, previous_last=card.previous_last,
                                 derived=with_derived.trace(), grade=card.grade,
                                 grade_changes=card.grade_changes, value_grades=card.value_grades)
            return card
        return self._evaluate(entity, facts)

    def _evaluate(self, entity: str, facts: Facts) -> Scorecard:
        tasks: list[TaskScore] = []
        total = ZERO
        for plan in self._plans[entity]:
            section_scores: list[SectionScore] = []
            task_quiet = True
            for (title, section_max, items, quiet_items, quiet_section), finish in zip(plan.sections,
                                                                                        plan.finishes, strict=True):
                results = [evaluate_item(facts) for evaluate_item in items]
                # identity, not equality: a quiet item is the prebuilt object itself
                if not any(map(is_not, results, quiet_items)):
                    section_scores.append(quiet_section)
                    continue
                task_quiet = False
                section_scores.append(self._section_of(title, section_max, tuple(results), finish))
            task = plan.quiet if task_quiet else self._task_score(plan, tuple(section_scores))
            total += task.weighted
            tasks.append(task)
        adjustments: tuple[Event, ...] = ()
        if self._articles:
            events: list[Event] = []
            for step in self._articles:
                step(facts, events)
            adjustments = tuple(events)
            for event in adjustments:
                total += event.points
            if total < 0 and self._bound_total is None:
                # nothing declared (考评总分 最低 …): the default, the total floored at 0
                adjustments += (self._total_floor(tasks, adjustments),)
                total = ZERO
        if self._bound_total is not None:  # 考评总分 最高 N 分 最低 N 分
            total, bound_events = self._bound_total(total)
            adjustments += bound_events
        previous_last = facts.get(self._previous_last) if self._previous_last else None
        total = self._round_total(total)
        grade = self._grade(total) if self._grade else None
        changes = None
        if self._outcomes is not None:
            grade, changes = self._outcomes(grade, adjustments)  # the band's grade, then 一票否决 (§22)
        return new_scorecard(entity=entity, total=total, tasks=tuple(tasks), adjustments=adjustments,
                             previous_last=previous_last, grade=grade, grade_changes=changes,
                             value_grades=self._value_grades(tasks, facts) if self._value_grades is not None else None)

    def _total_floor(self, tasks: list[TaskScore], adjustments: tuple[Event, ...]) -> Event:
        """The total's floor at 0. Its points are what the figures a person reads — each task's
        weighted score and each adjustment, as printed — need to add up to the printed total
        0.00; the exact shortfall would leave them 0.01 off whenever a printed figure is rounded
        (an adjustment of 0.005, or a weighted score the policy does not round)."""
        shown = self._shown
        printed = ZERO
        for task in tasks:
            printed += shown(task.weighted)
        for event in adjustments:
            printed += shown(event.points)
        return new_event(clause=self._floor.clause or TOTAL_FLOOR_CLAUSE, rule=self._floor.shown or TOTAL_FLOOR_TEXT,
                         kind=FLOOR, facts=(), points=-printed)
