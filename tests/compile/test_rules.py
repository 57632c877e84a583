"""Stage 3: each rule class compiles to a closure with the arithmetic its phrase says."""
from __future__ import annotations

import typing
from decimal import Decimal as D

import pytest

import scorelang
from scorelang.compile import rules
from scorelang.model import nodes as m


def test_every_model_rule_class_has_a_compiler():
    assert set(rules._COMPILERS) == set(m.RULE_CLASSES)


def test_every_condition_class_has_a_compiler():
    assert set(rules._CONDITIONS) == set(typing.get_args(m.Condition))


def one_item(body: str, facts: str, points: str = "100", extra_items: str = "") -> scorelang.Policy:
    """A one-task policy whose item 1.1 holds ``body``; a filler item makes the task 100分."""
    rest = 100 - int(points)
    if rest:
        extra_items += f'\n    第9项 "其余" {rest}分 {{ 若「无关」不得分 }}'
        facts += " 「无关」 是否 默认 否"
    return scorelang.loads(f'''考评办法 "t" {{ 保留 2 位小数 四舍五入 }}
对象 「对象」 {{ 「甲」 }}
计入总分权重 {{ 目标任务一 100% }}
目标任务 一 "任务" {{
  牵头 「科」
  事实 {{ {facts} }}
  部分 "部分" 100分 {{
    第1项 "项" {points}分 {{
      {body}
    }}
    {extra_items}
  }}
}}
''')


def score(policy, **facts):
    return policy.evaluate("甲", facts).item("1.1")


@pytest.mark.parametrize("partial, value, expected", [
    ("不足一档按一档计", "97", "95"),     # 3 points short → one step
    ("不足一档不计", "97", "100"),         # 3 points short → no step
    ("不足一档按比例计", "97", "97"),      # 3/5 of a step × 5 = 3
    ("不足一档按一档计", "90", "90"),      # exactly two steps
    ("不足一档按一档计", "100", "100"),    # at target: nothing
    ("不足一档按一档计", "0", "0"),        # twenty steps: floored at 0
])
def test_ladder_partial_step_modes(partial, value, expected):
    policy = one_item(f"「p」 达 100% 每降低 5 个百分点 扣5分 {partial}", "「p」 百分比")
    assert score(policy, p=value).score == D(expected)


def test_ladder_on_a_count_uses_percentage_points_of_the_target():
    # 270 of 300 → 10 percentage points short → 2 steps of 5 → -4
    policy = one_item("「n」 达 300 每降低 5 个百分点 扣2分 不足一档不计", "「n」 计数")
    item = score(policy, n=270)
    assert item.score == D("96")
    assert item.events[0].points == D("-4")


def test_count_shortfall_in_whole_steps_needs_no_partial_rule():
    policy = one_item("「n」 不少于 2 每少 1 次 扣2分", "「n」 计数")
    assert score(policy, n=0).score == D("96")
    assert score(policy, n=5).score == D("100")


def test_per_occurrence_deduction_and_floor_event():
    policy = one_item("每「x」扣0.5分 扣完为止", "「x」 计数", points="10")
    item = policy.evaluate("甲", {"x": 25}).item("1.1")
    assert item.score == D("0")
    kinds = [(e.kind, e.points) for e in item.events]
    assert kinds == [("deduct", D("-12.5")), ("floor", D("2.5"))]
    assert sum(e.points for e in item.events) == item.score - item.max


def test_award_rules_start_from_zero_and_cap_at_the_points():
    policy = one_item("每「x」得2分", "「x」 计数", points="10")
    assert score(policy, x=3).score == D("6")
    capped = score(policy, x=7)
    assert capped.score == D("10")
    assert [e.kind for e in capped.events] == ["award", "cap"]


def test_zero_cancels_the_item_and_says_how_much():
    policy = one_item("每「x」扣1分\n      若「f」不得分", "「x」 计数 「f」 是否", points="10")
    item = score(policy, x=2, f=True)
    assert item.score == D("0")
    zero = [e for e in item.events if e.kind == "zero"][0]
    assert zero.points == D("-8")
    assert score(policy, x=2, f=False).score == D("8")


def test_conditions_combine_with_and_or_not():
    policy = one_item("若 （「a」 且 「b」） 或 非「c」 扣10分", "「a」 是否 「b」 是否 「c」 是否")
    assert score(policy, a=True, b=True, c=True).score == D("90")
    assert score(policy, a=True, b=False, c=True).score == D("100")
    assert score(policy, a=False, b=False, c=False).score == D("90")


def test_comparisons_on_numbers_and_choices():
    policy = one_item('若「n」 < 300 扣2分\n      若「c」为 "未建成" 扣10分',
                      '「n」 计数 「c」 选项 { "满足" "未建成" }')
    assert score(policy, n=299, c="满足").score == D("98")
    assert score(policy, n=300, c="未建成").score == D("90")


def test_judgement_keeps_the_assessor_reason():
    policy = one_item("扣「j」", "「j」 评定 1 至 3 分", points="5")
    item = score(policy, j={"amount": "2.5", "reason": "中心未建"})
    assert item.score == D("2.5")
    assert item.events[0].reason == "中心未建"
    assert score(policy, j="0").events == ()


def test_judgement_records_deduct_each_occurrence():
    policy = one_item("扣「r」 扣完为止", "「r」 评定记录 1 至 3 分 默认 无", points="5")
    item = score(policy, r=["1", {"amount": "3", "reason": "事故"}, "2"])
    assert item.score == D("0")
    assert [e.points for e in item.events] == [D("-1"), D("-3"), D("-2"), D("1")]
    assert score(policy).score == D("5")


def test_deduction_only_item_is_capped_and_subtracts_from_the_task():
    policy = one_item("每「x」扣1分", "「x」 计数 「y」 计数", points="100",
                      extra_items='第2项 扣分项 "扣分" 6分 { 每「y」扣1.5分 扣完为止 }')
    card = policy.evaluate("甲", {"x": 0, "y": 5})
    item = card.item("1.2")
    assert item.score == D("-6") and item.deduction_only
    assert [e.kind for e in item.events] == ["deduct", "cap"]
    assert card.task("1").score == D("94")


def test_task_is_floored_at_zero_when_deduction_items_exceed_it():
    policy = one_item("每「x」扣10分", "「x」 计数 「y」 计数", points="100",
                      extra_items='第2项 扣分项 "扣分" 6分 { 每「y」扣2分 }')
    card = policy.evaluate("甲", {"x": 10, "y": 3})
    assert card.task("1").score == D("0")
    assert card.task("1").events[0].kind == "floor"


def test_occasions_read_their_own_facts():
    policy = one_item('共 3 次 每次 5分 { 「p」 达 70% 每降低 5 个百分点 扣1分 不足一档按一档计 扣完为止 }',
                      "「p」 百分比 按次", points="15",
                      extra_items="")
    facts = {"p第1次": "70", "p第2次": "64", "p第3次": "0"}
    item = policy.evaluate("甲", facts).item("1.1")
    # 5 + (5 - 2) + max(0, 5 - 14) = 8
    assert item.score == D("8")
    assert [dict(e.facts) for e in item.events if e.kind == "deduct"] == [{"p第2次": D("64")}, {"p第3次": D("0")}]


# ------------------------------------------------------------------ issue 3 shapes
def test_bonus_goes_beyond_the_item_points_and_into_the_weighted_score():
    # 7.11: 计2分，考评为优秀或先进等次的加0.4分；考评为“四好班子”，加0.4分
    policy = one_item('若「等次」为 "优秀" 加0.4分\n      若「四好」加0.4分\n      若「等次」为 "基本合格" 扣1分',
                      '「等次」 选项 { "优秀" "合格" "基本合格" } 「四好」 是否', points="2")
    card = policy.evaluate("甲", {"等次": "优秀", "四好": True, "无关": False})
    item = card.item("1.1")
    assert item.score == D("2") and item.bonus == D("0.8")
    assert [e.kind for e in item.events] == ["bonus", "bonus"]
    # (100 + 0.8) × 100% = 100.80: the task's score stays on its scale, the bonus is added when weighting
    assert card.task("1").score == D("100") and card.task("1").bonus == D("0.8")
    assert card.task("1").weighted == D("100.80")
    poor = policy.evaluate("甲", {"等次": "基本合格", "四好": False, "无关": False}).item("1.1")
    assert poor.score == D("1") and poor.bonus == D("0")


def test_per_person_bonus():
    policy = one_item("每「交流人数」加0.2分\n      每「未轮岗人次」扣0.1分", "「交流人数」 计数 「未轮岗人次」 计数", points="4")
    item = policy.evaluate("甲", {"交流人数": 3, "未轮岗人次": 2, "无关": False}).item("1.1")
    assert item.score == D("3.8") and item.bonus == D("0.6")


def test_proportional_earning():
    # 8.16 解读: 按「开工率」比例得3分 + 按「竣工率」比例得3分
    policy = one_item("按「开工率」比例得3分\n      按「竣工率」比例得3分", "「开工率」 百分比 「竣工率」 百分比", points="6")
    assert score(policy, 开工率="80", 竣工率="50", 无关=False).score == D("3.9")
    assert score(policy, 开工率="100", 竣工率="100", 无关=False).score == D("6")


def test_fact_against_fact_comparison():
    # 5.17: 案件数与上年度相同或有增长
    policy = one_item("若「案件数」 < 「上年度案件数」 扣4分", "「案件数」 计数 「上年度案件数」 计数", points="8")
    assert score(policy, 案件数=9, 上年度案件数=10, 无关=False).score == D("4")
    assert score(policy, 案件数=10, 上年度案件数=10, 无关=False).score == D("8")


@pytest.mark.parametrize("rate, expected", [("2", "6"), ("2.5", "4"), ("4", "2"), ("9", "0")])
def test_upward_ladder_counts_the_excess(rate, expected):
    # 7.1: 空编率高于2%的，每增加一个百分点扣2分(6分); a partial point counts as one
    policy = one_item("「空编率」 不高于 2% 每增加 1 个百分点 扣2分 不足一档按一档计", "「空编率」 百分比", points="6")
    assert score(policy, 空编率=rate, 无关=False).score == D(expected)


def test_ladder_directions_must_match():
    with pytest.raises(scorelang.PolicyError) as info:
        one_item("「空编率」 不高于 2% 每降低 1 个百分点 扣2分 不足一档按一档计", "「空编率」 百分比", points="6")
    assert "SL117" in {d.code for d in info.value.diagnostics}


def test_parts_worth_more_than_the_item_are_capped_with_a_warning():
    # 1.7: 12 themes × 2 = 24 against 共计22分
    policy = one_item('共 12 次 每次 2分 { 若 非「到位」 扣1分 }', "「到位」 是否 按次", points="22")
    assert "SL122" in {w.code for w in policy.warnings}
    facts = {f"到位第{k}次": True for k in range(1, 13)} | {"无关": False}
    item = policy.evaluate("甲", facts).item("1.1")
    assert item.score == D("22")
    assert item.events[-1].kind == "cap" and item.events[-1].points == D("-2")
    facts["到位第1次"] = facts["到位第2次"] = facts["到位第3次"] = False
    assert policy.evaluate("甲", facts).item("1.1").score == D("21")


TABLE = '''
每条「表彰」 按「层级」「等级」加分 {keep} {{
  "省直部门" {{ "一等奖" 0.5 "二等奖" 0.4 "三等奖" 0.3 }}
  "州委" {{ "一等奖" 0.8 "二等奖" 0.6 "三等奖" 0.4 }}
  "未明确等级" 视为 "二等奖"
}}'''


def article_policy(article_body: str, facts: str) -> scorelang.Policy:
    return scorelang.loads(f'''考评办法 "t" {{ 保留 2 位小数 四舍五入 }}
对象 「对象」 {{ 「甲」 「乙」 }}
计入总分权重 {{ 目标任务一 100% }}
目标任务 一 "任务" {{
  牵头 「科」
  事实 {{ 「x」 计数 }}
  部分 "部分" 100分 {{ 第1项 "项" 100分 {{ 每「x」扣1分 }} }}
}}
第六条 "特殊情况加分" {{
  事实 {{ {facts} }}
  {article_body}
}}
''')


RECORDS = '「表彰」 记录 { 「层级」 选项 { "省直部门" "州委" } 「等级」 选项 { "一等奖" "二等奖" "三等奖" "未明确等级" } 「工作」 文字 } 默认 无'
SAME_WORK = [{"层级": "州委", "等级": "一等奖", "工作": "调解"}, {"层级": "省直部门", "等级": "未明确等级", "工作": "调解"},
             {"层级": "州委", "等级": "三等奖", "工作": "普法"}]


@pytest.mark.parametrize("keep, expected", [
    ("同一「工作」只计最高层级", D("0.8")),   # 调解: 省直部门 (first row) 0.4 (未明确 → 二等奖); 普法 0.4
    ("同一「工作」只计最高分", D("1.2")),     # 调解: 州委一等奖 0.8; 普法 0.4
    ("", D("1.6")),                           # every record: 0.8 + 0.4 + 0.4
])
def test_commendation_table_and_the_two_readings_of_highest(keep, expected):
    policy = article_policy(TABLE.format(keep=keep), RECORDS)
    card = policy.evaluate("甲", {"x": 0, "表彰": SAME_WORK})
    assert card.total == D("100") + expected
    bonuses = [e for e in card.adjustments if e.kind == "bonus"]
    assert sum(e.points for e in bonuses) == expected
    assert all(e.clause == "第六条" for e in card.adjustments)
    if keep:
        assert [e.kind for e in card.adjustments].count("note") == 1


def test_leader_scores_sum_or_mean():
    facts = '「主要」 评定 0.5 至 2 分 「其余」 评定记录 0.1 至 0.5 分'
    total = article_policy("加「主要」\n  加「其余」 合计", facts).evaluate(
        "甲", {"x": 0, "主要": "1.5", "其余": ["0.3", "0.5"]}).total
    mean = article_policy("加「主要」\n  加「其余」 平均", facts + " 无记录时 计 0 分").evaluate(
        "甲", {"x": 0, "主要": "1.5", "其余": ["0.3", "0.5"]}).total
    assert total == D("102.30") and mean == D("101.90")


def test_records_must_say_sum_or_mean():
    with pytest.raises(scorelang.PolicyError) as info:
        article_policy("加「其余」", "「其余」 评定记录 0.1 至 0.5 分")
    assert "SL128" in {d.code for d in info.value.diagnostics}


def test_award_effects_change_no_points():
    policy = article_policy('若「刑事处罚」 降低一个等次评奖\n  若「弄虚作假」为 "严重" 直接排名最后一位',
                            '「刑事处罚」 是否 「弄虚作假」 选项 { "无" "较轻" "严重" }')
    card = policy.evaluate("甲", {"x": 0, "刑事处罚": True, "弄虚作假": "严重"})
    assert card.total == D("100")
    assert [e.kind for e in card.adjustments] == ["demote", "last"]


def test_award_effects_belong_in_articles():
    with pytest.raises(scorelang.PolicyError) as info:
        one_item("若「f」 降低一个等次评奖", "「f」 是否")
    assert "SL126" in {d.code for d in info.value.diagnostics}


def test_total_after_deductions_never_goes_below_zero():
    policy = article_policy("每「通报」扣60分", "「通报」 计数")
    assert policy.evaluate("甲", {"x": 100, "通报": 2}).total == D("0")


# ------------------------------------------------------------------ the ladder's trace detail
def ladder_detail(policy, **facts):
    (event,) = [e for e in score(policy, **facts).events if e.detail is not None]
    return event, event.detail


@pytest.mark.parametrize("partial, value, steps", [
    ("不足一档按一档计", "82", D(4)),      # 18 points short: 3.6 steps → 4
    ("不足一档不计", "82", D(3)),          # → 3
    ("不足一档按比例计", "82", D("3.6")),  # → 3.6
])
def test_ladder_event_says_measured_target_gap_steps_and_mode(partial, value, steps):
    policy = one_item(f"「p」 达 100% 每降低 5 个百分点 扣5分 {partial}", "「p」 百分比")
    event, detail = ladder_detail(policy, p=value)
    assert (detail.measured, detail.target, detail.unit, detail.upward) == (D(value), D(100), "%", False)
    assert (detail.gap, detail.step, detail.steps, detail.percentage_points) == (D(18), D(5), steps, True)
    assert detail.partial == {"不足一档按一档计": "ceil", "不足一档不计": "floor", "不足一档按比例计": "proportional"}[partial]
    assert event.points == -steps * 5


def test_ladder_detail_on_a_count_against_a_target_in_percentage_points():
    policy = one_item("「n」 达 300 每降低 5 个百分点 扣2分 不足一档不计", "「n」 计数 单位 \"件\"")
    _, detail = ladder_detail(policy, n=280)
    assert detail.measured == 280 and detail.unit == "件" and detail.percentage_points
    assert abs(detail.gap - D(20) / 3) < D("1e-20") and detail.steps == 1


def test_ladder_detail_of_a_ceiling_and_of_a_count_in_whole_steps():
    policy = one_item("「r」 不高于 2% 每增加 1 个百分点 扣2分 不足一档按一档计", "「r」 百分比")
    _, detail = ladder_detail(policy, r="3.5")
    assert (detail.upward, detail.gap, detail.steps) == (True, D("1.5"), D(2))
    policy = one_item("「n」 不少于 2 每少 1 次 扣2分", "「n」 计数 单位 \"次\"")
    _, detail = ladder_detail(policy, n=0)
    assert (detail.partial, detail.percentage_points, detail.unit, detail.gap, detail.steps) == (
        "exact", False, "次", D(2), D(2))


def test_only_ladders_carry_a_detail_and_none_when_nothing_is_deducted():
    policy = one_item("「p」 达 100% 每降低 5 个百分点 扣5分 不足一档按一档计\n      每「x」扣1分", "「p」 百分比 「x」 计数")
    item = score(policy, p="100", x=2)
    assert [e.detail for e in item.events] == [None]
