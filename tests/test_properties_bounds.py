"""Caps and floors declared by the author hold for every drawn entity, at every level.

Runs on tests/policies/bounds.score (every form of cap and floor, on counts with no 至多 so
that draws go past them): every invariant of tests/test_properties.py, monotonicity, and the
bound invariants below — a rule's own cap (最多扣/加/得), an article's caps on its bonuses
and deductions (加分累计最多 / 扣分累计不超过), and the total's bounds (考评总分 最高 最低).
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_properties import INVARIANTS, more_occurrences_never_raise_a_score

import scorelang
from scorelang.model import nodes as m
from scorelang.testing.strategies import facts_for

ZERO = Decimal(0)
BOUNDS = Path(__file__).resolve().parent / "policies" / "bounds.score"
BONUS_KINDS = ("bonus", "bonus_cap")


@pytest.fixture(scope="module")
def policy() -> scorelang.Policy:
    return scorelang.load(BOUNDS)


def _capped_rules(policy: scorelang.Policy):
    """(the events' clause, the rule, the occasions it is scored on) of every capped rule."""
    for task in policy.model.tasks:
        for item in task.items:
            for part in item.parts:
                for rule in part.rules:
                    if rule.cap is not None:
                        yield item.id, rule, part.occasions
    for article in policy.model.articles:
        for rule in article.rules:
            if rule.cap is not None:
                yield article.id, rule, 1


def rule_caps_hold(policy, card):
    events = [e for t in card.tasks for s in t.sections for i in s.items for e in i.events] + list(card.adjustments)
    for clause, rule, occasions in _capped_rules(policy):
        assert rule.cap is not None
        mine = [e for e in events if e.clause == clause and e.span in (rule.span, rule.cap.span)]
        limit = rule.cap.points * occasions
        if rule.effect is m.Effect.DEDUCT:
            assert sum((e.points for e in mine), ZERO) >= -limit, (rule.text, mine)
        elif rule.effect is m.Effect.EARN:
            assert sum((e.points for e in mine), ZERO) <= limit, (rule.text, mine)
        else:
            assert sum((e.points for e in mine if e.kind in BONUS_KINDS), ZERO) <= limit, (rule.text, mine)


def article_caps_hold(policy, card):
    for article in policy.model.articles:
        mine = [e for e in card.adjustments if e.clause == article.id]
        if article.bonus_cap is not None:
            added = sum((e.points for e in mine if e.kind in BONUS_KINDS), ZERO)
            assert ZERO <= added <= article.bonus_cap.points, (article.id, mine)
        if article.deduct_cap is not None:
            taken = sum((e.points for e in mine if e.kind in ("deduct", "cap")), ZERO)
            assert -article.deduct_cap.points <= taken <= ZERO, (article.id, mine)


def total_within_its_bounds(policy, card):
    bounds = policy.model.total_bounds
    assert bounds is not None
    if bounds.upper is not None:
        assert card.total <= bounds.upper, card.total
    if bounds.lower is not None:
        assert card.total >= bounds.lower, card.total


@given(data=st.data())
def test_every_bound_holds_on_one_drawn_entity(policy, data):
    entity = data.draw(st.sampled_from(policy.entities), label="entity")
    facts = data.draw(facts_for(policy), label="facts")
    card = policy.evaluate(entity, facts)
    for invariant in INVARIANTS:
        invariant(policy, entity, facts, card)
    more_occurrences_never_raise_a_score(policy, entity, facts, card, data)
    rule_caps_hold(policy, card)
    article_caps_hold(policy, card)
    total_within_its_bounds(policy, card)


def test_the_bounds_policy_declares_every_form(policy):
    rules = [rule for _, rule, _ in _capped_rules(policy)]
    assert {rule.effect for rule in rules} == {m.Effect.DEDUCT, m.Effect.EARN, m.Effect.BONUS}
    assert any(a.bonus_cap for a in policy.model.articles) and any(a.deduct_cap for a in policy.model.articles)
    bounds = policy.model.total_bounds
    assert bounds is not None and bounds.upper is not None and bounds.lower is not None
