"""Unit words after the number in per-occurrence rules (docs/language.md §8.1.1) and 每超 in
ladders: the docs' example scores as its text says; the unit is checked against the count's
declared unit by the ladders' own check (SL156), one unit at a time (SL158)."""
from __future__ import annotations

import functools
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import scorelang
from diagnostic_codes import codes as codes_of
from scorelang.policy import loads

DOC = Path(__file__).resolve().parents[2] / "docs" / "language.md"


def _doc_policy() -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("#### 8.1.1 数字后面写单位")
    section = text[start:text.index("\n### 8.2", start)]
    (block,) = re.findall(r"```score\n(.*?)```", section, re.DOTALL)
    return block


@pytest.fixture(scope="module")
def bulletin() -> scorelang.Policy:
    return loads(_doc_policy())


FACTS = {"退稿篇数": 3, "泄密事件数": 0, "获表扬人数": 2, "平均办理时间": Decimal("4.5")}


def test_the_docs_example_scores_as_its_text_says(bulletin):
    assert not bulletin.warnings
    card = bulletin.evaluate("市教育局", FACTS)
    first, second, third = (card.item(f"1.{n}") for n in (1, 2, 3))
    assert (first.score, first.bonus) == (Decimal("38.5"), Decimal("0.4"))
    assert second.score == Decimal(30)
    assert third.score == Decimal("29.6")
    leaked = bulletin.evaluate("市交通运输局", {**FACTS, "泄密事件数": 7}).item("1.2")
    assert leaked.score == Decimal(0)  # 7 × 5 = 35 > 30: 扣完为止


HEAD = '''考评办法 "试" { 保留 2 位小数 四舍五入 }
对象 「单位」 { 「甲」 }
计入总分权重 { 目标任务一 100% }
事实 {
  「篇数」 计数 单位 "篇"
  「件数」 计数 单位 "件"
  「次数」 计数
}
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
    return codes_of(HEAD.replace("RULE", rule))


@pytest.mark.parametrize("rule, codes", [
    ("「篇数」 每 1 篇 扣1分", []),
    ("「篇数」 每发现 1 篇 扣1分", []),
    ("「篇数」 每 1 个 扣1分", []),  # 个 is any unit's counter word
    ("「次数」 每 1 件 扣1分", []),  # no declared unit: any word
    ("「篇数」 每 1 件 扣1分", ["SL156"]),
    ("「篇数」 每 2 篇 扣1分", ["SL158"]),
    ("「篇数」 每 1 篇 得1分", []),
    ("「篇数」 每 1 篇 加1分", ["SL164"]),  # an unbounded bonus, as for 每「篇数」加1分
    ("「件数」 + 「件数」 每 1 件 扣1分", []),
    ("「件数」 + 「件数」 每 1 篇 扣1分", ["SL156"]),  # an expression's unit is its facts'
    ("「篇数」 不少于 10 篇 每少 1 件 扣1分", ["SL156"]),  # the ladders' check, the same entry
    ("若 「件数」 > 0 「篇数」 每 1 篇 扣1分", []),  # after a condition, as every rule form
    ("若 「件数」 > 0 「篇数」 每 1 件 扣1分", ["SL156"]),
])
def test_unit_words_are_checked_against_the_declared_unit(rule, codes):
    assert _codes(rule) == codes


def test_the_hint_names_the_declared_unit():
    with pytest.raises(scorelang.PolicyError) as err:
        loads(HEAD.replace("RULE", "「篇数」 每 1 件 扣1分"))
    (diagnostic,) = err.value.diagnostics
    assert "「篇」" in diagnostic.hint and diagnostic.span.line == 13


@given(count=st.integers(0, 200))
def test_a_unit_word_scores_exactly_as_the_plain_form(count):
    with_unit, plain = _pair()
    a = with_unit.evaluate("甲", {"篇数": count, "件数": 0, "次数": 0}).item("1.1")
    b = plain.evaluate("甲", {"篇数": count, "件数": 0, "次数": 0}).item("1.1")
    assert (a.score, a.bonus) == (b.score, b.bonus)
    assert Decimal(0) <= a.score <= Decimal(100)


@functools.cache
def _pair() -> tuple[scorelang.Policy, scorelang.Policy]:
    return (loads(HEAD.replace("RULE", "「篇数」 每 1 篇 扣0.7分 扣完为止")),
            loads(HEAD.replace("RULE", "每「篇数」扣0.7分 扣完为止")))


# ------------------------------------------------------------ 加 （算式） 分: a computed bonus (§8.9)
BONUS = HEAD.replace("「次数」 计数", "「次数」 计数 至多 20")


@pytest.mark.parametrize("rule, codes", [
    ("加 （「次数」 × 0.2） 分", []),
    ("加 最小（「次数」 × 0.2，1） 分", []),
    ("加 （「篇数」 × 0.2） 分", ["SL164"]),  # an unbounded count, capped nowhere
    ("加 （「篇数」 × 0.2） 分 最多加 2 分", []),
    ("加 （「次数」 - 5） 分", ["SL154"]),
    ("加 （「次数」 × 10%） 分", []),  # a count times a percent: that share of it
])
def test_a_computed_bonus_is_checked_like_a_bonus_per_occurrence(rule, codes):
    assert codes_of(BONUS.replace("RULE", rule)) == codes


@given(count=st.integers(0, 20))
def test_a_computed_bonus_adds_its_amount_beyond_the_item(count):
    policy = _bonus()
    item = policy.evaluate("甲", {"篇数": 0, "件数": 0, "次数": count}).item("1.1")
    assert item.score == Decimal(100)
    assert item.bonus == min(Decimal(count) * Decimal("0.2"), Decimal(1))
    assert all(e.kind == "bonus" for e in item.events)


@functools.cache
def _bonus() -> scorelang.Policy:
    return loads(BONUS.replace("RULE", "加 最小（「次数」 × 0.2，1） 分"))


@pytest.mark.parametrize("rule, codes, bonus", [
    ("加 最小（「次数」 × 0.2 分，1 分） 分", [], Decimal(1)),
    ("加 （0.5 分 × 「次数」 ÷ 2） 分", [], Decimal("1.75")),  # points times a factor stay points
    ("加 （2 分 × 50%） 分", [], Decimal(1)),
    ("加 （「次数」 + 1 分） 分", ["SL151"], None),  # points and a count do not add
    ("若 「次数」 > 3 分 扣1分", ["SL151"], None),
    ("每 0.5 分 × 「次数」 扣1分", ["SL151"], None),  # 每 … 扣 counts, never points
])
def test_points_are_a_kind_of_their_own(rule, codes, bonus):
    try:
        policy = loads(BONUS.replace("RULE", rule))
    except scorelang.PolicyError as err:
        assert [d.code for d in err.diagnostics] == codes
        return
    assert not codes
    assert policy.evaluate("甲", {"篇数": 0, "件数": 0, "次数": 7}).item("1.1").bonus == bonus


def test_a_unit_word_rule_after_a_condition_applies_only_when_it_holds():
    policy = loads(HEAD.replace("RULE", "若 「件数」 > 0 「篇数」 每发现 1 篇 扣0.7分 扣完为止"))
    assert policy.evaluate("甲", {"篇数": 3, "件数": 1, "次数": 0}).item("1.1").score == Decimal("97.90")
    assert policy.evaluate("甲", {"篇数": 3, "件数": 0, "次数": 0}).item("1.1").score == Decimal("100.00")
