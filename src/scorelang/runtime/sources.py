"""Reads a facts file (JSON, YAML, CSV, XLSX) into the raw document the facts validator checks.

This module only reads: it returns ``{"entities": {entity: {fact: value}}}`` with values as
written (CSV cells stay strings; JSON/YAML numbers become ``Decimal``, never ``float``).
Checking names, types and ranges is ``runtime/facts.py``'s job. Every problem with the file
itself is raised as one ``FactsError`` (codes SL201–SL208), never as a Python exception.
"""
from __future__ import annotations

import csv
import datetime
import io
import json
import os
from decimal import Decimal
from typing import Any, Iterable, Iterator, NoReturn

import yaml

from ..diagnostics import Diagnostic, FactsError
from ..span import Span

# SL2xx codes used here (file-level problems); the validator's own codes follow from SL210.
CANNOT_READ = "SL201"      # missing, a directory, unreadable, not UTF-8
UNSUPPORTED = "SL202"      # unknown file extension
SYNTAX = "SL203"           # JSON/YAML syntax error, corrupt workbook
SHAPE = "SL204"            # no "entities" mapping, an entity that is not a mapping
DUPLICATE = "SL205"        # the same entity (or fact) given twice
HEADER = "SL206"           # CSV/XLSX header problems: no entity column, repeated column
ROW = "SL207"              # CSV/XLSX row problems: no entity name, more cells than columns
NEEDS_OPENPYXL = "SL208"   # .xlsx without openpyxl installed

ENTITY_COLUMN = "entity"
_SUFFIXES = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".csv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx"}


def read_facts_file(path: str) -> dict:
    """Read ``path`` and return ``{"entities": {entity: {fact: value}}}``.

    The format follows the extension: ``.json``, ``.yaml``/``.yml``, ``.csv`` (header
    ``entity,<fact>,…``, one row per entity, an empty cell means "not given"), ``.xlsx``
    (the first sheet, laid out as the CSV). Raises ``FactsError`` for any problem.
    """
    kind = _SUFFIXES.get(os.path.splitext(path)[1].lower())
    if kind is None:
        _fail(UNSUPPORTED,
              f"不支持的事实文件类型：{path}（支持 .json、.yaml/.yml、.csv、.xlsx）",
              f"unsupported facts file type: {path} (use .json, .yaml/.yml, .csv or .xlsx)")
    if kind == "xlsx":
        return _read_xlsx(path)
    text = _read_text(path)
    if kind == "json":
        return _from_json(path, text)
    if kind == "yaml":
        return _from_yaml(path, text)
    return _from_csv(path, text)


# ------------------------------------------------------------------ helpers
def _diagnostic(code: str, message: str, message_en: str, *, span: Span | None = None,
                hint: str = "", hint_en: str = "", entity: str | None = None,
                fact: str | None = None) -> Diagnostic:
    return Diagnostic(code=code, message=message, message_en=message_en, span=span,
                      hint=hint, hint_en=hint_en, entity=entity, fact=fact)


def _fail(code: str, message: str, message_en: str, *, sources: dict[str, str] | None = None,
          **kwargs: Any) -> NoReturn:
    raise FactsError((_diagnostic(code, message, message_en, **kwargs),), sources or {})


def _point(path: str, line: int, column: int) -> Span:
    """A one-character span in the facts file (1-based line and column)."""
    return Span(path, line, column, line, column + 1)


def _read_text(path: str) -> str:
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return fh.read()
    except FileNotFoundError:
        _fail(CANNOT_READ, f"找不到事实文件：{path}", f"facts file not found: {path}")
    except IsADirectoryError:
        _fail(CANNOT_READ, f"事实文件路径是一个目录：{path}", f"facts path is a directory: {path}")
    except UnicodeDecodeError as exc:
        _fail(CANNOT_READ, f"事实文件不是 UTF-8 编码：{path}（第 {exc.start} 字节）",
              f"facts file is not UTF-8 encoded: {path} (byte {exc.start})",
              hint="请另存为 UTF-8 编码（Excel 中选择“CSV UTF-8（逗号分隔）”）",
              hint_en='save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")')
    except OSError as exc:
        _fail(CANNOT_READ, f"无法读取事实文件 {path}：{exc.strerror or exc}",
              f"cannot read facts file {path}: {exc.strerror or exc}")


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int | None = None, column: int | None = None):
        super().__init__(key)
        self.key, self.line, self.column = key, line, column


def _duplicate(path: str, text: str, dup: _DuplicateKey) -> NoReturn:
    span = _point(path, dup.line, dup.column) if dup.line is not None else None
    _fail(DUPLICATE, f"「{dup.key}」在同一层中出现了两次，无法确定以哪一个为准",
          f"「{dup.key}」 is given twice at the same level; which one counts is unclear",
          span=span, sources={path: text})


# ------------------------------------------------------------------ JSON
def _json_pairs(pairs: list[tuple[str, Any]]) -> dict:
    result: dict = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _from_json(path: str, text: str) -> dict:
    try:
        # Decimal, never float: 0.1 stays 0.1. NaN/Infinity stay text for the validator to reject.
        data = json.loads(text, parse_float=Decimal, parse_constant=str, object_pairs_hook=_json_pairs)
    except json.JSONDecodeError as exc:
        _fail(SYNTAX, f"JSON 语法错误（第 {exc.lineno} 行第 {exc.colno} 列）：{exc.msg}",
              f"JSON syntax error at line {exc.lineno}, column {exc.colno}: {exc.msg}",
              span=_point(path, exc.lineno, exc.colno), sources={path: text})
    except _DuplicateKey as dup:
        _duplicate(path, text, dup)
    return _document(path, data)


# ------------------------------------------------------------------ YAML
class _Loader(yaml.SafeLoader):
    """SafeLoader with Decimal numbers, dates kept as written, and duplicate keys refused."""

    def construct_mapping(self, node, deep=False):
        # Only the keys written in this mapping: a key that overrides one merged in with
        # "<<: *defaults" is an intended override, not a duplicate.
        seen: set = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or not isinstance(key_node, yaml.ScalarNode):
                continue
            key = self.construct_object(key_node)
            if key in seen:
                mark = key_node.start_mark
                raise _DuplicateKey(str(key), mark.line + 1, mark.column + 1)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _yaml_decimal(loader: yaml.SafeLoader, node) -> Any:
    text = loader.construct_scalar(node).replace("_", "")
    try:
        return Decimal(text)
    except ArithmeticError:
        return text  # .inf / .nan: left as text, the validator rejects it


def _yaml_text(loader: yaml.SafeLoader, node) -> str:
    return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:float", _yaml_decimal)
# Dates and times as written ("2017-03-01"), the same value a JSON file would give.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _yaml_text)


def _from_yaml(path: str, text: str) -> dict:
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 — _Loader derives from SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        problem = exc.problem or exc.context or "syntax error"
        _fail(SYNTAX, f"YAML 语法错误（第 {line} 行第 {column} 列）：{problem}",
              f"YAML syntax error at line {line}, column {column}: {problem}",
              span=_point(path, line, column), sources={path: text})
    except yaml.YAMLError as exc:
        _fail(SYNTAX, f"YAML 语法错误：{exc}", f"YAML syntax error: {exc}")
    except _DuplicateKey as dup:
        _duplicate(path, text, dup)
    return _document(path, data)


# ------------------------------------------------------------------ document shape (JSON, YAML)
def _document(path: str, data: Any) -> dict:
    hint = '写成 {"entities": {"西昌市": {"<事实>": 值, …}, …}}'
    hint_en = 'write {"entities": {"西昌市": {"<fact>": value, ...}, ...}}'
    if not isinstance(data, dict) or "entities" not in data:
        _fail(SHAPE, f"事实文件 {path} 缺少 \"entities\" 映射（对象 → 事实）",
              f'facts file {path} has no "entities" mapping (entity → facts)', hint=hint, hint_en=hint_en)
    entities = data["entities"]
    if not isinstance(entities, dict):
        _fail(SHAPE, f"事实文件 {path} 中的 \"entities\" 应为映射（对象 → 事实），实际是 {_kind(entities)}",
              f'"entities" in facts file {path} must be a mapping (entity → facts), not {_kind(entities, "en")}',
              hint=hint, hint_en=hint_en)
    problems: list[Diagnostic] = []
    result: dict[str, dict] = {}
    for entity, facts in entities.items():
        name = str(entity)
        if facts is None:  # YAML "西昌市:" with nothing under it: no facts given
            facts = {}
        if not isinstance(facts, dict):
            problems.append(_diagnostic(
                SHAPE, f"该对象的事实应为映射（事实 → 值），实际是 {_kind(facts)}",
                f"the entity's facts must be a mapping (fact → value), not {_kind(facts, 'en')}",
                entity=name))
            continue
        result[name] = {str(fact): value for fact, value in facts.items()}
    if problems:
        raise FactsError(tuple(problems))
    return {"entities": result}


def _kind(value: Any, lang: str = "zh") -> str:
    names = {list: ("列表", "a list"), str: ("文本", "text"), bool: ("是/否", "a yes/no"),
             int: ("数字", "a number"), Decimal: ("数字", "a number"), type(None): ("空值", "null")}
    zh, en = names.get(type(value), ("其他值", "another value"))
    return en if lang == "en" else zh


# ------------------------------------------------------------------ tables (CSV, XLSX)
def _from_csv(path: str, text: str) -> dict:
    reader = csv.reader(io.StringIO(text))
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        _fail(SYNTAX, f"CSV 格式错误（第 {reader.line_num} 行）：{exc}",
              f"CSV format error at line {reader.line_num}: {exc}",
              span=_point(path, max(reader.line_num, 1), 1), sources={path: text})
    return _from_table(path, rows)


def _read_xlsx(path: str) -> dict:
    try:
        import openpyxl
    except ImportError:
        _fail(NEEDS_OPENPYXL, f"读取 Excel 事实文件 {path} 需要 openpyxl：请运行 pip install openpyxl",
              f"reading the Excel facts file {path} needs openpyxl: pip install openpyxl",
              hint="或将工作表另存为 CSV UTF-8 后再评分",
              hint_en="or save the sheet as CSV UTF-8 and score that")
    if not os.path.exists(path):
        _fail(CANNOT_READ, f"找不到事实文件：{path}", f"facts file not found: {path}")
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, InvalidFileException…
        _fail(SYNTAX, f"无法读取 Excel 文件 {path}：{type(exc).__name__}: {exc}",
              f"cannot read Excel file {path}: {type(exc).__name__}: {exc}")
    try:
        if not workbook.worksheets:
            _fail(HEADER, f"Excel 文件 {path} 中没有工作表", f"Excel file {path} has no worksheet")
        sheet = workbook.worksheets[0]
        rows = [(number, [_cell_text(v) for v in values])
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        workbook.close()
    return _from_table(path, rows)


def _cell_text(value: Any) -> str | bool:
    """An Excel cell as the text a CSV would hold (booleans kept as booleans)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # Excel stores every number as a double; repr gives back the digits that were typed.
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def _blank(cell: str | bool) -> bool:
    return isinstance(cell, str) and not cell.strip()


def _from_table(path: str, rows: Iterable[tuple[int, list]]) -> dict:
    """Rows (line number, cells) with a header ``entity,<fact>,…`` → the raw document."""
    rows_iter: Iterator[tuple[int, list]] = (r for r in rows if not all(_blank(c) for c in r[1]))
    first = next(rows_iter, None)
    if first is None:
        _fail(HEADER, f"表格 {path} 是空的：第一行应为表头 entity,<事实>,…",
              f"table {path} is empty: the first row must be the header entity,<fact>,...")
    header_line, header = first
    names = [c.strip() if isinstance(c, str) else str(c) for c in header]
    if ENTITY_COLUMN not in names:
        _fail(HEADER, f"表格 {path} 第 {header_line} 行的表头缺少 \"{ENTITY_COLUMN}\" 列",
              f'the header (line {header_line}) of table {path} has no "{ENTITY_COLUMN}" column',
              hint="表头写成 entity,<事实>,<事实>…（可用 scorelang template POLICY --format csv 生成）",
              hint_en="the header is entity,<fact>,<fact>... (scorelang template POLICY --format csv writes one)")
    problems: list[Diagnostic] = []
    seen_columns: dict[str, int] = {}
    for index, name in enumerate(names):
        if name and name in seen_columns:
            problems.append(_diagnostic(
                HEADER, f"表格 {path} 的表头中「{name}」列出现了两次（第 {seen_columns[name] + 1} 列和第 {index + 1} 列）",
                f"column 「{name}」 appears twice in the header of {path} (columns {seen_columns[name] + 1} and {index + 1})",
                fact=name))
        seen_columns.setdefault(name, index)
    entity_index = names.index(ENTITY_COLUMN)

    entities: dict[str, dict] = {}
    first_row: dict[str, int] = {}
    for line, cells in rows_iter:
        entity_cell = cells[entity_index] if entity_index < len(cells) else ""
        entity = entity_cell.strip() if isinstance(entity_cell, str) else str(entity_cell)
        if not entity:
            problems.append(_diagnostic(
                ROW, f"表格 {path} 第 {line} 行填了事实，但 entity 列是空的",
                f"row {line} of {path} has facts but an empty entity cell"))
            continue
        if len(cells) > len(names) and not all(_blank(c) for c in cells[len(names):]):
            problems.append(_diagnostic(
                ROW, f"表格 {path} 第 {line} 行有 {len(cells)} 格，多于表头的 {len(names)} 列",
                f"row {line} of {path} has {len(cells)} cells, more than the {len(names)} header columns",
                entity=entity))
        if entity in first_row:
            problems.append(_diagnostic(
                DUPLICATE, f"在表格 {path} 中出现了两次（第 {first_row[entity]} 行和第 {line} 行），每个对象只能有一行",
                f"appears twice in {path} (rows {first_row[entity]} and {line}); one row per entity",
                entity=entity))
            continue
        first_row[entity] = line
        facts: dict[str, Any] = {}
        for index, cell in enumerate(cells[: len(names)]):
            name = names[index]
            if index == entity_index or _blank(cell):
                continue  # an empty cell: the fact is not given
            if not name:
                problems.append(_diagnostic(
                    HEADER, f"表格 {path} 第 {line} 行第 {index + 1} 列有值，但这一列没有表头",
                    f"row {line} of {path} has a value in column {index + 1}, which has no header",
                    entity=entity))
                continue
            if name in facts:
                continue  # a repeated column, already reported
            facts[name] = cell.strip() if isinstance(cell, str) else cell
        entities[entity] = facts
    if problems:
        raise FactsError(tuple(problems))
    return {"entities": entities}
