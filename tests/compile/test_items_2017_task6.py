"""Regression tests for every item of task 六 (社会治理) of policies/2017.score.

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

# 6.1 刑满释放人员衔接率达到70%以上，重点帮教对象接送率达到80%以上(6分)
#     the policy's reading: each unmet target takes half the item (扣3分); 以上 includes the target
@pytest.mark.parametrize("link, escort, expected", [
    ("100", "100", "6.00"),
    ("70", "80", "6.00"),      # exactly at both targets → 6
    ("69.9", "80", "3.00"),    # 衔接率 below 70 → 6 - 3 = 3
    ("70", "79.9", "3.00"),    # 接送率 below 80 → 6 - 3 = 3
    ("10", "100", "3.00"),     # far below: still one share → 3
    ("69", "79", "0.00"),      # both missed → 6 - 3 - 3 = 0
])
def test_6_1_link_and_escort_rates(run, link, escort, expected):
    check_item(run({"刑满释放人员衔接率": link, "重点帮教对象接送率": escort}), "6.1", expected)


# 6.2 刑满释放人员安置率达到90%以上，帮教率达到95%以上，重新犯罪率控制在2%以内(6分)
#     the policy's reading: each unmet target takes a third of the item (扣2分); 以上/以内 include
#     the target (重新犯罪率 2% exactly is 以内)
@pytest.mark.parametrize("placed, helped, reoffend, expected", [
    ("100", "100", "0", "6.00"),
    ("90", "95", "2", "6.00"),       # exactly at all three → 6
    ("89.9", "95", "2", "4.00"),     # 安置率 < 90 → 6 - 2
    ("90", "94.5", "2", "4.00"),     # 帮教率 < 95 → 6 - 2
    ("90", "95", "2.1", "4.00"),     # 重新犯罪率 > 2 → 6 - 2
    ("90", "95", "15", "4.00"),      # far above: still one share
    ("80", "90", "1", "2.00"),       # two missed → 6 - 2 - 2 = 2
    ("80", "90", "3", "0.00"),       # all three missed → 6 - 6 = 0
])
def test_6_2_placement_help_reoffending(run, placed, helped, reoffend, expected):
    card = run({"刑满释放人员安置率": placed, "刑满释放人员帮教率": helped, "刑满释放人员重新犯罪率": reoffend})
    check_item(card, "6.2", expected)


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


# 6.4 政府购买公共服务、公益岗位，积极推动社会组织、社会志愿者参与安置帮教工作。未实现的扣1至6分(6分)
@pytest.mark.parametrize("amount, expected", [
    (MISSING, "6.00"),   # 默认 0: 已实现
    ("0", "6.00"),
    ("1", "5.00"),       # 6 - 1
    ("3.5", "2.50"),     # 6 - 3.5
    ("6", "0.00"),       # 6 - 6
])
def test_6_4_social_forces_judged(run, amount, expected):
    check_item(run({"社会力量参与安置帮教扣分": amount}), "6.4", expected)


@pytest.mark.parametrize("amount", ["0.5", "6.5"])
def test_6_4_out_of_range(run, amount):
    # 扣1至6分: 0.5 is neither 0 nor in [1, 6]; 6.5 is above
    with pytest.raises(scorelang.FactsError):
        run({"社会力量参与安置帮教扣分": amount})


# ============================================================================ 人民调解 (50分)

# 6.5 建立县级行政区域医疗卫生、道路交通纠纷人民调解委员会。未建立的，扣5分；
#     建立婚姻家庭纠纷人民调解组织。未建立的，扣5分。(10分)
#     the policy's reading: the first 扣5分 is once for the two committees together
@pytest.mark.parametrize("medical, traffic, family, expected", [
    (True, True, True, "10.00"),
    (False, True, True, "5.00"),     # 医疗 missing → 10 - 5
    (True, False, True, "5.00"),     # 交通 missing → 10 - 5
    (False, False, True, "5.00"),    # both committees missing → still one 扣5分 → 5
    (True, True, False, "5.00"),     # 婚姻家庭 missing → 10 - 5
    (False, True, False, "0.00"),    # 10 - 5 - 5 = 0
    (False, False, False, "0.00"),   # 10 - 5 - 5 = 0
])
def test_6_5_mediation_committees(run, medical, traffic, family, expected):
    card = run({"已建医疗卫生纠纷人民调解委员会": medical, "已建道路交通纠纷人民调解委员会": traffic,
                "已建婚姻家庭纠纷人民调解组织": family})
    check_item(card, "6.5", expected)


# 6.6 县级医疗卫生纠纷人民调解委员会建立专家库，未建立的扣5分(5分)
@pytest.mark.parametrize("experts, expected", [
    (True, "5.00"),
    (False, "0.00"),   # 5 - 5
])
def test_6_6_expert_pool(run, experts, expected):
    check_item(run({"医疗纠纷人民调解委员会已建专家库": experts}), "6.6", expected)


# 6.7 人民调解员培训率100%。每降低5%扣1分(10分)
#     the policy's reading: 5% = 5 percentage points; a partial step counts as a whole one
@pytest.mark.parametrize("rate, expected", [
    ("100", "10.00"),
    ("99.9", "9.00"),    # 0.1 short → 1 step (partial counts) → 10 - 1
    ("97", "9.00"),      # 3 short → 1 step
    ("95", "9.00"),      # 5 short → exactly 1 step
    ("94.9", "8.00"),    # 5.1 short → 2 steps → 10 - 2
    ("90", "8.00"),      # 10 short → 2 steps
    ("72.5", "4.00"),    # 27.5 short → 6 steps → 10 - 6
    ("50", "0.00"),      # 50 short → 10 steps → 0
    ("45.5", "0.00"),    # 54.5 short → 11 steps → 10 - 11 → 扣完为止 → 0
    ("0", "0.00"),       # 20 steps → 0
])
def test_6_7_mediator_training_ladder(run, rate, expected):
    check_item(run({"人民调解员培训率": rate}), "6.7", expected)


def test_6_7_floor_event(run):
    # 0% → 20 steps → -20, the floor gives back 10
    events = run({"人民调解员培训率": "0"}).item("6.7").events
    assert [e.kind for e in events] == ["deduct", "floor"]
    assert [e.points for e in events] == [D("-20"), D("10")]


# 6.8 小纠纷“随手调”和疑难复杂纠纷“三三调解”制度建立率100%，每降低5%扣1分(5分)
#     the policy's reading: one ladder per system; 5% = 5 points; a partial step counts as one
@pytest.mark.parametrize("casual, three, expected", [
    ("100", "100", "5.00"),
    ("98", "100", "4.00"),    # 2 short → 1 step → 5 - 1
    ("100", "95", "4.00"),    # 5 short → 1 step
    ("90", "100", "3.00"),    # 10 short → 2 steps → 5 - 2
    ("94", "96", "2.00"),     # 6 → 2 steps, 4 → 1 step → 5 - 3 = 2
    ("85", "90", "0.00"),     # 3 steps + 2 steps → 5 - 5 = 0
    ("80", "80", "0.00"),     # 4 + 4 = 8 steps → 5 - 8 → 扣完为止 → 0
])
def test_6_8_system_rates(run, casual, three, expected):
    check_item(run({"随手调制度建立率": casual, "三三调解制度建立率": three}), "6.8", expected)


# 6.9 纠纷调解成功率达97%以上得5分，每降低1%扣1分(5分)
#     the policy's reading: 1% = 1 percentage point; a partial step counts as one
@pytest.mark.parametrize("rate, expected", [
    ("100", "5.00"),
    ("97", "5.00"),      # at the target
    ("96.5", "4.00"),    # 0.5 short → 1 step → 5 - 1
    ("96", "4.00"),      # 1 short → 1 step
    ("95.9", "3.00"),    # 1.1 short → 2 steps → 5 - 2
    ("93", "1.00"),      # 4 short → 4 steps → 5 - 4
    ("92", "0.00"),      # 5 steps → 0
    ("80", "0.00"),      # 17 steps → 扣完为止 → 0
])
def test_6_9_mediation_success_rate(run, rate, expected):
    check_item(run({"纠纷调解成功率": rate}), "6.9", expected)


# 6.10 行业性、专业性人民调解委员会调解员队伍发展壮大，专职人民调解员数量实现增长(5分)
#      the policy's reading: not more than last year → 不得分
@pytest.mark.parametrize("now, last, expected", [
    (11, 10, "5.00"),   # grown by 1 → 5
    (10, 10, "0.00"),   # 持平: no growth → 0
    (8, 10, "0.00"),    # fewer → 0
    (0, 0, "0.00"),     # none either year → no growth → 0
    (1, 0, "5.00"),     # from none to one → 5
])
def test_6_10_full_time_mediators_grow(run, now, last, expected):
    check_item(run({"专职人民调解员数": now, "上年度专职人民调解员数": last}), "6.10", expected)


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

# 6.12 每月3日前按规定报送上月《县(市)司法局信访数据统计表》，计6分，每少报或迟报一次扣0.5分(6分)
@pytest.mark.parametrize("count, expected", [
    (0, "6.00"),
    (1, "5.50"),     # 6 - 0.5
    (3, "4.50"),     # 6 - 3×0.5 = 4.5
    (11, "0.50"),    # 6 - 5.5
    (12, "0.00"),    # 6 - 12×0.5 = 0 (every month)
    (13, "0.00"),    # 6 - 6.5 → 扣完为止 → 0
])
def test_6_12_petition_statistics(run, count, expected):
    check_item(run({"信访数据统计表少报迟报次数": count}), "6.12", expected)


# 6.13 ……认真调查办理上级交办的信访案件，计6分，未在规定时限内办结，每件扣2分(6分)
@pytest.mark.parametrize("count, expected", [
    (0, "6.00"),
    (1, "4.00"),     # 6 - 2
    (2, "2.00"),     # 6 - 4
    (3, "0.00"),     # 6 - 6
    (4, "0.00"),     # 6 - 8 → 扣完为止 → 0
])
def test_6_13_overdue_cases(run, count, expected):
    check_item(run({"上级交办信访案件超期件数": count}), "6.13", expected)


# 6.14 ……未发生影响重大的进京赴省到州非正常上访和恶性上访事件，计6分，发生一起扣2分(6分)
@pytest.mark.parametrize("count, expected", [
    (0, "6.00"),
    (1, "4.00"),     # 6 - 2
    (3, "0.00"),     # 6 - 6
    (5, "0.00"),     # 6 - 10 → 0
])
def test_6_14_abnormal_petitions(run, count, expected):
    check_item(run({"非正常上访和恶性上访起数": count}), "6.14", expected)


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
