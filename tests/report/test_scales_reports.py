"""Scales in the reports (docs/language.md §19, docs/contracts.md): JSON adds the policy's and a
task's ``scale``, a section's ``counted`` and own ``events`` only where a policy declares them
(2017's document keeps its keys); the text report names the scale; ``check`` lists information
(SL139) beside the warnings, as information, with exit status 0."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import scorelang
from scorelang.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _example(heading: str) -> str:
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    start = text.index(heading)
    return re.findall(r"```score\n(.*?)```", text[start:text.index("\n### ", start + 1)], re.DOTALL)[0]


def _run(*args: str) -> tuple[int, str, str]:
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        runner = CliRunner()
    result = runner.invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def thousand(tmp_path_factory) -> tuple[str, str]:
    folder = tmp_path_factory.mktemp("scales")
    policy, facts = folder / "p.score", folder / "f.json"
    policy.write_text(_example("### 19.1"), encoding="utf-8")
    facts.write_text(json.dumps({"entities": {
        "城关镇": {"未签订责任书村数": 2, "隐患整改逾期件数": 1, "一般事故起数": 1, "较大事故": False},
        "石桥乡": {"未签订责任书村数": 0, "隐患整改逾期件数": 0, "一般事故起数": 0, "较大事故": True}}},
        ensure_ascii=False), encoding="utf-8")
    return str(policy), str(facts)


def test_json_shows_the_scales_it_declares(thousand):
    code, out, _ = _run("score", *thousand, "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["policy"]["scale"] == {"full": "1000.0", "summed": True, "clause": "第三条：考核实行千分制"}
    first = doc["entities"][0]
    assert first["total"] == "860.0"
    assert [t["scale"] for t in first["tasks"]] == [
        {"full": "400.0", "enters": "as_is", "base": "full"}, {"full": "600.0", "enters": "as_is", "base": "full"}]
    assert [t["max"] for t in first["tasks"]] == ["400.0", "600.0"]


def test_text_names_the_scales(thousand):
    code, out, _ = _run("score", *thousand)
    assert code == 0
    assert "满分 1000 分（第三条：考核实行千分制）；各目标任务得分相加" in out
    assert "满分 400 分，按原分计入" in out


def test_2017_json_has_no_scale_keys():
    policy = scorelang.load(ROOT / "policies" / "2017.score")
    from scorelang.report.json import render_json

    doc = render_json((), title=policy.title, sha256=policy.sha256, places=policy.places, engine_version="x")
    assert set(doc["policy"]) == {"title", "sha256"}
    assert all(task.scale == scorelang.model.nodes.Scale() and not task.base_zero for task in policy.model.tasks)


def test_a_normalised_section_and_a_sections_cap_in_json(tmp_path):
    policy = tmp_path / "p.score"
    policy.write_text(_example("### 19.2"), encoding="utf-8")
    facts = tmp_path / "f.json"
    facts.write_text(json.dumps({"entities": {"市教育局": {"督查通报次数": 2, "满意票率": "90", "被投诉件数": 3},
                                              "市卫健委": {"督查通报次数": 0, "满意票率": "100", "被投诉件数": 0}}},
                                ensure_ascii=False), encoding="utf-8")
    code, out, _ = _run("score", str(policy), str(facts), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    card = next(e for e in doc["entities"] if e["entity"] == "市教育局")
    business, review = card["tasks"][0]["sections"]
    assert "counted" not in business and review["counted"] == "83.33"
    assert card["tasks"][0]["scale"] == {"full": "200.00", "enters": "normalised", "base": "full"}


def test_check_lists_information_and_passes(tmp_path):
    policy = tmp_path / "p.score"
    policy.write_text((ROOT / "tests" / "golden" / "checks" / "SL139_fact_in_several_clauses.score")
                      .read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = _run("check", str(policy))
    assert code == 0 and out.startswith("通过")
    assert "信息[SL139]" in err and "1 条信息" in err
    code, out, _ = _run("check", str(policy), "--format", "json")
    doc = json.loads(out)
    assert (doc["warnings"], doc["infos"]) == (0, 1)
    assert [d["severity"] for d in doc["diagnostics"]] == ["info"]
    loaded = scorelang.load(policy)
    assert not loaded.warnings and [d.code for d in loaded.notes] == ["SL139"]
