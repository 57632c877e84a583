"""Regression tests for every item of tasks 二 (社区矫正) and 四 (信息化建设) of policies/2017.score.

Each case starts from a "clean" entity (every fact at its best value, built from
``policy.template()``) and changes only the facts the case is about. The expected score is
worked by hand from the source sentence (source/000_e76fc61a48150f92.txt) in the comment
above the case, and the reading the policy chose where the source is silent (2.7, 2.10) or
ambiguous (partial ladder steps in 4.4, 4.6, 4.7, 4.8: every one 不足一档按一档计) is the one written in
the .score file.

Scores are compared as exact Decimals (Decimal("8.50") == Decimal("8.5")).
"""
from __future__ import annotations

import csv
import json

import pytest
import yaml
from items_2017 import EXAMPLES_2017, MISSING, POLICY_2017, D, ItemsHarness, example_values

import scorelang

# 4.1 五有: one flag per 有…, so the trace names the one that is missing
FIVE_HAVES = ("有领导小组", "有规章制度", "有专职人员", "有专项经费", "有运维人员")
EXAMPLES = EXAMPLES_2017
ENTITY = "西昌市"

# ---------------------------------------------------------------------------- clean facts

# The best value of every required fact that is not "count 0" / "percent 100".
BEST = {
    "执法专项检查次数": 2,          # 2.5 不少于二次
    "档案检查评比次数": 1,          # 2.5 不少于一次
    "执法不规范被曝光": False,      # 2.3
    **{name: True for name in FIVE_HAVES},  # 4.1 五有 all five
    "已开展全员培训": True,         # 4.2
    "局域网状况": "满足工作需要",   # 4.3
    "OA实现情况": "全部实现",       # 4.6 OA
    "全年公文上网数": 300,          # 4.6 公文上网 达300件
    "执法力量扣分": "0",            # 2.7 a judgement without a default: nothing to deduct
}
BEST_BY_TYPE = {"count": 0, "percent": "100"}

# Every item and its points (4.10–4.12 are 扣分项: their points are the cap on the deduction).
ITEM_POINTS = {
    "2.1": 10, "2.2": 10, "2.3": 10, "2.4": 5, "2.5": 5, "2.6": 5, "2.7": 5, "2.8": 5,
    "2.9": 5, "2.10": 5, "2.11": 10, "2.12": 10, "2.13": 15,
    "4.1": 10, "4.2": 10, "4.3": 10, "4.4": 15, "4.6": 20, "4.7": 15, "4.8": 15, "4.9": 5,
    "4.10": 6, "4.11": 6, "4.12": 3,
}
DEDUCTION_ONLY = {"4.10", "4.11", "4.12"}
AWARD_ITEMS = {"4.1"}          # 每有一项内容得2分: scored up from 0, not down from the points

HARNESS = ItemsHarness(
    tasks=("2", "4"), item_points=ITEM_POINTS, best=BEST, best_by_type=BEST_BY_TYPE, entity=ENTITY,
    policy_file=POLICY_2017,        # always this file (not SCORELANG_POLICY): the examples are scored below
    # every required fact of tasks 二 and 四 at its best value; defaulted facts are left out
    # (their defaults — judgement 0, records 无 — are already the best value)
    leave_out=lambda fact: fact["default"] is not None or fact["type"] == "records",
    # facts of the other tasks and articles take 西昌市's example values: any valid value will
    # do, since these tests assert tasks 二 and 四 only
    others=example_values(ENTITY),
    best_within="policy",
    start={item_id: 0 for item_id in AWARD_ITEMS | DEDUCTION_ONLY},
    deduction_only=DEDUCTION_ONLY,
    assert_bonus=False,             # tasks 二 and 四 grant no bonus: ItemScore.bonus was never asserted here
)
policy, clean, run = HARNESS.fixtures()
check_item = HARNESS.check_item


def _other_tasks(fact) -> bool:
    """A fact read by no item of tasks 二 and 四 (other tasks, articles)."""
    return not HARNESS.is_ours(fact)


def _fact(template, name):
    return next(f for f in template["facts"] if f["name"] == name)


# ---------------------------------------------------------------------------- clean entity

def test_clean_facts_give_full_marks(run):
    card = run()
    ids = [item.id for task in card.tasks if task.id in ("2", "4")
           for section in task.sections for item in section.items]
    # the source skips 4.5: never renumbered
    assert ids == list(ITEM_POINTS)
    for item_id, points in ITEM_POINTS.items():
        item = card.item(item_id)
        assert item.max == points
        if item_id in DEDUCTION_ONLY:
            assert item.score == D("0.00")          # nothing deducted
        else:
            assert item.score == D(points)          # full points
        if item_id in AWARD_ITEMS:               # 4.1: earned up from 0 (5 × 2)
            assert all(e.kind == "award" for e in item.events if e.points)
        else:                                    # nothing deducted
            assert all(e.points == 0 for e in item.events)
    for task_id in ("2", "4"):
        assert card.task(task_id).score == D("100.00")
        assert card.task(task_id).max == 100
    # weights (假定): 二 15%, 四 10% → 100 × 15% + 100 × 10% = 15.00 + 10.00
    assert card.task("2").weighted == D("15.00")
    assert card.task("4").weighted == D("10.00")


@pytest.fixture(scope="module")
def rest(policy, clean):
    """The total less tasks 二 and 四: constant while only their facts change."""
    card = policy.evaluate(ENTITY, clean)
    return card.total - card.task("2").weighted - card.task("4").weighted


def test_clean_facts_cover_exactly_the_required_facts(policy, clean):
    template = policy.template()
    required = {f["name"] for f in template["facts"]
                if f["default"] is None and f["type"] != "records" and not _other_tasks(f)}
    assert {name for name in clean if not _other_tasks(_fact(template, name))} == required
    # the per-occasion fact of 4.7 (按次, 共 3 次) is asked for once per occasion
    assert {"在线人数比例第1次", "在线人数比例第2次", "在线人数比例第3次"} <= required
    assert "在线人数比例" not in required


# ============================================================================ 目标任务二 社区矫正

# 2.1 因接收或监管措施不落实导致社区服刑人员漏管、脱管或者违反禁止令的，每发现一人次扣0.5分(10分)
@pytest.mark.parametrize("count, expected", [
    (0, "10.00"),    # nothing found → 10
    (1, "9.50"),     # 10 - 1×0.5 = 9.5
    (3, "8.50"),     # 10 - 3×0.5 = 8.5
    (19, "0.50"),    # 10 - 19×0.5 = 0.5
    (20, "0.00"),    # 10 - 20×0.5 = 0 exactly
    (25, "0.00"),    # 10 - 25×0.5 = -2.5 → 扣完为止 → 0
])
def test_2_1_per_person_time(run, count, expected):
    check_item(run({"漏管脱管人次": count}), "2.1", expected)


def test_2_1_events(run):
    # 3人次 → one deduction of 3×0.5 = 1.5, quoting the sentence and the fact as given
    [event] = run({"漏管脱管人次": 3}).item("2.1").events
    assert event.kind == "deduct"
    assert event.points == D("-1.5")
    assert event.rule == "每发现一人次扣0.5分"
    assert ("漏管脱管人次", 3) in event.facts
    assert event.reason is None


def test_2_1_floor_event(run):
    # 25人次 → deduct 12.5, then the floor gives back 2.5 so the item stops at 0
    events = run({"漏管脱管人次": 25}).item("2.1").events
    assert [e.kind for e in events] == ["deduct", "floor"]
    assert events[0].points == D("-12.5")
    assert events[1].points == D("2.5")


# 2.2 因监管措施不到位或不落实，每发生一起扣5分(10分)
@pytest.mark.parametrize("count, expected", [
    (0, "10.00"),
    (1, "5.00"),     # 10 - 1×5 = 5
    (2, "0.00"),     # 10 - 2×5 = 0
    (3, "0.00"),     # 10 - 15 = -5 → 0
])
def test_2_2_per_case(run, count, expected):
    check_item(run({"恶性案件起数": count}), "2.2", expected)


# 2.3 执法不规范……被互联网、报刊等媒体曝光或在本地产生较恶劣影响的，不得分(10分)
@pytest.mark.parametrize("exposed, expected", [
    (False, "10.00"),
    (True, "0.00"),  # 不得分 → 0
])
def test_2_3_zero_if_exposed(run, exposed, expected):
    card = run({"执法不规范被曝光": exposed})
    check_item(card, "2.3", expected)
    assert ("zero" in [e.kind for e in card.item("2.3").events]) == exposed


# 2.4 建档率达不到100%的，每发现一人次扣0.5分(5分)
@pytest.mark.parametrize("count, expected", [
    (0, "5.00"),
    (3, "3.50"),     # 5 - 3×0.5 = 3.5
    (10, "0.00"),    # 5 - 10×0.5 = 0
    (11, "0.00"),    # 5 - 5.5 = -0.5 → 0
])
def test_2_4_per_person_time(run, count, expected):
    check_item(run({"未建档人次": count}), "2.4", expected)


# 2.5 全年开展社区矫正执法专项检查不少于二次、社区矫正档案检查评比不少于一次，每少一次扣2分(5分)
@pytest.mark.parametrize("inspections, reviews, expected", [
    (2, 1, "5.00"),  # both met
    (5, 3, "5.00"),  # more than required: no bonus
    (1, 1, "3.00"),  # 1 short of 2 → 5 - 1×2 = 3
    (0, 1, "1.00"),  # 2 short → 5 - 2×2 = 1
    (2, 0, "3.00"),  # 1 short of 1 → 5 - 2 = 3
    (1, 0, "1.00"),  # 5 - 2 - 2 = 1
    (0, 0, "0.00"),  # 5 - 2×2 - 1×2 = 5 - 6 = -1 → 扣完为止 → 0
])
def test_2_5_fewer_checks(run, inspections, reviews, expected):
    check_item(run({"执法专项检查次数": inspections, "档案检查评比次数": reviews}), "2.5", expected)


# 2.6 不适应工作需要的，减1至3分；……执法人员造成执法责任事故的，每发生一起扣1至3分(5分)
@pytest.mark.parametrize("unfit, accidents, expected", [
    (MISSING, MISSING, "5.00"),              # defaults: 0 and 无
    ("0", [], "5.00"),                       # 0 = did not happen; an empty list = no records
    ("2", MISSING, "3.00"),                  # 5 - 2 = 3
    (MISSING, ["1.5"], "3.50"),              # one accident judged 1.5 → 5 - 1.5 = 3.5
    ("1", ["2", {"amount": "1", "reason": "文书不规范"}], "1.00"),   # 5 - 1 - 2 - 1 = 1
    ("3", ["2", "3"], "0.00"),               # 5 - 3 - 2 - 3 = -3 → 扣完为止 → 0
])
def test_2_6_unfit_and_accidents(run, unfit, accidents, expected):
    check_item(run({"机构不适应扣分": unfit, "执法责任事故扣分": accidents}), "2.6", expected)


def test_2_6_record_reason_is_kept(run):
    # each record is the assessor's amount; its reason stays in the trace
    item = run({"执法责任事故扣分": [{"amount": "2", "reason": "违规办理暂予监外执行"}, "1"]}).item("2.6")
    assert item.score == D("2.00")           # 5 - 2 - 1
    assert "违规办理暂予监外执行" in [e.reason for e in item.events]


# 2.7 充实加强社区矫正执法工作力量……(5分) — no rule in the source; the policy's reading:
# the lead department judges a deduction in 0–5
@pytest.mark.parametrize("amount, expected", [
    ("0", "5.00"),
    ("0.5", "4.50"),   # 5 - 0.5
    ("2", "3.00"),     # 5 - 2
    ("5", "0.00"),     # 5 - 5
])
def test_2_7_judged(run, amount, expected):
    check_item(run({"执法力量扣分": amount}), "2.7", expected)


# 2.8 未按要求配备社区矫正社会工作者的，扣1至3分(5分)
@pytest.mark.parametrize("amount, expected", [
    ("0", "5.00"),
    ("1", "4.00"),     # 5 - 1
    ("3", "2.00"),     # 5 - 3
])
def test_2_8_judged(run, amount, expected):
    check_item(run({"社工配备扣分": amount}), "2.8", expected)


# 2.9 没有按要求为社区服刑人员建立矫正小组的，扣1至3分(5分)
@pytest.mark.parametrize("amount, expected", [
    ("0", "5.00"),
    ("1", "4.00"),     # 5 - 1
    ("2.5", "2.50"),   # 5 - 2.5
])
def test_2_9_judged(run, amount, expected):
    check_item(run({"矫正小组扣分": amount}), "2.9", expected)


# 2.10 社区矫正执法人员培训率达到100%(5分) — the policy's reading: the shortfall is deducted
# proportionally, 0.05 per percentage point (5分 ÷ 100), 不足一档按比例计
@pytest.mark.parametrize("rate, expected", [
    ("100", "5.00"),
    ("90", "4.50"),    # 10 points × 0.05 = 0.5 → 4.50
    ("92.5", "4.63"),  # 7.5 × 0.05 = 0.375 → 4.625 → 四舍五入 → 4.63 (not banker's 4.62)
    (92.5, "4.63"),    # a JSON number is accepted as well
    ("99.5", "4.98"),  # 0.5 × 0.05 = 0.025 → 4.975 → 4.98
    ("60", "3.00"),    # 40 × 0.05 = 2 → 3
    ("0", "0.00"),     # 100 × 0.05 = 5 → 0
])
def test_2_10_training_rate_proportional(run, rate, expected):
    check_item(run({"执法人员培训率": rate}), "2.10", expected)


# 2.11 县级社区矫正经费没有按规定落实，影响工作开展的，扣2至5分；
#      省级社区矫正专项资金没有专款专用的，扣2至5分(10分)
@pytest.mark.parametrize("county_funds, special_funds, expected", [
    ("0", "0", "10.00"),
    ("2", "0", "8.00"),    # 10 - 2
    ("0", "3", "7.00"),    # 10 - 3
    ("2", "3", "5.00"),    # 10 - 2 - 3
    ("5", "5", "0.00"),    # 10 - 5 - 5 = 0
])
def test_2_11_funds(run, county_funds, special_funds, expected):
    check_item(run({"县级经费扣分": county_funds, "专项资金扣分": special_funds}), "2.11", expected)


# 2.12 社区矫正中心未建、建设未达到基本标准，或者功能作用发挥没有实效的，视情节减2至5分(10分)
@pytest.mark.parametrize("amount, expected", [
    ("0", "10.00"),
    ("2", "8.00"),                                                  # 10 - 2
    ({"amount": "2.5", "reason": "中心建设未达基本标准"}, "7.50"),   # 10 - 2.5
    ("5", "5.00"),                                                  # 10 - 5
])
def test_2_12_centre(run, amount, expected):
    check_item(run({"矫正中心扣分": amount}), "2.12", expected)


def test_2_12_reason_in_event(run):
    [event] = run({"矫正中心扣分": {"amount": "2.5", "reason": "中心建设未达基本标准"}}).item("2.12").events
    assert event.kind == "deduct"
    assert event.points == D("-2.5")
    assert event.reason == "中心建设未达基本标准"


# 2.13 没有应用信息技术……实施电子定位监管的，减2至5分；没有运行全省社区矫正信息管理系统的，
#      减2至5分；报送数据、情况等迟报、错报、虚报、漏报的，每次减0.5分(15分)
@pytest.mark.parametrize("location, system, errors, expected", [
    ("0", "0", 0, "15.00"),
    ("0", "0", 3, "13.50"),    # 15 - 3×0.5
    ("2", "0", 0, "13.00"),    # 15 - 2
    ("0", "5", 0, "10.00"),    # 15 - 5
    ("2", "5", 4, "6.00"),     # 15 - 2 - 5 - 4×0.5 = 6
    ("0", "0", 30, "0.00"),    # 15 - 30×0.5 = 0
    ("0", "0", 31, "0.00"),    # 15 - 15.5 → 扣完为止 → 0
    ("5", "5", 12, "0.00"),    # 15 - 5 - 5 - 6 = -1 → 0
])
def test_2_13_information_system(run, location, system, errors, expected):
    card = run({"电子定位扣分": location, "信息系统扣分": system, "数据报送差错次数": errors})
    check_item(card, "2.13", expected)


# ---------------------------------------------------------------------------- task 二

def test_task_2_is_the_sum_of_its_items(run, rest):
    # 2.1 3人次 → 8.5 (-1.5); 2.10 培训率90% → 4.5 (-0.5): 100 - 1.5 - 0.5 = 98.00
    # weighted 98 × 15% = 14.70; 二 and 四 add 14.70 + 10.00 = 24.70 to the rest of the total
    card = run({"漏管脱管人次": 3, "执法人员培训率": "90"})
    assert card.task("2").score == D("98.00")
    assert card.task("2").weighted == D("14.70")
    assert card.total == rest + D("24.70")


def test_task_2_weighted_rounds_half_up(run, rest):
    # 2.1 1人次 → 9.5: task 99.50; 99.50 × 15% = 14.925 → 四舍五入 → 14.93 (banker's: 14.92)
    card = run({"漏管脱管人次": 1})
    assert card.task("2").score == D("99.50")
    assert card.task("2").weighted == D("14.93")
    assert card.total == rest + D("24.93")


def test_task_2_item_rounding(run):
    # 2.10 92.5% → 4.625 → 4.63; task 100 - 5 + 4.63 = 99.63; × 15% = 14.9445 → 14.94
    card = run({"执法人员培训率": "92.5"})
    assert card.task("2").score == D("99.63")
    assert card.task("2").weighted == D("14.94")


# ============================================================================ 目标任务四 信息化建设

# 4.1 "五有"机制建立健全，每有一项内容得2分(10分)
@pytest.mark.parametrize("count, expected", [
    (5, "10.00"),      # 5×2
    (3, "6.00"),       # 3×2
    (1, "2.00"),
    (0, "0.00"),
])
def test_4_1_five_haves(run, count, expected):
    card = run({name: i < count for i, name in enumerate(FIVE_HAVES)})
    check_item(card, "4.1", expected)
    if count:
        assert {e.kind for e in card.item("4.1").events} == {"award"}


# 4.2 完成局机关、所辖司法所全员培训，未开展的不得分，开展培训未达到全覆盖的视情况扣1-9分(10分)
@pytest.mark.parametrize("trained, not_full, expected", [
    (True, MISSING, "10.00"),                                    # default 0: full coverage
    (True, "4", "6.00"),                                         # 10 - 4
    (True, {"amount": "9", "reason": "仅局机关开展"}, "1.00"),    # 10 - 9
    (False, MISSING, "0.00"),                                    # 未开展 → 不得分
    (False, "0", "0.00"),
])
def test_4_2_training(run, trained, not_full, expected):
    check_item(run({"已开展全员培训": trained, "培训未全覆盖扣分": not_full}), "4.2", expected)


# 4.3 建成局域网、网络运转正常且满足工作需要得10分。没有建成局域网扣10分；
#     有局域网但带宽、安全、接口等不能满足工作需要扣5分(10分)
@pytest.mark.parametrize("state, expected", [
    ("满足工作需要", "10.00"),
    ("不能满足工作需要", "5.00"),   # 10 - 5
    ("未建成", "0.00"),             # 10 - 10
])
def test_4_3_lan(run, state, expected):
    check_item(run({"局域网状况": state}), "4.3", expected)


# 4.4 有人司法所电子政务外网接入，全部接入得15分。每降低5个百分点扣5分，扣完为止(15分)
#     the policy's reading: 不足一档按一档计
@pytest.mark.parametrize("rate, expected", [
    ("100", "15.00"),
    ("97", "10.00"),   # 3 points short → a partial step counts as one → 15 - 5 = 10
    ("95", "10.00"),   # 5 short → 1 step → 10
    ("94.5", "5.00"),  # 5.5 short → 2 steps → 15 - 10 = 5
    ("90", "5.00"),    # 10 short → 2 steps → 5
    ("85", "0.00"),    # 15 short → 3 steps → 0
    ("80", "0.00"),    # 20 short → 4 steps → 15 - 20 → 扣完为止 → 0
    ("0", "0.00"),
])
def test_4_4_extranet_ladder(run, rate, expected):
    check_item(run({"有人司法所外网接入率": rate}), "4.4", expected)


# 4.6 全部实现OA系统办公得10分；部分实现视情扣1-9分，没有实现扣10分。
#     全年公文上网数达300件以上得10分；不足300件的每降低5个百分点扣2分，扣完为止(20分)
#     two parts of 10; the 公文上网 shortfall is in percentage points of 300, 不足一档按一档计 as in
#     4.4, 4.7 and 4.8 ("不足300件的" deducts: a started step counts; formerly 不足一档不计, see docs/2017-coverage.md)
@pytest.mark.parametrize("oa, oa_amount, documents, expected", [
    ("全部实现", MISSING, 300, "20.00"),
    ("全部实现", MISSING, 500, "20.00"),   # above 300: no bonus
    ("全部实现", MISSING, 299, "18.00"),   # (300-299)/300 = 0.33 points → a started step → 1 step → 10 + 8
    ("全部实现", MISSING, 290, "18.00"),   # 10/300 = 3.33 points → 1 step (按一档计) → 10 + (10 - 2)
    ("全部实现", MISSING, 285, "18.00"),   # 15/300 = 5 points → 1 step → 10 + (10 - 2)
    ("全部实现", MISSING, 284, "16.00"),   # 16/300 = 5.33 points → 2 steps → 10 + (10 - 4)
    ("全部实现", MISSING, 270, "16.00"),   # 30/300 = 10 points → 2 steps → 10 + (10 - 4)
    ("全部实现", MISSING, 255, "14.00"),   # 45/300 = 15 points → 3 steps → 10 + (10 - 6)
    ("全部实现", MISSING, 150, "10.00"),   # 50 points → 10 steps → 10 - 20 → 0: 10 + 0
    ("全部实现", MISSING, 0, "10.00"),     # 100 points → 20 steps → 0: 10 + 0
    ("部分实现", "3", 300, "17.00"),       # (10 - 3) + 10
    ("部分实现", "9", 270, "7.00"),        # (10 - 9) + (10 - 4)
    ("没有实现", MISSING, 300, "10.00"),   # (10 - 10) + 10: one part's loss never eats the other
    ("没有实现", MISSING, 0, "0.00"),      # 0 + 0
])
def test_4_6_oa_and_documents(run, oa, oa_amount, documents, expected):
    card = run({"OA实现情况": oa, "OA部分实现扣分": oa_amount, "全年公文上网数": documents})
    check_item(card, "4.6", expected)


# 4.7 州局随机抽查三次，每次在线人数比例占系统内分配账号70%以上得5分。每降低5个百分点扣1分，
#     扣完为止(15分) — each occasion is its own 5-point ladder against 70%; 不足一档按一档计
@pytest.mark.parametrize("first, second, third, expected", [
    ("100", "100", "100", "15.00"),
    ("70", "70", "70", "15.00"),     # at the threshold: 5 + 5 + 5
    ("68", "100", "100", "14.00"),   # 2 short → 1 step → 4 + 5 + 5
    ("65", "100", "100", "14.00"),   # 5 short → 1 step → 4 + 5 + 5
    ("64.5", "100", "100", "13.00"),  # 5.5 short → 2 steps → 3 + 5 + 5
    ("60", "55", "50", "6.00"),      # 10→2, 15→3, 20→4 steps: 3 + 2 + 1
    ("70", "68", "30", "9.00"),      # 5 + 4 + (40 short → 8 steps → 5 - 8 → 0): a floor per occasion
    ("30", "30", "30", "0.00"),
])
def test_4_7_three_random_checks(run, first, second, third, expected):
    card = run({"在线人数比例第1次": first, "在线人数比例第2次": second, "在线人数比例第3次": third})
    check_item(card, "4.7", expected)


# 4.8 基础数据录入率及完整性90%以上得15分。每降低5个百分点扣2分，扣完为止(15分)
#     the policy's reading: 不足一档按一档计
@pytest.mark.parametrize("rate, expected", [
    ("100", "15.00"),
    ("90", "15.00"),
    ("88", "13.00"),    # 2 short → 1 step → 15 - 2
    ("85", "13.00"),    # 5 short → 1 step
    ("84.9", "11.00"),  # 5.1 short → 2 steps → 15 - 4
    ("80", "11.00"),    # 10 short → 2 steps
    ("55", "1.00"),     # 35 short → 7 steps → 15 - 14
    ("52", "0.00"),     # 38 short → 8 steps → 15 - 16 → 0
    ("0", "0.00"),
])
def test_4_8_data_entry_ladder(run, rate, expected):
    check_item(run({"基础数据录入率": rate}), "4.8", expected)


# 4.9 一次未能参加会前联调测试扣1分；……若因县(市)原因出现"掉线"情况扣1分；
#     没有参加视频会议每次扣3分，扣完为止(5分)
@pytest.mark.parametrize("tests, drops, absences, expected", [
    (0, 0, 0, "5.00"),
    (1, 0, 0, "4.00"),   # 5 - 1
    (0, 2, 0, "3.00"),   # 5 - 2×1
    (1, 1, 0, "3.00"),   # 5 - 1 - 1
    (0, 0, 1, "2.00"),   # 5 - 3
    (5, 0, 0, "0.00"),   # 5 - 5 = 0
    (6, 0, 0, "0.00"),   # 5 - 6 → 0
    (0, 0, 2, "0.00"),   # 5 - 6 → 扣完为止 → 0
    (2, 1, 1, "0.00"),   # 5 - 2 - 1 - 3 = -1 → 0
])
def test_4_9_video_meetings(run, tests, drops, absences, expected):
    card = run({"未参加联调测试次数": tests, "会议掉线次数": drops, "未参加视频会议次数": absences})
    check_item(card, "4.9", expected)


# 4.10 扣分项: 信息化工作被省厅、州局通报批评，每次分别扣2分、1分，扣完为止(6分)
#      the cap is on the item: both kinds of criticism together take at most 6
@pytest.mark.parametrize("province, prefecture, expected", [
    (0, 0, "0.00"),
    (1, 0, "-2.00"),     # -1×2
    (0, 1, "-1.00"),     # -1×1
    (1, 1, "-3.00"),     # -2 - 1
    (3, 0, "-6.00"),     # -6: exactly the cap
    (3, 2, "-6.00"),     # -(6 + 2) = -8 → capped at -6
    (2, 3, "-6.00"),     # -(4 + 3) = -7 → -6
    (0, 7, "-6.00"),     # -7 → -6
])
def test_4_10_criticisms(run, province, prefecture, expected):
    card = run({"省厅通报批评次数": province, "州局通报批评次数": prefecture})
    check_item(card, "4.10", expected)


def test_4_10_cap_event(run):
    # -6 (省厅 3×2), -2 (州局 2×1), then the cap gives back 2
    events = run({"省厅通报批评次数": 3, "州局通报批评次数": 2}).item("4.10").events
    assert [e.kind for e in events] == ["deduct", "deduct", "cap"]
    assert [e.points for e in events] == [D("-6"), D("-2"), D("2")]


# 4.11 扣分项: 没有完成上级交办的信息化工作任务，每次扣1.5分，扣完为止(6分)
@pytest.mark.parametrize("count, expected", [
    (0, "0.00"),
    (1, "-1.50"),
    (2, "-3.00"),        # -2×1.5
    (4, "-6.00"),        # -4×1.5 = -6: the cap
    (5, "-6.00"),        # -7.5 → -6
])
def test_4_11_unfinished_tasks(run, count, expected):
    check_item(run({"未完成交办任务次数": count}), "4.11", expected)


# 4.12 扣分项: 自查自评考核材料没有或延时报送，每次扣0.5分，扣完为止(3分)
@pytest.mark.parametrize("count, expected", [
    (0, "0.00"),
    (1, "-0.50"),
    (3, "-1.50"),        # -3×0.5
    (6, "-3.00"),        # the cap
    (7, "-3.00"),        # -3.5 → -3
])
def test_4_12_late_self_assessment(run, count, expected):
    check_item(run({"自查材料迟报次数": count}), "4.12", expected)


# ---------------------------------------------------------------------------- task 四

def test_task_4_adds_deduction_only_items(run, rest):
    # 4.4 97% → 10 (-5); 4.10 3+2 → -6; 4.12 1次 → -0.5
    # task = (100 - 5) + (-6) + (-0.5) = 88.50; weighted 88.5 × 10% = 8.85; total 15.00 + 8.85
    card = run({"有人司法所外网接入率": "97", "省厅通报批评次数": 3, "州局通报批评次数": 2,
                "自查材料迟报次数": 1})
    assert card.task("4").score == D("88.50")
    assert card.task("4").weighted == D("8.85")
    assert card.total == rest + D("23.85")


def test_task_4_all_deduction_items_at_cap(run):
    # clean items 4.1–4.9 = 100; -6 - 6 - 3 = -15 → 85.00
    card = run({"省厅通报批评次数": 9, "未完成交办任务次数": 9, "自查材料迟报次数": 9})
    assert card.task("4").score == D("85.00")


def test_task_4_never_below_zero(run, rest):
    # 4.1 2项 → 4; 4.2 未开展 → 0; 4.3 不能满足 → 5; 4.4 80% → 0; 4.6 没有实现 + 150件 → 0 + 0;
    # 4.7 40/50/45 → 0 + 1 + 0 = 1; 4.8 60% → 30 short → 6 steps → 15 - 12 = 3; 4.9 → 0
    # items: 4 + 0 + 5 + 0 + 0 + 1 + 3 + 0 = 13; 4.10 -6, 4.11 -6, 4.12 -3 → 13 - 15 = -2 → 0.00
    card = run({
        **{name: i < 2 for i, name in enumerate(FIVE_HAVES)}, "已开展全员培训": False, "局域网状况": "不能满足工作需要",
        "有人司法所外网接入率": "80", "OA实现情况": "没有实现", "全年公文上网数": 150,
        "在线人数比例第1次": "40", "在线人数比例第2次": "50", "在线人数比例第3次": "45",
        "基础数据录入率": "60", "未参加联调测试次数": 2, "会议掉线次数": 1, "未参加视频会议次数": 1,
        "省厅通报批评次数": 2, "州局通报批评次数": 3, "未完成交办任务次数": 5, "自查材料迟报次数": 7,
    })
    items = {i: card.item(i).score for i in ("4.1", "4.2", "4.3", "4.4", "4.6", "4.7", "4.8", "4.9")}
    assert items == {"4.1": 4, "4.2": 0, "4.3": 5, "4.4": 0, "4.6": 0, "4.7": 1, "4.8": 3, "4.9": 0}
    assert [card.item(i).score for i in ("4.10", "4.11", "4.12")] == [-6, -6, -3]
    assert card.task("4").score == D("0.00")
    assert card.task("4").weighted == D("0.00")
    assert card.total == rest + D("15.00")


# ---------------------------------------------------------------------------- bad facts

@pytest.mark.parametrize("overrides", [
    pytest.param({"漏管脱管人次": MISSING}, id="required-fact-missing"),
    pytest.param({"在线人数比例第2次": MISSING}, id="one-occasion-missing"),
    pytest.param({"漏管脱管人次": -1}, id="negative-count"),
    pytest.param({"漏管脱管人次": "3.5"}, id="fractional-count"),
    pytest.param({"有领导小组": "也许"}, id="flag-not-yes-or-no"),
    pytest.param({"执法人员培训率": "101"}, id="percent-above-100"),
    pytest.param({"执法人员培训率": "-1"}, id="percent-below-0"),
    pytest.param({"执法人员培训率": "九十"}, id="percent-not-a-number"),
    pytest.param({"局域网状况": "基本满足"}, id="undeclared-choice"),
    pytest.param({"执法不规范被曝光": "maybe"}, id="bad-flag"),
    pytest.param({"机构不适应扣分": "4"}, id="judgement-above-range"),
    pytest.param({"机构不适应扣分": "0.5"}, id="judgement-between-0-and-range"),
    pytest.param({"县级经费扣分": "1"}, id="judgement-below-range-2-5"),
    pytest.param({"执法责任事故扣分": ["2", "4"]}, id="record-out-of-range"),
])
def test_bad_facts_raise(run, overrides):
    with pytest.raises(scorelang.FactsError):
        run(overrides)


# ---------------------------------------------------------------------------- examples/2017

def _csv_cell(value) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dict):
        return str(value["amount"])
    if isinstance(value, list):  # judgement records: "2;3" in a cell
        return ";".join(_csv_cell(v) for v in value) if value else "无"
    return str(value)


def test_example_json_and_yaml_are_the_same():
    data = json.loads((EXAMPLES / "facts.json").read_text(encoding="utf-8"))
    assert yaml.safe_load((EXAMPLES / "facts.yaml").read_text(encoding="utf-8")) == data


def test_example_csv_matches_json(policy):
    data = json.loads((EXAMPLES / "facts.json").read_text(encoding="utf-8"))["entities"]
    facts = {f["name"]: f for f in policy.template()["facts"]}
    with open(EXAMPLES / "facts.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["entity"] for row in rows] == list(data)
    # every fact but records with fields (表彰记录) fits a cell; judgement records as "a;b"
    scalar = [name for name, f in facts.items() if not f.get("fields")]
    assert list(rows[0])[0] == "entity"
    assert set(list(rows[0])[1:]) == set(scalar)
    for row in rows:
        given = data[row["entity"]]
        for name in scalar:
            if name in given:
                assert row[name] == _csv_cell(given[name]), (row["entity"], name)
            elif facts[name]["default"] is None:  # not required of this county (1.13/1.14): left empty
                assert row[name] == "", (row["entity"], name)
            else:  # omitted in JSON: defaulted facts, written as their default in CSV
                assert row[name] == _csv_cell(facts[name]["default"]), (row["entity"], name)


def test_example_covers_every_entity_and_fact(policy, clean):
    data = json.loads((EXAMPLES / "facts.json").read_text(encoding="utf-8"))["entities"]
    template = policy.template()
    assert list(data) == template["entities"]
    assert len(data) == 17
    for fact in template["facts"]:  # every fact of 二 and 四 departs from its best value somewhere
        if _other_tasks(fact):
            continue
        name = fact["name"]
        best = clean.get(name, fact["default"])
        values = [given[name] for given in data.values() if name in given]
        if fact["type"] == "records":
            assert any(values), name
        else:
            assert any(_csv_cell(v) != _csv_cell(best) for v in values), name


# task 二, task 四 and their weighted sum for each county of the example, worked independently of
# the engine (the whole policy's totals and ranking are checked in tests/cohort/test_ranking_2017.py)
EXAMPLE_RESULTS = {
    "西昌市": ("100.00", "100.00", "25.00"),   # clean
    "木里县": ("54.50", "25.50", "10.73"),     # 2.1 25人次 → 0; 4.10 3+2 → -6
    "盐源县": ("98.13", "91.50", "23.87"),     # 2.10 92.5% → 4.63
    "德昌县": ("92.50", "93.00", "23.18"),     # 2.5 0 and 0 → 0
    "会理县": ("99.50", "100.00", "24.93"),
    "会东县": ("98.00", "95.00", "24.20"),     # 4.6 296件 → 1.33 points short → 1 step → -2
    "宁南县": ("95.00", "79.00", "22.15"),     # 2.6 records → 0; 4.2 未开展 → 0
    "普格县": ("89.00", "90.00", "22.35"),
    "布拖县": ("34.00", "0.00", "5.10"),       # task 四: 13 - 15 → 0
    "金阳县": ("97.50", "89.00", "23.53"),
    "昭觉县": ("88.25", "78.50", "21.09"),
    "喜德县": ("98.98", "90.00", "23.85"),
    "冕宁县": ("97.50", "79.00", "22.53"),
    "越西县": ("81.90", "71.50", "19.44"),
    "甘洛县": ("80.00", "82.00", "20.20"),
    "美姑县": ("88.75", "67.00", "20.01"),
    "雷波县": ("95.50", "98.00", "24.13"),
}


@pytest.mark.parametrize("entity", list(EXAMPLE_RESULTS))
def test_example_json_scores(policy, entity):
    data = json.loads((EXAMPLES / "facts.json").read_text(encoding="utf-8"))["entities"]
    card = policy.evaluate(entity, data[entity])
    task2, task4, both = EXAMPLE_RESULTS[entity]
    assert (card.task("2").score, card.task("4").score) == (D(task2), D(task4))
    assert card.task("2").weighted + card.task("4").weighted == D(both)
