"""Caps and floors declared by the author hold for every drawn entity, at every level.

Runs every property of scorelang.testing.properties — among them the bound invariants
``rule_caps_hold`` (最多扣/加/得), ``article_caps_hold`` (加分累计最多 / 扣分累计不超过) and
``total_within_its_declared_bounds`` (考评总分 最高 最低) — on tests/policies/bounds.score,
which writes every form of cap and floor on counts with no 至多, so that draws go past them.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import scorelang
from scorelang.model import nodes as m
from scorelang.testing.properties import check_entity

BOUNDS = Path(__file__).resolve().parent / "policies" / "bounds.score"


@pytest.fixture(scope="module")
def policy() -> scorelang.Policy:
    return scorelang.load(BOUNDS)


@given(data=st.data())
def test_every_bound_holds_on_one_drawn_entity(policy, data):
    check_entity(policy, data)


def test_the_bounds_policy_declares_every_form(policy):
    rules = [rule for task in policy.model.tasks for item in task.items for rule in item.rules if rule.cap]
    rules += [rule for article in policy.model.articles for rule in article.rules if rule.cap]
    assert {rule.effect for rule in rules} == {m.Effect.DEDUCT, m.Effect.EARN, m.Effect.BONUS}
    assert any(a.bonus_cap for a in policy.model.articles) and any(a.deduct_cap for a in policy.model.articles)
    bounds = policy.model.total_bounds
    assert bounds is not None and bounds.upper is not None and bounds.lower is not None
