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
import math
import os
import re
from decimal import Decimal
from typing import Any, Iterable, Iterator, NoReturn

import yaml
import yaml.reader

from ..diagnostics import Diagnostic, FactsError
from ..span import Span
from .facts import TOP_LEVEL_KEYS, unknown_top_level_keys
from .values import MAX_ALIAS_EXPANSION, MAX_DEPTH, describe, excerpt, name_excerpt, number_token
from .yaml_loader import LIBYAML, AliasProblem, DuplicateKey, TooDeep, load_yaml

# SL2xx codes used here (file-level problems); the validator's own codes follow from SL210.
CANNOT_READ = "SL201"      # missing, a directory, unreadable, not UTF-8
UNSUPPORTED = "SL202"      # unknown file extension
SYNTAX = "SL203"           # JSON/YAML syntax error, corrupt workbook
SHAPE = "SL204"            # no "entities" mapping, an entity that is not a mapping
DUPLICATE = "SL205"        # the same entity (or fact) given twice
HEADER = "SL206"           # CSV/XLSX header problems: no entity column, repeated column
ROW = "SL207"              # CSV/XLSX row problems: no entity name, more cells than columns
NEEDS_OPENPYXL = "SL208"   # .xlsx without openpyxl installed
TOO_DEEP = "SL217"         # JSON/YAML nested deeper than MAX_DEPTH
ALIASES = "SL218"          # YAML aliases that expand too far, or refer to themselves
# SL219 (unknown top-level keys) is built in facts.py, shared with documents from Python.
_LONG_LINE = 300  # characters: a longer source line is not shown under a message
_PROBLEM_TEXT = 120  # characters of a parser's own problem text

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


def _at(path: str, text: str, line: int | None, column: int | None) -> dict[str, Any]:
    """The span and source of a position in the facts file, for ``_fail(**_at(...))``.

    A line too long to show (a minified file, a runaway value) gets no span: the renderer
    would print the whole line under the message (and the CLI reads it from disk when the
    source is not given); the message itself still says line and column.
    """
    if line is None or column is None:
        return {}
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return {}
    end = text.find("\n", start)
    if (len(text) if end < 0 else end) - start > _LONG_LINE:
        return {}
    return {"span": _point(path, line, column), "sources": {path: text}}


def _fail_at(code: str, message: str, message_en: str, path: str, text: str, line: int | None,
             column: int | None, **kwargs: Any) -> NoReturn:
    """``_fail`` at a position of the file; a message left without a span names the file itself."""
    where = _at(path, text, line, column)
    if not where and path not in message:
        message, message_en = f"事实文件 {path}：{message}", f"facts file {path}: {message_en}"
    _fail(code, message, message_en, **where, **kwargs)


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


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


def _duplicate(path: str, text: str, dup: DuplicateKey) -> NoReturn:
    key = name_excerpt(dup.key)
    where = _at(path, text, dup.line, dup.column)
    # without a span (JSON keeps no positions, or the line is too long to show) name the file
    zh, en = ("", "") if where else (f"事实文件 {path} 中", f" in facts file {path}")
    _fail(DUPLICATE, f"{zh}「{key}」在同一层中出现了两次，无法确定以哪一个为准",
          f"「{key}」 is given twice at the same level{en}; which one counts is unclear", **where)


def _too_deep(path: str, text: str, line: int | None, column: int | None) -> NoReturn:
    at, at_en = (f"（第 {line} 行第 {column} 列）", f" (line {line}, column {column})") if line else ("", "")
    _fail_at(TOO_DEEP,
             f"事实文件 {path} 嵌套超过 {MAX_DEPTH} 层{at}：事实文件只需五层（entities → 对象 → 事实 → 记录 → 字段）",
             f"facts file {path} is nested more than {MAX_DEPTH} levels deep{at_en}: a facts file needs five "
             "(entities → entity → fact → record → field)", path, text, line, column)


# ------------------------------------------------------------------ JSON
def _json_pairs(pairs: list[tuple[str, Any]]) -> dict:
    result: dict = {}
    for key, value in pairs:
        if key in result:
            raise DuplicateKey(key)
        result[key] = value
    return result


def _from_json(path: str, text: str) -> dict:
    try:
        # Decimal, never float: 0.1 stays 0.1; a 5000-digit integer stays a Decimal too (int()
        # would hit Python's 4300-digit limit). NaN/Infinity stay text for the validator to reject.
        data = json.loads(text, parse_float=number_token, parse_int=number_token, parse_constant=str,
                          object_pairs_hook=_json_pairs)
    except json.JSONDecodeError as exc:
        _fail_at(SYNTAX, f"JSON 语法错误（第 {exc.lineno} 行第 {exc.colno} 列）：{exc.msg}",
                 f"JSON syntax error at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                 path, text, exc.lineno, exc.colno)
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
def _from_yaml(path: str, text: str) -> dict:
    try:
        data = load_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        problem, problem_en = _yaml_problem(exc)
        _fail_at(SYNTAX, f"YAML 语法错误（第 {line} 行第 {column} 列）：{problem}",
                 f"YAML syntax error at line {line}, column {column}: {problem_en}", path, text, line, column)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (a control character)
        line, column = _line_column(text, _character_offset(text, exc.position))
        code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "?"
        _fail_at(SYNTAX, f"YAML 语法错误（第 {line} 行第 {column} 列）：YAML 文件中不能有字符 {code}（控制字符）",
                 f"YAML syntax error at line {line}, column {column}: the character {code} (a control character) "
                 "is not allowed in YAML", path, text, line, column)
    except yaml.YAMLError as exc:
        problem = excerpt(str(exc), _PROBLEM_TEXT)
        _fail_at(SYNTAX, f"YAML 语法错误：{problem}", f"YAML syntax error: {problem}", path, text, None, None)
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
# Python quotes PyYAML puts around names); any other problem passes through, cut short.
_YAML_PROBLEMS = (
    (re.compile(r"found undefined alias '(.*)'"), "别名 *{0} 没有定义（前面没有 &{0}）",
     "the alias *{0} is not defined (no &{0} before it)"),
    (re.compile(r"found duplicate anchor '(.*)'; first occurrence"), "锚点 &{0} 定义了两次",
     "the anchor &{0} is defined twice"),
    (re.compile(r"could not determine a constructor for the tag '(.*)'"),
     "事实文件中不能用 YAML 标签 {0}，只写普通的值", "the YAML tag {0} cannot be used in a facts file: write plain values"),
    (re.compile(r"found unhashable key"), "映射的键不能是列表或映射", "a mapping key cannot be a list or a mapping"),
)


def _yaml_problem(exc: yaml.MarkedYAMLError) -> tuple[str, str]:
    for said in (exc.context, exc.problem):
        for pattern, zh, en in _YAML_PROBLEMS:
            match = pattern.fullmatch(said or "")
            if match:
                names = [excerpt(group.replace("tag:yaml.org,2002:", "!!"), _PROBLEM_TEXT // 2)
                         for group in match.groups()]
                return zh.format(*names), en.format(*names)
    problem = excerpt(exc.problem or exc.context or "syntax error", _PROBLEM_TEXT)
    return problem, problem


def _character_offset(text: str, position: int) -> int:
    """libyaml reports a UTF-8 byte offset; the pure-Python reader a character offset."""
    if not LIBYAML:
        return min(position, len(text))
    return len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))


def _alias_problem(path: str, text: str, alias: AliasProblem) -> NoReturn:
    line, column = alias.mark.line + 1, alias.mark.column + 1
    name = name_excerpt(alias.anchor)
    if alias.size is None:
        zh = f"YAML 别名 *{name} 引用了包含它自己的值（第 {line} 行第 {column} 列），展开没有尽头"
        en = f"the YAML alias *{name} refers to a value that contains it (line {line}, column {column}): it never ends"
    else:
        zh = (f"YAML 别名展开过大：*{name}（第 {line} 行第 {column} 列）展开后有 {alias.size:,} 个值，"
              f"全部别名展开后至多增加 {MAX_ALIAS_EXPANSION:,} 个值")
        en = (f"YAML aliases expand too far: *{name} (line {line}, column {column}) expands to {alias.size:,} "
              f"values; all aliases together may add at most {MAX_ALIAS_EXPANSION:,}")
    _fail_at(ALIASES, zh, en, path, text, line, column,
          hint="别名（*名称）只用于「<<: *默认」合并默认值；其余的值请直接写出",
          hint_en="use aliases (*name) for \"<<: *defaults\" merges only; write other values out")


# ------------------------------------------------------------------ document shape (JSON, YAML)
def _document(path: str, data: Any) -> dict:
    hint = '写成 {"entities": {"西昌市": {"<事实>": 值, …}, …}}'
    hint_en = 'write {"entities": {"西昌市": {"<fact>": value, ...}, ...}}'
    if not isinstance(data, dict) or "entities" not in data:
        _fail(SHAPE, f"事实文件 {path} 缺少 \"entities\" 映射（对象 → 事实）",
              f'facts file {path} has no "entities" mapping (entity → facts)', hint=hint, hint_en=hint_en)
    entities = data["entities"]
    if not isinstance(entities, dict):
        _fail(SHAPE, f"事实文件 {path} 中的 \"entities\" 应为映射（对象 → 事实），实际是 {describe(entities)}",
              f'"entities" in facts file {path} must be a mapping (entity → facts), not {describe(entities, "en")}',
              hint=hint, hint_en=hint_en)
    problems: list[Diagnostic] = []
    unknown = [key for key in data if key not in TOP_LEVEL_KEYS]
    if unknown:  # a misspelt key, or facts put beside "entities": never silently unread
        problems.append(unknown_top_level_keys(unknown, path))
    result: dict[str, dict] = {}
    for entity, facts in entities.items():
        name = str(entity)
        if facts is None:  # YAML "西昌市:" with nothing under it: no facts given
            facts = {}
        if not isinstance(facts, dict):
            problems.append(_diagnostic(
                SHAPE, f"该对象的事实应为映射（事实 → 值），实际是 {describe(facts)}",
                f"the entity's facts must be a mapping (fact → value), not {describe(facts, 'en')}",
                entity=name_excerpt(name)))
            continue
        result[name] = {str(fact): value for fact, value in facts.items()}
    if problems:
        raise FactsError(tuple(problems))
    return {"entities": result}


# ------------------------------------------------------------------ tables (CSV, XLSX)
def _from_csv(path: str, text: str) -> dict:
    reader = csv.reader(io.StringIO(text))
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        line = max(reader.line_num, 1)
        problem = problem_en = excerpt(str(exc), _PROBLEM_TEXT)
        if "field larger than field limit" in problem:
            limit = csv.field_size_limit()
            problem, problem_en = f"有一格超过 {limit} 个字符", f"a cell is longer than {limit} characters"
        _fail_at(SYNTAX, f"CSV 格式错误（第 {reader.line_num} 行）：{problem}",
                 f"CSV format error at line {reader.line_num}: {problem_en}", path, text, line, 1)
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
        _corrupt_workbook(path, exc)
    try:
        if not workbook.worksheets:
            _fail(HEADER, f"Excel 文件 {path} 中没有工作表", f"Excel file {path} has no worksheet")
        sheet = workbook.worksheets[0]
        rows = [(number, [_cell_text(v) for v in values])
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    except FactsError:
        raise
    except Exception as exc:  # a damaged sheet fails while its rows are read
        _corrupt_workbook(path, exc)
    finally:
        workbook.close()
    return _from_table(path, rows)


def _corrupt_workbook(path: str, exc: Exception) -> NoReturn:
    detail = excerpt(str(exc), _PROBLEM_TEXT) or "-"
    _fail(SYNTAX, f"无法读取 Excel 文件 {path}：文件已损坏或不是 .xlsx 工作簿（{detail}）",
          f"cannot read Excel file {path}: damaged, or not an .xlsx workbook ({detail})",
          hint="用 Excel 打开后重新保存为 .xlsx，或另存为 CSV UTF-8",
          hint_en="open it in Excel and save it again as .xlsx, or as CSV UTF-8")


def _cell_text(value: Any) -> str | bool:
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
            shown = name_excerpt(name)
            problems.append(_diagnostic(
                HEADER, f"表格 {path} 的表头中「{shown}」列出现了两次（第 {seen_columns[name] + 1} 列和第 {index + 1} 列）",
                f"column 「{shown}」 appears twice in the header of {path} (columns {seen_columns[name] + 1} and {index + 1})",
                fact=shown))
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
                entity=name_excerpt(entity)))
        if entity in first_row:
            problems.append(_diagnostic(
                DUPLICATE, f"在表格 {path} 中出现了两次（第 {first_row[entity]} 行和第 {line} 行），每个对象只能有一行",
                f"appears twice in {path} (rows {first_row[entity]} and {line}); one row per entity",
                entity=name_excerpt(entity)))
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
                    entity=name_excerpt(entity)))
                continue
            if name in facts:
                continue  # a repeated column, already reported
            facts[name] = cell.strip() if isinstance(cell, str) else cell
        entities[entity] = facts
    if problems:
        raise FactsError(tuple(problems))
    return {"entities": entities}
