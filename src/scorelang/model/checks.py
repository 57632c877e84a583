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
    """SL121: 第三条 — every task is scored on a 100-point scale: a task weighed whole is
    worth 100; a task weighed in parts puts each part on a 100-point scale, so each part must
    be worth something."""
    for task in policy.tasks:
        points = {item.id: item.points for item in task.items if not item.deduction_only}
        for weighting in task.weightings:
            for part in weighting.parts:
                worth = sum((points.get(i, Decimal(0)) for i in part.items), Decimal(0))
                whole = len(weighting.parts) == 1 and not part.label
                if whole and worth != 100:
                    yield Diagnostic(
                        "SL121", f"目标任务{chinese_ordinal(task.number)}各部分合计 {worth}分，不是百分制（第三条）",
                        f"task {task.id}'s sections add up to {worth}, not 100 (第三条: tasks are on a 100-point scale)",
                        task.span)
                elif worth <= 0:
                    yield Diagnostic(
                        "SL121", f"目标任务{chinese_ordinal(task.number)}的{part.label}没有分值，无法折算为百分制",
                        f"task {task.id}: {part.label} is worth nothing and cannot be put on a 100-point scale",
                        part.span)


def check_parts(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL122: an item's parts (分项, 共N次 每次M分) add up to the item's points. Parts worth
    more than the item are a contradiction in the source (1.7: 12 themes × 2 = 24 > 22): a
    warning, and the item is capped at its points; parts worth less are an error."""
    for task in policy.tasks:
        for item in task.items:
            if item.deduction_only:
                continue
            total = sum((p.points * p.occasions for p in item.parts), Decimal(0))
            if total < item.points:
                yield Diagnostic(
                    "SL122", f"项目 {item.id} 写作 {item.points}分，但其分项合计只有 {total}分",
                    f"item {item.id} says {item.points} points but its parts add up to only {total}", item.span)
            elif total > item.points:
                yield Diagnostic(
                    "SL122", f"项目 {item.id} 的分项合计 {total}分，超过本项 {item.points}分：按 {item.points}分封顶",
                    f"item {item.id}'s parts add up to {total}, more than its {item.points} points: capped at {item.points}",
                    item.span, Severity.WARNING,
                    hint="原文若自相矛盾，请在引文旁写明解读", hint_en="if the source contradicts itself, state the reading beside the quote")


def check_item_numbers(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL123: item numbers are unique within a task (never renumbered; gaps are allowed)."""
    for task in policy.tasks:
        seen: dict[str, m.Item] = {}
        for item in task.items:
            if item.id in seen:
                yield Diagnostic("SL123", f"项号 {item.id} 重复", f"item number {item.id} is used twice", item.span)
            seen[item.id] = item


def check_weights(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL124: for every entity, the weights of the tasks it is scored on add up to 100%."""
    by_total: dict[Decimal, list[str]] = {}
    for entity in policy.entities:
        total = Decimal(0)
        for task in policy.tasks:
            weighting = task.weighting_for(entity)
            if weighting is not None:
                total += weighting.percent
        if total != 100:
            by_total.setdefault(total, []).append(entity)
    for total, entities in by_total.items():
        names = "、".join(entities[:5]) + ("等" if len(entities) > 5 else "")
        yield Diagnostic(
            "SL124", f"{names}的计入总分权重合计 {total.normalize():f}%，不是 100%",
            f"the weights of {', '.join(entities[:5])} add up to {total.normalize():f}%, not 100%",
            _first_weight_span(policy),
            hint="检查「计入总分权重」：每个对象各任务的权重之和应为 100%",
            hint_en="check 计入总分权重: each entity's task weights must add up to 100%")


def _first_weight_span(policy: m.Policy):
    for task in policy.tasks:
        for weighting in task.weightings:
            return weighting.span
    return policy.tasks[0].span if policy.tasks else policy.span


def check_unscored_items(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL130: an item that no weighting counts for any entity is never scored."""
    for task in policy.tasks:
        counted = {i for w in task.weightings for p in w.parts for i in p.items}
        for item in task.items:
            if task.weightings and item.id not in counted:
                yield Diagnostic("SL130", f"项目 {item.id} 不在任何一行权重中，对所有对象都不计分",
                                 f"item {item.id} is in no weighted part: no entity is scored on it", item.span,
                                 Severity.WARNING)


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
    check_unscored_items,
    check_item_rules,
)
