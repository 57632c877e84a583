"""What a case file cannot say about the items of task 六 (社会治理) of policies/2017.score.

The score tables (facts → item score, worked by hand from each source sentence) are in
tests/cases/2017/task6.cases.yaml, run by pytest and by `scorelang test` (docs/testing.md);
what stays here checks events, rule texts, parts and invariants a case file does not state.

Each case starts from a "clean" entity (every fact of task 六 at its best value; the facts of
the other tasks at some valid value, built from ``policy.template()``) and changes only the
facts the case is about. The expected score is worked by hand from the source sentence
(source/000_e76fc61a48150f92.txt) in the comment above the case; where the source states a
target but no rule (6.1, 6.2, 6.3, 6.10, 6.11's growth) or leaves a ladder's partial step open
(6.7, 6.8, 6.9) the reading is the one written beside the quote in the .score file.

The source leaves the first item's number unprinted: by its position it is 6.1.

Only task 六's items and task score are asserted: the weights of tasks 二–八 are assumptions
of the policy file, so weighted scores and totals are not this module's business.

While the task is being encoded, point the module at a standalone harness:
``SCORELANG_POLICY=/tmp/tasks/harness_task6.score pytest tests/compile/test_items_2017_task6.py``.
"""
from __future__ import annotations

import pytest
from items_2017 import MISSING, D, ItemsHarness, reads_items

import scorelang

ENTITY = "西昌市"
TASK = "6"

# ---------------------------------------------------------------------------- clean facts

# The best value of every required fact of task 六 that is not "count 0" / "percent 100".
BEST = {
    "刑满释放人员重新犯罪率": "0",            # 6.2 控制在2%以内
    "依托社会企业安置基地数": 1,              # 6.3 1个以上
    "已建医疗卫生纠纷人民调解委员会": True,   # 6.5
    "已建道路交通纠纷人民调解委员会": True,   # 6.5
    "已建婚姻家庭纠纷人民调解组织": True,     # 6.5
    "医疗纠纷人民调解委员会已建专家库": True,  # 6.6
    "专职人民调解员数": 12,                   # 6.10 实现增长
    "上年度专职人民调解员数": 10,
    "已开展公调对接工作": True,               # 6.11
    "派出所人民调解组织数": 5,                # 6.11 实现增长
    "上年度派出所人民调解组织数": 3,
}
# The best value of the task's other required facts, by type.
BEST_BY_TYPE = {"count": 0, "number": "0", "percent": "100", "judgement": "0", "records": []}

# Every item of task 六 and its points: 安置帮教 6.1–6.4 (25), 人民调解 6.5–6.11 (50), 信访维稳 6.12–6.15 (25)
ITEM_POINTS = {
    "6.1": 6, "6.2": 6, "6.3": 7, "6.4": 6,
    "6.5": 10, "6.6": 5, "6.7": 10, "6.8": 5, "6.9": 5, "6.10": 5, "6.11": 10,
    "6.12": 6, "6.13": 6, "6.14": 6, "6.15": 7,
}

# A fact of task 六 is one its items read; the other tasks' facts take a valid value (task 六
# does not read them). Defaulted facts are left out (their default 0 is the best value).
HARNESS = ItemsHarness(tasks=(TASK,), item_points=ITEM_POINTS, best=BEST, best_by_type=BEST_BY_TYPE,
                       entity=ENTITY, is_ours=reads_items(ITEM_POINTS), best_within="policy")
policy, clean, run = HARNESS.fixtures()
check_item = HARNESS.check_item


# ---------------------------------------------------------------------------- the task's shape

def test_task_6_items_and_sections(policy, run):
    card = run()
    task = card.task(TASK)
    assert task.max == 100
    # 安置帮教 6+6+7+6 = 25; 人民调解 10+5+10+5+5+5+10 = 50; 信访维稳 6+6+6+7 = 25
    assert [(s.name, s.max) for s in task.sections] == [("安置帮教", 25), ("人民调解", 50), ("信访维稳", 25)]
    # the first item's number is unprinted in the source: 6.1 by position, never renumbered
    assert [i.id for s in task.sections for i in s.items] == list(ITEM_POINTS)


def test_task_6_leads(policy):
    [task] = [t for t in policy.model.tasks if t.id == TASK]
    assert task.name == "社会治理"
    leads = [(lead.department, lead.contact, lead.phone) for lead in task.leads]
    assert leads == [("基层科", "黄菊华", "2170903"), ("办公室", "熊国祥", "2169152")]


def test_clean_facts_give_full_marks(run):
    card = run()
    for item_id, points in ITEM_POINTS.items():
        item = card.item(item_id)
        assert item.score == D(points), item_id
        assert all(e.points == 0 for e in item.events), item_id
    assert card.task(TASK).score == D("100.00")


def test_clean_facts_cover_the_required_facts(policy, clean):
    template = policy.template()
    required = {f["name"] for f in template["facts"] if f["default"] is None}
    assert set(clean) == required
    mine = [f for f in template["facts"] if set(f["items"]) & set(ITEM_POINTS)]
    assert len(mine) == 24
    assert all(set(f["items"]) <= set(ITEM_POINTS) for f in mine)
    # 6.4's 扣1至6分 is the only defaulted fact (0 = 已实现)
    assert {f["name"] for f in mine if f["default"] is not None} == {"社会力量参与安置帮教扣分"}


# ============================================================================ 安置帮教 (25分)

# 6.3 县市依托社会企业建立安置基地1个以上(7分)
#     the policy's reading: 1个以上 includes 1; none → 不得分
@pytest.mark.parametrize("bases, expected", [
    (0, "0.00"),     # 不得分
    (1, "7.00"),     # 1个 → 7
    (4, "7.00"),     # more: no bonus
])
def test_6_3_placement_bases(run, bases, expected):
    card = run({"依托社会企业安置基地数": bases})
    check_item(card, "6.3", expected)
    assert ("zero" in [e.kind for e in card.item("6.3").events]) == (bases == 0)


@pytest.mark.parametrize("amount", ["0.5", "6.5"])
def test_6_4_out_of_range(run, amount):
    # 扣1至6分: 0.5 is neither 0 nor in [1, 6]; 6.5 is above
    with pytest.raises(scorelang.FactsError):
        run({"社会力量参与安置帮教扣分": amount})


# ============================================================================ 人民调解 (50分)

def test_6_7_floor_event(run):
    # 0% → 20 steps → -20, the floor gives back 10
    events = run({"人民调解员培训率": "0"}).item("6.7").events
    assert [e.kind for e in events] == ["deduct", "floor"]
    assert [e.points for e in events] == [D("-20"), D("10")]


# 6.11 贯彻落实“公调对接”衔接联动工作机制，设在公安派出所的人民调解组织实现增长。
#      未开展此项工作的不得分(10分)
#      the policy's reading: not carried out → 不得分; carried out but no growth → 扣5分
@pytest.mark.parametrize("started, now, last, expected", [
    (True, 5, 3, "10.00"),   # carried out and grown → 10
    (True, 3, 3, "5.00"),    # carried out, no growth → 10 - 5
    (True, 2, 3, "5.00"),    # carried out, fewer → 10 - 5
    (True, 0, 0, "5.00"),    # carried out, none either year → 10 - 5
    (False, 5, 3, "0.00"),   # 未开展此项工作的不得分 (whatever the counts)
    (False, 0, 0, "0.00"),   # 不得分
])
def test_6_11_police_station_mediation(run, started, now, last, expected):
    card = run({"已开展公调对接工作": started, "派出所人民调解组织数": now, "上年度派出所人民调解组织数": last})
    check_item(card, "6.11", expected)
    kinds = [e.kind for e in card.item("6.11").events]
    assert ("zero" in kinds) == (not started)


# ============================================================================ 信访维稳 (25分)

# 6.15 未发生违反工作纪律、侵害信访人合法权益……造成严重后果或较大社会影响的事件，计7分，
#      发生一起扣2分(7分)
@pytest.mark.parametrize("count, expected", [
    (0, "7.00"),
    (1, "5.00"),     # 7 - 2
    (2, "3.00"),     # 7 - 4
    (3, "1.00"),     # 7 - 6
    (4, "0.00"),     # 7 - 8 → 扣完为止 → 0
])
def test_6_15_serious_incidents(run, count, expected):
    card = run({"信访工作严重后果事件起数": count})
    check_item(card, "6.15", expected)
    if count == 4:   # -8, then the floor gives back 1
        assert [e.points for e in card.item("6.15").events] == [D("-8"), D("1")]


# ---------------------------------------------------------------------------- task 六

def test_task_6_sum_of_items(run):
    # 6.1 衔接率 65 → 3; 6.2 重新犯罪率 2.5 → 4; 6.7 培训率 92 → 8 short → 2 steps → 8;
    # 6.9 成功率 96.5 → 4; 6.11 no growth → 5; 6.12 3次 → 4.5
    # sections: 安置帮教 25 - 3 - 2 = 20; 人民调解 50 - 2 - 1 - 5 = 42; 信访维稳 25 - 1.5 = 23.5
    # task: 20 + 42 + 23.5 = 85.50
    card = run({"刑满释放人员衔接率": "65", "刑满释放人员重新犯罪率": "2.5", "人民调解员培训率": "92",
                "纠纷调解成功率": "96.5", "派出所人民调解组织数": 3, "信访数据统计表少报迟报次数": 3})
    task = card.task(TASK)
    assert [s.score for s in task.sections] == [D("20"), D("42"), D("23.5")]
    assert task.score == D("85.50")


def test_task_6_floors_stay_in_their_item(run):
    # 6.13 5件 → 6 - 10 → 0 (the floor keeps the other 4 off 6.12–6.15); 6.7 0% → 0;
    # 6.3 none → 0: 100 - 6 - 10 - 7 = 77.00
    card = run({"上级交办信访案件超期件数": 5, "人民调解员培训率": "0", "依托社会企业安置基地数": 0})
    assert card.item("6.12").score == D("6.00")
    assert card.task(TASK).score == D("77.00")


@pytest.mark.parametrize("overrides", [
    pytest.param({"人民调解员培训率": MISSING}, id="rate-missing"),
    pytest.param({"上年度专职人民调解员数": MISSING}, id="last-year-missing"),
    pytest.param({"已开展公调对接工作": MISSING}, id="flag-missing"),
    pytest.param({"纠纷调解成功率": "101"}, id="percent-above-100"),
    pytest.param({"刑满释放人员重新犯罪率": "-0.5"}, id="percent-below-0"),
    pytest.param({"信访数据统计表少报迟报次数": -1}, id="negative-count"),
    pytest.param({"依托社会企业安置基地数": "1.5"}, id="fractional-count"),
    pytest.param({"已建婚姻家庭纠纷人民调解组织": "也许"}, id="bad-flag"),
])
def test_bad_facts_raise(run, overrides):
    with pytest.raises(scorelang.FactsError):
        run(overrides)
