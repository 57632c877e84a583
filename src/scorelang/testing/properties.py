"""Properties every policy's scorecards must have, checked on facts drawn from the policy itself.

The invariants read nothing specific to one policy, so they run on any year's policy: from
``scorelang test POLICY --properties`` (``run_properties``), from pytest (tests/test_properties.py
uses ``check_entity`` and ``check_cohort``), or from an author's own hypothesis tests::

    from hypothesis import given, strategies as st
    from scorelang.testing.properties import check_entity

    @given(data=st.data())
    def test_my_policy(data):
        check_entity(policy, data)

Each one-entity invariant is a function ``(policy, entity, facts, card)`` that raises
AssertionError (they are ``assert`` statements: run them without ``python -O``). The oracles
are written independently of the engine: rounding is ``Decimal.quantize`` with ROUND_HALF_UP,
not ``scorelang.numbers``. Needs hypothesis (the ``test`` extra).
"""
from __future__ import annotations

import functools
import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, Callable, Iterator, Mapping, Sequence

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scorelang

from ..cohort import rank
from ..model import nodes as m
from ..runtime.scorecard import ItemScore, Scorecard
from ..span import Span
from .strategies import deduction_counts, fact_value, facts_document_for, facts_for, with_more

ZERO = Decimal(0)
HUNDRED = Decimal(100)
Facts = Mapping[str, Any]
Invariant = Callable[[scorelang.Policy, str, Facts, Scorecard], None]


# ------------------------------------------------------------------ oracles
def half_up(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def rounded_at(policy: scorelang.Policy, stage: str, value: Decimal) -> Decimal:
    """``value`` rounded half-up when the policy declares rounding at ``stage``."""
    return half_up(value, policy.places) if stage in policy.model.round_at else value


def figures(card: Scorecard) -> Iterator[tuple[str, str, Decimal]]:
    """Every computed figure of a scorecard: (where, rounding stage it belongs to, value).

    Event points are left out: they are the trace of unrounded steps (第二十一条 rounds the
    item, not each deduction inside it).
    """
    for task in card.tasks:
        yield f"task {task.id} score", "task", task.score
        yield f"task {task.id} max", "always", task.max
        yield f"task {task.id} weighted", "weighted", task.weighted
        for section in task.sections:
            yield f"section {section.name} score", "item", section.score
            yield f"section {section.name} max", "always", section.max
            for item in section.items:
                yield f"item {item.id} score", "item", item.score
                yield f"item {item.id} max", "always", item.max
                yield f"item {item.id} bonus", "item", item.bonus
    yield "total", "total", card.total


def card_items(card: Scorecard) -> list[ItemScore]:
    return [item for task in card.tasks for section in task.sections for item in section.items]


# what the checks read of a policy is read once per policy (functools.cache: by identity)
@functools.cache
def model_items(policy: scorelang.Policy) -> dict[str, m.Item]:
    return {item.id: item for task in policy.model.tasks for item in task.items}


@functools.cache
def all_rules(policy: scorelang.Policy) -> tuple[m.Rule, ...]:
    items = tuple(rule for item in model_items(policy).values() for rule in item.rules)
    return items + tuple(rule for article in policy.model.articles for rule in article.rules)


@functools.cache
def counts(policy: scorelang.Policy) -> tuple[str, ...]:
    return deduction_counts(policy)


@functools.cache
def bonus_clauses(policy: scorelang.Policy) -> set[str]:
    """Items and articles whose rules grant a bonus (加) — the only places one may appear."""
    return {rule.clause for rule in all_rules(policy) if rule.bonus}


# ------------------------------------------------------------------ invariants of one scorecard
def items_within_their_bounds(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    for item in card_items(card):
        assert item.bonus >= 0, item
        if item.deduction_only:
            # 扣分项: subtracts up to its points, never adds
            assert -item.max <= item.score <= 0, item
        else:
            assert 0 <= item.score <= item.max + item.bonus, item


def sections_are_the_sum_of_their_items(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    for task in card.tasks:
        for section in task.sections:
            assert section.score == sum((i.score for i in section.items), ZERO), section
            bonus = sum((i.bonus for i in section.items), ZERO)
            assert section.score <= section.max + bonus, section


def task_score_is_floored_rounded_sum_of_sections(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    for task in card.tasks:
        weighting = next(t for t in policy.model.tasks if t.id == task.id).weighting_for(entity)
        items = {i.id: i for s in task.sections for i in s.items}
        assert weighting is not None, task.id  # the card has only the tasks that apply
        assert len(task.parts) == len(weighting.parts), task.id
        for part, declared in zip(task.parts, weighting.parts):
            # each part on a 100-point scale: its items' sum, floored at 0, × 100 / its points
            raw = sum((items[i].score for i in declared.items), ZERO)
            worth = sum((items[i].max for i in declared.items if not items[i].deduction_only), ZERO)
            assert part.score == rounded_at(policy, "task", max(ZERO, raw) * HUNDRED / worth), (task.id, part)
            assert part.weight == declared.percent
        if len(task.parts) == 1:
            assert task.score == task.parts[0].score
        else:
            mean = sum((p.score * p.weight for p in task.parts), ZERO) / task.weight
            assert task.score == rounded_at(policy, "task", mean), task.id
        # 第三条: every task is scored on a 100-point scale
        assert ZERO <= task.score <= task.max <= HUNDRED, task.id


def weighted_is_task_score_times_weight(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    for task in card.tasks:
        for part in task.parts:
            # bonuses (加) beyond the items' points count when weighting
            assert part.weighted == rounded_at(policy, "weighted", (part.score + part.bonus) * part.weight / HUNDRED)
        assert task.weighted == sum((p.weighted for p in task.parts), ZERO), task.id
        assert task.weight == sum((p.weight for p in task.parts), ZERO), task.id
        assert task.bonus == sum((p.bonus for p in task.parts), ZERO), task.id


def total_is_sum_of_weighted(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    weighted = sum((t.weighted for t in card.tasks), ZERO)
    adjustments = sum((e.points for e in card.adjustments), ZERO)
    # 第十四条: the total is never below 0
    assert card.total == rounded_at(policy, "total", max(ZERO, weighted + adjustments))


def figures_are_exact_at_the_declared_places(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    places = policy.places
    for where, stage, value in figures(card):
        assert isinstance(value, Decimal), where
        assert value.is_finite(), where
        if stage == "always" or stage in policy.model.round_at:
            exponent = value.as_tuple().exponent
            assert isinstance(exponent, int) and exponent >= -places, f"{where} = {value} has more than {places} places"


def evaluation_is_deterministic(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    assert policy.evaluate(entity, dict(facts)) == card


def bonuses_only_where_the_text_grants_them(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    allowed = bonus_clauses(policy)
    for item in card_items(card):
        if item.bonus:
            assert item.id in allowed, item.id
        assert all(e.clause in allowed for e in item.events if e.kind == "bonus"), item.id
    for event in card.adjustments:
        if event.points > 0 and event.kind != "floor":  # the total's floor at 0 (第十四条) gives back
            assert event.kind == "bonus" and event.clause in allowed, event


def items_are_what_their_events_add_up_to(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    """Every point of an item is traced: its score is where it starts (its points; 0 for a
    part that earns (得) and for a 扣分项) plus its events — deductions, points earned, 不得分,
    and the caps and floors the evaluator applied —, rounded at 项得分; its bonus is the exact
    sum of its bonus events. Holds for every rule kind, whatever its class."""
    items = model_items(policy)
    for item in card_items(card):
        declared = items[item.id]
        start = ZERO
        for part in declared.parts:
            if not declared.deduction_only and not any(rule.earns for rule in part.rules):
                start += part.points * part.occasions
        traced = start + sum((e.points for e in item.events if e.kind != "bonus"), ZERO)
        assert item.score == rounded_at(policy, "item", traced), (item.id, item.score, traced)
        assert item.bonus == sum((e.points for e in item.events if e.kind == "bonus"), ZERO), item.id


# the event kinds a rule's effect may record, and the sign of their points (-1, 0, 1; None: any)
EVENT_OF_EFFECT = {
    m.Effect.DEDUCT: ({"deduct"}, -1),
    m.Effect.EARN: ({"award"}, 1),
    m.Effect.BONUS: ({"bonus", "note"}, 1),
    m.Effect.ZERO: ({"zero"}, -1),
    m.Effect.RANKING: (set(m.AWARD_CHANGES), 0),
}


@functools.cache
def rules_by_span(policy: scorelang.Policy) -> dict[Span, m.Rule]:
    return {rule.span: rule for rule in all_rules(policy)}


def events_record_what_their_rule_does(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard) -> None:
    """Each rule's events say what its declared effect does: a deduction never adds, points
    earned never subtract, an award effect moves no points."""
    rules = rules_by_span(policy)
    events = [e for item in card_items(card) for e in item.events] + list(card.adjustments)
    for event in events:
        rule = rules.get(event.span) if event.span is not None else None
        if rule is None:
            assert event.kind in ("cap", "floor"), event  # the evaluator's own bounds
            continue
        kinds, sign = EVENT_OF_EFFECT[rule.effect]
        assert event.kind in kinds, (rule.effect, event)
        if sign == 0:
            assert event.points == 0, event
        elif sign is not None:
            assert event.points * sign >= 0, (rule.effect, event)


INVARIANTS = (
    items_within_their_bounds,
    sections_are_the_sum_of_their_items,
    task_score_is_floored_rounded_sum_of_sections,
    weighted_is_task_score_times_weight,
    total_is_sum_of_weighted,
    figures_are_exact_at_the_declared_places,
    evaluation_is_deterministic,
    bonuses_only_where_the_text_grants_them,
    items_are_what_their_events_add_up_to,
    events_record_what_their_rule_does,
)


# ------------------------------------------------------------------ monotonicity
def more_occurrences_never_raise_a_score(policy: scorelang.Policy, entity: str, facts: Facts, card: Scorecard, data: st.DataObject) -> None:
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
                    if isinstance(rule.body, m.Ladder):
                        found.extend((item.id, rule, name) for name in names.get(rule.body.fact, (rule.body.fact,)))
    return found


def _applicable(task: m.Task, entity: str) -> set[str]:
    weighting = task.weighting_for(entity)
    return set() if weighting is None else {i for p in weighting.parts for i in p.items}


def expected_steps(ladder: m.Ladder, value: Decimal) -> Fraction:
    """每降低5个百分点: the number of steps of shortfall (or, for a ceiling such as 不高于2%
    每增加1个百分点, of excess), counted exactly (Fractions), partial steps as declared."""
    shortfall = Fraction(ladder.target) - Fraction(value)
    if ladder.upward:
        shortfall = -shortfall
    if shortfall <= 0:
        return Fraction(0)
    if ladder.relative:  # percentage points of the target (300 件 → 15 件 per 5 points)
        shortfall = shortfall * 100 / Fraction(ladder.target)
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
    width = ladder.target * ladder.step / HUNDRED if ladder.relative else ladder.step
    low = decl.low if decl.low is not None else ZERO
    high = decl.high if decl.high is not None else ladder.target + 60 * width
    direction = 1 if ladder.upward else -1
    boundaries = [ladder.target + direction * k * width for k in range(0, 60)
                  if low <= ladder.target + direction * k * width <= high]
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
    return attrs.evolve(card, rank=None, award=None, task_awards=(), flags=())


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
    assert rank(unranked, policy.entities, policy.model.awards) == cards
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



# ------------------------------------------------------------------ one draw, every property
def check_entity(policy: scorelang.Policy, data: st.DataObject) -> None:
    """One entity and its facts (drawn): every invariant, then monotonicity and a ladder."""
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
