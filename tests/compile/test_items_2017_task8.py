"""Regression tests for every item of task 八 (综合工作) of policies/2017.score.

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

# 8.1 县市政务中心未建立法律服务专区的扣2分；乡村咨询点、代办点及“一村一律师”覆盖率未达到50%的扣2分(4分)
@pytest.mark.parametrize("zone, coverage, expected", [
    ("法律咨询+办案全功能", "100", "4.00"),
    ("法律咨询+办案全功能", "50", "4.00"),     # 50% reached
    ("法律咨询+办案全功能", "49.9", "2.00"),   # 4 - 2
    ("仅有法律咨询功能", "80", "4.00"),        # a 专区 exists: 8.1 is met (8.2 deducts)
    ("未建立专区", "80", "2.00"),              # 4 - 2
    ("未建立专区", "10", "0.00"),              # 4 - 2 - 2
])
def test_8_1_service_zone_and_coverage(run, zone, coverage, expected):
    check_item(run({"法律服务专区功能": zone, "乡村法律服务点覆盖率": coverage}), "8.1", expected)


# 8.2 拓展为“法律咨询+办案”全功能平台…仅有法律咨询功能的扣1分(2分)
#     reading: no 专区 at all is deducted the same 1
@pytest.mark.parametrize("zone, expected", [
    ("法律咨询+办案全功能", "2.00"),
    ("仅有法律咨询功能", "1.00"),   # 2 - 1
    ("未建立专区", "1.00"),         # 2 - 1
])
def test_8_2_zone_functions(run, zone, expected):
    check_item(run({"法律服务专区功能": zone}), "8.2", expected)


# 8.3 不按时报送工作数据的扣1分，简报信息报送少于6条的扣1分(2分)
@pytest.mark.parametrize("late, briefs, expected", [
    (False, 6, "2.00"),
    (False, 12, "2.00"),
    (False, 5, "1.00"),    # fewer than 6 → 2 - 1
    (True, 6, "1.00"),     # 2 - 1
    (True, 0, "0.00"),     # 2 - 1 - 1
])
def test_8_3_monthly_reports(run, late, briefs, expected):
    check_item(run({"工作数据未按时报送": late, "依法行政简报信息条数": briefs}), "8.3", expected)


# 8.4 未挂法制股牌的，扣0.1分，与行政执法股室混合办公的，扣0.2分，未配备法制工作人员的，扣0.2分。
#     未成立依法行政工作领导小组的扣0.2分，未建立“行政首长是依法行政第一责任人”制度的，扣0.2分；
#     单独设立法制机构的，加0.2分。(2分)
@pytest.mark.parametrize("overrides, expected, bonus", [
    ({}, "2.00", "0"),
    ({"单独设立法制机构": True}, "2.00", "0.2"),                     # bonus beyond the 2
    ({"已挂法制股牌": False}, "1.90", "0"),                          # 2 - 0.1
    ({"法制与执法股室混合办公": True}, "1.80", "0"),                 # 2 - 0.2
    ({"已配备法制工作人员": False}, "1.80", "0"),                    # 2 - 0.2
    ({"已成立依法行政领导小组": False}, "1.80", "0"),                # 2 - 0.2
    ({"已建立行政首长第一责任人制度": False}, "1.80", "0"),          # 2 - 0.2
    ({"已挂法制股牌": False, "法制与执法股室混合办公": True, "已配备法制工作人员": False,
      "已成立依法行政领导小组": False, "已建立行政首长第一责任人制度": False},
     "1.10", "0"),                                                  # 2 - 0.1 - 0.2×4 = 1.1
    ({"法制与执法股室混合办公": True, "单独设立法制机构": True}, "1.80", "0.2"),   # 2 - 0.2, bonus 0.2
])
def test_8_4_legal_unit(run, overrides, expected, bonus):
    check_item(run(overrides), "8.4", expected, bonus)


# 8.5 上级司法行政机关发现未备案的每起扣0.1分，被其他渠道举报或者曝光未备案的扣0.2分，
#     规范性文件程序、内容不合法的扣0.2分(2分) — reading: 举报曝光 per case, 不合法 once
@pytest.mark.parametrize("found, reported, unlawful, expected", [
    (0, 0, False, "2.00"),
    (1, 0, False, "1.90"),    # 2 - 0.1
    (0, 1, False, "1.80"),    # 2 - 0.2
    (0, 0, True, "1.80"),     # 2 - 0.2
    (3, 2, True, "1.10"),     # 2 - 0.3 - 0.4 - 0.2
    (20, 0, False, "0.00"),   # 2 - 2
    (25, 0, False, "0.00"),   # 2 - 2.5 → 0
    (10, 5, True, "0.00"),    # 2 - 1 - 1 - 0.2 → 0
])
def test_8_5_normative_documents(run, found, reported, unlawful, expected):
    card = run({"规范性文件未备案上级发现起数": found, "规范性文件未备案被举报曝光起数": reported,
                "规范性文件不合法": unlawful})
    check_item(card, "8.5", expected)


# 8.6 发现未备案的，每起扣0.2分(2分)
@pytest.mark.parametrize("count, expected", [
    (0, "2.00"),
    (1, "1.80"),
    (4, "1.20"),    # 2 - 0.8
    (10, "0.00"),   # 2 - 2
    (12, "0.00"),   # 2 - 2.4 → 0
])
def test_8_6_decisions_filed(run, count, expected):
    check_item(run({"处罚复议决定未备案起数": count}), "8.6", expected)


# 8.7 被责令限期答复的每起扣0.1-0.5分，答复内容不合法被责令重新答复的每起扣0.1-0.5分(2分)
@pytest.mark.parametrize("deadline, redo, expected", [
    (MISSING, MISSING, "2.00"),                     # default 无
    ([], [], "2.00"),
    (["0.1"], [], "1.90"),                          # 2 - 0.1
    (["0.5", "0.3"], ["0.4"], "0.80"),              # 2 - 0.5 - 0.3 - 0.4
    ([{"amount": "0.5", "reason": "逾期答复"}], ["0.5", "0.5", "0.5"], "0.00"),   # 2 - 2 = 0
    (["0.5", "0.5", "0.5"], ["0.5", "0.5"], "0.00"),   # 2 - 2.5 → 0
])
def test_8_7_information_disclosure(run, deadline, redo, expected):
    card = run({"信息公开被责令限期答复扣分": deadline, "信息公开被责令重新答复扣分": redo})
    check_item(card, "8.7", expected)


def test_8_7_each_record_is_an_event_with_its_reason(run):
    item = run({"信息公开被责令限期答复扣分": [{"amount": "0.3", "reason": "案1"}, {"amount": "0.2", "reason": "案2"}]}
               ).item("8.7")
    assert item.score == D("1.50")        # 2 - 0.3 - 0.2
    assert [(e.points, e.reason) for e in item.events] == [(D("-0.3"), "案1"), (D("-0.2"), "案2")]


# 8.8 被责令重新审查作出决定的每起扣0.1-0.5分(2分)
@pytest.mark.parametrize("records, expected", [
    ([], "2.00"),
    (["0.3"], "1.70"),                          # 2 - 0.3
    (["0.5", "0.5", "0.5", "0.5"], "0.00"),     # 2 - 2
    (["0.5"] * 5, "0.00"),                      # 2 - 2.5 → 0
])
def test_8_8_licensing(run, records, expected):
    check_item(run({"行政许可被责令重新审查扣分": records}), "8.8", expected)


# 8.9 未按时履行的，发现每起扣0.1-0.5分(1分)
@pytest.mark.parametrize("records, expected", [
    ([], "1.00"),
    (["0.2"], "0.80"),                 # 1 - 0.2
    (["0.5", "0.5"], "0.00"),          # 1 - 1
    (["0.5", "0.5", "0.3"], "0.00"),   # 1 - 1.3 → 0
])
def test_8_9_decisions_carried_out(run, records, expected):
    check_item(run({"未按时履行复议决定裁判扣分": records}), "8.9", expected)


# 8.10 被责令重新作出或者被撤销的每起扣0.1-0.5分(1分)
@pytest.mark.parametrize("records, expected", [
    ([], "1.00"),
    (["0.2"], "0.80"),
    (["0.5", "0.4"], "0.10"),          # 1 - 0.9
    (["0.5", "0.5", "0.5"], "0.00"),   # 1 - 1.5 → 0
])
def test_8_10_penalties(run, records, expected):
    check_item(run({"行政处罚被责令重作或撤销扣分": records}), "8.10", expected)


# 8.11 被责令限期做投诉回复的每起扣0.1-0.5分，回复内容不合法被责令重新回复的每起扣0.1-0.5分(3分)
@pytest.mark.parametrize("deadline, redo, expected", [
    ([], [], "3.00"),
    (["0.5", "0.5"], ["0.3"], "1.70"),               # 3 - 1.3
    (["0.5"] * 4, ["0.5"] * 2, "0.00"),              # 3 - 3
    (["0.5"] * 4, ["0.5"] * 3, "0.00"),              # 3 - 3.5 → 0
])
def test_8_11_complaints(run, deadline, redo, expected):
    check_item(run({"行政投诉被责令限期回复扣分": deadline, "行政投诉被责令重新回复扣分": redo}), "8.11", expected)


@pytest.mark.parametrize("records", [["0.6"], ["0.05"], ["0.3", "1"]])
def test_8_7_to_8_11_records_in_range(run, records):
    # 每起扣0.1-0.5分: every record within 0.1–0.5
    with pytest.raises(scorelang.FactsError):
        run({"行政投诉被责令限期回复扣分": records})


# 8.12 对检查中发现的问题按《标准》相应分值进行考评扣分(5分) — reading: judged 0–5, no default
@pytest.mark.parametrize("amount, expected", [
    ("0", "5.00"),
    ("1.5", "3.50"),   # 5 - 1.5
    ("5", "0.00"),
])
def test_8_12_case_file_review(run, amount, expected):
    check_item(run({"案卷评查扣分": amount}), "8.12", expected)


# 8.13 不听取指导意见或者不及时汇报处理结果的，每起扣0.2分(2分)
@pytest.mark.parametrize("count, expected", [
    (0, "2.00"),
    (1, "1.80"),
    (10, "0.00"),   # 2 - 2
    (11, "0.00"),   # 2 - 2.2 → 0
])
def test_8_13_supervised_cases(run, count, expected):
    check_item(run({"督办案件未听取意见或未汇报起数": count}), "8.13", expected)


# 8.14 未按规定时限、要求报送的，每次扣0.3分，未报送的，每次扣0.5分(3分)
@pytest.mark.parametrize("late, missing, expected", [
    (0, 0, "3.00"),
    (1, 0, "2.70"),    # 3 - 0.3
    (0, 1, "2.50"),    # 3 - 0.5
    (2, 2, "1.40"),    # 3 - 0.6 - 1
    (10, 0, "0.00"),   # 3 - 3
    (4, 5, "0.00"),    # 3 - 1.2 - 2.5 → 0
])
def test_8_14_documents_and_data(run, late, missing, expected):
    check_item(run({"法制文件数据未按时按要求报送次数": late, "法制文件数据未报送次数": missing}), "8.14", expected)


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


# 8.16 按照项目开工率和竣工率计算相应具体得分(6分)
#      reading: 3 × 开工率 + 3 × 竣工率 (each rate as a fraction of 100%)
@pytest.mark.parametrize("started, finished, expected", [
    ("100", "100", "6.00"),
    ("80", "50", "3.90"),      # 2.4 + 1.5
    ("100", "0", "3.00"),      # 3 + 0
    ("0", "0", "0.00"),
    ("66.7", "33.3", "3.00"),  # 2.001 + 0.999 = 3
    ("50", "12.5", "1.88"),    # 1.5 + 0.375 = 1.875 → 四舍五入 → 1.88
    ("90", "95.5", "5.57"),    # 2.7 + 2.865 = 5.565 → 5.57 (banker's would give 5.56)
])
def test_8_16_start_and_completion_rates(run, started, finished, expected):
    card = run({"投资计划项目开工率": started, "投资计划项目竣工率": finished})
    check_item(card, "8.16", expected)


# 8.20 未按规定要求上报的扣4分(4分)
@pytest.mark.parametrize("late, expected", [
    (False, "4.00"),
    (True, "0.00"),    # 4 - 4
])
def test_8_20_financial_statements(run, late, expected):
    check_item(run({"财务统计报表未按规定上报": late}), "8.20", expected)


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

# 8.28 未制定年度改革工作计划扣1分(1分)
@pytest.mark.parametrize("planned, expected", [(True, "1.00"), (False, "0.00")])
def test_8_28_reform_plan(run, planned, expected):
    check_item(run({"已制定年度改革工作计划": planned}), "8.28", expected)


# 8.29 未成立改革领导小组工作的扣1分(1分)
@pytest.mark.parametrize("group, expected", [(True, "1.00"), (False, "0.00")])
def test_8_29_reform_group(run, group, expected):
    check_item(run({"已成立改革领导小组": group}), "8.29", expected)


# 8.30 推进落实不力的扣1分，未按时报送材料的扣0.5分(2分)
@pytest.mark.parametrize("weak, late, expected", [
    (False, False, "2.00"),
    (True, False, "1.00"),    # 2 - 1
    (False, True, "1.50"),    # 2 - 0.5
    (True, True, "0.50"),     # 2 - 1 - 0.5
])
def test_8_30_reform_progress(run, weak, late, expected):
    check_item(run({"改革推进落实不力": weak, "改革推进材料未按时报送": late}), "8.30", expected)


# 8.31 按时完成公证机构改革任务，未完成的扣3分(3分)
@pytest.mark.parametrize("done, expected", [(True, "3.00"), (False, "0.00")])
def test_8_31_notary_reform(run, done, expected):
    check_item(run({"公证机构改革任务已完成": done}), "8.31", expected)


# ============================================================================ 关工委工作

# 8.34 未完成工作任务受到通报批评扣0.2分(2分)
@pytest.mark.parametrize("criticised, expected", [(False, "2.00"), (True, "1.80")])
def test_8_34_youth_committee_tasks(run, criticised, expected):
    check_item(run({"关工委任务未完成被通报": criticised}), "8.34", expected)


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
