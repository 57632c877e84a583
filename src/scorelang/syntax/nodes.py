"""Stage 1 output: the syntax tree, names exactly as written, every node with its span.

Nothing here is resolved: a fact reference is the name the author typed. The model stage
(``scorelang.model``) resolves names, assigns ids and checks consistency.

This module holds the policy's structure (tasks, sections, items, articles, awards, grades,
the policy); the other constructs live in sibling modules by responsibility — names, literals,
conditions and expressions (``expr_nodes``), declarations (``decl_nodes``), derived values and
rules (``rule_nodes``), cohort values, incidents, awards and outputs — and are re-exported
here, so ``nodes.X`` names every syntax class.
"""
from __future__ import annotations

from decimal import Decimal

import attrs

from ..span import Span, span_field
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
from .decl_nodes import (
    BaseScore,
    Bound,
    Cap,
    Cite,
    EntitiesDecl,
    FactDecl,
    FactsBlock,
    FactType,
    GroupDecl,
    Header,
    RatingsAggregate,
    RatingsEmpty,
    RecordField,
    ScaleDecl,
    SetCap,
    TasksSummed,
    TotalBounds,
    WeightDecl,
    WeightPart,
    WeightsDecl,
)
from .expr_nodes import (
    EXPRESSION_CLASSES,
    And,
    Arithmetic,
    Call,
    Comparison,
    Condition,
    Expr,
    ExprComparison,
    FactComparison,
    FlagLit,
    FlagRef,
    Guarded,
    Literal,
    Name,
    Negate,
    NoneLit,
    Not,
    NotOccurredLit,
    NumberLit,
    Or,
    PercentLit,
    PercentPointsLit,
    ScoreLit,
    StringLit,
    Text,
)
from .incident_nodes import Escalation, EscalationStep, RecordCount
from .output_nodes import Output, OutputBound, OutputFormula, OutputRankRow, OutputRow, Outputs, OutputTable
from .rule_nodes import (
    RELATIVE_STEP,
    AwardEffect,
    AwardIf,
    BonusIf,
    ComputedBonus,
    DeductIf,
    DerivedBlock,
    DerivedDecl,
    Judged,
    JudgedBonus,
    Ladder,
    PerAward,
    PerBonus,
    PerDeduct,
    Proportional,
    Rule,
    RuleBody,
    Table,
    TableAlias,
    TableRow,
    ZeroIf,
)

__all__ = ["Cite", "Name", "Text", "NumberLit", "PercentLit", "PercentPointsLit", "ScoreLit", "StringLit", "FlagLit",
           "NoneLit", "NotOccurredLit", "FlagRef", "FactComparison", "Comparison", "Not", "And", "Or", "Arithmetic",
           "Negate", "Call", "Guarded", "ExprComparison", "Literal", "Expr", "EXPRESSION_CLASSES", "Condition",
           "Bound", "TotalBounds", "Cap", "SetCap", "ScaleDecl", "TasksSummed", "BaseScore", "Header",
           "EntitiesDecl", "GroupDecl", "WeightPart", "WeightDecl", "WeightsDecl", "RecordField", "FactType",
           "RatingsAggregate", "RatingsEmpty", "FactDecl", "FactsBlock", "DerivedDecl", "DerivedBlock", "PerDeduct",
           "PerAward", "ZeroIf", "DeductIf", "AwardIf", "Judged", "PerBonus", "ComputedBonus", "BonusIf",
           "JudgedBonus", "Proportional", "TableRow", "TableAlias", "Table", "AwardEffect", "Ladder", "Rule",
           "RELATIVE_STEP", "RuleBody",
           "AWARD_STATEMENTS", "AwardFloor", "CountTier", "Quota", "Quotas", "SingleTasks",
           "COHORT_VALUE_CLASSES", "CohortAggregate", "CohortCount", "CohortRank", "RankPoints", "RankRow",
           "RankWithin", "ScoreRef", "Output", "OutputBound", "OutputFormula", "OutputRankRow", "OutputRow", "Outputs",
           "OutputTable", "Escalation", "EscalationStep", "RecordCount"]


_span = span_field


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
