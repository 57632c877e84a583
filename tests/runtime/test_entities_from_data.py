"""Entities from data: 对象 「…」 由事实文件列出 and 分组 「…」 凡「事实」为 "…" — the docs example,
weights and awards by data-defined groups, the checks and the facts errors naming the entity."""
from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import scorelang
from scorelang.cli import main

ROOT = Path(__file__).resolve().parents[2]
D = Decimal


def _doc_section() -> str:
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    start = text.index("### 4.1 对象由事实文件列出")
    return text[start:text.index("\n## ", start)]


SECTION = _doc_section()
DOC_POLICY = re.findall(r"```score\n(.*?)```", SECTION, re.DOTALL)[0]
DOC_FACTS = json.loads(re.findall(r"```json\n(.*?)```", SECTION, re.DOTALL)[0].replace("\n  ", "\n"))


@pytest.fixture(scope="module")
def policy() -> scorelang.Policy:
    return scorelang.loads(DOC_POLICY, "doc.score")


def test_the_docs_example_scores_as_the_docs_say(policy):
    assert policy.model.entities == () and policy.model.entities_from_facts
    cards = {c.entity: c for c in policy.score_all(DOC_FACTS)}
    assert set(cards) == {"城关司法所", "草原司法所"}
    assert cards["城关司法所"].total == D("98.80")
    assert cards["草原司法所"].total == D("97.00")
    assert [t.weight for t in cards["草原司法所"].tasks] == [D(70), D(30)]
    assert cards["城关司法所"].rank == 1 and cards["城关司法所"].award == "先进司法所"


def test_one_entity_is_scored_with_its_group(policy):
    card = policy.evaluate("草原司法所", DOC_FACTS["entities"]["草原司法所"])
    assert card.total == D("97.00")


def test_the_group_fact_is_required_and_checked(policy):
    with pytest.raises(scorelang.FactsError) as err:
        policy.score_all({"entities": {"甲所": {"所在区域": "山区", "调解卷宗不规范件数": 0, "未完成宣传场次": 0},
                                       "乙所": {"调解卷宗不规范件数": 0, "未完成宣传场次": 0}}})
    assert sorted((d.code, d.entity, d.fact) for d in err.value.diagnostics) == [
        ("SL212", "乙所", "所在区域"), ("SL213", "甲所", "所在区域")]


def test_an_empty_facts_file_is_a_facts_error(policy):
    with pytest.raises(scorelang.FactsError) as err:
        policy.score_all({"entities": {}})
    assert [d.code for d in err.value.diagnostics] == ["SL242"]


def test_template_gives_no_entities_and_says_where_they_come_from(policy):
    doc = policy.template()
    assert doc["entities"] == [] and doc["entities_from_facts"] is True and doc["entity_kind"] == "司法所"
    assert next(f for f in doc["facts"] if f["name"] == "所在区域")["items"] == ["分组"]
    listed = scorelang.load(ROOT / "policies" / "2017.score").template()
    assert "entities_from_facts" not in listed and listed["entities"]


def test_cli_template_csv_and_score(policy, tmp_path):
    path = tmp_path / "p.score"
    path.write_text(DOC_POLICY, encoding="utf-8")
    facts = tmp_path / "f.json"
    facts.write_text(json.dumps(DOC_FACTS, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["template", str(path), "--format", "csv"])
    assert result.exit_code == 0 and result.stdout.splitlines() == ["entity,所在区域,调解卷宗不规范件数,未完成宣传场次"]
    assert "由事实文件列出" in result.stderr
    result = CliRunner().invoke(main, ["score", str(path), str(facts), "--format", "json", "--entity", "草原司法所"])
    assert result.exit_code == 0, result.output
    assert [e["entity"] for e in json.loads(result.stdout)["entities"]] == ["草原司法所"]


OVERLAP = DOC_POLICY.replace('分组 「牧区所」 凡「所在区域」为 "牧区"',
                             '分组 「牧区所」 凡「所在区域」为 "牧区"\n分组 「非城区所」 凡「所在区域」不为 "城区"').replace(
    '目标任务二 「牧区所」 30%', '目标任务二 「牧区所」 30%\n  目标任务一 「非城区所」 50%\n  目标任务二 「非城区所」 50%')


def test_an_entity_under_two_weight_lines_is_named():
    policy = scorelang.loads(OVERLAP, "o.score")
    with pytest.raises(scorelang.FactsError) as err:
        policy.score_all(DOC_FACTS)
    assert {(d.code, d.entity) for d in err.value.diagnostics} == {("SL242", "草原司法所")}
    facts = {"entities": {"城关司法所": DOC_FACTS["entities"]["城关司法所"],
                          "河西司法所": dict(DOC_FACTS["entities"]["城关司法所"], 所在区域="农区")}}
    assert {c.entity: c.tasks[0].weight for c in policy.score_all(facts)} == {"城关司法所": D(60), "河西司法所": D(50)}


@pytest.mark.parametrize("change, code", [
    (('对象 「司法所」 由事实文件列出', '对象 「司法所」 由事实文件列出\n对象 「司法所」 { 「甲所」 }'), "SL174"),
    (('分组 「牧区所」 凡「所在区域」为 "牧区"', '分组 「牧区所」 { 「甲所」 }'), "SL174"),
    (('凡「所在区域」为 "牧区"', '凡「所在区」为 "牧区"'), "SL175"),
    (('凡「所在区域」为 "牧区"', '凡「所在区域」为 "山区"'), "SL175"),
    (('凡「所在区域」为 "牧区"', '凡「所在区域」高于 "牧区"'), "SL175"),
    (('凡「所在区域」为 "牧区"', '凡「调解卷宗不规范件数」为 "牧区"'), "SL175"),
    (('目标任务一 「牧区所」 70%', '目标任务一 「牧区所」 80%'), "SL124"),
])
def test_checks(change, code):
    with pytest.raises(scorelang.PolicyError) as err:
        scorelang.loads(DOC_POLICY.replace(*change), "c.score")
    assert code in [d.code for d in err.value.diagnostics]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["城区", "农区", "牧区"]), st.integers(0, 60), st.integers(0, 25)),
                min_size=1, max_size=12), st.randoms())
def test_scores_do_not_depend_on_the_order_of_the_facts_file(rows, random):
    policy = scorelang.loads(DOC_POLICY, "doc.score")
    entities = {f"第{i}所": {"所在区域": area, "调解卷宗不规范件数": a, "未完成宣传场次": b}
                for i, (area, a, b) in enumerate(rows, start=1)}
    shuffled = list(entities.items())
    random.shuffle(shuffled)
    first = {c.entity: (c.total, c.rank) for c in policy.score_all({"entities": entities})}
    second = {c.entity: (c.total, c.rank) for c in policy.score_all({"entities": dict(shuffled)})}
    assert first == second
    for name, (total, _) in first.items():
        weight = D(70) if entities[name]["所在区域"] == "牧区" else D(60)
        one = max(D(0), 100 - 2 * D(entities[name]["调解卷宗不规范件数"]))
        two = max(D(0), 100 - 5 * D(entities[name]["未完成宣传场次"]))
        assert total == (one * weight + two * (100 - weight)) / 100


LISTED = DOC_POLICY.replace("对象 「司法所」 由事实文件列出", "对象 「司法所」 { 「城关司法所」 「草原司法所」 }").replace(
    "  目标任务一 60%\n  目标任务二 40%\n", "")


def test_listed_entities_with_a_group_by_a_fact():
    policy = scorelang.loads(LISTED, "l.score")
    assert policy.model.entities == ("城关司法所", "草原司法所")
    # only the group's lines: an entity outside the group is named once its facts say so
    card = policy.evaluate("草原司法所", DOC_FACTS["entities"]["草原司法所"])
    assert card.total == D("97.00")
    with pytest.raises(scorelang.FactsError) as err:
        policy.score_all(DOC_FACTS)
    assert {(d.code, d.entity) for d in err.value.diagnostics} == {("SL242", "城关司法所")}
    with pytest.raises(scorelang.FactsError):
        policy.evaluate("河西司法所", DOC_FACTS["entities"]["草原司法所"])
