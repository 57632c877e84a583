"""What a case file cannot say about the items of task 三 (司法所规范化建设) of policies/2017.score.

The score tables (facts → item score, worked by hand from each source sentence) are in
tests/cases/2017/task3.cases.yaml, run by pytest and by `scorelang test` (docs/testing.md);
what stays here checks events, rule texts, parts and invariants a case file does not state.

Each case starts from a "clean" entity (every fact at its best value, built from
``policy.template()``) and changes only the facts the case is about. The expected score is
worked by hand from the source sentence (source/000_e76fc61a48150f92.txt) in the comment
above the case. The source leaves 3.4's number unprinted: it is 第4项 by position. 3.10 has
no rule: the policy reads it as a judgement of the lead department (评定 0 至 5 分, no default).

Set SCORELANG_POLICY to score another policy file (e.g. a harness with task 三 only).
Scores are compared as exact Decimals (Decimal("8.50") == Decimal("8.5")).
"""
from __future__ import annotations

import pytest
from items_2017 import MISSING, D, ItemsHarness, half_up

import scorelang

TASK = "3"
ENTITY = "西昌市"

# Every item of task 三 and its points.
ITEM_POINTS = {
    "3.1": 30, "3.2": 10, "3.3": 10, "3.4": 15, "3.5": 5,
    "3.6": 8, "3.7": 5, "3.8": 5, "3.9": 7, "3.10": 5,
}

# The best value of every required fact of task 三 that is not "count 0".
BEST = {
    "未按时申报2018年度司法所投资计划": False,   # 3.3
    "考调公告未报备案": False,                   # 3.7
    "政府购买公益性岗位扣分": "0",               # 3.10 (judgement, no default)
}
BEST_BY_TYPE = {"count": 0}

# The other tasks' facts take a valid value (only task 三's items are asserted); defaulted facts
# are left out (3.7's records default to 无).
HARNESS = ItemsHarness(tasks=(TASK,), item_points=ITEM_POINTS, best=BEST, best_by_type=BEST_BY_TYPE,
                       entity=ENTITY)
policy, clean, run = HARNESS.fixtures()
check_item = HARNESS.check_item


# ---------------------------------------------------------------------------- clean entity

def test_clean_facts_give_full_marks(run):
    card = run()
    task = card.task(TASK)
    ids = [item.id for section in task.sections for item in section.items]
    assert ids == list(ITEM_POINTS)          # 3.4 numbered by position, never renumbered
    for item_id, points in ITEM_POINTS.items():
        item = card.item(item_id)
        assert item.score == D(points)
        assert all(e.points == 0 for e in item.events)
    assert [(s.name, s.max) for s in task.sections] == [("基础建设", 50), ("业务建设", 20), ("队伍建设", 30)]
    assert task.score == D("100.00")
    assert task.max == 100
    assert [lead for lead in task.lead] == ["基层科", "政治部", "办公室"]


# ============================================================================ 基础建设 (50分)

def test_3_1_floor_event(run):
    # 17个 → deduct 34, then the floor gives back 4
    events = run({"未建成规范化司法所数": 17}).item("3.1").events
    assert [e.kind for e in events] == ["deduct", "floor"]
    assert [e.points for e in events] == [D(-34), D(4)]
    assert events[0].rule == "未完成目标任务数的，一个司法所扣2分，扣完为止"


# 3.3 已下达投资计划未落实的，一个扣2分；未按时申报2018年度投资计划的，此项不得分(10分)
@pytest.mark.parametrize("unimplemented, late, expected", [
    (0, False, "10.00"),
    (1, False, "8.00"),      # 10 - 1×2 = 8
    (3, False, "4.00"),      # 10 - 3×2 = 4
    (5, False, "0.00"),      # 10 - 10 = 0
    (6, False, "0.00"),      # 10 - 12 → 0
    (0, True, "0.00"),       # 此项不得分
    (2, True, "0.00"),       # 此项不得分, whatever else
])
def test_3_3_investment(run, unimplemented, late, expected):
    card = run({"未落实投资计划司法所项目数": unimplemented, "未按时申报2018年度司法所投资计划": late})
    check_item(card, "3.3", expected)
    assert ("zero" in [e.kind for e in card.item("3.3").events]) == late


# ============================================================================ 业务建设 (20分)

# ============================================================================ 队伍建设 (30分)

def test_3_7_records_are_judged_3_to_5(run):
    # each error is one record within 3–5 with its own reason; 2 is outside the range
    card = run({"考调备案信息有误扣分": [{"amount": "4", "reason": "职位表专业条件与公告不一致"}]})
    [event] = [e for e in card.item("3.7").events if e.points]
    assert (event.points, event.reason) == (D(-4), "职位表专业条件与公告不一致")
    with pytest.raises(scorelang.FactsError):
        run({"考调备案信息有误扣分": ["2"]})


def test_3_10_judgement_is_required_and_bounded(run):
    # a missing judgement is an error, never a silent full mark; more than 5 is refused
    with pytest.raises(scorelang.FactsError):
        run({"政府购买公益性岗位扣分": MISSING})
    with pytest.raises(scorelang.FactsError):
        run({"政府购买公益性岗位扣分": "6"})


# ---------------------------------------------------------------------------- the task

def test_task_score_is_the_sum_of_its_items(run):
    # 3.1 −4 (2所), 3.4 −2.1 (7所), 3.6 −2.5 (25所), 3.7 −3 (one error judged 3) → 100 − 11.6 = 88.4
    # sections: 基础 50 − 4 = 46; 业务 20 − 2.1 = 17.9; 队伍 30 − 2.5 − 3 = 24.5
    card = run({"未建成规范化司法所数": 2, "业务工作未达规范司法所数": 7, "人员配备未达标司法所数": 25,
                "考调备案信息有误扣分": ["3"]})
    task = card.task(TASK)
    assert [s.score for s in task.sections] == [D("46.00"), D("17.90"), D("24.50")]
    assert task.score == D("88.40")
    assert task.weighted == half_up(task.score * task.weight / 100)
