"""SL2xx: problems of a facts file. SL201–SL208 and SL217–SL219: reading the file
(runtime/sources.py; SL219 also for a document given from Python, runtime/facts.py);
SL210–SL216: the values of each entity (runtime/facts.py, runtime/values.py).

A value the file gave is never shown as a Python repr: the call sites pass it through
``runtime.values.shown`` (text in 「」, cut after 40 characters; a list or mapping by its size),
which reads differently in each language. Braces in a template are doubled: ``{{ }}``.
"""
from __future__ import annotations

from .base import error, phrase

_SHAPE_HINT = ('写成 {{"entities": {{"甲县": {{"<事实>": 值, …}}, …}}}}',
               'write {{"entities": {{"甲县": {{"<fact>": value, ...}}, ...}}}}')
_ALIAS_HINT = ("别名（*名称）只用于「<<: *默认」合并默认值；其余的值请直接写出",
               'use aliases (*name) for "<<: *defaults" merges only; write other values out')

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

# SL203: the file's own syntax. ``problem`` is the parser's words (cut short) or one of the
# phrases below, for the problems a person meets most.
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
    "无法读取 Excel 文件 {path}：文件已损坏或不是 .xlsx 工作簿（{problem}）",
    "cannot read Excel file {path}: damaged, or not an .xlsx workbook ({problem})",
    "用 Excel 打开后重新保存为 .xlsx，或另存为 CSV UTF-8", "open it in Excel and save it again as .xlsx, or as CSV UTF-8")
YAML_UNDEFINED_ALIAS = phrase(
    "YAML_UNDEFINED_ALIAS", "name",
    "别名 *{name} 没有定义（前面没有 &{name}）", "the alias *{name} is not defined (no &{name} before it)")
YAML_ANCHOR_TWICE = phrase(
    "YAML_ANCHOR_TWICE", "name",
    "锚点 &{name} 定义了两次", "the anchor &{name} is defined twice")
YAML_TAG = phrase(
    "YAML_TAG", "name",
    "事实文件中不能用 YAML 标签 {name}，只写普通的值", "the YAML tag {name} cannot be used in a facts file: write plain values")
YAML_UNHASHABLE_KEY = phrase(
    "YAML_UNHASHABLE_KEY", "",
    "映射的键不能是列表或映射", "a mapping key cannot be a list or a mapping")
YAML_CONTROL_CHARACTER = phrase(
    "YAML_CONTROL_CHARACTER", "code",
    "YAML 文件中不能有字符 {code}（控制字符）", "the character {code} (a control character) is not allowed in YAML")
CSV_CELL_TOO_LONG = phrase(
    "CSV_CELL_TOO_LONG", "limit",
    "有一格超过 {limit} 个字符", "a cell is longer than {limit} characters")
#: a message whose position cannot be shown (the line is too long) names the file instead
IN_FACTS_FILE = phrase(
    "IN_FACTS_FILE", "path text",
    "事实文件 {path}：{text}", "facts file {path}: {text}")

# SL204: the shape of the document
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

# SL205: given twice
KEY_TWICE = error(
    "KEY_TWICE", "SL205", "key",
    "「{key}」在同一层中出现了两次，无法确定以哪一个为准",
    "「{key}」 is given twice at the same level; which one counts is unclear")
KEY_TWICE_IN_FILE = error(
    "KEY_TWICE_IN_FILE", "SL205", "path key",
    "事实文件 {path} 中「{key}」在同一层中出现了两次，无法确定以哪一个为准",
    "「{key}」 is given twice at the same level in facts file {path}; which one counts is unclear")
TABLE_ENTITY_TWICE = error(
    "TABLE_ENTITY_TWICE", "SL205", "path first line",
    "在表格 {path} 中出现了两次（第 {first} 行和第 {line} 行），每个对象只能有一行",
    "appears twice in {path} (rows {first} and {line}); one row per entity")

# SL206, SL207: a table's header and rows
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
# a workbook (runtime/sources_xlsx.py): its records sheets, and where a value was written
XLSX_SHEET_NO_HEADER = error(
    "XLSX_SHEET_NO_HEADER", "SL206", "path sheet rows",
    "Excel 文件 {path} 的工作表「{sheet}」前 {rows} 行中没有 entity 表头行",
    "sheet 「{sheet}」 of Excel file {path} has no entity header row in its first {rows} rows",
    "记录表的表头写成 entity,<字段>,…（scorelang template POLICY -o 填报.xlsx 生成的表就是这样）；"
    "不是事实的工作表请命名为「说明」",
    "a records sheet's header is entity,<field>,... (as scorelang template POLICY -o facts.xlsx writes it); "
    "name a sheet that holds no facts 「说明」")
XLSX_SHEET_TWICE = error(
    "XLSX_SHEET_TWICE", "SL205", "path first second",
    "Excel 文件 {path} 中工作表「{first}」和「{second}」都是这个事实的记录表",
    "sheets 「{first}」 and 「{second}」 of Excel file {path} both hold this fact's records")
XLSX_FACT_TWICE = error(
    "XLSX_FACT_TWICE", "SL205", "sheet first row column",
    "既在工作表「{first}」第 {row} 行 {column} 列填了，又在工作表「{sheet}」中有记录",
    "given both in sheet 「{first}」 (row {row}, column {column}) and as records in sheet 「{sheet}」")
#: appended to a value problem found in a workbook: where the value was written
XLSX_AT_CELL = phrase(
    "XLSX_AT_CELL", "sheet row column",
    "（工作表「{sheet}」第 {row} 行 {column} 列）", " (sheet 「{sheet}」, row {row}, column {column})")
XLSX_AT_ROWS = phrase(
    "XLSX_AT_ROWS", "sheet rows",
    "（工作表「{sheet}」第 {rows} 行）", " (sheet 「{sheet}」, rows {rows})")
#: appended to a missing fact the workbook gives by rows (records, weighted ratings): none has the entity
XLSX_NO_ROWS = phrase(
    "XLSX_NO_ROWS", "sheet",
    "（工作表「{sheet}」中没有该对象的行）", " (sheet 「{sheet}」 has no row for this entity)")
NEEDS_OPENPYXL = error(
    "NEEDS_OPENPYXL", "SL208", "path",
    "读取 Excel 事实文件 {path} 需要 openpyxl：请运行 pip install openpyxl",
    "reading the Excel facts file {path} needs openpyxl: pip install openpyxl",
    "或将工作表另存为 CSV UTF-8 后再评分", "or save the sheet as CSV UTF-8 and score that")

# SL217, SL218: files built to exhaust the reader (runtime/values.py gives the limits)
TOO_DEEP_AT = error(
    "TOO_DEEP_AT", "SL217", "path limit line column",
    "事实文件 {path} 嵌套超过 {limit} 层（第 {line} 行第 {column} 列）：事实文件只需五层（entities → 对象 → 事实 → 记录 → 字段）",
    "facts file {path} is nested more than {limit} levels deep (line {line}, column {column}): a facts file needs "
    "five (entities → entity → fact → record → field)")
TOO_DEEP = error(
    "TOO_DEEP", "SL217", "path limit",
    "事实文件 {path} 嵌套超过 {limit} 层：事实文件只需五层（entities → 对象 → 事实 → 记录 → 字段）",
    "facts file {path} is nested more than {limit} levels deep: a facts file needs "
    "five (entities → entity → fact → record → field)")
YAML_ALIAS_SELF = error(
    "YAML_ALIAS_SELF", "SL218", "name line column",
    "YAML 别名 *{name} 引用了包含它自己的值（第 {line} 行第 {column} 列），展开没有尽头",
    "the YAML alias *{name} refers to a value that contains it (line {line}, column {column}): it never ends",
    *_ALIAS_HINT)
YAML_ALIAS_TOO_FAR = error(
    "YAML_ALIAS_TOO_FAR", "SL218", "name line column size limit",
    "YAML 别名展开过大：*{name}（第 {line} 行第 {column} 列）展开后有 {size} 个值，全部别名展开后至多增加 {limit} 个值",
    "YAML aliases expand too far: *{name} (line {line}, column {column}) expands to {size} values; "
    "all aliases together may add at most {limit}",
    *_ALIAS_HINT)

# SL219: keys beside "entities" that scoring would not read (a typo, or facts put at the top);
# ``allowed`` is the notes a document may carry (runtime/facts.py TOP_LEVEL_KEYS)
_TOP_LEVEL_HINT = ('对象的事实写在 entities 下：{{"entities": {{对象: {{事实: 值}}}}}}',
                   'facts go under entities: {{"entities": {{entity: {{fact: value}}}}}}')
TOP_LEVEL_UNKNOWN_IN_FILE = error(
    "TOP_LEVEL_UNKNOWN_IN_FILE", "SL219", "path keys allowed",
    "事实文件 {path} 顶层有不认识的键 {keys}：顶层只能有 entities，以及不参与评分的 {allowed}",
    "facts file {path} has unknown top-level keys {keys}: only entities, and the unread {allowed}, may stand at the top",
    *_TOP_LEVEL_HINT)
TOP_LEVEL_UNKNOWN = error(
    "TOP_LEVEL_UNKNOWN", "SL219", "keys allowed",
    "事实文档顶层有不认识的键 {keys}：顶层只能有 entities，以及不参与评分的 {allowed}",
    "the facts document has unknown top-level keys {keys}: only entities, and the unread {allowed}, may stand at the top",
    *_TOP_LEVEL_HINT)

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

# SL213: a value that does not fit its fact's type or range (docs/facts.md §3). ``value`` is
# the value as given, shown (see the module docstring).
# - numbers (runtime/values.py)
NOT_A_NUMBER_FLAG = error(
    "NOT_A_NUMBER_FLAG", "SL213", "",
    "应为数字，收到是/否值", "expected a number, got a yes/no value")
NOT_A_NUMBER = error(
    "NOT_A_NUMBER", "SL213", "value",
    "应为数字，收到 {value}", "expected a number, got {value}")
NUMBER_TEXT_TOO_LONG = error(
    "NUMBER_TEXT_TOO_LONG", "SL213", "value limit",
    "应为数字，收到 {value}：太长（数字至多写 {limit} 个字符）",
    "expected a number, got {value}: too long (at most {limit} characters)")
TOO_MANY_PLACES = error(
    "TOO_MANY_PLACES", "SL213", "places value",
    "小数至多 {places} 位，收到 {value}", "at most {places} decimal places, got {value}")
#   the hint of NOT_A_NUMBER for a common mistake
DIGITS_OF_ANOTHER_SCRIPT = phrase(
    "DIGITS_OF_ANOTHER_SCRIPT", "",
    "只能用阿拉伯数字 0–9（全角 ０–９ 也可），不能用汉字数字或其他文字的数字",
    "use the digits 0–9 (full-width ０–９ also do), not numerals of another script")
NO_PLUS_SIGN = phrase(
    "NO_PLUS_SIGN", "fixed",
    "不要写正号：写成 {fixed}", "no plus sign: write {fixed}")
NO_SEPARATORS = phrase(
    "NO_SEPARATORS", "",
    "不要用千位分隔符或空格：连着写数字，如 1000", "no thousands separators or spaces: write 1000")
NO_EXPONENT = phrase(
    "NO_EXPONENT", "",
    "请写成普通小数，不用科学计数法（如 1e3 写成 1000）", "write plain digits, not an exponent (1000, not 1e3)")
DIGITS_AROUND_POINT = phrase(
    "DIGITS_AROUND_POINT", "",
    "小数点前后都要有数字，如 0.5、5.0", "a decimal point needs digits on both sides: 0.5, 5.0")
PERCENT_SIGN_ONLY_FOR_PERCENT = phrase(
    "PERCENT_SIGN_ONLY_FOR_PERCENT", "",
    "只有百分比可以带一个 %，写在数字后面", "only a percent may carry one %, after the number")
# - counts, numbers, percents, flags, choices (runtime/facts.py)
COUNT_NOT_WHOLE = error(
    "COUNT_NOT_WHOLE", "SL213", "value",
    "计数应为整数，收到 {value}", "a count must be a whole number, got {value}")
COUNT_NEGATIVE = error(
    "COUNT_NEGATIVE", "SL213", "value",
    "计数不能为负数，收到 {value}", "a count cannot be negative, got {value}")
COUNT_RANGE = error(
    "COUNT_RANGE", "SL213", "high value",
    "计数应在 0 至 {high} 之间，收到 {value}", "a count must be between 0 and {high}, got {value}")
COUNT_ABOVE = error(
    "COUNT_ABOVE", "SL213", "high value",
    "计数至多为 {high}，收到 {value}", "a count of at most {high}, got {value}")
NUMBER_RANGE = error(
    "NUMBER_RANGE", "SL213", "high value",
    "数值应在 -{high} 至 {high} 之间，收到 {value}", "a number must be between -{high} and {high}, got {value}")
NUMBER_ABOVE = error(
    "NUMBER_ABOVE", "SL213", "high value",
    "至多为 {high}，收到 {value}", "at most {high}, got {value}")
PERCENT_SIGN_TWICE = error(
    "PERCENT_SIGN_TWICE", "SL213", "value",
    "应为百分比，收到 {value}", "expected a percent, got {value}",
    "百分号只能写一个，在数字后面，如 92.5%", "one percent sign, after the number: 92.5%")
PERCENT_RANGE = error(
    "PERCENT_RANGE", "SL213", "value",
    "百分比应在 0 至 100 之间，收到 {value}", "a percent must be between 0 and 100, got {value}")
FLAG_EXPECTED = error(
    "FLAG_EXPECTED", "SL213", "value words",
    "应为 是 或 否，收到 {value}", "expected yes or no (是/否), got {value}",
    "可写 {words}（英文不分大小写）", "write one of {words} (any case)")
CHOICE_EXPECTED = error(
    "CHOICE_EXPECTED", "SL213", "choices value suggestion",
    "应为 {choices} 之一，收到 {value}{suggestion}", "expected one of {choices}, got {value}{suggestion}")
TEXT_EXPECTED = error(
    "TEXT_EXPECTED", "SL213", "what value",
    "{what}应为文字，收到 {value}", "{what} must be text, got {value}")
TEXT_TOO_LONG = error(
    "TEXT_TOO_LONG", "SL213", "what limit value",
    "{what}至多 {limit} 个字，收到 {value}", "{what} has at most {limit} characters, got {value}")
#   the ``what`` of TEXT_EXPECTED and TEXT_TOO_LONG
JUDGEMENT_REASON = phrase("JUDGEMENT_REASON", "", "评定的理由", "a judgement's reason")
RECORD_FIELD = phrase("RECORD_FIELD", "index field", "第 {index} 条「{field}」", "record {index}: 「{field}」")
# - judgements and records
JUDGEMENT_KEYS = error(
    "JUDGEMENT_KEYS", "SL213", "unknown",
    "评定只能有 amount（或 分）和 reason（或 理由），多了 {unknown}",
    "a judgement has only amount (or 分) and reason (or 理由); unexpected {unknown}")
JUDGEMENT_KEY_TWICE = error(
    "JUDGEMENT_KEY_TWICE", "SL213", "",
    "评定的 amount 与 分（reason 与 理由）只能写一个", "a judgement gives amount or 分 (reason or 理由), not both")
JUDGEMENT_NO_AMOUNT = error(
    "JUDGEMENT_NO_AMOUNT", "SL213", "",
    "评定缺少 amount（扣分数额）", "a judgement needs an amount")
JUDGEMENT_RANGE = error(
    "JUDGEMENT_RANGE", "SL213", "low high value",
    "评定应在 {low} 至 {high} 分之间（未发生填 0），收到 {value}",
    "a judgement must be within {low} to {high} (0 when it does not apply), got {value}")
SCORE_RANGE = error(
    "SCORE_RANGE", "SL213", "low high value",
    "评分应在 {low} 至 {high} 分之间，收到 {value}", "a score must be within {low} to {high}, got {value}")
RECORDS_TOO_MANY = error(
    "RECORDS_TOO_MANY", "SL213", "limit count",
    "记录至多 {limit} 条，收到 {count} 条", "at most {limit} records, got {count}")
RECORDS_NOT_A_LIST = error(
    "RECORDS_NOT_A_LIST", "SL213", "value",
    "记录应为列表，每条是「字段: 值」的映射，收到 {value}",
    "records must be a list of field → value mappings, got {value}")
RECORD_NOT_A_MAPPING = error(
    "RECORD_NOT_A_MAPPING", "SL213", "index value",
    "第 {index} 条应为「字段: 值」的映射，收到 {value}", "record {index} must be a field → value mapping, got {value}")
RECORD_UNKNOWN_FIELDS = error(
    "RECORD_UNKNOWN_FIELDS", "SL213", "index unknown fields",
    "第 {index} 条有未声明的字段 {unknown}（字段：{fields}）",
    "record {index} has undeclared fields {unknown} (fields: {fields})")
RECORD_FIELD_MISSING = error(
    "RECORD_FIELD_MISSING", "SL213", "index field",
    "第 {index} 条缺少字段「{field}」", "record {index} lacks field 「{field}」")
RECORD_FIELD_CHOICE = error(
    "RECORD_FIELD_CHOICE", "SL213", "index field choices value suggestion",
    "第 {index} 条「{field}」应为 {choices} 之一，收到 {value}{suggestion}",
    "record {index}: 「{field}」 must be one of {choices}, got {value}{suggestion}")
JUDGEMENT_RECORDS_NOT_A_LIST = error(
    "JUDGEMENT_RECORDS_NOT_A_LIST", "SL213", "value",
    "评定记录应为列表（每起一条），收到 {value}", "judgement records must be a list (one per occurrence), got {value}")
RECORD_PROBLEM = error(
    "RECORD_PROBLEM", "SL213", "index problem",
    "第 {index} 条：{problem}", "record {index}: {problem}")

#: appended to a value message when a close choice exists: "，是不是「未建成」？"
CLOSE_CHOICE = phrase("CLOSE_CHOICE", "name", "，是不是「{name}」？", "; did you mean 「{name}」?")

# ------------------------------------------------------------------ 评分 (raters): SL240–SL241
RATINGS_NOT_A_LIST = error(
    "RATINGS_NOT_A_LIST", "SL240", "value",
    "评分应为列表（每位评分人一个），收到 {value}", "ratings must be a list (one per rater), got {value}")
RATINGS_NONE = error(
    "RATINGS_NONE", "SL240", "",
    "没有任何评分，而考评办法规定无评分时报错", "no rating was given, and the policy says no rating is an error",
    "请填写评分；如无评分应计某个分数，请在考评办法中写「无评分时 计 0 分」",
    "enter the ratings; if no rating should give a score, write 无评分时 计 0 分 in the policy")
RECORDS_NONE = error(
    "RECORDS_NONE", "SL240", "",
    "没有任何记录，而考评办法规定无记录时报错", "no record was given, and the policy says no record is an error",
    "请填写记录；如无记录应计某个分数，请在考评办法中写「无记录时 计 0 分」",
    "enter the records; if none should give a score, write 无记录时 计 0 分 in the policy")
RATINGS_TOO_FEW = error(
    "RATINGS_TOO_FEW", "SL240", "count high low need",
    "只有 {count} 个评分，去掉 {high} 个最高分和 {low} 个最低分后平均至少需要 {need} 个",
    "only {count} rating(s): dropping {high} highest and {low} lowest needs at least {need}")
RATING_KEYS = error(
    "RATING_KEYS", "SL241", "index unknown allowed",
    "第 {index} 个评分有未知的键 {unknown}（可写：{allowed}）",
    "rating {index} has unknown keys {unknown} (allowed: {allowed})")
RATING_NO_SCORE = error(
    "RATING_NO_SCORE", "SL241", "index",
    "第 {index} 个评分缺少「分」", "rating {index} lacks its score (分)")
RATING_GROUP_MISSING = error(
    "RATING_GROUP_MISSING", "SL241", "index field",
    "第 {index} 个评分缺少「{field}」（按评分人类别加权时每个评分都要写明类别）",
    "rating {index} lacks 「{field}」 (weighted by rater group, every rating names its group)")
RATING_GROUP_CHOICE = error(
    "RATING_GROUP_CHOICE", "SL241", "index field choices value",
    "第 {index} 个评分的「{field}」应为 {choices} 之一，收到 {value}",
    "rating {index}: 「{field}」 must be one of {choices}, got {value}")
RATINGS_GROUP_NONE = error(
    "RATINGS_GROUP_NONE", "SL241", "field group",
    "「{field}」为「{group}」的评分人没有评分，无法按权重计算",
    "no rating from rater group 「{group}」 (「{field}」): the weighted mean cannot be computed")

# ------------------------------------------------------------------ entities from data: SL242
FACTS_NO_ENTITIES = error(
    "FACTS_NO_ENTITIES", "SL242", "",
    "考评对象由事实文件列出，但事实文件中一个对象也没有",
    "the entities come from the facts file, and it lists none")
ENTITY_IN_TWO_WEIGHT_GROUPS = error(
    "ENTITY_IN_TWO_WEIGHT_GROUPS", "SL242", "first second number",
    "按事实分组后，该对象既属于「{first}」又属于「{second}」，两组在目标任务{number}的权重各有一行",
    "by its facts the entity belongs to both 「{first}」 and 「{second}」, which task {number} weighs differently")
ENTITY_NO_WEIGHT_LINE = error(
    "ENTITY_NO_WEIGHT_LINE", "SL242", "number",
    "按事实分组后，该对象不属于目标任务{number}权重中的任何分组，而该任务没有不分组的一行",
    "by its facts the entity is in no group weighed for task {number}, and the task has no line for the rest")

# ------------------------------------------------------------------ cohort values: SL250
COHORT_EMPTY = error(
    "COHORT_EMPTY", "SL250", "key",
    "无法计算 {key}：范围内没有一个对象有此数值",
    "{key} cannot be computed: no entity in its scope has the value")
COHORT_NOT_MEMBER = error(
    "COHORT_NOT_MEMBER", "SL250", "key",
    "该对象不在此分组中，没有 {key}", "the entity is not in that group, so it has no {key}",
    "用条件把此规则限于该分组的对象，或按全体排名", "limit the rule to the group's entities, or rank over every entity")
