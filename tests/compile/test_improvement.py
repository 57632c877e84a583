"""个百分点 and year-over-year ladders (docs/language.md §9.5): the docs' example scores as its text
says; a difference of percents is in 个百分点 and is never compared with a percent; a ladder's
target may be computed per entity; 比 … 每提高 … 加 is a bonus, monotone in the improvement."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import scorelang
from diagnostic_codes import codes as codes_of
from scorelang.policy import loads
from scorelang.report.common import ladder_json, ladder_text
from scorelang.runtime.scorecard import EventKind

DOC = Path(__file__).resolve().parents[2] / "docs" / "language.md"


def _doc_policy() -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("### 9.5 个百分点")
    section = text[start:text.index("\n### ", start + 1)]  # to the next section
    (block,) = re.findall(r"```score\n(.*?)```", section, re.DOTALL)
    return block


@pytest.fixture(scope="module")
def ecology() -> scorelang.Policy:
    return loads(_doc_policy())


def _facts(air: str, last_air: str, water: str = "95", last_water: str = "93") -> dict[str, Decimal]:
    return {"空气优良天数比例": Decimal(air), "上年空气优良天数比例": Decimal(last_air),
            "断面达标率": Decimal(water), "上年断面达标率": Decimal(last_water)}


def test_the_docs_example_scores_as_its_text_says(ecology):
    assert not ecology.warnings
    better = ecology.evaluate("城关镇", _facts("88.5", "85")).item("1.1")
    assert (better.score, better.bonus) == (Decimal(50), Decimal(3))
    (event,) = better.events
    assert event.kind is EventKind.BONUS and event.detail is not None and event.detail.bonus
    assert ladder_text(event.detail, 2) == "实际 88.5% 基数 85% 超 3.5 个百分点 计 3 档（不足一档不计）"
    assert ladder_json(event.detail)["bonus"] is True
    worse = ecology.evaluate("河西乡", _facts("80", "85.2")).item("1.1")
    assert (worse.score, worse.bonus) == (Decimal("47.4"), Decimal(0))
    water = ecology.evaluate("石门镇", _facts("85", "85", water="90", last_water="93")).item("1.2")
    assert water.score == Decimal(25)  # −3 个百分点: −10; 5 short of 95%: −15


def test_the_bonus_is_capped_where_the_policy_says(ecology):
    item = ecology.evaluate("城关镇", _facts("99", "85")).item("1.1")
    assert item.bonus == Decimal(5)


HEAD = '''考评办法 "试" { 保留 2 位小数 四舍五入 }
对象 「单位」 { 「甲」 }
计入总分权重 { 目标任务一 100% }
事实 {
  「率」 百分比
  「上年率」 百分比
  「件数」 计数 单位 "件"
  「上年件数」 计数 单位 "件"
}
计算 { 「变化」 = 「率」 - 「上年率」 }
目标任务一 "任务" {
  牵头 「科」
  部分 "一" 100分 {
    第1项 "甲" 100分 {
      RULE
    }
  }
}
'''


def _codes(rule: str) -> list[str]:
    return codes_of(HEAD.replace("RULE", rule), ignore=("SL110", "SL193"))


@pytest.mark.parametrize("rule, codes", [
    ("若 「变化」 > 2 个百分点 扣1分", []),
    ("若 「变化」 > 2 扣1分", []),  # a plain number is in the value's own unit
    ("若 「变化」 > 2% 扣1分", ["SL157"]),
    ("若 「率」 > 2 个百分点 扣1分", ["SL157"]),
    ("若 「率」 - 「上年率」 < 「上年率」 扣1分", ["SL157"]),
    ("若 「率」 > 「上年率」 + 2 个百分点 扣1分", []),  # a percent moved by points is a percent
    ("「变化」 达 5% 每降低 1 个百分点 扣1分 不足一档按比例计", ["SL157"]),
    ("「率」 达 5 个百分点 每降低 1 个百分点 扣1分 不足一档按比例计", ["SL157"]),
    ("「率」 达 「变化」 每降低 1 个百分点 扣1分 不足一档按比例计", ["SL157"]),
    ("「率」 达 「件数」 每降低 1 个百分点 扣1分 不足一档按比例计", ["SL151"]),
    ("「件数」 达 「上年件数」 每降低 5 个百分点 扣1分 不足一档按比例计", ["SL117"]),  # % of a computed target
    ("「件数」 达 「上年件数」 每少 1 件 扣1分", []),
    ("「率」 比 「上年率」 每降低 1 个百分点 加1分 不足一档不计", ["SL117"]),  # a bonus counts steps above
    ("「率」 达 「上年率」 每提高 1 个百分点 扣1分 不足一档不计", ["SL117"]),  # 达 counts below
    ("每「变化」扣1分", ["SL151"]),  # 每 … 扣 takes a count
    ("按 「变化」 比例得10分", ["SL151"]),  # 按 … 比例得 takes a percent
    ("若 （「率」 - 「上年率」） ÷ 「上年率」 除数为0时取 0% > 0 扣1分", ["SL151"]),  # pp ÷ percent
    ("若 「变化」 ÷ 「上年率」 × 100% 除数为0时取 0 > 0 扣1分", ["SL151"]),
])
def test_percentage_points_are_checked(rule, codes):
    assert sorted(set(_codes(rule))) == sorted(set(codes))


def _score(rule: str, **facts: object) -> tuple[Decimal, Decimal]:
    policy = loads(HEAD.replace("RULE", rule))
    item = policy.evaluate("甲", {"率": Decimal(80), "上年率": Decimal(75), "件数": 10, "上年件数": 12, **facts}
                           ).item("1.1")
    return item.score, item.bonus


@pytest.mark.parametrize("rule, expected", [
    ("「率」 比 「上年率」 每提高 2 个百分点 加1分 不足一档不计", (100, 2)),
    ("「率」 比 「上年率」 每提高 2 个百分点 加1分 不足一档按一档计", (100, 3)),
    ("「率」 比 「上年率」 每提高 2 个百分点 加1分 不足一档按比例计", (100, Decimal("2.5"))),
    ("「率」 达 「上年率」 + 10 个百分点 每降低 1 个百分点 扣2分 不足一档按比例计", (90, 0)),
    ("「变化」 达 3 个百分点 每降低 1 个百分点 扣2分 不足一档按比例计", (100, 0)),
    ("「件数」 不少于 「上年件数」 每少 1 件 扣1.5分", (97, 0)),
    ("「件数」 比 「上年件数」 每多 1 件 扣1分", (100, 0)),
])
def test_a_computed_target_scores_per_entity(rule, expected):
    assert _score(rule) == (Decimal(expected[0]), Decimal(expected[1]))


@given(now=st.decimals(0, 100, places=1), before=st.decimals(0, 100, places=1),
       more=st.decimals(0, 20, places=1))
def test_more_improvement_never_gives_less_and_the_score_stays_in_bounds(now, before, more):
    # the monotonicity of a ladder on an improvement: raising this year's rate (before fixed)
    # never lowers the item's score plus bonus; the item stays within [0, 100]
    policy = _improvement()
    higher = min(now + more, Decimal(100))
    low = policy.evaluate("甲", {"率": now, "上年率": before, "件数": 0, "上年件数": 0}).item("1.1")
    high = policy.evaluate("甲", {"率": higher, "上年率": before, "件数": 0, "上年件数": 0}).item("1.1")
    assert low.score + low.bonus <= high.score + high.bonus
    for item in (low, high):
        assert Decimal(0) <= item.score <= Decimal(100) and Decimal(0) <= item.bonus <= Decimal(5)
    again = policy.evaluate("甲", {"率": now, "上年率": before, "件数": 0, "上年件数": 0}).item("1.1")
    assert again == low


_POLICIES: list[scorelang.Policy] = []


def _improvement() -> scorelang.Policy:
    if not _POLICIES:
        _POLICIES.append(loads(HEAD.replace("RULE", (
            "「率」 比 「上年率」 每提高 1 个百分点 加0.5分 不足一档不计 最多加 5 分\n"
            "「率」 比 「上年率」 每降低 1 个百分点 扣2分 不足一档按比例计 扣完为止\n"
            "若 「变化」 < -10 个百分点 扣5分"))))
    return _POLICIES[0]


@pytest.mark.parametrize("rule, codes", [
    ("「件数」 比 「上年件数」 每多 1 件 加1分", ["SL164"]),  # a count with no 至多: the bonus has no end
    ("「件数」 比 「上年件数」 每多 1 件 加1分 最多加 3 分", []),
    ("「率」 比 「上年率」 每提高 1 个百分点 加1分 不足一档不计", []),  # a percent is at most 100
])
def test_a_bonus_ladder_on_an_unbounded_count_is_warned_like_a_bonus_per_occurrence(rule, codes):
    assert _codes(rule) == codes


def test_a_bonus_ladder_on_a_derived_percent_is_bounded_though_its_counts_are_not():
    rate = HEAD.replace("计算 { 「变化」 = 「率」 - 「上年率」 }",
                        "计算 { 「变化」 = 「率」 - 「上年率」 「比」 = 「件数」 ÷ 「上年件数」 × 100% 除数为0时取 100% }")
    bounded = loads(rate.replace("RULE", "若 「变化」 > 0 扣1分 「比」 比 90% 每提高 1 个百分点 加1分 不足一档不计"))
    assert not [d for d in bounded.warnings if d.code == "SL164"]
    policy = HEAD.replace("计算 { 「变化」 = 「率」 - 「上年率」 }",
                          "计算 { 「变化」 = 「率」 - 「上年率」 「多出」 = 「件数」 - 「上年件数」 }")
    with_count = loads(policy.replace("RULE", "若 「变化」 > 0 扣1分 「多出」 比 0 每多 1 件 加1分"))
    assert [d.code for d in with_count.warnings if d.code == "SL164"] == ["SL164"]


PRORATED_BONUS = """
考评办法 "加分阶梯" { 保留 2 位小数 四舍五入 于 项得分 任务得分 加权得分 总分 }
对象 「单位」 { 「甲」 }
计入总分权重 { 目标任务一 100% }
目标任务 一 "环境" {
  牵头 「科」
  事实 { 「本年率」 百分比 「上年率」 百分比 }
  部分 "p" 100分 {
    第1项 "改善" 100分 {
      「本年率」 比 「上年率」 每提高 3 个百分点 加1分 不足一档按比例计 最多加 5 分
    }
  }
}
"""


def test_a_prorated_bonus_is_rounded_where_the_item_score_is():
    # 10 points above the baseline at 3 per step: 10/3 = 3.333… points, 3.33 at the item's 2 places
    card = loads(PRORATED_BONUS).evaluate("甲", {"本年率": Decimal("90"), "上年率": Decimal("80")})
    (item,) = card.tasks[0].sections[0].items
    assert item.bonus == Decimal("3.33") and item.bonus.as_tuple().exponent == -2
    assert card.total == Decimal("103.33")
