"""Reads a facts file (JSON, YAML, CSV, XLSX) into the raw document the facts validator checks.

This module only reads: it returns ``{"entities": {entity: {fact: value}}}`` with values as
written (CSV cells stay strings; JSON/YAML numbers become ``Decimal``, never ``float``).
Checking names, types and ranges is ``runtime/facts.py``'s job. Every problem with the file
itself is raised as one ``FactsError`` (codes SL201–SL208, SL217–SL219; the words are in
``scorelang.messages.facts``), never as a Python exception.
"""
from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NoReturn

import attrs
import yaml
import yaml.reader

from .. import messages as msg
from ..diagnostics import Diagnostic, FactsError
from ..messages import Message, Phrase, Words
from ..span import Span
from .facts import TOP_LEVEL_KEYS, unknown_top_level_keys
from .facts_workbook import ENTITY_COLUMN
from .sources_xlsx import Locations, read_xlsx
from .values import MAX_ALIAS_EXPANSION, MAX_DEPTH, excerpt, name_excerpt, number_token, shown
from .yaml_loader import LIBYAML, AliasProblem, DuplicateKey, TooDeep, load_yaml

# The problems of the file itself (SL201 cannot read … SL208 needs openpyxl, SL217 too deep,
# SL218 YAML aliases) are entries of scorelang.messages.facts; SL219 (unknown top-level keys)
# is built in facts.py, shared with documents from Python; the validator's codes follow from SL210.
_LONG_LINE = 300  # characters: a longer source line is not shown under a message
_PROBLEM_TEXT = 120  # characters of a parser's own problem text

_SUFFIXES = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".csv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx"}


def read_facts_file(path: str) -> dict[str, Any]:
    """Read ``path`` and return ``{"entities": {entity: {fact: value}}}``.

    The format follows the extension: ``.json``, ``.yaml``/``.yml``, ``.csv`` (header
    ``entity,<fact>,…``, one row per entity, an empty cell means "not given"), ``.xlsx``
    (the first sheet laid out as the CSV, below any label rows; records on further sheets:
    ``runtime/sources_xlsx.py``). Raises ``FactsError`` for any problem.
    """
    return read_facts_located(path)[0]


def read_facts_located(path: str) -> tuple[dict[str, Any], Locations | None]:
    """``read_facts_file``, and for a workbook where each fact was written (None otherwise):
    ``Locations.locate`` adds sheet, row and column to the validator's problems."""
    kind = _SUFFIXES.get(os.path.splitext(path)[1].lower())
    if kind is None:
        _fail(msg.FACTS_FILE_TYPE.at(None, path=path))
    if kind == "xlsx":
        return read_xlsx(path)
    text = _read_text(path)
    if kind == "json":
        return _from_json(path, text), None
    if kind == "yaml":
        return _from_yaml(path, text), None
    return _from_csv(path, text), None


# ------------------------------------------------------------------ helpers
def _fail(diagnostic: Diagnostic, sources: dict[str, str] | None = None) -> NoReturn:
    raise FactsError((diagnostic,), sources or {})


def _point(path: str, line: int, column: int) -> Span:
    """A one-character span in the facts file (1-based line and column)."""
    return Span(path, line, column, line, column + 1)


def _at(path: str, text: str, line: int | None, column: int | None) -> Span | None:
    """The span of a position in the facts file, or None when it should not be shown.

    A line too long to show (a minified file, a runaway value) gets no span: the renderer
    would print the whole line under the message (and the CLI reads it from disk when the
    source is not given); the message itself still says line and column.
    """
    if line is None or column is None:
        return None
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return None
    end = text.find("\n", start)
    if (len(text) if end < 0 else end) - start > _LONG_LINE:
        return None
    return _point(path, line, column)


def _fail_at(message: Message, path: str, text: str, line: int | None, column: int | None, /,
             **fields: Any) -> NoReturn:
    """``_fail`` at a position of the file; a message left without a span names the file itself."""
    span = _at(path, text, line, column)
    diagnostic = message.at(span, **fields)
    if span is None and path not in diagnostic.message:
        words = msg.IN_FACTS_FILE
        diagnostic = attrs.evolve(diagnostic, message=words.words(path=path, text=diagnostic.message).zh,
                                  message_en=words.words(path=path, text=diagnostic.message_en).en)
    _fail(diagnostic, {path: text} if span else None)


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


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


def _duplicate(path: str, text: str, dup: DuplicateKey) -> NoReturn:
    key = name_excerpt(dup.key)
    span = _at(path, text, dup.line, dup.column)
    if span is None:  # JSON keeps no positions, or the line is too long to show: name the file
        _fail(msg.KEY_TWICE_IN_FILE.at(None, path=path, key=key))
    _fail(msg.KEY_TWICE.at(span, key=key), {path: text})


def _too_deep(path: str, text: str, line: int | None, column: int | None) -> NoReturn:
    if line is None or column is None:
        _fail(msg.TOO_DEEP.at(None, path=path, limit=MAX_DEPTH))
    _fail_at(msg.TOO_DEEP_AT, path, text, line, column, path=path, limit=MAX_DEPTH, line=line, column=column)


# ------------------------------------------------------------------ JSON
def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise DuplicateKey(key)
        result[key] = value
    return result


def _from_json(path: str, text: str) -> dict[str, Any]:
    try:
        # Decimal, never float: 0.1 stays 0.1; a 5000-digit integer stays a Decimal too (int()
        # would hit Python's 4300-digit limit). NaN/Infinity stay text for the validator to reject.
        data = json.loads(text, parse_float=number_token, parse_int=number_token, parse_constant=str,
                          object_pairs_hook=_json_pairs)
    except json.JSONDecodeError as exc:
        _fail_at(msg.JSON_SYNTAX, path, text, exc.lineno, exc.colno, line=exc.lineno, column=exc.colno,
                 problem=exc.msg)
    except DuplicateKey as dup:
        _duplicate(path, text, dup)
    except RecursionError:
        _too_deep(path, text, *_json_depth_position(text))
    if _deeper_than(data, MAX_DEPTH):
        _too_deep(path, text, *_json_depth_position(text))
    return _document(path, data)


_JSON_STRUCTURE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def _json_depth_position(text: str) -> tuple[int | None, int | None]:
    """Line and column where the JSON text first opens its (MAX_DEPTH + 1)th level, if it does."""
    depth = 0
    for match in _JSON_STRUCTURE.finditer(text):
        char = match.group()
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return _line_column(text, match.start())
        elif char in "]}":
            depth -= 1
    return None, None


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether parsed JSON nests more than ``limit`` levels (walked without recursion)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children: Iterable[Any]
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


# ------------------------------------------------------------------ YAML
def _from_yaml(path: str, text: str) -> dict[str, Any]:
    try:
        data = load_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        _fail_at(msg.YAML_SYNTAX_AT, path, text, line, column, line=line, column=column, problem=_yaml_problem(exc))
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (a control character)
        line, column = _line_column(text, _character_offset(text, exc.position))
        code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "?"
        _fail_at(msg.YAML_SYNTAX_AT, path, text, line, column, line=line, column=column,
                 problem=msg.YAML_CONTROL_CHARACTER.words(code=code))
    except yaml.YAMLError as exc:
        _fail_at(msg.YAML_SYNTAX, path, text, None, None, problem=excerpt(str(exc), _PROBLEM_TEXT))
    except DuplicateKey as dup:
        _duplicate(path, text, dup)
    except TooDeep as deep:
        _too_deep(path, text, deep.mark.line + 1, deep.mark.column + 1)
    except AliasProblem as alias:
        _alias_problem(path, text, alias)
    except RecursionError:  # not expected below MAX_DEPTH; a file error all the same
        _too_deep(path, text, None, None)
    return _document(path, data)


# The parsers' words for the problems a person meets most, said for a person (and without the
# Python quotes PyYAML puts around names): the pattern, and the phrase whose one field (if
# any) the pattern's group fills. Any other problem passes through, cut short.
_YAML_PROBLEMS: tuple[tuple[re.Pattern[str], Phrase], ...] = (
    (re.compile(r"found undefined alias '(.*)'"), msg.YAML_UNDEFINED_ALIAS),
    (re.compile(r"found duplicate anchor '(.*)'; first occurrence"), msg.YAML_ANCHOR_TWICE),
    (re.compile(r"could not determine a constructor for the tag '(.*)'"), msg.YAML_TAG),
    (re.compile(r"found unhashable key"), msg.YAML_UNHASHABLE_KEY),
)


def _yaml_problem(exc: yaml.MarkedYAMLError) -> Words | str:
    for said in (exc.context, exc.problem):
        for pattern, words in _YAML_PROBLEMS:
            match = pattern.fullmatch(said or "")
            if match:
                names = [excerpt(group.replace("tag:yaml.org,2002:", "!!"), _PROBLEM_TEXT // 2)
                         for group in match.groups()]
                return words.words(**dict(zip(words.fields, names, strict=False)))
    return excerpt(exc.problem or exc.context or "syntax error", _PROBLEM_TEXT)


def _character_offset(text: str, position: int) -> int:
    """libyaml reports a UTF-8 byte offset; the pure-Python reader a character offset."""
    if not LIBYAML:
        return min(position, len(text))
    return len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))


def _alias_problem(path: str, text: str, alias: AliasProblem) -> NoReturn:
    line, column = alias.mark.line + 1, alias.mark.column + 1
    name = name_excerpt(alias.anchor)
    if alias.size is None:
        _fail_at(msg.YAML_ALIAS_SELF, path, text, line, column, name=name, line=line, column=column)
    _fail_at(msg.YAML_ALIAS_TOO_FAR, path, text, line, column, name=name, line=line, column=column,
             size=f"{alias.size:,}", limit=f"{MAX_ALIAS_EXPANSION:,}")


# ------------------------------------------------------------------ document shape (JSON, YAML)
def _document(path: str, data: Any) -> dict[str, Any]:
    if not isinstance(data, dict) or "entities" not in data:
        _fail(msg.DOCUMENT_NO_ENTITIES.at(None, path=path))
    entities = data["entities"]
    if not isinstance(entities, dict):
        _fail(msg.DOCUMENT_ENTITIES_NOT_MAPPING.at(None, path=path, kind=shown(entities)))
    problems: list[Diagnostic] = []
    unknown = [key for key in data if key not in TOP_LEVEL_KEYS]
    if unknown:  # a misspelt key, or facts put beside "entities": never silently unread
        problems.append(unknown_top_level_keys(unknown, path))
    result: dict[str, dict[str, Any]] = {}
    for entity, facts in entities.items():
        name = str(entity)
        if facts is None:  # YAML "西昌市:" with nothing under it: no facts given
            facts = {}
        if not isinstance(facts, dict):
            problems.append(msg.ENTITY_FACTS_NOT_MAPPING.about(name_excerpt(name), kind=shown(facts)))
            continue
        result[name] = {str(fact): value for fact, value in facts.items()}
    if problems:
        raise FactsError(tuple(problems))
    return {"entities": result}


# ------------------------------------------------------------------ tables (CSV, XLSX)
def _from_csv(path: str, text: str) -> dict[str, Any]:
    reader = csv.reader(io.StringIO(text))
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        line = max(reader.line_num, 1)
        text_problem = excerpt(str(exc), _PROBLEM_TEXT)
        problem: Words | str = text_problem
        if "field larger than field limit" in text_problem:
            problem = msg.CSV_CELL_TOO_LONG.words(limit=csv.field_size_limit())
        _fail_at(msg.CSV_SYNTAX, path, text, line, 1, line=reader.line_num, problem=problem)
    return from_table(path, rows)


def _blank(cell: str | bool) -> bool:
    return isinstance(cell, str) and not cell.strip()


def from_table(path: str | Words, rows: Iterable[tuple[int, Sequence[str | bool]]], *, header_search: int = 1,
               positions: dict[tuple[str, str], tuple[int, int]] | None = None,
               header: dict[str, int] | None = None) -> dict[str, Any]:
    """Rows (line number, cells) with a header ``entity,<fact>,…`` → the raw document.

    The header is the first of the first ``header_search`` non-blank rows that has an
    ``entity`` cell (rows above it are labels); ``positions`` receives (entity, fact) →
    (line, column index) of every value read, ``header`` fact → column index.
    """
    rows_iter: Iterator[tuple[int, Sequence[str | bool]]] = (r for r in rows if not all(_blank(c) for c in r[1]))
    leading = [r for _, r in zip(range(header_search), rows_iter, strict=False)]  # the first few
    if not leading:
        _fail(msg.TABLE_EMPTY.at(None, path=path))
    found = next((r for r in leading if ENTITY_COLUMN in [c.strip() if isinstance(c, str) else c for c in r[1]]),
                 leading[0])
    rows_iter = itertools.chain(leading[leading.index(found) + 1:], rows_iter)
    header_line, header_cells = found
    names = [c.strip() if isinstance(c, str) else str(c) for c in header_cells]
    if ENTITY_COLUMN not in names:
        _fail(msg.TABLE_NO_ENTITY_COLUMN.at(None, path=path, line=header_line, column=ENTITY_COLUMN))
    problems: list[Diagnostic] = []
    seen_columns: dict[str, int] = {}
    for index, name in enumerate(names):
        if name and name in seen_columns:
            column = name_excerpt(name)
            problems.append(msg.TABLE_COLUMN_TWICE.about(
                None, column, path=path, name=column, first=seen_columns[name] + 1, second=index + 1))
        seen_columns.setdefault(name, index)
    entity_index = names.index(ENTITY_COLUMN)
    if header is not None:
        header.update({name: index for index, name in reversed(list(enumerate(names))) if name})

    entities: dict[str, dict[str, Any]] = {}
    first_row: dict[str, int] = {}
    for line, cells in rows_iter:
        entity_cell = cells[entity_index] if entity_index < len(cells) else ""
        entity = entity_cell.strip() if isinstance(entity_cell, str) else str(entity_cell)
        if not entity:
            problems.append(msg.TABLE_ROW_NO_ENTITY.about(path=path, line=line))
            continue
        if len(cells) > len(names) and not all(_blank(c) for c in cells[len(names):]):
            problems.append(msg.TABLE_ROW_TOO_LONG.about(name_excerpt(entity), path=path, line=line,
                                                         cells=len(cells), columns=len(names)))
        if entity in first_row:
            problems.append(msg.TABLE_ENTITY_TWICE.about(name_excerpt(entity), path=path, first=first_row[entity],
                                                         line=line))
            continue
        first_row[entity] = line
        facts: dict[str, Any] = {}
        for index, cell in enumerate(cells[: len(names)]):
            name = names[index]
            if index == entity_index or _blank(cell):
                continue  # an empty cell: the fact is not given
            if not name:
                problems.append(msg.TABLE_CELL_NO_HEADER.about(name_excerpt(entity), path=path, line=line,
                                                               column=index + 1))
                continue
            if name in facts:
                continue  # a repeated column, already reported
            facts[name] = cell.strip() if isinstance(cell, str) else cell
            if positions is not None:
                positions[(entity, name)] = (line, index)
        entities[entity] = facts
    if problems:
        raise FactsError(tuple(problems))
    return {"entities": entities}
