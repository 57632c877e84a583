"""Syntax tree: derived values and rule bodies (每…扣, 若…, tables, ladders, award effects) and
the rule that carries one (re-exported by ``nodes``)."""
from __future__ import annotations

from decimal import Decimal
from typing import Union

import attrs

from ..span import Span, span_field
from .cohort_nodes import RankPoints
from .decl_nodes import Cap
from .expr_nodes import Condition, Expr, Name, Text
from .incident_nodes import Escalation

_span = span_field


# ------------------------------------------------------------------ derived values
@attrs.frozen
class DerivedDecl:
    """「结案率」 = 「结案数」 ÷ 「受案数」 × 100% 除数为0时取 0%: a named value computed from facts.

    ``op`` is the sign as written (the model accepts = or ＝ only); ``text`` the expression as
    written, for traces."""

    name: Name
    op: str
    expr: Expr
    text: str
    span: Span = _span()


@attrs.frozen
class DerivedBlock:
    """计算 { … }: derived values, at policy level or in a task."""

    values: tuple[DerivedDecl, ...]
    span: Span = _span()


# ------------------------------------------------------------------ rules
@attrs.frozen
class PerDeduct:
    """每「x」扣0.5分; 「x」 每 1 件 扣0.5分 (``per`` 1, ``unit`` 件: the unit after the number)"""

    fact: Name | Expr  # a bare fact, or an expression (「a」 + 「b」)
    amount: Decimal
    span: Span = _span()
    unit: str | None = attrs.field(default=None, kw_only=True)
    per: Decimal = attrs.field(default=Decimal(1), kw_only=True)
    per_word: str = attrs.field(default="每", kw_only=True)  # 每 or 每发现 (before the number)


@attrs.frozen
class PerAward:
    """每「x」得2分; 「x」 每 1 项 得2分"""

    fact: Name | Expr  # a bare fact, or an expression (「a」 + 「b」)
    amount: Decimal
    span: Span = _span()
    unit: str | None = attrs.field(default=None, kw_only=True)
    per: Decimal = attrs.field(default=Decimal(1), kw_only=True)
    per_word: str = attrs.field(default="每", kw_only=True)  # 每 or 每发现 (before the number)


@attrs.frozen
class ZeroIf:
    """若 … 不得分 [（含加分）|（加分照计）]: ``bonuses`` ``included`` (the item's bonuses go too),
    ``kept`` (they still count) or None (not written)."""

    condition: Condition
    span: Span = _span()
    bonuses: str | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class DeductIf:
    """若 … 扣10分"""

    condition: Condition
    amount: Decimal
    span: Span = _span()


@attrs.frozen
class AwardIf:
    """若 … 得10分"""

    condition: Condition
    amount: Decimal
    span: Span = _span()


@attrs.frozen
class Judged:
    """[若 …] 扣「评定」: the assessor's amount."""

    fact: Name
    condition: Condition | None
    span: Span = _span()


@attrs.frozen
class PerBonus:
    """每「x」加0.2分: points beyond the item's points; 「x」 每 1 人 加0.2分"""

    fact: Name | Expr  # a bare fact, or an expression (「a」 + 「b」)
    amount: Decimal
    span: Span = _span()
    unit: str | None = attrs.field(default=None, kw_only=True)
    per: Decimal = attrs.field(default=Decimal(1), kw_only=True)
    per_word: str = attrs.field(default="每", kw_only=True)  # 每 or 每发现 (before the number)


@attrs.frozen
class ComputedBonus:
    """加 （「表扬次数」 × 0.2） 分: a bonus of a computed amount, in points."""

    amount: Expr
    span: Span = _span()


@attrs.frozen
class BonusIf:
    """若 … 加0.4分"""

    condition: Condition
    amount: Decimal
    span: Span = _span()


@attrs.frozen
class JudgedBonus:
    """加「领导评分」 [合计|平均]: the assessors' amounts added (第十三条)."""

    fact: Name
    aggregate: str | None
    span: Span = _span()


@attrs.frozen
class Proportional:
    """按「开工率」比例得3分: points × the percent / 100."""

    fact: Name | Expr  # a bare fact, or an expression (「a」 + 「b」)
    amount: Decimal
    span: Span = _span()


@attrs.frozen
class TableRow:
    """"省委、省政府有关领导小组" { "一等奖" 1 "二等奖" 0.8 "三等奖" 0.6 }"""

    level: Text
    points: tuple[tuple[Text, Decimal], ...]
    span: Span = _span()


@attrs.frozen
class TableAlias:
    """"未明确等级" "优秀称号" 视为 "二等奖" """

    grades: tuple[Text, ...]
    canonical: Text
    span: Span = _span()


@attrs.frozen
class Table:
    """每条「表彰」 按「层级」「等级」加分 同一「工作」只计最高分 { rows }"""

    records: Name
    level_field: Name
    grade_field: Name
    keep: str | None  # the TABLE_KEEP text, e.g. 同一「工作」只计最高分
    rows: tuple[TableRow, ...]
    aliases: tuple[TableAlias, ...]
    span: Span = _span()
    # incidents (docs/language.md §24): 每起 … 扣分, 涉及本项的, 同一「问题编号」不重复扣分
    each: str = attrs.field(default="每条", kw_only=True)
    deduct: bool = attrs.field(default=False, kw_only=True)
    concerning: bool = attrs.field(default=False, kw_only=True)
    no_repeat: str | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class AwardEffect:
    """An outcome effect after a condition: 若 … 降低一个等次评奖 / 直接排名最后一位 / 取消评优资格,
    or on the grade 直接评定为 "不合格" / 等次不得高于 "良好" / 不得评为 "优秀" / 降低一个等次 /
    降低 2 个等次 (docs/language.md §22)."""

    condition: Condition
    effect: str  # a model.outcomes.Change value: demote | last | ineligible | grade_force | grade_cap | …
    span: Span = _span()
    grade: Text | None = attrs.field(default=None, kw_only=True)  # the grade a grade effect names
    levels: int | None = attrs.field(default=None, kw_only=True)  # 降低 N 个等次 (1: 降低一个等次)
    in_words: bool = attrs.field(default=False, kw_only=True)  # 降低一个等次 (not 降低 1 个等次), for the printer


#: the step unit of 每降低 相对目标的 5%: a share of the target, not percentage points
RELATIVE_STEP = "相对目标的%"


@attrs.frozen
class Ladder:
    """「x」 达 100% 每降低 5 个百分点 扣5分 不足一档按一档计"""

    fact: Name | Expr  # a bare fact, or an expression (「a」 + 「b」)
    threshold_word: str  # 达/不少于/不低于 (a floor to reach) or 不高于/不超过 (a ceiling)
    threshold: Decimal
    threshold_is_percent: bool
    step_word: str
    step: Decimal
    step_unit: str | None
    amount: Decimal
    partial: str | None
    threshold_unit: str | None = None  # 不少于 10 篇: a unit word after the target (or 个百分点)
    span: Span = _span()
    # 达 「上年率」: a target computed per entity (``threshold`` is then 0 and unused)
    target: Expr | None = attrs.field(default=None, kw_only=True)
    bonus: bool = attrs.field(default=False, kw_only=True)  # … 每提高 1 个百分点 加1分


RuleBody = Union[PerDeduct, PerAward, ZeroIf, DeductIf, AwardIf, Judged, Ladder, PerBonus, BonusIf,
                 JudgedBonus, Proportional, Table, AwardEffect, RankPoints, ComputedBonus, Escalation]


@attrs.frozen
class Rule:
    """One rule: the quoted source clause (if given), the body, its cap (最多扣 5 分) if one is
    written, and whether 扣完为止 was written."""

    quote: Text | None
    body: RuleBody
    floor: bool
    source_text: str
    condition: Condition | None = None  # 若 … before a rule without a condition of its own
    span: Span = _span()
    cap: Cap | None = attrs.field(default=None, kw_only=True)
    stacked: bool = attrs.field(default=False, kw_only=True)  # 各档累计
