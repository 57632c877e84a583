"""Outputs (输出, docs/language.md §25): per-entity amounts the policy derives from an entity's
result — a bonus in 元 per point above a line, an amount or a factor by grade or by award.
They are computed after the cohort stage (grades and awards are final there) and are never
part of any score.

An ``OutputFormula`` is an expression over 考评总分 (``expressions.TotalScore``) with its unit,
optional bounds and places; an ``OutputTable`` gives an amount per grade or award, with the
``rest`` row (其余) for every case not listed; an ``OutputRankTable`` an amount per band of
ranks (第1名, 第2至3名 …)."""
from __future__ import annotations

from decimal import Decimal
from typing import Union

import attrs

from ..span import Span, span_field
from .expressions import Expr

BASES = ("grade", "award")


_span = span_field


@attrs.frozen
class OutputFormula:
    """「绩效奖金」 = （考评总分 - 80） × 500 元 最低 0 元: ``low``/``high`` the bounds (None: none),
    ``places`` the decimal places it is rounded to (half-up), ``clause`` the 输出 block's."""

    name: str
    expr: Expr
    text: str
    unit: str | None
    low: Decimal | None
    high: Decimal | None
    places: int
    clause: str | None
    span: Span = _span()


@attrs.frozen
class OutputTable:
    """「奖励金额」 按 等次 { "优秀" 5000 元 … 其余 0 元 }: ``basis`` grade or award; ``rows`` (name,
    amount) in the order written; ``rest`` the amount of 其余 (None: every case is listed)."""

    name: str
    basis: str = attrs.field(validator=attrs.validators.in_(BASES))
    rows: tuple[tuple[str, Decimal], ...] = attrs.field()
    rest: Decimal | None = attrs.field()
    unit: str | None = attrs.field()
    places: int = attrs.field()
    clause: str | None = attrs.field()
    span: Span = _span()

    def amount(self, key: str | None) -> Decimal | None:
        """The amount for a grade or award (None: no award), or None when no row gives one."""
        for name, value in self.rows:
            if name == key:
                return value
        return self.rest


@attrs.frozen
class OutputRankTable:
    """「奖金」 按 名次 { 第1名 30000 元 第2至3名 20000 元 其余 0 元 }: ``bands`` (first, last, amount)
    in the order written, none overlapping; ``rest`` the amount of 其余 (None: every rank an
    entity can have is listed)."""

    name: str
    bands: tuple[tuple[int, int, Decimal], ...]
    rest: Decimal | None
    unit: str | None
    places: int
    clause: str | None
    span: Span = _span()

    def amount(self, rank: int) -> Decimal | None:
        """The amount for a rank, or None when no band and no 其余 gives one."""
        for first, last, value in self.bands:
            if first <= rank <= last:
                return value
        return self.rest


Output = Union[OutputFormula, OutputTable, OutputRankTable]
