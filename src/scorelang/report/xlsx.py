"""The results workbook (``scorelang score … --format xlsx -o results.xlsx``).

Sheets: 「排名」 (rank, entity, each task's weighted score, adjustments, total, award, single
awards, flags to decide), one sheet per task (the task's score and every item's score for
every entity), 「明细」 (the trace: entity, clause, rule text, facts read, points) and, only for
a policy that declares outputs (输出 { … }), 「输出」 (entity, output, amount at the output's own
places, unit, rule, clause, status; an amount still to be decided is empty, status pending).

Numbers are stored as numbers with the policy's places as their format (``0.00``), never as
text, and each is the figure the JSON report prints (the policy's places, half-up: a trace
line of −0.025 is stored as −0.03, so the sheet adds up as the printed figures do). Every
figure is handed to openpyxl as a ``Decimal`` (no float in scorelang): openpyxl writes its
decimal digits into the file, and a reader (Excel, openpyxl)
gets the double nearest to them. A figure with the policy's places and at most 15 significant
digits comes back from that double exactly (``Decimal(repr(value))`` quantized to the places
is the JSON figure) — the tests compare the workbook with the JSON output figure by figure.
"""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from ..numbers import format_fixed
from ..runtime.scorecard import Event, Scorecard
from .common import (
    award_text,
    fact_text,
    grade_text,
    group_record_facts,
    pending_singles_text,
    task_label,
    task_number,
    task_weight,
)

RANKING_SHEET, TRACE_SHEET, OUTPUTS_SHEET = "排名", "明细", "输出"
_HEADER_FILL = "DCE6F1"


def number_format(places: int) -> str:
    """``0.00`` for two places, ``0`` for none."""
    return "0." + "0" * places if places else "0"


def facts_read(event: Event) -> str:
    """The facts an event read, as one line: ``漏管脱管人次=2；…``."""
    return "；".join(f"{name}={fact_text(value)}" for name, value in group_record_facts(event.facts))


def build_results_workbook(cards: Iterable[Scorecard], *, title: str, places: int) -> Any:
    """The results workbook (an ``openpyxl.Workbook``, not yet saved)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    cards = tuple(cards)
    fmt = number_format(places)

    def fixed(value: Decimal) -> Decimal:
        """The figure the JSON and text reports show: the policy's places, half-up (numbers.py)."""
        return Decimal(format_fixed(value, places))

    book = Workbook()
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=_HEADER_FILL)

    def sheet_with(name: str, header: list[str], rows: list[list[Any]], widths: dict[int, int]) -> None:
        active = book.active
        assert isinstance(active, Worksheet)  # a new workbook has one worksheet, active
        ws = active if active.title == "Sheet" else book.create_sheet()
        ws.title = name
        ws.append(header)
        for cell in ws[1]:
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for row in rows:
            ws.append(row)
        for cells in ws.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, Decimal):
                    cell.number_format = fmt
                elif isinstance(cell.value, str) and len(cell.value) > 30:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        for column in range(1, len(header) + 1):
            ws.column_dimensions[get_column_letter(column)].width = widths.get(column, 12)
        ws.freeze_panes = "C2" if name != TRACE_SHEET else "B2"
        if rows:
            ws.auto_filter.ref = ws.dimensions

    tasks = cards[0].tasks if cards else ()
    graded = any(card.grade is not None for card in cards)  # 等次 only for a policy that declares grades
    header = ["名次 rank", "对象 entity",
              *[f"{task_label(t.id, t.name)}（{task_weight(t)}）" for t in tasks],
              "加减分 adjustments", "总分 total", *(["等次 grade"] if graded else []), "奖项 award",
              "单项奖 single awards", "待认定 flags"]
    rows = []
    for card in cards:
        adjust = sum((fixed(e.points) for e in card.adjustments), Decimal(0))
        grade = [grade_text(card, none="") or ""] if graded else []
        singles = "、".join([task_number(t) for t in card.task_awards] + pending_singles_text(card))
        rows.append([card.rank, card.entity, *[fixed(t.weighted) for t in card.tasks], adjust, fixed(card.total),
                     *grade, award_text(card, none=""), singles, "\n".join(card.flags)])
    sheet_with(RANKING_SHEET, header, rows, {2: 12, len(header): 60, len(header) - 1: 18})

    for index, task in enumerate(tasks):
        items = [item for section in task.sections for item in section.items]
        header = ["名次 rank", "对象 entity", "得分 score", "权重 weight", "计入总分 weighted",
                  *[f"{i.id} {i.title}（{format_fixed(i.max, places)}）" for i in items]]
        rows = []
        for card in cards:
            mine = card.tasks[index]
            scores = {i.id: fixed(i.score) for s in mine.sections for i in s.items}
            rows.append([card.rank, card.entity, fixed(mine.score), task_weight(mine), fixed(mine.weighted),
                         *[scores.get(i.id, "") for i in items]])
        sheet_with(f"目标任务{task_number(task.id)}", header, rows, {})

    rows = []
    for card in cards:
        events: list[tuple[str, Event]] = []
        for t in card.tasks:  # in the JSON report's order: each task's items, then the task's own
            events += [(item.id, e) for s in t.sections for item in s.items for e in item.events]
            events += [(task_label(t.id, t.name), e) for e in t.events]
        events += [(e.clause, e) for e in card.adjustments]
        rows.extend([card.entity, where, e.clause, e.rule, facts_read(e), fixed(e.points)] for where, e in events)
    sheet_with(TRACE_SHEET, ["对象 entity", "考评项 item", "条款 clause", "规则原文 rule", "读取的事实 facts read",
                             "分值 points"], rows, {3: 10, 4: 60, 5: 40, 6: 10})
    outputs = [(card, o) for card in cards for o in card.outputs]
    if outputs:  # 输出 { … }: amounts never part of a score, each at its own places
        rows = [[card.entity, o.name, Decimal(format_fixed(o.value, o.places)) if o.value is not None else "",
                 o.unit or "", o.rule, o.clause or "", o.status] for card, o in outputs]
        sheet_with(OUTPUTS_SHEET, ["对象 entity", "输出 output", "金额 value", "单位 unit", "依据 rule",
                                   "条款 clause", "状态 status"], rows, {2: 16, 5: 50})
        for row, (_, o) in enumerate(outputs, start=2):
            book[OUTPUTS_SHEET].cell(row=row, column=3).number_format = number_format(o.places)
    book.properties.title = title
    book.active = 0
    return book
