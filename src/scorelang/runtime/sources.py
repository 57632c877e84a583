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

from .. import messages as msg
from ..diagnostics import Diagnostic, FactsError
from ..messages import Words
from ..span import Span

# The SL2xx codes of file-level problems (SL201 cannot read … SL208 needs openpyxl) are in
# the catalogue, scorelang.messages.facts; the validator's own codes follow from SL210.

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
        _fail(msg.FACTS_FILE_TYPE.at(None, path=path))
    if kind == "xlsx":
        return _read_xlsx(path)
    text = _read_text(path)
    if kind == "json":
        return _from_json(path, text)
    if kind == "yaml":
        return _from_yaml(path, text)
    return _from_csv(path, text)


# ------------------------------------------------------------------ helpers
def _fail(diagnostic: Diagnostic, sources: dict[str, str] | None = None) -> NoReturn:
    raise FactsError((diagnostic,), sources or {})


def _point(path: str, line: int, column: int) -> Span:
    """A one-character span in the facts file (1-based line and column)."""
    return Span(path, line, column, line, column + 1)


def _read_text(path: str) -> str:
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return fh.read()
    except FileNotFoundError:
        _fail(msg.FACTS_NOT_FOUND.at(None, path=path))
    except IsADirectoryError:
        _fail(msg.FACTS_IS_DIRECTORY.at(None, path=path))
    except UnicodeDecodeError as exc:
        _fail(msg.FACTS_NOT_UTF8.at(None, path=path, byte=exc.start))
    except OSError as exc:
        _fail(msg.FACTS_UNREADABLE.at(None, path=path, reason=exc.strerror or exc))


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int | None = None, column: int | None = None):
        super().__init__(key)
        self.key, self.line, self.column = key, line, column


def _duplicate(path: str, text: str, dup: _DuplicateKey) -> NoReturn:
    span = _point(path, dup.line, dup.column) if dup.line is not None else None
    _fail(msg.KEY_TWICE.at(span, key=dup.key), {path: text})


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
        _fail(msg.JSON_SYNTAX.at(_point(path, exc.lineno, exc.colno), line=exc.lineno, column=exc.colno,
                                 problem=exc.msg), {path: text})
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
        _fail(msg.YAML_SYNTAX_AT.at(_point(path, line, column), line=line, column=column, problem=problem),
              {path: text})
    except yaml.YAMLError as exc:
        _fail(msg.YAML_SYNTAX.at(None, problem=exc))
    except _DuplicateKey as dup:
        _duplicate(path, text, dup)
    return _document(path, data)


# ------------------------------------------------------------------ document shape (JSON, YAML)
def _document(path: str, data: Any) -> dict:
    if not isinstance(data, dict) or "entities" not in data:
        _fail(msg.DOCUMENT_NO_ENTITIES.at(None, path=path))
    entities = data["entities"]
    if not isinstance(entities, dict):
        _fail(msg.DOCUMENT_ENTITIES_NOT_MAPPING.at(None, path=path, kind=_kind(entities)))
    problems: list[Diagnostic] = []
    result: dict[str, dict] = {}
    for entity, facts in entities.items():
        name = str(entity)
        if facts is None:  # YAML "西昌市:" with nothing under it: no facts given
            facts = {}
        if not isinstance(facts, dict):
            problems.append(msg.ENTITY_FACTS_NOT_MAPPING.about(name, kind=_kind(facts)))
            continue
        result[name] = {str(fact): value for fact, value in facts.items()}
    if problems:
        raise FactsError(tuple(problems))
    return {"entities": result}


def _kind(value: Any) -> Words:
    names = {list: ("列表", "a list"), str: ("文本", "text"), bool: ("是/否", "a yes/no"),
             int: ("数字", "a number"), Decimal: ("数字", "a number"), type(None): ("空值", "null")}
    return Words(*names.get(type(value), ("其他值", "another value")))


# ------------------------------------------------------------------ tables (CSV, XLSX)
def _from_csv(path: str, text: str) -> dict:
    reader = csv.reader(io.StringIO(text))
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        _fail(msg.CSV_SYNTAX.at(_point(path, max(reader.line_num, 1), 1), line=reader.line_num, problem=exc),
              {path: text})
    return _from_table(path, rows)


def _read_xlsx(path: str) -> dict:
    try:
        import openpyxl
    except ImportError:
        _fail(msg.NEEDS_OPENPYXL.at(None, path=path))
    if not os.path.exists(path):
        _fail(msg.FACTS_NOT_FOUND.at(None, path=path))
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, InvalidFileException…
        _fail(msg.XLSX_UNREADABLE.at(None, path=path, problem=f"{type(exc).__name__}: {exc}"))
    try:
        if not workbook.worksheets:
            _fail(msg.XLSX_NO_SHEET.at(None, path=path))
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
        _fail(msg.TABLE_EMPTY.at(None, path=path))
    header_line, header = first
    names = [c.strip() if isinstance(c, str) else str(c) for c in header]
    if ENTITY_COLUMN not in names:
        _fail(msg.TABLE_NO_ENTITY_COLUMN.at(None, path=path, line=header_line, column=ENTITY_COLUMN))
    problems: list[Diagnostic] = []
    seen_columns: dict[str, int] = {}
    for index, name in enumerate(names):
        if name and name in seen_columns:
            problems.append(msg.TABLE_COLUMN_TWICE.about(
                None, name, path=path, name=name, first=seen_columns[name] + 1, second=index + 1))
        seen_columns.setdefault(name, index)
    entity_index = names.index(ENTITY_COLUMN)

    entities: dict[str, dict] = {}
    first_row: dict[str, int] = {}
    for line, cells in rows_iter:
        entity_cell = cells[entity_index] if entity_index < len(cells) else ""
        entity = entity_cell.strip() if isinstance(entity_cell, str) else str(entity_cell)
        if not entity:
            problems.append(msg.TABLE_ROW_NO_ENTITY.about(path=path, line=line))
            continue
        if len(cells) > len(names) and not all(_blank(c) for c in cells[len(names):]):
            problems.append(msg.TABLE_ROW_TOO_LONG.about(entity, path=path, line=line, cells=len(cells),
                                                         columns=len(names)))
        if entity in first_row:
            problems.append(msg.TABLE_ENTITY_TWICE.about(entity, path=path, first=first_row[entity], line=line))
            continue
        first_row[entity] = line
        facts: dict[str, Any] = {}
        for index, cell in enumerate(cells[: len(names)]):
            name = names[index]
            if index == entity_index or _blank(cell):
                continue  # an empty cell: the fact is not given
            if not name:
                problems.append(msg.TABLE_CELL_NO_HEADER.about(entity, path=path, line=line, column=index + 1))
                continue
            if name in facts:
                continue  # a repeated column, already reported
            facts[name] = cell.strip() if isinstance(cell, str) else cell
        entities[entity] = facts
    if problems:
        raise FactsError(tuple(problems))
    return {"entities": entities}
