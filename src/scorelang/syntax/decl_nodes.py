"""Syntax tree: the policy's declarations — bounds and caps, scales, the header, entities,
groups, weights and facts (re-exported by ``nodes``)."""
from __future__ import annotations

from decimal import Decimal

import attrs

from ..span import Span, span_field
from .expr_nodes import Literal, Name, Text

_span = span_field


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
class Cite:
    """依据 "…" 说明 "…": the clause a behaviour of the engine cites and the words it shows
    (either may be absent: then the engine cites no clause, or uses neutral words)."""

    clause: Text | None
    shown: Text | None
    span: Span = _span()


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
