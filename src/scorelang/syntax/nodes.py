"""Stage 1 output: the syntax tree, names exactly as written, every node with its span.

Nothing here is resolved: a fact reference is the name the author typed. The model stage
(``scorelang.model``) resolves names, assigns ids and checks consistency.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Union

import attrs

from ..span import Span
from .award_nodes import AWARD_STATEMENTS, AwardFloor, CountTier, Quota, Quotas, SingleTasks
from .cohort_nodes import (
    COHORT_VALUE_CLASSES,
    CohortAggregate,
    CohortCount,
    CohortRank,
    RankPoints,
    RankRow,
    RankWithin,
    ScoreRef,
)
from .incident_nodes import Escalation, EscalationStep, RecordCount
from .output_nodes import Output, OutputBound, OutputFormula, OutputRankRow, OutputRow, Outputs, OutputTable

__all__ = ["AWARD_STATEMENTS", "AwardFloor", "CountTier", "Quota", "Quotas", "SingleTasks",
           "COHORT_VALUE_CLASSES", "CohortAggregate", "CohortCount", "CohortRank", "RankPoints", "RankRow",
           "RankWithin", "ScoreRef", "Output", "OutputBound", "OutputFormula", "OutputRankRow", "OutputRow", "Outputs",
           "OutputTable", "Escalation", "EscalationStep", "RecordCount"]


def _span() -> Span:
    # attrs.field() is typed Any so it can stand for any attribute's value; say which
    field: Span = attrs.field(eq=False, repr=False, kw_only=True)
    return field


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


# ------------------------------------------------------------------ caps and floors
@attrs.frozen
class Bound:
    """最高 100 分 (``upper``) / 最低 0 分 (``lower``): a bound on a score."""

    limit: str
    points: Decimal
    span: Span = _span()


@attrs.frozen
class TotalBounds:
    """考评总分 最高 100 分 最低 0 分 依据 "…": bounds on the total, and the clause that sets them."""

    bounds: tuple[Bound, ...]
    clause: Text | None
    span: Span = _span()


@attrs.frozen
class Cap:
    """最多扣 5 分 / 最多加 2 分 / 最多得 10 分 after a rule: ``verb`` 扣, 加 or 得 (减 reads as 扣)."""

    verb: str
    points: Decimal
    span: Span = _span()


@attrs.frozen
class SetCap:
    """加分累计最多 3 分 / 扣分累计不超过 5 分 in an article (本部分… in a section, 本任务… in a
    task): ``verb`` 加 or 扣."""

    verb: str
    points: Decimal
    span: Span = _span()
    scope: str = attrs.field(default="", kw_only=True)  # 本部分 / 本任务 as written; "" in an article


# ------------------------------------------------------------------ scales
@attrs.frozen
class ScaleDecl:
    """满分 1000 分: a full score other than 100 — of a task, with how it enters the total
    (``enters``: 按原分计入 ``as_is``, 折算为百分制 ``normalised``, None when not written), or of
    the whole policy (in the header, with the clause that sets it)."""

    points: Decimal
    enters: str | None = None
    clause: Text | None = None
    span: Span = _span()


@attrs.frozen
class TasksSummed:
    """各目标任务得分相加: the policy has no weights; its tasks' scores are added up."""

    span: Span = _span()


@attrs.frozen
class BaseScore:
    """基础分 0 分: points are only earned (the model accepts 0 only)."""

    points: Decimal
    span: Span = _span()


# ------------------------------------------------------------------ header
@attrs.frozen
class Header:
    """考评办法 "…" { 文号 … 考评期 … 保留 2 位小数 四舍五入 于 … }

    ``places`` is the number as written (the model checks it is a whole number in range);
    ``places_span`` is where it was written, ``period_span`` and ``rounding_span`` where
    考评期 … and 保留 … were.
    """

    title: Text
    doc_number: Text | None
    period: tuple[str, str] | None
    places: Decimal | None
    round_points: tuple[str, ...]
    span: Span = _span()
    places_span: Span | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    floor: Cite | None = attrs.field(default=None, kw_only=True)
    total: TotalBounds | None = attrs.field(default=None, kw_only=True)
    period_span: Span | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    rounding_span: Span | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    scales: tuple[ScaleDecl, ...] = attrs.field(default=(), kw_only=True)
    summed: tuple[TasksSummed, ...] = attrs.field(default=(), kw_only=True)
    bases: tuple[BaseScore, ...] = attrs.field(default=(), kw_only=True)


@attrs.frozen
class EntitiesDecl:
    """对象 「县市司法局」 { 「西昌市」 … }, or 对象 「司法所」 由事实文件列出 (``from_facts``:
    the entities are those the facts file gives)."""

    kind: Name
    names: tuple[Name, ...]
    from_facts: bool = False
    span: Span = _span()


@attrs.frozen
class GroupDecl:
    """分组 「毒情重点县」 { 「布拖县」 … }, or 分组 「藏区所」 凡「类别」为 "藏区" (``fact``,
    ``op``, ``value``: every entity whose choice fact compares so)."""

    name: Name
    members: tuple[Name, ...]
    fact: Name | None = None
    op: str = ""
    value: Text | None = None
    span: Span = _span()


@attrs.frozen
class WeightPart:
    """第1至12项 10% (``first``/``last`` None: the whole task).

    ``more`` holds any further ranges written in the same part (第1至5、7至12项): the model
    refuses them, since a weighted part is one contiguous range.
    """

    first: int | None
    last: int | None
    percent: Decimal
    span: Span = _span()
    more: tuple[tuple[int, int], ...] = attrs.field(default=(), kw_only=True)


@attrs.frozen
class WeightDecl:
    """目标任务二 15% 假定 / 目标任务一 「藏区县」 第1至12项 10% 第13项 5%"""

    task_number: int
    group: Name | None
    parts: tuple[WeightPart, ...]
    assumed: bool
    span: Span = _span()


@attrs.frozen
class WeightsDecl:
    weights: tuple[WeightDecl, ...]
    span: Span = _span()


# ------------------------------------------------------------------ facts
@attrs.frozen
class RecordField:
    """A field of a 记录 fact: 「等级」 选项 {…} or 「工作」 文字."""

    name: Name
    kind: str  # choice | text | date (日期) | item (项号)
    choices: tuple[Text, ...] = ()
    span: Span = _span()


@attrs.frozen
class FactType:
    """计数 / 数值 / 百分比 / 是否 / 选项 {…} / 评定 a 至 b 分 / 评定记录 a 至 b 分 / 评分 a 至 b 分 / 记录 {…}."""

    kind: str  # count | number | percent | flag | choice | judgement | judgement_records | ratings | records
    choices: tuple[Text, ...] = ()
    low: Decimal | None = None
    high: Decimal | None = None
    fields: tuple[RecordField, ...] = ()
    span: Span = _span()


@attrs.frozen
class RatingsAggregate:
    """How the ratings of one entity combine (评分 a 至 b 分 …):

    - ``取平均`` / ``取合计``: ``method`` mean / sum;
    - ``去掉一个最高分和一个最低分后平均``: ``method`` trimmed, ``drop_high``/``drop_low`` ratings dropped;
    - ``按「评分人类别」加权 {"领导" 40% "群众" 60%}``: ``method`` weighted, each rater group's mean
      at its weight (``group_field``, ``weights``).
    """

    method: str  # mean | sum | trimmed | weighted
    drop_high: int = 0
    drop_low: int = 0
    group_field: Name | None = None
    weights: tuple[tuple[Text, Decimal], ...] = ()
    span: Span = _span()


@attrs.frozen
class RatingsEmpty:
    """无评分时 计 0 分 (``value``) / 无评分时 报错 (``value`` None): what no rating at all gives;
    ``records``: written 无记录时, for a list of records."""

    value: Decimal | None
    span: Span = _span()
    records: bool = attrs.field(default=False, kw_only=True)


@attrs.frozen
class FactDecl:
    name: Name
    type: FactType
    unit: Text | None = None
    description: Text | None = None
    default: Literal | None = None
    at_most: Decimal | None = None
    per_occasion: bool = False
    aggregates: tuple[RatingsAggregate, ...] = ()  # 评分: as written (the model wants exactly one)
    empty: tuple[RatingsEmpty, ...] = ()
    span: Span = _span()
    records_empty: tuple[RatingsEmpty, ...] = attrs.field(default=(), kw_only=True)  # 无记录时


@attrs.frozen
class FactsBlock:
    facts: tuple[FactDecl, ...]
    span: Span = _span()


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


@attrs.frozen
class Part:
    """分项 "…" 10分 { … } (4.6)"""

    title: Text
    points: Decimal
    sources: tuple[Text, ...]
    rules: tuple[Rule, ...]
    span: Span = _span()


@attrs.frozen
class Occasions:
    """共 3 次 每次 5分 { … } (4.7); ``count`` as written (the model checks its range),
    ``count_span`` where it was written."""

    count: Decimal
    points: Decimal
    sources: tuple[Text, ...]
    rules: tuple[Rule, ...]
    span: Span = _span()
    count_span: Span | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)


@attrs.frozen
class Item:
    """第1项 "…" 10分 { 原文 "…" rules… }; ``deduction_only`` for 扣分项."""

    number: int
    deduction_only: bool
    title: Text
    points: Decimal
    sources: tuple[Text, ...]
    rules: tuple[Rule, ...]
    parts: tuple[Part, ...]
    occasions: tuple[Occasions, ...]
    span: Span = _span()
    number_span: Span = _span()


@attrs.frozen
class Section:
    """部分 "…" 20分 [折算为百分制] { items, 本部分扣分最多 N 分 … }"""

    title: Text
    points: Decimal
    items: tuple[Item, ...]
    span: Span = _span()
    enters: str | None = attrs.field(default=None, kw_only=True)
    caps: tuple[SetCap, ...] = attrs.field(default=(), kw_only=True)


@attrs.frozen
class Lead:
    """牵头 「基层科」 联系人 "黄菊华" 电话 "2170903" """

    department: Name
    contact: Text | None
    phone: Text | None
    span: Span = _span()


@attrs.frozen
class Task:
    number: int
    name: Text
    leads: tuple[Lead, ...]
    facts: tuple[FactsBlock, ...]
    sections: tuple[Section, ...]
    span: Span = _span()
    derived: tuple[DerivedBlock, ...] = attrs.field(default=(), kw_only=True)
    scales: tuple[ScaleDecl, ...] = attrs.field(default=(), kw_only=True)
    bases: tuple[BaseScore, ...] = attrs.field(default=(), kw_only=True)
    caps: tuple[SetCap, ...] = attrs.field(default=(), kw_only=True)


@attrs.frozen
class Article:
    """第六条 "特殊情况加分" { 原文 "…" rules… }: adjustments to the total."""

    number: str  # 第六条
    title: Text
    sources: tuple[Text, ...]
    facts: tuple[FactsBlock, ...]
    rules: tuple[Rule, ...]
    span: Span = _span()
    caps: tuple[SetCap, ...] = attrs.field(default=(), kw_only=True)


@attrs.frozen
class Tier:
    """综合奖 "一等奖" 第1至5名 (``each_group``: 综合奖 "…" 每组 第1名, by rank within each group)"""

    name: Text
    first: int
    last: int
    span: Span = _span()
    each_group: bool = attrs.field(default=False, kw_only=True)


@attrs.frozen
class Cite:
    """依据 "…" 说明 "…": the clause a behaviour of the engine cites and the words it shows
    (either may be absent: then the engine cites no clause, or uses neutral words)."""

    clause: Text | None
    shown: Text | None
    span: Span = _span()


@attrs.frozen
class Awards:
    """奖项 依据 "…" 认定 「…」 { 综合奖 … 单项奖 前3名 上年度排名最后 「…」 依据 "…" 说明 "…" }

    ``cite`` is the clause the tie flags cite; ``decider`` who settles a tie; ``previous_cite``
    the clause and words of the flag for an entity last two years running.
    """

    tiers: tuple[Tier, ...]
    single_top: int | None
    previous_last: Name | None
    span: Span = _span()
    cite: Text | None = attrs.field(default=None, kw_only=True)
    decider: Name | None = attrs.field(default=None, kw_only=True)
    previous_cite: Cite | None = attrs.field(default=None, kw_only=True)
    single_span: Span | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    # §23: tiers by count, single-task awards for named tasks, no award below a total
    count_tiers: tuple[CountTier, ...] = attrs.field(default=(), kw_only=True)
    singles: tuple[SingleTasks, ...] = attrs.field(default=(), kw_only=True)
    floors: tuple[AwardFloor, ...] = attrs.field(default=(), kw_only=True)


@attrs.frozen
class GradeBand:
    """"优秀" 90 分以上 / "良好" 80 分至 90 分（不含） / "不合格" 60 分以下（不含）: one band of
    the total; ``low``/``high`` None is unbounded on that side; ``*_open`` excludes the edge.
    ``form`` is how it was written (above, below, between), for the printer."""

    name: Text
    low: Decimal | None
    low_open: bool
    high: Decimal | None
    high_open: bool
    form: str
    span: Span = _span()
    unit: str = attrs.field(default="分", kw_only=True)  # the edges' unit: 分, % or a unit word (件) (§22.1)


@attrs.frozen
class Grades:
    """等次 依据 "…" { bands }: grades by bands of the total; 等次 目标任务二得分 依据 "…" { … }
    (``task`` 2): grades of that task's score (docs/language.md §22.1)."""

    bands: tuple[GradeBand, ...]
    cite: Text | None
    span: Span = _span()
    task: int | None = attrs.field(default=None, kw_only=True)
    value: Name | None = attrs.field(default=None, kw_only=True)  # 等次 「结案率」 { … }: a value's grades


@attrs.frozen
class Policy:
    """A whole .score file."""

    file: str
    headers: tuple[Header, ...]
    entities: tuple[EntitiesDecl, ...]
    groups: tuple[GroupDecl, ...]
    weights: tuple[WeightsDecl, ...]
    facts: tuple[FactsBlock, ...]
    tasks: tuple[Task, ...]
    articles: tuple[Article, ...] = ()
    awards: tuple[Awards, ...] = ()
    span: Span = _span()
    derived: tuple[DerivedBlock, ...] = attrs.field(default=(), kw_only=True)
    grades: tuple[Grades, ...] = attrs.field(default=(), kw_only=True)
    outputs: tuple[Outputs, ...] = attrs.field(default=(), kw_only=True)  # 输出 { … } (§25)
    quotas: tuple[Quotas, ...] = attrs.field(default=(), kw_only=True)  # 名额 { … } (§23)
