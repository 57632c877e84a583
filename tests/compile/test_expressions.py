"""Expressions (docs/language.md §9.2) and a condition before any rule (§9.3): the docs'
examples load and score as their text says; kinds, units and divisors are checked; the
arithmetic is exact Decimal."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from diagnostic_codes import error_codes
from scorelang.compile.expressions import _VALUES
from scorelang.model import expressions as x
from scorelang.policy import loads

DOC = Path(__file__).resolve().parents[2] / "docs" / "language.md"

HEAD = '''考评办法 "试" { 保留 2 位小数 四舍五入 }
对象 「单位」 { 「甲」 }
计入总分权重 { 目标任务一 100% }
目标任务一 "任务" {
  牵头 「科」
  事实 {
    「结案数」 计数 单位 "件"
    「受案数」 计数 单位 "件"
    「篇数」 计数 单位 "篇"
    「人数」 计数
    「率」 百分比
    「上年率」 百分比
    「余额」 数值
    「已建成」 是否
    「类别」 选项 { "城区" "山区" }
    「评分」 评定 0 至 3 分
  }
  部分 "一" 100分 {
    第1项 "甲" 100分 {
      RULE
    }
  }
}
'''
FACTS = {"结案数": 8, "受案数": 10, "篇数": 2, "人数": 3, "率": Decimal(80), "上年率": Decimal(85),
         "余额": Decimal("-2.5"), "已建成": True, "类别": "城区", "评分": 2}


def _section(title: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(title)
    end = text.index("\n### ", start + 1)
    return text[start:end]


def _policies(title: str) -> list[str]:
    return re.findall(r"```score\n(.*?)```", _section(title), re.DOTALL)


def _item(rule: str, **facts) -> tuple[Decimal, tuple]:
    card = loads(HEAD.replace("RULE", rule)).evaluate("甲", {**FACTS, **facts})
    item = card.tasks[0].sections[0].items[0]
    return item.score + item.bonus, item.events


def _codes(rule: str) -> list[str]:
    return error_codes(HEAD.replace("RULE", rule))


@pytest.mark.parametrize("title", ["### 9.2 算式", "### 9.3 任何规则前"])
def test_the_docs_examples_load_and_score_every_entity(title):
    blocks = _policies(title)
    assert blocks
    for text in blocks:
        policy = loads(text)
        assert not policy.warnings
        assert policy.template()


def test_the_docs_ratio_example_scores_as_written():
    policy = loads(_policies("### 9.2 算式")[0])
    facts = {"受理纠纷数": 50, "调解成功数": 45, "越级上访件数": 1, "重复上访件数": 2, "上年调解成功率": Decimal(92)}
    card = policy.evaluate("城关镇", facts)
    first, second, third = card.tasks[0].sections[0].items
    assert first.score == Decimal(30)  # 90% against 95%: 5 points short, 2 each
    assert second.score == Decimal(27)  # 1 + 2 件
    assert third.score == Decimal(22)  # 30 × 90% = 27, then 90 < 92: −5
    # no case at all: the guard gives 100%, nothing divides by 0
    empty = policy.evaluate("河西乡", {**facts, "受理纠纷数": 0, "调解成功数": 0})
    assert empty.tasks[0].sections[0].items[0].score == Decimal(40)


@pytest.mark.parametrize("rule, expected", [
    ("每「结案数」 + 「受案数」 扣1分", 82),
    ("每 最大（「受案数」 - 「结案数」，0） 扣1分", 98),
    ("每 最大（「受案数」 - 「结案数」，0） × 2 扣1分", 96),
    ("每 最大（「结案数」，「受案数」，「人数」） 扣1分", 90),
    ("每 最小（「结案数」 「受案数」 「人数」） 扣1分", 97),
    ("每 绝对值（「结案数」 - 「受案数」） 扣1分", 98),
    ("若「结案数」 < 「受案数」 × 80% 扣5分", 100),  # 8 < 8 is false
    ("若「结案数」 < 「受案数」 × 85% 扣5分", 95),  # 8 < 8.5
    ("按 「结案数」 ÷ 「受案数」 × 100% 除数为0时取 0% 比例得 100分", 80),
    ("「率」 - 「上年率」 达 0 每降低 1 个百分点 扣2分 不足一档按一档计", 90),
])
def test_arithmetic_is_exact(rule, expected):
    score, _ = _item(rule)
    assert score == Decimal(expected)


def test_events_show_the_inputs_and_the_value():
    _, events = _item("每「结案数」 + 「受案数」 扣1分")
    (event,) = events
    assert dict(event.facts) == {"结案数": 8, "受案数": 10, "「结案数」 + 「受案数」": 18}


def test_guarded_division_by_zero_takes_the_declared_value():
    rule = "「结案数」 ÷ 「受案数」 × 100% 除数为0时取 100% 达 90% 每降低 1 个百分点 扣2分 不足一档按比例计"
    assert _item(rule)[0] == Decimal(80)
    assert _item(rule, 受案数=0, 结案数=0)[0] == Decimal(100)


@pytest.mark.parametrize("rule, code", [
    ("每「结案数」 ÷ 「受案数」 扣1分", "SL152"),  # a count may be 0
    ("每「结案数」 + 「率」 扣1分", "SL151"),  # a percent is not added to a count
    ("每「结案数」 + 「篇数」 扣1分", "SL151"),  # 件 and 篇
    ("按 「结案数」 比例得 3分", "SL113"),  # a plain fact keeps its old message
    ("按 「结案数」 + 「受案数」 比例得 3分", "SL151"),  # a count where a percent is needed
    ("每 最大（「结案数」） 扣1分", "SL153"),
    ("每 绝对值（「结案数」，「受案数」） 扣1分", "SL153"),
    ("若 「结案数」 + 1 扣1分", "SL150"),
    ("若 「结案数」 + 1 > 「率」 扣1分", "SL151"),
    ("每「已建成」 + 1 扣1分", "SL113"),
    ("每 最大（「结案数」，-1） 扣1分", "SL001"),  # the comma is ignored: write （-1）
    ("每「受案数」 - 「结案数」 × 2 扣1分", "SL154"),  # may be negative: a deduction would add
    ("按 「率」 + -5 比例得 3分", "SL154"),  # a percent that may be negative
    ("按 「率」 - 「上年率」 比例得 3分", "SL151"),  # a difference of percents is 个百分点, not a percent
])
def test_mismatches_are_located_errors(rule, code):
    assert code in _codes(rule)


def test_a_guard_without_a_divisor_that_may_be_zero_is_a_warning():
    policy = loads(HEAD.replace("RULE", "每「结案数」 ÷ 2 除数为0时取 0 扣1分"))
    assert [d.code for d in policy.warnings if d.code.startswith("SL15")] == ["SL152"]


def test_every_expression_class_has_a_compiler():
    from typing import get_args
    assert set(get_args(x.Expr)) == set(_VALUES)


# ------------------------------------------------------------ §9.3: a condition before any rule
@pytest.mark.parametrize("rule, holds, fails", [
    ("若「已建成」 每「结案数」扣1分", 92, 100),
    ("若「类别」为 \"城区\" 「率」 达 90% 每降低 5 个百分点 扣2分 不足一档按一档计", 96, 100),
    ("若「结案数」 + 「受案数」 > 10 按「率」比例得 50分", 40, 0),
    ("若 「已建成」 且 「类别」为 \"城区\" 每「人数」得10分", 30, 0),
    ("若 非「已建成」 或 「类别」为 \"山区\" 每「人数」得10分", 0, 30),
    ("若「已建成」 加「评分」", 102, 100),
    ("若「已建成」 每「人数」加1分", 103, 100),
])
def test_a_condition_before_any_rule(rule, holds, fails):
    assert _item(rule)[0] == Decimal(holds)
    assert _item(rule, 已建成=False, 类别="山区", 结案数=0, 受案数=0)[0] == Decimal(fails)


def test_a_conditional_rules_events_list_the_conditions_facts_first():
    _, events = _item("若「已建成」 每「结案数」扣1分")
    (event,) = events
    assert event.facts[0] == ("已建成", True)
    assert ("结案数", 8) in event.facts


@pytest.mark.parametrize("rule, code", [
    ("若「结案数」 < 0 扣1分", "SL155"),  # a count is never below 0
    ("若「率」 <= 100 扣1分", "SL155"),  # a percent is always at most 100
    ("若「结案数」 + 「受案数」 >= 0 扣1分", "SL155"),
    ("若「率」 - 「上年率」 > 100 扣1分", "SL155"),
])
def test_a_comparison_the_ranges_decide_is_a_warning(rule, code):
    policy = loads(HEAD.replace("RULE", rule))
    assert code in [d.code for d in policy.warnings]


@pytest.mark.parametrize("rule", ["若「结案数」 < 1 扣1分", "若「率」 - 「上年率」 > 0 扣1分", "若「余额」 < 0 扣1分"])
def test_a_comparison_the_facts_decide_is_not_warned(rule):
    policy = loads(HEAD.replace("RULE", rule))
    assert "SL155" not in [d.code for d in policy.warnings]


# ------------------------------------------------------------ §8.7.2: unit words in a ladder
def test_the_docs_unit_example_scores_as_written():
    policy = loads(_policies("### 8.7.2")[0])
    card = policy.evaluate("甲县", {"报送信息篇数": 7, "平均办理天数": Decimal("6.5")})
    first, second = card.tasks[0].sections[0].items
    assert first.score == Decimal("57.90")  # 3 篇 short × 0.7
    assert second.score == Decimal(36)  # 1.5 天 over: 2 steps × 2


@pytest.mark.parametrize("rule, code", [
    ("「篇数」 不少于 10 件 每少 1 件 扣1分", "SL156"),  # declared 篇
    ("「结案数」 不少于 10 篇 每少 1 篇 扣1分", "SL156"),  # declared 件
    ("「率」 达 90% 每降低 1 天 扣1分 不足一档按一档计", "SL117"),
])
def test_a_unit_other_than_the_declared_one_is_a_located_error(rule, code):
    assert code in _codes(rule)


@pytest.mark.parametrize("rule, score", [
    ("「篇数」 不少于 10 篇 每少 1 篇 扣1分", 92),
    ("「篇数」不少于10篇每少1篇扣1分", 92),  # 篇扣: the unit never swallows the keyword
    ("「篇数」 不少于 10 个 每少 1 个 扣1分", 92),
    ("「人数」 不少于 5 人 每少 1 人 扣1分", 98),  # no declared unit: any unit word reads
])
def test_unit_words_read_next_to_keywords(rule, score):
    assert _item(rule)[0] == Decimal(score)
