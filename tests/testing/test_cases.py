"""scorelang.testing.cases: case files are read with located errors, run exactly, updated in place."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

import scorelang
from scorelang.cli import main
from scorelang.testing import cases as cases_module
from scorelang.testing.cases import (
    CaseFileError,
    parse_case_file,
    read_case_file,
    render_failures,
    run_case,
    run_cases,
    update_case_files,
)
from scorelang.testing.cli_test import DIAGNOSTIC_KEYS
from scorelang.testing.coverage import RuleCoverage

ROOT = Path(__file__).resolve().parents[2]

POLICY = '''考评办法 "t" { 保留 2 位小数 四舍五入 }
对象 「对象」 { 「甲」 「乙」 }
计入总分权重 { 目标任务一 100% }
目标任务 一 "任务" {
  牵头 「科」
  事实 { 「x」 计数  「y」 是否 默认 否 }
  部分 "部分" 100分 {
    第1项 "项" 100分 {
      "每发现一次扣1.5分" 每「x」扣1.5分
      "发生的不得分" 若「y」不得分
    }
  }
}
'''

CASES = '''# a comment the update keeps
policy: t.score
entity: 甲
cases:
  - name: one deduction
    source: "每发现一次扣1.5分"
    facts: {x: 1}
    expect:
      items: {"1.1": "98.50"}   # 100 - 1.5
      total: 98.5
  - name: zeroed
    facts: {x: 0, y: true}
    expect: {items: {"1.1": "0"}}
  - name: a required fact left out
    facts: {x: null}
    expect: {error: {code: SL212, fact: x}}
  - name: ranked
    entities:
      甲: {facts: {x: 2}, expect: {rank: 2}}
      乙: {facts: {x: 1}, expect: {rank: 1, tasks: {"1": {score: "98.50", weighted: "98.50"}}}}
'''


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "t.score").write_text(POLICY, encoding="utf-8")
    (tmp_path / "t.cases.yaml").write_text(CASES, encoding="utf-8")
    return tmp_path


def load(project: Path) -> tuple[scorelang.Policy, list]:
    return scorelang.load(project / "t.score"), [read_case_file(str(project / "t.cases.yaml"))]


def test_every_case_passes_and_every_figure_counts(project):
    policy, files = load(project)
    results = run_cases(policy, files)
    assert [r.case.name for r in results] == ["one deduction", "zeroed", "a required fact left out", "ranked"]
    assert all(r.passed for r in results), [render_failures(r) for r in results if not r.passed]
    assert [r.figures for r in results] == [2, 1, 1, 4]
    assert files[0].policy == str(project / "t.score")


def test_a_wrong_figure_fails_with_expected_actual_and_trace(project):
    text = CASES.replace('"98.50"}   # 100 - 1.5', '"98.49"}   # 100 - 1.5')
    case_file = parse_case_file(text, str(project / "t.cases.yaml"))
    result = run_case(scorelang.load(project / "t.score"), case_file.cases[0])
    assert not result.passed
    (failure,) = result.failures
    assert (failure.expected, failure.actual, failure.what) == ("98.49", "98.50", "1.1 score")
    report = render_failures(result)
    assert "t.cases.yaml:9: 甲 1.1 score" in report
    assert "1.1 deduct -1.50 x=1 「每发现一次扣1.5分」" in report


def test_decimals_compare_as_values_never_as_floats(project):
    policy, _ = load(project)
    for written, passes in (('"98.5"', True), ("98.50", True), ("98.500", True), ("98.51", False)):
        text = CASES.replace('"98.50"}   # 100 - 1.5', f"{written}}}")
        case = parse_case_file(text, str(project / "t.cases.yaml")).cases[0]
        assert run_case(policy, case).passed is passes, written
        assert case.entities[0].figures[0].expected == Decimal(written.strip('"'))


def test_an_expected_error_that_does_not_happen_fails(project):
    text = CASES.replace("facts: {x: null}", "facts: {x: 3}")
    case = parse_case_file(text, str(project / "t.cases.yaml")).cases[2]
    (failure,) = run_case(scorelang.load(project / "t.score"), case).failures
    assert failure.what == "error SL212"


def test_refused_facts_fail_a_case_that_expects_scores(project):
    text = CASES.replace("facts: {x: 1}", "facts: {x: -1}")
    case = parse_case_file(text, str(project / "t.cases.yaml")).cases[0]
    (failure,) = run_case(scorelang.load(project / "t.score"), case).failures
    assert "SL213" in failure.actual


@pytest.mark.parametrize("bad, line, code, words", [
    ("    expect:\n      items:", 8, "SL303", "exepct"),                       # misspelt key
    ('items: {"1.1": "98.50"}', 9, "SL304", "九十八"),                          # not a decimal
    ("  - name: zeroed", 11, "SL306", "one deduction"),                        # duplicate name
    ("      total: 98.5", 11, "SL301", "total: [98.5"),   # YAML syntax: seen where the list should close
])
def test_bad_case_files_are_located_in_the_authors_words(project, bad, line, code, words):
    replacement = {"SL303": "    exepct:\n      items:", "SL304": 'items: {"1.1": "九十八"}',
                   "SL306": "  - name: one deduction", "SL301": "      total: [98.5"}[code]
    text = CASES.replace(bad, replacement)
    with pytest.raises(CaseFileError) as info:
        parse_case_file(text, "t.cases.yaml")
    (d, *_) = info.value.diagnostics
    assert d.code == code
    assert d.span is not None and d.span.file == "t.cases.yaml" and d.span.line == line
    if code == "SL303":
        assert "exepct" in d.message and "expect" in d.hint   # did you mean
    if code == "SL304":
        assert "九十八" in d.message


def test_update_rewrites_only_stated_figures_in_place(project, tmp_path):
    changed = CASES.replace('"98.50"}   # 100 - 1.5', '"97.00"}   # 100 - 1.5')
    (project / "t.cases.yaml").write_text(changed, encoding="utf-8")
    policy, files = load(project)
    changes, skipped = update_case_files(run_cases(policy, files), policy.places)
    assert [(c.line, c.old, c.new) for c in changes] == [(9, "97.00", "98.50")] and not skipped
    assert (project / "t.cases.yaml").read_text(encoding="utf-8") == CASES   # comments, quotes kept
    assert all(r.passed for r in run_cases(policy, [read_case_file(str(project / "t.cases.yaml"))]))


def test_coverage_counts_each_rule_fired_and_not_fired(project):
    policy, files = load(project)
    coverage = RuleCoverage(policy.model)
    run_cases(policy, files[:1] and [files[0]], observe=coverage.observe)
    assert [(t.text, t.fired > 0, t.quiet > 0) for t in coverage.targets] == [
        ("每发现一次扣1.5分", True, True), ("发生的不得分", True, True)]
    assert coverage.percent == 100
    only_first = parse_case_file(CASES, str(project / "t.cases.yaml"))
    partial = RuleCoverage(policy.model)
    run_case(policy, only_first.cases[0], observe=partial.observe)
    assert partial.covered == 2 and partial.percent == Decimal("50.00")
    assert [(t.text, branch) for t, branch in partial.missing()] == [
        ("每发现一次扣1.5分", "not fired"), ("发生的不得分", "fired")]


# ------------------------------------------------------------------ the command line
def test_cli_exit_codes(project):
    runner = CliRunner()
    policy, cases = str(project / "t.score"), str(project / "t.cases.yaml")
    ok = runner.invoke(main, ["test", policy, cases])
    assert ok.exit_code == 0, ok.output
    assert "4 个用例，4 个通过" in ok.output
    (project / "t.cases.yaml").write_text(CASES.replace('"98.50"', '"1.00"'), encoding="utf-8")
    failed = runner.invoke(main, ["test", policy, cases])
    assert failed.exit_code == 1 and "期望 expected: 1.00" in failed.output
    (project / "t.cases.yaml").write_text(CASES.replace("expect:\n      items", "expct:\n      items"),
                                          encoding="utf-8")
    bad = runner.invoke(main, ["test", policy, cases])
    assert bad.exit_code == 2 and "SL303" in bad.output and "t.cases.yaml:8:" in bad.output
    missing = runner.invoke(main, ["test", policy, str(project / "nowhere")])
    assert missing.exit_code == 2 and "SL308" in missing.output


def test_cli_coverage_fail_under(project):
    runner = CliRunner()
    args = ["test", str(project / "t.score"), str(project / "t.cases.yaml")]
    assert runner.invoke(main, [*args, "--fail-under", "100"]).exit_code == 0
    (project / "t.cases.yaml").write_text(CASES.replace("{x: 0, y: true}", "{x: 0}")
                                          .replace('"1.1": "0"', '"1.1": "100"'), encoding="utf-8")
    result = runner.invoke(main, [*args, "--coverage", "--fail-under", "100"])
    assert result.exit_code == 1, result.output
    assert "发生的不得分" in result.output and "75.00%" in result.output


def test_the_2017_cases_pass_and_cover_every_rule(monkeypatch):
    # every figure of every case and the coverage, through the CLI; the invariants on each
    # case's scorecard (two thirds of the time, a second evaluation among them) are checked by
    # the case items the pytest plugin collects from tests/cases/2017, each on its own
    monkeypatch.setattr(cases_module, "check_card", lambda policy, entity, facts, card: [])
    result = CliRunner().invoke(main, ["test", str(ROOT / "policies" / "2017.score"),
                                       str(ROOT / "tests" / "cases" / "2017"), "--fail-under", "100"])
    assert result.exit_code == 0, result.output[-3000:]
    assert "(100.00%)" in result.output


def test_check_json_has_every_key_of_the_documented_shape(tmp_path):
    bad = tmp_path / "bad.score"
    bad.write_text(POLICY.replace("每「x」扣1.5分", "每「xx」扣1.5分"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(bad), "--format", "json"])
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    assert doc["schema"] == "scorelang/diagnostics-1" and doc["errors"] >= 1
    for entry in doc["diagnostics"]:
        assert set(DIAGNOSTIC_KEYS) <= set(entry)
    first = doc["diagnostics"][0]
    assert (first["code"], first["file"], first["line"]) == ("SL112", str(bad), 9)
    good = CliRunner().invoke(main, ["check", str(ROOT / "policies" / "2017.score"), "--format", "json"])
    assert good.exit_code == 0 and json.loads(good.stdout)["errors"] == 0


def test_cli_properties_on_any_policy(project):
    result = CliRunner().invoke(main, ["test", str(project / "t.score"), "--properties", "--examples", "5"])
    assert result.exit_code == 0, result.output
    assert "全部通过 all hold" in result.output


def test_the_case_file_example_of_the_docs_reads_and_passes(tmp_path):
    text = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = ROOT / "tests" / "cases" / "2017" / "docs-example.cases.yaml"   # where its relative paths point
    case_file = parse_case_file(example, str(path))
    assert case_file.policy == str(ROOT / "policies" / "2017.score")
    (case,) = case_file.cases
    assert run_case(scorelang.load(case_file.policy), case).passed


def test_a_facts_file_that_cannot_be_read_is_a_bad_case_file(project):
    (project / "t.cases.yaml").write_text(CASES.replace("entity: 甲\n", "entity: 甲\nfacts_file: gone.yaml\n"),
                                          encoding="utf-8")
    result = CliRunner().invoke(main, ["test", str(project / "t.score"), str(project / "t.cases.yaml")])
    assert result.exit_code == 2 and "SL201" in result.output and "gone.yaml" in result.output


def test_every_case_also_checks_the_invariants_of_its_scorecards(project, monkeypatch):
    from scorelang.testing import cases, invariants

    seen = []
    monkeypatch.setattr(invariants, "INVARIANTS", (lambda p, e, f, card: seen.append((e, card.rank)),))
    policy, files = load(project)
    assert all(r.passed for r in run_cases(policy, files))
    # every entity of every scored case, the ranked ones as evaluate gives them (no rank)
    assert seen == [("甲", None), ("甲", None), ("甲", None), ("乙", None)]

    def broken(p, e, f, card):
        assert card.total < 0, "never negative"
    monkeypatch.setattr(invariants, "INVARIANTS", (broken,))
    result = cases.run_case(policy, files[0].cases[0])
    (failure,) = result.failures
    assert failure.what == "invariant" and "broken: never negative" in failure.actual.replace("broken (不成立): ", "broken: ")


@pytest.mark.parametrize("text, code", [
    ("cases: 5", "SL302"),
    ("cases: [5]", "SL302"),
    ("[1, 2]", "SL302"),
    ("", "SL305"),
    ("cases:\n  - name: {a: 1}\n    entity: 甲\n    expect: {total: 1}", "SL302"),
    ("cases:\n  - name: a\n    entity: 甲\n    facts: [1]\n    expect: []", "SL302"),
    ("cases:\n  - name: a\n    entities: 5", "SL302"),
    ("cases:\n  - name: a\n    entities: {甲: 5}", "SL302"),
    ("cases:\n  - name: a\n    entity: 甲\n    expect: {rank: 0}", "SL304"),
    ("cases:\n  - name: a\n    entity: 甲\n    expect: {error: [{fact: a}]}", "SL305"),
    ("a: &x [*x]", "SL301"),
    ("cases: []\ncases: []", "SL301"),
    ("cases:\n  - name: a\n    entity: 甲\n    facts: {x: 1, x: 2}\n    expect: {total: 1}", "SL301"),
    ("cases:\n  - name: a\n    entity: 甲\n    expect: {total: 1, total: 2}", "SL301"),
])
def test_hostile_case_files_are_diagnostics_not_crashes(text, code):
    with pytest.raises(CaseFileError) as info:
        parse_case_file(text, "h.cases.yaml")
    assert info.value.diagnostics[0].code == code
    for d in info.value.diagnostics:
        assert "Error" not in d.message and "Problem" not in d.message   # no Python class names


def test_a_case_file_that_is_not_utf8_is_sl301(tmp_path):
    path = tmp_path / "bad.cases.yaml"
    path.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(CaseFileError) as info:
        read_case_file(str(path))
    (d,) = info.value.diagnostics
    assert d.code == "SL301" and "UTF-8" in d.message


DERIVED_POLICY = '''考评办法 "t" { 保留 2 位小数 四舍五入 }
对象 「对象」 { 「甲」 }
计入总分权重 { 目标任务一 100% }
事实 { 「受案数」 计数  「结案数」 计数 }
计算 { 「结案率」 = 「结案数」 ÷ 「受案数」 × 100% 除数为0时取 100% }
目标任务 一 "任务" {
  牵头 「科」
  部分 "一" 100分 { 第1项 "结案" 100分 { 「结案率」 达 90% 每降低 1 个百分点 扣2分 不足一档按比例计 } }
}
'''


@pytest.mark.parametrize("expected, passes", [('"80"', True), ("80.0", True), ('"80.01"', False)])
def test_a_case_may_expect_a_derived_value(tmp_path, expected, passes):
    (tmp_path / "t.score").write_text(DERIVED_POLICY, encoding="utf-8")
    text = ("policy: t.score\nentity: 甲\ncases:\n  - name: 结案率\n    facts: {受案数: 50, 结案数: 40}\n"
            f"    expect: {{derived: {{结案率: {expected}}}, items: {{\"1.1\": \"80.00\"}}}}\n")
    case = parse_case_file(text, str(tmp_path / "t.cases.yaml")).cases[0]
    result = run_case(scorelang.load(tmp_path / "t.score"), case)
    assert result.passed is passes
    if not passes:
        (failure,) = result.failures
        assert failure.what == "derived 结案率" and failure.actual == "80.00"


def test_a_derived_value_the_policy_does_not_have_is_no_such_figure(tmp_path):
    (tmp_path / "t.score").write_text(DERIVED_POLICY, encoding="utf-8")
    text = ("policy: t.score\nentity: 甲\ncases:\n  - name: x\n    facts: {受案数: 50, 结案数: 40}\n"
            "    expect: {derived: {结案数: \"40\"}}\n")
    case = parse_case_file(text, str(tmp_path / "t.cases.yaml")).cases[0]
    (failure,) = run_case(scorelang.load(tmp_path / "t.score"), case).failures
    assert "no such figure" in failure.actual
