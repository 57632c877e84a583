"""Derived values (docs/language.md §9.4): the docs' example scores as its text says; each value
is computed once per entity, typed like its expression, usable wherever a fact of its kind is;
cycles, clashes, scope and unused values are reported; the trace shows inputs and values."""
from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import scorelang
from scorelang.compile import derived as compiled_derived
from scorelang.model import expressions as x
from scorelang.policy import loads
from scorelang.report.common import derived_text
from scorelang.report.json import render_json

DOC = Path(__file__).resolve().parents[2] / "docs" / "language.md"


def _doc_policy() -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("### 9.4 计算值")
    section = text[start:text.index("\n### 9.5", start)]
    (block,) = re.findall(r"```score\n(.*?)```", section, re.DOTALL)
    return block


DOC_FACTS = {"受理案件数": 50, "审结案件数": 45, "上年结案率": Decimal(92), "发回改判案件数": 3, "违纪人数": 0}


@pytest.fixture(scope="module")
def court() -> scorelang.Policy:
    return loads(_doc_policy())


def test_the_docs_example_scores_as_its_text_says(court):
    assert not court.warnings
    card = court.evaluate("城关法庭", DOC_FACTS)
    first, second, third = card.tasks[0].sections[0].items
    assert (first.score, second.score, third.score) == (Decimal(50), Decimal("17.5"), Decimal(20))
    assert card.tasks[1].sections[0].items[0].score == Decimal(95)  # 90% < 92%
    names = [d.name for d in card.derived]
    assert names == ["结案率", "未结案件数", "发回改判率"]  # in definition order, each once
    closure = card.derived[0]
    assert closure.facts == (("审结案件数", 45), ("受理案件数", 50)) and closure.value == 90
    assert derived_text(closure, 2) == "结案率 = 45 ÷ 50 × 100% 除数为0时取 100% = 90%"
    # a rule's event names the derived value it read, like a fact
    assert ("结案率", Decimal(90)) in card.tasks[1].sections[0].items[0].events[0].facts


def test_a_task_without_cases_reads_the_guard(court):
    card = court.evaluate("河东法庭", {**DOC_FACTS, "受理案件数": 0, "审结案件数": 0, "发回改判案件数": 0})
    assert card.derived[0].value == 100
    assert card.tasks[0].sections[0].items[0].score == Decimal(50)


def test_the_facts_a_derived_value_reads_are_read_by_the_items_that_use_it(court):
    items = {f.name: f.items for f in court.facts}
    assert items["受理案件数"] == ("1.1", "1.2", "2.1")
    assert items["发回改判案件数"] == ("1.3",)
    assert items["上年结案率"] == ("2.1",)


def test_the_model_types_each_value_as_its_expression(court):
    kinds = {d.name: (d.kind, d.unit, d.task) for d in court.model.derived}
    assert kinds == {"结案率": ("percent", None, None), "未结案件数": ("count", "件", "1"),
                     "发回改判率": ("percent", None, "1")}


def test_json_lists_the_derived_values_additively(court):
    cards = court.score_all({"entities": {"城关法庭": DOC_FACTS, "河东法庭": DOC_FACTS}})
    doc = render_json(cards, title="t", sha256="0", places=2, engine_version="x")
    first = doc["entities"][0]["derived"][0]
    assert first == {"name": "结案率", "expression": "「审结案件数」 ÷ 「受理案件数」 × 100% 除数为0时取 100%",
                     "facts": {"审结案件数": 45, "受理案件数": 50}, "value": "90", "kind": "percent"}
    json.dumps(doc, ensure_ascii=False)


def test_a_policy_without_derived_values_gives_no_derived_key(policy_2017):
    assert policy_2017.model.derived == ()
    assert policy_2017.evaluator._with_derived is None


HEAD = '''考评办法 "试" { 保留 2 位小数 四舍五入 }
对象 「单位」 { 「甲」 }
计入总分权重 { 目标任务一 100% }
事实 {
  「a」 计数 单位 "件"
  「b」 计数 单位 "件"
  「率」 百分比
  「是」 是否
}
DERIVED
目标任务一 "任务" {
  牵头 「科」
  部分 "一" 100分 {
    第1项 "甲" 100分 {
      RULE
    }
  }
}
'''


def _load(derived: str, rule: str) -> scorelang.Policy:
    return loads(HEAD.replace("DERIVED", derived).replace("RULE", rule))


def _codes(derived: str, rule: str) -> list[str]:
    try:
        policy = _load(derived, rule)
    except scorelang.PolicyError as err:
        return [d.code for d in err.diagnostics]
    return [d.code for d in policy.warnings if d.code != "SL110"]  # facts the rule leaves unread


@pytest.mark.parametrize("derived, rule, codes", [
    ("计算 { 「和」 = 「a」 + 「b」 }", "每「和」扣1分 若「是」扣1分", ["SL193"] * 0),
    ("计算 { 「和」 = 「a」 + 「率」 }", "每「和」扣1分", ["SL151"]),  # a count plus a percent
    ("计算 { 「比」 = 「a」 ÷ 「b」 }", "每「比」扣1分", ["SL152"]),  # a divisor that may be 0
    ("计算 { 「比」 = 「a」 ÷ 「b」 × 100% 除数为0时取 0% }", "每「比」扣1分", ["SL151"]),  # 每 takes a count
    ("计算 { 「差」 = 「a」 - 「b」 }", "每「差」扣1分", ["SL154"]),  # may be negative
    ("计算 { 「甲」 = 「乙」 + 1 「乙」 = 「丙」 「丙」 = 「甲」 }", "每「甲」扣1分", ["SL192"]),
    ("计算 { 「a」 = 1 }", "每「a」扣1分", ["SL191"]),
    ("计算 { 「和」 = 「a」 + 「b」 「和」 = 1 }", "每「和」扣1分", ["SL191"]),
    ("计算 { 「和」 = 「a」 + 「b」 「闲」 = 「a」 }", "每「和」扣1分", ["SL193"]),
    ("计算 { 「和」 ＜ 「a」 + 「b」 }", "每「和」扣1分", ["SL190"]),
    ("计算 { 「和」 = 「a」 + 「b」 }", "若「和」扣1分", ["SL194"]),
])
def test_derived_values_are_checked(derived, rule, codes):
    assert _codes(derived, rule) == codes


def test_a_cycle_is_named_once_with_every_value_in_it():
    with pytest.raises(scorelang.PolicyError) as err:
        _load("计算 { 「甲」 = 「乙」 + 1 「乙」 = 「丙」 「丙」 = 「甲」 × 2 }", "每「甲」扣1分")
    (cycle,) = [d for d in err.value.diagnostics if d.code == "SL192"]
    assert "「甲」 → 「乙」 → 「丙」 → 「甲」" in cycle.message


@pytest.mark.parametrize("rule, a, b, expected", [
    ("每「和」扣1分", 2, 3, 95),
    ("「率差」 达 0 每降低 1 个百分点 扣2分 不足一档按比例计", 1, 4, 90),  # 「率差」 = 80 - 85 on 「率」 = 80
    ("若 「和」 > 4 扣7分", 2, 3, 93),
    ("按 「份额」 比例得100分", 1, 4, 25),
    ("每「两倍」扣1分", 2, 3, 90),  # a derived value reading a derived value
])
def test_a_derived_value_is_usable_wherever_a_fact_of_its_kind_is(rule, a, b, expected):
    derived = ("计算 { 「和」 = 「a」 + 「b」 「两倍」 = 「和」 × 2 「份额」 = 「a」 ÷ 「b」 × 100% 除数为0时取 0% "
               "「率差」 = 「率」 - 85% }")
    policy = _load(derived, rule)
    card = policy.evaluate("甲", {"a": a, "b": b, "率": Decimal(80), "是": False})
    assert card.tasks[0].sections[0].items[0].score == Decimal(expected)


def _counting(monkeypatch) -> list[str]:
    """Every derived value computed, in order (the mapping's own computation, counted)."""
    computed: list[str] = []
    original = compiled_derived._WithDerived.__missing__

    def counted(self, name):
        if name in self._derived:
            computed.append(name)
        return original(self, name)
    monkeypatch.setattr(compiled_derived._WithDerived, "__missing__", counted)
    return computed


def test_each_value_is_computed_once_however_many_rules_read_it(monkeypatch):
    policy = _load("计算 { 「和」 = 「a」 + 「b」 「两倍」 = 「和」 × 2 }",
                   "每「和」扣1分 若 「和」 > 1 扣1分 每「两倍」扣1分 若 「两倍」 + 「和」 > 0 扣1分")
    computed = _counting(monkeypatch)
    card = policy.evaluate("甲", {"a": 1, "b": 2, "率": Decimal(0), "是": False})
    assert sorted(computed) == ["两倍", "和"]
    assert [d.name for d in card.derived] == ["和", "两倍"]


@given(a=st.integers(0, 500), b=st.integers(0, 500), rate=st.decimals(0, 100, places=2))
def test_derived_values_are_deterministic_and_exact(a, b, rate):
    policy = _property_policy()
    facts = {"a": a, "b": b, "率": rate, "是": False}
    first, second = policy.evaluate("甲", facts), policy.evaluate("甲", facts)
    assert first == second and first.derived == second.derived
    values = {d.name: d.value for d in first.derived}
    share = Decimal(a) / b * 100 if b else Decimal(0)
    assert values["份额"] == share
    assert values["和"] == a + b
    item = first.tasks[0].sections[0].items[0]
    assert Decimal(0) <= item.score <= Decimal(100)


_POLICY: list[scorelang.Policy] = []


def _property_policy() -> scorelang.Policy:
    if not _POLICY:
        _POLICY.append(_load("计算 { 「和」 = 「a」 + 「b」 「份额」 = 「a」 ÷ 「b」 × 100% 除数为0时取 0% }",
                             "每「和」扣0.1分 「份额」 达 60% 每降低 1 个百分点 扣1分 不足一档按比例计"))
    return _POLICY[0]


def test_the_model_reference_carries_the_facts_behind_it():
    policy = _load("计算 { 「和」 = 「a」 + 「b」 「两倍」 = 「和」 × 2 }", "每「两倍」扣1分")
    rule = policy.model.tasks[0].items[0].rules[0]
    assert isinstance(rule.body.fact, x.DerivedRef)
    assert rule.facts == ("a", "b")
