"""What a case file cannot say about the items of tasks 二 (社区矫正) and 四 (信息化建设) of policies/2017.score.

The score tables (facts → item score, worked by hand from each source sentence) are in
tests/cases/2017/tasks-2-4.cases.yaml, run by pytest and by `scorelang test` (docs/testing.md);
what stays here checks events, rule texts, parts and invariants a case file does not state.

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


# 2.3 执法不规范……被互联网、报刊等媒体曝光或在本地产生较恶劣影响的，不得分(10分)
@pytest.mark.parametrize("exposed, expected", [
    (False, "10.00"),
    (True, "0.00"),  # 不得分 → 0
])
def test_2_3_zero_if_exposed(run, exposed, expected):
    card = run({"执法不规范被曝光": exposed})
    check_item(card, "2.3", expected)
    assert ("zero" in [e.kind for e in card.item("2.3").events]) == exposed


def test_2_6_record_reason_is_kept(run):
    # each record is the assessor's amount; its reason stays in the trace
    item = run({"执法责任事故扣分": [{"amount": "2", "reason": "违规办理暂予监外执行"}, "1"]}).item("2.6")
    assert item.score == D("2.00")           # 5 - 2 - 1
    assert "违规办理暂予监外执行" in [e.reason for e in item.events]


def test_2_12_reason_in_event(run):
    [event] = run({"矫正中心扣分": {"amount": "2.5", "reason": "中心建设未达基本标准"}}).item("2.12").events
    assert event.kind == "deduct"
    assert event.points == D("-2.5")
    assert event.reason == "中心建设未达基本标准"


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


def test_4_10_cap_event(run):
    # -6 (省厅 3×2), -2 (州局 2×1), then the cap gives back 2
    events = run({"省厅通报批评次数": 3, "州局通报批评次数": 2}).item("4.10").events
    assert [e.kind for e in events] == ["deduct", "deduct", "cap"]
    assert [e.points for e in events] == [D("-6"), D("-2"), D("2")]


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
