"""Outputs (输出 { … }, docs/language.md §25): amounts computed from an entity's result after the
cohort stage — a formula over 考评总分, a table by grade or award — never part of any score."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given

from diagnostic_codes import error_codes
from scorelang.compile.outputs import compile_outputs
from scorelang.model import outputs as mo
from scorelang.numbers import quantize_half_up
from scorelang.policy import loads
from scorelang.report.json import render_json
from scorelang.report.text import render_text
from scorelang.syntax import nodes as n
from scorelang.syntax import parse
from scorelang.syntax.compare import structural_diff
from scorelang.syntax.printer import print_policy
from scorelang.testing.strategies import facts_document_for

ROOT = Path(__file__).resolve().parents[2]

HEAD = """考评办法 "某市2024年度部门绩效考评办法（测试）" { 保留 2 位小数 四舍五入 }
对象 「部门」 { 「甲局」 「乙局」 「丙局」 「丁局」 }
计入总分权重 { 目标任务一 100% }
目标任务一 "业务" {
  牵头 「考评办」
  事实 {
    「差错数」 计数 单位 "件" 至多 30
    「表扬次数」 计数 单位 "次" 至多 5
  }
  部分 "业务" 100分 {
    第1项 "差错" 100分 {
      每「差错数」扣3分 扣完为止
      每「表扬次数」加1分
    }
  }
}
"""
GRADES = """等次 依据 "第十条" {
  "优秀" 90 分以上
  "良好" 80 分至 90 分（不含）
  "一般" 80 分以下（不含）
}
"""
AWARDS = """奖项 依据 "第十一条" {
  综合奖 "一等奖" 第1至1名
  综合奖 "二等奖" 第2至2名
}
"""
OUTPUTS = """输出 依据 "第十二条" {
  「超额奖励」 = （考评总分 - 80） × 500 元 最低 0 元 最高 6000 元 保留 0 位小数
  「系数」 按 等次 { "优秀" 1.2 "良好" 1.1 "一般" 1.0 }
  「等次奖金」 按 等次 { "优秀" 5000 元 其余 0 元 }
  「奖金」 按 奖项 { "一等奖" 20000 元 其余 0 元 } 保留 0 位小数
  「每分奖励」 = 考评总分 ÷ 3 元
}
"""
WITH = HEAD + GRADES + AWARDS + OUTPUTS
WITHOUT = HEAD + GRADES + AWARDS


@pytest.fixture(scope="module")
def policies():
    return loads(WITH, "with.score"), loads(WITHOUT, "without.score")


def _doc(*rows: tuple[str, int, int]) -> dict:
    return {"entities": {e: {"差错数": errors, "表扬次数": praise} for e, errors, praise in rows}}


FACTS = _doc(("甲局", 0, 3), ("乙局", 3, 0), ("丙局", 7, 0), ("丁局", 2, 0))


def _outputs(card) -> dict[str, tuple[Decimal | None, str]]:
    return {o.name: (o.value, o.status) for o in card.outputs}


# ------------------------------------------------------------------ the model
def test_the_model_holds_each_output_as_written(policies):
    formula, factor, by_grade, by_award, per_point = policies[0].model.outputs
    assert isinstance(formula, mo.OutputFormula)
    assert (formula.name, formula.unit, formula.low, formula.high, formula.places, formula.clause) == \
        ("超额奖励", "元", Decimal(0), Decimal(6000), 0, "第十二条")
    assert formula.text == "（考评总分 - 80） × 500"
    assert isinstance(factor, mo.OutputTable) and factor.rest is None and factor.unit is None
    assert factor.rows == (("优秀", Decimal("1.2")), ("良好", Decimal("1.1")), ("一般", Decimal("1.0")))
    assert factor.places == 2  # the policy's places where it writes none
    assert (by_grade.basis, by_grade.rest, by_award.basis, by_award.places) == ("grade", Decimal(0), "award", 0)
    assert per_point.unit == "元" and per_point.low is None and per_point.high is None


# ------------------------------------------------------------------ scoring
def test_outputs_are_computed_from_the_final_total_grade_and_award(policies):
    cards = {c.entity: c for c in policies[0].score_all(FACTS)}
    # 甲局: no deduction and a bonus of 3 beyond the item's points: the total is 103
    jia = cards["甲局"]
    assert (jia.total, jia.rank, jia.award, jia.grade.name) == (Decimal("103.00"), 1, "一等奖", "优秀")
    assert _outputs(jia) == {
        "超额奖励": (Decimal("6000"), "decided"),  # (103 − 80) × 500 = 11500, capped at 最高 6000
        "系数": (Decimal("1.20"), "decided"),
        "等次奖金": (Decimal("5000.00"), "decided"),
        "奖金": (Decimal("20000"), "decided"),
        "每分奖励": (Decimal("34.33"), "decided"),  # 103 ÷ 3 = 34.333… half-up at 2 places
    }
    ding = cards["丁局"]  # 94: second
    assert (ding.total, ding.award) == (Decimal("94.00"), "二等奖")
    assert _outputs(ding)["超额奖励"] == (Decimal("6000"), "decided")  # (94 − 80) × 500 = 7000 > 6000
    assert _outputs(ding)["奖金"] == (Decimal("0"), "decided")  # 二等奖 has no row: 其余
    bing = cards["丙局"]  # 100 − 21 = 79: below 80
    assert bing.total == Decimal("79.00") and bing.grade.name == "一般" and bing.award is None
    assert _outputs(bing) == {
        "超额奖励": (Decimal("0"), "decided"),  # −500, floored at 最低 0 元
        "系数": (Decimal("1.00"), "decided"),
        "等次奖金": (Decimal("0.00"), "decided"),  # 其余
        "奖金": (Decimal("0"), "decided"),  # no award: 其余
        "每分奖励": (Decimal("26.33"), "decided"),
    }
    yi = cards["乙局"]  # 91: third, 优秀, no award
    assert yi.total == Decimal("91.00")
    assert _outputs(yi)["超额奖励"] == (Decimal("5500"), "decided")
    assert [o.rule for o in yi.outputs][:4] == ["（考评总分 - 80） × 500（考评总分=91.00）", "等次 优秀", "等次 优秀",
                                                "奖项 未获奖（其余）"]
    capped = [o.rule for o in jia.outputs][0]
    assert capped.endswith("取最高 6000 元")


def test_a_lone_evaluation_has_no_outputs(policies):
    card = policies[0].evaluate("甲局", FACTS["entities"]["甲局"])
    assert card.outputs == ()


def test_an_output_reading_a_grade_still_to_be_decided_is_pending(policies):
    card = policies[0].score_all(FACTS)[0]
    undecided = attrs.evolve(card, grade=None, grade_decision=None)
    values = {o.name: o for o in compile_outputs(policies[0].model.outputs)(undecided)}
    assert (values["系数"].value, values["系数"].status, values["系数"].rule) == (None, "pending", "等次 待认定")
    # the cohort stage's decision: a grade sent to the committee at a quota tie (§23)
    from scorelang.runtime.decision import Decision

    at_quota = attrs.evolve(card, grade_decision=Decision.pending(("优秀", "良好")))
    values = {o.name: o for o in compile_outputs(policies[0].model.outputs)(at_quota)}
    assert (values["系数"].value, values["系数"].status) == (None, "pending")
    assert values["超额奖励"].status == "decided"  # reads the total only


# ------------------------------------------------------------------ never part of a score
@given(document=facts_document_for(loads(WITHOUT, "without.score"), distinct=3))
def test_outputs_change_no_total_rank_grade_or_award(policies, document):
    with_outputs, without = policies
    cards, plain = with_outputs.score_all(document), without.score_all(document)
    assert [attrs.evolve(c, outputs=()) for c in cards] == list(plain)
    for card in cards:
        expected = min(max((card.total - 80) * 500, Decimal(0)), Decimal(6000))
        assert card.outputs[0].value == quantize_half_up(expected, 0)
        assert card.outputs[1].value == {"优秀": Decimal("1.2"), "良好": Decimal("1.1"), "一般": Decimal("1.0")}[
            card.grade.name]
        if card.award_status == "pending":  # a tie across a tier's boundary: the amount waits for the committee
            assert (card.outputs[3].value, card.outputs[3].status) == (None, "pending")
        else:
            assert card.outputs[3].value == (Decimal(20000) if card.award == "一等奖" else Decimal(0))


# ------------------------------------------------------------------ reports
def test_json_lists_outputs_only_when_declared(policies):
    with_outputs, without = policies
    args = {"title": "t", "sha256": "0", "places": 2, "engine_version": "x"}
    doc = render_json(with_outputs.score_all(FACTS), **args)
    assert doc["entities"][0]["outputs"][0] == {
        "name": "超额奖励", "value": "6000", "unit": "元", "rule": "（考评总分 - 80） × 500（考评总分=103.00） 取最高 6000 元",
        "clause": "第十二条", "status": "decided"}
    assert doc["entities"][0]["outputs"][1]["unit"] is None
    plain = render_json(without.score_all(FACTS), **args)
    assert all("outputs" not in card for card in plain["entities"])


def test_text_shows_an_outputs_section_only_when_declared(policies):
    with_outputs, without = policies
    text = render_text(with_outputs.score_all(FACTS), title="t", places=2)
    assert "输出（不计入得分）" in text
    assert "超额奖励 5500 元 ← （考评总分 - 80） × 500（考评总分=91.00） 依据 第十二条" in text
    assert "输出" not in render_text(without.score_all(FACTS), title="t", places=2)


# ------------------------------------------------------------------ syntax and printer
def test_the_syntax_nodes_keep_units_bounds_and_places():
    (block,) = parse(WITH, "with.score").outputs
    formula, factor, by_grade, by_award, _ = block.outputs
    assert isinstance(formula, n.OutputFormula) and formula.unit == "元" and formula.places == Decimal(0)
    assert [(b.upper, b.value, b.unit) for b in formula.bounds] == [(False, Decimal(0), "元"),
                                                                     (True, Decimal(6000), "元")]
    assert isinstance(factor, n.OutputTable) and factor.basis == "grade" and factor.rest is None
    assert by_grade.rest is not None and by_grade.rest.key is None and by_grade.rest.unit == "元"
    assert by_award.basis == "award" and by_award.places == Decimal(0)


@pytest.mark.parametrize("source", [
    WITH,
    WITH.replace("最低 0 元", "最低 －５ 元").replace("1.2", "１.２"),
    WITH.replace("输出 依据 \"第十二条\" {", "输出 {  # 兑现\n"),
    WITH.replace("「每分奖励」", "「名次奖」 按 名次 { 第1名 30000 元 第2－3名 ２0000 元 其余 -5 元 } 保留 0 位小数\n  「每分奖励」"),
])
def test_outputs_round_trip_through_the_printer(source):
    tree = parse(source, "a.score")
    printed = print_policy(tree)
    assert structural_diff(tree, parse(printed, "b.score"), rule_text=False) is None
    assert print_policy(parse(printed, "b.score")) == printed


# ------------------------------------------------------------------ check
def _with(outputs: str, grades: str = GRADES, awards: str = AWARDS) -> str:
    return HEAD + grades + awards + "输出 {\n" + outputs + "\n}\n"


@pytest.mark.parametrize("outputs, code", [
    ("「a」 = 「差错数」 + 考评总分", "SL151"),  # a count and points: the expression's own check
    ("「a」 = 全体平均「差错数」 × 10 元", "SL430"),  # a cohort value
    ("「a」 = 目标任务一得分 × 10 元", None),  # not an expression at all: a syntax error (below)
    ("「a」 按 等次 { \"特优\" 1 其余 0 }", "SL430"),  # not a grade
    ("「a」 按 奖项 { \"特等奖\" 1 其余 0 }", "SL430"),  # not an award
    ("「a」 按 等次 { \"优秀\" 5000 元 \"良好\" 3000 元 }", "SL432"),  # 一般 left out
    ("「a」 按 奖项 { \"一等奖\" 5000 元 \"二等奖\" 3000 元 }", "SL432"),  # no award: always possible
    ("「a」 = 10% - 5%", "SL433"),  # a difference of percents: 个百分点 (a percent alone is its hundredths)
    ("「a」 = 2 个百分点", "SL433"),  # percentage points
    ("「差错数」 = 考评总分 × 10 元", "SL434"),  # a fact's name
    ("「a」 = 考评总分 × 10 元\n「a」 = 考评总分 × 20 元", "SL434"),  # twice
    ("「a」 按 等次 { \"优秀\" 5 万元 其余 0 元 }", "SL435"),
    ("「a」 = 考评总分 × 10 元 最低 0", "SL435"),
    ("「a」 = 考评总分 × 10 元 保留 7 位小数", "SL436"),
    ("「a」 = 考评总分 × 10 元 保留 1.5 位小数", "SL436"),
    ("「a」 为 考评总分 × 10 元", "SL437"),
    ("「a」 按 等次 { \"优秀\" 5 \"优秀\" 6 其余 0 }", "SL438"),
    ("「a」 = 考评总分 × 10 元 最低 100 元 最高 50 元", "SL439"),
    ("「a」 = 考评总分 × 10 元 最低 1 元 最低 2 元", "SL439"),
    ("「a」 按 名次 { 第1名 3 第3名 1 }", "SL432"),  # 第2名 and 第4名 left out
    ("「a」 按 名次 { 第1至2名 3 第2至3名 2 其余 0 }", "SL438"),  # 第2名 twice
    ("「a」 按 名次 { 第3至1名 3 其余 0 }", "SL439"),
    ("「a」 按 名次 { 第0名 3 其余 0 }", "SL439"),
    ("「a」 按 名次 { 第1.5名 3 其余 0 }", "SL439"),
])
def test_check_names_each_problem_of_an_output(outputs, code):
    if code is None:
        assert error_codes(_with(outputs)) == ["SL001"]
        return
    assert code in error_codes(_with(outputs))


def test_a_table_by_rank_lists_the_ranks_left_out_or_needs_rest_when_entities_come_from_facts():
    with pytest.raises(Exception) as err:
        loads(_with("「a」 按 名次 { 第1名 3 第3名 1 }"))
    (d,) = err.value.diagnostics
    assert d.code == "SL432" and "第2名、第4名" in d.message and "rank 2, rank 4" in d.message_en
    listed = "对象 「部门」 { 「甲局」 「乙局」 「丙局」 「丁局」 }"
    from_facts = _with("「a」 按 名次 { 第1至4名 3 }").replace(listed, "对象 「部门」 由事实文件列出")
    assert error_codes(from_facts) == ["SL432"]
    assert loads(_with("「a」 按 名次 { 第1至2名 3 第3至4名 1 }")).model.outputs[0].rest is None


def test_ranks_share_the_amount_of_their_band(policies):
    policy = loads(_with("「名次奖」 按 名次 { 第1名 30000 元 第2至3名 20000 元 其余 0 元 }"))
    tied = _doc(("甲局", 1, 0), ("乙局", 1, 0), ("丙局", 2, 0), ("丁局", 9, 0))  # 97, 97, 94, 73
    cards = {c.entity: c for c in policy.score_all(tied)}
    assert [(cards[e].rank, cards[e].outputs[0].value, cards[e].outputs[0].rule) for e in ("甲局", "乙局", "丙局", "丁局")] == [
        (1, Decimal("30000.00"), "名次 第1名"), (1, Decimal("30000.00"), "名次 第1名"),
        (3, Decimal("20000.00"), "名次 第3名"), (4, Decimal("0.00"), "名次 第4名（其余）")]


def test_every_model_output_class_has_a_compiler():
    from typing import get_args

    from scorelang.compile.outputs import _COMPILERS
    from scorelang.model import nodes as m

    assert set(_COMPILERS) == set(get_args(m.Output))


def test_a_table_by_grade_needs_declared_grades():
    assert error_codes(_with("「a」 按 等次 { \"优秀\" 1 其余 0 }", grades="")) == ["SL430"]
    assert error_codes(_with("「a」 按 奖项 { \"一等奖\" 1 其余 0 }", awards="")) == ["SL430"]


def test_a_table_by_award_reads_awards_by_count():
    # 综合奖 by count (§23.2) are awards too: a table by award lists them and pays them
    by_count = 'AWARDS\n'.replace("AWARDS", '奖项 { 综合奖 "一等奖" 1 名 并列 提交认定 综合奖 "二等奖" 1 名 并列 全部计入 }')
    policy = loads(_with("「奖金」 按 奖项 { \"一等奖\" 2000 元 \"二等奖\" 1000 元 其余 0 元 }", awards=by_count))
    cards = {c.entity: c for c in policy.score_all(FACTS)}  # 甲局 100, 丁局 94, 乙局 91, 丙局 79
    assert [cards[e].outputs[0].value for e in ("甲局", "丁局", "乙局")] == [Decimal(2000), Decimal(1000), Decimal(0)]
    assert error_codes(_with("「a」 按 奖项 { \"特等奖\" 1 其余 0 }", awards=by_count)) == ["SL430"]


def test_the_incomplete_table_names_the_grades_left_out():
    with pytest.raises(Exception) as err:
        loads(_with("「a」 按 等次 { \"优秀\" 5000 元 }"))
    (d,) = err.value.diagnostics
    assert d.code == "SL432" and "「良好」、「一般」" in d.message


def test_the_total_is_read_in_outputs_only():
    rule = "每「差错数」扣3分 扣完为止\n      若 考评总分 > 90 加1分"
    assert error_codes(WITHOUT.replace("每「差错数」扣3分 扣完为止", rule)) == ["SL431"]


# ------------------------------------------------------------------ the docs' example
def _doc_policy() -> str:
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    start = text.index("## 25.")
    return re.findall(r"```score\n(.*?)```", text[start:], re.DOTALL)[0]


def test_the_docs_example_pays_as_its_sentences_say():
    policy = loads(_doc_policy())
    assert not [w for w in policy.warnings if w.code != "SL110"]
    facts = {"城关镇": (1, 0), "东坝乡": (2, 1), "石门镇": (2, 2), "青山乡": (3, 3)}
    doc = {"entities": {e: {"未完成事项数": a, "被通报次数": b} for e, (a, b) in facts.items()}}
    cards = {c.entity: c for c in policy.score_all(doc)}
    chengguan, qingshan = cards["城关镇"], cards["青山乡"]
    assert (chengguan.total, chengguan.rank, chengguan.grade.name) == (Decimal("95.00"), 1, "优秀")
    assert _outputs(chengguan) == {"超额奖励": (Decimal("7500"), "decided"), "绩效工资系数": (Decimal("1.20"), "decided"),
                                   "综合奖奖金": (Decimal("20000.00"), "decided"),
                                   "负责人奖励": (Decimal("3000.00"), "decided")}
    assert (qingshan.total, qingshan.grade.name) == (Decimal("76.00"), "合格")
    assert _outputs(qingshan)["超额奖励"] == (Decimal("0"), "decided")
    assert _outputs(qingshan)["绩效工资系数"] == (Decimal("1.00"), "decided")
    assert _outputs(qingshan)["负责人奖励"] == (Decimal("1000.00"), "decided") and qingshan.rank == 4


def test_the_results_workbook_has_an_outputs_sheet_only_when_declared(policies):
    from scorelang.report.xlsx import OUTPUTS_SHEET, build_results_workbook

    with_outputs, without = policies
    book = build_results_workbook(with_outputs.score_all(FACTS), title="t", places=2)
    rows = list(book[OUTPUTS_SHEET].iter_rows(min_row=2, values_only=True))
    assert rows[0][:4] == ("甲局", "超额奖励", Decimal(6000), "元") and rows[0][6] == "decided"
    assert book[OUTPUTS_SHEET].cell(row=2, column=3).number_format == "0"  # its own places
    assert book[OUTPUTS_SHEET].cell(row=3, column=3).number_format == "0.00"
    assert len(rows) == 4 * 5
    assert OUTPUTS_SHEET not in build_results_workbook(without.score_all(FACTS), title="t", places=2).sheetnames


def test_the_html_entity_page_lists_outputs_only_when_declared(policies, monkeypatch):
    from scorelang.report import charts
    from scorelang.report.html import page_name, render_report

    for chart in ("totals_chart", "heat_map"):  # the charts are beside the point here, and slow
        monkeypatch.setattr(charts, chart, lambda *args, **kwargs: "")
    with_outputs, without = policies
    pages = render_report(with_outputs.score_all(FACTS), with_outputs.model, engine="x")
    page = pages[page_name("乙局")]
    assert "输出（不计入得分）" in page and "5500 元" in page and "依据 第十二条" in page
    plain = render_report(without.score_all(FACTS), without.model, engine="x")
    assert "输出（不计入得分）" not in plain[page_name("乙局")]


def test_a_decision_recorded_as_data_is_read_pending_or_decided():
    # the cohort stage's decisions (grade_decision / award_decision: status, value) win over the
    # plain fields: a pending award is never read as "no award" (其余)
    from types import SimpleNamespace

    from scorelang.compile.outputs import _decided
    from scorelang.runtime.decision import Decision

    pending = SimpleNamespace(award=None, award_decision=Decision.pending(("一等奖", "二等奖")))
    decided = SimpleNamespace(grade=None, grade_decision=Decision.decided("良好"))
    assert _decided(pending, "award") == (True, None)
    assert _decided(decided, "grade") == (False, "良好")


def test_where_a_rule_may_start_the_total_is_never_offered():
    # the grammar takes 考评总分 wherever a value goes; only an output may read it (SL431)
    with pytest.raises(Exception) as err:
        loads(WITHOUT.replace("每「表扬次数」加1分", "每「表扬次数」加1分 )"))
    (d,) = err.value.diagnostics
    assert d.code == "SL001" and "「若」" in d.message_en and "考评总分" not in d.message_en + d.message


def test_outputs_read_the_grade_and_award_after_vetoes():
    # 一票否决 (docs/language.md §22): the grade forced down and the award taken away before any
    # output reads them — 甲局 scores 103 (优秀, first) but its 重大事故 makes it 一般 with no award
    article = ('第八条 "一票否决" {\n  事实 { 「重大事故」 是否 }\n'
               '  若 「重大事故」 直接评定为 "一般"\n  若 「重大事故」 取消评优资格\n}\n')
    policy = loads(HEAD + article + GRADES + AWARDS + OUTPUTS)
    facts = {e: {**v, "重大事故": e == "甲局"} for e, v in FACTS["entities"].items()}
    cards = {c.entity: c for c in policy.score_all({"entities": facts})}
    jia = cards["甲局"]
    assert (jia.total, jia.grade.name, jia.award) == (Decimal("103.00"), "一般", None)
    assert _outputs(jia)["系数"] == (Decimal("1.00"), "decided")  # 一般, not 优秀
    assert _outputs(jia)["奖金"] == (Decimal("0"), "decided")  # no award: 其余
    assert _outputs(jia)["超额奖励"] == (Decimal("6000"), "decided")  # the total is unchanged


def test_an_output_reading_a_grade_or_award_sent_to_the_committee_is_pending():
    # a tie on the 优秀 quota's boundary and across the one 一等奖 place, both 提交认定 (§23):
    # the grade and award are pending, and so are the outputs reading them; the formula is not
    quota = '名额 { "优秀" 不超过 总数的 25% 向下取整 并列 提交认定 }\n'
    awards = '奖项 { 综合奖 "一等奖" 1 名 并列 提交认定 }\n'
    policy = loads(HEAD + GRADES + quota + awards + OUTPUTS)
    tied = _doc(("甲局", 1, 0), ("乙局", 1, 0), ("丙局", 5, 0), ("丁局", 9, 0))  # 97, 97, 85, 73
    cards = {c.entity: c for c in policy.score_all(tied)}
    jia = cards["甲局"]
    assert jia.grade_decision.is_pending and jia.award_decision.is_pending
    assert _outputs(jia) == {"超额奖励": (Decimal("6000"), "decided"), "系数": (None, "pending"),
                             "等次奖金": (None, "pending"), "奖金": (None, "pending"),
                             "每分奖励": (Decimal("32.33"), "decided")}
    assert [o.rule for o in jia.outputs][1:4] == ["等次 待认定", "等次 待认定", "奖项 待认定"]
    bing = cards["丙局"]  # decided: 良好, no award
    assert _outputs(bing)["系数"] == (Decimal("1.10"), "decided") and _outputs(bing)["奖金"] == (Decimal("0"), "decided")
    text = render_text(list(cards.values()), title="t", places=2)
    assert "系数 待认定 ← 等次 待认定" in text
