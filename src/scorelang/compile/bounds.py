"""Caps and floors the author declares, bound into closures once (compile time).

Three places call in, each at one clear point:

- ``compile/rules.compile_rule`` wraps a rule's step with ``cap_rule`` when the rule says
  最多扣/加/得 N 分;
- the evaluator runs an article's rules through ``compile_article`` (which applies
  加分累计最多 N 分 / 扣分累计最多 N 分 after the article's rules);
- the evaluator bounds the total with ``compile_total_bounds`` (考评总分 最高 N 分 最低 N 分).

The order when several meet is fixed and documented in docs/language.md: a rule's own cap
first, then the item's (its points; 扣完为止 at 0), then the article's set caps, then the
total's bounds. Every cap or floor applied is an event that names the clause that imposed it
(the item or article id; for the total, the clause the policy attaches, or 总分).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, cast

from ..model import nodes as m
from ..runtime.scorecard import Event, EventKind, new_event

ZERO = Decimal(0)

Facts = Mapping[str, Any]
Events = list[Event]
Step = Callable[[Facts, Events], Any]
#: the kind of the event that takes back what a bonus (加) gave beyond its cap: it counts
#: toward the item's bonus (or the total), never toward the item's points
BONUS_CAP = EventKind.BONUS_CAP
CAP, FLOOR, BONUS, DEDUCT = EventKind.CAP, EventKind.FLOOR, EventKind.BONUS, EventKind.DEDUCT


def cap_rule(step: Step, rule: m.Rule, cap: m.Cap) -> Step:
    """The rule's step, its change in points held within ``cap`` (最多扣/加/得 N 分)."""
    limit, clause, text, span = cap.points, cap.clause, cap.text, cap.span
    effect = rule.effect
    if effect is m.Effect.DEDUCT or effect is m.Effect.EARN:
        # a deduction returns its (negative) points, an earning its points: held within ±limit
        sign = -1 if effect is m.Effect.DEDUCT else 1
        bound = sign * limit

        def capped(facts: Facts, events: Events) -> object:
            delta = cast(Decimal, step(facts, events))
            if sign * delta > limit:
                events.append(new_event(clause=clause, rule=text, kind=CAP, facts=(), points=bound - delta, span=span))
                return bound
            return delta
        return capped
    if effect is m.Effect.BONUS:
        # a bonus returns 0 and records its points as events: the cap reads them back
        def capped_bonus(facts: Facts, events: Events) -> object:
            start = len(events)
            delta = step(facts, events)
            added = ZERO
            for event in events[start:]:
                if event.kind is BONUS:
                    added += event.points
            if added > limit:
                events.append(new_event(clause=clause, rule=text, kind=BONUS_CAP, facts=(), points=limit - added,
                                        span=span))
            return delta
        return capped_bonus
    raise TypeError(f"a rule whose effect is {effect.value} cannot be capped")  # the resolver refuses it


def _set_cap(cap: m.Cap | None, kinds: tuple[EventKind, ...], sign: int,
             kind: EventKind) -> Callable[[Events, int], None] | None:
    """加分累计最多 N 分 (``sign`` +1, over bonus events) / 扣分累计最多 N 分 (-1, over deductions):
    appends the event (of ``kind``) that takes back what went beyond the cap."""
    if cap is None:
        return None
    limit, clause, text, span = cap.points, cap.clause, cap.text, cap.span

    def apply(events: Events, start: int) -> None:
        moved = ZERO
        for event in events[start:]:
            if event.kind in kinds:
                moved += event.points
        moved *= sign
        if moved > limit:
            events.append(new_event(clause=clause, rule=text, kind=kind, facts=(), points=(limit - moved) * sign,
                                    span=span))
    return apply


def compile_article(article: m.Article, steps: tuple[Step, ...]) -> Callable[[Facts, Events], None]:
    """Run an article's rules, then its set caps: ``run(facts, events)`` appends its events."""
    caps = tuple(c for c in (_set_cap(article.bonus_cap, (BONUS, BONUS_CAP), 1, BONUS_CAP),
                             _set_cap(article.deduct_cap, (DEDUCT, CAP), -1, CAP)) if c is not None)
    if not caps:
        def run_plain(facts: Facts, events: Events) -> None:
            for step in steps:
                step(facts, events)
        return run_plain

    def run(facts: Facts, events: Events) -> None:
        start = len(events)
        for step in steps:
            step(facts, events)
        for apply in caps:
            apply(events, start)
    return run


TOTAL_CLAUSE = "总分"
TOTAL_CAP_TEXT = "考评总分最高{points}分"
TOTAL_FLOOR_TEXT = "考评总分最低{points}分"


def compile_total_bounds(bounds: m.TotalBounds) -> Callable[[Decimal], tuple[Decimal, tuple[Event, ...]]]:
    """``bound(total) -> (total, events)``: the total within 考评总分 最高 N 分 最低 N 分, with
    the event of each bound applied, naming the clause the policy attaches (or 总分)."""
    upper, lower, span = bounds.upper, bounds.lower, bounds.span
    clause = bounds.clause or TOTAL_CLAUSE
    cap_text = TOTAL_CAP_TEXT.format(points=upper)
    floor_text = TOTAL_FLOOR_TEXT.format(points=lower)
    none: tuple[Event, ...] = ()

    def bound(total: Decimal) -> tuple[Decimal, tuple[Event, ...]]:
        if upper is not None and total > upper:
            return upper, (new_event(clause=clause, rule=cap_text, kind=CAP, facts=(), points=upper - total,
                                     span=span),)
        if lower is not None and total < lower:
            return lower, (new_event(clause=clause, rule=floor_text, kind=FLOOR, facts=(), points=lower - total,
                                      span=span),)
        return total, none
    return bound
