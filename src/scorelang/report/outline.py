"""Renders a policy model as an outline for the departments that score it (``scorelang show``).

A pure function of the model: tasks with their lead departments and contacts, sections,
items with their points, and which items can deduct points, by which rules.
"""
from __future__ import annotations

from decimal import Decimal

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ..model.nodes import Lead, Policy, Task, Weighting
from ..numbers import format_decimal
from .common import format_weight, task_label, to_text

_WORDS = {
    "zh": {"item": "项", "content": "内容", "points": "分值", "deducts": "可扣分", "yes": "是", "no": "否",
           "weight": "权重", "assumed": "（假定）", "lead": "牵头", "contact": "联系人", "phone": "电话",
           "deduction_only": "〔扣分项〕", "sep": "，"},
    "en": {"item": "item", "content": "content", "points": "points", "deducts": "deducts", "yes": "yes",
           "no": "no", "weight": "weight", "assumed": " (assumed)", "lead": "lead", "contact": "contact",
           "phone": "phone", "deduction_only": " [deduction only]", "sep": ", "},
}


def departments(policy: Policy) -> tuple[str, ...]:
    """Every lead department, in order of first appearance."""
    return tuple(dict.fromkeys(lead.department for task in policy.tasks for lead in task.leads))


def tasks_led_by(policy: Policy, department: str) -> tuple[Task, ...]:
    return tuple(t for t in policy.tasks if any(lead.department == department for lead in t.leads))


def deducting_items(policy: Policy, department: str) -> tuple[str, ...]:
    """Ids of the items, in tasks led by ``department``, that can deduct points."""
    return tuple(item.id for task in tasks_led_by(policy, department) for item in task.items if item.can_deduct)


def render_outline(policy: Policy, *, lead: str | None = None, lang: str = "zh", width: int = 100) -> str:
    """The outline of every task (or only those ``lead`` leads, ending with its deducting items)."""
    lang = "en" if lang == "en" else "zh"
    words = _WORDS[lang]
    tasks = policy.tasks if lead is None else tasks_led_by(policy, lead)
    parts: list[RenderableType] = [Text(policy.title, style="bold")]
    parts.extend(_task_table(task, words, lang) for task in tasks)
    if lead is not None:
        ids = deducting_items(policy, lead)
        if lang == "en":
            line = f"Items led by {lead} that can deduct points ({len(ids)}): {', '.join(ids) or 'none'}"
        else:
            line = f"{lead} 牵头的考评项中，可扣分的有 {len(ids)} 项：{'、'.join(ids) or '无'}"
        parts.append(Text(line))
    return to_text(parts, width)


def _lead_text(lead: Lead, lang: str) -> str:
    words = _WORDS[lang]
    details = []
    if lead.contact:
        details.append(f"{words['contact']} {lead.contact}")
    if lead.phone:
        details.append(f"{words['phone']} {lead.phone}")
    if not details:
        return lead.department
    inner = words["sep"].join(details)
    return f"{lead.department} ({inner})" if lang == "en" else f"{lead.department}（{inner}）"


def _task_table(task: Task, words: dict[str, str], lang: str) -> Table:
    weight = f"{words['weight']} " + "；".join(_weighting(w, lang) for w in task.weightings) + (
        words["assumed"] if any(w.assumed for w in task.weightings) else "")
    leads = "；".join(_lead_text(lead, lang) for lead in task.leads) or "—"
    scale = _scale_words(task, lang)
    if scale:
        weight += f"  ·  {scale}"
    title = Text(f"{task_label(task.id, task.name, lang)}  ·  {weight}\n{words['lead']}: {leads}", style="bold")
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
    table.add_column(words["item"], no_wrap=True)
    table.add_column(words["content"], ratio=1, overflow="fold")
    table.add_column(words["points"], justify="right", no_wrap=True)
    table.add_column(words["deducts"], no_wrap=True)
    for section in task.sections:
        table.add_row(Text(""), Text(section.title, style="bold"), Text(_points(section.points)), Text(""))
        for item in section.items:
            title_text = Text(item.title)
            if item.deduction_only:
                title_text.append(words["deduction_only"])
            table.add_row(Text(item.id), title_text, Text(_points(item.points)),
                          Text(words["yes"] if item.can_deduct else words["no"]))
            for rule in item.rules:
                if rule.can_deduct:
                    table.add_row(Text("  −"), Text(rule.text), Text(""), Text(""))
    return table


def _points(value: Decimal) -> str:
    return format(value.normalize(), "f")



def _scale_words(task: Task, lang: str) -> str:
    """满分 400 分 按原分计入 / 基础分 0 分, where the task declares them (docs/language.md §19)."""
    words = []
    if task.scale.declared:
        full = format_decimal(task.scale.points.normalize())
        enters = {"as_is": ("按原分计入", "counted as is"), "normalised": ("折算为百分制", "put on 100")}[
            task.scale.enters][lang == "en"]
        words.append(f"满分 {full} 分 {enters}" if lang == "zh" else f"out of {full}, {enters}")
    if task.base_zero:
        words.append("基础分 0 分" if lang == "zh" else "base score 0")
    return "；".join(words)


def _weighting(weighting: Weighting, lang: str) -> str:
    """``15%``, or ``「藏区县」 第1至12项 10% + 第13项 5%`` for a line by group and item range."""
    parts = " + ".join(f"{p.label} {format_weight(p.percent)}".strip() for p in weighting.parts)
    if weighting.group is None:
        return parts
    return f"「{weighting.group}」 {parts}"
