"""runtime/sources.py: facts files in four formats → the raw document, or one FactsError."""
from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path

import pytest

from scorelang.diagnostics import FactsError, render_text
from scorelang.runtime.sources import read_facts_file

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "2017"


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def problems(path: str) -> FactsError:
    with pytest.raises(FactsError) as info:
        read_facts_file(path)
    return info.value


# ------------------------------------------------------------------ JSON
def test_json_numbers_are_decimal_never_float(tmp_path):
    path = write(tmp_path, "f.json", '{"entities": {"西昌市": {"率": 97.5, "次数": 2, "是": true, "级": "优秀"}}}')
    doc = read_facts_file(path)
    assert doc == {"entities": {"西昌市": {"率": Decimal("97.5"), "次数": 2, "是": True, "级": "优秀"}}}
    assert type(doc["entities"]["西昌市"]["率"]) is Decimal


def test_json_syntax_error_names_line_and_column(tmp_path):
    path = write(tmp_path, "f.json", '{"entities": {\n  "西昌市": {"a": 1,}\n}}')
    error = problems(path)
    (d,) = error.diagnostics
    assert d.code == "SL203"
    assert (d.span.file, d.span.line) == (path, 2)
    assert "第 2 行" in d.message and "line 2" in d.message_en
    assert f"{path}:2:" in render_text(error.diagnostics, error.sources)


def test_json_bom_is_accepted(tmp_path):
    path = write(tmp_path, "f.json", '\ufeff{"entities": {"西昌市": {}}}')
    assert read_facts_file(path) == {"entities": {"西昌市": {}}}


@pytest.mark.parametrize("content", ['{"西昌市": {"a": 1}}', '[]', '"entities"', '{"entities": [1, 2]}', 'null'])
def test_without_an_entities_mapping(tmp_path, content):
    (d,) = problems(write(tmp_path, "f.json", content)).diagnostics
    assert d.code == "SL204" and "entities" in d.message and "entities" in d.message_en


def test_entity_that_is_not_a_mapping_is_named(tmp_path):
    path = write(tmp_path, "f.json", '{"entities": {"西昌市": [1], "木里县": {}, "盐源县": 3}}')
    error = problems(path)
    assert [(d.code, d.entity) for d in error.diagnostics] == [("SL204", "西昌市"), ("SL204", "盐源县")]


def test_json_duplicate_key(tmp_path):
    path = write(tmp_path, "f.json", '{"entities": {"西昌市": {"a": 1}, "西昌市": {"a": 2}}}')
    (d,) = problems(path).diagnostics
    assert d.code == "SL205" and "西昌市" in d.message


# ------------------------------------------------------------------ YAML
def test_yaml_decimals_dates_and_merge_keys(tmp_path):
    path = write(tmp_path, "f.yml", (
        "defaults: &d {次数: 0, 率: 100}\n"
        "entities:\n"
        "  西昌市: {<<: *d, 率: 97.5, 日期: 2017-03-01, 是: true}\n"
        "  木里县:\n"
    ))
    doc = read_facts_file(path)
    assert doc["entities"]["西昌市"] == {"次数": 0, "率": Decimal("97.5"), "日期": "2017-03-01", "是": True}
    assert doc["entities"]["木里县"] == {}


def test_yaml_duplicate_entity_names_its_line(tmp_path):
    path = write(tmp_path, "f.yaml", "entities:\n  西昌市: {a: 1}\n  西昌市: {a: 2}\n")
    (d,) = problems(path).diagnostics
    assert d.code == "SL205" and d.span.line == 3 and "西昌市" in d.message


def test_yaml_syntax_error(tmp_path):
    path = write(tmp_path, "f.yaml", "entities:\n  西昌市: {a: 1\n  木里县: [\n")
    (d,) = problems(path).diagnostics
    assert d.code == "SL203" and d.span is not None and d.span.file == path


def test_yaml_scalars_follow_the_number_rule(tmp_path):
    path = write(tmp_path, "f.yaml", (
        "entities:\n  西昌市: {八: 010, 十六: 0x1F, 千: 1_000, 正: +3, 时: 1:30, 无穷: .inf, 小: 1.0e-05,"
        " 开: on, 是: yes, 真: True, 假: FALSE, 大: " + "9" * 5000 + "}\n"))
    facts = read_facts_file(path)["entities"]["西昌市"]
    assert facts["八"] == 10 and facts["小"] == Decimal("0.00001") and facts["大"] == Decimal("9" * 5000)
    assert [facts[k] for k in ("十六", "千", "正", "时", "无穷", "开", "是")] == ["0x1F", "1_000", "+3", "1:30", ".inf", "on", "yes"]
    assert facts["真"] is True and facts["假"] is False


def test_yaml_merge_from_a_defaults_block(tmp_path):
    path = write(tmp_path, "f.yaml", "默认: &d {a: 0, b: 1}\nentities:\n  甲: {<<: *d, a: 2}\n  乙: *d\n")
    assert read_facts_file(path) == {"entities": {"甲": {"a": 2, "b": 1}, "乙": {"a": 0, "b": 1}}}


def alias_bomb(levels: int = 9) -> str:
    names = "abcdefghijklmnop"
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        lines.append(f"{names[level]}: &{names[level]} [" + ",".join([f"*{names[level - 1]}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("where", ["entities:\n  西昌市:\n    曝光: *i\n", "entities: *i\n",
                                   "entities:\n  西昌市: {表彰: [{工作: *i}]}\n"])
def test_yaml_alias_bomb_is_refused_quickly(tmp_path, where):
    path = write(tmp_path, "f.yaml", alias_bomb() + where)
    started = time.process_time()  # CPU, not wall time: parallel test workers must not fail it
    error = problems(path)
    assert time.process_time() - started < 2
    (d,) = error.diagnostics
    assert d.code == "SL218" and d.span.file == path and "*i" in d.message
    assert len(render_text(error.diagnostics, error.sources)) < 1000


def test_yaml_aliases_within_the_limit_are_read(tmp_path):
    path = write(tmp_path, "f.yaml", alias_bomb(4) + "entities:\n  西昌市: {x: *d}\n说明: 不读\n")
    with pytest.raises(FactsError) as info:  # 6561 values: read, then refused by the top-level check
        read_facts_file(path)
    assert [d.code for d in info.value.diagnostics] == ["SL219"]


@pytest.mark.parametrize("text", ["entities: &a {西昌市: *a}\n", "entities:\n  西昌市: {x: &b [1, [2, *b]]}\n"])
def test_yaml_alias_containing_itself(tmp_path, text):
    (d,) = problems(write(tmp_path, "f.yaml", text)).diagnostics
    assert d.code == "SL218" and d.span is not None


@pytest.mark.parametrize("name, text", [
    ("f.yaml", "entities:\n  西昌市:\n    x: " + "[" * 500 + "]" * 500 + "\n"),
    ("f.yaml", "entities:\n  西昌市:\n    x: " + "{a: " * 300 + "1" + "}" * 300 + "\n"),
    ("f.json", '{"entities": {"西昌市": {"x": ' + "[" * 1000 + "]" * 1000 + "}}}"),
    ("f.json", '{"entities": {"西昌市": {"x": ' + "[" * 200 + "]" * 200 + "}}}"),  # parses, still refused
    ("f.json", '{"entities": {"西昌市": {"x": ' + '{"a": ' * 5000 + "1" + "}" * 5000 + "}}}"),
])
def test_deep_nesting_names_the_file(tmp_path, name, text):
    path = write(tmp_path, name, text)
    (d,) = problems(path).diagnostics
    assert d.code == "SL217" and path in d.message and "100" in d.message


def test_nesting_up_to_the_limit_is_read(tmp_path):
    depth = 100 - 3  # the document, entities and 西昌市 are three levels
    doc = read_facts_file(write(tmp_path, "f.json", '{"entities": {"西昌市": {"x": ' + "[" * depth + "]" * depth + "}}}"))
    assert isinstance(doc["entities"]["西昌市"]["x"], list)


@pytest.mark.parametrize("name, text", [
    ("f.json", '{"entities": {}, "polcy": "2017", "说明": "x", "comment": 1, "默认": {}, "defaults": []}'),
    ("f.yaml", "entities: {}\n漏管脱管人次: 3\n"),
])
def test_unknown_top_level_keys_are_errors(tmp_path, name, text):
    (d,) = problems(write(tmp_path, name, text)).diagnostics
    assert d.code == "SL219" and d.message.count("「") == 1 and "entities" in d.message


def test_top_level_notes_are_allowed(tmp_path):
    path = write(tmp_path, "f.json", '{"说明": "2017 年", "comment": ["x"], "entities": {"西昌市": {}}}')
    assert read_facts_file(path) == {"entities": {"西昌市": {}}}


def test_a_long_line_is_not_shown_under_the_message(tmp_path):
    path = write(tmp_path, "f.json", '{"entities": {"西昌市": {"x": "' + "y" * 100_000 + '",}}}')
    error = problems(path)
    (d,) = error.diagnostics
    assert d.code == "SL203" and d.span is None and path in d.message and "第 1 行" in d.message
    assert len(render_text(error.diagnostics, error.sources)) < 500


def test_long_keys_are_cut_in_messages(tmp_path):
    key = "键" * 100_000
    error = problems(write(tmp_path, "f.yaml", f"entities:\n  {key}: 1\n  {key}: 2\n"))
    assert len(render_text(error.diagnostics, error.sources)) < 500


# ------------------------------------------------------------------ CSV
def test_csv_cells_stay_text_and_empty_cells_are_not_given(tmp_path):
    path = write(tmp_path, "f.csv", "\ufeffentity,次数,率,曝光\n西昌市,2,97.5,\n木里县, 0 ,,是\n\n")
    assert read_facts_file(path) == {"entities": {
        "西昌市": {"次数": "2", "率": "97.5"},
        "木里县": {"次数": "0", "曝光": "是"},
    }}


def test_csv_entity_column_anywhere(tmp_path):
    path = write(tmp_path, "f.csv", "次数,entity\n3,西昌市\n")
    assert read_facts_file(path) == {"entities": {"西昌市": {"次数": "3"}}}


def test_csv_without_entity_column(tmp_path):
    (d,) = problems(write(tmp_path, "f.csv", "对象名,次数\n西昌市,2\n")).diagnostics
    assert d.code == "SL206" and "entity" in d.message and "template" in d.hint


def test_csv_lists_every_row_problem(tmp_path):
    path = write(tmp_path, "f.csv", "entity,a,a\n西昌市,1,2\n,3,4\n木里县,5\n西昌市,6,7\n木里县,1,2,3\n")
    error = problems(path)
    codes = sorted(d.code for d in error.diagnostics)
    assert codes == ["SL205", "SL205", "SL206", "SL207", "SL207"]  # row 3: no entity; row 6: 4 cells
    duplicate = next(d for d in error.diagnostics if d.code == "SL205" and d.entity == "西昌市")
    assert "2" in duplicate.message and "5" in duplicate.message  # both rows named
    assert any(d.code == "SL206" and d.fact == "a" for d in error.diagnostics)


def test_csv_more_cells_than_header(tmp_path):
    (d,) = problems(write(tmp_path, "f.csv", "entity,a\n西昌市,1,2\n")).diagnostics
    assert d.code == "SL207" and d.entity == "西昌市"


def test_csv_not_utf8_says_how_to_save_it(tmp_path):
    path = write(tmp_path, "f.csv", "entity,次数\n西昌市,2\n".encode("gbk"))
    (d,) = problems(path).diagnostics
    assert d.code == "SL201" and "UTF-8" in d.message and "UTF-8" in d.hint


def test_empty_csv(tmp_path):
    (d,) = problems(write(tmp_path, "f.csv", "")).diagnostics
    assert d.code == "SL206"


# ------------------------------------------------------------------ files
def test_missing_file(tmp_path):
    (d,) = problems(str(tmp_path / "none.json")).diagnostics
    assert d.code == "SL201" and "none.json" in d.message


def test_unsupported_extension(tmp_path):
    (d,) = problems(write(tmp_path, "f.txt", "x")).diagnostics
    assert d.code == "SL202" and ".csv" in d.message


def test_directory(tmp_path):
    (tmp_path / "d.json").mkdir()
    (d,) = problems(str(tmp_path / "d.json")).diagnostics
    assert d.code == "SL201"


@pytest.mark.parametrize("name, content", [
    ("a.json", "\x00\x01"), ("a.json", "{" * 5000), ("a.json", "NaN"), ("a.yaml", "!!python/object:os.system x"),
    ("a.yaml", "- [a\n- b"), ("a.csv", 'entity,a\n"西昌市,1\n'), ("a.csv", "entity\n" + "x," * 500),
    ("a.json", '{"entities": {"1": {"2": {"3": [null]}}}}'),
])
def test_garbage_gives_facts_error_or_a_document(tmp_path, name, content):
    try:
        doc = read_facts_file(write(tmp_path, name, content))
    except FactsError as error:
        assert error.diagnostics and all(d.code.startswith("SL2") for d in error.diagnostics)
    else:
        assert isinstance(doc["entities"], dict)


# ------------------------------------------------------------------ XLSX
def test_xlsx_without_openpyxl_says_how_to_install(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_openpyxl(name, *args, **kwargs):
        if name == "openpyxl":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    (d,) = problems(write(tmp_path, "f.xlsx", b"PK")).diagnostics
    assert d.code == "SL208" and "pip install openpyxl" in d.message


def test_xlsx_first_sheet_read_like_csv(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["entity", "次数", "率", "曝光"])
    sheet.append(["西昌市", 2, 97.5, None])
    sheet.append(["木里县", 0.0, "100", True])
    sheet.append(["盐源县", 1e-07, 1e300, None])
    book.create_sheet("其他").append(["entity"])
    path = str(tmp_path / "f.xlsx")
    book.save(path)
    assert read_facts_file(path) == {"entities": {
        "西昌市": {"次数": "2", "率": "97.5"},
        "木里县": {"次数": "0", "率": "100", "曝光": True},
        "盐源县": {"次数": "0.0000001", "率": "1" + "0" * 300},  # as typed, written out plainly
    }}


# ------------------------------------------------------------------ the examples
@pytest.mark.skipif(not (EXAMPLES / "facts.json").exists(), reason="examples/2017 not written yet")
def test_example_formats_give_the_same_entities():
    docs = {fmt: read_facts_file(str(EXAMPLES / f"facts.{fmt}")) for fmt in ("json", "yaml", "csv")
            if (EXAMPLES / f"facts.{fmt}").exists()}
    entity_sets = {fmt: list(doc["entities"]) for fmt, doc in docs.items()}
    assert len({tuple(v) for v in entity_sets.values()}) == 1, entity_sets
    assert len(entity_sets["json"]) == 17
    json_doc = json.loads((EXAMPLES / "facts.json").read_text(encoding="utf-8"))
    assert set(docs["json"]["entities"]) == set(json_doc["entities"])


@pytest.mark.parametrize("text, words", [
    ("entities: *x\n", "别名 *x 没有定义"), ("entities: {a: &x 1, b: &x 2}\n", "锚点 &x 定义了两次"),
    ("entities: !!python/object:os.system x\n", "YAML 标签 !!python/object:os.system"),
    ("entities:\n  ? [1]\n  : 2\n", "映射的键不能是列表或映射"),
])
def test_yaml_problems_in_words_for_a_person(tmp_path, text, words):
    (d,) = problems(write(tmp_path, "f.yaml", text)).diagnostics
    assert d.code == "SL203" and words in d.message and "'" not in d.message


def test_csv_cell_over_the_field_limit(tmp_path):
    (d,) = problems(write(tmp_path, "f.csv", 'entity,a\n西昌市,"' + "x" * 200_000 + '"\n')).diagnostics
    assert d.code == "SL203" and "131072" in d.message and len(d.message) < 200
