"""The facts workbook (``scorelang template POLICY -o facts.xlsx``): its layout, written here
and read back by ``runtime/sources_xlsx.py``, so the two cannot drift apart.

Layout (docs/reports.md §1):

- the first sheet, 「事实」: row 1 the task of each column, row 2 its items, row 3 the header
  ``entity`` + fact names, then one row per entity. Each header cell carries the fact's
  description, type, unit, range and default as a comment; required facts are shaded; cells of
  facts an entity's scoring does not read are grey; defaults are prefilled; Excel data
  validation checks types, ranges and choices (drop-down lists).
- one sheet per records fact: A1 the fact's exact name (the sheet title is cut to Excel's 31
  characters), B1 its description, row 2 the header ``entity`` + its fields (``分``, ``理由``
  for a judgement's amount and reason), then one row per record.
- one sheet, laid out the same, per ratings fact weighted by rater group (按「评分人类别」加权):
  header ``entity``, the group field, ``分``; one row per rating, read back as the list
  ``[{"分": …, "评分人类别": …}, …]`` the JSON and YAML facts use. Plain ratings stay in one
  cell of the entity sheet (``9;8.5;7``).
- 「评定理由」: the assessor's reason for a judgement whose amount is in the first sheet, one
  row each: ``entity``, ``事实`` (the fact), ``理由``; the trace keeps it.
- 「说明」 (how to fill it in) and the hidden 「选项」 (the drop-down lists): never read as facts.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..model.nodes import FactDecl, Policy, Ratings
from ..numbers import chinese_ordinal

ENTITY_COLUMN = "entity"
FACTS_SHEET = "事实"
NOTES_SHEET = "说明"
LISTS_SHEET = "选项"
#: the assessor's reasons for judgements given in the entity sheet: entity, fact, reason
REASONS_SHEET = "评定理由"
FACT_COLUMN = "事实"
#: sheets the reader never reads as facts
RESERVED_SHEETS = (NOTES_SHEET, LISTS_SHEET)
#: judgement records without fields: one row per judgement, its amount and reason
AMOUNT_COLUMN, REASON_COLUMN = "分", "理由"
#: an entity's only row on a sheet saying this in every cell: it has none (as the word in a cell)
NONE_WRITTEN = "无"
#: empty record rows prepared (with validation) on each records sheet
RECORD_ROWS = 200
#: how many leading rows of a sheet may come before its ``entity`` header row
HEADER_SEARCH = 5

_TYPE_ZH = {"count": "计数（整数）", "number": "数值", "percent": "百分比（0–100，不写%也可）", "flag": "是/否",
            "choice": "选项", "judgement": "评定分值", "records": "记录",
            "ratings": "评分（每位评分人一个，以分号分隔：9;8.5;7）"}
_REQUIRED_FILL = "FFF4CE"   # a soft yellow: required, no default
_HEADER_FILL = "DCE6F1"
_NOT_READ_FILL = "E7E6E6"   # grey: this entity's scoring does not read the fact
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")


def sheet_title(name: str, taken: Iterable[str] = ()) -> str:
    """A sheet title for a fact name: Excel forbids ``[]:*?/\\`` and allows 31 characters."""
    base = _BAD_TITLE.sub("_", name)[:31] or "_"
    title, n = base, 2
    while title in set(taken) | set(RESERVED_SHEETS) | {FACTS_SHEET}:
        suffix = f"~{n}"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    return title


def _plain(value: Any) -> Any:
    """A default as a cell value: Decimal stays a number, flags are 是/否."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, tuple):
        return None
    return value


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _group_key(fact: FactDecl, order: Mapping[str, tuple[int, int]]) -> tuple[int, int]:
    known = [order[i] for i in fact.items if i in order]
    return min(known) if known else (10 ** 6, 0)


def on_own_sheet(fact: FactDecl) -> bool:
    """Whether the workbook gives ``fact`` a sheet of rows (records; ratings that each name
    their rater group) rather than a column of the entity sheet."""
    return fact.type == "records" or (fact.ratings is not None and fact.ratings.group_field is not None)


def _ratings_words(rule: Ratings) -> str:
    """How the policy combines the ratings and what none gives, for whoever fills them in."""
    if rule.method == "weighted":
        weights = "、".join(f"{group} {percent}%" for group, percent in rule.weights)
        how = f"各「{rule.group_field}」先平均，再按 {weights} 加权相加"
    elif rule.method == "trimmed":
        how = f"去掉 {rule.drop_high} 个最高分和 {rule.drop_low} 个最低分后平均（至少 {rule.needed} 个评分）"
    else:
        how = "取平均" if rule.method == "mean" else "取合计"
    empty = "报错" if rule.empty_value is None else f"计 {rule.empty_value} 分"
    return f"汇总 combined: {how}；无评分时{empty}"


def _comment(fact: FactDecl, required: bool) -> str:
    lines = [fact.name, f"类型 type: {_TYPE_ZH.get(fact.type, fact.type)}"]
    if fact.unit:
        lines.append(f"单位 unit: {fact.unit}")
    if fact.type in ("judgement", "records", "ratings") and not fact.fields and fact.low is not None:
        zero = "（未发生填 0）" if fact.zero_means_absent else ""
        lines.append(f"范围 range: {fact.low}–{fact.high}{zero}")
    elif fact.high is not None:
        lines.append(f"最大 max: {fact.high}")
    if fact.choices:
        lines.append("可选 choices: " + " / ".join(fact.choices))
    if fact.ratings is not None:
        lines.append(_ratings_words(fact.ratings))
    lines.append("必填 required" if required else f"默认 default: {_plain(fact.default)}")
    if fact.items:
        lines.append("用于 used by: " + "、".join(fact.items))
    if fact.description:
        lines.append(fact.description)
    return "\n".join(lines)


def build_facts_workbook(policy: Policy, needed: Mapping[str, frozenset[str]]) -> Any:
    """The data-entry workbook for ``policy`` (an ``openpyxl.Workbook``, not yet saved).

    ``needed``: for each entity the facts its scoring reads (``scorelang.policy.needed_facts``).
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook has one worksheet, active
    sheet.title = FACTS_SHEET
    lists = book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    list_columns: dict[tuple[str, ...], str] = {}

    def choice_range(choices: tuple[str, ...]) -> str:
        if choices not in list_columns:
            letter = get_column_letter(len(list_columns) + 1)
            for row, choice in enumerate(choices, start=1):
                lists[f"{letter}{row}"] = choice
            list_columns[choices] = f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(choices)}"
        return list_columns[choices]

    bold = Font(bold=True)
    thin = Side(style="thin", color="BFBFBF")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center", horizontal="center")
    header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
    required_fill = PatternFill("solid", fgColor=_REQUIRED_FILL)
    grey = PatternFill("solid", fgColor=_NOT_READ_FILL)

    order: dict[str, tuple[int, int]] = {}
    labels: dict[str, tuple[str, str]] = {}
    for t_index, task in enumerate(policy.tasks):
        for i_index, item in enumerate(task.items):
            order[item.id] = (t_index, i_index)
            labels[item.id] = (f"目标任务{chinese_ordinal(task.number)} {task.name}", f"{item.id} {item.title}")
    for a_index, article in enumerate(policy.articles):
        order[article.id] = (len(policy.tasks) + a_index, 0)
        labels[article.id] = ("加减分 adjustments", f"{article.id} {article.title}")
    scalars = sorted((f for f in policy.facts if not on_own_sheet(f)), key=lambda f: _group_key(f, order))
    records = [f for f in policy.facts if on_own_sheet(f)]
    entities = policy.entities
    first_row, last_row = 4, 3 + len(entities)

    sheet["A1"], sheet["A2"], sheet["A3"] = "目标任务 task", "考评项 item", ENTITY_COLUMN
    for row, entity in enumerate(entities, start=first_row):
        sheet.cell(row, 1, entity).font = bold
    sheet.column_dimensions["A"].width = max(12, max((_width(e) for e in entities), default=8) + 4)
    previous_group: str | None = None
    group_start = 2
    for column, fact in enumerate(scalars, start=2):
        letter = get_column_letter(column)
        first_item = next((i for i in fact.items if i in labels), None)
        group, item_label = labels[first_item] if first_item else ("其他 other", "")
        extra = [i for i in fact.items if i != first_item]
        item_text = item_label + (f"（又见 {'、'.join(extra)}）" if extra else "")
        if group != previous_group:
            if previous_group is not None and column - 1 > group_start:
                sheet.merge_cells(start_row=1, start_column=group_start, end_row=1, end_column=column - 1)
            sheet.cell(1, column, group)
            previous_group, group_start = group, column
        sheet.cell(2, column, item_text)
        required = not fact.has_default
        head = sheet.cell(3, column, fact.name)
        head.comment = Comment(_comment(fact, required), "scorelang", width=320, height=220)
        head.fill = required_fill if required else header_fill
        head.font = bold
        for row in (1, 2, 3):
            sheet.cell(row, column).alignment = wrap
            sheet.cell(row, column).border = box
        sheet.column_dimensions[letter].width = min(max(_width(fact.name) + 2, 10), 28)
        for row, entity in enumerate(entities, start=first_row):
            cell = sheet.cell(row, column)
            cell.border = box
            if fact.name not in needed.get(entity, frozenset(f.name for f in policy.facts)):
                cell.fill = grey
            elif fact.has_default:
                cell.value = _plain(fact.default)
        if entities:
            validation = _validation(fact, f"{letter}{first_row}", choice_range, DataValidation)
            if validation is not None:
                sheet.add_data_validation(validation)
                validation.add(f"{letter}{first_row}:{letter}{last_row}")
    if previous_group is not None and 1 + len(scalars) > group_start:
        sheet.merge_cells(start_row=1, start_column=group_start, end_row=1, end_column=1 + len(scalars))
    for row in (1, 2, 3):
        sheet.cell(row, 1).font = bold
        sheet.cell(row, 1).fill = header_fill
    sheet.row_dimensions[2].height = 60
    sheet.row_dimensions[3].height = 36
    sheet.freeze_panes = f"B{first_row}"

    taken: list[str] = []
    entity_range = choice_range(tuple(entities)) if entities else None
    for fact in records:
        title = sheet_title(fact.name, taken)
        taken.append(title)
        ws = book.create_sheet(title, index=len(book.sheetnames) - 1)
        ws["A1"] = fact.name
        ws["A1"].font = Font(bold=True, size=13)
        ws["B1"] = _sheet_note(fact)
        columns = _sheet_columns(fact)
        for column, name in enumerate([ENTITY_COLUMN, *columns], start=1):
            cell = ws.cell(2, column, name)
            cell.font, cell.fill, cell.border = bold, header_fill, box
            ws.column_dimensions[get_column_letter(column)].width = 16 if column == 1 else 24
        last = 2 + RECORD_ROWS
        if entity_range:
            entity_check = DataValidation(type="list", formula1=entity_range, allow_blank=True,
                                          showErrorMessage=True, error="请从下拉列表选择对象")
            ws.add_data_validation(entity_check)
            entity_check.add(f"A3:A{last}")
        for column, field in enumerate(fact.fields, start=2):
            if field.kind == "choice":
                check = DataValidation(type="list", formula1=choice_range(field.choices), allow_blank=True,
                                       showErrorMessage=True, error=f"请从下拉列表选择{field.name}")
                ws.add_data_validation(check)
                check.add(f"{get_column_letter(column)}3:{get_column_letter(column)}{last}")
                ws.column_dimensions[get_column_letter(column)].width = 36
        if fact.ratings is not None and fact.ratings.group_field is not None:
            groups = tuple(group for group, _ in fact.ratings.weights)
            pick = DataValidation(type="list", formula1=choice_range(groups), allow_blank=True,
                                  showErrorMessage=True, error=f"请从下拉列表选择{fact.ratings.group_field}")
            ws.add_data_validation(pick)
            pick.add(f"B3:B{last}")
            # a score in the range, or 无 (this entity has no rating): Excel lets nothing else in
            in_range = f'OR(C3="{NONE_WRITTEN}",AND(ISNUMBER(C3),C3>={fact.low},C3<={fact.high}))'
            score = DataValidation(type="custom", formula1=in_range, allow_blank=True, showErrorMessage=True,
                                   error=f"填 {fact.low} 至 {fact.high} 之间的分数（没有评分的对象填 无）",
                                   errorTitle="超出范围")
            ws.add_data_validation(score)
            score.add(f"C3:C{last}")
            ws.column_dimensions["C"].width = 12
        elif not fact.fields and fact.low is not None:
            amount = _range_validation(fact, "B3", DataValidation)
            ws.add_data_validation(amount)
            amount.add(f"B3:B{last}")
        ws.freeze_panes = "B3"

    judgements = tuple(f.name for f in scalars if f.type == "judgement")
    if judgements:
        ws = book.create_sheet(REASONS_SHEET, index=len(book.sheetnames) - 1)
        ws["A1"] = "评定理由 reasons"
        ws["A1"].font = Font(bold=True, size=13)
        ws["B1"] = f"「{FACTS_SHEET}」表中评定扣分的理由（可不填），每条一行：对象、事实名称、理由"
        for column, name in enumerate([ENTITY_COLUMN, FACT_COLUMN, REASON_COLUMN], start=1):
            cell = ws.cell(2, column, name)
            cell.font, cell.fill, cell.border = bold, header_fill, box
        ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 16, 30
        ws.column_dimensions["C"].width = 60
        for letter, values in (("A", entity_range), ("B", choice_range(judgements))):
            if values:
                pick = DataValidation(type="list", formula1=values, allow_blank=True, showErrorMessage=True,
                                      error="请从下拉列表选择")
                ws.add_data_validation(pick)
                pick.add(f"{letter}3:{letter}{2 + RECORD_ROWS}")
        ws.freeze_panes = "A3"

    notes = book.create_sheet(NOTES_SHEET, index=len(book.sheetnames) - 1)
    for row, line in enumerate(_notes(policy), start=1):
        notes.cell(row, 1, line)
    notes.column_dimensions["A"].width = 110
    book.active = 0
    return book


def _sheet_columns(fact: FactDecl) -> list[str]:
    """The columns after ``entity`` of a fact's own sheet."""
    if fact.ratings is not None and fact.ratings.group_field is not None:
        return [fact.ratings.group_field, AMOUNT_COLUMN]
    return [f.name for f in fact.fields] or [AMOUNT_COLUMN, REASON_COLUMN]


def _sheet_note(fact: FactDecl) -> str:
    """B1 of a fact's own sheet: its description, and what a row is."""
    if fact.ratings is None:
        return fact.description + ("" if fact.has_default else "（必填：每个对象至少一条 required）")
    note = (f"每位评分人一行：对象、{fact.ratings.group_field}、分（{fact.low} 至 {fact.high} 分）。"
            f"{_ratings_words(fact.ratings)}。没有评分的对象写一行，分 填「{NONE_WRITTEN}」。"
            " One row per rating; an entity without ratings: one row with 无 as its score.")
    return f"{fact.description}　{note}" if fact.description else note


def _range_validation(fact: FactDecl, cell: str, data_validation: Any) -> Any:
    """A judgement amount within [low, high], or 0 (nothing happened) where the policy allows it."""
    low, high = fact.low, fact.high
    if not fact.zero_means_absent:
        return data_validation(type="decimal", operator="between", formula1=str(low), formula2=str(high),
                               allow_blank=True, showErrorMessage=True, error=f"填 {low} 至 {high} 之间的分值",
                               errorTitle="超出范围")
    formula = f"OR({cell}=0,AND({cell}>={low},{cell}<={high}))"
    return data_validation(type="custom", formula1=formula, allow_blank=True, showErrorMessage=True,
                           error=f"填 0，或 {low} 至 {high} 之间的分值", errorTitle="超出范围")


def _validation(fact: FactDecl, first_cell: str, choice_range: Any, data_validation: Any) -> Any:
    """Excel's check for one column; a custom formula is written for the column's first cell."""
    def check(**kwargs: Any) -> Any:
        return data_validation(allow_blank=True, showErrorMessage=True, errorTitle="取值不对", **kwargs)

    if fact.type == "count":
        high = fact.high if fact.high is not None else 1_000_000_000
        return check(type="whole", operator="between", formula1="0", formula2=str(high),
                     error=f"填 0 至 {high} 的整数")
    if fact.type == "percent":
        return check(type="decimal", operator="between", formula1="0", formula2="100", error="填 0 至 100 的数")
    if fact.type == "number" and fact.high is not None:
        return check(type="decimal", operator="lessThanOrEqual", formula1=str(fact.high),
                     error=f"填不超过 {fact.high} 的数")
    if fact.type == "flag":
        return check(type="list", formula1='"是,否"', error="填 是 或 否")
    if fact.type == "choice":
        return check(type="list", formula1=choice_range(fact.choices), error="请从下拉列表选择")
    if fact.type == "judgement" and fact.low is not None:
        return _range_validation(fact, first_cell, data_validation)
    return None


def _notes(policy: Policy) -> list[str]:
    return [
        f"{policy.title} — 事实填报表 (facts workbook)",
        "",
        "填写方法 How to fill it in",
        f"1. 「{FACTS_SHEET}」表：每行一个考评对象，每列一个事实；第 1、2 行是该事实所属的目标任务和考评项，"
        "第 3 行是事实名称（请勿修改）。鼠标停在名称上可看说明、单位、范围和默认值。",
        "   One row per entity, one column per fact; do not edit row 3 (the fact names). Hover a name for its notes.",
        "2. 黄色表头的事实是必填的；其余已预填默认值，按实际情况修改。灰色格子表示该对象不考评这一项，留空即可。",
        "   Yellow headers are required; the others are prefilled with their defaults. Grey cells: leave empty.",
        "3. 是否类填“是”或“否”；选项类从下拉列表选择；百分比填 0 至 100 的数（95.5 表示 95.5%）。",
        "   Flags: 是/否; choices: pick from the list; percents: 0–100.",
        "4. 记录类事实（表彰、评分、逐起扣分等）各有一张表：每条记录一行，第一列选对象。没有记录就不填。",
        "   Each records fact has its own sheet: one row per record, the entity first. No record, no row.",
        "   按评分人类别加权的评分也各有一张表：每位评分人一行（对象、类别、分）；"
        f"没有评分的对象写一行，分 填「{NONE_WRITTEN}」。"
        f"其他评分填在「{FACTS_SHEET}」表的一个格子里，以分号分隔：9;8.5;7。",
        "   Ratings weighted by rater group: one row per rating (entity, group, score) on their own sheet;"
        " other ratings go in one cell, 9;8.5;7.",
        f"   评定扣分的理由写在「{REASONS_SHEET}」表：对象、事实名称、理由各一列。"
        f" Reasons for judgements go in 「{REASONS_SHEET}」.",
        "5. 填好后运行：scorelang score <考评办法.score> <本文件.xlsx>；有问题会按工作表、行、列全部列出，不评分。",
        "   Then run scorelang score POLICY THIS.xlsx: every problem is listed by sheet, row and column.",
        "",
        f"「{NOTES_SHEET}」和隐藏的「{LISTS_SHEET}」表不作为事实读取。 These two sheets are never read as facts.",
    ]
