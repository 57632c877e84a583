"""A judgement the assessor has not entered never silently means full marks.

A judgement's default is either absent (the judgement is required, and the template marks it
"pending"), or declared on purpose: ``默认 未发生`` (did not occur: no deduction). A bare
``默认 0`` still means 0 but ``check`` warns (SL140). A judgement only ever added (加「…」,
第十三条's leaders' scores) is a score every entity is given: 0 is not "did not occur" there,
so a default or a value outside its range is refused.
"""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

import scorelang
from scorelang.cli import main
from scorelang.diagnostics import Severity

ROOT = Path(__file__).resolve().parents[2]
POLICY_2017 = ROOT / "policies" / "2017.score"
FACTS_2017 = ROOT / "examples" / "2017" / "facts.json"

POLICY = """考评办法 "示例" {
  保留 2 位小数 四舍五入
}
对象 「县市司法局」 { 「甲县」 「乙县」 }
计入总分权重 { 目标任务一 100% }
目标任务 一 "社区矫正" {
  牵头 「基层科」
  事实 {
    DECLARATION
  }
  部分 "基本任务" 100分 {
    第1项 "机构" 100分 {
      扣「扣分」
    }
  }
}
第十三条 "州局领导评分" {
  事实 { 「评分」 评定 0.5 至 2 分 SCORE_DEFAULT }
  加「评分」
}
"""


def policy(declaration: str, score_default: str = "") -> str:
    return POLICY.replace("DECLARATION", declaration).replace("SCORE_DEFAULT", score_default)


def codes(text: str) -> dict[str, Severity]:
    """{code: severity} of loading ``text`` (errors, or the warnings of a policy that loads)."""
    try:
        diagnostics = scorelang.loads(text, "p.score").warnings
    except scorelang.PolicyError as error:
        diagnostics = error.diagnostics
    return {d.code: d.severity for d in diagnostics}


def run(*args: str) -> tuple[int, str, str]:
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        runner = CliRunner()
    result = runner.invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# ------------------------------------------------------------------ declaring defaults
@pytest.mark.parametrize("declaration, expected", [
    ("「扣分」 评定 1 至 3 分 默认 0", {"SL140": Severity.WARNING}),       # 0 without saying why
    ("「扣分」 评定 0 至 5 分 默认 0", {"SL140": Severity.WARNING}),       # 2.7's case: full marks if left out
    ("「扣分」 评定 1 至 3 分 默认 未发生", {}),                            # on purpose
    ("「扣分」 评定 1 至 3 分", {}),                                        # required
    ("「扣分」 评定 1 至 3 分 默认 2", {}),                                 # a default inside the range
    ("「扣分」 评定 1 至 3 分 默认 4", {"SL109": Severity.ERROR}),          # outside it
    ("「扣分」 评定 1 至 3 分 默认 无", {"SL109": Severity.ERROR}),         # 无 is for records
    ("「扣分」 评定记录 1 至 3 分 默认 未发生", {}),                        # no records: no deductions
])
def test_a_deducted_judgement_default(declaration, expected):
    assert codes(policy(declaration)) == expected


@pytest.mark.parametrize("score_default, expected", [
    ("", {}),                                    # a score every entity is given: required
    ("默认 1", {}),                              # a default inside 0.5–2
    ("默认 0", {"SL109": Severity.ERROR}),       # 0 is outside 0.5–2, and not "did not occur" for a score
    ("默认 未发生", {"SL109": Severity.ERROR}),
])
def test_an_added_judgement_default(score_default, expected):
    assert codes(policy("「扣分」 评定 1 至 3 分", score_default)) == expected


def test_not_occurred_is_for_judgements_and_records_only():
    text = policy("「扣分」 评定 1 至 3 分\n    「次数」 计数 默认 未发生").replace("扣「扣分」", "扣「扣分」\n      每「次数」扣1分")
    assert codes(text) == {"SL109": Severity.ERROR}


def test_the_2017_policy_declares_every_judgement_default_on_purpose():
    loaded = scorelang.load(POLICY_2017)
    assert "SL140" not in {d.code for d in loaded.warnings}
    # 2.7 (no rule in the source: the lead department judges) has no default
    assert not loaded.model.fact("执法力量扣分").has_default


# ------------------------------------------------------------------ values
@pytest.mark.parametrize("value, accepted", [("0", True), ("2", True), ("0.5", False), ("4", False)])
def test_zero_means_did_not_occur_for_a_deduction(value, accepted):
    loaded = scorelang.loads(policy("「扣分」 评定 1 至 3 分"))
    facts = {"扣分": value, "评分": "1"}
    if accepted:
        loaded.evaluate("甲县", facts)
    else:
        with pytest.raises(scorelang.FactsError):
            loaded.evaluate("甲县", facts)


@pytest.mark.parametrize("value, accepted", [("0", False), ("0.4", False), ("0.5", True), ("2", True), ("2.5", False)])
def test_an_added_score_lies_in_its_range(value, accepted):
    loaded = scorelang.loads(policy("「扣分」 评定 1 至 3 分"))
    facts = {"扣分": "0", "评分": value}
    if accepted:
        card = loaded.evaluate("甲县", facts)
        assert [(e.clause, e.points) for e in card.adjustments] == [("第十三条", Decimal(value))]
    else:
        with pytest.raises(scorelang.FactsError) as info:
            loaded.evaluate("甲县", facts)
        assert [d.fact for d in info.value.diagnostics] == ["评分"]
        assert "未发生" not in info.value.diagnostics[0].message  # 0 is no way out for a score


def test_2017_leader_score_of_0_exits_1_naming_entity_and_fact(tmp_path):
    facts = json.loads(FACTS_2017.read_text(encoding="utf-8"))
    facts["entities"]["西昌市"]["州局主要领导评分"] = "0"
    facts["entities"]["木里县"]["州局其余班子成员评分"] = ["0"]
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    code, _, err = run("score", str(POLICY_2017), str(path))
    assert code == 1
    assert "「西昌市」 事实 「州局主要领导评分」" in err and "「木里县」 事实 「州局其余班子成员评分」" in err


# ------------------------------------------------------------------ the template marks pending judgements
@pytest.fixture(scope="module")
def template() -> dict:
    code, out, err = run("template", str(POLICY_2017), "--format", "json")
    assert code == 0, err
    return {fact["name"]: fact for fact in json.loads(out)["facts"]}


def test_template_marks_pending_judgements(template):
    assert template["执法力量扣分"]["pending"] is True            # 2.7: no default
    assert template["州局主要领导评分"]["pending"] is True        # 第十三条: every county is scored
    assert template["机构不适应扣分"]["pending"] is False         # 默认 未发生
    assert template["执法责任事故扣分"]["pending"] is False       # judgement records, 默认 无
    for fact in template.values():
        judgement = fact["type"] == "judgement" or (fact["type"] == "records" and not fact.get("fields"))
        assert ("pending" in fact) == judgement, fact["name"]
        if judgement:
            assert fact["pending"] == (fact["default"] is None), fact["name"]


def test_template_says_where_0_is_allowed(template):
    assert template["机构不适应扣分"]["zero_means_absent"] is True
    assert template["州局主要领导评分"]["zero_means_absent"] is False
    assert template["州局其余班子成员评分"]["zero_means_absent"] is False


@pytest.mark.parametrize("lang, word", [("zh", "待评定"), ("en", "pending")])
def test_csv_template_lists_pending_judgements(template, lang, word):
    code, out, err = run("template", str(POLICY_2017), "--format", "csv", "--lang", lang)
    assert code == 0
    header = next(csv.reader(io.StringIO(out)))
    note = next(line for line in err.splitlines() if line.startswith(word))
    listed = set(note.split("「")[1:])
    listed = {part.split("」")[0] for part in listed}
    pending_in_sheet = {name for name, fact in template.items() if fact.get("pending") and name in header}
    assert listed == pending_in_sheet and "执法力量扣分" in listed and "机构不适应扣分" not in listed
