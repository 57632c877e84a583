"""Ratings in the facts workbook: ratings weighted by rater group get a sheet of their own (one
row per rating: entity, group, score) and read back as the YAML facts' list of mappings; plain
ratings stay in one cell (9;8.5;7). The policy is the example of docs/language.md §8.12."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import scorelang
from scorelang.cli import main
from scorelang.policy import needed_facts
from scorelang.report.json import render_json
from scorelang.runtime.facts_workbook import (
    AMOUNT_COLUMN,
    ENTITY_COLUMN,
    FACTS_SHEET,
    LISTS_SHEET,
    build_facts_workbook,
)
from scorelang.runtime.ratings import read_ratings
from scorelang.runtime.sources import read_facts_file
from scorelang.runtime.sources_xlsx import Locations, _read_records
from scorelang.runtime.values import Refusal

openpyxl = pytest.importorskip("openpyxl")
ROOT = Path(__file__).resolve().parents[2]
WEIGHTED, TRIMMED, MEAN = "满意度评议", "民主测评", "督查扣分评议"
GROUP = "评分人类别"

FACTS_YAML = """\
entities:
  城关司法所:
    民主测评: [9, 8.5, 7, 9.5, 6]
    满意度评议:
      - {分: 4, 评分人类别: 领导}
      - {分: 5, 评分人类别: 群众}
      - {分: 3, 评分人类别: 群众}
    督查扣分评议: [1, 2]
  河西司法所:
    民主测评: [8, 8, 7.5]
    满意度评议:
      - {分: 4.5, 评分人类别: 群众}
      - {分: 2, 评分人类别: 领导}
      - {分: 3.5, 评分人类别: 领导}
      - {分: 5, 评分人类别: 群众}
    督查扣分评议: 无
  高桥司法所:
    民主测评: [10, 9, 9, 8, 7, 6.5]
    满意度评议: 无
    督查扣分评议: [0.5]
"""


def _doc_policy_text() -> str:
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    start = text.index("### 8.12 评分")
    section = text[start:text.index("\n### ", start + 1)]
    return re.findall(r"```score\n(.*?)```", section, re.DOTALL)[0]


@pytest.fixture(scope="module")
def policy_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("raters") / "raters.score"
    path.write_text(_doc_policy_text(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def policy(policy_file) -> scorelang.Policy:
    return scorelang.load(policy_file)


@pytest.fixture(scope="module")
def template(policy, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("raters") / "template.xlsx"
    build_facts_workbook(policy.model, needed_facts(policy.model)).save(path)
    return path


def _clerk(value):
    """A number as Excel holds it (a double); text as typed."""
    return float(value) if isinstance(value, (int, float, Decimal)) else value


def fill(template: Path, facts: dict, out: Path) -> Path:
    """The template filled from a facts document as a clerk would: plain ratings as 9;8.5;7 in
    the entity sheet, weighted ones one row each on their sheet (无: one row saying so)."""
    book = openpyxl.load_workbook(template)
    sheet = book[FACTS_SHEET]
    header = {sheet.cell(3, c).value: c for c in range(2, sheet.max_column + 1)}
    rows = {sheet.cell(r, 1).value: r for r in range(4, sheet.max_row + 1)}
    for entity, entity_facts in facts["entities"].items():
        for name, value in entity_facts.items():
            if name in header:
                text = value if isinstance(value, str) else ";".join(str(v) for v in value)
                sheet.cell(rows[entity], header[name]).value = text
                continue
            ratings = book[name]
            assert ratings["A1"].value == name
            columns = [c.value for c in ratings[2]][1:]
            if value == "无":
                ratings.append([entity, None, "无"])
                continue
            for rating in value:
                ratings.append([entity, *[_clerk(rating[c]) for c in columns]])
    book.save(out)
    return out


def run(*args: str) -> tuple[int, str, str]:
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        runner = CliRunner()
    result = runner.invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _scored(policy: scorelang.Policy, facts: dict) -> dict:
    return render_json(policy.score_all(facts), title="t", sha256="s", places=2, engine_version="x")


def test_weighted_ratings_round_trip_through_the_template(policy, template, tmp_path):
    yaml_path = tmp_path / "facts.yaml"
    yaml_path.write_text(FACTS_YAML, encoding="utf-8")
    from_yaml = read_facts_file(str(yaml_path))
    filled = fill(template, from_yaml, tmp_path / "filled.xlsx")
    from_xlsx = read_facts_file(str(filled))
    # the sheet reads back as the YAML's list of {分, 评分人类别} (numbers as the cells' text)
    assert from_xlsx["entities"]["城关司法所"][WEIGHTED] == [
        {GROUP: "领导", "分": "4"}, {GROUP: "群众", "分": "5"}, {GROUP: "群众", "分": "3"}]
    assert from_xlsx["entities"]["高桥司法所"][WEIGHTED] == "无"
    assert from_xlsx["entities"]["河西司法所"][TRIMMED] == "8;8;7.5"
    assert _scored(policy, from_xlsx) == _scored(policy, from_yaml)
    card = next(c for c in policy.score_all(from_xlsx) if c.entity == "河西司法所")
    reasons = [e.reason for t in card.tasks for s in t.sections for i in s.items for e in i.events if e.reason]
    # 河西: 领导 (2 + 3.5) ÷ 2 × 40% + 群众 (4.5 + 5) ÷ 2 × 60% — the groups as the rows gave them
    assert any("领导 2 个评分 2、3.5 平均 × 40%" in r and "群众 2 个评分 4.5、5 平均 × 60%" in r for r in reasons)
    weighted = (Decimal(2) + Decimal("3.5")) / 2 * Decimal("0.4") + (Decimal("4.5") + 5) / 2 * Decimal("0.6")
    assert card.total == 100 + weighted + 8  # 民主测评 8, 8, 7.5 without its highest and lowest: 8


def test_the_template_gives_weighted_ratings_a_sheet_with_drop_downs(policy, template):
    book = openpyxl.load_workbook(template)
    sheet = book[FACTS_SHEET]
    header = {sheet.cell(3, c).value: sheet.cell(3, c) for c in range(2, sheet.max_column + 1)}
    assert set(header) == {TRIMMED, MEAN}                  # plain ratings keep their cell
    comment = header[TRIMMED].comment.text                   # the clerk sees the range and that
    assert "范围 range: 0–10" in comment and "至少 3 个评分" in comment  # the trimming needs 3
    ratings = book[WEIGHTED]
    assert ratings["A1"].value == WEIGHTED and "领导 40%" in ratings["B1"].value
    assert [c.value for c in ratings[2]] == [ENTITY_COLUMN, GROUP, AMOUNT_COLUMN]
    checks = {str(v.sqref).split(":")[0]: v for v in ratings.data_validations.dataValidation}
    lists = book[LISTS_SHEET]

    def listed(formula: str) -> list[str]:
        column = re.search(r"\$([A-Z]+)\$1:", formula).group(1)
        return [c.value for c in lists[column] if c.value is not None]

    assert checks["A3"].type == "list" and listed(checks["A3"].formula1) == list(policy.entities)
    assert checks["B3"].type == "list" and listed(checks["B3"].formula1) == ["领导", "群众"]
    # a score within 0 to 5, or 无 for an entity without ratings
    assert (checks["C3"].type, checks["C3"].formula1) == ("custom", 'OR(C3="无",AND(ISNUMBER(C3),C3>=0,C3<=5))')


def test_ratings_problems_name_sheet_row_and_column_all_at_once(policy_file, template, tmp_path):
    facts = {"entities": {
        "城关司法所": {TRIMMED: [9, 8], WEIGHTED: [{"分": 4, GROUP: "领导"}, {"分": 5, GROUP: "干部"}], MEAN: [1]},
        "河西司法所": {TRIMMED: [8, 8, 7], MEAN: ["1"] * 1001},
        "高桥司法所": {TRIMMED: [8, 8, 7], WEIGHTED: [{"分": 6, GROUP: "领导"}], MEAN: [1]},
    }}
    path = fill(template, facts, tmp_path / "bad.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book[FACTS_SHEET]
    letter = {sheet.cell(3, c).value: sheet.cell(3, c).column_letter for c in range(2, sheet.max_column + 1)}
    code, out, err = run("score", str(policy_file), str(path))
    assert code == 1 and out == ""
    # plain ratings in a cell: too few for the trimming, too many — each at its cell
    assert "只有 2 个评分" in err and f"（工作表「事实」第 4 行 {letter[TRIMMED]} 列）" in err
    assert "至多 1000 条，收到 1001 条" in err and f"（工作表「事实」第 5 行 {letter[MEAN]} 列）" in err
    # weighted ratings: the row of the bad rating, the sheet an entity has no row on
    assert "第 2 个评分的「评分人类别」应为 「领导」、「群众」 之一，收到 「干部」（工作表「满意度评议」第 4 行）" in err
    assert "评分应在 0 至 5 分之间，收到 6（工作表「满意度评议」第 5 行）" in err
    assert "「河西司法所」 事实 「满意度评议」: 缺少必填事实" in err and "（工作表「满意度评议」中没有该对象的行）" in err
    assert "共 5 个错误" in err


def test_a_rater_group_without_ratings_names_the_entitys_rows(policy_file, policy, template, tmp_path):
    facts = {"entities": {e: {TRIMMED: [8, 8, 7], MEAN: [1], WEIGHTED: [{"分": 4, GROUP: "群众"}, {"分": 3, GROUP: "群众"}]}
                          for e in policy.entities}}
    path = fill(template, facts, tmp_path / "no_leaders.xlsx")
    code, out, err = run("score", str(policy_file), str(path))
    assert code == 1 and out == ""
    assert "「评分人类别」为「领导」的评分人没有评分" in err
    assert "（工作表「满意度评议」第 3、4 行）" in err and "共 3 个错误" in err


def test_written_none_for_a_policy_that_refuses_no_ratings(tmp_path):
    """无评分时 报错: the row saying 无 is the error SL240, at that row."""
    policy_file = tmp_path / "strict.score"
    policy_file.write_text(_doc_policy_text().replace("无评分时 计 0 分\n", "无评分时 报错\n", 1), encoding="utf-8")
    policy = scorelang.load(policy_file)
    assert policy.model.facts[1].ratings.empty_value is None
    template = tmp_path / "t.xlsx"
    build_facts_workbook(policy.model, needed_facts(policy.model)).save(template)
    facts = {"entities": {e: {TRIMMED: [8, 8, 7], MEAN: [1], WEIGHTED: "无"} for e in policy.entities}}
    code, _, err = run("score", str(policy_file), str(fill(template, facts, tmp_path / "f.xlsx")))
    assert code == 1 and "没有任何评分" in err and "（工作表「满意度评议」第 5 行）" in err


def test_an_only_row_saying_none_is_none_for_records_too(tmp_path):
    """The 无 row is the sheet's way of writing 无 in a cell, for any fact given by rows; 无 beside
    a real rating stays a rating (and is refused as one)."""
    book = openpyxl.Workbook()
    book.active.append([ENTITY_COLUMN, "其他"])
    book.active.append(["甲", "1"])
    book.active.append(["乙", "1"])
    records = book.create_sheet("扣分记录")
    for row in ([ENTITY_COLUMN, AMOUNT_COLUMN, "理由"], ["甲", "无", "无"], ["乙", "无", None], ["乙", "2", "迟报"]):
        records.append(row)
    path = tmp_path / "none.xlsx"
    book.save(path)
    entities = read_facts_file(str(path))["entities"]
    assert entities["甲"]["扣分记录"] == "无"
    assert entities["乙"]["扣分记录"] == [{AMOUNT_COLUMN: "无"}, {AMOUNT_COLUMN: "2", "理由": "迟报"}]


_ENTITIES = ("城关司法所", "河西司法所", "高桥司法所")
_ROWS = st.lists(st.tuples(st.sampled_from(_ENTITIES), st.sampled_from(("领导", "群众")),
                           st.integers(0, 50).map(lambda n: Decimal(n) / 10)), max_size=12)


@given(rows=_ROWS)
def test_sheet_rows_read_as_the_yaml_list_in_order_each_rating_at_its_row(policy, rows):
    """In memory, no file: each entity's rows become its list of mappings in row order, the
    n-th rating is located at its row, and the combined amount is the YAML list's."""
    decl = next(f for f in policy.model.facts if f.name == WEIGHTED)
    sheet_rows = [(1, [WEIGHTED, ""]), (2, [ENTITY_COLUMN, GROUP, AMOUNT_COLUMN])]
    sheet_rows += [(line, [e, g, str(s)]) for line, (e, g, s) in enumerate(rows, start=3)]
    entities: dict = {}
    where = Locations()
    problems: list = []
    _read_records("f.xlsx", WEIGHTED, sheet_rows, entities, where, {}, problems)
    assert problems == []
    for entity in _ENTITIES:
        mine = [(line, g, s) for line, (e, g, s) in enumerate(rows, start=3) if e == entity]
        if not mine:
            assert entity not in entities
            continue
        assert entities[entity][WEIGHTED] == [{GROUP: g, AMOUNT_COLUMN: str(s)} for _, g, s in mine]
        n = len(mine)
        assert where.of(entity, WEIGHTED, n).zh == f"（工作表「{WEIGHTED}」第 {mine[-1][0]} 行）"
        yaml_form = [{"分": s, GROUP: g} for _, g, s in mine]
        try:
            expected = read_ratings(decl, yaml_form)
        except Refusal as refused:  # a group without ratings: the same refusal either way
            with pytest.raises(Refusal) as again:
                read_ratings(decl, entities[entity][WEIGHTED])
            assert again.value.zh == refused.zh
            continue
        assert read_ratings(decl, entities[entity][WEIGHTED]) == expected
