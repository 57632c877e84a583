"""Quotas (名额) and awards as the policy defines them (docs/language.md §23): the checked
model's nodes. ``model/from_syntax_awards.py`` builds them; ``cohort/quotas.py`` applies them.

A quota limits how many entities may keep a grade (``"优秀" 不超过 总数的 20% 向下取整 并列
提交认定``) or hold an award tier by count (``综合奖 "一等奖" 3 名 并列 全部计入``), over the
whole cohort, within each declared group (每组) or within one group (「组」). Its scope's size
is the number of entities in it (参评单位总数); a percentage rounds as the author says.
"""
from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from ..numbers import format_decimal, whole_number
from ..span import Span


class Rounding(enum.StrEnum):
    """How a fractional quota rounds: 向下取整, 四舍五入, 向上取整."""

    DOWN = "向下取整"
    HALF_UP = "四舍五入"
    UP = "向上取整"


class TieRule(enum.StrEnum):
    """What a tie on a quota's boundary does: all the tied keep it, none does, or the committee
    decides (each tied entity pending, with the candidates)."""

    ALL_IN = "全部计入"
    ALL_OUT = "全部不计入"
    COMMITTEE = "提交认定"


#: a quota's scope: the whole cohort, each declared group, or the group named
COHORT, EACH_GROUP = None, "每组"


@attrs.frozen(eq=False)
class Quota:
    """At most ``count`` entities, or ``percent`` % of the scope's entities rounded as
    ``rounding`` says, may keep grade ``name``; ``scope``: None (the cohort), ``"每组"`` (each
    group) or a group's name; ``tie`` the rule at a tie on the boundary."""

    name: str
    count: int | None
    percent: Decimal | None
    rounding: Rounding | None
    tie: TieRule
    scope: str | None
    span: Span

    def places(self, size: int) -> int:
        """The number of places among ``size`` entities."""
        if self.count is not None:
            return self.count
        assert self.percent is not None and self.rounding is not None
        return whole_number(Decimal(size) * self.percent / 100, str(self.rounding))

    def text(self) -> str:
        """As the flags read it: 不超过总数的20%（向下取整）, 不超过3名."""
        if self.count is not None:
            return f"不超过{self.count}名"
        assert self.percent is not None
        return f"不超过总数的{format_decimal(self.percent.normalize())}%（{self.rounding}）"


@attrs.frozen(eq=False)
class QuotaRules:
    """名额 依据 "…" 认定 「…」 { quotas }: the clause the flags cite and who decides a tie sent
    to the committee (None: neutral words)."""

    quotas: tuple[Quota, ...]
    clause: str | None
    decider: str | None
    span: Span


@attrs.frozen(eq=False)
class CountTier:
    """综合奖 "一等奖" 3 名 并列 提交认定: the tier goes to ``count`` entities in rank order;
    ``tie`` decides a tie that straddles the end of its places."""

    name: str
    count: int
    tie: TieRule
    span: Span
