"""Consistency checks on a resolved policy: one function per SL code, listed in CHECKS."""
from __future__ import annotations

from decimal import Decimal
from typing import Callable, Iterable

from ..diagnostics import Diagnostic, Severity
from ..numbers import chinese_ordinal
from . import nodes as m

Check = Callable[[m.Policy], Iterable[Diagnostic]]


def check_section_points(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL120: a section is worth the sum of its (ordinary) items."""
    for task in policy.tasks:
        for section in task.sections:
            total = sum((i.points for i in section.items if not i.deduction_only), Decimal(0))
            if total != section.points:
                yield Diagnostic(
                    "SL120", f"部分「{section.title}」写作 {section.points}分，但其各项合计 {total}分",
                    f"section 「{section.title}」 says {section.points} points but its items add up to {total}",
                    section.span)


def check_task_scale(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL121: 第三条 — every task is scored on a 100-point scale."""
    for task in policy.tasks:
        if task.max != 100:
            yield Diagnostic(
                "SL121", f"目标任务{chinese_ordinal(task.number)}各部分合计 {task.max}分，不是百分制（第三条）",
                f"task {task.id}'s sections add up to {task.max}, not 100 (第三条: tasks are on a 100-point scale)",
                task.span)


def check_parts(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL122: an item's parts (分项, 共N次 每次M分) add up to the item's points."""
    for task in policy.tasks:
        for item in task.items:
            if item.deduction_only:
                continue
            total = sum((p.points * p.occasions for p in item.parts), Decimal(0))
            if total != item.points:
                yield Diagnostic(
                    "SL122", f"项目 {item.id} 写作 {item.points}分，但其分项合计 {total}分",
                    f"item {item.id} says {item.points} points but its parts add up to {total}", item.span)


def check_item_numbers(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL123: item numbers are unique within a task (never renumbered; gaps are allowed)."""
    for task in policy.tasks:
        seen: dict[str, m.Item] = {}
        for item in task.items:
            if item.id in seen:
                yield Diagnostic("SL123", f"项号 {item.id} 重复", f"item number {item.id} is used twice", item.span)
            seen[item.id] = item


def check_weights(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL124: the weights of the tasks add up to 100% (a warning while tasks are missing)."""
    total = sum((t.weight for t in policy.tasks), Decimal(0))
    if policy.tasks and total != 100:
        yield Diagnostic(
            "SL124", f"各目标任务的计入总分权重合计 {total.normalize():f}%，不是 100%",
            f"the task weights add up to {total.normalize():f}%, not 100%",
            policy.tasks[0].span, Severity.WARNING,
            hint="总分是已编码任务的加权分之和", hint_en="the total is the sum of the encoded tasks' weighted scores")


def check_item_rules(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL125: every item has at least one rule (an item nobody can lose points on is a mistake)."""
    for task in policy.tasks:
        for item in task.items:
            if not item.rules:
                yield Diagnostic("SL125", f"项目 {item.id} 没有任何规则", f"item {item.id} has no rules", item.span,
                                 Severity.WARNING)


CHECKS: tuple[Check, ...] = (
    check_section_points,
    check_task_scale,
    check_parts,
    check_item_numbers,
    check_weights,
    check_item_rules,
)
