"""Properties every policy's scorecards must have, checked on facts drawn from the policy itself.

The properties read nothing specific to one policy: they run on policies/2017.score and on
tests/policies/sampler.score (a small policy that writes every rule kind of the language:
每…扣/得/加 and 若…扣/得/加/不得分 with their caps, 扣「评定」 and its records, ladders both ways
and with every partial step, 按…比例得, a points table, award effects, parts, 共N次, a 扣分项,
articles and awards). The invariants and their oracles are scorelang.testing.properties (the
same ones ``scorelang test POLICY --properties`` runs on any policy); what stays here is the
half-up ties of one small policy.

Drawing a whole entity's facts is the expensive part of a property test, so each example
draws ONE entity with its facts and checks every invariant on it (``INVARIANTS``, then
monotonicity and the ladders, which change one fact of the same draw); the cohort
properties draw one facts document per example.
"""
from __future__ import annotations

import os
from decimal import ROUND_HALF_EVEN, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scorelang
from scorelang.testing import properties
from scorelang.testing.properties import HUNDRED, ZERO, check_cohort, check_entity, half_up, ladders, run_properties
from scorelang.testing.strategies import deduction_counts


@pytest.fixture(scope="module", params=["2017", "sampler"])
def policy(request, policy_2017, policy_sampler) -> scorelang.Policy:
    return policy_2017 if request.param == "2017" else policy_sampler


# ------------------------------------------------------------------ every policy's properties
# The invariants themselves live in scorelang.testing.properties (``scorelang test POLICY
# --properties`` runs the same ones on any policy).
@given(data=st.data())
def test_every_invariant_on_one_drawn_entity(policy, data):
    check_entity(policy, data)


def test_both_policies_have_what_the_properties_draw_from(policy):
    # the monotonicity and ladder checks draw from these: they must not be empty
    assert deduction_counts(policy)
    assert ladders(policy)


# each example draws a whole cohort (17 entities of 2017): 10 examples in a plain run, the CI
# profile's count in CI
COHORT = settings(max_examples=10) if os.environ.get("HYPOTHESIS_PROFILE", "dev") == "dev" else settings()


@COHORT
@given(data=st.data())
def test_ranking_ignores_the_order_of_entities(policy, data):
    check_cohort(policy, data)


def test_run_properties_reports_a_broken_invariant(policy_sampler, monkeypatch):
    # a property that cannot hold is reported (not raised), with the property's name
    assert run_properties(policy_sampler, max_examples=5) == []

    def broken(policy, entity, facts, card):
        assert card.total < 0, "total is never negative"
    monkeypatch.setattr(properties, "INVARIANTS", (broken,))
    (problem,) = [p for p in run_properties(policy_sampler, max_examples=5) if "entity" in p]
    assert "total is never negative" in problem


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
