"""Stage 3: each rule class compiles to a closure with the arithmetic its phrase says."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

import scorelang
from scorelang.compile import rules
from scorelang.model import nodes as m


def test_every_model_rule_class_has_a_compiler():
    assert set(rules._COMPILERS) == set(m.RULE_CLASSES)


def test_every_condition_class_has_a_compiler():
    assert set(rules._CONDITIONS) == {m.FlagIs, m.Compare, m.Negation, m.AllOf, m.AnyOf}


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
