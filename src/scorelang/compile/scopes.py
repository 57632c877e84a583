"""Caps and scales of sections and tasks, bound into closures once (compile time).

The evaluator calls in at two points: after a section's items (``compile_section``: 本部分扣分最多
N 分, 本部分加分累计最多 N 分, 折算为百分制) and after a task's sections (``compile_task_caps``:
本任务扣分最多 N 分 / 本任务加分累计最多 N 分, before the task's floor at 0 and before its
scale and weight apply). A cap applied is an event naming the clause that imposed it.

What counts as a deduction: the points of an item's 扣 and 不得分 events, net of what its floors
and caps gave back (扣完为止, 最多扣) — never points earned and then capped (最多得).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from ..model import nodes as m
from ..runtime.scorecard import Event, EventKind, ItemScore, SectionScore, new_event, new_section_score

ZERO = Decimal(0)
HUNDRED = Decimal(100)
DEDUCT, ZERO_KIND, FLOOR, CAP, BONUS_CAP = (EventKind.DEDUCT, EventKind.ZERO, EventKind.FLOOR, EventKind.CAP,
                                            EventKind.BONUS_CAP)


def deducted(events: Iterable[Event]) -> Decimal:
    """The net points deductions took (≤ 0): 扣 and 不得分, plus what floors and deduction caps
    gave back."""
    total = ZERO
    for event in events:
        kind = event.kind
        if kind is DEDUCT or kind is ZERO_KIND or kind is FLOOR or (kind is CAP and event.points > 0):
            total += event.points
    return total


def _deducted_items(items: Iterable[ItemScore]) -> Decimal:
    total = ZERO
    for item in items:
        total += deducted(item.events)
    return total


def _cap_events(cap: m.Cap | None, taken: Decimal, kind: EventKind) -> tuple[Event, ...]:
    """The event that gives back what went beyond ``cap`` (``taken``: the points the capped
    thing moved, ≥ 0), or none."""
    if cap is None or taken <= cap.points:
        return ()
    points = taken - cap.points if kind is CAP else cap.points - taken
    return (new_event(clause=cap.clause, rule=cap.text, kind=kind, facts=(), points=points, span=cap.span),)


SectionFinish = Callable[[str, Decimal, tuple[ItemScore, ...]], SectionScore]


def compile_section(section: m.Section, points: Decimal) -> SectionFinish | None:
    """``finish(name, max, items) -> SectionScore`` for a section with caps or 折算为百分制
    (``points``: its ordinary items' points); None for a plain section (the evaluator's own sum)."""
    bonus_cap, deduct_cap, normalised = section.bonus_cap, section.deduct_cap, section.normalised
    if bonus_cap is None and deduct_cap is None and not normalised:
        return None

    def finish(name: str, maximum: Decimal, items: tuple[ItemScore, ...]) -> SectionScore:
        score = ZERO
        bonus = ZERO
        for item in items:
            score += item.score
            bonus += item.bonus
        events = _bounded(deduct_cap, -_deducted_items(items) if deduct_cap is not None else ZERO, bonus_cap, bonus)
        score, bonus = _applied(events, score, bonus)
        counted = score * HUNDRED / points if normalised else None
        return new_section_score(name=name, score=score, max=maximum, items=items, events=events, bonus=bonus,
                                 counted=counted)
    return finish


def section_deducted(section: SectionScore) -> Decimal:
    """A section's net deductions, its own cap's give-back included."""
    return _deducted_items(section.items) + deducted(section.events)


TaskCaps = Callable[[Decimal, Decimal, tuple[SectionScore, ...]], tuple[Decimal, Decimal, tuple[Event, ...]]]


def compile_task_caps(task: m.Task, factors: tuple[Decimal, ...]) -> TaskCaps | None:
    """``bound(raw, bonus, sections) -> (raw, bonus, events)``: 本任务扣分最多 N 分 / 本任务加分累计
    最多 N 分 on the task's own points (``factors``: each section's × 100 ÷ points when it is
    折算为百分制, else 1); None without caps."""
    bonus_cap, deduct_cap = task.bonus_cap, task.deduct_cap
    if bonus_cap is None and deduct_cap is None:
        return None

    def bound(raw: Decimal, bonus: Decimal,
              sections: tuple[SectionScore, ...]) -> tuple[Decimal, Decimal, tuple[Event, ...]]:
        taken = ZERO
        if deduct_cap is not None:
            for section, factor in zip(sections, factors, strict=True):
                taken -= section_deducted(section) * factor
        events = _bounded(deduct_cap, taken, bonus_cap, bonus)
        raw, bonus = _applied(events, raw, bonus)
        return raw, bonus, events
    return bound


def _bounded(deduct_cap: m.Cap | None, taken: Decimal, bonus_cap: m.Cap | None, bonus: Decimal) -> tuple[Event, ...]:
    """The cap events of a section's or task's own caps: deductions ``taken`` (negative) against
    its 扣分最多, ``bonus`` against its 加分累计最多."""
    events: tuple[Event, ...] = ()
    if deduct_cap is not None:
        events += _cap_events(deduct_cap, taken, CAP)
    if bonus_cap is not None:
        events += _cap_events(bonus_cap, bonus, BONUS_CAP)
    return events


def _applied(events: tuple[Event, ...], score: Decimal, bonus: Decimal) -> tuple[Decimal, Decimal]:
    """``score`` and ``bonus`` once ``events`` gave back what their caps took."""
    for event in events:
        if event.kind is CAP:
            score += event.points
        else:
            bonus += event.points
    return score, bonus
