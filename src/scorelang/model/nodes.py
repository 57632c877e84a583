"""Stage 2 output: the resolved, checked policy model — ids assigned, names resolved.

Every object keeps the span of the text it came from (``eq=False``: equality ignores where
a thing was written) and a breadcrumb (``clause``: ``2.1``) for messages and traces.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Union

import attrs

from ..span import Span


def _span():
    return attrs.field(eq=False, repr=False, kw_only=True)


FACT_TYPES = ("count", "number", "percent", "flag", "choice", "judgement", "records")


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
        items: every item id whose score reads this fact.
    """

    name: str
    type: str = attrs.field(validator=attrs.validators.in_(FACT_TYPES))
    unit: str | None = None
    description: str = ""
    low: Decimal | None = None
    high: Decimal | None = None
    choices: tuple[str, ...] = ()
    has_default: bool = False
    default: Decimal | bool | str | tuple | None = None
    items: tuple[str, ...] = ()
    span: Span = _span()


# ------------------------------------------------------------------ conditions
@attrs.frozen
class FlagIs:
    """「x」 — the flag fact is 是."""

    fact: str
    span: Span = _span()


@attrs.frozen
class Compare:
    """「x」 op value, op one of eq ne lt le gt ge."""

    fact: str
    op: str
    value: Decimal | str | bool
    span: Span = _span()


@attrs.frozen
class Negation:
    operand: "Condition"
    span: Span = _span()


@attrs.frozen
class AllOf:
    operands: tuple["Condition", ...]
    span: Span = _span()


@attrs.frozen
class AnyOf:
    operands: tuple["Condition", ...]
    span: Span = _span()


Condition = Union[FlagIs, Compare, Negation, AllOf, AnyOf]


# ------------------------------------------------------------------ rules
@attrs.frozen
class PerOccurrence:
    """每…扣…分 (``sign`` -1) or 每…得…分 (``sign`` +1): amount × the counted fact."""

    fact: str
    amount: Decimal
    sign: int
    span: Span = _span()


@attrs.frozen
class Fixed:
    """若…扣10分 (``sign`` -1) / 若…得10分 (``sign`` +1)."""

    condition: Condition
    amount: Decimal
    sign: int
    span: Span = _span()


@attrs.frozen
class Zero:
    """若…不得分: the item (or part) scores 0."""

    condition: Condition
    span: Span = _span()


@attrs.frozen
class Judgement:
    """扣1至3分 / 视情况扣: deduct the assessor's amount (a judgement fact, or each of its records)."""

    fact: str
    condition: Condition | None
    records: bool
    span: Span = _span()


PARTIAL_MODES = ("ceil", "floor", "proportional", "exact")


@attrs.frozen
class Ladder:
    """每降低5个百分点扣2分: deduct per step of shortfall below a target.

    Attributes:
        target: the threshold (达 100% / 达 300 / 不少于 2).
        relative: True when the shortfall is measured in percentage points *of the target*
            (a count or number against 300 件); False when it is the plain difference
            (a percent against 70%, or a count against 2 次).
        step: the size of one step; amount: points per step.
        partial: how a partial step counts: ``ceil`` (不足一档按一档计), ``floor`` (不足一档不计),
            ``proportional`` (不足一档按比例计), ``exact`` (shortfalls come in whole steps).
    """

    fact: str
    target: Decimal
    relative: bool
    step: Decimal
    amount: Decimal
    partial: str = attrs.field(validator=attrs.validators.in_(PARTIAL_MODES))
    span: Span = _span()


RuleBody = Union[PerOccurrence, Fixed, Zero, Judgement, Ladder]
RULE_CLASSES = (PerOccurrence, Fixed, Zero, Judgement, Ladder)


@attrs.frozen
class Rule:
    """A rule with its breadcrumb and its sentence.

    Attributes:
        clause: the item id the rule belongs to.
        text: the rule's own sentence (its quoted source clause, else its .score text).
        body: what the rule does.
        floor: whether the source says 扣完为止 here (items are floored at 0 regardless).
    """

    clause: str
    text: str
    body: RuleBody
    floor: bool
    span: Span = _span()

    @property
    def can_deduct(self) -> bool:
        body = self.body
        return not (isinstance(body, (PerOccurrence, Fixed)) and body.sign > 0)


@attrs.frozen
class Part:
    """A scored unit inside an item: an 分项 (4.6) or the body of one occasion (4.7).

    Attributes:
        title: the part's title; points: what it is worth.
        rules: its rules; occasions: how many times it is scored (1 unless 共N次);
        occasion_facts: the facts declared 按次 that it reads, each with the names it has on
            each occasion: ``("在线人数比例", ("在线人数比例第1次", …, "在线人数比例第3次"))``.
    """

    title: str
    points: Decimal
    rules: tuple[Rule, ...]
    occasions: int = 1
    occasion_facts: tuple[tuple[str, tuple[str, ...]], ...] = ()
    span: Span = _span()


@attrs.frozen
class Item:
    """第N项: an item worth ``points``; ``deduction_only`` items (扣分项) subtract up to ``points``.

    Attributes:
        id: ``T.N`` as printed in the source.
        sources: the item's original sentences.
        parts: the scored units; a plain item has a single part with its own rules.
    """

    id: str
    number: int
    title: str
    points: Decimal
    deduction_only: bool
    sources: tuple[str, ...]
    parts: tuple[Part, ...]
    span: Span = _span()

    @property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(r for p in self.parts for r in p.rules)

    @property
    def can_deduct(self) -> bool:
        return any(r.can_deduct for r in self.rules)


@attrs.frozen
class Section:
    title: str
    points: Decimal
    items: tuple[Item, ...]
    span: Span = _span()


@attrs.frozen
class Lead:
    """考评牵头部门 with its contact (联系人, 电话)."""

    department: str
    contact: str | None
    phone: str | None
    span: Span = _span()


@attrs.frozen
class Task:
    """目标任务: scored on a 100-point scale, counted in the total at ``weight`` percent.

    Attributes:
        id: ``"2"``; number: 2; name: 社区矫正; leads: lead departments with contacts.
        weight: percent of the total; weight_assumed: marked 假定 in the policy.
    """

    id: str
    number: int
    name: str
    leads: tuple[Lead, ...]
    weight: Decimal
    weight_assumed: bool
    sections: tuple[Section, ...]
    span: Span = _span()

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for s in self.sections for i in s.items)

    @property
    def max(self) -> Decimal:
        return sum((s.points for s in self.sections), Decimal(0))


@attrs.frozen
class Group:
    name: str
    members: tuple[str, ...]
    span: Span = _span()


ROUND_POINTS = ("item", "task", "weighted", "total")


@attrs.frozen
class Policy:
    """A checked policy, ready to compile.

    Attributes:
        title, doc_number, period: from the header.
        places: decimal places of every figure (第二十一条); round_at: the stages
            (``item``, ``task``, ``weighted``, ``total``) where half-up rounding happens.
        entity_kind, entities, groups: who is scored.
        facts: every fact declaration (per-occasion facts expanded), in declaration order.
    """

    file: str
    title: str
    doc_number: str | None
    period: tuple[str, str] | None
    places: int
    round_at: tuple[str, ...]
    entity_kind: str
    entities: tuple[str, ...]
    groups: tuple[Group, ...]
    facts: tuple[FactDecl, ...]
    tasks: tuple[Task, ...]
    span: Span = _span()

    def fact(self, name: str) -> FactDecl:
        for fact in self.facts:
            if fact.name == name:
                return fact
        raise KeyError(name)
