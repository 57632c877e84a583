"""Properties every policy's scorecards must have, checked on facts drawn from the policy itself.

The invariants read nothing specific to one policy, so they run on any year's policy: from
``scorelang test POLICY --properties`` (``run_properties``), from pytest (tests/test_properties.py
uses ``check_entity`` and ``check_cohort``), or from an author's own hypothesis tests::

    from hypothesis import given, strategies as st
    from scorelang.testing.properties import check_entity

    @given(data=st.data())
    def test_my_policy(data):
        check_entity(policy, data)

The one-scorecard invariants are in ``scorelang.testing.invariants`` (re-exported here); this
module adds the ones that change a drawn fact (monotonicity, ladders) or draw a whole cohort
(ranking). Needs hypothesis (the ``test`` extra).
"""
from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scorelang

from ..cohort import rank
from ..model import nodes as m
from ..runtime.scorecard import Scorecard
from .invariants import (  # noqa: F401
    EVENT_OF_EFFECT,
    HUNDRED,
    INVARIANTS,
    ZERO,
    Facts,
    Invariant,
    all_rules,
    bonus_clauses,
    card_items,
    check_card,
    figures,
    half_up,
    model_items,
    rounded_at,
    rules_by_span,
)
from .strategies import (
    deduction_counts,
    fact_value,
    facts_document_for,
    facts_for,
    with_more,
)


@functools.cache
def counts(policy: scorelang.Policy) -> tuple[str, ...]:
    return deduction_counts(policy)


# ------------------------------------------------------------------ monotonicity
def more_occurrences_never_raise_a_score(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard,
                                        data: st.DataObject) -> None:
    """One more occurrence of a 每…扣 count (drawn) never raises any score."""
    name = data.draw(st.sampled_from(counts(policy)), label="count")
    decl = policy.model.fact(name)
    current = facts.get(name, decl.default if decl.has_default else 0)
    if decl.high is not None and current >= decl.high:
        return
    after = policy.evaluate(entity, with_more(policy, facts, name))
    for task_before, task_after in zip(card.tasks, after.tasks, strict=True):
        for section_before, section_after in zip(task_before.sections, task_after.sections, strict=True):
            for item_before, item_after in zip(section_before.items, section_after.items, strict=True):
                assert item_after.score <= item_before.score, (name, item_before.id)
        assert task_after.score <= task_before.score, (name, task_before.id)
        assert task_after.weighted <= task_before.weighted, (name, task_before.id)
    assert after.total <= card.total, name


# ------------------------------------------------------------------ ladders
@functools.cache
def ladders(policy: scorelang.Policy) -> list[tuple[str, m.Rule, str]]:
    """Every ladder rule as (item id, rule, declared fact name it reads on each occasion)."""
    found: list[tuple[str, m.Rule, str]] = []
    for task in policy.model.tasks:
        for item in task.items:
            for part in item.parts:
                names = dict(part.occasion_facts)
                for rule in part.rules:
                    # a ladder on one fact, unconditional: the value drawn is the value measured
                    # (a number target and a deduction: the steps below are counted against it)
                    if isinstance(rule.body, m.Ladder) and isinstance(rule.body.fact, str) and rule.condition is None \
                            and isinstance(rule.body.target, Decimal) and not rule.body.bonus:
                        found.extend((item.id, rule, name) for name in names.get(rule.body.fact, (rule.body.fact,)))
    return found


def _applicable(task: m.Task, entity: str) -> set[str]:
    weighting = task.weighting_for(entity)
    return set() if weighting is None else {i for p in weighting.parts for i in p.items}


def expected_steps(ladder: m.Ladder, value: Decimal) -> Fraction:
    """每降低5个百分点: the number of steps of shortfall (or, for a ceiling such as 不高于2%
    每增加1个百分点, of excess), counted exactly (Fractions), partial steps as declared."""
    target = ladder.target
    assert isinstance(target, Decimal)  # ladders() picks ladders with a number target
    shortfall = Fraction(target) - Fraction(value)
    if ladder.upward:
        shortfall = -shortfall
    if shortfall <= 0:
        return Fraction(0)
    if ladder.relative:  # percentage points of the target (300 件 → 15 件 per 5 points)
        shortfall = shortfall * 100 / Fraction(target)
    steps = shortfall / Fraction(ladder.step)
    if ladder.partial == "ceil":
        return Fraction(math.ceil(steps))
    if ladder.partial == "floor":
        return Fraction(math.floor(steps))
    return steps


def ladders_deduct_per_step_of_shortfall(policy: scorelang.Policy, facts: Facts, data: st.DataObject) -> None:
    """A ladder (drawn) on a value (drawn: often a whole-step boundary) deducts exactly its
    steps × its amount, counted by exact fractions."""
    item_id, rule, name = data.draw(st.sampled_from(ladders(policy)), label="ladder")
    task = next(t for t in policy.model.tasks if any(i.id == item_id for i in t.items))
    # an item scored only for some entities (1.13 木里县) is checked on one of those
    entity = data.draw(st.sampled_from([e for e in policy.entities
                                        if item_id in _applicable(task, e)]),
                       label="ladder entity")
    ladder, decl = rule.body, policy.model.fact(name)
    assert isinstance(ladder, m.Ladder)
    target = ladder.target
    assert isinstance(target, Decimal)  # ladders() picks ladders with a number target
    width = target * ladder.step / HUNDRED if ladder.relative else ladder.step
    low = decl.low if decl.low is not None else ZERO
    high = decl.high if decl.high is not None else target + 60 * width
    direction = 1 if ladder.upward else -1
    boundaries = [target + direction * k * width for k in range(60)
                  if low <= target + direction * k * width <= high]
    if decl.type == "count":
        boundaries = [b for b in boundaries if b == b.to_integral_value()]
    # a whole-step boundary (where every partial mode agrees), else any valid value
    options = [st.sampled_from([str(b) for b in boundaries])] if boundaries else []
    raw = data.draw(st.one_of(*options, fact_value(decl)), label="ladder value")
    facts = {**facts, name: int(Decimal(raw)) if decl.type == "count" else raw}
    card = policy.evaluate(entity, facts)
    value = Decimal(str(facts[name]))
    steps = expected_steps(ladder, value)
    points = [e.points for e in card.item(item_id).events
              if e.kind == "deduct" and e.rule == rule.text and e.facts and e.facts[0][0] == name]
    if steps == 0:
        assert points == [], (name, value)
        return
    assert len(points) == 1, (name, value, points)
    expected = -steps * Fraction(ladder.amount)
    # exact whenever the true deduction has a finite decimal; within 1e-20 otherwise
    assert abs(Fraction(points[0]) - expected) < Fraction(1, 10**20), (name, value, points[0], expected)



# ------------------------------------------------------------------ ranking
def ranked(cards: Sequence[Scorecard]) -> set[tuple[str, int | None, Decimal]]:
    return {(c.entity, c.rank, c.total) for c in cards}


def unrank(card: Scorecard) -> Scorecard:
    """The scorecard as ``evaluate`` gives it, before the cohort stage."""
    return card.unranked()


def ranking_ignores_the_order_of_entities(policy: scorelang.Policy, data: st.DataObject) -> None:
    """Scoring a facts document (drawn) in any order of entities gives each entity what its
    own evaluation gives, ranked by total (ties share a rank; 直接排名最后一位 comes after all)."""
    # a few facts mappings shared among the entities: ties (并列) are common
    document = data.draw(facts_document_for(policy, distinct=4))
    shuffle = data.draw(st.randoms(use_true_random=False), label="shuffle").shuffle
    shuffled = list(document["entities"].items())
    shuffle(shuffled)
    # the entities in another order than the policy's …
    cards = policy.score_all({"entities": dict(shuffled)})
    # … give what each entity's own evaluation gives (one entity, drawn, per example) …
    entity = data.draw(st.sampled_from(policy.entities), label="evaluated alone")
    alone = policy.evaluate(entity, document["entities"][entity])
    assert unrank(next(c for c in cards if c.entity == entity)) == alone
    # … ranked as the cohort stage ranks those scorecards handed over in any order
    unranked = [unrank(c) for c in cards]
    shuffle(unranked)
    model = policy.model
    assert rank(unranked, policy.entities, model.awards, quotas=model.quotas, grades=model.grades,
                groups=model.groups) == tuple(attrs.evolve(c, outputs=()) for c in cards)
    # ranks are 1, 2, 2, 4 … by total; 直接排名最后一位 (第七条) puts an entity after all
    # the others, whatever its total
    last = {c.entity for c in cards if any(e.kind == "last" for e in c.adjustments)}
    totals = {c.entity: c.total for c in cards if c.entity not in last}
    assert {c.entity for c in cards} == set(policy.entities)
    for card in cards:
        if card.entity in last:
            assert card.rank == len(totals) + 1, card.entity
        else:
            assert card.rank == 1 + sum(1 for t in totals.values() if t > card.total), card.entity
    assert [c.total for c in cards if c.entity not in last] == sorted(totals.values(), reverse=True)
    assert all(c.entity in last for c in cards[len(totals):])



# ------------------------------------------------------------------ cohort values
def cohort_scoring_ignores_the_order(policy: scorelang.Policy, data: st.DataObject) -> None:
    """A policy with cohort values (docs/language.md §9.6): a facts document (drawn) scored in
    any order of entities gives every entity the same scorecard, and scoring it again gives
    the same again; every one-scorecard invariant holds on each entity's card."""
    document = data.draw(facts_document_for(policy, distinct=4))
    shuffle = data.draw(st.randoms(use_true_random=False), label="shuffle").shuffle
    shuffled = list(document["entities"].items())
    shuffle(shuffled)
    cards = {c.entity: c for c in policy.score_all(document)}
    again = {c.entity: c for c in policy.score_all({"entities": dict(shuffled)})}
    assert cards == again
    entity = data.draw(st.sampled_from(policy.entities), label="entity")
    for invariant in INVARIANTS:
        invariant(policy, entity, document["entities"][entity], unrank(cards[entity]))


# ------------------------------------------------------------------ one draw, every property
def check_entity(policy: scorelang.Policy, data: st.DataObject) -> None:
    """One entity and its facts (drawn): every invariant, then monotonicity and a ladder. A
    policy with cohort values scores every entity together: its properties are
    ``cohort_scoring_ignores_the_order`` (monotonicity for one entity does not hold there: one
    more occurrence may move another entity's rank, and so this one's points)."""
    if policy.model.cohort:
        cohort_scoring_ignores_the_order(policy, data)
        return
    entity = data.draw(st.sampled_from(policy.entities), label="entity")
    facts = data.draw(facts_for(policy), label="facts")
    card = policy.evaluate(entity, facts)
    for invariant in INVARIANTS:
        invariant(policy, entity, facts, card)
    if counts(policy):
        more_occurrences_never_raise_a_score(policy, entity, facts, card, data)
    if ladders(policy):
        ladders_deduct_per_step_of_shortfall(policy, facts, data)


def check_cohort(policy: scorelang.Policy, data: st.DataObject) -> None:
    """A facts document for every entity (drawn): ranking ignores the order of entities."""
    if policy.model.cohort:
        cohort_scoring_ignores_the_order(policy, data)
        return
    ranking_ignores_the_order_of_entities(policy, data)


PROPERTIES: dict[str, Callable[[scorelang.Policy, st.DataObject], None]] = {
    "entity": check_entity,
    "cohort": check_cohort,
}


def run_properties(policy: scorelang.Policy, *, max_examples: int = 100) -> list[str]:
    """Run every property on ``max_examples`` drawn examples each; the failures, as text
    (hypothesis's shrunk example and the assertion), empty when every property holds."""
    problems: list[str] = []
    for name, prop in PROPERTIES.items():
        try:
            _examples(policy, prop, max_examples)()
        except AssertionError as error:
            notes = "\n".join(getattr(error, "__notes__", ()))  # hypothesis's shrunk draws
            problems.append(f"性质「{name}」不成立 (property {name} fails): {error or type(error).__name__}"
                            + (f"\n{notes}" if notes else ""))
    return problems


def _examples(policy: scorelang.Policy, prop: Callable[[scorelang.Policy, st.DataObject], None],
              max_examples: int) -> Callable[[], None]:
    @settings(max_examples=max_examples, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        prop(policy, data)
    return run
