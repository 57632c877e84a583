"""Stage 2 output: the resolved, checked policy model — ids assigned, names resolved.

Every object keeps the span of the text it came from (``eq=False``: equality ignores where
a thing was written) and a breadcrumb (``clause``: ``2.1``) for messages and traces.

This module holds the policy's structure (parts, items, sections, tasks, articles, awards, the
policy), the rule union ``RuleBody`` and ``Rule``; fact declarations (``fact_decls``),
conditions and rule bodies (``rule_bodies``), expressions, grades, awards, incidents, outcomes
and outputs live in sibling modules by responsibility and are re-exported here, so ``nodes.X``
names every model class.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Union, get_args

import attrs

from ..span import Span, span_field
from .awards import CountTier as CountTier
from .awards import Quota as Quota
from .awards import QuotaRules as QuotaRules
from .awards import Rounding as Rounding
from .awards import TieRule as TieRule
from .expressions import CohortTerm, DerivedDecl
from .fact_decls import FACT_TYPES as FACT_TYPES
from .fact_decls import RATINGS_METHODS as RATINGS_METHODS
from .fact_decls import FactDecl as FactDecl
from .fact_decls import FactDefault as FactDefault
from .fact_decls import Ratings as Ratings
from .fact_decls import RecordField as RecordField
from .grades import Grades as Grades
from .incidents import Claim as Claim
from .incidents import FieldIs as FieldIs
from .incidents import NoRepeat as NoRepeat
from .incidents import RecordTest as RecordTest
from .incidents import TestAll as TestAll
from .incidents import TestNot as TestNot
from .incidents import parse_date as parse_date
from .outcomes import Change as Change
from .outcomes import compose as compose
from .outcomes import grade_order as grade_order
from .outputs import Output as Output
from .outputs import OutputFormula as OutputFormula
from .outputs import OutputRankTable as OutputRankTable
from .outputs import OutputTable as OutputTable
from .rule_bodies import _EFFECT_PLACES as _EFFECT_PLACES  # tests/test_rule_kinds.py reads it
from .rule_bodies import ALL_PLACES as ALL_PLACES
from .rule_bodies import AWARD_CHANGES as AWARD_CHANGES
from .rule_bodies import PARTIAL_MODES as PARTIAL_MODES
from .rule_bodies import ZERO_BONUSES as ZERO_BONUSES
from .rule_bodies import AllOf as AllOf
from .rule_bodies import AnyOf as AnyOf
from .rule_bodies import AwardEffect as AwardEffect
from .rule_bodies import Compare as Compare
from .rule_bodies import CompareFacts as CompareFacts
from .rule_bodies import Condition as Condition
from .rule_bodies import Effect as Effect
from .rule_bodies import Escalation as Escalation
from .rule_bodies import Fixed as Fixed
from .rule_bodies import FlagIs as FlagIs
from .rule_bodies import Judgement as Judgement
from .rule_bodies import Ladder as Ladder
from .rule_bodies import Negation as Negation
from .rule_bodies import PerOccurrence as PerOccurrence
from .rule_bodies import Place as Place
from .rule_bodies import Proportional as Proportional
from .rule_bodies import RankPoints as RankPoints
from .rule_bodies import Table as Table
from .rule_bodies import Zero as Zero
from .rule_bodies import facts_read as facts_read
from .rule_bodies import walk as walk

_span = span_field


# The one registration point of a rule kind: the union a Rule's body belongs to. RULE_CLASSES
# is read from it, and a Rule refuses a body of any other class.
RuleBody = Union[PerOccurrence, Fixed, Zero, Judgement, Ladder, Proportional, Table, AwardEffect, RankPoints,
                 Escalation]
RULE_CLASSES: tuple[type, ...] = get_args(RuleBody)


def _rule_body(instance: object, attribute: attrs.Attribute[RuleBody], value: RuleBody) -> None:
    # read at call time, so the check follows RULE_CLASSES (and a test may extend it)
    if not isinstance(value, RULE_CLASSES):
        raise TypeError(f"{type(value).__name__} is not a rule class of the model (RuleBody): "
                        "add it to RuleBody, with its effect")


@attrs.frozen
class Cap:
    """最多扣 5 分 / 最多加 2 分 after a rule, 加分累计最多 3 分 in an article: the most that
    rule (or the article's bonuses, or its deductions) may change, in points.

    Attributes:
        points: the limit (> 0); clause: the item or article id that imposes it;
        text: the words that impose it, for the trace.
    """

    points: Decimal
    clause: str
    text: str
    span: Span = _span()


@attrs.frozen
class Rule:
    """A rule with its breadcrumb and its sentence.

    Attributes:
        clause: the item id the rule belongs to.
        text: the rule's own sentence (its quoted source clause, else its .score text).
        body: what the rule does (a class of the RuleBody union).
        floor: whether the source says 扣完为止 here (items are floored at 0 regardless).
        cap: 最多扣 N 分 / 最多加 N 分 / 最多得 N 分: the most this rule changes, or None.
    """

    clause: str
    text: str
    body: RuleBody = attrs.field(validator=_rule_body)
    floor: bool
    condition: Condition | None = None  # 若 … written before a rule of any kind
    span: Span = _span()
    cap: Cap | None = attrs.field(default=None, kw_only=True)
    stacked: bool = attrs.field(default=False, kw_only=True)  # 各档累计: a band that adds to the others

    @property
    def effect(self) -> Effect:
        """What the rule does to a score, as its class declares it."""
        effect = getattr(self.body, "effect", None)
        if not isinstance(effect, Effect):
            raise TypeError(f"rule class {type(self.body).__name__} declares no effect (an Effect)")
        return effect

    def allowed_in(self, place: Place) -> bool:
        """Whether the rule means something written in ``place`` (its class and its effect
        both allow it)."""
        return place in getattr(type(self.body), "places", ALL_PLACES) and place in self.effect.places

    @property
    def facts(self) -> tuple[str, ...]:
        """The facts the rule reads, as written (see ``facts_read``): its condition's, then its body's."""
        return tuple(dict.fromkeys((facts_read(self.condition) if self.condition is not None else ())
                                   + facts_read(self.body)))

    @property
    def can_deduct(self) -> bool:
        """It may take points away: 扣 or 不得分."""
        return self.effect in (Effect.DEDUCT, Effect.ZERO)

    @property
    def earns(self) -> bool:
        """Points earned toward the item's points (得), as opposed to bonuses (加) beyond them."""
        return self.effect is Effect.EARN

    @property
    def bonus(self) -> bool:
        """Points beyond the item's points (加): the item's bonus is the sum of their events."""
        return self.effect is Effect.BONUS


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
    """部分: worth the sum of its ordinary items.

    Attributes:
        normalised: 折算为百分制 — it enters its task as score × 100 ÷ points.
        bonus_cap, deduct_cap: 本部分加分累计最多 N 分 / 本部分扣分最多 N 分.
    """

    title: str
    points: Decimal
    items: tuple[Item, ...]
    span: Span = _span()
    normalised: bool = attrs.field(default=False, kw_only=True)
    bonus_cap: Cap | None = attrs.field(default=None, kw_only=True)
    deduct_cap: Cap | None = attrs.field(default=None, kw_only=True)


HUNDRED = Decimal(100)
SCALE_ENTERS = ("as_is", "normalised")


@attrs.frozen
class Scale:
    """满分 N 分: the full score of a task or of the whole policy (100 unless declared).

    Attributes:
        points: the full score; declared: whether the policy wrote it.
        enters: how a task's score enters the total: ``normalised`` (折算为百分制: × 100 ÷ points,
            then its weight) or ``as_is`` (按原分计入); for 100 points the two are the same.
        clause: the clause the policy attaches to its scale (header only), cited by messages.
    """

    points: Decimal = HUNDRED
    declared: bool = False
    enters: str = attrs.field(default="normalised", validator=attrs.validators.in_(SCALE_ENTERS))
    clause: str | None = None
    stated: bool = True  # False: 满分 N 分 without how it enters (SL133); the sums are not checked then
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Lead:
    """考评牵头部门 with its contact (联系人, 电话)."""

    department: str
    contact: str | None
    phone: str | None
    span: Span = _span()


@attrs.frozen
class WeightedPart:
    """Items weighed together: on a 100-point scale, counted at ``percent`` of the total."""

    items: tuple[str, ...]
    label: str  # 第1至12项, or "" for the whole task
    percent: Decimal
    span: Span = _span()


@attrs.frozen
class Weighting:
    """How one task counts for the entities it applies to (计入总分权重).

    Attributes:
        group: the group the line names, or None for every other entity.
        entities: the entities it applies to.
        parts: the weighted parts; items of the task outside them are not scored for
            these entities (木里县 is not scored on 第14项).
        assumed: the weight is an assumption of the policy author (假定).
    """

    group: str | None
    entities: tuple[str, ...]
    parts: tuple[WeightedPart, ...]
    assumed: bool
    span: Span = _span()

    @property
    def percent(self) -> Decimal:
        return sum((p.percent for p in self.parts), Decimal(0))


@attrs.frozen
class Task:
    """目标任务: scored on a 100-point scale, counted in the total by its weightings.

    Attributes:
        id: ``"2"``; number: 2; name: 社区矫正; leads: lead departments with contacts.
        weightings: one per line of 计入总分权重 for this task (by group of entities).
    """

    id: str
    number: int
    name: str
    leads: tuple[Lead, ...]
    weightings: tuple[Weighting, ...]
    sections: tuple[Section, ...]
    span: Span = _span()
    scale: Scale = attrs.field(default=Scale(), kw_only=True)
    base_zero: bool = attrs.field(default=False, kw_only=True)  # 基础分 0 分
    bonus_cap: Cap | None = attrs.field(default=None, kw_only=True)  # 本任务加分累计最多 N 分
    deduct_cap: Cap | None = attrs.field(default=None, kw_only=True)  # 本任务扣分最多 N 分

    def weighting_for(self, entity: str) -> Weighting | None:
        for weighting in self.weightings:
            if entity in weighting.entities:
                return weighting
        return None

    @property
    def weight(self) -> Decimal:
        """The weight of the default line (or the first), for summaries."""
        default = next((w for w in self.weightings if w.group is None), None)
        chosen = default or (self.weightings[0] if self.weightings else None)
        return chosen.percent if chosen else Decimal(0)

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for s in self.sections for i in s.items)

    @property
    def max(self) -> Decimal:
        return sum((s.points for s in self.sections), Decimal(0))


@attrs.frozen
class Group:
    """分组 「毒情重点县」 { … } (``members`` listed), or 分组 「藏区所」 凡「类别」为 "藏区": every
    entity whose choice fact ``fact`` is (``op`` eq) or is not (``op`` ne) ``value`` — its members
    are known once the facts are read (``runtime.entities.bind``)."""

    name: str
    members: tuple[str, ...]
    fact: str | None = None
    op: str = "eq"
    value: str | None = None
    span: Span = _span()

    @property
    def from_facts(self) -> bool:
        return self.fact is not None


@attrs.frozen
class Article:
    """第六条 etc.: rules whose points adjust the total (加/扣), or change the award.

    Attributes:
        id: 第六条; title: 特殊情况加分; sources: its sentences; rules: its rules.
    """

    id: str
    title: str
    sources: tuple[str, ...]
    rules: tuple[Rule, ...]
    span: Span = _span()
    bonus_cap: Cap | None = attrs.field(default=None, kw_only=True)
    deduct_cap: Cap | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class Tier:
    """综合奖 "一等奖" 第1至5名"""

    name: str
    first: int
    last: int
    span: Span = _span()


@attrs.frozen
class Citation:
    """What the engine cites when it explains one of its own behaviours: the clause the policy
    attaches to it (None: no clause) and the policy's words for it (None: neutral words)."""

    clause: str | None = None
    shown: str | None = None


@attrs.frozen
class AwardRules:
    """Overall award tiers by rank band, single-task awards, and the fact that says an entity
    was last the year before.

    Attributes:
        clause: the clause the tie flags cite (None: none); decider: who settles a tie
            (None: neutral words); previous: the clause and words of the flag for an entity
            last two years running.
    """

    tiers: tuple[Tier, ...]
    single_top: int | None
    previous_last: str | None
    span: Span = _span()
    clause: str | None = attrs.field(default=None, kw_only=True)
    decider: str | None = attrs.field(default=None, kw_only=True)
    previous: Citation = attrs.field(default=Citation(), kw_only=True)
    # §23: tiers by count (综合奖 "一等奖" 3 名 并列 …), awarded within each group (每组), the
    # tasks with a single award and their places (task id, N; () with single_top: every task),
    # and no award below a total (考评总分 低于 N 分 不评奖)
    count_tiers: tuple[CountTier, ...] = attrs.field(default=(), kw_only=True)
    each_group: bool = attrs.field(default=False, kw_only=True)
    single_tasks: tuple[tuple[str, int], ...] = attrs.field(default=(), kw_only=True)
    floor: Decimal | None = attrs.field(default=None, kw_only=True)
    floor_span: Span | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)

    @property
    def tier_names(self) -> tuple[str, ...]:
        """The 综合奖 an entity may hold, from the highest: by rank band or by count."""
        return tuple(t.name for t in self.tiers) + tuple(t.name for t in self.count_tiers)


ROUND_POINTS = ("item", "task", "weighted", "total")


@attrs.frozen
class TotalBounds:
    """考评总分 最高 100 分 最低 0 分 依据 "…": the total's declared bounds (either may be None)
    and the clause the policy attaches to them (None: the trace names none)."""

    upper: Decimal | None
    lower: Decimal | None
    clause: str | None
    span: Span = _span()


@attrs.frozen
class Policy:
    """A checked policy, ready to compile.

    Attributes:
        title, doc_number, period: from the header.
        places: decimal places of every figure (第二十一条); round_at: the stages
            (``item``, ``task``, ``weighted``, ``total``) where half-up rounding happens.
        entity_kind, entities, groups: who is scored.
        entities_from_facts: 对象 「…」 由事实文件列出 — ``entities`` is empty here and the
            facts file lists them (``runtime.entities.bind`` gives the model for one facts file).
        facts: every fact declaration (per-occasion facts expanded), in declaration order.
        derived: the derived values (计算 { … }), each before any that reads it.
        cohort: the cohort values its rules read (docs/language.md §9.6), each once, in the
            order they must be computed (a value another depends on comes first); empty: each
            entity is scored alone.
        grades: 等次 { … }; outputs: 输出 { … } (amounts computed after the cohort stage,
            never part of any score; docs/language.md §25).
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
    articles: tuple[Article, ...] = ()
    awards: AwardRules | None = None
    entities_from_facts: bool = False
    span: Span = _span()
    floor: Citation = attrs.field(default=Citation(), kw_only=True)
    total_bounds: TotalBounds | None = attrs.field(default=None, kw_only=True)
    scale: Scale = attrs.field(default=Scale(), kw_only=True)  # 满分 1000 分 (header)
    summed: bool = attrs.field(default=False, kw_only=True)  # 各目标任务得分相加: no weights
    base_zero: bool = attrs.field(default=False, kw_only=True)  # 基础分 0 分 (header: every task)
    derived: tuple[DerivedDecl, ...] = attrs.field(default=(), kw_only=True)
    cohort: tuple[CohortTerm, ...] = attrs.field(default=(), kw_only=True)
    grades: Grades | None = attrs.field(default=None, kw_only=True)  # 等次 { … }
    value_grades: tuple[Grades, ...] = attrs.field(default=(), kw_only=True)  # 等次 目标任务二得分 { … } (§22.1)
    outputs: tuple[Output, ...] = attrs.field(default=(), kw_only=True)  # 输出 { … } (§25), never scored
    quotas: QuotaRules | None = attrs.field(default=None, kw_only=True)  # 名额 { … } (§23)

    @property
    def data_defined(self) -> bool:
        """Who is scored, or who belongs to a group, is read from the facts file."""
        return self.entities_from_facts or any(g.from_facts for g in self.groups)

    def fact(self, name: str) -> FactDecl:
        for fact in self.facts:
            if fact.name == name:
                return fact
        raise KeyError(name)
