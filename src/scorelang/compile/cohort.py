"""Cohort values (docs/language.md §9.6), computed once for every entity before each entity's
own scoring reads them.

``evaluate_all`` is the evaluator's path for a policy with cohort values: the terms come in
the order the model gives (``model.Policy.cohort``: each after every term it needs), and each
is computed in one pass over the entities — their operand (a fact, or a score computed from
the values already known), then the aggregate once, or one sort for a rank — and added to
every entity's facts under its key, which is how the trace names it (全体平均「结案率」). The
entities are then scored as any entity is, reading those values like facts. Everything is
linear in the number of entities, but a rank (one sort).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .. import messages as msg
from ..diagnostics import Diagnostic, FactsError
from ..model import expressions as x
from ..runtime.scorecard import Scorecard
from .rules import compile_condition

if TYPE_CHECKING:
    from .evaluator import Evaluator

Facts = Mapping[str, Any]
_HUNDRED = Decimal(100)


def _mean(values: Sequence[Any]) -> Decimal:
    total: Decimal = Decimal(sum(values)) / len(values)
    return total


def _median(values: Sequence[Any]) -> Decimal:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return Decimal(ordered[middle])
    pair: Decimal = (Decimal(ordered[middle - 1]) + Decimal(ordered[middle])) / 2
    return pair


_AGGREGATES: dict[str, Callable[[Sequence[Any]], Any]] = {
    "mean": _mean, "sum": lambda values: sum(values), "max": max, "min": min, "median": _median}


def ranks(values: Sequence[tuple[str, Any]], descending: bool, dense: bool) -> dict[str, int]:
    """Each entity's rank by its value, with one sort: equal values share a rank; the next rank
    skips past them (1, 1, 3: 并列占位) or follows on (1, 1, 2: 并列不占位, ``dense``)."""
    ordered = sorted(values, key=lambda pair: pair[1], reverse=descending)
    result: dict[str, int] = {}
    rank, previous, distinct = 0, None, 0
    for place, (entity, value) in enumerate(ordered, start=1):
        if place == 1 or value != previous:
            distinct += 1
            rank = distinct if dense else place
            previous = value
        result[entity] = rank
    return result


class _Scope:
    """The entities each term is taken over: every entity, or a group's members among them."""

    def __init__(self, entities: Sequence[str], groups: Mapping[str, tuple[str, ...]]) -> None:
        self.entities = tuple(entities)
        scored = set(entities)
        self.groups = {name: tuple(e for e in members if e in scored) for name, members in groups.items()}

    def of(self, term: x.CohortTerm) -> tuple[str, ...]:
        return self.entities if term.group is None else self.groups.get(term.group, ())


def _operand(evaluator: Evaluator, term: x.CohortTerm) -> Callable[[str, Facts], Any]:
    """``value(entity, facts)``: the entity's operand, or None when it has none (a fact not
    given, an item it is not scored on)."""
    operand = term.operand
    if isinstance(operand, x.FactOperand):
        name = operand.fact
        return lambda entity, facts: facts.get(name)
    if isinstance(operand, x.DerivedOperand):
        derived = operand.ref.name
        return lambda entity, facts: evaluator.derived_value(derived, facts)
    assert isinstance(operand, x.ScoreOperand)
    if operand.item is not None:
        item = operand.item
        return lambda entity, facts: evaluator.item_score(entity, item, facts)
    if operand.section is not None:
        assert operand.task is not None
        section_task, section = operand.task, operand.section
        return lambda entity, facts: evaluator.section_score(entity, section_task, section, facts)
    if operand.task is not None:
        task = operand.task
        return lambda entity, facts: evaluator.task_score(entity, task, facts)
    return lambda entity, facts: evaluator.evaluate(entity, facts).total


def evaluate_all(evaluator: Evaluator, entities: Sequence[str], typed: Mapping[str, Facts],
                 groups: Mapping[str, tuple[str, ...]]) -> list[Scorecard]:
    """Every entity's scorecard (unranked), the cohort values computed first. Raises
    FactsError when a value cannot be computed or an entity reads one it has not."""
    scope = _Scope(entities, groups)
    facts: dict[str, dict[str, Any]] = {e: dict(typed[e]) for e in entities}
    empty: set[str] = set()
    for term in evaluator.policy.cohort:
        members = scope.of(term)
        key = term.key
        if term.function in ("count", "share"):
            assert term.condition is not None
            meets, _ = compile_condition(term.condition, lambda name: name)
            count = sum(1 for e in members if meets(evaluator.with_derived(facts[e])))
            if term.function == "share" and not members:
                empty.add(key)
                continue
            value: Any = count if term.function == "count" else Decimal(count) * _HUNDRED / len(members)
            for e in entities:
                facts[e][key] = value
            continue
        read = _operand(evaluator, term)
        pairs = [(e, v) for e in members if (v := read(e, facts[e])) is not None]
        if not pairs:
            empty.add(key)
            continue
        if term.function == "rank":
            among, size = x.ranked_count_key(term), len(pairs)
            for e, place in ranks(pairs, term.descending, term.dense).items():
                facts[e][key] = place
                facts[e][among] = size
            continue
        value = _AGGREGATES[term.function]([v for _, v in pairs])
        for e in entities:
            facts[e][key] = value
    cards: list[Scorecard] = []
    problems: list[Diagnostic] = []
    # a missing key → the term it names (the count of a rank is missing where the rank is)
    keys = {term.key: term.key for term in evaluator.policy.cohort} | {
        x.ranked_count_key(term): term.key for term in evaluator.policy.cohort if term.function == "rank"}
    for e in entities:
        try:
            cards.append(evaluator.evaluate(e, facts[e]))
        except KeyError as missing:
            if not missing.args or missing.args[0] not in keys:
                raise
            key = keys[missing.args[0]]
            entry = msg.COHORT_EMPTY if key in empty else msg.COHORT_NOT_MEMBER
            problems.append(entry.about(e, key=key))
    if problems:
        raise FactsError(tuple(problems))
    return cards
