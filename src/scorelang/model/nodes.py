"""Stage 2 output: the resolved, checked policy model — ids assigned, names resolved.

Every object keeps the span of the text it came from (``eq=False``: equality ignores where
a thing was written) and a breadcrumb (``clause``: ``2.1``) for messages and traces.
"""
from __future__ import annotations

import enum
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, TypeGuard, Union, get_args

import attrs
from attrs import AttrsInstance

from ..span import Span
from .awards import CountTier as CountTier
from .awards import Quota as Quota
from .awards import QuotaRules as QuotaRules
from .awards import Rounding as Rounding
from .awards import TieRule as TieRule
from .expressions import CohortTerm, CompareValues, DerivedDecl, Expr, RankWithin
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


def _span() -> Span:
    # attrs.field() is typed Any so it can stand for any attribute's value; say which
    field: Span = attrs.field(eq=False, repr=False, kw_only=True)
    return field


if TYPE_CHECKING:
    # mypy's attrs plugin knows a field only by the name attrs.field (a field without a default
    # is required): to the type checker, _fact is that
    from attrs import field as _fact
else:
    def _fact(**kwargs: Any) -> Any:
        """A field that names a fact the node reads: ``facts_read`` finds every such field, so a
        new rule or condition class declares what it reads by its fields alone."""
        return attrs.field(metadata={"fact": True}, **kwargs)


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
