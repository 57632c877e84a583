"""Model of incident records (docs/language.md §24): the tests a count of records applies to
each record (个数（「安全事件」 中 「严重程度」 为 "重大"）), the claims that make 同一「问题编号」不重复扣分
hold across rules, and the dates of a 日期 field.

An incident record is a 记录 fact (``nodes.FactDecl`` with ``fields``) that has a 日期 field; its
rules are the records' points table (``nodes.Table`` with ``sign`` -1: 每起 … 扣分) and
``nodes.Escalation``. Every class here is attrs frozen and walked by ``nodes.walk``.
"""
from __future__ import annotations

import datetime
import re
from typing import Any, Union

import attrs

from ..span import Span, span_field


def fact_field(**kwargs: Any) -> Any:
    """A field that names a fact (``nodes.facts_read`` finds it by this metadata)."""
    return attrs.field(metadata={"fact": True}, **kwargs)


_span = span_field


# ------------------------------------------------------------------ dates
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_CHINESE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def parse_date(text: str) -> datetime.date | None:
    """``2025-03-14`` or ``2025年3月14日`` (full-width digits too) → the date; None when it is
    not a date of the calendar (2025-02-30 is not)."""
    text = text.strip().translate(_FULL_WIDTH)
    found = _ISO.fullmatch(text) or _CHINESE.fullmatch(text)
    if found is None:
        return None
    try:
        return datetime.date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None


_FULL_WIDTH = str.maketrans("０１２３４５６７８９－", "0123456789-")


# ------------------------------------------------------------------ a test on one record
@attrs.frozen
class FieldIs:
    """「严重程度」 为 "重大" (``negated``: 不为): the field's value is ``value``. For a 项号 field
    (``item``): the record concerns the item ``value``."""

    field: str
    value: str
    negated: bool = False
    item: bool = False
    span: Span = _span()


@attrs.frozen
class TestNot:
    """非 …"""

    operand: RecordTest
    span: Span = _span()


@attrs.frozen
class TestAll:
    """… 且 … (``any_`` False) / … 或 … (``any_`` True)."""

    operands: tuple[RecordTest, ...]
    any_: bool = False
    span: Span = _span()


RecordTest = Union[FieldIs, TestNot, TestAll]


@attrs.frozen
class RecordCount:
    """个数（「安全事件」 中 「严重程度」 为 "重大"）: how many of the entity's records pass ``test``
    (all of them when None); ``text`` is how the trace names the count."""

    fact: str = fact_field()
    test: RecordTest | None = None
    text: str = ""
    span: Span = _span()


# ------------------------------------------------------------------ 同一「问题编号」不重复扣分
@attrs.frozen
class Claim:
    """A rule before this one, in the order of scoring, that scores incidents of the same fact
    under the same key: an incident it would score is taken by it.

    Attributes:
        clause: the item (or article) the rule belongs to.
        concerning: the 项号 field when the rule scores only incidents naming its item (涉及本项的).
        cells: for a table, the (level, grade) pairs it scores, after its aliases; None: every
            incident (escalation).
        level_field, grade_field: the table's fields (None for escalation).
        aliases: the table's (grade, counts as grade).
    """

    clause: str
    concerning: str | None
    cells: tuple[tuple[str, str], ...] | None
    level_field: str | None = None
    grade_field: str | None = None
    aliases: tuple[tuple[str, str], ...] = ()
    span: Span = _span()


@attrs.frozen
class NoRepeat:
    """同一「问题编号」不重复扣分: incidents with the same ``key`` field deduct once — in the first
    rule, in the order of scoring (tasks' items in order, then the articles), that scores
    them; within one rule, the earliest by date. ``earlier``: the rules before this one that
    declare the same key on the same fact."""

    key: str
    earlier: tuple[Claim, ...] = ()
    span: Span = _span()
