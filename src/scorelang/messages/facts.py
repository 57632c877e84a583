"""SL2xx: problems of a facts file. SL201–SL208: reading the file (runtime/sources.py);
SL210–SL216: the values of each entity (runtime/facts.py). Values shown with ``!r`` keep the
quotes the author typed around text."""
from __future__ import annotations

from .base import error, phrase

_SHAPE_HINT = ('写成 {{"entities": {{"西昌市": {{"<事实>": 值, …}}, …}}}}',
               'write {{"entities": {{"西昌市": {{"<fact>": value, ...}}, ...}}}}')

# ------------------------------------------------------------------ reading the file
FACTS_NOT_FOUND = error(
    "FACTS_NOT_FOUND", "SL201", "path",
    "找不到事实文件：{path}", "facts file not found: {path}")
FACTS_IS_DIRECTORY = error(
    "FACTS_IS_DIRECTORY", "SL201", "path",
    "事实文件路径是一个目录：{path}", "facts path is a directory: {path}")
FACTS_NOT_UTF8 = error(
    "FACTS_NOT_UTF8", "SL201", "path byte",
    "事实文件不是 UTF-8 编码：{path}（第 {byte} 字节）", "facts file is not UTF-8 encoded: {path} (byte {byte})",
    "请另存为 UTF-8 编码（Excel 中选择“CSV UTF-8（逗号分隔）”）",
    'save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")')
FACTS_UNREADABLE = error(
    "FACTS_UNREADABLE", "SL201", "path reason",
    "无法读取事实文件 {path}：{reason}", "cannot read facts file {path}: {reason}")
FACTS_FILE_TYPE = error(
    "FACTS_FILE_TYPE", "SL202", "path",
    "不支持的事实文件类型：{path}（支持 .json、.yaml/.yml、.csv、.xlsx）",
    "unsupported facts file type: {path} (use .json, .yaml/.yml, .csv or .xlsx)")
JSON_SYNTAX = error(
    "JSON_SYNTAX", "SL203", "line column problem",
    "JSON 语法错误（第 {line} 行第 {column} 列）：{problem}",
    "JSON syntax error at line {line}, column {column}: {problem}")
YAML_SYNTAX_AT = error(
    "YAML_SYNTAX_AT", "SL203", "line column problem",
    "YAML 语法错误（第 {line} 行第 {column} 列）：{problem}",
    "YAML syntax error at line {line}, column {column}: {problem}")
YAML_SYNTAX = error(
    "YAML_SYNTAX", "SL203", "problem",
    "YAML 语法错误：{problem}", "YAML syntax error: {problem}")
CSV_SYNTAX = error(
    "CSV_SYNTAX", "SL203", "line problem",
    "CSV 格式错误（第 {line} 行）：{problem}", "CSV format error at line {line}: {problem}")
XLSX_UNREADABLE = error(
    "XLSX_UNREADABLE", "SL203", "path problem",
    "无法读取 Excel 文件 {path}：{problem}", "cannot read Excel file {path}: {problem}")
DOCUMENT_NO_ENTITIES = error(
    "DOCUMENT_NO_ENTITIES", "SL204", "path",
    "事实文件 {path} 缺少 \"entities\" 映射（对象 → 事实）", 'facts file {path} has no "entities" mapping (entity → facts)',
    *_SHAPE_HINT)
DOCUMENT_ENTITIES_NOT_MAPPING = error(
    "DOCUMENT_ENTITIES_NOT_MAPPING", "SL204", "path kind",
    "事实文件 {path} 中的 \"entities\" 应为映射（对象 → 事实），实际是 {kind}",
    '"entities" in facts file {path} must be a mapping (entity → facts), not {kind}',
    *_SHAPE_HINT)
ENTITY_FACTS_NOT_MAPPING = error(
    "ENTITY_FACTS_NOT_MAPPING", "SL204", "kind",
    "该对象的事实应为映射（事实 → 值），实际是 {kind}", "the entity's facts must be a mapping (fact → value), not {kind}")
KEY_TWICE = error(
    "KEY_TWICE", "SL205", "key",
    "「{key}」在同一层中出现了两次，无法确定以哪一个为准",
    "「{key}」 is given twice at the same level; which one counts is unclear")
TABLE_ENTITY_TWICE = error(
    "TABLE_ENTITY_TWICE", "SL205", "path first line",
    "在表格 {path} 中出现了两次（第 {first} 行和第 {line} 行），每个对象只能有一行",
    "appears twice in {path} (rows {first} and {line}); one row per entity")
XLSX_NO_SHEET = error(
    "XLSX_NO_SHEET", "SL206", "path",
    "Excel 文件 {path} 中没有工作表", "Excel file {path} has no worksheet")
TABLE_EMPTY = error(
    "TABLE_EMPTY", "SL206", "path",
    "表格 {path} 是空的：第一行应为表头 entity,<事实>,…",
    "table {path} is empty: the first row must be the header entity,<fact>,...")
TABLE_NO_ENTITY_COLUMN = error(
    "TABLE_NO_ENTITY_COLUMN", "SL206", "path line column",
    "表格 {path} 第 {line} 行的表头缺少 \"{column}\" 列", 'the header (line {line}) of table {path} has no "{column}" column',
    "表头写成 entity,<事实>,<事实>…（可用 scorelang template POLICY --format csv 生成）",
    "the header is entity,<fact>,<fact>... (scorelang template POLICY --format csv writes one)")
TABLE_COLUMN_TWICE = error(
    "TABLE_COLUMN_TWICE", "SL206", "path name first second",
    "表格 {path} 的表头中「{name}」列出现了两次（第 {first} 列和第 {second} 列）",
    "column 「{name}」 appears twice in the header of {path} (columns {first} and {second})")
TABLE_CELL_NO_HEADER = error(
    "TABLE_CELL_NO_HEADER", "SL206", "path line column",
    "表格 {path} 第 {line} 行第 {column} 列有值，但这一列没有表头",
    "row {line} of {path} has a value in column {column}, which has no header")
TABLE_ROW_NO_ENTITY = error(
    "TABLE_ROW_NO_ENTITY", "SL207", "path line",
    "表格 {path} 第 {line} 行填了事实，但 entity 列是空的", "row {line} of {path} has facts but an empty entity cell")
TABLE_ROW_TOO_LONG = error(
    "TABLE_ROW_TOO_LONG", "SL207", "path line cells columns",
    "表格 {path} 第 {line} 行有 {cells} 格，多于表头的 {columns} 列",
    "row {line} of {path} has {cells} cells, more than the {columns} header columns")
NEEDS_OPENPYXL = error(
    "NEEDS_OPENPYXL", "SL208", "path",
    "读取 Excel 事实文件 {path} 需要 openpyxl：请运行 pip install openpyxl",
    "reading the Excel facts file {path} needs openpyxl: pip install openpyxl",
    "或将工作表另存为 CSV UTF-8 后再评分", "or save the sheet as CSV UTF-8 and score that")

# ------------------------------------------------------------------ the values of each entity
ENTITY_FACTS_NOT_A_MAPPING = error(
    "ENTITY_FACTS_NOT_A_MAPPING", "SL210", "",
    "对象的事实应为「事实名: 值」的映射", "an entity's facts must be a mapping of fact name to value")
FACT_UNKNOWN = error(
    "FACT_UNKNOWN", "SL211", "",
    "考评办法没有声明这个事实", "the policy declares no such fact")
FACT_REQUIRED = error(
    "FACT_REQUIRED", "SL212", "type",
    "缺少必填事实（{type}，没有默认值）", "a required fact is missing ({type}, no default)")
DOCUMENT_SHAPE = error(
    "DOCUMENT_SHAPE", "SL214", "",
    "事实文件应为 {{\"entities\": {{对象: {{事实: 值}}}}}}", "a facts document must be {{\"entities\": {{entity: {{fact: value}}}}}}")
ENTITY_UNKNOWN = error(
    "ENTITY_UNKNOWN", "SL215", "",
    "考评办法没有这个考评对象", "the policy has no such entity")
ENTITY_MISSING = error(
    "ENTITY_MISSING", "SL216", "",
    "事实文件中没有这个考评对象（排名需要全部对象）",
    "the facts file has no entry for this entity (ranking needs every entity)")

# SL213: a value that does not fit its fact's type or range
NOT_A_NUMBER_FLAG = error(
    "NOT_A_NUMBER_FLAG", "SL213", "",
    "应为数字，不是是/否", "expected a number, not a yes/no value")
NOT_A_NUMBER = error(
    "NOT_A_NUMBER", "SL213", "value",
    "应为数字，收到 {value!r}", "expected a number, got {value!r}")
NOT_A_NUMBER_KIND = error(
    "NOT_A_NUMBER_KIND", "SL213", "kind",
    "应为数字，收到 {kind}", "expected a number, got {kind}")
COUNT_NOT_WHOLE = error(
    "COUNT_NOT_WHOLE", "SL213", "value",
    "计数应为整数，收到 {value}", "a count must be a whole number, got {value}")
COUNT_NEGATIVE = error(
    "COUNT_NEGATIVE", "SL213", "value",
    "计数不能为负数，收到 {value}", "a count cannot be negative, got {value}")
COUNT_ABOVE = error(
    "COUNT_ABOVE", "SL213", "high value",
    "计数至多为 {high}，收到 {value}", "a count of at most {high}, got {value}")
NUMBER_ABOVE = error(
    "NUMBER_ABOVE", "SL213", "high value",
    "至多为 {high}，收到 {value}", "at most {high}, got {value}")
PERCENT_RANGE = error(
    "PERCENT_RANGE", "SL213", "value",
    "百分比应在 0 至 100 之间，收到 {value}", "a percent must be between 0 and 100, got {value}")
FLAG_EXPECTED = error(
    "FLAG_EXPECTED", "SL213", "value",
    "应为 是 或 否，收到 {value!r}", "expected yes or no (是/否), got {value!r}")
CHOICE_EXPECTED = error(
    "CHOICE_EXPECTED", "SL213", "choices value suggestion",
    "应为 {choices} 之一，收到 {value!r}{suggestion}", "expected one of {choices}, got {value!r}{suggestion}")
JUDGEMENT_KEYS = error(
    "JUDGEMENT_KEYS", "SL213", "unknown",
    "评定只能有 amount 和 reason，多了 {unknown}", "a judgement has only amount and reason; unexpected {unknown}")
JUDGEMENT_NO_AMOUNT = error(
    "JUDGEMENT_NO_AMOUNT", "SL213", "",
    "评定缺少 amount（扣分数额）", "a judgement needs an amount")
JUDGEMENT_REASON_TEXT = error(
    "JUDGEMENT_REASON_TEXT", "SL213", "",
    "评定的 reason 应为文字", "a judgement's reason must be text")
JUDGEMENT_RANGE = error(
    "JUDGEMENT_RANGE", "SL213", "low high value",
    "评定应在 {low} 至 {high} 分之间（未发生填 0），收到 {value}",
    "a judgement must be within {low} to {high} (0 when it does not apply), got {value}")
SCORE_RANGE = error(
    "SCORE_RANGE", "SL213", "low high value",
    "评分应在 {low} 至 {high} 分之间，收到 {value}", "a score must be within {low} to {high}, got {value}")
RECORDS_NOT_A_LIST = error(
    "RECORDS_NOT_A_LIST", "SL213", "",
    "记录应为列表，每条是「字段: 值」的映射", "records must be a list of field → value mappings")
RECORD_NOT_A_MAPPING = error(
    "RECORD_NOT_A_MAPPING", "SL213", "index",
    "第 {index} 条应为「字段: 值」的映射", "record {index} must be a field → value mapping")
RECORD_UNKNOWN_FIELDS = error(
    "RECORD_UNKNOWN_FIELDS", "SL213", "index unknown fields",
    "第 {index} 条有未声明的字段 {unknown}（字段：{fields}）",
    "record {index} has undeclared fields {unknown} (fields: {fields})")
RECORD_FIELD_MISSING = error(
    "RECORD_FIELD_MISSING", "SL213", "index field",
    "第 {index} 条缺少字段「{field}」", "record {index} lacks field 「{field}」")
RECORD_FIELD_CHOICE = error(
    "RECORD_FIELD_CHOICE", "SL213", "index field choices value suggestion",
    "第 {index} 条「{field}」应为 {choices} 之一，收到 {value!r}{suggestion}",
    "record {index}: 「{field}」 must be one of {choices}, got {value!r}{suggestion}")
JUDGEMENT_RECORDS_NOT_A_LIST = error(
    "JUDGEMENT_RECORDS_NOT_A_LIST", "SL213", "",
    "评定记录应为列表（每起一条）", "judgement records must be a list (one per occurrence)")
RECORD_PROBLEM = error(
    "RECORD_PROBLEM", "SL213", "index problem",
    "第 {index} 条：{problem}", "record {index}: {problem}")

#: appended to a value message when a close choice exists: "，是不是「未建成」？"
CLOSE_CHOICE = phrase("CLOSE_CHOICE", "name", "，是不是「{name}」？", "; did you mean 「{name}」?")
