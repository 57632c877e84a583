"""Stage 2 output: conditions, what a rule does (``Effect``, ``Place``), the rule body classes,
and the walk that finds the facts a node reads (fields declared with ``_fact``). Re-exported by
``nodes``, which keeps their union ``RuleBody`` (the one registration point of a rule kind),
``RULE_CLASSES`` and ``Rule``."""
from __future__ import annotations

import enum
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, TypeGuard, Union

import attrs
from attrs import AttrsInstance

from ..span import Span, span_field
from .expressions import CompareValues, Expr, RankWithin
from .incidents import NoRepeat
from .outcomes import Change

_span = span_field


if TYPE_CHECKING:
    # mypy's attrs plugin knows a field only by the name attrs.field (a field without a default
    # is required): to the type checker, _fact is that
    from attrs import field as _fact
else:
    # a field that names a fact the node reads: ``facts_read`` finds every such field, so a
    # new rule or condition class declares what it reads by its fields alone
    from .incidents import fact_field as _fact


# ------------------------------------------------------------------ conditions
@attrs.frozen
class FlagIs:
    """「x」 — the flag fact is 是."""

    fact: str = _fact()
    span: Span = _span()


@attrs.frozen
class Compare:
    """「x」 op value, op one of eq ne lt le gt ge."""

    fact: str = _fact()
    op: str
    value: Decimal | str | bool
    span: Span = _span()


@attrs.frozen
class CompareFacts:
    """「案件数」 ≥ 「上年度案件数」"""

    left: str = _fact()
    op: str
    right: str = _fact()
    span: Span = _span()


@attrs.frozen
class Negation:
    operand: Condition
    span: Span = _span()


@attrs.frozen
class AllOf:
    operands: tuple[Condition, ...]
    span: Span = _span()


@attrs.frozen
class AnyOf:
    operands: tuple[Condition, ...]
    span: Span = _span()


Condition = Union[FlagIs, Compare, CompareFacts, CompareValues, Negation, AllOf, AnyOf, RankWithin]


# ------------------------------------------------------------------ what a rule does
class Effect(enum.Enum):
    """What a rule does to a score, declared once on its model class (``effect``) and read
    by everything that needs it — evaluator, checks, ``show``, test strategies —, so no list
    of rule classes is kept by hand anywhere."""

    DEDUCT = "deduct"    # 扣: subtracts from the item's points (or from the total, in an article)
    EARN = "earn"        # 得: earns toward the item's points, capped at them; its part starts at 0
    BONUS = "bonus"      # 加: beyond the item's points; the item's bonus is the sum of its bonus events
    ZERO = "zero"        # 不得分: its part scores 0
    RANKING = "ranking"  # outcome effects (降低一个等次评奖, 直接评定为 "不合格" …): award, rank or grade, no points

    @property
    def places(self) -> frozenset[Place]:
        """Where a rule with this effect means something."""
        return _EFFECT_PLACES[self]


class Place(enum.Enum):
    """Where a rule is written."""

    ITEM = "item"                  # an item (or one of its parts or occasions)
    DEDUCTION_ITEM = "deduction"   # an item marked 扣分项: it only subtracts, up to its points
    ARTICLE = "article"            # an article (第…条): its points adjust the total


ALL_PLACES = frozenset(Place)
_EFFECT_PLACES = {
    Effect.DEDUCT: ALL_PLACES,
    # an article adjusts the total: there are no item points to earn toward or to zero
    Effect.EARN: frozenset({Place.ITEM}),
    Effect.BONUS: frozenset({Place.ITEM, Place.ARTICLE}),
    Effect.ZERO: frozenset({Place.ITEM}),
    # the award is the cohort's, decided by the articles (第七条), never by one item
    Effect.RANKING: frozenset({Place.ARTICLE}),
}


# ------------------------------------------------------------------ rules
# Each rule class declares, as class data, ``effect``: an Effect, or a property where its
# fields decide. tests/test_rule_kinds.py checks that every class of the RuleBody union does.
# A class may also narrow where it is written with ``places`` (a ladder); a rule is allowed
# where both its class and its effect allow it.
@attrs.frozen
class PerOccurrence:
    """每…扣…分 (``sign`` -1), 每…得…分 (``sign`` +1), 每…加…分 (``bonus``): amount × the count."""

    fact: str | Expr = _fact()  # a fact's name, or an expression (model.expressions)
    amount: Decimal
    sign: int
    bonus: bool = False
    span: Span = _span()

    @property
    def effect(self) -> Effect:
        return Effect.BONUS if self.bonus else Effect.DEDUCT if self.sign < 0 else Effect.EARN


@attrs.frozen
class Fixed:
    """若…扣10分 (``sign`` -1) / 若…得10分 (``sign`` +1) / 若…加0.4分 (``bonus``)."""

    condition: Condition
    amount: Decimal
    sign: int
    bonus: bool = False
    span: Span = _span()

    @property
    def effect(self) -> Effect:
        return Effect.BONUS if self.bonus else Effect.DEDUCT if self.sign < 0 else Effect.EARN


ZERO_BONUSES = ("included", "kept")


@attrs.frozen
class Zero:
    """若…不得分: the item (or part) scores 0. ``bonuses``: what of the bonuses (加) of its part —
    ``included`` (不得分（含加分）: they go too), ``kept`` (不得分（加分照计）: they still count) or
    None (not written: a check error where the part has a bonus to lose)."""

    condition: Condition
    span: Span = _span()
    bonuses: str | None = attrs.field(default=None, kw_only=True)

    effect: ClassVar[Effect] = Effect.ZERO


@attrs.frozen
class Judgement:
    """扣1至3分 / 视情况扣: deduct the assessor's amount (a judgement fact, or each of its records);
    加「…」 (``sign`` +1, 第十三条): add it. ``aggregate`` says how records combine: ``sum``
    (合计, each its own event) or ``mean`` (平均, one event)."""

    fact: str = _fact()
    condition: Condition | None
    records: bool
    sign: int = -1
    aggregate: str = "sum"
    span: Span = _span()

    @property
    def effect(self) -> Effect:
        return Effect.DEDUCT if self.sign < 0 else Effect.BONUS


@attrs.frozen
class Proportional:
    """按「开工率」比例得3分: earns amount × percent / 100 (8.16). ``rated``: the fact is 评分 on a
    0–100 scale, its combined amount read as the percent (按「民主测评」比例得10分)."""

    fact: str | Expr = _fact()  # a fact's name, or an expression (model.expressions)
    amount: Decimal
    rated: bool = False
    span: Span = _span()

    effect: ClassVar[Effect] = Effect.EARN


@attrs.frozen
class Table:
    """每条「表彰」 按「层级」「等级」加分: each record's points from a level × grade table (第六条).

    Attributes:
        rows: (level, ((grade, points), …)) in the order written — the first row is the
            highest level.
        aliases: (grade, counts as grade): 未明确等级 视为 二等奖.
        keep: ``None`` (every record counts), ``points`` (同一「工作」只计最高分) or
            ``level`` (只计最高层级: the record of the highest row); ``work_field`` names
            the field that identifies the same work.
    """

    fact: str = _fact()
    level_field: str
    grade_field: str
    rows: tuple[tuple[str, tuple[tuple[str, Decimal], ...]], ...]
    aliases: tuple[tuple[str, str], ...]
    keep: str | None
    work_field: str | None
    span: Span = _span()
    # incidents (docs/language.md §24): 每起 … 扣分 (``sign`` -1), 涉及本项的 (``concerning``: the
    # 项号 field), 同一「问题编号」不重复扣分 (``no_repeat``)
    sign: int = attrs.field(default=1, kw_only=True)
    concerning: str | None = attrs.field(default=None, kw_only=True)
    no_repeat: NoRepeat | None = attrs.field(default=None, kw_only=True)

    @property
    def effect(self) -> Effect:
        return Effect.BONUS if self.sign > 0 else Effect.DEDUCT


@attrs.frozen
class Escalation:
    """每起「安全事件」 涉及本项的 首次扣1分 再次扣2分 第三次及以上不得分: the incidents this rule
    scores, in the order of their dates, deduct the points of their place.

    Attributes:
        date_field: the 日期 field that orders the incidents (ties keep the file's order).
        concerning: the 项号 field when only incidents naming this item count (涉及本项的).
        steps: the deductions of the 1st, 2nd, … incident.
        onwards: the deduction of each incident after ``steps`` (第三次及以上扣3分); None with
            ``zero_onwards`` (第三次及以上不得分: the item scores 0, its bonuses kept) or when
            no more is deducted after the last step.
        zero_onwards: 第N次及以上不得分, N = len(steps) + 1.
        no_repeat: 同一「…」不重复扣分, or None.
    """

    fact: str = _fact()
    date_field: str = ""
    concerning: str | None = None
    steps: tuple[Decimal, ...] = ()
    onwards: Decimal | None = None
    zero_onwards: bool = False
    no_repeat: NoRepeat | None = None
    span: Span = _span()

    @property
    def effect(self) -> Effect:
        return Effect.ZERO if self.zero_onwards else Effect.DEDUCT



AWARD_CHANGES: tuple[str, ...] = tuple(Change)


@attrs.frozen
class AwardEffect:
    """An outcome effect (一票否决 and its kin), never points: 若…降低一个等次评奖 (``change``
    demote), 若…直接排名最后一位 (last), 若…取消评优资格 (ineligible), and on the grade
    若…直接评定为 "不合格" (grade_force), 等次不得高于 "良好" (grade_cap), 不得评为 "优秀"
    (grade_exclude), 降低一个等次 / 降低 N 个等次 (grade_lower, ``levels`` N). ``grade``: the
    grade a grade effect names. What each change does, and the order several compose in, is
    model/outcomes.py's."""

    condition: Condition
    change: str = attrs.field(validator=attrs.validators.in_(AWARD_CHANGES))
    span: Span = _span()
    grade: str | None = attrs.field(default=None, kw_only=True)
    levels: int | None = attrs.field(default=None, kw_only=True)

    effect: ClassVar[Effect] = Effect.RANKING


PARTIAL_MODES = ("ceil", "floor", "proportional", "exact")


@attrs.frozen
class Ladder:
    """每降低5个百分点扣2分: deduct per step of shortfall below a target; 比上年每提高1个百分点加1分
    (``bonus``): add per step above a baseline.

    Attributes:
        target: the threshold (达 100% / 达 300 / 不少于 2), or an expression computed per entity
            (达 「上年率」, 比 「上年率」).
        bonus: the steps add points beyond the item's (加) instead of deducting (扣).
        relative: True when the shortfall is measured in percentage points *of the target*
            (a count or number against 300 件); False when it is the plain difference
            (a percent against 70%, or a count against 2 次).
        step: the size of one step; amount: points per step.
        partial: how a partial step counts: ``ceil`` (不足一档按一档计), ``floor`` (不足一档不计),
            ``proportional`` (不足一档按比例计), ``exact`` (shortfalls come in whole steps).
        upward: True for a ceiling (不高于2% 每增加1个百分点): the excess above it is counted.
    """

    fact: str | Expr = _fact()  # a fact's name, or an expression (model.expressions)
    target: Decimal | Expr
    relative: bool
    step: Decimal
    amount: Decimal
    partial: str = attrs.field(validator=attrs.validators.in_(PARTIAL_MODES))
    upward: bool = False
    span: Span = _span()
    bonus: bool = attrs.field(default=False, kw_only=True)

    @property
    def effect(self) -> Effect:
        return Effect.BONUS if self.bonus else Effect.DEDUCT
    # a ladder measures an item's result against its target; an article has neither
    places: ClassVar[frozenset[Place]] = frozenset({Place.ITEM, Place.DEDUCTION_ITEM})


@attrs.frozen
class RankPoints:
    """按 全体名次（…） 第1名得10分 第2至3名得8分 其余得4分: points by rank (docs/language.md
    §9.7). ``rows``: (first, last, points), apart and in the order written; ``rest``: what every
    other rank earns. The rank is usually a cohort value, and may be a count fact (a rank
    given as data)."""

    rank: str | Expr = _fact()  # a fact's name, or an expression (model.expressions)
    rows: tuple[tuple[int, int, Decimal], ...]
    rest: Decimal
    span: Span = _span()

    effect: ClassVar[Effect] = Effect.EARN


def _is_node(value: object) -> TypeGuard[AttrsInstance]:
    return attrs.has(type(value)) and not isinstance(value, Span)


def walk(node: AttrsInstance) -> Iterator[AttrsInstance]:
    """The node and every model node inside it, depth first: a rule, its body, the body's
    condition, the operands of 非/且/或. Spans are metadata and are not walked."""
    yield node
    for field in attrs.fields(type(node)):
        value = getattr(node, field.name)
        if isinstance(value, tuple):
            for element in value:
                if _is_node(element):
                    yield from walk(element)
        elif _is_node(value):
            yield from walk(value)


def facts_read(node: AttrsInstance) -> tuple[str, ...]:
    """The facts a rule, rule body or condition reads, as written (a per-occasion fact as
    declared: ``Part.occasion_facts`` maps it), in field order, once each: every field declared
    with ``_fact()`` of every node ``walk`` finds — nothing to add for a new rule class."""
    values = (getattr(n, f.name) for n in walk(node) for f in attrs.fields(type(n)) if f.metadata.get("fact"))
    # a field that holds an expression instead of a name is walked: its FactValues are found;
    # a derived value's field holds the names of every fact it reads
    names = (n for v in values for n in ((v,) if isinstance(v, str) else v if isinstance(v, tuple) else ()))
    return tuple(dict.fromkeys(names))
