"""runtime/sources.py: facts files in four formats → the raw document, or one FactsError."""
from __future__ import annotations

import json
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
    book.create_sheet("其他").append(["entity"])
    path = str(tmp_path / "f.xlsx")
    book.save(path)
    assert read_facts_file(path) == {"entities": {
        "西昌市": {"次数": "2", "率": "97.5"},
        "木里县": {"次数": "0", "率": "100", "曝光": True},
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
