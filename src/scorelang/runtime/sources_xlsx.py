"""Reads an Excel facts workbook: the layout ``scorelang template -o facts.xlsx`` writes
(``runtime/facts_workbook.py``), and any workbook laid out like a CSV on its first sheet.

- Sheets named 「说明」 and 「选项」 are never read.
- The first other sheet holds one row per entity: its header row is the first of its first
  few rows with an ``entity`` cell; rows above it are labels (task, item) and are not read.
- Every further sheet holds the records of one fact, one row per record: the fact is named by
  cell A1 when rows come before the header row, else by the sheet title. Ratings weighted by
  rater group are such a sheet too (``entity``, the group, ``分``): each row is read as the
  mapping ``{"评分人类别": …, "分": …}`` the JSON facts hold. An entity whose only row says 无
  (and nothing else) has none: the fact is 无, as a cell would say it.

Besides the raw document, the reader returns ``Locations``: where each entity's facts were
written, so that the validator's problems (which name an entity and a fact) are reported by
sheet, row and column as well (``Locations.locate``).
"""
from __future__ import annotations

import datetime
import math
import os
import re
from decimal import Decimal
from typing import Any, NoReturn

import attrs

from .. import messages as msg
from ..diagnostics import Diagnostic, FactsError
from ..messages.base import Words
from .facts_workbook import (
    ENTITY_COLUMN,
    FACT_COLUMN,
    HEADER_SEARCH,
    NONE_WRITTEN,
    REASON_COLUMN,
    REASONS_SHEET,
    RESERVED_SHEETS,
)
from .values import excerpt, name_excerpt

_PROBLEM_TEXT = 120
#: a problem with one record, or one rating, says which first: "第 3 条…", "第 2 个评分…"
_RECORD = re.compile(r"第 (\d+) (?:条|个评分)")


@attrs.define
class Locations:
    """Where a workbook gave each fact: cells of the entity sheet, rows of records sheets."""

    cells: dict[tuple[str, str], tuple[str, int, str]] = attrs.Factory(dict)
    records: dict[tuple[str, str], tuple[str, list[int]]] = attrs.Factory(dict)
    entity_rows: dict[str, tuple[str, int]] = attrs.Factory(dict)
    columns: dict[str, str] = attrs.Factory(dict)
    #: the sheet of each fact given by rows (records, weighted ratings): where a missing one belongs
    sheets: dict[str, str] = attrs.Factory(dict)

    def of(self, entity: str, fact: str, record: int | None = None) -> Words | None:
        """The words for where ``entity``'s ``fact`` is (or belongs) in the workbook; ``record``:
        the 1-based record a problem is about, when it says."""
        if (entity, fact) in self.cells:
            sheet, row, column = self.cells[(entity, fact)]
            return msg.XLSX_AT_CELL.words(sheet=sheet, row=row, column=column)
        if (entity, fact) in self.records:
            sheet, rows = self.records[(entity, fact)]
            if record is not None and 0 < record <= len(rows):
                rows = [rows[record - 1]]
            return msg.XLSX_AT_ROWS.words(sheet=sheet, rows=Words("、".join(map(str, rows)), ", ".join(map(str, rows))))
        if entity in self.entity_rows and fact in self.columns:
            sheet, row = self.entity_rows[entity]
            return msg.XLSX_AT_CELL.words(sheet=sheet, row=row, column=self.columns[fact])
        if fact in self.sheets:
            return msg.XLSX_NO_ROWS.words(sheet=self.sheets[fact])
        return None

    def locate(self, diagnostics: tuple[Diagnostic, ...]) -> tuple[Diagnostic, ...]:
        """The diagnostics, each about an entity's fact saying where the workbook has it."""
        out = []
        for d in diagnostics:
            # a problem with one record says so first: "第 3 条…" (the RECORD_* and RATING_* entries)
            record = _RECORD.match(d.message)
            where = self.of(d.entity, d.fact, int(record.group(1)) if record else None) \
                if d.entity is not None and d.fact is not None else None
            out.append(d if where is None else attrs.evolve(
                d, message=f"{d.message}{where.zh}", message_en=f"{d.message_en}{where.en}"))
        return tuple(out)


def _column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _fail(diagnostic: Diagnostic) -> NoReturn:
    raise FactsError((diagnostic,), {})


def cell_text(value: Any) -> str | bool:
    """An Excel cell as the text a CSV would hold (booleans kept as booleans)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # Excel stores every number as a double; repr gives back the digits that were typed,
        # written out plainly (1e-07 → 0.0000001) as a CSV would hold them.
        if not math.isfinite(value):
            return repr(value)
        text = format(Decimal(repr(value)), "f")
        return text.rstrip("0").rstrip(".") if value.is_integer() and "." in text else text
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def _blank(cell: str | bool) -> bool:
    return isinstance(cell, str) and not cell.strip()


def read_xlsx(path: str) -> tuple[dict[str, Any], Locations]:
    """The raw document of an .xlsx facts file, and where each fact was written."""
    from .sources import from_table  # the CSV table reader, shared

    try:
        import openpyxl
    except ImportError:
        _fail(msg.NEEDS_OPENPYXL.at(None, path=path))
    if not os.path.exists(path):
        _fail(msg.FACTS_NOT_FOUND.at(None, path=path))
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, InvalidFileException…
        _corrupt_workbook(path, exc)
    try:
        sheets = [(ws.title, [(number, [cell_text(v) for v in values])
                              for number, values in enumerate(ws.iter_rows(values_only=True), start=1)])
                  for ws in workbook.worksheets if ws.title not in RESERVED_SHEETS]
    except Exception as exc:  # a damaged sheet fails while its rows are read
        _corrupt_workbook(path, exc)
    finally:
        workbook.close()
    if not sheets:
        _fail(msg.XLSX_NO_SHEET.at(None, path=path))
    where = Locations()
    (title, rows), *record_sheets = sheets
    positions: dict[tuple[str, str], tuple[int, int]] = {}
    header: dict[str, int] = {}
    named = _in_sheet(path, title) if record_sheets or _labelled(rows) else path
    document = from_table(named, rows, header_search=HEADER_SEARCH, positions=positions, header=header)
    entities: dict[str, dict[str, Any]] = document["entities"]
    for (entity, fact), (line, index) in positions.items():
        where.cells[(entity, fact)] = (title, line, _column_letter(index + 1))
    where.columns.update({fact: _column_letter(index + 1) for fact, index in header.items()})
    for entity, (line, _) in {e: p for (e, _f), p in positions.items()}.items():
        where.entity_rows[entity] = (title, line)
    for entity in entities:
        where.entity_rows.setdefault(entity, (title, header.get(ENTITY_COLUMN, 0)))
    _entity_lines(rows, header, title, where)

    problems: list[Diagnostic] = []
    seen_facts: dict[str, str] = {}
    for sheet, sheet_rows in record_sheets:
        if sheet == REASONS_SHEET:
            _read_reasons(path, sheet, sheet_rows, entities, where, problems)
        else:
            _read_records(path, sheet, sheet_rows, entities, where, seen_facts, problems)
    if problems:
        raise FactsError(tuple(problems))
    return document, where


def _labelled(rows: list[tuple[int, list[Any]]]) -> bool:
    """Whether the entity sheet has label rows above its header (the generated layout)."""
    first = next((cells for _, cells in rows if not all(_blank(c) for c in cells)), [])
    return ENTITY_COLUMN not in [c.strip() if isinstance(c, str) else c for c in first]


def _entity_lines(rows: list[tuple[int, list[Any]]], header: dict[str, int], title: str, where: Locations) -> None:
    index = header.get(ENTITY_COLUMN)
    if index is None:
        return
    for line, cells in rows:
        if index < len(cells) and isinstance(cells[index], str) and cells[index].strip():
            where.entity_rows.setdefault(cells[index].strip(), (title, line))


def _in_sheet(path: str, sheet: str) -> Words:
    """The file and sheet, as the table messages name "the table"."""
    return Words(f"{path} 工作表「{sheet}」", f"{path} sheet 「{sheet}」")


def _read_records(path: str, sheet: str, rows: list[tuple[int, list[Any]]], entities: dict[str, dict[str, Any]],
                  where: Locations, seen_facts: dict[str, str], problems: list[Diagnostic]) -> None:
    """One records sheet: one row per record of one fact, the entity first."""
    filled = [(line, cells) for line, cells in rows if not all(_blank(c) for c in cells)]
    header_at = next((n for n, (_, cells) in enumerate(filled[:HEADER_SEARCH])
                      if ENTITY_COLUMN in [c.strip() if isinstance(c, str) else c for c in cells]), None)
    if header_at is None:
        if filled:
            problems.append(msg.XLSX_SHEET_NO_HEADER.about(path=path, sheet=sheet, rows=HEADER_SEARCH))
        return
    fact = sheet
    if header_at > 0:
        first_cell = filled[0][1][0] if filled[0][1] else ""
        fact = first_cell.strip() if isinstance(first_cell, str) and first_cell.strip() else sheet
    if fact in seen_facts:
        problems.append(msg.XLSX_SHEET_TWICE.about(None, fact, path=path, first=seen_facts[fact], second=sheet))
        return
    seen_facts[fact] = sheet
    where.sheets[fact] = sheet
    names = [c.strip() if isinstance(c, str) else str(c) for c in filled[header_at][1]]
    entity_index = names.index(ENTITY_COLUMN)
    table = _in_sheet(path, sheet)
    for index, name in enumerate(names):
        if name and names.index(name) != index:
            problems.append(msg.TABLE_COLUMN_TWICE.about(None, fact, path=table, name=name_excerpt(name),
                                                         first=names.index(name) + 1, second=index + 1))
    given: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for line, cells in filled[header_at + 1:]:
        entity_cell = cells[entity_index] if entity_index < len(cells) else ""
        entity = entity_cell.strip() if isinstance(entity_cell, str) else str(entity_cell)
        if not entity:
            problems.append(msg.TABLE_ROW_NO_ENTITY.about(None, fact, path=table, line=line))
            continue
        record: dict[str, Any] = {}
        for index, cell in enumerate(cells):
            if index == entity_index or _blank(cell):
                continue
            if index >= len(names) or not names[index]:
                problems.append(msg.TABLE_CELL_NO_HEADER.about(name_excerpt(entity), fact, path=table, line=line,
                                                               column=index + 1))
                continue
            record[names[index]] = cell.strip() if isinstance(cell, str) else cell
        given.setdefault(entity, []).append((line, record))
    for entity, records in given.items():
        facts = entities.setdefault(entity, {})
        if fact in facts:
            cell_sheet, cell_line, column = where.cells.get((entity, fact), ("", 0, ""))
            problems.append(msg.XLSX_FACT_TWICE.about(name_excerpt(entity), fact, sheet=sheet, first=cell_sheet,
                                                      row=cell_line, column=column))
            continue
        only = records[0][1] if len(records) == 1 else {}
        said_none = bool(only) and all(isinstance(v, str) and v == NONE_WRITTEN for v in only.values())
        facts[fact] = NONE_WRITTEN if said_none else [record for _, record in records]
        where.records[(entity, fact)] = (sheet, [line for line, _ in records])


def _read_reasons(path: str, sheet: str, rows: list[tuple[int, list[Any]]], entities: dict[str, dict[str, Any]],
                  where: Locations, problems: list[Diagnostic]) -> None:
    """「评定理由」: each row gives the reason of a judgement whose amount is in the entity sheet;
    the amount and the reason become one judgement ``{"分": …, "理由": …}``."""
    filled = [(line, cells) for line, cells in rows if not all(_blank(c) for c in cells)]
    header_at = next((n for n, (_, cells) in enumerate(filled[:HEADER_SEARCH])
                      if ENTITY_COLUMN in [c.strip() if isinstance(c, str) else c for c in cells]), None)
    if header_at is None:
        if filled:
            problems.append(msg.XLSX_SHEET_NO_HEADER.about(path=path, sheet=sheet, rows=HEADER_SEARCH))
        return
    names = [c.strip() if isinstance(c, str) else str(c) for c in filled[header_at][1]]
    table = _in_sheet(path, sheet)
    for line, cells in filled[header_at + 1:]:
        row = {names[i]: c for i, c in enumerate(cells) if i < len(names) and not _blank(c)}
        entity, fact = (str(row.get(key, "")).strip() for key in (ENTITY_COLUMN, FACT_COLUMN))
        if not entity:
            problems.append(msg.TABLE_ROW_NO_ENTITY.about(None, fact or None, path=table, line=line))
            continue
        if not fact or REASON_COLUMN not in row:
            continue  # a reason for nothing, or nothing for a fact: no judgement changes
        facts = entities.setdefault(entity, {})
        value = facts.get(fact)
        amount = value.get("分") if isinstance(value, dict) else value
        facts[fact] = {"分": amount, "理由": row[REASON_COLUMN]} if amount is not None else {"理由": row[REASON_COLUMN]}
        where.records.setdefault((entity, fact), (sheet, [line]))


def _corrupt_workbook(path: str, exc: Exception) -> NoReturn:
    detail = excerpt(str(exc), _PROBLEM_TEXT) or "-"
    _fail(msg.XLSX_UNREADABLE.at(None, path=path, problem=detail))
