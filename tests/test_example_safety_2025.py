"""examples/safety-2025: a measure of another county and year, written as a new policy author
would from its source text (办法原文.txt) — grades by bands with a 20% 优秀 quota, vetoes for a
serious incident, escalating per-incident deductions, 不重复扣分, single-task awards for two tasks
only, a floor under awards and an amount per grade — scored from its facts with nothing
precomputed. Its regression cases (safety.cases.yaml, as the README runs them) must pass, and
the text report must explain every grade that is out of line with its total."""
from __future__ import annotations

from pathlib import Path

import pytest

import scorelang
from scorelang.report.text import render_text
from scorelang.runtime.sources import read_facts_file
from scorelang.testing.casefile import read_case_file
from scorelang.testing.cases import run_cases

HERE = Path(__file__).resolve().parents[1] / "examples" / "safety-2025"


@pytest.fixture(scope="module")
def policy() -> scorelang.Policy:
    return scorelang.load(str(HERE / "policy.score"))


def test_the_example_passes_check_without_warnings(policy):
    assert not [d for d in policy.warnings if d.severity != "info"]


def test_its_regression_cases_pass(policy):
    results = run_cases(policy, [read_case_file(str(HERE / "safety.cases.yaml"))])
    assert len(results) == 8
    assert [r.case.name for r in results if not r.passed] == []


def test_the_ranking_explains_each_grade_and_award_out_of_line_with_the_total(policy):
    cards = policy.score_all(read_facts_file(str(HERE / "facts.yaml")))
    text = render_text(cards, title=policy.title, places=2)
    ranking = text.split("┏")[0]
    # the quota, the veto (不得评为 / 直接评定为) and the floor under awards, each beside its entity
    assert "※河西镇：优秀等次名额不超过总数的20%（四舍五入），共1名，已满：由优秀调整为良好（第八条）" in ranking
    assert "※东岭镇：等次调整：第七条 主要负责人受到党纪政务处分的，当年不得评为优秀等次：优秀 → 良好" in ranking
    assert "※白马乡：等次调整：第七条 发生重大及以上生产安全事故的，直接评定为不合格等次：合格 → 不合格" in ranking
    # 白马乡 tops task 二 with 城关镇 but is below 80: no award, and the ranking says why
    assert "※白马乡：考评总分低于80分，不评奖（第九条）" in ranking
    assert "单项奖 二：城关镇\n" in ranking
    # each card's heading: the grade, the band that gave the total's grade, and what moved it
    assert "等次 良好 [90 分以上 优秀 → 良好]" in text
    # the amount per grade follows the grade after the quota, never the band
    amounts = {c.entity: c.outputs[0].value for c in cards}
    assert amounts["城关镇"] == 30000 and amounts["河西镇"] == 10000 and amounts["白马乡"] == 0
