"""What evaluation produces: one Scorecard per entity, explaining every point (attrs, frozen).

Scores are Decimals already rounded at the points the policy declares. The cohort stage
fills ``rank``, ``award`` and ``flags`` with ``attrs.evolve``.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Union

import attrs

from ..span import Span

FactValue = Union[Decimal, int, bool, str, None, tuple]


@attrs.frozen
class Event:
    """One thing that changed a score.

    Attributes:
        clause: the item or article id (``2.1``, ``第六条``).
        rule: the rule's source sentence (the quote in the .score file, else its own text).
        kind: what happened: ``deduct``, ``award``, ``zero``, ``floor``, ``cap``.
        facts: the facts the rule read, name → value as given.
        points: the change in points (negative for deductions).
        reason: the assessor's reason, for judgements that carry one.
        span: where the rule is written in the .score file.
    """

    clause: str
    rule: str
    kind: str
    facts: tuple[tuple[str, FactValue], ...]
    points: Decimal
    reason: str | None = None
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class ItemScore:
    """An item's score: within [0, max] for ordinary items, within [-max, 0] for 扣分项.

    Attributes:
        id: ``2.1``; title: the item's title; max: its points (the cap, for 扣分项).
        bonus: points granted beyond the item's points (0 unless the policy grants bonuses).
        deduction_only: True for 扣分项 items that only subtract from the task score.
        events: every change, in order, including floors and caps applied.
    """

    id: str
    title: str
    score: Decimal
    max: Decimal
    bonus: Decimal
    deduction_only: bool
    events: tuple[Event, ...]


@attrs.frozen
class SectionScore:
    name: str
    score: Decimal
    max: Decimal
    items: tuple[ItemScore, ...]


@attrs.frozen
class TaskScore:
    """A task on its 100-point scale, its weight and its weighted contribution to the total.

    Attributes:
        events: task-level events (the floor at 0 when deduction-only items exceed the score).
    """

    id: str
    name: str
    lead: tuple[str, ...]
    score: Decimal
    max: Decimal
    weight: Decimal
    weighted: Decimal
    sections: tuple[SectionScore, ...]
    events: tuple[Event, ...] = ()


@attrs.frozen
class Scorecard:
    """One entity's result.

    Attributes:
        entity: the entity's name; total: the total score (after adjustments).
        tasks: per task scores; adjustments: events applied to the total (articles).
        rank, award, flags: filled in by the cohort stage (None/()/None for a lone evaluation).
    """

    entity: str
    total: Decimal
    tasks: tuple[TaskScore, ...]
    adjustments: tuple[Event, ...] = ()
    rank: int | None = None
    award: str | None = None
    flags: tuple[str, ...] = ()

    def item(self, item_id: str) -> ItemScore:
        """The score of one item by id (``"2.1"``); KeyError if the policy has no such item."""
        for task in self.tasks:
            for section in task.sections:
                for item in section.items:
                    if item.id == item_id:
                        return item
        raise KeyError(item_id)

    def task(self, task_id: str) -> TaskScore:
        for task in self.tasks:
            if task.id == task_id:
                return task
        raise KeyError(task_id)
