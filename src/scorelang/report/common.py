"""Formatting shared by the report renderers: weights, fact values, task names, signed points,
and the ladder's trace detail."""
from __future__ import annotations

import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from rich.console import Console, RenderableType

from ..numbers import chinese_ordinal, format_decimal, format_fixed, format_short
from ..runtime.scorecard import Decision, DerivedValue, LadderDetail, OutputValue, Scorecard, TaskScore


def format_weight(weight: Decimal) -> str:
    """A task weight as a percent without trailing zeros: 15 → ``15%``, 12.50 → ``12.5%``."""
    return format_decimal(weight.normalize()) + "%"


def task_weight(task: TaskScore) -> str:
    """``15%``; for a task weighed in parts, the parts' weights joined: ``10%+5%``."""
    if len(task.parts) > 1:
        return "+".join(format_weight(part.weight) for part in task.parts)
    return format_weight(task.weight)


def format_signed(points: Decimal, places: int) -> str:
    """Points with their sign and exactly ``places`` places: ``+2.00``, ``-1.50``, ``0.00``."""
    text = format_fixed(points, places)
    return text if text.startswith("-") or Decimal(text) == 0 else "+" + text


def fact_json(value: Any) -> Any:
    """A fact value as JSON: Decimal → string as given, bool stays bool, tuples → lists."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, (tuple, list)):
        return [fact_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): fact_json(v) for k, v in value.items()}
    return str(value)


def fact_text(value: Any, lang: str = "zh") -> str:
    """A fact value for a person: 是/否, decimals as given, records as ``[a, b]``."""
    if isinstance(value, bool):
        if lang == "en":
            return "yes" if value else "no"
        return "是" if value else "否"
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(fact_text(v, lang) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {fact_text(v, lang)}" for k, v in value.items()) + "}"
    return str(value)


def task_label(task_id: str, name: str, lang: str = "zh") -> str:
    """``目标任务二 社区矫正`` / ``Task 2 社区矫正``."""
    if lang == "en":
        return f"Task {task_id} {name}"
    number = chinese_ordinal(int(task_id)) if task_id.isdigit() else task_id
    return f"目标任务{number} {name}"


def task_number(task_id: str, lang: str = "zh") -> str:
    """A task id as a person names it in a list: ``三`` (``3`` in English)."""
    if lang != "en" and task_id.isdigit():
        return chinese_ordinal(int(task_id))
    return task_id


def task_numbers(task_ids: Iterable[str], lang: str = "zh") -> str:
    """Tasks listed shortly: ``一、三`` (``1, 3`` in English); ``—`` for none."""
    names = [task_number(t, lang) for t in task_ids]
    if not names:
        return "—"
    return ", ".join(names) if lang == "en" else "、".join(names)


def group_record_facts(facts: Iterable[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """Fields of one record read together, as one fact: ``表彰[1].层级``, ``表彰[1].等级`` →
    ``表彰[1]`` = {层级: …, 等级: …}. Other facts, and their order, are kept."""
    out: list[tuple[str, Any]] = []
    for name, value in facts:
        record, dot, field = name.rpartition(".")
        if dot and record.endswith("]") and "[" in record:
            if out and out[-1][0] == record and isinstance(out[-1][1], dict):
                out[-1][1][field] = value
            else:
                out.append((record, {field: value}))
        else:
            out.append((name, value))
    return out


def to_text(parts: Iterable[RenderableType], width: int) -> str:
    """Lay out rich renderables as plain text (no colour, no ANSI codes), a blank line after each."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, force_jupyter=False,
                      color_system=None, highlight=False, emoji=False, markup=False,
                      legacy_windows=False)
    for part in parts:
        console.print(part)
        console.print()
    # rich pads table and panel lines to their width; trailing blanks only hinder diffs.
    return "\n".join(line.rstrip() for line in buffer.getvalue().rstrip().splitlines()) + "\n"


# ------------------------------------------------------------------ the ladder's detail
# How a partial step counts, in words; one entry per model.nodes.PARTIAL_MODES (a test checks).
PARTIAL_WORDS = {
    "zh": {"ceil": "不足一档按一档计", "floor": "不足一档不计", "proportional": "不足一档按比例计", "exact": None},
    "en": {"ceil": "a partial step counts as one", "floor": "a partial step is not counted",
           "proportional": "a partial step counts pro rata", "exact": None},
}


def ladder_json(detail: LadderDetail) -> dict[str, Any]:
    """The ``detail`` of a ladder's event in JSON: exact values as strings (counts as ints)."""
    return {"type": "ladder", "measured": fact_json(detail.measured), "target": format_decimal(detail.target),
            "unit": detail.unit, "direction": "above" if detail.upward else "below",
            "gap": format_decimal(detail.gap.normalize()), "percentage_points": detail.percentage_points,
            "step": format_decimal(detail.step), "steps": format_decimal(detail.steps.normalize()),
            "partial": detail.partial, **({"bonus": True} if detail.bonus else {})}


def ladder_text(detail: LadderDetail, places: int, lang: str = "zh") -> str:
    """The ladder's reading in a short phrase: ``实际 82% 目标 100% 差 18 个百分点 计 4 档（不足一档按一档计）``;
    for a ceiling ``实际 3.5% 上限 2% 超 1.5 个百分点 计 2 档（不足一档按一档计）``. Figures have at
    most the policy's places."""
    def figure(value: Decimal | int) -> str:
        return format_short(value, places) if isinstance(value, Decimal) else str(value)

    def with_unit(value: Decimal | int, unit: str | None) -> str:
        if not unit:
            return figure(value)
        return figure(value) + unit if unit == "%" else f"{figure(value)} {unit}"

    unit = detail.unit
    partial = PARTIAL_WORDS["en" if lang == "en" else "zh"][detail.partial]
    steps = figure(detail.steps)
    if lang == "en":
        gap_unit = "percentage points" if detail.percentage_points else unit
        text = (f"measured {with_unit(detail.measured, unit)} · "
                f"{'baseline' if detail.bonus else 'ceiling' if detail.upward else 'target'} "
                f"{with_unit(detail.target, unit)} · "
                f"{with_unit(detail.gap, gap_unit)} {'over' if detail.upward else 'short'} · "
                f"{steps} step{'' if detail.steps == 1 else 's'}")
        return text + (f" ({partial})" if partial else "")
    gap_unit = "个百分点" if detail.percentage_points else unit
    word = "基数" if detail.bonus else "上限" if detail.upward else "目标"
    text = (f"实际 {with_unit(detail.measured, unit)} {word} "
            f"{with_unit(detail.target, unit)} {'超' if detail.upward else '差'} {with_unit(detail.gap, gap_unit)} "
            f"计 {steps} 档")
    return text + (f"（{partial}）" if partial else "")


def _derived_figure(value: Any, places: int) -> str:
    return format_short(value, places) if isinstance(value, Decimal) else str(value)


def derived_text(value: DerivedValue, places: int) -> str:
    """A derived value's line: ``结案率 = 45 ÷ 50 × 100% 除数为0时取 100% = 90%`` — the expression as
    written with each value it read put in, then its value (at most the policy's places)."""
    expression = value.expression
    for name, read in value.facts:
        expression = expression.replace(f"「{name}」", _derived_figure(read, places) if not isinstance(read, bool)
                                        else str(read))
    result = _derived_figure(value.value, places) + {"percent": "%", "pp": " 个百分点"}.get(value.kind, "")
    return f"{value.name} = {expression} = {result}"


def derived_json(value: DerivedValue) -> dict[str, Any]:
    """A derived value in JSON: its name, expression as written, the values it read and its exact value."""
    return {"name": value.name, "expression": value.expression,
            "facts": {name: fact_json(read) for name, read in value.facts},
            "value": format_decimal(value.value.normalize()) if isinstance(value.value, Decimal) else value.value,
            "kind": value.kind}


# ------------------------------------------------------------------ outputs (输出, never part of a score)
_PENDING = {"zh": "待认定", "en": "pending (待认定)"}


def output_figure(value: OutputValue, lang: str = "zh") -> str:
    """``7500 元`` (exactly the output's places, with its unit), or 待认定 while pending."""
    if value.value is None:
        return _PENDING[lang]
    return format_fixed(value.value, value.places) + (f" {value.unit}" if value.unit else "")


def output_text(value: OutputValue, lang: str = "zh") -> str:
    """An output's line: ``绩效奖金 7500 元 ← （考评总分 - 80） × 500（考评总分=95.00） 依据 第十二条``."""
    clause = "" if not value.clause else f" 依据 {value.clause}" if lang == "zh" else f" (per {value.clause})"
    return f"{value.name} {output_figure(value, lang)} ← {value.rule}{clause}"


def output_json(value: OutputValue) -> dict[str, Any]:
    """An output in JSON: name, value (a string with exactly its places; null while pending),
    unit, rule, clause and status (decided / pending)."""
    return {"name": value.name,
            "value": None if value.value is None else format_fixed(value.value, value.places),
            "unit": value.unit, "rule": value.rule, "clause": value.clause, "status": value.status}


# ------------------------------------------------------------------ scales (满分 1000 分, 基础分 0 分)
_ENTERS_WORDS = {"zh": {"as_is": "按原分计入", "normalised": "折算为百分制"},
                 "en": {"as_is": "counted as is", "normalised": "put on a 100-point scale"}}


def task_scale_text(task: TaskScore, lang: str) -> str | None:
    """``满分 400 分，按原分计入`` / ``基础分 0 分`` for a task that declares its scale; None for
    the 100-point task of 第三条."""
    words = []
    if task.full is not None:
        full = format_decimal(task.full.normalize())
        enters = _ENTERS_WORDS[lang][task.enters]
        words.append(f"满分 {full} 分，{enters}" if lang == "zh" else f"out of {full}, {enters}")
    if task.base_zero:
        words.append("基础分 0 分" if lang == "zh" else "base score 0")
    return ("；" if lang == "zh" else "; ").join(words) or None


def task_scale_json(task: TaskScore, places: int) -> dict[str, Any] | None:
    """The ``"scale"`` of a task that declares one (additive: absent for the 100-point task)."""
    if task.full is None and not task.base_zero:
        return None
    return {"full": format_fixed(task.full if task.full is not None else Decimal(100), places),
            "enters": task.enters, "base": "zero" if task.base_zero else "full"}


def policy_scale_json(full: Decimal | None, summed: bool, clause: str | None, places: int) -> dict[str, Any] | None:
    """The policy's ``"scale"`` (满分 1000 分 依据 "…", 各目标任务得分相加), absent when it declares neither."""
    if full is None and not summed:
        return None
    return {"full": format_fixed(full if full is not None else Decimal(100), places),
            "summed": summed, "clause": clause}


def policy_scale_text(full: Decimal | None, summed: bool, clause: str | None, lang: str) -> str | None:
    """``满分 1000 分（第三条）；各目标任务得分相加`` under the title; None when nothing is declared."""
    words = []
    if full is not None:
        shown = format_decimal(full.normalize())
        cited = f"（{clause}）" if clause and lang == "zh" else (f" ({clause})" if clause else "")
        words.append(f"满分 {shown} 分{cited}" if lang == "zh" else f"out of {shown}{cited}")
    if summed:
        words.append("各目标任务得分相加" if lang == "zh" else "the tasks' scores added up (no weights)")
    return ("；" if lang == "zh" else "; ").join(words) or None


PENDING_WORDS = {"zh": "待认定", "en": "pending"}


def decision_text(decision: Decision, lang: str = "zh", none: str = "—") -> str:
    """一等奖 / — / 待认定（一等奖/二等奖）: a decided value, or pending with the candidates."""
    if decision.is_pending:
        return PENDING_WORDS["en" if lang == "en" else "zh"] + "（" + "/".join(decision.candidates) + "）"
    return decision.value or none


def award_text(card: Scorecard, lang: str = "zh", none: str = "—") -> str:
    """The award as the reports show it: the decision when ranked, else the award held."""
    return decision_text(card.award_decision or Decision.decided(card.award), lang, none)


def grade_text(card: Scorecard, lang: str = "zh", none: str = "—") -> str | None:
    """The grade as the reports show it (None: the policy declares no grades): after quotas
    when ranked, pending with its candidates."""
    if card.grade is None:
        return None
    return decision_text(card.grade_decision or Decision.decided(card.grade.name), lang, none)


def pending_singles_text(card: Scorecard, lang: str = "zh") -> list[str]:
    """单项奖 二 待认定（甲/乙 取 1 个）: the single-task awards left to the committee."""
    if lang == "en":
        return [f"single award {task_number(p.task, lang)} pending ({'/'.join(p.candidates)}: {p.places} to choose)"
                for p in card.pending_task_awards]
    return [f"单项奖{task_number(p.task)}待认定（{'/'.join(p.candidates)} 取 {p.places} 个）"
            for p in card.pending_task_awards]
