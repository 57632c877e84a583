"""Model expressions → Decimal closures, one compile function per expression class
(``_VALUES``; a test checks that every class of ``model.expressions.Expr`` has one).

A compiled value is ``value(facts) -> Decimal | int``, built once per policy. A division by 0
inside ``… 除数为0时取 v`` gives ``v`` for the whole guarded expression; the resolver refuses a
division whose divisor may be 0 without that guard (SL152), so nothing divides by 0 silently:
an unguarded divisor of 0 would raise, never give a made-up number.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from ..model import expressions as x
from .incidents import compile_record_count

Facts = Mapping[str, Any]
Value = Callable[[Facts], Any]
Rename = Callable[[str], str]


class _ZeroDivisor(Exception):
    """A divisor was 0 inside a guarded expression (caught by its guard)."""


def compile_value(e: x.Expr, rename: Rename) -> tuple[Value, tuple[str, ...]]:
    """The value's closure, and the facts it reads (renamed per occasion), once each."""
    try:
        compiler = _VALUES[type(e)]
    except KeyError:  # a new expression class without a compiler is a bug, loudly
        raise TypeError(f"no compiler for expression {type(e).__name__}") from None
    value, names = compiler(e, rename)
    return value, tuple(dict.fromkeys(names))


def _record_count(e: x.RecordCount, rename: Rename) -> tuple[Value, tuple[str, ...]]:
    return compile_record_count(e, rename)


def _fact(e: x.FactValue, rename: Rename) -> tuple[Value, tuple[str, ...]]:
    name = rename(e.fact)
    return (lambda facts: facts[name]), (name,)


def _derived(e: x.DerivedRef, rename: Rename) -> tuple[Value, tuple[str, ...]]:
    # computed once per entity by the evaluator's facts mapping (compile/derived.py), then read
    # like a fact; never renamed (a derived value reads no per-occasion fact)
    name = e.name
    return (lambda facts: facts[name]), (name,)


def _const(e: x.Const, rename: Rename) -> tuple[Value, tuple[str, ...]]:
    value = e.value
    return (lambda facts: value), ()


def _divide(a: Any, b: Any) -> Decimal:
    if not b:
        raise _ZeroDivisor
    quotient: Decimal = Decimal(a) / b
    return quotient


_APPLY: dict[str, Callable[[Any, Any], Any]] = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": _divide}


def _arith(e: x.Arith, rename: Rename) -> tuple[Value, tuple[str, ...]]:
    first, names = compile_value(e.first, rename)
    steps = []
    for operation in e.rest:
        operand, more = compile_value(operation.operand, rename)
        steps.append((_APPLY[operation.op], operand))
        names += more
    ops = tuple(steps)
    if len(ops) == 1:
        (apply, second), = ops
        return (lambda facts: apply(first(facts), second(facts))), names

    def value(facts: Facts) -> Any:
        result = first(facts)
        for apply, operand in ops:
            result = apply(result, operand(facts))
        return result
    return value, names


def _negated(e: x.Negated, rename: Rename) -> tuple[Value, tuple[str, ...]]:
    inner, names = compile_value(e.operand, rename)
    return (lambda facts: -inner(facts)), names


def _apply(e: x.Apply, rename: Rename) -> tuple[Value, tuple[str, ...]]:
    compiled = [compile_value(a, rename) for a in e.args]
    args = tuple(v for v, _ in compiled)
    names = tuple(n for _, ns in compiled for n in ns)
    if e.function == "abs":
        only = args[0]
        return (lambda facts: abs(only(facts))), names
    pick = max if e.function == "max" else min
    return (lambda facts: pick(a(facts) for a in args)), names


def _guard(e: x.Guard, rename: Rename) -> tuple[Value, tuple[str, ...]]:
    inner, names = compile_value(e.expr, rename)
    fallback = e.fallback

    def value(facts: Facts) -> Any:
        try:
            return inner(facts)
        except _ZeroDivisor:
            return fallback
    return value, names


def _cohort(e: x.CohortValue, rename: Rename) -> tuple[Value, tuple[str, ...]]:
    # computed once for the cohort before any entity is scored (compile.cohort), and read
    # like a fact under its key, which is also how the trace names it: 全体平均「结案率」
    key = e.term.key
    if e.term.function == "rank":  # the trace shows among how many: 第 3 名, 共 17
        return (lambda facts: facts[key]), (key, x.ranked_count_key(e.term))
    return (lambda facts: facts[key]), (key,)


def _total(e: x.TotalScore, rename: Rename) -> tuple[Value, tuple[str, ...]]:
    # an output's expression (compile/outputs.py) reads the entity's rounded total under its key
    key = x.TOTAL_KEY
    return (lambda facts: facts[key]), (key,)


_VALUES: dict[type, Callable[[Any, Rename], tuple[Value, tuple[str, ...]]]] = {
    x.FactValue: _fact,
    x.Const: _const,
    x.Arith: _arith,
    x.Negated: _negated,
    x.Apply: _apply,
    x.Guard: _guard,
    x.CohortValue: _cohort,
    x.DerivedRef: _derived,
    x.RecordCount: _record_count,  # 个数（「x」 中 …）: compile/incidents.py
    x.TotalScore: _total,
}

