"""Renders scorecards as plain text a person reads: a ranking, then every point explained.

A pure function of the scorecards. Layout is rich's (tables, panels, CJK display width);
no colour, no ANSI codes. Every figure has exactly the policy's places.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from rich import box
from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..numbers import format_fixed
from ..runtime.scorecard import Event, ItemScore, Scorecard, TaskScore
from .common import fact_text, format_signed, format_weight, task_label, to_text

_WORDS = {
    "zh": {
        "rank": "排名", "entity": "对象", "total": "总分", "award": "奖项", "flags": "标记",
        "single_awards": "单项奖", "flag_mark": "※ ", "flag_line": "※ 标记：",
        "ranking": "排名", "nth": "第 {} 名", "no_rank": "未排名", "item": "项", "content": "内容",
        "change": "增减", "score": "得分", "lead": "牵头", "deduction_only": "〔扣分项〕",
        "bonus": "加分", "item_bonus": "〔加分〕本项分值之外，计入任务加分",
        "part_bonus": "加分 {} × 所在部分权重",
        "reason": "理由：", "task_event": "〔任务〕", "adjustments": "总分加减", "clause": "条款",
        "adjustments_sum": "合计", "tasks_sum": "各任务加权得分 {} {} 总分加减 {} = 总分 {}",
        "sep": "；",
    },
    "en": {
        "rank": "rank", "entity": "entity", "total": "total", "award": "award", "flags": "flags",
        "single_awards": "single awards", "flag_mark": "* ", "flag_line": "* flag: ",
        "ranking": "Ranking", "nth": "rank {}", "no_rank": "unranked", "item": "item", "content": "content",
        "change": "change", "score": "score", "lead": "lead", "deduction_only": " [deduction only]",
        "bonus": "bonus", "item_bonus": "[bonus] beyond the item's points, added to the task",
        "part_bonus": "bonus {} × its part's weight",
        "reason": "reason: ", "task_event": "[task] ", "adjustments": "Adjustments to the total",
        "clause": "clause", "adjustments_sum": "sum",
        "tasks_sum": "weighted tasks {} {} adjustments {} = total {}",
        "sep": "; ",
    },
}

# The label that says what an event did, before its rule (deduct and award need none: the
# sign of the points says it).
_KIND_LABELS = {
    "zh": {"floor": "〔保底〕", "cap": "〔封顶〕", "bonus": "〔加分〕", "zero": "〔不得分〕",
           "note": "〔不计〕", "demote": "〔降等〕", "last": "〔排末位〕"},
    "en": {"floor": "[floor] ", "cap": "[cap] ", "bonus": "[bonus] ", "zero": "[zero] ",
           "note": "[not counted] ", "demote": "[demoted one tier] ", "last": "[ranked last] "},
}


def render_text(cards: Sequence[Scorecard], *, title: str, places: int, lang: str = "zh",
                width: int = 100) -> str:
    """The text report: the title, a ranking when there are several cards, then each card."""
    words = _WORDS[_lang(lang)]
    parts: list[RenderableType] = [Text(title, style="bold")]
    if len(cards) > 1:
        parts.append(_summary_table(cards, places, _lang(lang)))
    for card in cards:
        parts.extend(_card(card, places, words, lang))
    return to_text(parts, width)


def render_summary(cards: Sequence[Scorecard], places: int, *, lang: str = "zh", width: int = 100) -> str:
    """The ranking table alone: rank, entity, each task's score, total, award."""
    return to_text([_summary_table(cards, places, _lang(lang))], width)


# ------------------------------------------------------------------ pieces
def _lang(lang: str) -> str:
    return "en" if lang == "en" else "zh"


def _summary_table(cards: Sequence[Scorecard], places: int, lang: str) -> Table:
    words = _WORDS[lang]
    table = Table(title=words["ranking"], title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column(words["rank"], justify="right", no_wrap=True)
    table.add_column(words["entity"], no_wrap=True)
    tasks = cards[0].tasks if cards else ()
    for task in tasks:
        table.add_column(Text(task_label(task.id, task.name, lang)), justify="right")
    table.add_column(words["total"], justify="right", no_wrap=True)
    table.add_column(words["award"], no_wrap=True)
    with_flags = any(card.flags for card in cards)
    if with_flags:
        table.add_column(words["flags"])
    for card in cards:
        scores = {t.id: format_fixed(t.score, places) for t in card.tasks}
        row = [Text("—" if card.rank is None else str(card.rank)), Text(card.entity)]
        row += [Text(scores.get(task.id, "—")) for task in tasks]
        row += [Text(format_fixed(card.total, places)), Text(card.award or "—")]
        if with_flags:
            row.append(Text(words["sep"].join(card.flags)))
        table.add_row(*row)
    return table


def _heading(card: Scorecard, places: int, words: dict) -> Text:
    rank = words["nth"].format(card.rank) if card.rank is not None else words["no_rank"]
    fields = [card.entity, f"{words['total']} {format_fixed(card.total, places)}", rank,
              f"{words['award']} {card.award or '—'}"]
    if card.flags:
        fields.append(f"{words['flags']} {words['sep'].join(card.flags)}")
    return Text("  │  ".join(fields), style="bold")


def _card(card: Scorecard, places: int, words: dict, lang: str) -> list[RenderableType]:
    parts: list[RenderableType] = [Panel(_heading(card, places, words), box=box.HEAVY, expand=False)]
    parts.extend(_task_table(task, places, words, lang) for task in card.tasks)
    if card.adjustments:
        table = Table(title=words["adjustments"], title_justify="left", box=box.SIMPLE_HEAD, expand=True)
        table.add_column(words["clause"], no_wrap=True)
        table.add_column(words["content"], ratio=1, overflow="fold")
        table.add_column(words["change"], justify="right", no_wrap=True)
        for event in card.adjustments:
            table.add_row(Text(event.clause), _event_text(event, words, lang),
                          Text(format_signed(event.points, places)))
        parts.append(table)
    return parts


def _task_table(task: TaskScore, places: int, words: dict, lang: str) -> Table:
    caption = [task_label(task.id, task.name, lang)]
    if task.lead:
        caption.append(f"{words['lead']} {'、'.join(task.lead)}")
    caption.append(f"{format_fixed(task.score, places)} / {format_fixed(task.max, places)}"
                   f" × {format_weight(task.weight)} = {format_fixed(task.weighted, places)}")
    table = Table(title=Text("  ·  ".join(caption), style="bold"), title_justify="left",
                  box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
    table.add_column(words["item"], no_wrap=True)
    table.add_column(words["content"], ratio=1, overflow="fold")
    table.add_column(words["change"], justify="right", no_wrap=True)
    table.add_column(words["score"], justify="right", no_wrap=True)
    for section in task.sections:
        table.add_row(Text(""), Text(section.name, style="bold"), Text(""),
                      Text(_out_of(section.score, section.max, places)))
        for item in section.items:
            _item_rows(table, item, places, words, lang)
    for event in task.events:
        table.add_row(Text(""), Text(words["task_event"]) + _event_text(event, words, lang),
                      Text(format_signed(event.points, places)), Text(""))
    return table


def _item_rows(table: Table, item: ItemScore, places: int, words: dict, lang: str) -> None:
    title = Text(item.title)
    if item.deduction_only:
        title.append(words["deduction_only"])
    score = _out_of(item.score, item.max, places)
    if item.bonus:
        score += f" {words['bonus']} {format_signed(item.bonus, places)}"
    table.add_row(Text(item.id), title, Text(""), Text(score))
    for event in item.events:
        table.add_row(Text(""), Text("  ") + _event_text(event, words, lang),
                      Text(format_signed(event.points, places)), Text(""))


def _out_of(score: Decimal, maximum: Decimal, places: int) -> str:
    return f"{format_fixed(score, places)} / {format_fixed(maximum, places)}"


def _event_text(event: Event, words: dict, lang: str) -> Text:
    """``〔扣完为止〕每发现一人次扣0.5分（漏管脱管人次=3）理由：…``."""
    text = Text(words.get(event.kind, "") if event.kind in ("floor", "cap") else "")
    text.append(event.rule)
    if event.facts:
        facts = ", ".join(f"{name}={fact_text(value, lang)}" for name, value in event.facts)
        text.append(f"（{facts}）" if lang == "zh" else f" ({facts})")
    if event.reason:
        text.append("\n  " + words["reason"] + event.reason)  # the reason on a line of its own
    return text
