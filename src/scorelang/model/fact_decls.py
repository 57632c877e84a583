"""Stage 2 output: fact declarations — a fact's type, default, choices, record fields and how
its ratings combine (re-exported by ``nodes``)."""
from __future__ import annotations

from decimal import Decimal
from typing import Union

import attrs

from ..span import Span, span_field

_span = span_field


#: a fact's default value: a number, a flag, a choice, or () for records
FactDefault = Union[Decimal, bool, str, tuple[()], None]

FACT_TYPES = ("count", "number", "percent", "flag", "choice", "judgement", "records", "ratings")

RATINGS_METHODS = ("mean", "sum", "trimmed", "weighted")


@attrs.frozen
class Ratings:
    """How the ratings of one entity (评分 a 至 b 分: one per rater) become one amount, as the
    policy states it.

    Attributes:
        method: ``mean`` (取平均), ``sum`` (取合计), ``trimmed`` (去掉一个最高分和一个最低分后平均:
            ``drop_high`` highest and ``drop_low`` lowest dropped, the rest averaged) or
            ``weighted`` (按「评分人类别」加权: each rater group's mean at its weight).
        group_field: for ``weighted``: the key each rating names its rater group with.
        weights: for ``weighted``: (group, percent), adding up to 100.
        empty_value: what no rating at all gives (无评分时 计 0 分); None: it is a facts
            error (无评分时 报错).
    """

    method: str = attrs.field(validator=attrs.validators.in_(RATINGS_METHODS))
    drop_high: int = 0
    drop_low: int = 0
    group_field: str | None = None
    weights: tuple[tuple[str, Decimal], ...] = ()
    empty_value: Decimal | None = None
    span: Span = _span()

    @property
    def needed(self) -> int:
        """The fewest ratings the method can combine (besides none at all)."""
        return self.drop_high + self.drop_low + 1


@attrs.frozen
class FactDecl:
    """A fact the policy reads for each entity.

    Attributes:
        name: the fact's name (for a per-occasion fact, expanded: ``在线人数比例第1次``).
        type: one of FACT_TYPES (``records`` is a list of judgements, each in [low, high]).
        unit, description: for templates and reports.
        low, high: the allowed range (judgements; ``high`` is also 至多 for counts).
        choices: the allowed values of a choice.
        has_default, default: a fact without a default is required.
        items: every item id (or article, 第六条) whose score reads this fact.
        fields: for ``records`` of 记录 {…}: the fields of each record (else judgement records).
        ratings: for ``ratings`` (评分, each rating in [low, high]): how they combine.
        zero_means_absent: for judgements (and judgement records): 0 is accepted outside
            [low, high] and means the situation did not occur — the convention for amounts a
            rule deducts (扣「…」). False for a score every entity is given (a judgement only
            added, 加「…」: a leaders' score), which must lie in its range.
    """

    name: str
    type: str = attrs.field(validator=attrs.validators.in_(FACT_TYPES))
    unit: str | None = None
    description: str = ""
    low: Decimal | None = None
    high: Decimal | None = None
    choices: tuple[str, ...] = ()
    has_default: bool = False
    default: FactDefault = None
    items: tuple[str, ...] = ()
    fields: tuple[RecordField, ...] = ()
    zero_means_absent: bool = True
    ratings: Ratings | None = None
    span: Span = _span()
    # 无记录时 计 N 分 (``no_records``) / 无记录时 报错 (``no_records_error``): what no judgement
    # record gives where they are averaged (加「…」 平均)
    no_records: Decimal | None = attrs.field(default=None, kw_only=True)
    no_records_error: bool = attrs.field(default=False, kw_only=True)


@attrs.frozen
class RecordField:
    """A field of a 记录 fact (第六条 表彰: 层级, 等级, 工作; an incident's 日期, 类别, 项号).

    ``kind``: choice, text, date (日期: ``period`` is the policy's 考评期 as ISO dates, or None)
    or item (项号: ``choices`` are the policy's item ids)."""

    name: str
    kind: str  # choice | text | date | item
    choices: tuple[str, ...] = ()
    span: Span = _span()
    period: tuple[str, str] | None = attrs.field(default=None, kw_only=True)
