"""Grades and pending decisions in every report (docs/language.md §23.4): text, HTML, the results
workbook and JSON show the grade after quotas and 待认定 with the candidates, never a
provisional award; the policy is the §23.1 example of the docs."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from scorelang.policy import loads
from scorelang.report.html import render_report
from scorelang.report.json import render_json
from scorelang.report.text import render_text
from scorelang.report.xlsx import build_results_workbook

DOC = (Path(__file__).resolve().parents[2] / "docs" / "language.md").read_text(encoding="utf-8")
POLICY = re.search(r"```score\n(考评办法 \"某区2024年度机关单位绩效考核办法\".*?)```", DOC, re.S).group(1)
FACTS = {"entities": {
    "发改局": {"项目滞后个数": 0, "投诉件数": 0}, "财政局": {"项目滞后个数": 0, "投诉件数": 0},
    "教育局": {"项目滞后个数": 1, "投诉件数": 1}, "卫健局": {"项目滞后个数": 2, "投诉件数": 1},
    "民政局": {"项目滞后个数": 4, "投诉件数": 2}, "司法局": {"项目滞后个数": 8, "投诉件数": 3}}}


@pytest.fixture(scope="module")
def scored():
    policy = loads(POLICY, "p.score")
    return policy, policy.score_all(FACTS)


def test_the_cohort_decides_as_the_docs_say(scored):
    _, cards = scored
    by = {c.entity: c for c in cards}
    assert by["发改局"].award is None and by["发改局"].award_decision.candidates == ("一等奖", "二等奖")
    assert by["教育局"].award == "二等奖" and by["卫健局"].award is None  # 二等奖 2 名, one taken by the tie
    assert by["教育局"].grade.name == "优秀" and by["教育局"].grade_decision.value == "良好"  # 20% of 6 → 2 优秀
    assert by["司法局"].award_decision.value is None and any("低于80分" in f for f in by["司法局"].flags)
    assert by["发改局"].pending_task_awards[0].candidates == ("发改局", "财政局")


def test_text_says_pending_with_the_candidates_and_the_grade_after_quotas(scored):
    _, cards = scored
    text = render_text(cards, title="t", places=2, width=160)
    assert "奖项 待认定（一等奖/二等奖）" in text
    assert "等次 良好 [90 分以上 优秀 → 良好]" in text  # 教育局: its band says 优秀, the quota made it 良好
    assert "单项奖 一：待认定（发改局/财政局 取 1 个）" in text


def test_html_and_the_workbook_show_grades_and_pending(scored, monkeypatch):
    from scorelang.report import charts

    policy, cards = scored
    for chart in ("totals_chart", "heat_map"):  # the charts are not what this test reads (and slow)
        monkeypatch.setattr(charts, chart, lambda *args, **kwargs: "")
    index = render_report(cards, policy.model, engine="t")["index.html"]
    assert "<th>等次</th>" in index and "待认定（一等奖/二等奖）" in index
    sheet = build_results_workbook(cards, title="t", places=2)["排名"]
    header = [c.value for c in sheet[1]]
    assert header[-4:-1] == ["等次 grade", "奖项 award", "单项奖 single awards"]
    rows = {r[1]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["发改局"][-3] == "待认定（一等奖/二等奖）" and rows["教育局"][-4:-2] == ("良好", "二等奖")


def test_json_2_and_1(scored):
    _, cards = scored
    new = {c["entity"]: c for c in render_json(cards, title="t", sha256="s", places=2, engine_version="x")["entities"]}
    old = {c["entity"]: c for c in render_json(cards, title="t", sha256="s", places=2, engine_version="x",
                                                schema=1)["entities"]}
    assert new["教育局"]["grade"]["value"] == "良好" and old["教育局"]["grade"]["name"] == "良好"
    assert new["发改局"]["award"]["status"] == "pending" and old["发改局"]["award"] is None
