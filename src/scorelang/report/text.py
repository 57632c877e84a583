"""Renders scorecards as plain text a person reads: a ranking, then every point explained.

A pure function of the scorecards. Layout is plain.py's: rich's tables, panel and CJK display
width, on plain strings (no colour, no ANSI codes). Every figure has exactly the policy's places.
"""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..numbers import format_fixed, quantize_half_up
from ..runtime.scorecard import Event, EventKind, ItemScore, Scorecard, TaskScore
from .common import (
    award_text,
    derived_text,
    fact_text,
    format_signed,
    format_weight,
    grade_text,
    group_record_facts,
    ladder_text,
    output_text,
    pending_singles_text,
    policy_scale_text,
    task_label,
    task_numbers,
    task_scale_text,
)
from .plain import Column, Table, page, panel, paragraph

_WORDS = {
    "zh": {
        "rank": "排名", "entity": "对象", "total": "总分", "award": "奖项", "flags": "标记",
        "single_awards": "单项奖", "flag_mark": "※ ", "flag_line": "※ 标记：",
        "ranking": "排名", "nth": "第 {} 名", "no_rank": "未排名", "item": "项", "content": "内容",
        "change": "增减", "score": "得分", "lead": "牵头", "deduction_only": "〔扣分项〕",
        "bonus": "加分", "item_bonus": "本项加分（在本项分值之外，计入任务加分）",
        "part_bonus": "加分 {} × 所在部分权重",
        "reason": "理由：", "task_event": "〔任务〕", "section_event": "〔部分〕",
        "adjustments": "总分加减", "clause": "条款",
        "adjustments_sum": "合计", "tasks_sum": "各任务加权得分 {} {} 总分加减 {} = 总分 {}",
        "sep": "；", "derived": "计算值", "grade": "等次", "grade_change": "等次调整：",
        "outputs": "输出（不计入得分）",
    },
    "en": {
        "rank": "rank", "entity": "entity", "total": "total", "award": "award", "flags": "flags",
        "single_awards": "single awards", "flag_mark": "* ", "flag_line": "* flag: ",
        "ranking": "Ranking", "nth": "rank {}", "no_rank": "unranked", "item": "item", "content": "content",
        "change": "change", "score": "score", "lead": "lead", "deduction_only": " [deduction only]",
        "bonus": "bonus", "item_bonus": "the item's bonus (beyond its points, added to the task)",
        "part_bonus": "bonus {} × its part's weight",
        "reason": "reason: ", "task_event": "[task] ", "section_event": "[section] ",
        "adjustments": "Adjustments to the total",
        "clause": "clause", "adjustments_sum": "sum",
        "tasks_sum": "weighted tasks {} {} adjustments {} = total {}",
        "sep": "; ", "derived": "derived values", "grade": "grade", "grade_change": "grade changed: ",
        "outputs": "outputs (never part of a score)",
    },
}

# The label that says what an event did, before its rule: one entry per EventKind (a test
# checks); deduct, award and zero need none (the sign of the points and the rule say it).
_KIND_LABELS = {
    "zh": {EventKind.DEDUCT: "", EventKind.AWARD: "", EventKind.ZERO: "",
           EventKind.FLOOR: "〔保底〕", EventKind.CAP: "〔封顶〕", EventKind.BONUS: "〔加分〕",
           EventKind.BONUS_CAP: "〔加分封顶〕", EventKind.BONUS_ZERO: "〔加分不计〕",
           EventKind.NOTE: "〔不计〕", EventKind.DEMOTE: "〔降等〕", EventKind.LAST: "〔排末位〕",
           EventKind.INELIGIBLE: "〔取消评优〕", EventKind.GRADE_FORCE: "〔评定等次〕",
           EventKind.GRADE_CAP: "〔等次封顶〕", EventKind.GRADE_EXCLUDE: "〔不得评为〕",
           EventKind.GRADE_LOWER: "〔降低等次〕"},
    "en": {EventKind.DEDUCT: "", EventKind.AWARD: "", EventKind.ZERO: "",
           EventKind.FLOOR: "[floor] ", EventKind.CAP: "[cap] ", EventKind.BONUS: "[bonus] ",
           EventKind.BONUS_CAP: "[bonus cap] ", EventKind.BONUS_ZERO: "[bonus cancelled] ",
           EventKind.NOTE: "[not counted] ", EventKind.DEMOTE: "[demoted one tier] ",
           EventKind.LAST: "[ranked last] ", EventKind.INELIGIBLE: "[no awards] ",
           EventKind.GRADE_FORCE: "[grade set] ", EventKind.GRADE_CAP: "[grade capped] ",
           EventKind.GRADE_EXCLUDE: "[grade excluded] ", EventKind.GRADE_LOWER: "[grade lowered] "},
}


def render_text(cards: Sequence[Scorecard], *, title: str, places: int, lang: str = "zh",
                width: int = 100, scale: tuple[Decimal | None, bool, str | None] = (None, False, None)) -> str:
    """The text report: the title (with the policy's scale, when it declares one: ``scale`` is
    its full score, whether its tasks are summed, and the clause), a ranking when there are
    several cards, then each card."""
    lang = _lang(lang)
    words = _WORDS[lang]
    parts = [paragraph(title, width)]
    scale_words = policy_scale_text(*scale, lang)
    if scale_words:
        parts.append(paragraph(scale_words, width))
    if len(cards) > 1:
        parts.append(_summary(cards, places, lang, width))
    for card in cards:
        parts.extend(_card(card, places, words, lang, width))
    return page(parts, width)


def render_summary(cards: Sequence[Scorecard], places: int, *, lang: str = "zh", width: int = 100) -> str:
    """The ranking: rank, entity, each task's score, total, award, single awards; then the flags."""
    return page([_summary(cards, places, _lang(lang), width)], width)


# ------------------------------------------------------------------ pieces
def _lang(lang: str) -> str:
    return "en" if lang == "en" else "zh"


def _summary(cards: Sequence[Scorecard], places: int, lang: str, width: int) -> list[str]:
    """The ranking table; below it, every flag on a line of its own, naming its entity."""
    words = _WORDS[lang]
    lines = _summary_table(cards, places, lang).lines(width)
    colon = "：" if lang == "zh" else ": "
    task_ids = [t.id for t in cards[0].tasks] if cards else []
    for task_id in task_ids:
        winners = [card.entity for card in cards if task_id in card.task_awards]
        tied = next((p for card in cards for p in card.pending_task_awards if p.task == task_id), None)
        if tied is not None:  # 待认定（丙/丁 取 1 个）: the committee chooses among the tied
            winners.append(("待认定（" if lang == "zh" else "pending (") + "/".join(tied.candidates)
                           + (f" 取 {tied.places} 个）" if lang == "zh" else f": {tied.places} to choose)"))
        if winners:
            lines += paragraph(f"{words['single_awards']} {task_numbers((task_id,), lang)}{colon}"
                               + ("、" if lang == "zh" else ", ").join(winners), width)
    # no space after the mark: lines break at spaces, and a long Chinese line would
    # otherwise leave the mark alone on its line
    for card in cards:
        for note in _notes(card, words):
            lines += paragraph(f"{words['flag_mark'].strip()}{card.entity}{colon}{note}", width)
    return lines


def _notes(card: Scorecard, words: dict[str, str]) -> list[str]:
    """What the ranking marks ※ for an entity: its flags, then each outcome effect that changed
    its grade (一票否决, §22), so a grade out of line with the total is explained beside it."""
    return list(card.flags) + [f"{words['grade_change']}{c.clause} {c.rule}：{c.before} → {c.after}"
                               for c in card.grade_changes or ()]


def _summary_table(cards: Sequence[Scorecard], places: int, lang: str) -> Table:
    words = _WORDS[lang]
    # collapsed padding: eight task columns, the total, the award and the single awards fit
    # in 100 columns
    columns = [Column(words["rank"], justify="right", no_wrap=True), Column(words["entity"], no_wrap=True)]
    tasks = cards[0].tasks if cards else ()
    # many tasks: head each column with the task's number only (任务名 in each card below)
    compact = len(tasks) > 3
    for task in tasks:
        label = task_numbers((task.id,), lang) if compact else task_label(task.id, task.name, lang)
        columns.append(Column(label, justify="right", no_wrap=compact))
    columns.append(Column(words["total"], justify="right", no_wrap=True))
    graded = any(card.grade is not None for card in cards)  # 等次 only for a policy that declares grades
    if graded:
        columns.append(Column(words["grade"], no_wrap=True))
    columns.append(Column(words["award"], no_wrap=True))
    with_flags = any(_notes(card, _WORDS[lang]) for card in cards)
    if with_flags:
        columns.append(Column(words["flags"], no_wrap=True))
    table = Table(columns, title=words["ranking"], collapse_padding=True, pad_edge=False)
    for card in cards:
        scores = {t.id: format_fixed(t.score, places) for t in card.tasks}
        row = ["—" if card.rank is None else str(card.rank), card.entity]
        row += [scores.get(task.id, "—") for task in tasks]
        row.append(format_fixed(card.total, places))
        if graded:
            row.append(_short(grade_text(card, lang) or "—"))
        # 待认定 alone in the table (the columns fit in 100); each card's heading names the candidates
        row.append(_short(award_text(card, lang)))
        if with_flags:
            # the flags themselves follow the table, one a line
            row.append(words["flag_mark"].strip() * len(_notes(card, words)))
        table.add_row(*row)
    return table


def _short(shown: str) -> str:
    """待认定（一等奖/二等奖） → 待认定 (pending (…) → pending)."""
    return shown.split("（")[0]


def _heading(card: Scorecard, places: int, words: dict[str, str], lang: str) -> str:
    """``西昌市 │ 总分 96.40 │ 第 1 名 │ 奖项 一等奖 │ 单项奖 二、四``, then each flag on its own line."""
    rank = words["nth"].format(card.rank) if card.rank is not None else words["no_rank"]
    fields = [card.entity, f"{words['total']} {format_fixed(card.total, places)}", rank,
              f"{words['award']} {award_text(card, lang)}"]
    if card.task_awards:
        fields.append(f"{words['single_awards']} {task_numbers(card.task_awards, lang)}")
    fields.extend(pending_singles_text(card, lang))
    if card.grade is not None:  # 等次 优秀 [90 分以上]: the grade (after quotas) and the band of the total
        band, decision = card.band_grade, card.grade_decision
        final = decision.value if decision is not None and decision.status == "decided" else card.grade.name
        changed = f" {band} → {final}" if band != final else ""  # 一票否决 (§22), a quota (§23.1)
        fields.append(f"{words['grade']} {grade_text(card, lang)} [{card.grade.band}{changed}]")
    for graded in card.value_grades or ():  # 目标任务二得分 等次 良好 [80 分至 90 分（不含）] (§22.1)
        if graded.grade is not None:
            fields.append(f"{graded.subject} {words['grade']} {graded.grade.name} [{graded.grade.band}]")
    lines = ["  │  ".join(fields)]
    for change in card.grade_changes or ():  # each outcome effect on the grade, in the order they compose
        lines.append(f"{words['grade_change']}{change.clause} {change.rule}：{change.before} → {change.after}")
    lines += [words["flag_line"] + flag for flag in card.flags]
    return "\n".join(lines)


def _card(card: Scorecard, places: int, words: dict[str, str], lang: str, width: int) -> list[list[str]]:
    parts = [panel(_heading(card, places, words, lang), width)]
    if card.derived:  # 结案率 = 45 ÷ 50 × 100% = 90%: each derived value with the values it read
        derived = "\n".join("  " + derived_text(d, places) for d in card.derived)
        parts.append(paragraph(words["derived"] + "\n" + derived, width))
    parts.extend(_task_table(task, places, words, lang).lines(width) for task in card.tasks)
    if card.adjustments:
        parts.append(_adjustments(card, places, words, lang).lines(width))
    if card.outputs:  # 绩效奖金 7500 元 ← （考评总分 - 80） × 500 …: after the scores, apart
        outputs = "\n".join("  " + output_text(o, lang) for o in card.outputs)
        parts.append(paragraph(words["outputs"] + "\n" + outputs, width))
    return parts


def _adjustments(card: Scorecard, places: int, words: dict[str, str], lang: str) -> Table:
    """The articles' events (第六条 加分, 第七条 扣分 and award effects, 第十三条 领导评分), and how
    the total comes from the tasks and them."""
    table = Table([Column(words["clause"], no_wrap=True), Column(words["content"], ratio=1, overflow="fold"),
                   Column(words["change"], justify="right", no_wrap=True)], title=words["adjustments"], expand=True)
    for event in card.adjustments:
        table.add_row(event.clause, _event_text(event, places, words, lang), format_signed(event.points, places))
    # the sums of the figures as printed, so that what a person adds up is what the line says
    adjusted = sum((quantize_half_up(e.points, places) for e in card.adjustments), Decimal(0))
    tasks = sum((quantize_half_up(t.weighted, places) for t in card.tasks), Decimal(0))
    how = ""
    if tasks + adjusted == quantize_half_up(card.total, places):  # how the printed total is made
        how = words["tasks_sum"].format(format_fixed(tasks, places), "-" if adjusted < 0 else "+",
                                        format_fixed(abs(adjusted), places), format_fixed(card.total, places))
    table.add_section()
    table.add_row(words["adjustments_sum"], how, format_signed(adjusted, places))
    return table


def _task_table(task: TaskScore, places: int, words: dict[str, str], lang: str) -> Table:
    caption = [task_label(task.id, task.name, lang)]
    if task.lead:
        caption.append(f"{words['lead']} {'、'.join(task.lead)}")
    scale = task_scale_text(task, lang)
    if scale:
        caption.append(scale)
    caption.append(_task_figures(task, places, words))
    table = Table([Column(words["item"], no_wrap=True), Column(words["content"], ratio=1, overflow="fold"),
                   Column(words["change"], justify="right", no_wrap=True),
                   Column(words["score"], justify="right", no_wrap=True)],
                  title="  ·  ".join(caption), expand=True, pad_edge=False)
    for section in task.sections:
        counted = "" if section.counted is None else f" → {format_fixed(section.counted, places)} / 100"
        table.add_row("", section.name, "", _out_of(section.score, section.max, places) + counted)
        for item in section.items:
            _item_rows(table, item, places, words, lang)
        for event in section.events:  # 本部分扣分最多 N 分 …
            table.add_row("", words["section_event"] + _event_text(event, places, words, lang),
                          format_signed(event.points, places), "")
    for event in task.events:
        table.add_row("", words["task_event"] + _event_text(event, places, words, lang),
                      format_signed(event.points, places), "")
    return table


def _task_figures(task: TaskScore, places: int, words: dict[str, str]) -> str:
    """How the task adds to the total (a second line for a bonus or parts).

    Whole: ``95.50 / 100.00 × 15% = 14.33``; with a bonus:
    ``95.50 / 100.00  ·  加分 +0.40`` and ``(95.50 + 0.40) × 15% = 14.39``; in parts:
    ``95.00 / 100.00`` and ``第1至12项 95.00 × 10% + 第13项 80.00 × 5% = 13.50`` (each part on
    its 100-point scale).
    """
    def fixed(value: Decimal) -> str:
        return format_fixed(value, places)

    out_of = _out_of(task.score, task.max, places)
    multi = len(task.parts) > 1
    if not multi and not task.bonus:
        return f"{out_of} × {format_weight(task.weight)} = {fixed(task.weighted)}"
    if task.bonus:
        out_of += f"  ·  {words['bonus']} {format_signed(task.bonus, places)}"
    if multi:
        terms = [f"{part.label} {fixed(part.score)} × {format_weight(part.weight)}" for part in task.parts]
        if task.bonus:
            # a TaskPart carries no bonus of its own: each part's bonus counts at its part's weight
            terms.append(words["part_bonus"].format(fixed(task.bonus)))
        formula = " + ".join(terms)
    else:
        formula = f"({fixed(task.score)} + {fixed(task.bonus)}) × {format_weight(task.weight)}"
    return f"{out_of}\n{formula} = {fixed(task.weighted)}"


def _item_rows(table: Table, item: ItemScore, places: int, words: dict[str, str], lang: str) -> None:
    title = item.title + (words["deduction_only"] if item.deduction_only else "")
    table.add_row(item.id, title, "", _out_of(item.score, item.max, places))
    for event in item.events:
        table.add_row("", "  " + _event_text(event, places, words, lang), format_signed(event.points, places), "")
    if item.bonus:
        table.add_row("", "  " + words["item_bonus"], "", f"{format_signed(item.bonus, places)} {words['bonus']}")


def _out_of(score: Decimal, maximum: Decimal, places: int) -> str:
    return f"{format_fixed(score, places)} / {format_fixed(maximum, places)}"


def _event_text(event: Event, places: int, words: dict[str, str], lang: str) -> str:
    """``〔降等〕受到刑事处罚，直接降低一个等次评奖（刑事处罚=是）理由：…``; a ladder's reading on a
    line of its own (``实际 82% 目标 100% 差 18 个百分点 计 4 档（不足一档按一档计）``)."""
    text = _KIND_LABELS[lang][event.kind] + event.rule
    if event.facts:
        facts = ", ".join(f"{name}={fact_text(value, lang)}" for name, value in group_record_facts(event.facts))
        text += f"（{facts}）" if lang == "zh" else f" ({facts})"
    if event.detail is not None:
        text += "\n  " + ladder_text(event.detail, places, lang)
    if event.reason:
        text += "\n  " + words["reason"] + event.reason  # the reason on a line of its own
    return text
