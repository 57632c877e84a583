"""Model rules → small Decimal closures, one ``_compile_<Rule>`` per model rule class.

A compiled rule is ``step(facts, events) -> Decimal | None``: it returns the change in
points (negative for deductions, positive for points earned), or ``ZEROED`` when the part
scores nothing (不得分), and appends an Event for every change it makes. Everything a step
needs (amounts, fact names, the clause, the sentence, the span) is bound when it is built;
nothing on the per-entity path looks at model nodes.
"""
from __future__ import annotations

import operator
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Callable

from ..model import nodes as m
from ..runtime.scorecard import new_event

ZERO = Decimal(0)
ZEROED = object()  # sentinel: 不得分

Facts = dict
Step = Callable[[Facts, list], object]
Predicate = Callable[[Facts], bool]


# ------------------------------------------------------------------ conditions
_OPS = {"eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "le": operator.le,
        "gt": operator.gt, "ge": operator.ge}


def compile_condition(cond: m.Condition, rename: Callable[[str], str]) -> tuple[Predicate, tuple[str, ...]]:
    """A predicate over facts, and the names of the facts it reads."""
    return _CONDITIONS[type(cond)](cond, rename)


def _flag(cond: m.FlagIs, rename):
    name = rename(cond.fact)
    return (lambda facts: facts[name] is True), (name,)


def _compare(cond: m.Compare, rename):
    name, op, value = rename(cond.fact), _OPS[cond.op], cond.value
    return (lambda facts: op(facts[name], value)), (name,)


def _negation(cond: m.Negation, rename):
    inner, names = compile_condition(cond.operand, rename)
    return (lambda facts: not inner(facts)), names


def _all_of(cond: m.AllOf, rename):
    compiled = [compile_condition(c, rename) for c in cond.operands]
    predicates = tuple(p for p, _ in compiled)
    return (lambda facts: all(p(facts) for p in predicates)), tuple(n for _, ns in compiled for n in ns)


def _any_of(cond: m.AnyOf, rename):
    compiled = [compile_condition(c, rename) for c in cond.operands]
    predicates = tuple(p for p, _ in compiled)
    return (lambda facts: any(p(facts) for p in predicates)), tuple(n for _, ns in compiled for n in ns)


_CONDITIONS = {m.FlagIs: _flag, m.Compare: _compare, m.Negation: _negation, m.AllOf: _all_of, m.AnyOf: _any_of}


def _read(facts: Facts, names: tuple[str, ...]) -> tuple:
    return tuple((n, facts[n]) for n in names)


# ------------------------------------------------------------------ rules
def _compile_PerOccurrence(rule: m.Rule, body: m.PerOccurrence, rename) -> Step:
    """每…扣…分 / 每…得…分"""
    name = rename(body.fact)
    per = body.amount * body.sign
    clause, text, span = rule.clause, rule.text, rule.span
    kind = "deduct" if body.sign < 0 else "award"

    def step(facts, events):
        count = facts[name]
        if not count:
            return ZERO
        points = per * count
        events.append(new_event(clause, text, kind, ((name, count),), points, None, span))
        return points
    return step


def _compile_Fixed(rule: m.Rule, body: m.Fixed, rename) -> Step:
    """若…扣10分 / 若…得10分"""
    predicate, names = compile_condition(body.condition, rename)
    points = body.amount * body.sign
    clause, text, span = rule.clause, rule.text, rule.span
    kind = "deduct" if body.sign < 0 else "award"

    def step(facts, events):
        if not predicate(facts):
            return ZERO
        events.append(new_event(clause, text, kind, _read(facts, names), points, None, span))
        return points
    return step


def _compile_Zero(rule: m.Rule, body: m.Zero, rename) -> Step:
    """若…不得分: the event's points are filled in by the part, which knows the score it cancels."""
    predicate, names = compile_condition(body.condition, rename)
    clause, text, span = rule.clause, rule.text, rule.span

    def step(facts, events):
        if not predicate(facts):
            return ZERO
        events.append(new_event(clause, text, "zero", _read(facts, names), ZERO, None, span))
        return ZEROED
    return step


def _compile_Judgement(rule: m.Rule, body: m.Judgement, rename) -> Step:
    """扣1至3分: the assessor's amount (or each record's amount), with the reason kept."""
    name = rename(body.fact)
    clause, text, span = rule.clause, rule.text, rule.span
    if body.condition is not None:
        predicate, cond_names = compile_condition(body.condition, rename)
    else:
        predicate, cond_names = None, ()

    if body.records:
        def step(facts, events):
            if predicate is not None and not predicate(facts):
                return ZERO
            total = ZERO
            for index, (amount, reason) in enumerate(facts[name], start=1):
                if amount:
                    events.append(new_event(clause, text, "deduct", _read(facts, cond_names) + ((f"{name}[{index}]", amount),),
                                        -amount, reason, span))
                    total -= amount
            return total
        return step

    if predicate is None:
        def step_unconditional(facts, events):
            amount, reason = facts[name]
            if not amount:
                return ZERO
            events.append(new_event(clause, text, "deduct", ((name, amount),), -amount, reason, span))
            return -amount
        return step_unconditional

    def step(facts, events):
        amount, reason = facts[name]
        if not amount or not predicate(facts):
            return ZERO
        events.append(new_event(clause, text, "deduct", _read(facts, cond_names) + ((name, amount),), -amount, reason, span))
        return -amount
    return step


def _compile_Ladder(rule: m.Rule, body: m.Ladder, rename) -> Step:
    """每降低5个百分点扣2分: per step of shortfall below the target, partial steps as declared."""
    name = rename(body.fact)
    target, step_size, amount = body.target, body.step, body.amount
    relative = body.relative
    scale = Decimal(100) / target if relative else None
    clause, text, span = rule.clause, rule.text, rule.span
    rounding = {"ceil": ROUND_CEILING, "floor": ROUND_FLOOR}.get(body.partial)
    proportional = body.partial in ("proportional", "exact")

    def step(facts, events):
        value = facts[name]
        if value >= target:
            return ZERO
        shortfall = (target - value) * scale if relative else target - value
        steps = shortfall / step_size
        if not proportional:
            steps = steps.to_integral_value(rounding=rounding)
        if not steps:
            return ZERO
        points = -(steps * amount)
        events.append(new_event(clause, text, "deduct", ((name, value),), points, None, span))
        return points
    return step


_COMPILERS: dict[type, Callable] = {
    m.PerOccurrence: _compile_PerOccurrence,
    m.Fixed: _compile_Fixed,
    m.Zero: _compile_Zero,
    m.Judgement: _compile_Judgement,
    m.Ladder: _compile_Ladder,
}


def compile_rule(rule: m.Rule, rename: Callable[[str], str] = lambda n: n) -> tuple[Step, bool]:
    """The step for one rule, and whether it earns points (每…得 / 若…得)."""
    try:
        compiler = _COMPILERS[type(rule.body)]
    except KeyError:  # a new model rule class without a compiler is a bug, loudly
        raise TypeError(f"no compiler for rule {type(rule.body).__name__}") from None
    earns = isinstance(rule.body, (m.PerOccurrence, m.Fixed)) and rule.body.sign > 0
    return compiler(rule, rule.body, rename), earns
