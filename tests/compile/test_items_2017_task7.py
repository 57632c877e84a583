"""What a case file cannot say about the items of task 七 (班子队伍及党风廉政建设) of policies/2017.score.

The score tables (facts → item score, worked by hand from each source sentence) are in
tests/cases/2017/task7.cases.yaml, run by pytest and by `scorelang test` (docs/testing.md);
what stays here checks events, rule texts, parts and invariants a case file does not state.

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
