"""Syntax nodes of quotas and awards as the policy defines them (docs/language.md §23):
名额 { "优秀" 不超过 总数的 20% 向下取整 并列 提交认定 }, 综合奖 "一等奖" 3 名 并列 全部计入,
单项奖 目标任务二、目标任务五 各前2名 and 考评总分 低于 80 分 不评奖. Names exactly as written;
``syntax.nodes`` re-exports every class.
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ..span import Span, span_field

if TYPE_CHECKING:
    from .nodes import Name, Text


_span = span_field


@attrs.frozen
class Quota:
    """"优秀" 每组 不超过 总数的 20% 向下取整 并列 提交认定: ``scope`` None (the cohort), "每组"
    or a group's Name; a ``count`` (N 名) or a ``percent``; ``rounding`` and ``tie`` as
    written (None: not written — check says so); ``of_total``: 总数的 written before the
    percentage (kept by the printer)."""

    name: Text
    scope: Name | str | None
    count: int | None
    percent: Decimal | None
    rounding: str | None
    tie: str | None
    span: Span = _span()
    of_total: str | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class Quotas:
    """名额 依据 "…" 认定 「…」 { quotas }."""

    quotas: tuple[Quota, ...]
    cite: Text | None
    decider: Name | None
    span: Span = _span()


@attrs.frozen
class CountTier:
    """综合奖 "一等奖" 3 名 并列 提交认定 (``each_group``: 每组, within each group)."""

    name: Text
    count: int
    tie: str | None
    span: Span = _span()
    each_group: bool = attrs.field(default=False, kw_only=True)


@attrs.frozen
class SingleTasks:
    """单项奖 目标任务二、目标任务五 各前2名: single-task awards for the tasks named only."""

    tasks: tuple[int, ...]
    top: int
    span: Span = _span()


@attrs.frozen
class AwardFloor:
    """考评总分 低于 80 分 不评奖: no award below a total (``compare`` as written)."""

    compare: str
    points: Decimal
    span: Span = _span()


AWARD_STATEMENTS = (CountTier, SingleTasks, AwardFloor)
