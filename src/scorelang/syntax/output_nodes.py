"""Syntax nodes of outputs (输出, docs/language.md §25): per-entity amounts the policy derives
from the result — 「绩效奖金」 = （考评总分 - 80） × 500 元 最低 0 元, a table by grade
(「奖励金额」 按 等次 { "优秀" 5000 元 … 其余 0 元 }) or by award. Names exactly as written;
``syntax.nodes`` re-exports every class.
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Union

import attrs

from ..span import Span, span_field

if TYPE_CHECKING:
    from .nodes import Expr, Name, Text


_span = span_field


@attrs.frozen
class OutputBound:
    """最低 0 元 (``upper`` False) / 最高 5000 元 (``upper`` True): a bound on a formula's amount;
    ``unit`` the unit word written after the number (None: none)."""

    upper: bool
    value: Decimal
    unit: str | None
    span: Span = _span()


@attrs.frozen
class OutputFormula:
    """「绩效奖金」 = （考评总分 - 80） × 500 元 最低 0 元 保留 0 位小数: an amount computed from the
    entity's result. ``op`` the sign as written (the model accepts = or ＝ only); ``text`` the
    expression as written, for traces; ``places`` from 保留 N 位小数 (None: the policy's)."""

    name: Name
    op: str
    expr: Expr
    text: str
    unit: str | None
    bounds: tuple[OutputBound, ...]
    places: Decimal | None
    span: Span = _span()


@attrs.frozen
class OutputRow:
    """"优秀" 5000 元 (``key`` the grade or award) / 其余 0 元 (``key`` None)."""

    key: Text | None
    amount: Decimal
    unit: str | None
    span: Span = _span()


@attrs.frozen
class OutputRankRow:
    """第1名 30000 元 / 第2至3名 20000 元: the amount for the ranks ``first`` to ``last`` (as
    written: the model checks that they are whole numbers from 1, in order)."""

    first: Decimal
    last: Decimal
    amount: Decimal
    unit: str | None
    span: Span = _span()


@attrs.frozen
class OutputTable:
    """「奖励金额」 按 等次 { "优秀" 5000 元 … 其余 0 元 } (``basis`` "grade") / 按 奖项 { … }
    (``basis`` "award") / 按 名次 { 第1名 … } (``basis`` "rank", its rows ``OutputRankRow``s): an
    amount by the entity's grade, award or rank; ``rest`` the 其余 row."""

    name: Name
    basis: str
    rows: tuple[OutputRow | OutputRankRow, ...]
    rest: OutputRow | None
    places: Decimal | None
    span: Span = _span()


Output = Union[OutputFormula, OutputTable]


@attrs.frozen
class Outputs:
    """输出 依据 "…" { … }: the policy's outputs, never part of any score."""

    outputs: tuple[Output, ...]
    cite: Text | None
    span: Span = _span()
