"""Regression tests for every item of task 七 (班子队伍及党风廉政建设) of policies/2017.score.

Each case starts from a "clean" entity (every required fact at its best value, built from
``policy.template()``) and changes only the facts the case is about. The expected score is
worked by hand from the source sentence (source/000_e76fc61a48150f92.txt, 附件 目标任务七) in
the comment above the case; where the source is silent or ambiguous the reading is the one
written (# 解读：…) in the .score file: 7.1/7.2 partial steps count as one, 7.4 and 7.9 are
scored in two parts, 7.5 and 7.10 treat their two situations as exclusive, 7.17–7.25 are
judged by the lead department in 0–5, 7.26 splits its 5 points 2.5/2.5 between the two counts.

Bonuses (加…分: 7.11, 7.13, 7.14, 7.15) go to ``ItemScore.bonus``, never to the item's score,
and are not capped by the item's points. The clean entity has no bonus (等次 "合格").

The policy file is ``policies/2017.score``; set SCORELANG_POLICY to check another file (the
harness of task 七 while it is being written). Scores are exact Decimals.
"""
from __future__ import annotations

import pytest
from items_2017 import BONUS, EVENT_KINDS, MISSING, D, ItemsHarness

import scorelang

ENTITY = "西昌市"
TASK = "7"

# ---------------------------------------------------------------------------- clean facts

# The best value of every required fact of task 七 that is not "count 0" / "percent 100" /
# "judgement 0". The choices of 7.11/7.14/7.15 are at "合格" (full points, no bonus).
BEST = {
    "政法专项编制空编率": "0",                     # 7.1 (percent 100 would be the worst)
    "基层司法所编制占比": "100",                   # 7.2
    "编制使用情况表未上报": False,                 # 7.3
    "教育培训计划制定情况": "已制定且详实",         # 7.4
    "已开展教育培训": True,                        # 7.4
    "司法考试鼓励政策情况": "已制定并落实",         # 7.5
    "培训表彰数据未上报": False,                   # 7.10
    "地方年终考评等次": "合格",                    # 7.11
    "地方年终考评四好班子": False,                 # 7.11
    "轮岗交流受点名表扬": False,                   # 7.13
    "班子思想政治建设考核等次": "合格",             # 7.14
    "党建工作考核等次": "合格",                    # 7.15
    "未认真落实从严治党主体责任": False,            # 7.16
    "巡视问题整改不力": False,                     # 7.16
    "党风廉政信息篇数": 10,                        # 7.26 不少于10篇
    "党风廉政调研文章篇数": 1,                     # 7.26 不少于1篇
}
BEST_BY_TYPE = {"count": 0, "percent": "100", "judgement": "0"}

ITEM_POINTS = {
    "7.1": 6, "7.2": 4, "7.3": 4, "7.4": 4, "7.5": 2, "7.6": 2, "7.7": 2, "7.8": 4, "7.9": 2,
    "7.10": 2, "7.11": 2, "7.12": 2, "7.13": 4, "7.14": 3, "7.15": 3, "7.16": 4,
    **{f"7.{i}": 5 for i in range(17, 27)},
}

# Facts of other tasks (the final policy holds all eight) take any valid value; defaulted facts
# are left out (their defaults are already the best value). Bonus events may occur.
HARNESS = ItemsHarness(tasks=(TASK,), item_points=ITEM_POINTS, best=BEST, best_by_type=BEST_BY_TYPE,
                       entity=ENTITY, event_kinds=EVENT_KINDS | {BONUS})
policy, clean, run = HARNESS.fixtures()
check_item = HARNESS.check_item


# ---------------------------------------------------------------------------- clean entity

def test_clean_facts_give_full_marks(run):
    card = run()
    task = card.task(TASK)
    ids = [item.id for section in task.sections for item in section.items]
    assert ids == list(ITEM_POINTS)
    assert [(s.name, s.max) for s in task.sections] == [("队伍建设", 50), ("党风廉政建设", 50)]
    for item_id, points in ITEM_POINTS.items():
        item = card.item(item_id)
        assert item.max == points
        assert item.score == D(points)
        assert item.bonus == 0
        assert all(e.points == 0 for e in item.events)
    assert task.score == D("100.00")
    assert task.max == 100
    assert task.lead == ("政治部", "监察室")


def test_clean_facts_cover_exactly_the_required_facts(policy, clean):
    facts = policy.template()["facts"]
    required = {f["name"] for f in facts if f["default"] is None and f["type"] != "records"}
    others_records = {f["name"] for f in facts if f["type"] == "records" and not HARNESS.is_ours(f)}
    assert set(clean) - others_records == required


# ============================================================================ 队伍建设

# 7.1 年内空编率不得超过2%。空编率高于2%的，每增加一个百分点扣2分(6分)
#     reading: the excess over 2% in steps of 1 point, a partial step counts as one
@pytest.mark.parametrize("rate, expected", [
    ("0", "6.00"),
    ("2", "6.00"),       # at the ceiling: nothing
    ("2.01", "4.00"),    # 0.01 over → 1 step → 6 - 2
    ("2.5", "4.00"),     # 0.5 over → 1 step → 6 - 2
    ("3", "4.00"),       # 1 over → 1 step
    ("3.2", "2.00"),     # 1.2 over → 2 steps → 6 - 4
    ("4", "2.00"),       # 2 over → 2 steps
    ("4.5", "0.00"),     # 2.5 over → 3 steps → 6 - 6 = 0
    ("9.5", "0.00"),     # 7.5 over → 8 steps → 6 - 16 → 扣完为止 → 0
])
def test_7_1_vacancy_rate(run, rate, expected):
    check_item(run({"政法专项编制空编率": rate}), "7.1", expected)


# 7.2 基层司法所编制占…政法专项编制总数的50%以上，每年降低一个百分点扣1分；
#     督查发现弄虚作假的，每次扣4分(4分) — reading: each point below 50%, a partial step counts as one
@pytest.mark.parametrize("share, frauds, expected", [
    ("100", 0, "4.00"),
    ("50", 0, "4.00"),     # at the target
    ("49.5", 0, "3.00"),   # 0.5 short → 1 step → 4 - 1
    ("49", 0, "3.00"),     # 1 short → 1 step
    ("47", 0, "1.00"),     # 3 short → 4 - 3
    ("46.5", 0, "0.00"),   # 3.5 short → 4 steps → 4 - 4 = 0
    ("30", 0, "0.00"),     # 20 short → 4 - 20 → 扣完为止 → 0
    ("52", 1, "0.00"),     # 4 - 1×4 = 0
    ("49", 1, "0.00"),     # 4 - 1 - 4 → 0
])
def test_7_2_station_share(run, share, frauds, expected):
    check_item(run({"基层司法所编制占比": share, "编制督查弄虚作假次数": frauds}), "7.2", expected)


# 7.3 上报信息有误的，每起扣1分；未按时上报的，每逾期一个工作日扣0.5分；未上报的，不得分(4分)
@pytest.mark.parametrize("errors, days, not_reported, expected", [
    (0, 0, False, "4.00"),
    (1, 0, False, "3.00"),    # 4 - 1
    (0, 3, False, "2.50"),    # 4 - 3×0.5
    (2, 3, False, "0.50"),    # 4 - 2 - 1.5
    (2, 4, False, "0.00"),    # 4 - 2 - 2 = 0
    (2, 5, False, "0.00"),    # 4 - 2 - 2.5 = -0.5 → 扣完为止 → 0
    (0, 0, True, "0.00"),     # 未上报 → 不得分
    (1, 2, True, "0.00"),     # 4 - 1 - 1 = 2, 不得分 cancels the 2 → 0
])
def test_7_3_staffing_tables(run, errors, days, not_reported, expected):
    card = run({"编制使用情况表信息有误起数": errors, "编制使用情况表逾期工作日数": days,
                "编制使用情况表未上报": not_reported})
    check_item(card, "7.3", expected)
    assert ("zero" in [e.kind for e in card.item("7.3").events]) == not_reported


def test_7_3_zero_after_deductions_past_the_floor(run):
    # 4 - 3 - 2.5 = -1.5 and 未上报: the score is 0 however it is reached
    item = run({"编制使用情况表信息有误起数": 3, "编制使用情况表逾期工作日数": 5,
                "编制使用情况表未上报": True}).item("7.3")
    assert item.score == D("0.00")
    assert "zero" in [e.kind for e in item.events]


def test_7_3_events_explain_zero_past_the_floor(run):
    check_item(run({"编制使用情况表信息有误起数": 3, "编制使用情况表逾期工作日数": 5,
                    "编制使用情况表未上报": True}), "7.3", "0.00")


# 7.4 制定培训计划(2分)…按培训计划组织实施(2分)。未制定计划扣2分；未开展培训工作扣2分；
#     计划不详实扣1分；计划因主观因素未实施，每班次扣0.4分(4分) — two parts of 2, each floored
@pytest.mark.parametrize("plan, held, classes, expected", [
    ("已制定且详实", True, 0, "4.00"),
    ("计划不详实", True, 0, "3.00"),      # (2 - 1) + 2
    ("未制定", True, 0, "2.00"),          # (2 - 2) + 2
    ("已制定且详实", False, 0, "2.00"),   # 2 + (2 - 2)
    ("已制定且详实", True, 2, "3.20"),    # 2 + (2 - 2×0.4)
    ("已制定且详实", True, 5, "2.00"),    # 2 + (2 - 5×0.4 = 0)
    ("已制定且详实", True, 6, "2.00"),    # 2 + (2 - 2.4 → 0): the part's loss never eats the plan's 2
    ("计划不详实", False, 0, "1.00"),     # (2 - 1) + (2 - 2)
    ("未制定", False, 3, "0.00"),         # 0 + (2 - 2 - 1.2 → 0)
])
def test_7_4_training_plan(run, plan, held, classes, expected):
    card = run({"教育培训计划制定情况": plan, "已开展教育培训": held, "培训计划主观原因未实施班次": classes})
    check_item(card, "7.4", expected)


# 7.5 未制定鼓励政策的扣1分；鼓励政策未落实的扣0.4分(2分) — reading: exclusive situations
@pytest.mark.parametrize("policy_state, expected", [
    ("已制定并落实", "2.00"),
    ("已制定未落实", "1.60"),   # 2 - 0.4
    ("未制定", "1.00"),         # 2 - 1 (no extra 0.4 for not carrying out a policy that does not exist)
])
def test_7_5_exam_policy(run, policy_state, expected):
    check_item(run({"司法考试鼓励政策情况": policy_state}), "7.5", expected)


# 7.6 完成司法厅等上级部门安排的调训任务。未完成每人次扣0.4分(2分)
@pytest.mark.parametrize("count, expected", [
    (0, "2.00"),
    (1, "1.60"),    # 2 - 0.4
    (3, "0.80"),    # 2 - 1.2
    (5, "0.00"),    # 2 - 2 = 0
    (6, "0.00"),    # 2 - 2.4 → 0
])
def test_7_6_training_assignments(run, count, expected):
    check_item(run({"调训任务未完成人次": count}), "7.6", expected)


# 7.7 按时按质报送驻村政法干警工作相关报表…未按时报送扣0.5-2分(2分)
@pytest.mark.parametrize("amount, expected", [
    (MISSING, "2.00"),                                   # default 0: on time
    ("0", "2.00"),
    ("0.5", "1.50"),                                     # 2 - 0.5
    ({"amount": "1.2", "reason": "3月、5月作品逾期"}, "0.80"),  # 2 - 1.2
    ("2", "0.00"),                                       # 2 - 2
])
def test_7_7_village_reports(run, amount, expected):
    check_item(run({"驻村干警报表报送扣分": amount}), "7.7", expected)


# 7.8 向州司法局推荐“十大杰出人物”，未按要求推荐扣1-4分(4分)
@pytest.mark.parametrize("amount, expected", [
    (MISSING, "4.00"),
    ("1", "3.00"),     # 4 - 1
    ("2.5", "1.50"),   # 4 - 2.5
    ("4", "0.00"),     # 4 - 4
])
def test_7_8_ten_outstanding(run, amount, expected):
    check_item(run({"十大杰出人物推荐扣分": amount}), "7.8", expected)


# 7.9 开展记功表彰记1分，未开展或开展力度不够扣0.5-1分。表彰奖励推荐工作记1分，
#     未推荐或推荐力度不够扣0.5-1分(2分) — two parts of 1
@pytest.mark.parametrize("merit, recommend, expected", [
    (MISSING, MISSING, "2.00"),
    ("0.5", "0", "1.50"),     # (1 - 0.5) + 1
    ("0", "1", "1.00"),       # 1 + (1 - 1)
    ("0.8", "0.5", "0.70"),   # (1 - 0.8) + (1 - 0.5)
    ("1", "1", "0.00"),
])
def test_7_9_commendations(run, merit, recommend, expected):
    check_item(run({"记功表彰开展扣分": merit, "表彰奖励推荐扣分": recommend}), "7.9", expected)


# 7.10 准确、及时上报教育培训和表彰奖励相关数据、材料，未上报扣2分；未按要求详实上报扣0.2-1分(2分)
#      reading: 不详实 presupposes a report; not reported → 2 only
@pytest.mark.parametrize("not_reported, amount, expected", [
    (False, MISSING, "2.00"),
    (False, "0.2", "1.80"),   # 2 - 0.2
    (False, "1", "1.00"),     # 2 - 1
    (True, MISSING, "0.00"),  # 2 - 2
    (True, "1", "0.00"),      # 2 - 2 (the 不详实 amount does not apply)
])
def test_7_10_training_data(run, not_reported, amount, expected):
    check_item(run({"培训表彰数据未上报": not_reported, "培训表彰数据不详实扣分": amount}), "7.10", expected)


# 7.11 考评为“合格”等次，计2分，考评为优秀或先进等次的加0.4分；考评为“四好班子”，加0.4分；
#      考评为“基本合格”及以下等次，扣1分(2分) — the 加 are bonuses beyond the item's 2
@pytest.mark.parametrize("grade, four_good, expected, bonus", [
    ("合格", False, "2.00", "0"),
    ("优秀或先进", False, "2.00", "0.4"),      # 2, bonus 0.4
    ("合格", True, "2.00", "0.4"),            # 2, bonus 0.4
    ("优秀或先进", True, "2.00", "0.8"),       # 2, bonus 0.4 + 0.4
    ("基本合格及以下", False, "1.00", "0"),     # 2 - 1
    ("基本合格及以下", True, "1.00", "0.4"),    # 2 - 1, and the 四好班子 bonus as written
])
def test_7_11_local_assessment(run, grade, four_good, expected, bonus):
    card = run({"地方年终考评等次": grade, "地方年终考评四好班子": four_good})
    check_item(card, "7.11", expected, bonus)


# 7.12 违反中央、省委、州委选任程序的相关规定，每次扣0.5分(2分)
@pytest.mark.parametrize("count, expected", [
    (0, "2.00"),
    (1, "1.50"),
    (3, "0.50"),   # 2 - 1.5
    (4, "0.00"),
    (5, "0.00"),   # 2 - 2.5 → 0
])
def test_7_12_selection_procedure(run, count, expected):
    check_item(run({"违反干部选任程序次数": count}), "7.12", expected)


# 7.13 …点名表扬，加0.2分；每交流提任1人，加0.2分；应轮岗交流而未轮岗交流每人次扣0.1分(4分)
@pytest.mark.parametrize("praised, promoted, missed, expected, bonus", [
    (False, 0, 0, "4.00", "0"),
    (True, 0, 0, "4.00", "0.2"),     # bonus 0.2
    (False, 3, 0, "4.00", "0.6"),    # bonus 3 × 0.2
    (False, 0, 5, "3.50", "0"),      # 4 - 5×0.1
    (True, 2, 12, "2.80", "0.6"),    # 4 - 1.2; bonus 0.2 + 0.4
    (False, 0, 40, "0.00", "0"),     # 4 - 4 = 0
    (False, 1, 45, "0.00", "0.2"),   # 4 - 4.5 → 0; the bonus is not floored away
    (False, 25, 0, "4.00", "5.0"),   # bonus 25 × 0.2 = 5: not capped by the item's 4
])
def test_7_13_rotation(run, praised, promoted, missed, expected, bonus):
    card = run({"轮岗交流受点名表扬": praised, "向系统外交流提任人数": promoted, "应轮岗未轮岗人次": missed})
    check_item(card, "7.13", expected, bonus)


# 7.14 …计3分。在省厅或地方党委政府检查考核中，评为优秀等次，加0.3分；评为“基本合格”及以下等次，扣0.3分(3分)
@pytest.mark.parametrize("grade, expected, bonus", [
    ("合格", "3.00", "0"),
    ("优秀", "3.00", "0.3"),
    ("基本合格及以下", "2.70", "0"),   # 3 - 0.3
])
def test_7_14_political_building(run, grade, expected, bonus):
    check_item(run({"班子思想政治建设考核等次": grade}), "7.14", expected, bonus)


# 7.15 加强党建工作…计3分。评为优秀等次，加0.3分；评为“基本合格”及以下等次，扣0.3分(3分)
@pytest.mark.parametrize("grade, expected, bonus", [
    ("合格", "3.00", "0"),
    ("优秀", "3.00", "0.3"),
    ("基本合格及以下", "2.70", "0"),   # 3 - 0.3
])
def test_7_15_party_building(run, grade, expected, bonus):
    check_item(run({"党建工作考核等次": grade}), "7.15", expected, bonus)


# 7.16 计4分；未认真落实从严治党主体责任的，扣0.2分；对巡视问题整改不力的，扣0.3分(4分)
@pytest.mark.parametrize("lax, rectification, expected", [
    (False, False, "4.00"),
    (True, False, "3.80"),    # 4 - 0.2
    (False, True, "3.70"),    # 4 - 0.3
    (True, True, "3.50"),     # 4 - 0.2 - 0.3
])
def test_7_16_party_discipline(run, lax, rectification, expected):
    check_item(run({"未认真落实从严治党主体责任": lax, "巡视问题整改不力": rectification}), "7.16", expected)


# ============================================================================ 党风廉政建设

# 7.17–7.25 (5分 each): the source states the work and the points, no deduction rule.
# Reading: the lead department judges a deduction in 0–5; the fact has no default.
JUDGED = {
    "7.17": "廉政工作部署扣分",       # 贯彻上级精神，安排部署全年党风廉政建设和反腐败工作任务
    "7.18": "两个责任清单扣分",       # 明确党组主体责任和纪检组监督责任年度工作清单
    "7.19": "责任落实考核扣分",       # 层层签字背书…按时提交年度工作报告
    "7.20": "作风建设扣分",           # 贯彻中央八项规定精神，纠“四风”
    "7.21": "廉政教育扣分",           # 警示教育和岗位廉政风险防范
    "7.22": "廉政制度建设扣分",       # 把权力关进制度笼子
    "7.23": "信访举报处理扣分",       # 及时处理群众信访投诉和举报
    "7.24": "纪律审查扣分",           # 运用“四种形态”查处违纪违规
    "7.25": "政风警风行风扣分",       # 政风警风行风建设，群众满意度测评
}


@pytest.mark.parametrize("item_id", list(JUDGED))
@pytest.mark.parametrize("amount, expected", [
    ("0", "5.00"),
    ("0.5", "4.50"),   # 5 - 0.5
    ("2.5", "2.50"),   # 5 - 2.5
    ("5", "0.00"),     # 5 - 5
])
def test_7_17_to_7_25_judged(run, item_id, amount, expected):
    card = run({JUDGED[item_id]: {"amount": amount, "reason": "牵头部门评定"}})
    check_item(card, item_id, expected)


@pytest.mark.parametrize("item_id", list(JUDGED))
def test_7_17_to_7_25_must_be_given(policy, run, item_id):
    # no default: a missing judgement is an error, never a silent full mark
    fact = next(f for f in policy.template()["facts"] if f["name"] == JUDGED[item_id])
    assert fact["default"] is None and fact["items"] == [item_id]
    assert (fact["min"], fact["max"]) == ("0", "5")
    with pytest.raises(scorelang.FactsError):
        run({JUDGED[item_id]: MISSING})


@pytest.mark.parametrize("item_id", list(JUDGED))
def test_7_17_to_7_25_out_of_range(run, item_id):
    with pytest.raises(scorelang.FactsError):
        run({JUDGED[item_id]: "5.5"})


# 7.26 全年信息不少于10篇，调研文章不少于1篇(5分) — reading: 2.5 each, 信息每少1篇扣0.25分,
#      调研文章少1篇扣2.5分, each part floored on its own
@pytest.mark.parametrize("infos, studies, expected", [
    (10, 1, "5.00"),
    (18, 3, "5.00"),   # more than required: no bonus
    (9, 1, "4.75"),    # (2.5 - 0.25) + 2.5
    (6, 1, "4.00"),    # (2.5 - 4×0.25) + 2.5
    (0, 1, "2.50"),    # (2.5 - 10×0.25 = 0) + 2.5
    (10, 0, "2.50"),   # 2.5 + (2.5 - 2.5)
    (4, 0, "1.00"),    # (2.5 - 1.5) + 0
    (0, 0, "0.00"),
])
def test_7_26_reports(run, infos, studies, expected):
    check_item(run({"党风廉政信息篇数": infos, "党风廉政调研文章篇数": studies}), "7.26", expected)


# ---------------------------------------------------------------------------- task 七

def test_task_7_sums_items_and_keeps_bonus_apart(run):
    # 7.1 3.2% → 2 (-4); 7.11 优秀或先进 → 2 + bonus 0.4; 7.13 2人 + 1人次未轮岗 → 3.9 (-0.1) + bonus 0.4;
    # 7.21 评定1.5 → 3.5 (-1.5): task 100 - 4 - 0.1 - 1.5 = 94.40; bonus 0.80
    card = run({"政法专项编制空编率": "3.2", "地方年终考评等次": "优秀或先进", "向系统外交流提任人数": 2,
                "应轮岗未轮岗人次": 1, "廉政教育扣分": "1.5"})
    task = card.task(TASK)
    assert task.score == D("94.40")
    assert task.bonus == D("0.80")
    assert [s.score for s in task.sections] == [D("45.90"), D("48.50")]


def test_task_7_bonus_does_not_lift_score_past_100(run):
    # every bonus of the task: 7.11 0.4 + 0.4; 7.13 0.2 + 5×0.2; 7.14 0.3; 7.15 0.3 → 2.60, score stays 100
    card = run({"地方年终考评等次": "优秀或先进", "地方年终考评四好班子": True, "轮岗交流受点名表扬": True,
                "向系统外交流提任人数": 5, "班子思想政治建设考核等次": "优秀", "党建工作考核等次": "优秀"})
    task = card.task(TASK)
    assert task.score == D("100.00")
    assert task.bonus == D("2.60")


# ---------------------------------------------------------------------------- bad facts

@pytest.mark.parametrize("overrides", [
    pytest.param({"政法专项编制空编率": MISSING}, id="required-percent-missing"),
    pytest.param({"政法专项编制空编率": "101"}, id="percent-above-100"),
    pytest.param({"编制使用情况表逾期工作日数": "1.5"}, id="fractional-count"),
    pytest.param({"应轮岗未轮岗人次": -1}, id="negative-count"),
    pytest.param({"地方年终考评等次": "优秀"}, id="undeclared-choice"),
    pytest.param({"地方年终考评四好班子": "也许"}, id="bad-flag"),
    pytest.param({"驻村干警报表报送扣分": "0.3"}, id="judgement-between-0-and-range"),
    pytest.param({"驻村干警报表报送扣分": "2.5"}, id="judgement-above-range"),
    pytest.param({"记功表彰开展扣分": "1.5"}, id="half-judgement-above-range"),
    pytest.param({"培训表彰数据不详实扣分": "0.1"}, id="judgement-below-range"),
    pytest.param({"党风廉政信息篇数": MISSING}, id="required-count-missing"),
])
def test_bad_facts_raise(run, overrides):
    with pytest.raises(scorelang.FactsError):
        run(overrides)
