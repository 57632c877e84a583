"""Values computed from facts (docs/language.md §9.2): the model of an expression such as
「结案数」 ÷ 「受案数」 × 100% 除数为0时取 100%, and the comparison of two expressions.

Every node is an attrs frozen class, walked by ``nodes.walk``; a field that names a fact is
declared with ``fact_field()``, so ``nodes.facts_read`` finds the facts an expression reads.
Kinds, units and ranges are the resolver's business (``from_syntax_exprs``): a node here is
already checked.
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Union

import attrs

from ..span import Span, span_field
from .incidents import RecordCount as RecordCount
from .incidents import fact_field as fact_field

if TYPE_CHECKING:
    from .nodes import Condition


_span = span_field


OPERATORS = ("+", "-", "*", "/")
FUNCTIONS = ("max", "min", "abs")


@attrs.frozen
class FactValue:
    """「受案数」: the value of a count, number or percent fact (a percent as written: 85 for 85%)."""

    fact: str = fact_field()
    span: Span = _span()


@attrs.frozen
class Const:
    """A literal: 3, -1, 100% (held as 100: a percent's value is its number of hundredths)."""

    value: Decimal
    span: Span = _span()


@attrs.frozen
class Operation:
    """One ``op operand`` of a run of + − or × ÷."""

    op: str = attrs.field(validator=attrs.validators.in_(OPERATORS))
    operand: Expr = attrs.field()
    span: Span = _span()


@attrs.frozen
class Arith:
    """first op operand op operand …, left to right (one precedence level)."""

    first: Expr
    rest: tuple[Operation, ...]
    span: Span = _span()


@attrs.frozen
class Negated:
    """−「x」"""

    operand: Expr
    span: Span = _span()


@attrs.frozen
class Apply:
    """最大（…） / 最小（…） / 绝对值（…）"""

    function: str = attrs.field(validator=attrs.validators.in_(FUNCTIONS))
    args: tuple[Expr, ...] = attrs.field()
    span: Span = _span()


@attrs.frozen
class Guard:
    """… 除数为0时取 ``fallback``: the expression's value when one of its divisors is 0."""

    expr: Expr
    fallback: Decimal
    span: Span = _span()


@attrs.frozen
class DerivedRef:
    """「结案率」 where 「结案率」 is a derived value (计算 { … }): read like a fact, computed once
    per entity. ``facts`` are the facts it reads, through other derived values too, so that
    ``nodes.facts_read`` finds what a rule reads through it; ``kind`` and ``unit`` are its
    type (count, number, percent or scalar)."""

    name: str
    kind: str
    unit: str | None = None
    facts: tuple[str, ...] = fact_field(default=())
    span: Span = _span()




@attrs.frozen
class DerivedDecl:
    """计算 { 「结案率」 = 「结案数」 ÷ 「受案数」 × 100% 除数为0时取 0% }: a value named once and
    computed once per entity.

    Attributes:
        name: its name (unique in the policy, never a fact's).
        expr: the checked expression; text: the expression as written, for traces.
        kind, unit: its type — count, number, percent or scalar (a ratio) — and unit.
        task: the id of the task it is declared in (visible there only), or None (policy level).
    """

    name: str
    expr: Expr
    text: str
    kind: str
    unit: str | None = None
    task: str | None = None
    span: Span = _span()


# ------------------------------------------------------------------ cohort values (§9.6)
COHORT_FUNCTIONS = ("mean", "sum", "max", "min", "median", "count", "share", "rank")


@attrs.frozen
class FactOperand:
    """「结案率」: a cohort value taken of a fact (each entity's value)."""

    fact: str = fact_field()
    span: Span = _span()


@attrs.frozen
class ScoreOperand:
    """第3项得分 (``item`` an item id), 目标任务二得分 (``task`` a task id), 考评总分 (neither): a
    cohort value taken of each entity's score, known only once that score is computed."""

    item: str | None = None
    task: str | None = None
    section: str | None = None  # with ``task``: 部分 "…" 得分, the sum of that section's items
    span: Span = _span()


@attrs.frozen
class DerivedOperand:
    """「结案率」 where it is a derived value (计算 { … }): each entity's computed value."""

    ref: DerivedRef
    span: Span = _span()


Operand = Union[FactOperand, DerivedOperand, ScoreOperand]


@attrs.frozen
class CohortTerm:
    """One value over the cohort, computed once for every entity (docs/language.md §9.6).

    Attributes:
        key: how the trace names it (全体平均「结案率」): two terms with one key are one value.
        function: one of COHORT_FUNCTIONS (平均 合计 最高 最低 中位数 个数 占比 名次).
        group: the group it is taken over, or None for every entity.
        operand: what is aggregated or ranked (None for 个数 and 占比).
        condition: for 个数 and 占比, what an entity must meet to be counted.
        descending: for 名次, 由高到低 (the highest value is first).
        dense: for 名次, 并列不占位 (1, 1, 2) rather than 并列占位 (1, 1, 3).
    """

    key: str
    function: str = attrs.field(validator=attrs.validators.in_(COHORT_FUNCTIONS))
    group: str | None
    operand: Operand | None
    condition: Condition | None = None
    descending: bool = True
    dense: bool = False
    span: Span = _span()


def ranked_count_key(term: CohortTerm) -> str:
    """The trace's name for how many entities a rank was taken among (第 3 名 of 共 17)."""
    return f"{term.key}·共"


@attrs.frozen
class CohortValue:
    """A cohort value where an expression takes a value: the entity reads ``term.key`` from
    the values computed for the cohort before its own scoring."""

    term: CohortTerm
    span: Span = _span()




@attrs.frozen
class TotalScore:
    """考评总分 in an output (输出, docs/language.md §25): the entity's total as rounded, read once
    the cohort stage has ranked it (under ``TOTAL_KEY``); never inside a rule."""

    span: Span = _span()


#: the key an output's expression reads the entity's total under (the mapping an output is
#: computed from holds nothing else)
TOTAL_KEY = "考评总分"

Expr = Union[FactValue, Const, Arith, Negated, Apply, Guard, DerivedRef, CohortValue, TotalScore, RecordCount]


@attrs.frozen
class CompareValues:
    """「受案数」 + 「移送数」 > 10: two expressions compared, op one of eq ne lt le gt ge."""

    left: Expr
    op: str
    right: Expr
    span: Span = _span()


@attrs.frozen
class RankWithin:
    """全体名次（…）前 3 名 / 后 3 名 (a rank counted from the other end): the entity's rank is at
    most ``count``. An entity outside the group a rank is taken in has no rank there: for it
    the condition does not hold."""

    rank: CohortValue
    count: Decimal
    span: Span = _span()


# ------------------------------------------------------------------ an expression as a policy writes it
_SHOWN_OPS = {"+": " + ", "-": " − ", "*": " × ", "/": " ÷ "}
_SHOWN_FUNCTIONS = {"max": "最大", "min": "最小", "abs": "绝对值"}


def label(e: Expr) -> str:
    """The trace's name for a computed value: the expression without its outer parentheses."""
    if isinstance(e, Guard):
        e = e.expr
    text = shown(e)
    return text[1:-1] if isinstance(e, Arith) else text


def shown(e: Expr) -> str:
    """The expression as a policy writes it, for traces: 「结案数」 ÷ 「受案数」 × 100."""
    if isinstance(e, FactValue):
        return f"「{e.fact}」"
    if isinstance(e, DerivedRef):
        return f"「{e.name}」"
    if isinstance(e, Const):
        return str(e.value)
    if isinstance(e, Arith):
        return "（" + shown(e.first) + "".join(_SHOWN_OPS[o.op] + shown(o.operand) for o in e.rest) + "）"
    if isinstance(e, Negated):
        return "−" + shown(e.operand)
    if isinstance(e, Apply):
        return _SHOWN_FUNCTIONS[e.function] + "（" + "，".join(label(a) for a in e.args) + "）"
    if isinstance(e, Guard):
        return shown(e.expr)
    if isinstance(e, CohortValue):
        return e.term.key
    if isinstance(e, RecordCount):
        return e.text
    if isinstance(e, TotalScore):
        return TOTAL_KEY
    raise TypeError(f"no way to show expression {type(e).__name__}")
