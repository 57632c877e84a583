"""Syntax nodes of incident records (docs/language.md §24): escalation by the order of the
incidents' dates (每起「安全事件」 首次扣1分 再次扣2分 第三次及以上不得分) and the count of an entity's
records that meet a condition (个数（「安全事件」 中 「严重程度」 为 "重大"）). Names exactly as
written; ``syntax.nodes`` re-exports every class and puts them in its unions. The per-incident
points table is the records' table (``nodes.Table``) with 每起 … 扣分.
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ..span import Span, span_field

if TYPE_CHECKING:
    from .nodes import Condition, Name


_span = span_field


@attrs.frozen
class EscalationStep:
    """首次扣1分 / 再次扣2分 / 第三次扣3分: the deduction of the incident of that place
    (``ordinal`` as written); 第三次及以上不得分 (``onwards``; ``points`` None: 不得分)."""

    ordinal: str
    points: Decimal | None
    onwards: bool = False
    span: Span = _span()


@attrs.frozen
class Escalation:
    """每起「安全事件」 涉及本项的 首次扣1分 再次扣2分 第三次及以上不得分 同一「问题编号」不重复扣分."""

    records: Name
    concerning: bool
    steps: tuple[EscalationStep, ...]
    no_repeat: str | None  # the NO_REPEAT text, e.g. 同一「问题编号」不重复扣分
    span: Span = _span()
    each: str = attrs.field(default="每起", kw_only=True)  # 每起 (or 每条) as written


@attrs.frozen
class RecordCount:
    """个数（「安全事件」 中 「严重程度」 为 "重大"）: how many of the entity's records meet the
    condition (every record when ``condition`` is None)."""

    records: Name
    condition: Condition | None
    span: Span = _span()
