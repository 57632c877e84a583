"""What evaluation produces: one Scorecard per entity, explaining every point (attrs, frozen).

Scores are Decimals already rounded at the points the policy declares. The cohort stage
fills ``rank``, ``award`` and ``flags`` with ``attrs.evolve``.

Each public class is frozen; its fields are declared on a private mutable base class so
that the compiled evaluator can build instances quickly (see ``_builder``). Users construct
and evolve the public classes as usual.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Callable, Union

import attrs

from ..span import Span

FactValue = Union[Decimal, int, bool, str, None, tuple]


@attrs.define
class _EventFields:
    clause: str
    rule: str
    kind: str
    facts: tuple[tuple[str, FactValue], ...]
    points: Decimal
    reason: str | None = None
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Event(_EventFields):
    """One thing that changed a score.

    Attributes:
        clause: the item or article id (``2.1``, ``第六条``).
        rule: the rule's source sentence (the quote in the .score file, else its own text).
        kind: what happened: ``deduct``, ``award``, ``zero``, ``floor``, ``cap``.
        facts: the facts the rule read, name → value (typed: counts int, amounts Decimal).
        points: the change in points (negative for deductions).
        reason: the assessor's reason, for judgements that carry one.
        span: where the rule is written in the .score file (not part of equality).
    """


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


@attrs.frozen
class SectionScore(_SectionScoreFields):
    """A section (部分): the sum of its items' scores, out of its points (``max``)."""


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


@attrs.frozen
class TaskScore(_TaskScoreFields):
    """A task on its 100-point scale, its weight and its weighted contribution to the total.

    Attributes:
        id: ``"2"``; name: 社区矫正; lead: its lead departments.
        score: the task's score on its 100-point scale (sum of its sections, never below 0;
            for a task weighed in parts, their weighted mean); max: 100.
        weight: percent of the total; weighted: what the task adds to the total:
            (score + bonus) × weight / 100, part by part.
        events: task-level events (the floor at 0 when deduction-only items exceed the score).
        bonus: the items' bonuses (加), beyond their points.
        parts: the weighted parts (one for a task weighed whole).
    """


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


@attrs.frozen
class Scorecard(_ScorecardFields):
    """One entity's result.

    Attributes:
        entity: the entity's name; total: the total score (after adjustments).
        tasks: per task scores; adjustments: events applied to the total (articles).
        rank, award, flags, task_awards: filled in by the cohort stage (None/None/()/() for a
            lone evaluation); task_awards lists the tasks whose single award (单项奖) it wins.
        previous_last: the 第十八条 fact: the entity was last the year before (None if the
            policy does not ask).
    """

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


def _builder(frozen: type) -> Callable:
    """A fast constructor for a frozen result class, for the compiled evaluator's hot path.

    attrs builds a frozen instance with one ``object.__setattr__`` call per field (≈0.8 µs for
    an Event); the mutable base class assigns its slots directly (≈0.2 µs). The builder makes
    the mutable instance, then gives it the frozen class, whose layout is the same (it adds
    no slots): the result is an ordinary frozen instance, equal to one built by
    ``frozen(...)``. Over 100,000 scorecards the difference is most of the evaluator's
    overhead (benchmarks/bench_evaluate.py).
    """
    (fields_base,) = frozen.__bases__
    assert not frozen.__slots__, f"{frozen.__name__} must add no slots to its fields base"

    def build(*values):
        obj = fields_base(*values)
        obj.__class__ = frozen
        return obj
    build.__name__ = f"new_{frozen.__name__}"
    build.__doc__ = f"Build a frozen {frozen.__name__} from positional field values (the hot path)."
    return build


def fast_types(frozen: type) -> tuple[type, type]:
    """(mutable fields base, frozen class) for the evaluator's hottest lines, which inline
    the builder: ``obj = base(...); obj.__class__ = frozen`` saves a call per result."""
    (fields_base,) = frozen.__bases__
    return fields_base, frozen


new_event = _builder(Event)
new_item_score = _builder(ItemScore)
new_section_score = _builder(SectionScore)
new_task_score = _builder(TaskScore)
new_task_part = _builder(TaskPart)
new_scorecard = _builder(Scorecard)
