"""Syntax nodes of cohort values (docs/language.md §9.6): values taken over every entity or a
group — 全体平均「结案率」, 「藏区」个数（…）, 全体名次（… 由高到低 并列占位）—, the conditions
前 3 名 / 后 3 名 and points by rank (按 … 第1名得10分 … 其余得4分). Names exactly as written; ``syntax.nodes``
re-exports every class and puts them in its unions.
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Union

import attrs

from ..span import Span, span_field

if TYPE_CHECKING:
    from .nodes import Condition, Expr, Name, Text


_span = span_field


@attrs.frozen
class ScoreRef:
    """第3项得分 / 目标任务二第3项得分 (``item`` set), 部分 "…" 得分 (``section``), 目标任务二得分
    (``task`` only), 考评总分 (``total``): a score that a cohort value is taken of. ``task``
    None: the rule's own task."""

    task: int | None
    item: int | None
    total: bool = False
    section: Text | None = None  # 部分 "执法办案" 得分: a section's score (its items' sum)
    span: Span = _span()


Operand = Union["Name", ScoreRef]


@attrs.frozen
class CohortAggregate:
    """全体平均「结案率」, 「藏区」最高「x」, 全州中位数 第3项得分: ``function`` one of 平均 合计 最高 最低
    中位数 as written; ``group`` None: every entity (``scope_word`` 全体, 全州 …)."""

    group: Name | None
    scope_word: str
    function: str
    operand: Operand
    span: Span = _span()


@attrs.frozen
class CohortCount:
    """全体个数（「结案率」≥ 90%） / 「藏区」占比（…）: how many entities (or what share of them, a
    percent) meet the condition."""

    group: Name | None
    scope_word: str
    function: str  # 个数 | 占比
    condition: Condition
    span: Span = _span()


@attrs.frozen
class CohortRank:
    """全体名次（「结案率」 由高到低 并列占位）: the entity's rank; the order and the tie rule may be
    left out here, and the resolver says that the author must choose them."""

    group: Name | None
    scope_word: str
    operand: Operand
    order: str | None  # 由高到低 | 由低到高
    ties: str | None  # 并列占位 | 并列不占位
    span: Span = _span()


@attrs.frozen
class RankWithin:
    """全体名次（…）前 3 名 (``end`` top) / 后 3 名 (``end`` bottom)."""

    rank: Expr
    end: str
    count: Decimal
    span: Span = _span()


@attrs.frozen
class RankRow:
    """第1名得10分 / 第2至3名得8分"""

    first: Decimal
    last: Decimal
    points: Decimal
    span: Span = _span()


@attrs.frozen
class RankPoints:
    """按 全体名次（…） 第1名得10分 第2名得8分 其余得4分: points by rank; ``rest`` None when 其余
    is not written (the resolver asks for it)."""

    rank: Name | Expr
    rows: tuple[RankRow, ...]
    rest: Decimal | None
    span: Span = _span()


COHORT_VALUE_CLASSES = (CohortAggregate, CohortCount, CohortRank)
