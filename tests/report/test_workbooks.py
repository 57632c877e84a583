"""Excel in and out: the facts template filled as a clerk would, read back to the same scores as
the JSON facts; the results workbook read back and compared figure by figure with the JSON."""
from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from scorelang.cli import main
from scorelang.diagnostics import FactsError
from scorelang.policy import needed_facts
from scorelang.report.json import render_json
from scorelang.report.progress import progress_bar, wanted
from scorelang.runtime.facts_workbook import (
    AMOUNT_COLUMN,
    ENTITY_COLUMN,
    FACTS_SHEET,
    LISTS_SHEET,
    NOTES_SHEET,
    REASON_COLUMN,
    REASONS_SHEET,
    build_facts_workbook,
)
from scorelang.runtime.sources import read_facts_file, read_facts_located

openpyxl = pytest.importorskip("openpyxl")
ROOT = Path(__file__).resolve().parents[2]
POLICY = str(ROOT / "policies" / "2017.score")
FACTS = str(ROOT / "examples" / "2017" / "facts.json")


def run(*args: str) -> tuple[int, str, str]:
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        runner = CliRunner()
    result = runner.invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def clerk_value(value):
    """What a clerk types into a cell for a JSON fact value (Excel keeps numbers as doubles)."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return float(value) if value == value.to_integral_value() or len(str(value)) < 15 else str(value)
    if isinstance(value, str):
        try:
            number = Decimal(value)
        except ArithmeticError:
            return value
        return float(number)
    return value


@pytest.fixture(scope="module")
def template(policy_2017, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "facts.xlsx"
    build_facts_workbook(policy_2017.model, needed_facts(policy_2017.model)).save(path)
    return path


def fill(template: Path, facts: dict, out: Path) -> Path:
    """Fill the generated template from a JSON facts document, as a clerk would in Excel."""
    book = openpyxl.load_workbook(template)
    sheet = book[FACTS_SHEET]
    header = {sheet.cell(3, c).value: c for c in range(2, sheet.max_column + 1)}
    rows = {sheet.cell(r, 1).value: r for r in range(4, sheet.max_row + 1)}
    reasons = book[REASONS_SHEET]
    for entity, given in facts["entities"].items():
        row = rows[entity]
        for column in header.values():  # a fact left out of the JSON is left empty here
            sheet.cell(row, column).value = None
        for name, value in given.items():
            if name in header:
                if isinstance(value, dict):  # a judgement with the assessor's reason
                    reasons.append([entity, name, value["reason"]])
                    value = value["amount"]
                sheet.cell(row, header[name]).value = clerk_value(value)
                continue
            records = book[name[:31]]
            assert records["A1"].value == name
            fields = [c.value for c in records[2]][1:]
            for record in value:
                if isinstance(record, dict) and AMOUNT_COLUMN in fields and "amount" in record:
                    records.append([entity, clerk_value(record["amount"]), record.get("reason")])
                elif isinstance(record, dict):
                    records.append([entity, *[record[f] for f in fields]])
                else:
                    records.append([entity, clerk_value(record)])
    book.save(out)
    return out


def numbers_as_values(data):
    """A document with each numeric text a Decimal: "3.0" and "3" are the same fact value."""
    if isinstance(data, dict):
        return {k: numbers_as_values(v) for k, v in data.items()}
    if isinstance(data, list):
        return [numbers_as_values(v) for v in data]
    if isinstance(data, str):
        try:
            return Decimal(data)
        except ArithmeticError:
            return data
    return data


def test_facts_round_trip_through_the_template(policy_2017, examples_2017, template, tmp_path):
    with open(FACTS, encoding="utf-8") as handle:
        raw = json.load(handle)
    filled = fill(template, raw, tmp_path / "filled.xlsx")
    from_json = policy_2017.score_all(read_facts_file(FACTS))
    from_xlsx = policy_2017.score_all(read_facts_file(str(filled)))

    def doc(cards):
        return numbers_as_values(render_json(cards, title="t", sha256="s", places=2, engine_version="x"))

    # every score, rank, award and trace line is the same; a fact typed 3.0 in JSON is 3 in Excel
    assert doc(from_xlsx) == doc(from_json)
    reasons = [e.reason for c in from_xlsx for t in c.tasks for s in t.sections for i in s.items for e in i.events
               if e.reason]
    assert "社区矫正中心未建" in reasons  # the 评定理由 sheet reached the trace


def test_template_layout_a_clerk_can_fill(policy_2017, template):
    book = openpyxl.load_workbook(template)
    assert book.sheetnames[0] == FACTS_SHEET and book[LISTS_SHEET].sheet_state == "hidden"
    assert {NOTES_SHEET, REASONS_SHEET, "表彰记录", "州局其余班子成员评分"} <= set(book.sheetnames)
    sheet = book[FACTS_SHEET]
    assert sheet.freeze_panes == "B4" and sheet["A3"].value == ENTITY_COLUMN
    header = {sheet.cell(3, c).value: sheet.cell(3, c) for c in range(2, sheet.max_column + 1)}
    scalar = [f for f in policy_2017.facts if f.type != "records"]
    assert set(header) == {f.name for f in scalar}
    assert [sheet.cell(r, 1).value for r in range(4, 4 + len(policy_2017.entities))] == list(policy_2017.entities)
    lan = header["局域网状况"]
    assert "满足工作需要" in lan.comment.text and "必填" in lan.comment.text
    group = next(sheet.cell(1, c).value for c in range(lan.column, 1, -1) if sheet.cell(1, c).value)
    assert group == "目标任务四 信息化建设"  # grouped by task (a merged cell over its facts)
    assert str(sheet.cell(2, lan.column).value).startswith("4.3")      # and by item
    # drop-down lists for choices and flags, ranges for counts, defaults prefilled
    kinds = {}
    for validation in sheet.data_validations.dataValidation:
        for ref in str(validation.sqref).split():
            kinds[openpyxl.utils.cell.coordinate_from_string(ref.split(":")[0])[0]] = validation
    letter = lan.column_letter
    assert kinds[letter].type == "list" and LISTS_SHEET in kinds[letter].formula1
    count = header["漏管脱管人次"]
    assert kinds[count.column_letter].type == "whole"
    # a deduction judgement also takes 0 (did not occur); a leader's score (第十三条) only its range
    deduction, score = kinds[header["七五普法规划扣分"].column_letter], kinds[header["州局主要领导评分"].column_letter]
    assert deduction.type == "custom" and deduction.formula1.startswith("OR(")
    assert (score.type, score.formula1, score.formula2) == ("decimal", "0.5", "2")
    defaulted = next(f for f in scalar if f.has_default and f.type == "judgement")
    assert sheet.cell(4, header[defaulted.name].column).value == defaulted.default
    required = next(f for f in scalar if not f.has_default)
    assert header[required.name].fill.fgColor.rgb.endswith("FFF4CE")
    commend = book["表彰记录"]
    assert [c.value for c in commend[2]] == [ENTITY_COLUMN, "授奖层级", "等级", "工作"]
    assert [c.value for c in book["州局其余班子成员评分"][2]] == [ENTITY_COLUMN, AMOUNT_COLUMN, REASON_COLUMN]


def test_workbook_problems_name_sheet_row_and_column_and_nothing_is_scored(template, tmp_path):
    with open(FACTS, encoding="utf-8") as handle:
        raw = json.load(handle)
    path = fill(template, raw, tmp_path / "bad.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book[FACTS_SHEET]
    header = {sheet.cell(3, c).value: sheet.cell(3, c) for c in range(2, sheet.max_column + 1)}
    sheet.cell(5, header["漏管脱管人次"].column).value = "两人"          # 木里县: not a count
    sheet.cell(6, header["局域网状况"].column).value = None              # 盐源县: a required choice left empty
    book["表彰记录"].append(["会理县", "省级", "一等奖", "普法"])          # not a level of the list
    book.save(path)
    code, out, err = run("score", POLICY, str(path))
    assert code == 1 and out == ""
    count_column = header["漏管脱管人次"].column_letter
    assert "「木里县」 事实 「漏管脱管人次」" in err and f"（工作表「事实」第 5 行 {count_column} 列）" in err
    assert f"（工作表「事实」第 6 行 {header['局域网状况'].column_letter} 列）" in err
    row = book["表彰记录"].max_row
    assert f"（工作表「表彰记录」第 {row} 行）" in err
    assert "共 3 个错误" in err


def test_a_records_sheet_without_header_and_a_fact_twice(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["entity", "表彰记录"])
    book.active.append(["西昌市", "无"])
    book.create_sheet("表彰记录").append(["entity", "等级"])
    book["表彰记录"].append(["西昌市", "一等奖"])
    book.create_sheet("杂项").append(["备注", "随手写的"])
    path = tmp_path / "f.xlsx"
    book.save(path)
    with pytest.raises(FactsError) as info:
        read_facts_located(str(path))
    codes = sorted(d.code for d in info.value.diagnostics)
    assert codes == ["SL205", "SL206"]
    text = " ".join(d.message for d in info.value.diagnostics)
    assert "工作表「杂项」" in text and "工作表「事实」" not in text and "第 2 行 B 列" in text


# ------------------------------------------------------------------ the results workbook
@pytest.fixture(scope="module")
def results(tmp_path_factory) -> tuple[dict, object]:
    path = tmp_path_factory.mktemp("results") / "results.xlsx"
    code, out, err = run("score", POLICY, FACTS, "--format", "json")
    assert code == 0, err
    code, _, err = run("score", POLICY, FACTS, "-o", str(path))  # the format follows the suffix
    assert code == 0, err
    return json.loads(out), openpyxl.load_workbook(path)


def figure(cell) -> str:
    """A stored number, read back exactly: a 2-place figure survives Excel's double."""
    assert isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool), cell.coordinate
    assert cell.number_format == "0.00", cell.coordinate
    return format(Decimal(repr(cell.value)).quantize(Decimal("0.01")), "f")


def test_results_ranking_sheet_matches_the_json(results):
    doc, book = results
    sheet = book["排名"]
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["名次 rank", "对象 entity"] and header[-4:-2] == ["总分 total", "奖项 award"]
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == len(doc["entities"]) == 17
    for row, entity in zip(rows, doc["entities"], strict=True):
        assert row[0].value == entity["rank"] and row[1].value == entity["entity"]
        for cell, task in zip(row[2:2 + len(entity["tasks"])], entity["tasks"], strict=True):
            assert figure(cell) == task["weighted"]
        adjust = sum((Decimal(e["points"]) for e in entity["adjustments"]), Decimal(0))
        assert Decimal(figure(row[2 + len(entity["tasks"])])) == adjust
        assert figure(row[-4]) == entity["total"]
        award = entity["award"]  # schema 2: decided, or 待认定（…） with the candidates
        shown = award["value"] if award["status"] == "decided" else "待认定（" + "/".join(award["candidates"]) + "）"
        assert (row[-3].value or None) == shown
        assert (row[-1].value or "") == "\n".join(entity["flags"])


def test_results_task_and_trace_sheets_match_the_json(results):
    doc, book = results
    for index in range(len(doc["entities"][0]["tasks"])):
        sheet = book.worksheets[1 + index]
        header = [c.value for c in sheet[1]]
        for row, entity in zip(sheet.iter_rows(min_row=2), doc["entities"], strict=True):
            mine = entity["tasks"][index]
            assert row[1].value == entity["entity"] and figure(row[2]) == mine["score"]
            assert figure(row[4]) == mine["weighted"]
            items = {i["id"]: i["score"] for s in mine["sections"] for i in s["items"]}
            for title, cell in zip(header[5:], row[5:], strict=True):
                assert figure(cell) == items[title.split()[0]]
    trace = list(book["明细"].iter_rows(min_row=2, values_only=False))
    expected = []
    for entity in doc["entities"]:
        for task in entity["tasks"]:
            expected += [(entity["entity"], e["rule"], e["points"]) for s in task["sections"] for i in s["items"]
                         for e in i["events"]]
            expected += [(entity["entity"], e["rule"], e["points"]) for e in task["events"]]
        expected += [(entity["entity"], e["rule"], e["points"]) for e in entity["adjustments"]]
    assert [(r[0].value, r[3].value, figure(r[5])) for r in trace] == expected


def test_json_and_text_go_to_the_output_file_too(tmp_path):
    code, out, _ = run("score", POLICY, FACTS, "--format", "json")
    code_file, out_file, _ = run("score", POLICY, FACTS, "--format", "json", "-o", str(tmp_path / "r.json"))
    assert code == code_file == 0 and out_file == ""
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == out


def test_xlsx_format_needs_an_output_file():
    code, _, err = run("score", POLICY, FACTS, "--format", "xlsx")
    assert code == 2 and "-o" in err


# ------------------------------------------------------------------ progress
def test_progress_bar_on_a_terminal_only():
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=80)
    with progress_bar(3, "评分 scoring", enabled=True, console=console) as advance:
        for name in ("西昌市", "木里县", "盐源县"):
            advance(name)
    assert "评分" in buffer.getvalue()
    assert not wanted(False, io.StringIO()) and not wanted(True, io.StringIO())
    calls = []
    with progress_bar(3, "x", enabled=False) as advance:
        advance("西昌市")
        calls.append(1)
    assert calls == [1]


def test_piped_score_prints_nothing_extra():
    code, out, err = run("score", POLICY, FACTS, "--format", "json")
    assert code == 0 and err == "" and json.loads(out)["entities"]
    code, out, err = run("score", POLICY, FACTS, "--format", "json", "--quiet")
    assert code == 0 and err == ""
