"""The pytest plugin (entry point pytest11): a plain pytest collects *.cases.yaml, one test per case."""
from __future__ import annotations

import pytest
from test_cases import CASES, POLICY

pytest_plugins = ["pytester"]


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makefile(".score", t=POLICY)
    pytester.path.joinpath("t.cases.yaml").write_text(CASES, encoding="utf-8")
    return pytester


def test_one_test_per_case(project):
    result = project.runpytest("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=4)
    listed = project.runpytest("--collect-only", "-q", "-p", "no:cacheprovider")
    listed.stdout.fnmatch_lines(["t.cases.yaml::one deduction", "t.cases.yaml::zeroed",
                                 "t.cases.yaml::a required fact left out", "t.cases.yaml::ranked"])


def test_a_failing_case_reports_like_scorelang_test(project):
    project.path.joinpath("t.cases.yaml").write_text(CASES.replace('"98.50"}   #', '"90.00"}   #'), encoding="utf-8")
    result = project.runpytest("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(["*期望 expected: 90.00*", "*实际 actual:   98.50*",
                                 "*1.1 deduct -1.50 x=1 「每发现一次扣1.5分」*"])
    assert "Traceback" not in result.stdout.str()


def test_a_bad_case_file_is_one_failure_with_its_located_problem(project):
    project.path.joinpath("t.cases.yaml").write_text(CASES.replace("expect:\n      items", "expct:\n      items"),
                                                     encoding="utf-8")
    result = project.runpytest("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*t.cases.yaml:8:5*SL303*"])
