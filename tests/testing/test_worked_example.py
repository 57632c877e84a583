"""docs/testing.md §6, replayed: an edit to the 2017 policy is caught by a case, by coverage
and by a check, with the figures the docs show."""
from __future__ import annotations

from pathlib import Path

import pytest

import scorelang
from scorelang.testing.cases import read_case_file, run_cases
from scorelang.testing.coverage import RuleCoverage

ROOT = Path(__file__).resolve().parents[2]
SOURCE = (ROOT / "policies" / "2017.score").read_text(encoding="utf-8")
DOCS = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
CASES = ROOT / "tests" / "cases" / "2017"
RULE_3_1 = '"未完成目标任务数的，一个司法所扣2分，扣完为止" 每「未建成规范化司法所数」扣2分 扣完为止'
RULE_3_2 = '"未清理、回收的，一个扣1分" 每「未清理回收业务用房数」扣1分'
FACT_3_2 = '「未清理回收业务用房数」 计数 单位 "个"'
NEW_RULE = '"未按时报送清理进度的，一次扣0.5分" 每「清理进度迟报次数」扣0.5分'
NEW_FACT = '「清理进度迟报次数」 计数 单位 "次" 默认 0 说明 "未按时报送清理进度的次数"'


def edited(*pairs: tuple[str, str]) -> str:
    text = SOURCE
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def files():
    return [read_case_file(str(path)) for path in sorted(CASES.glob("*.cases.yaml"))]


def test_a_changed_deduction_fails_exactly_the_cases_the_docs_show(files):
    policy = scorelang.loads(edited((RULE_3_1, RULE_3_1.replace("扣2分", "扣3分"))), "policies/2017.score")
    failing = [(f.what, f.expected, f.actual) for r in run_cases(policy, files) for f in r.failures]
    assert failing == [("3.1 score", "28.00", "27.00"), ("3.1 score", "18.00", "12.00"),
                       ("3.1 score", "2.00", "0.00")]
    for _, expected, actual in failing:
        assert f"{expected} → {actual}" in DOCS


def test_a_new_rule_without_a_case_is_caught_by_coverage(files):
    policy = scorelang.loads(edited((RULE_3_2, f"{RULE_3_2}\n      {NEW_RULE}"),
                                    (FACT_3_2, f"{NEW_FACT}\n    {FACT_3_2}")), "policies/2017.score")
    coverage = RuleCoverage(policy.model)
    assert all(r.passed for r in run_cases(policy, files, observe=coverage.observe))
    assert [(t.clause, t.text, branch) for t, branch in coverage.missing()] == [
        ("3.2", "未按时报送清理进度的，一次扣0.5分", "fired")]
    line = f"合计 (total): {len(coverage.targets)} 条规则, {coverage.branches} 个分支, 已覆盖 {coverage.covered} ({coverage.percent}%)"
    assert line in DOCS


def test_a_mistyped_fact_name_is_caught_by_check():
    text = edited((RULE_3_2, f"{RULE_3_2}\n      {NEW_RULE.replace('迟报次数」', '迟报次」')}"),
                  (FACT_3_2, f"{NEW_FACT}\n    {FACT_3_2}"))
    with pytest.raises(scorelang.PolicyError) as info:
        scorelang.loads(text, "policies/2017.score")
    (d,) = info.value.diagnostics
    assert (d.code, d.hint) == ("SL112", "是不是「清理进度迟报次数」？")
    assert f"policies/2017.score:{d.span.line}:{d.span.column}: 错误[SL112]" in DOCS
