"""Properties every policy's scorecards must have, checked on facts drawn from the policy itself.

The properties read nothing specific to one policy: they run on policies/2017.score and on
tests/policies/sampler.score (a small policy that writes every rule kind of the language:
每…扣/得/加 and 若…扣/得/加/不得分 with their caps, 扣「评定」 and its records, ladders both ways
and with every partial step, 按…比例得, a points table, award effects, parts, 共N次, a 扣分项,
articles and awards). The oracles here are written independently of the engine: rounding
is ``Decimal.quantize`` with ROUND_HALF_UP, not ``scorelang.numbers``.

Drawing a whole entity's facts is the expensive part of a property test, so each example
draws ONE entity with its facts and checks every invariant on it (``INVARIANTS``, then
monotonicity and the ladders, which change one fact of the same draw); the cohort
properties draw one facts document per example.
"""
from __future__ import annotations

import functools
import math
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Iterator

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import scorelang
from scorelang.cohort import rank
from scorelang.model import nodes as m
from scorelang.testing.strategies import deduction_counts, fact_value, facts_document_for, facts_for, with_more

ZERO = Decimal(0)
HUNDRED = Decimal(100)


@pytest.fixture(scope="module", params=["2017", "sampler"])
def policy(request, policy_2017, policy_sampler) -> scorelang.Policy:
    return policy_2017 if request.param == "2017" else policy_sampler


# ------------------------------------------------------------------ oracles
def half_up(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def rounded_at(policy: scorelang.Policy, stage: str, value: Decimal) -> Decimal:
    """``value`` rounded half-up when the policy declares rounding at ``stage``."""
    return half_up(value, policy.places) if stage in policy.model.round_at else value


def figures(card: scorelang.Scorecard) -> Iterator[tuple[str, str, Decimal]]:
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


def card_items(card: scorelang.Scorecard):
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
def items_within_their_bounds(policy, entity, facts, card):
    for item in card_items(card):
        assert item.bonus >= 0, item
        if item.deduction_only:
            # 扣分项: subtracts up to its points, never adds
            assert -item.max <= item.score <= 0, item
        else:
            assert 0 <= item.score <= item.max + item.bonus, item


def sections_are_the_sum_of_their_items(policy, entity, facts, card):
    for task in card.tasks:
        for section in task.sections:
            assert section.score == sum((i.score for i in section.items), ZERO), section
            bonus = sum((i.bonus for i in section.items), ZERO)
            assert section.score <= section.max + bonus, section


def task_score_is_floored_rounded_sum_of_sections(policy, entity, facts, card):
    for task in card.tasks:
        weighting = next(t for t in policy.model.tasks if t.id == task.id).weighting_for(entity)
        items = {i.id: i for s in task.sections for i in s.items}
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


def weighted_is_task_score_times_weight(policy, entity, facts, card):
    for task in card.tasks:
        for part in task.parts:
            # bonuses (加) beyond the items' points count when weighting
            assert part.weighted == rounded_at(policy, "weighted", (part.score + part.bonus) * part.weight / HUNDRED)
        assert task.weighted == sum((p.weighted for p in task.parts), ZERO), task.id
        assert task.weight == sum((p.weight for p in task.parts), ZERO), task.id
        assert task.bonus == sum((p.bonus for p in task.parts), ZERO), task.id


def total_is_sum_of_weighted(policy, entity, facts, card):
    weighted = sum((t.weighted for t in card.tasks), ZERO)
    adjustments = sum((e.points for e in card.adjustments), ZERO)
    # 第十四条: the total is never below 0
    assert card.total == rounded_at(policy, "total", max(ZERO, weighted + adjustments))


def figures_are_exact_at_the_declared_places(policy, entity, facts, card):
    places = policy.places
    for where, stage, value in figures(card):
        assert isinstance(value, Decimal), where
        assert value.is_finite(), where
        if stage == "always" or stage in policy.model.round_at:
            assert value.as_tuple().exponent >= -places, f"{where} = {value} has more than {places} places"


def evaluation_is_deterministic(policy, entity, facts, card):
    assert policy.evaluate(entity, dict(facts)) == card


def bonuses_only_where_the_text_grants_them(policy, entity, facts, card):
    allowed = bonus_clauses(policy)
    for item in card_items(card):
        if item.bonus:
            assert item.id in allowed, item.id
        assert all(e.clause in allowed for e in item.events if e.kind == "bonus"), item.id
    for event in card.adjustments:
        if event.points > 0 and event.kind != "floor":  # the total's floor at 0 (第十四条) gives back
            assert event.kind == "bonus" and event.clause in allowed, event


def items_are_what_their_events_add_up_to(policy, entity, facts, card):
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
def rules_by_span(policy: scorelang.Policy) -> dict:
    return {rule.span: rule for rule in all_rules(policy)}


def events_record_what_their_rule_does(policy, entity, facts, card):
    """Each rule's events say what its declared effect does: a deduction never adds, points
    earned never subtract, an award effect moves no points."""
    rules = rules_by_span(policy)
    events = [e for item in card_items(card) for e in item.events] + list(card.adjustments)
    for event in events:
        rule = rules.get(event.span)
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
def more_occurrences_never_raise_a_score(policy, entity, facts, card, data):
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
def ladders(policy: scorelang.Policy) -> list[tuple[str, object, str]]:
    """Every ladder rule as (item id, rule, declared fact name it reads on each occasion)."""
    found = []
    for task in policy.model.tasks:
        for item in task.items:
            for part in item.parts:
                names = dict(part.occasion_facts)
                for rule in part.rules:
                    # a ladder on one fact, unconditional: the value drawn is the value measured
                    if isinstance(rule.body, m.Ladder) and isinstance(rule.body.fact, str) and rule.condition is None:
                        found.extend((item.id, rule, name) for name in names.get(rule.body.fact, (rule.body.fact,)))
    return found


def expected_steps(ladder, value: Decimal) -> Fraction:
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


def ladders_deduct_per_step_of_shortfall(policy, facts, data):
    """A ladder (drawn) on a value (drawn: often a whole-step boundary) deducts exactly its
    steps × its amount, counted by exact fractions."""
    item_id, rule, name = data.draw(st.sampled_from(ladders(policy)), label="ladder")
    task = next(t for t in policy.model.tasks if any(i.id == item_id for i in t.items))
    # an item scored only for some entities (1.13 木里县) is checked on one of those
    entity = data.draw(st.sampled_from([e for e in policy.entities
                                        if item_id in {i for p in task.weighting_for(e).parts for i in p.items}]),
                       label="ladder entity")
    ladder, decl = rule.body, policy.model.fact(name)
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


# ------------------------------------------------------------------ one draw, every property
@given(data=st.data())
def test_every_invariant_on_one_drawn_entity(policy, data):
    entity = data.draw(st.sampled_from(policy.entities), label="entity")
    facts = data.draw(facts_for(policy), label="facts")
    card = policy.evaluate(entity, facts)
    for invariant in INVARIANTS:
        invariant(policy, entity, facts, card)
    more_occurrences_never_raise_a_score(policy, entity, facts, card, data)
    ladders_deduct_per_step_of_shortfall(policy, facts, data)


def test_both_policies_have_what_the_properties_draw_from(policy):
    # the monotonicity and ladder checks above draw from these: they must not be empty
    assert deduction_counts(policy)
    assert ladders(policy)


# ------------------------------------------------------------------ ranking
def ranked(cards) -> set[tuple[str, int, Decimal]]:
    return {(c.entity, c.rank, c.total) for c in cards}


def unrank(card: scorelang.Scorecard) -> scorelang.Scorecard:
    """The scorecard as ``evaluate`` gives it, before the cohort stage."""
    return attrs.evolve(card, rank=None, award=None, task_awards=(), flags=())


@given(data=st.data())
def test_ranking_ignores_the_order_of_entities(policy, data):
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


# ------------------------------------------------------------------ half-up ties (第二十一条)
TIES = """
考评办法 "t" { 保留 2 位小数 四舍五入 于 项得分 任务得分 加权得分 总分 }
对象 「x」 { 「甲」 「乙」 }
计入总分权重 { 目标任务一 15% 目标任务二 25% 目标任务三 60% }
目标任务 一 "a" {
  牵头 「科」
  事实 { 「扣减」 评定 0 至 100 分 默认 0 }
  部分 "p" 100分 { 第1项 "i" 100分 { 扣「扣减」 } }
}
目标任务 二 "b" {
  牵头 「科」
  事实 { 「扣减二」 评定 0 至 100 分 默认 0 }
  部分 "p" 100分 { 第1项 "i" 100分 { 扣「扣减二」 } }
}
目标任务 三 "c" {
  牵头 「科」
  事实 { 「扣减三」 评定 0 至 100 分 默认 0 }
  部分 "p" 100分 { 第1项 "i" 100分 { 扣「扣减三」 } }
}
"""


@pytest.fixture(scope="module")
def ties() -> scorelang.Policy:
    return scorelang.loads(TIES, "ties.score")


@pytest.mark.parametrize(("facts", "where", "exact", "expected"), [
    # task 95.50 at 15% → 14.325 → 14.33 (banker's rounding would give 14.32)
    ({"扣减": "4.50"}, "weighted 1", "14.325", "14.33"),
    # task 0.50 at 25% → 0.125 → 0.13 (banker's: 0.12)
    ({"扣减二": "99.50"}, "weighted 2", "0.125", "0.13"),
    # item 100 − 4.515 = 95.485 → 95.49 (banker's: 95.48)
    ({"扣减": "4.515"}, "item 1.1", "95.485", "95.49"),
])
def test_ties_round_half_up_not_to_even(ties, facts, where, exact, expected):
    card = ties.evaluate("甲", facts)
    kind, ident = where.split()
    value = card.item(ident).score if kind == "item" else card.task(ident).weighted
    assert Decimal(exact).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN) != Decimal(expected)
    assert value == Decimal(expected)
    assert str(value) == expected


def test_ties_reach_the_total(ties):
    card = ties.evaluate("甲", {"扣减": "4.50", "扣减二": "99.50"})
    assert [t.weighted for t in card.tasks] == [Decimal("14.33"), Decimal("0.13"), Decimal("60.00")]
    assert card.total == Decimal("74.46")


@given(st.integers(0, 10000), st.integers(0, 10000))
def test_weighting_rounds_half_up_for_any_amount(ties, first, second):
    facts = {"扣减": str(Decimal(first).scaleb(-2)), "扣减二": str(Decimal(second).scaleb(-2))}
    card = ties.evaluate("乙", facts)
    for task, cents in zip(card.tasks, (first, second, 0), strict=True):
        score = HUNDRED - Decimal(cents).scaleb(-2)
        assert task.score == score
        assert task.weighted == half_up(score * task.weight / HUNDRED, 2)
    assert card.total == sum((t.weighted for t in card.tasks), ZERO)
