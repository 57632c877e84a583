"""What a case file cannot say about the items of task 八 (综合工作) of policies/2017.score.

The score tables (facts → item score, worked by hand from each source sentence) are in
tests/cases/2017/task8.cases.yaml, run by pytest and by `scorelang test` (docs/testing.md);
what stays here checks events, rule texts, parts and invariants a case file does not state.

Each case starts from a "clean" entity (every required fact at its best value, built from
``policy.template()``) and changes only the facts the case is about. The expected score is
worked by hand from the source sentence (source/000_e76fc61a48150f92.txt, 附件 目标任务八) in
the comment above the case; where the source is silent or ambiguous the reading is the one
written (# 解读：…) in the .score file: 8.2 deducts 1 also when there is no 专区 at all, 8.5's
不合法 is one deduction, 8.12/8.22/8.24–8.27/8.32/8.33 are judged by the lead department
within the item's points, 8.16 earns 3 × 开工率 + 3 × 竣工率, 8.23 is a judgement 1–4.

The bonus of 8.4 (单独设立法制机构的，加0.2分) goes to ``ItemScore.bonus``.

The policy file is ``policies/2017.score``; set SCORELANG_POLICY to check another file (the
harness of task 八 while it is being written). Scores are exact Decimals.
"""
from __future__ import annotations

import pytest
from items_2017 import BONUS, EVENT_KINDS, MISSING, D, ItemsHarness

import scorelang

ENTITY = "西昌市"
TASK = "8"

# ---------------------------------------------------------------------------- clean facts

# The best value of every required fact of task 八 that is not "count 0" / "percent 100" /
# "judgement 0". 单独设立法制机构 is 否 so that the clean entity has no bonus.
BEST = {
    "法律服务专区功能": "法律咨询+办案全功能",    # 8.1, 8.2
    "工作数据未按时报送": False,                  # 8.3
    "依法行政简报信息条数": 6,                    # 8.3 不少于6条
    "已挂法制股牌": True,                         # 8.4
    "法制与执法股室混合办公": False,              # 8.4
    "已配备法制工作人员": True,                   # 8.4
    "已成立依法行政领导小组": True,               # 8.4
    "已建立行政首长第一责任人制度": True,         # 8.4
    "单独设立法制机构": False,                    # 8.4 (the bonus is tested on its own)
    "规范性文件不合法": False,                    # 8.5
    "财务统计报表未按规定上报": False,            # 8.20
    "已制定年度改革工作计划": True,               # 8.28
    "已成立改革领导小组": True,                   # 8.29
    "改革推进落实不力": False,                    # 8.30
    "改革推进材料未按时报送": False,              # 8.30
    "公证机构改革任务已完成": True,               # 8.31
    "关工委任务未完成被通报": False,              # 8.34
}
BEST_BY_TYPE = {"count": 0, "percent": "100", "judgement": "0"}

ITEM_POINTS = {
    "8.1": 4, "8.2": 2, "8.3": 2, "8.4": 2, "8.5": 2, "8.6": 2, "8.7": 2, "8.8": 2, "8.9": 1,
    "8.10": 1, "8.11": 3, "8.12": 5, "8.13": 2, "8.14": 3,
    "8.15": 6, "8.16": 6, "8.17": 4, "8.18": 4, "8.19": 4, "8.20": 4, "8.21": 4, "8.22": 4, "8.23": 4,
    "8.24": 5, "8.25": 5, "8.26": 3, "8.27": 2,
    "8.28": 1, "8.29": 1, "8.30": 2, "8.31": 3,
    "8.32": 1, "8.33": 2, "8.34": 2,
}
SECTIONS = [("依法行政", 33), ("基层基础建设及保障", 40), ("对外新闻宣传", 15), ("司法行政体制改革", 7),
            ("关工委工作", 5)]
AWARD_ITEMS = {"8.16"}         # 按开工率、竣工率比例得分: scored up from 0

# Facts of other tasks (the final policy holds all eight) take any valid value; defaulted facts
# are left out (their defaults are already the best value). Bonus events may occur.
HARNESS = ItemsHarness(tasks=(TASK,), item_points=ITEM_POINTS, best=BEST, best_by_type=BEST_BY_TYPE,
                       entity=ENTITY, event_kinds=EVENT_KINDS | {BONUS},
                       start={item_id: 0 for item_id in AWARD_ITEMS})
policy, clean, run = HARNESS.fixtures()
check_item = HARNESS.check_item


# ---------------------------------------------------------------------------- clean entity

def test_clean_facts_give_full_marks(run):
    card = run()
    task = card.task(TASK)
    ids = [item.id for section in task.sections for item in section.items]
    assert ids == list(ITEM_POINTS)
    assert [(s.name, s.max) for s in task.sections] == SECTIONS
    for item_id, points in ITEM_POINTS.items():
        item = card.item(item_id)
        assert item.max == points
        assert item.score == D(points)
        assert item.bonus == 0
        if item_id in AWARD_ITEMS:  # 8.16: 3 × 100% + 3 × 100%, earned up from 0
            assert [e.kind for e in item.events] == ["award", "award"]
        else:
            assert all(e.points == 0 for e in item.events)
    assert task.score == D("100.00")
    assert task.max == 100
    assert task.lead == ("办公室", "法制科", "法宣科", "政治部")


def test_clean_facts_cover_exactly_the_required_facts(policy, clean):
    facts = policy.template()["facts"]
    required = {f["name"] for f in facts if f["default"] is None and f["type"] != "records"}
    others_records = {f["name"] for f in facts if f["type"] == "records" and not HARNESS.is_ours(f)}
    assert set(clean) - others_records == required


# ============================================================================ 依法行政

def test_8_7_each_record_is_an_event_with_its_reason(run):
    item = run({"信息公开被责令限期答复扣分": [{"amount": "0.3", "reason": "案1"}, {"amount": "0.2", "reason": "案2"}]}
               ).item("8.7")
    assert item.score == D("1.50")        # 2 - 0.3 - 0.2
    assert [(e.points, e.reason) for e in item.events] == [(D("-0.3"), "案1"), (D("-0.2"), "案2")]


@pytest.mark.parametrize("records", [["0.6"], ["0.05"], ["0.3", "1"]])
def test_8_7_to_8_11_records_in_range(run, records):
    # 每起扣0.1-0.5分: every record within 0.1–0.5
    with pytest.raises(scorelang.FactsError):
        run({"行政投诉被责令限期回复扣分": records})


# ============================================================================ 基层基础建设及保障

# 8.15, 8.17–8.19, 8.21: 未按要求…的扣1至N分 — judgement 1–N, default 0 (did not occur)
RANGED = {
    "8.15": ("业务用房项目资料扣分", 6),          # 未按要求规定提供资料和开展工作的扣1至6分(6分)
    "8.17": ("建设资金与用房使用扣分", 4),        # 存在上述现象的按规定扣1至4分(4分)
    "8.18": ("业务装备配备计划扣分", 4),          # 未按照规定要求进行的扣1至4分(4分)
    "8.19": ("装备经费自查整改扣分", 4),          # 未按要求开展自查工作并上报相关情况报告的扣1至4分(4分)
    "8.21": ("转移支付资金未专款专用扣分", 4),    # 专项资金未做到专款专用的扣1至4分(4分)
    "8.23": ("社区矫正经费保障未完成扣分", 4),    # 未完成按比例扣1至4分(4分)
}


@pytest.mark.parametrize("item_id", list(RANGED))
@pytest.mark.parametrize("amount, deducted", [
    (MISSING, "0"),    # default 0: did not occur
    ("0", "0"),
    ("1", "1"),        # the lowest amount in the range
    ("2.5", "2.5"),
    ("top", "top"),    # the whole item: N - N = 0
])
def test_8_ranged_judgements(run, item_id, amount, deducted):
    name, points = RANGED[item_id]
    amount = str(points) if amount == "top" else amount
    deducted = D(points) if deducted == "top" else D(deducted)
    check_item(run({name: amount}), item_id, D(points) - deducted)


@pytest.mark.parametrize("item_id", list(RANGED))
@pytest.mark.parametrize("amount", ["0.5", "above"])
def test_8_ranged_judgements_out_of_range(run, item_id, amount):
    name, points = RANGED[item_id]
    with pytest.raises(scorelang.FactsError):
        run({name: str(points + 1) if amount == "above" else amount})


# ============================================================================ items with no stated rule

# 8.22, 8.24–8.27, 8.32, 8.33: the source states the work and the points, no deduction rule.
# Reading: the lead department judges a deduction in 0–N; the fact has no default.
JUDGED = {
    "8.22": ("争取经费扣分", 4),             # 争取业务、装备和重点项目经费(4分)
    "8.24": ("官方微博微信扣分", 5),         # 官方微博、微信建设维护和更新，无投诉或批评(5分)
    "8.25": ("对外宣传信息任务扣分", 5),     # 完成全年对外新闻宣传信息报送、采用任务(5分)
    "8.26": ("媒体互动平台扣分", 3),         # 与主流媒体以及新媒体互动(3分)
    "8.27": ("网评队伍舆情处置扣分", 2),     # 建立网评队伍…有效处置突发舆情(2分)
    "8.32": ("关工委工作汇报总结扣分", 1),   # 听取关工委工作汇报并上报年度总结(1分)
    "8.33": ("关工委五有扣分", 2),           # 实现“五有”(2分)
}


@pytest.mark.parametrize("item_id", list(JUDGED))
@pytest.mark.parametrize("fraction", ["0", "0.5", "1"])
def test_8_judged_items(run, item_id, fraction):
    # amount = fraction × N: N - 0 = N, N - N/2, N - N = 0
    name, points = JUDGED[item_id]
    amount = D(points) * D(fraction)
    check_item(run({name: {"amount": str(amount), "reason": "牵头部门评定"}}), item_id, D(points) - amount)


@pytest.mark.parametrize("item_id", list(JUDGED))
def test_8_judged_items_must_be_given(policy, run, item_id):
    # no default: a missing judgement is an error, never a silent full mark
    name, points = JUDGED[item_id]
    fact = next(f for f in policy.template()["facts"] if f["name"] == name)
    assert fact["default"] is None and fact["items"] == [item_id]
    assert D(fact["min"]) == 0 and D(fact["max"]) == points
    with pytest.raises(scorelang.FactsError):
        run({name: MISSING})
    with pytest.raises(scorelang.FactsError):
        run({name: str(points + D("0.5"))})


# ============================================================================ 司法行政体制改革

# ============================================================================ 关工委工作

# ---------------------------------------------------------------------------- task 八

def test_task_8_sums_items_and_keeps_bonus_apart(run):
    # 8.1 未建立专区 → 2 (-2); 8.2 → 1 (-1); 8.4 单独设立 → 2 + bonus 0.2; 8.16 80%/50% → 3.9 (-2.1);
    # 8.30 both → 0.5 (-1.5): 100 - 2 - 1 - 2.1 - 1.5 = 93.40; bonus 0.20
    card = run({"法律服务专区功能": "未建立专区", "单独设立法制机构": True, "投资计划项目开工率": "80",
                "投资计划项目竣工率": "50", "改革推进落实不力": True, "改革推进材料未按时报送": True})
    task = card.task(TASK)
    assert task.score == D("93.40")
    assert task.bonus == D("0.20")
    assert [s.score for s in task.sections] == [D("30.00"), D("37.90"), D("15.00"), D("5.50"), D("5.00")]


def test_task_8_item_rounding(run):
    # 8.16 50% / 12.5% → 1.875 → 1.88 (rounded at the item): task 100 - 6 + 1.88 = 95.88
    card = run({"投资计划项目开工率": "50", "投资计划项目竣工率": "12.5"})
    assert card.task(TASK).score == D("95.88")


# ---------------------------------------------------------------------------- bad facts

@pytest.mark.parametrize("overrides", [
    pytest.param({"投资计划项目开工率": MISSING}, id="required-percent-missing"),
    pytest.param({"投资计划项目竣工率": "100.5"}, id="percent-above-100"),
    pytest.param({"依法行政简报信息条数": "5.5"}, id="fractional-count"),
    pytest.param({"处罚复议决定未备案起数": -1}, id="negative-count"),
    pytest.param({"法律服务专区功能": "全功能"}, id="undeclared-choice"),
    pytest.param({"单独设立法制机构": "也许"}, id="bad-flag"),
    pytest.param({"案卷评查扣分": MISSING}, id="assessed-judgement-missing"),
    pytest.param({"案卷评查扣分": "6"}, id="judgement-above-points"),
    pytest.param({"信息公开被责令重新答复扣分": "0.7"}, id="single-record-above-range"),
])
def test_bad_facts_raise(run, overrides):
    with pytest.raises(scorelang.FactsError):
        run(overrides)
