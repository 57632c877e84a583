"""Stage 4: ranks, award tiers, single-task awards and the committee's flags (第十五至十八条)."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from scorelang.cohort import rank
from scorelang.model.nodes import AwardRules, Tier
from scorelang.runtime.decision import Decision, PendingPlaces
from scorelang.runtime.scorecard import Event, Scorecard, TaskScore
from scorelang.span import Span

HERE = Span.unknown("test")
AWARDS = AwardRules((Tier("一等奖", 1, 2, span=HERE), Tier("二等奖", 3, 4, span=HERE), Tier("三等奖", 5, 6, span=HERE)),
                    2, "上年度排名最后一位", span=HERE)
TIERS_TO_5 = AwardRules((Tier("一等奖", 1, 2, span=HERE), Tier("二等奖", 3, 4, span=HERE), Tier("三等奖", 5, 5, span=HERE)),
                        None, None, span=HERE)
ORDER = ("甲", "乙", "丙", "丁", "戊", "己")


def card(entity, total, task_score=None, effects=(), previous_last=None):
    task_score = D(task_score if task_score is not None else total)
    task = TaskScore("1", "任务", ("科",), task_score, D(100), D(100), task_score, ())
    adjustments = tuple(Event("第七条", f"{kind}的规则", kind, (), D(0)) for kind in effects)
    return Scorecard(entity, D(total), (task,), adjustments, previous_last=previous_last)


def by_entity(cards):
    return {c.entity: c for c in cards}


def test_competition_ranks_and_tiers():
    cards = rank([card(e, t) for e, t in zip(ORDER, ["90", "80", "80", "70", "60", "50"], strict=True)], ORDER, AWARDS)
    assert [(c.entity, c.rank, c.award) for c in cards] == [
        ("甲", 1, "一等奖"), ("乙", 2, None), ("丙", 2, None),  # tied across 一等奖/二等奖: pending
        ("丁", 4, "二等奖"), ("戊", 5, "三等奖"), ("己", 6, "三等奖")]


def test_a_tie_across_a_tier_boundary_is_pending_not_broken():
    # 乙 and 丙 share rank 2 and occupy places 2–3: across 一等奖 (1–2) and 二等奖 (3–4)
    cards = by_entity(rank([card(e, t) for e, t in zip(ORDER, ["90", "80", "80", "70", "60", "50"], strict=True)], ORDER, AWARDS))
    for name in ("乙", "丙"):
        assert any("并列第2名" in f and "一等奖与二等奖" in f and "待认定" in f for f in cards[name].flags)
        assert cards[name].award is None  # no provisional value
        assert cards[name].award_decision == Decision.pending(("一等奖", "二等奖"))
        assert cards[name].award_status == "pending"
    assert cards["甲"].award_decision == Decision.decided("一等奖") and cards["甲"].award_status == "decided"
    assert cards["丁"].award_decision == Decision.decided("二等奖")


def test_a_tie_across_the_last_tiers_edge_has_no_award_as_a_candidate():
    # 戊 and 己 tie at 5th: places 5–6, 三等奖 (5) and none (6)
    cards = by_entity(rank([card(e, t) for e, t in zip(ORDER, ["90", "80", "75", "70", "60", "60"], strict=True)],
                           ORDER, TIERS_TO_5))
    assert cards["戊"].award_decision == Decision.pending(("三等奖", "不评奖"))


def test_a_demoted_pending_award_moves_each_candidate_down():
    cards = by_entity(rank([card("乙", "80", effects=("demote",))] + [
        card(e, t) for e, t in zip(("甲", "丙", "丁", "戊", "己"), ["90", "80", "70", "60", "50"], strict=True)],
        ORDER, AWARDS))
    assert cards["乙"].award_decision == Decision.pending(("二等奖", "三等奖"))
    assert cards["丙"].award_decision == Decision.pending(("一等奖", "二等奖"))
    assert any("一等奖或二等奖→二等奖或三等奖" in f for f in cards["乙"].flags)
    assert not any("并列" in f and "名次界限" in f for f in cards["甲"].flags)


def test_a_tie_inside_a_tier_is_not_flagged():
    cards = by_entity(rank([card(e, t) for e, t in zip(ORDER, ["90", "90", "70", "65", "60", "50"], strict=True)], ORDER, AWARDS))
    assert cards["甲"].rank == cards["乙"].rank == 1
    assert not any("名次界限" in f for f in cards["甲"].flags + cards["乙"].flags)


def test_demotion_moves_the_award_down_one_tier_with_a_flag():
    cards = by_entity(rank([card("甲", "90", effects=("demote",))] + [
        card(e, t) for e, t in zip(ORDER[1:], ["80", "75", "70", "60", "50"], strict=True)], ORDER, AWARDS))
    assert cards["甲"].rank == 1 and cards["甲"].award == "二等奖"
    assert any("一等奖→二等奖" in f for f in cards["甲"].flags)
    bottom = by_entity(rank([card("己", "10", effects=("demote",))] + [
        card(e, t) for e, t in zip(ORDER[:5], ["90", "80", "75", "70", "60"], strict=True)], ORDER, AWARDS))
    assert bottom["己"].award is None


def test_forced_last_goes_after_everyone():
    cards = rank([card("甲", "99", effects=("last",))] + [
        card(e, t) for e, t in zip(ORDER[1:], ["80", "75", "70", "60", "50"], strict=True)], ORDER, AWARDS)
    assert cards[-1].entity == "甲" and cards[-1].rank == 6 and cards[-1].award == "三等奖"
    assert cards[0].entity == "乙" and cards[0].rank == 1
    assert any("直接排名最后一位" in f for f in cards[-1].flags)


def test_single_awards_and_a_tie_at_the_boundary():
    scores = ["95", "90", "90", "70", "60", "50"]
    cards = by_entity(rank([card(e, "50", task_score=s) for e, s in zip(ORDER, scores, strict=True)], ORDER, AWARDS))
    assert cards["甲"].task_awards == ("1",)
    # top 2, but 乙 and 丙 tie for 2nd: neither decided, both pending for the one place left
    assert cards["乙"].task_awards == () and cards["丙"].task_awards == ()
    assert cards["乙"].pending_task_awards == (PendingPlaces("1", 1, ("乙", "丙")),)
    assert any("单项奖" in f and "并列第2名" in f and "待认定" in f for f in cards["乙"].flags)
    assert cards["丁"].task_awards == ()


def test_last_two_years_running_is_flagged():
    cards = by_entity(rank([card(e, t, previous_last=(e == "己")) for e, t in zip(ORDER, ["90", "80", "75", "70", "60", "50"], strict=True)],
                           ORDER, AWARDS))
    assert any("连续两年排名最后一位" in f for f in cards["己"].flags)
    assert not any("连续两年排名最后一位" in f for f in cards["甲"].flags)


@pytest.mark.parametrize("shift", range(6))
def test_ranking_does_not_depend_on_input_order(shift):
    totals = ["90", "80", "80", "70", "60", "50"]
    cards = [card(e, t) for e, t in zip(ORDER, totals, strict=True)]
    rotated = cards[shift:] + cards[:shift]
    assert rank(rotated, ORDER, AWARDS) == rank(cards, ORDER, AWARDS)


def test_without_award_rules_only_ranks():
    cards = rank([card("甲", "1"), card("乙", "2")], ("甲", "乙"))
    assert [(c.entity, c.rank, c.award) for c in cards] == [("乙", 1, None), ("甲", 2, None)]
