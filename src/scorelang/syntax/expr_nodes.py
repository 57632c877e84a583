"""Syntax tree: names, literals, conditions and expressions — the values a rule or a derived
value is written with, as written (re-exported by ``nodes``)."""
from __future__ import annotations

from decimal import Decimal
from typing import Union

import attrs

from ..span import Span, span_field
from .cohort_nodes import CohortAggregate, CohortCount, CohortRank, RankWithin
from .incident_nodes import RecordCount

_span = span_field


@attrs.frozen
class Name:
    """A name the author invented, written 「…」 or 【…】; ``text`` is without brackets."""

    text: str
    span: Span = _span()


@attrs.frozen
class Text:
    """A quoted string ("…" or “…”), without its quotes."""

    text: str
    span: Span = _span()


# ------------------------------------------------------------------ literals
@attrs.frozen
class NumberLit:
    value: Decimal
    span: Span = _span()


@attrs.frozen
class PercentLit:
    value: Decimal
    span: Span = _span()


@attrs.frozen
class PercentPointsLit:
    """5 个百分点: a difference of two percents (never a percent itself)."""

    value: Decimal
    span: Span = _span()


@attrs.frozen
class ScoreLit:
    """0.5 分 inside an expression: points (a score), as opposed to a count or a percent."""

    value: Decimal
    span: Span = _span()


@attrs.frozen
class StringLit:
    value: str
    span: Span = _span()


@attrs.frozen
class FlagLit:
    value: bool
    span: Span = _span()


@attrs.frozen
class NoneLit:
    """无: no records."""

    span: Span = _span()


@attrs.frozen
class NotOccurredLit:
    """未发生 (only after 默认): a judgement the assessor has not entered means the situation
    did not occur, on purpose: no deduction."""

    span: Span = _span()


Literal = Union[NumberLit, PercentLit, StringLit, FlagLit, NoneLit, NotOccurredLit]


# ------------------------------------------------------------------ conditions
@attrs.frozen
class FlagRef:
    """「已开展全员培训」: true when the flag fact is 是."""

    name: Name
    span: Span = _span()


@attrs.frozen
class FactComparison:
    """「案件数」 ≥ 「上年度案件数」: two facts compared."""

    left: Name
    op: str
    right: Name
    span: Span = _span()


@attrs.frozen
class Comparison:
    """「局域网状况」为 "未建成"; 「全年公文上网数」 < 300."""

    name: Name
    op: str
    value: Literal
    span: Span = _span()


@attrs.frozen
class Not:
    operand: Condition
    span: Span = _span()


@attrs.frozen
class And:
    operands: tuple[Condition, ...]
    span: Span = _span()


@attrs.frozen
class Or:
    operands: tuple[Condition, ...]
    span: Span = _span()


# ------------------------------------------------------------------ expressions
@attrs.frozen
class Arithmetic:
    """「结案数」 ÷ 「受案数」 × 100%: operands joined by operators of one precedence level,
    left to right; ``rest`` holds (operator, operand) with the operator one of + - * /."""

    first: Expr
    rest: tuple[tuple[str, Expr], ...]
    span: Span = _span()


@attrs.frozen
class Negate:
    """−「x」 (a negative literal is folded into its NumberLit or PercentLit)."""

    operand: Expr
    span: Span = _span()


@attrs.frozen
class Call:
    """最大（…，…） / 最小（…，…） / 绝对值（…）: ``function`` is max, min or abs."""

    function: str
    args: tuple[Expr, ...]
    span: Span = _span()


@attrs.frozen
class Guarded:
    """… 除数为0时取 100%: the expression's value when one of its divisors is 0."""

    expr: Expr
    fallback: NumberLit | PercentLit | PercentPointsLit
    span: Span = _span()


@attrs.frozen
class ExprComparison:
    """「受案数」 + 「移送数」 > 10: two expressions compared (where a plain fact against a literal
    or a fact is a Comparison or a FactComparison, as before expressions existed)."""

    left: Expr
    op: str
    right: Expr | Literal
    span: Span = _span()


# A value: a fact, a literal, or arithmetic on them. A parenthesised condition may stand where
# a value is expected (the grammar shares parentheses): the resolver says it is not a value.
Expr = Union[Name, NumberLit, PercentLit, PercentPointsLit, ScoreLit, Arithmetic, Negate, Call, Guarded,
             CohortAggregate, CohortCount, CohortRank, FlagRef, Comparison, FactComparison, ExprComparison,
             "Not", "And", "Or", RankWithin, RecordCount]
EXPRESSION_CLASSES = (Name, NumberLit, PercentLit, PercentPointsLit, ScoreLit, Arithmetic, Negate, Call, Guarded,
                      CohortAggregate, CohortCount, CohortRank, RecordCount)

# A condition; a value written where a condition is expected (「a」 + 1 alone) parses, and the
# resolver says it is not a condition.
Condition = Union[FlagRef, Comparison, FactComparison, ExprComparison, Not, And, Or, RankWithin,
                  NumberLit, PercentLit, PercentPointsLit, ScoreLit, Arithmetic, Negate, Call, Guarded,
                  CohortAggregate, CohortCount, CohortRank, RecordCount]
