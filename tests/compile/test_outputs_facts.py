"""Outputs reading facts and derived values (输出 { 「奖励金额」 = 「奖励基数」 × 「绩效系数」 元 },
docs/language.md §25): exact amounts, what is refused and why, the template's ``items``, the
printer, and that such an output still changes no score."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import scorelang
from diagnostic_codes import error_codes
from scorelang.compile.outputs import compile_outputs
from scorelang.policy import loads
from scorelang.syntax import parse
from scorelang.syntax.compare import structural_diff
from scorelang.syntax.printer import print_policy
from scorelang.testing.strategies import facts_document_for

HEAD = """考评办法 "某县2025年度部门绩效奖励办法（测试）" { 保留 2 位小数 四舍五入 }
对象 「部门」 { 「甲局」 「乙局」 「丙局」 }
计入总分权重 { 目标任务一 100% }
事实 {
  「在编人数」 计数 单位 "人" 至多 500
  「绩效系数」 数值 至多 2
  「预算执行率」 百分比
  「上年奖金」 数值 单位 "万元"
}
计算 {
  「奖励基数」 = 「在编人数」 × 1000
}
目标任务一 "业务" {
  牵头 「考评办」
  事实 { 「差错数」 计数 单位 "件" 至多 30 }
  部分 "业务" 100分 { 第1项 "差错" 100分 { 每「差错数」扣3分 扣完为止 } }
}
"""
OUTPUTS = """输出 依据 "第八条" {
  「基数奖励」 = 「在编人数」 × 1000 元
  「奖励金额」 = 「奖励基数」 × 「绩效系数」 元 保留 0 位小数
  「执行奖」 = 「预算执行率」 × 10000 元
  「综合奖励」 = （考评总分 - 60） × 「在编人数」 × 10 元 最低 0 元
  「上年对比」 = 「上年奖金」 × 1.1 万元
}
"""
WITH = HEAD + OUTPUTS
# the same policy without outputs reads the facts only outputs read nowhere: they leave too
WITHOUT = HEAD.replace("""  「在编人数」 计数 单位 "人" 至多 500
  「绩效系数」 数值 至多 2
  「预算执行率」 百分比
  「上年奖金」 数值 单位 "万元"
""", "").replace("""计算 {
  「奖励基数」 = 「在编人数」 × 1000
}
""", "")
FACTS = {"entities": {
    "甲局": {"差错数": 0, "在编人数": 20, "绩效系数": "1.2", "预算执行率": 95, "上年奖金": 3},
    "乙局": {"差错数": 15, "在编人数": 10, "绩效系数": "0.8", "预算执行率": "80.5", "上年奖金": "2.5"},
    "丙局": {"差错数": 3, "在编人数": 0, "绩效系数": 1, "预算执行率": 0, "上年奖金": 0},
}}


@pytest.fixture(scope="module")
def policy():
    return loads(WITH, "with.score")


def _values(card) -> dict[str, Decimal | None]:
    return {o.name: o.value for o in card.outputs}


def test_outputs_read_facts_and_derived_values_exactly(policy):
    cards = {c.entity: c for c in policy.score_all(FACTS)}
    assert _values(cards["甲局"]) == {"基数奖励": Decimal("20000.00"), "奖励金额": Decimal("24000"),
                                     "执行奖": Decimal("9500.00"), "综合奖励": Decimal("8000.00"),
                                     "上年对比": Decimal("3.30")}
    # 55 分: (55 - 60) × 10 × 10 < 0, so 最低 0 元; 80.5% of 10000 元; 10000 × 0.8
    assert _values(cards["乙局"]) == {"基数奖励": Decimal("10000.00"), "奖励金额": Decimal("8000"),
                                     "执行奖": Decimal("8050.00"), "综合奖励": Decimal("0.00"),
                                     "上年对比": Decimal("2.75")}
    assert _values(cards["丙局"])["综合奖励"] == Decimal("0.00")  # no staff: nothing however high the total


def test_the_rule_shows_what_the_formula_read(policy):
    card = next(c for c in policy.score_all(FACTS) if c.entity == "甲局")
    rules = {o.name: o.rule for o in card.outputs}
    assert rules["奖励金额"] == "「奖励基数」 × 「绩效系数」（奖励基数=20000，绩效系数=1.2）"
    assert rules["综合奖励"] == "（考评总分 - 60） × 「在编人数」 × 10（考评总分=100.00，在编人数=20）"


def test_a_fact_only_an_output_reads_is_listed_as_read_by_the_output_and_never_unread(policy):
    assert not policy.warnings  # neither SL110 (a fact no rule reads) nor SL193 (an unused derived value)
    items = {f["name"]: f["items"] for f in policy.template()["facts"]}
    assert items["在编人数"] == ["输出"] and items["预算执行率"] == ["输出"]
    assert items["差错数"] == ["1.1"]


def test_every_entity_must_give_a_fact_an_output_reads(policy):
    doc = {"entities": {**FACTS["entities"], "丙局": {"差错数": 3, "绩效系数": 1, "预算执行率": 0, "上年奖金": 0}}}
    with pytest.raises(scorelang.FactsError) as err:
        policy.score_all(doc)
    assert "在编人数" in str(err.value)


def _with(decl: str, extra: str = "") -> str:
    return HEAD.replace("计算 {\n", "计算 {\n" + extra) + "输出 {\n  " + decl + "\n}\n"


@pytest.mark.parametrize("decl, extra, code", [
    # a derived value over the cohort: outputs read the entity's own facts only
    ("「a」 = 「相对人数」 × 100 元", "  「相对人数」 = 「在编人数」 ÷ 全体平均「在编人数」 除数为0时取 0\n", "SL430"),
    ("「a」 = 全体平均「在编人数」 × 10 元", "", "SL430"),
    ("「a」 = （「预算执行率」 - 90%） × 100 元", "", "SL433"),  # percentage points are no amount
    ("「a」 = 「上年奖金」 × 1.1 元", "", "SL435"),  # 万元 read, 元 written
    ("「a」 = 「在编人数」 + 「差错数」 元", "", "SL151"),  # 人 and 件
    ("「a」 = 「在编人数」 + 考评总分 元", "", "SL151"),  # a count and points
    ("「a」 = 「不存在」 × 10 元", "", "SL112"),  # an undeclared fact
])
def test_what_an_output_may_not_read_is_refused(decl, extra, code):
    assert code in error_codes(_with(decl, extra))


def test_a_task_s_derived_value_is_not_an_output_s():
    text = WITH.replace("事实 { 「差错数」", "计算 { 「差错率」 = 「差错数」 × 2 }\n  事实 { 「差错数」").replace(
        "「上年对比」 = 「上年奖金」 × 1.1 万元", "「上年对比」 = 「差错率」 × 1 元")
    assert "SL194" in error_codes(text)


def test_outputs_reading_facts_round_trip_through_the_printer():
    tree = parse(WITH, "a.score")
    printed = print_policy(tree)
    assert structural_diff(tree, parse(printed, "b.score"), rule_text=False) is None
    assert print_policy(parse(printed, "b.score")) == printed


_PLAIN = loads(WITHOUT, "without.score")


@given(document=facts_document_for(loads(WITH, "doc.score"), distinct=3))
def test_outputs_reading_facts_change_no_score(policy, document):
    cards = policy.score_all(document)
    plain = _PLAIN.score_all({"entities": {e: {"差错数": f["差错数"]} for e, f in document["entities"].items()}})
    assert [attrs.evolve(c, outputs=()) for c in cards] == list(plain)
    for card in cards:
        staff = Decimal(document["entities"][card.entity]["在编人数"])
        assert _values(card)["基数奖励"] == staff * 1000


CHAINED = HEAD + """等次 { "优秀" 90 分以上  "合格" 90 分以下（不含） }
输出 {
  「基数奖励」 = 「在编人数」 × 1000 元
  「等次系数」 按 等次 { "优秀" 1.2 "合格" 1.0 }
  「奖励金额」 = 「基数奖励」 × 「等次系数」 元 最高 30000 元
  「合计」 = 「奖励金额」 + 「基数奖励」 元
}
"""


def test_an_output_reads_the_amounts_of_outputs_written_before_it():
    policy = loads(CHAINED, "chained.score")
    cards = {c.entity: c for c in policy.score_all(FACTS)}
    # 甲局: 100 分, 优秀: 20000 × 1.2 = 24000; 乙局: 55 分, 合格: 10000 × 1.0
    assert _values(cards["甲局"])["奖励金额"] == Decimal("24000.00")
    assert _values(cards["甲局"])["合计"] == Decimal("44000.00")
    assert _values(cards["乙局"])["合计"] == Decimal("20000.00")
    assert cards["甲局"].outputs[2].rule == "「基数奖励」 × 「等次系数」（基数奖励=20000.00，等次系数=1.20）"


@pytest.mark.parametrize("outputs, code", [
    ("「a」 = 「b」 × 2 元\n  「b」 = 「在编人数」 × 1000 元", "SL430"),  # a later output
    ("「a」 = 「a」 × 2 元", "SL430"),  # itself
    ("「a」 = 「在编人数」 × 1000 元\n  「b」 = 「a」 + 「在编人数」 元", "SL151"),  # 元 and 人
])
def test_an_output_reads_only_outputs_before_it(outputs, code):
    assert code in error_codes(HEAD + "输出 {\n  " + outputs + "\n}\n")


def test_an_output_reading_a_pending_output_is_pending():
    policy = loads(CHAINED, "chained.score")
    card = next(c for c in policy.score_all(FACTS) if c.entity == "甲局")
    undecided = attrs.evolve(card, grade=None, grade_decision=None)
    facts = {**FACTS["entities"]["甲局"], "在编人数": 20, "考评总分": card.total}
    values = {o.name: o for o in compile_outputs(policy.model.outputs)(undecided, facts)}
    assert values["基数奖励"].value == Decimal("20000.00")  # reads no grade: decided
    assert (values["等次系数"].status, values["奖励金额"].status, values["合计"].status) == ("pending",) * 3
    assert values["奖励金额"].rule.endswith("（「等次系数」待认定）")


def test_the_docs_example_of_a_base_per_head_pays_as_its_sentences_say():
    text = (Path(__file__).resolve().parents[2] / "docs" / "language.md").read_text(encoding="utf-8")
    example = re.findall(r"```score\n(.*?)```", text[text.index("## 25."):], re.DOTALL)[-1]
    policy = loads(example, "docs.score")
    assert not policy.warnings
    doc = {"entities": {"市发改委": {"在编人数": 30, "预算执行率": 96, "未完成事项数": 1},
                        "市财政局": {"在编人数": 12, "预算执行率": 100, "未完成事项数": 0},
                        "市教育局": {"在编人数": 5, "预算执行率": 50, "未完成事项数": 0}}}
    card = next(c for c in policy.score_all(doc) if c.entity == "市发改委")
    assert _values(card) == {"奖励金额": Decimal("28500"), "执行率奖励": Decimal("4800.00")}
    assert card.outputs[0].rule == "「奖励基数」 × 考评总分 ÷ 100（奖励基数=30000，考评总分=95.00）"
