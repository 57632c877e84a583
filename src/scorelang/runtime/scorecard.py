"""What evaluation produces: one Scorecard per entity, explaining every point (attrs, frozen).

Scores are Decimals already rounded at the points the policy declares. The cohort stage
fills ``rank``, ``award`` and ``flags`` with ``attrs.evolve``.

Each public class is frozen; its fields are declared on a private mutable base class so
that the compiled evaluator can build instances quickly (``new_event`` and the other
``new_*`` functions at the end). Users construct and evolve the public classes as usual.
"""
from __future__ import annotations

import enum
from decimal import Decimal
from typing import Union

import attrs

from ..span import Span
from .decision import Decision as Decision
from .decision import PendingPlaces as PendingPlaces
from .decision import Status as Status

FactValue = Union[Decimal, int, bool, str, None, tuple[object, ...]]


class EventKind(enum.StrEnum):
    """What an event did. The values are the strings of the JSON ``"kind"`` key (a member
    equals its string: ``EventKind.DEDUCT == "deduct"``)."""

    DEDUCT = "deduct"   # a deduction (扣): negative points
    AWARD = "award"     # points earned (得), within the item's points
    BONUS = "bonus"     # points beyond the item's points (加); the item adds them up as its bonus
    ZERO = "zero"       # 不得分: the points that cancel what the part would have scored
    FLOOR = "floor"     # 扣完为止 / the task's or the total's floor at 0: the points given back
    CAP = "cap"         # a cap: the points above the item's (or a 扣分项's) limit taken off
    NOTE = "note"       # a record read but not counted (no points)
    DEMOTE = "demote"   # 降低一个等次评奖: the cohort stage moves the award down (no points)
    LAST = "last"       # 直接排名最后一位: the cohort stage ranks the entity last (no points)
    BONUS_CAP = "bonus_cap"  # 最多加 / 加分累计最多: the bonus above a declared cap taken back (counts as bonus)
    BONUS_ZERO = "bonus_zero"  # 不得分（含加分）: the part's bonuses cancelled with its points (counts as bonus)
    # outcome effects (docs/language.md §22; model/outcomes.py Change: the same strings), no points
    INELIGIBLE = "ineligible"        # 取消评优资格: the cohort stage gives no 综合奖 and no 单项奖
    GRADE_FORCE = "grade_force"      # 直接评定为 "不合格"
    GRADE_CAP = "grade_cap"          # 等次不得高于 "良好"
    GRADE_EXCLUDE = "grade_exclude"  # 不得评为 "优秀"
    GRADE_LOWER = "grade_lower"      # 降低一个等次 / 降低 N 个等次


@attrs.define
class _LadderDetailFields:
    measured: Decimal | int
    target: Decimal
    unit: str | None
    upward: bool
    percentage_points: bool
    gap: Decimal
    step: Decimal
    steps: Decimal
    partial: str
    bonus: bool = False


@attrs.frozen
class LadderDetail(_LadderDetailFields):
    """How a ladder (每降低5个百分点扣2分) read its fact, for the trace.

    Attributes:
        measured: the fact's value (an int for a count); target: the rule's target (or ceiling).
        unit: the unit of ``measured`` and ``target``: ``%`` for a percent fact, else the
            fact's declared unit (件, 次) or None.
        upward: True for a ceiling (不高于 … 每增加): the excess above it is counted.
        percentage_points: True when ``gap`` and ``step`` are percentage points (of the target,
            for a count or number against a target such as 300 件).
        gap: the shortfall below the target (the excess above a ceiling), exact.
        step: the size of one step; steps: the steps counted (partial steps as declared).
        partial: ``ceil`` (不足一档按一档计), ``floor`` (不足一档不计), ``proportional``
            (不足一档按比例计) or ``exact`` (shortfalls come in whole steps).
        bonus: the steps above the target (a baseline: 比上年每提高…加) add points.
    """


@attrs.define
class _EventFields:
    clause: str
    rule: str
    kind: EventKind
    facts: tuple[tuple[str, FactValue], ...]
    points: Decimal
    reason: str | None = None
    detail: LadderDetail | None = None
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Event(_EventFields):
    """One thing that changed a score.

    Attributes:
        clause: the item or article id (``2.1``, ``第六条``).
        rule: the rule's source sentence (the quote in the .score file, else its own text).
        kind: what happened (an ``EventKind``: ``deduct``, ``award``, ``bonus``, ``zero``,
            ``floor``, ``cap``, ``note``, ``demote``, ``last``).
        facts: the facts the rule read, name → value (typed: counts int, amounts Decimal).
        points: the change in points (negative for deductions).
        reason: the assessor's reason, for judgements that carry one.
        detail: how the rule read its facts, where there is more to say than the facts
            (a ladder's ``LadderDetail``); None otherwise.
        span: where the rule is written in the .score file (not part of equality).
    """


@attrs.frozen
class DerivedValue:
    """A derived value (计算 { 「结案率」 = … }) as computed for one entity, for the trace:
    结案率 = 45 ÷ 50 × 100% = 90%.

    Attributes:
        name: its name; expression: the expression as written in the policy.
        facts: the facts and derived values it read, name → value, in the order read.
        value: what it computed (a percent as its number of hundredths: 90 for 90%).
        kind: count, number, percent or scalar (a ratio), as the expression gives.
        span: where it is defined in the .score file (not part of equality).
    """

    name: str
    expression: str
    facts: tuple[tuple[str, FactValue], ...]
    value: Decimal | int
    kind: str
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.define
class _ItemScoreFields:
    id: str
    title: str
    score: Decimal
    max: Decimal
    bonus: Decimal
    deduction_only: bool
    events: tuple[Event, ...]


@attrs.frozen
class ItemScore(_ItemScoreFields):
    """An item's score: within [0, max] for ordinary items, within [-max, 0] for 扣分项.

    Attributes:
        id: ``2.1``; title: the item's title; max: its points (the cap, for 扣分项).
        bonus: points granted beyond the item's points (0 unless the policy grants bonuses).
        deduction_only: True for 扣分项 items that only subtract from the task score.
        events: every change, in order, including floors and caps applied.
    """


@attrs.define
class _SectionScoreFields:
    name: str
    score: Decimal
    max: Decimal
    items: tuple[ItemScore, ...]
    events: tuple[Event, ...] = ()
    bonus: Decimal = Decimal(0)
    counted: Decimal | None = None


@attrs.frozen
class SectionScore(_SectionScoreFields):
    """A section (部分): the sum of its items' scores and of its own events, out of its points
    (``max``).

    Attributes:
        events: the section's own caps (本部分扣分最多 N 分 / 本部分加分累计最多 N 分).
        bonus: its items' bonuses (加), after its own bonus cap.
        counted: what it counts in its task when it is 折算为百分制 (score × 100 ÷ max);
            None when it counts as it is.
    """


@attrs.define
class _TaskPartFields:
    label: str
    score: Decimal
    weight: Decimal
    weighted: Decimal
    bonus: Decimal = Decimal(0)


@attrs.frozen
class TaskPart(_TaskPartFields):
    """Items weighed together (第1至12项 10%): their score on a 100-point scale, their weight,
    their items' bonuses (on the same scale), and what they add to the total:
    (score + bonus) × weight / 100. A task weighed whole has one part labelled ""."""


@attrs.define
class _TaskScoreFields:
    id: str
    name: str
    lead: tuple[str, ...]
    score: Decimal
    max: Decimal
    weight: Decimal
    weighted: Decimal
    sections: tuple[SectionScore, ...]
    events: tuple[Event, ...] = ()
    bonus: Decimal = Decimal(0)
    parts: tuple[TaskPart, ...] = ()
    full: Decimal | None = None
    enters: str = "normalised"
    base_zero: bool = False


@attrs.frozen
class TaskScore(_TaskScoreFields):
    """A task on its 100-point scale, its weight and its weighted contribution to the total.

    Attributes:
        id: ``"2"``; name: 社区矫正; lead: its lead departments.
        score: the task's score on its 100-point scale (sum of its sections, never below 0;
            for a task weighed in parts, their weighted mean); max: 100.
        weight: percent of the total; weighted: what the task adds to the total:
            (score + bonus) × weight / 100, part by part.
        events: task-level events (its caps — 本任务扣分最多 N 分 —, and the floor at 0 when
            deduction-only items exceed the score).
        bonus: the items' bonuses (加), beyond their points.
        parts: the weighted parts (one for a task weighed whole).
        full: the full score the task declares (满分 1000 分), None for the 100 of 第三条;
            enters: ``normalised`` (折算为百分制: ``score`` and ``max`` on 100) or ``as_is``
            (按原分计入: ``score`` out of ``max`` = ``full``); base_zero: 基础分 0 分.
    """


@attrs.frozen
class Grade:
    """等次: the grade an entity's total gets (优秀) and the band that gave it, as the source
    reads (90 分以上), with the clause the policy cites for its grades (None: none)."""

    name: str
    band: str
    clause: str | None = None


@attrs.frozen
class GradeChange:
    """One outcome effect on the grade as it applied to an entity (一票否决: 直接评定为 "不合格"):
    the clause and rule text of its event, its kind, and the grade before and after it (equal
    when the grade was already there), in the order they compose (docs/language.md §22)."""

    clause: str
    rule: str
    kind: EventKind
    before: str
    after: str


@attrs.frozen
class ScoreGrade:
    """The grade of one task's score (等次 目标任务二得分 { … }) or of a value (等次 「结案率」 { … }),
    docs/language.md §22.1: ``subject`` as the policy names it, the task's id (None for a value),
    the value graded (a task's 100-point score; a percent as its number of hundredths), its unit
    (分, %, 件 …) and the grade its band gives (None only for a value no band holds, which check
    refuses)."""

    subject: str
    task: str | None
    value: Decimal | int
    unit: str
    grade: Grade | None


@attrs.frozen
class OutputValue:
    """One output (输出, docs/language.md §25) as computed for an entity after the cohort stage:
    never part of any score.

    Attributes:
        name: the output's name (绩效奖金); value: the amount, rounded half-up at ``places``
            (None while it is pending); unit: its unit word (元) or None.
        rule: how it was reached, as the source reads: the formula (（考评总分 - 80） × 500), or
            the row of a table (等次 优秀, 奖项 一等奖, 其余).
        clause: the clause the 输出 block cites (None: none).
        status: ``decided``, or ``pending`` when it reads a grade or award still to be decided
            (待认定).
    """

    name: str
    value: Decimal | None
    unit: str | None
    places: int
    rule: str
    clause: str | None = None
    status: str = "decided"


@attrs.define
class _ScorecardFields:
    entity: str
    total: Decimal
    tasks: tuple[TaskScore, ...]
    adjustments: tuple[Event, ...] = ()
    rank: int | None = None
    award: str | None = None
    flags: tuple[str, ...] = ()
    task_awards: tuple[str, ...] = ()
    previous_last: bool | None = None
    derived: tuple[DerivedValue, ...] = ()
    grade: Grade | None = None
    grade_changes: tuple[GradeChange, ...] | None = None
    value_grades: tuple[ScoreGrade, ...] | None = None
    award_decision: Decision | None = None
    grade_decision: Decision | None = None
    pending_task_awards: tuple[PendingPlaces, ...] = ()
    outputs: tuple[OutputValue, ...] = ()


@attrs.frozen
class Scorecard(_ScorecardFields):
    """One entity's result.

    Attributes:
        entity: the entity's name; total: the total score (after adjustments).
        tasks: per task scores; adjustments: events applied to the total (articles).
        rank, award, flags, task_awards: filled in by the cohort stage (None/None/()/() for a
            lone evaluation); task_awards lists the tasks whose single award (单项奖) it wins.
            ``award`` is the *decided* award: None without one, and None too while it is
            pending (a tie across a band's boundary, a quota tie sent to the committee) —
            ``award_decision`` says which, with the candidates.
        previous_last: the 第十八条 fact: the entity was last the year before (None if the
            policy does not ask).
        derived: the derived values its scoring read, each computed once, in the order the
            policy defines them (() when the policy has none).
        grade: its grade (等次): the band of its total, then the outcome effects on the grade
            (一票否决); None when the policy declares none.
        grade_changes: each outcome effect on the grade that applied, in the order they compose,
            before → after; None when the policy writes no such effect, () when none applied.
        value_grades: the grades of its tasks' scores (等次 目标任务二得分 { … }, for the tasks it is
            scored on) and of values (等次 「结案率」 { … }) the policy declares; None when it declares none.
        award_decision, grade_decision: the cohort stage's outcome (runtime.decision.Decision):
            decided (with the value, after quotas) or pending (with the candidates); None for a
            lone evaluation, and grade_decision None when the policy declares no grades.
            Read these, not ``grade``, once a cohort is ranked: a quota may move a grade.
        pending_task_awards: single-task awards tied beyond their places, for the committee.
        outputs: the policy's outputs (输出 { … }) for it, computed after the cohort stage
            (() for a lone evaluation and for a policy without outputs); never part of a score.
    """

    def unranked(self) -> Scorecard:
        """The scorecard as ``evaluate`` gives it, before the cohort stage: every field the
        cohort stage (and the outputs computed after it) fills back at its default."""
        return attrs.evolve(self, rank=None, award=None, flags=(), task_awards=(), award_decision=None,
                            grade_decision=None, pending_task_awards=(), outputs=())

    @property
    def award_status(self) -> str | None:
        """``decided`` / ``pending`` (None before ranking or without awards)."""
        return None if self.award_decision is None else str(self.award_decision.status)

    @property
    def grade_status(self) -> str | None:
        """``decided`` / ``pending`` (None before ranking or without grades)."""
        return None if self.grade_decision is None else str(self.grade_decision.status)

    @property
    def band_grade(self) -> str | None:
        """The grade of the total's band, before any outcome effect (None: no grades)."""
        if self.grade_changes:
            return self.grade_changes[0].before
        return self.grade.name if self.grade is not None else None

    def item(self, item_id: str) -> ItemScore:
        """The score of one item by id (``"2.1"``); KeyError if the policy has no such item."""
        for task in self.tasks:
            for section in task.sections:
                for item in section.items:
                    if item.id == item_id:
                        return item
        raise KeyError(item_id)

    def task(self, task_id: str) -> TaskScore:
        """The score of one task by id (``"2"``); KeyError if the policy has no such task."""
        for task in self.tasks:
            if task.id == task_id:
                return task
        raise KeyError(task_id)


# ------------------------------------------------------------------ the evaluator's constructors
# The compiled evaluator builds results through these keyword-only functions. Each allocates
# the mutable fields class (``object.__new__``), assigns every slot directly, and gives the
# instance the frozen class, whose layout is the same: the result is an ordinary frozen
# instance, equal to one built by the class itself. A frozen class's own __init__ sets each
# field through ``object.__setattr__`` instead.
# Kept for speed: benchmarks/bench_evaluate.py (--clock cpu --only-task2, medians of 6
# alternating runs) measured the compiled task 二 67% slower (23.9 → 40.0 µs, ratio 2.41 →
# 4.18) with the frozen classes built by their own __init__ (``Event(clause=…, …)``).
# tests/runtime/test_scorecard.py checks that each constructor sets every field.

_new = object.__new__


def _check_layout(frozen: type) -> None:
    (fields_base,) = frozen.__bases__
    # the __class__ swap needs the frozen class to add no slots of its own
    # (attrs gives each slotted class its own __slots__, which typeshed's `type` does not declare)
    assert not frozen.__slots__, f"{frozen.__name__} must add no slots to its fields base"  # type: ignore[attr-defined]
    assert [a.name for a in attrs.fields(frozen)] == [a.name for a in attrs.fields(fields_base)]


for _frozen in (LadderDetail, Event, ItemScore, SectionScore, TaskPart, TaskScore, Scorecard):
    _check_layout(_frozen)


def new_ladder_detail(*, measured: Decimal | int, target: Decimal, unit: str | None, upward: bool,
                      percentage_points: bool, gap: Decimal, step: Decimal, steps: Decimal,
                      partial: str, bonus: bool = False) -> LadderDetail:
    """``LadderDetail(...)``, built fast."""
    detail = _new(_LadderDetailFields)
    detail.measured = measured
    detail.target = target
    detail.unit = unit
    detail.upward = upward
    detail.percentage_points = percentage_points
    detail.gap = gap
    detail.step = step
    detail.steps = steps
    detail.partial = partial
    detail.bonus = bonus
    detail.__class__ = LadderDetail
    return detail  # type: ignore[return-value]  # the __class__ swap above made it one


def new_event(*, clause: str, rule: str, kind: EventKind, facts: tuple[tuple[str, FactValue], ...],
              points: Decimal, reason: str | None = None,
              detail: LadderDetail | None = None, span: Span | None = None) -> Event:
    """``Event(...)``, built fast."""
    event = _new(_EventFields)
    event.clause = clause
    event.rule = rule
    event.kind = kind
    event.facts = facts
    event.points = points
    event.reason = reason
    event.detail = detail
    event.span = span
    event.__class__ = Event
    return event  # type: ignore[return-value]  # the __class__ swap above made it one


def new_item_score(*, id: str, title: str, score: Decimal, max: Decimal, bonus: Decimal, deduction_only: bool,
                   events: tuple[Event, ...]) -> ItemScore:
    """``ItemScore(...)``, built fast."""
    item = _new(_ItemScoreFields)
    item.id = id
    item.title = title
    item.score = score
    item.max = max
    item.bonus = bonus
    item.deduction_only = deduction_only
    item.events = events
    item.__class__ = ItemScore
    return item  # type: ignore[return-value]  # the __class__ swap above made it one


def new_section_score(*, name: str, score: Decimal, max: Decimal, items: tuple[ItemScore, ...],
                      events: tuple[Event, ...] = (), bonus: Decimal = Decimal(0),
                      counted: Decimal | None = None) -> SectionScore:
    """``SectionScore(...)``, built fast."""
    section = _new(_SectionScoreFields)
    section.name = name
    section.score = score
    section.max = max
    section.items = items
    section.events = events
    section.bonus = bonus
    section.counted = counted
    section.__class__ = SectionScore
    return section  # type: ignore[return-value]  # the __class__ swap above made it one


def new_task_part(*, label: str, score: Decimal, weight: Decimal, weighted: Decimal, bonus: Decimal) -> TaskPart:
    """``TaskPart(...)``, built fast."""
    part = _new(_TaskPartFields)
    part.label = label
    part.score = score
    part.weight = weight
    part.weighted = weighted
    part.bonus = bonus
    part.__class__ = TaskPart
    return part  # type: ignore[return-value]  # the __class__ swap above made it one


def new_task_score(*, id: str, name: str, lead: tuple[str, ...], score: Decimal, max: Decimal, weight: Decimal,
                   weighted: Decimal, sections: tuple[SectionScore, ...], events: tuple[Event, ...],
                   bonus: Decimal, parts: tuple[TaskPart, ...], full: Decimal | None = None,
                   enters: str = "normalised", base_zero: bool = False) -> TaskScore:
    """``TaskScore(...)``, built fast."""
    task = _new(_TaskScoreFields)
    task.id = id
    task.name = name
    task.lead = lead
    task.score = score
    task.max = max
    task.weight = weight
    task.weighted = weighted
    task.sections = sections
    task.events = events
    task.bonus = bonus
    task.parts = parts
    task.full = full
    task.enters = enters
    task.base_zero = base_zero
    task.__class__ = TaskScore
    return task  # type: ignore[return-value]  # the __class__ swap above made it one


def new_scorecard(*, entity: str, total: Decimal, tasks: tuple[TaskScore, ...], adjustments: tuple[Event, ...],
                  previous_last: bool | None, derived: tuple[DerivedValue, ...] = (),
                  grade: Grade | None = None, grade_changes: tuple[GradeChange, ...] | None = None,
                  value_grades: tuple[ScoreGrade, ...] | None = None) -> Scorecard:
    """``Scorecard(...)`` as the evaluator makes it (the cohort's fields at their defaults), built fast."""
    card = _new(_ScorecardFields)
    card.entity = entity
    card.total = total
    card.tasks = tasks
    card.adjustments = adjustments
    card.rank = None
    card.award = None
    card.flags = ()
    card.task_awards = ()
    card.previous_last = previous_last
    card.derived = derived
    card.grade = grade
    card.grade_changes = grade_changes
    card.value_grades = value_grades
    card.award_decision = None
    card.grade_decision = None
    card.pending_task_awards = ()
    card.outputs = ()
    card.__class__ = Scorecard
    return card  # type: ignore[return-value]  # the __class__ swap above made it one
