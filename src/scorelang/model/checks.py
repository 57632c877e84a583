"""Consistency checks on a resolved policy: one function per SL code, listed in CHECKS."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from .. import messages as msg
from ..diagnostics import Diagnostic
from ..messages import Words
from ..numbers import chinese_ordinal
from ..span import Span
from . import nodes as m
from .checks_awards import AWARD_CHECKS
from .checks_bounds import check_bonus_bounded
from .checks_grades import check_grades
from .checks_outcomes import check_outcomes, check_value_grades
from .checks_scales import SCALE_CHECKS

Check = Callable[[m.Policy], Iterable[Diagnostic]]


def check_section_points(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL120: a section is worth the sum of its (ordinary) items."""
    for task in policy.tasks:
        for section in task.sections:
            total = sum((i.points for i in section.items if not i.deduction_only), Decimal(0))
            if total != section.points:
                yield msg.SECTION_POINTS.at(section.span, title=section.title, points=section.points, total=total)


def check_task_scale(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL121: a task weighed whole is worth its full score — 100 (第三条: every task on a
    100-point scale) unless it declares 满分 N 分; a section 折算为百分制 counts 100. A task
    weighed in parts puts each part on a 100-point scale, so each part must be worth something."""
    for task in policy.tasks:
        points = {item.id: item.points for item in task.items if not item.deduction_only}
        for weighting in task.weightings:
            for part in weighting.parts:
                worth = sum((points.get(i, Decimal(0)) for i in part.items), Decimal(0))
                whole = len(weighting.parts) == 1 and not part.label
                if whole:
                    # the sections as they count in the task (a section 折算为百分制 counts 100)
                    worth = sum((Decimal(100) if s.normalised else
                                 sum((i.points for i in s.items if not i.deduction_only), Decimal(0))
                                 for s in task.sections), Decimal(0))
                if whole and worth != task.scale.points:
                    ordinal = chinese_ordinal(task.number)
                    if task.scale.declared:
                        yield msg.TASK_NOT_SCALE.at(task.scale.span or task.span, ordinal=ordinal, task=task.id,
                                                    worth=worth, scale=task.scale.points)
                    else:
                        yield msg.TASK_NOT_100.at(task.span, ordinal=ordinal, task=task.id, worth=worth)
                elif worth <= 0:
                    yield msg.PART_WORTHLESS.at(part.span, ordinal=chinese_ordinal(task.number), task=task.id,
                                                label=part.label)


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
                yield msg.PARTS_SHORT.at(item.span, item=item.id, points=item.points, total=total)
            elif total > item.points:
                yield msg.PARTS_EXCEED.at(item.span, item=item.id, points=item.points, total=total)


def check_item_numbers(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL123: item numbers are unique within a task (never renumbered; gaps are allowed)."""
    for task in policy.tasks:
        seen: dict[str, m.Item] = {}
        for item in task.items:
            if item.id in seen:
                yield msg.ITEM_NUMBER_DUPLICATE.at(item.span, item=item.id)
            seen[item.id] = item


def check_weights(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL124: for every entity, the weights of the tasks it is scored on add up to 100%.
    (Without any task that is SL132's problem, not a 0% sum.)"""
    if not policy.tasks or not all(task.scale.stated for task in policy.tasks):
        return  # without tasks: SL132; a task that does not say how it enters: SL133
    if policy.data_defined:
        yield from _check_weights_by_groups(policy)
        return
    by_total: dict[Decimal, list[str]] = {}
    for entity in policy.entities:
        total = Decimal(0)
        for task in policy.tasks:
            weighting = task.weighting_for(entity)
            if weighting is not None:
                total += counted_in_total(task, weighting)
        if total != policy.scale.points:
            by_total.setdefault(total, []).append(entity)
    for total, entities in by_total.items():
        names = Words("、".join(entities[:5]) + ("等" if len(entities) > 5 else ""), ", ".join(entities[:5]))
        yield _not_on_scale(policy, names, total)


def counted_in_total(task: m.Task, weighting: m.Weighting) -> Decimal:
    """The most a task counts in the total for the entities of ``weighting``: each part's
    weight × 100 (a part of a range, or a task 折算为百分制), or × the task's full score (a task
    按原分计入). Without any declared scale, the weights themselves."""
    scale = task.scale
    worth = scale.points if scale.enters == "as_is" else Decimal(100)
    return sum((p.percent * (Decimal(100) if p.label else worth) / 100 for p in weighting.parts), Decimal(0))


def _scaled(policy: m.Policy) -> bool:
    return policy.scale.declared or policy.summed or any(t.scale.enters == "as_is" for t in policy.tasks)


def _not_on_scale(policy: m.Policy, names: Words, total: Decimal) -> Diagnostic:
    """SL124 in its words: the weights' 100% where nothing declares a scale, else the scale."""
    if not _scaled(policy):
        return msg.WEIGHTS_NOT_100.at(_first_weight_span(policy), entities=names, total=f"{total.normalize():f}")
    scale = policy.scale
    clause = (Words(f"办法（{scale.clause}）声明", f"declared by the policy, {scale.clause}") if scale.clause
              else Words("办法声明" if scale.declared else "百分制", "declared" if scale.declared else "100-point"))
    span = scale.span or _first_weight_span(policy)
    return msg.TOTAL_NOT_SCALE.at(span, entities=names, total=f"{total.normalize():f}", scale=scale.points,
                                  clause=clause)


_MAX_GROUPS_COMBINED = 6  # beyond it, each group alone and none (2^n combinations otherwise)


def _check_weights_by_groups(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL124 where membership is read from the facts file: for every combination of groups an
    entity may belong to (none, each alone, and all combinations of a few), the lines that
    would apply add up to 100%. Combinations that put an entity under two lines of one task,
    or under none, are left to the facts (SL242)."""
    names = [g.name for g in policy.groups]
    if len(names) <= _MAX_GROUPS_COMBINED:
        profiles = [frozenset(n for i, n in enumerate(names) if mask >> i & 1) for mask in range(2 ** len(names))]
    else:
        profiles = [frozenset()] + [frozenset({n}) for n in names]
    bad: dict[Decimal, list[str]] = {}
    for profile in profiles:
        total, clear = Decimal(0), True
        for task in policy.tasks:
            lines = [w for w in task.weightings if w.group in profile]
            if len(lines) > 1:
                clear = False
                break
            line = lines[0] if lines else next((w for w in task.weightings if w.group is None), None)
            if line is None and task.weightings:
                clear = False  # groups by a fact may cover every entity (城区所、农区所、牧区所): SL242 if not
                break
            if line is not None:
                total += counted_in_total(task, line)
        if clear and total != policy.scale.points:
            label = "、".join(f"「{n}」" for n in sorted(profile)) or "不属于任何分组"
            bad.setdefault(total, []).append(label)
    for total, labels in bad.items():
        names_shown = Words("、".join(labels[:5]), ", ".join(labels[:5]).replace("不属于任何分组", "in no group"))
        yield _not_on_scale(policy, names_shown, total)


def _first_weight_span(policy: m.Policy) -> Span:
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
                yield msg.ITEM_NEVER_SCORED.at(item.span, item=item.id)


def check_item_rules(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL125: every item has at least one rule (an item nobody can lose points on is a mistake)."""
    for task in policy.tasks:
        for item in task.items:
            if not item.rules:
                yield msg.ITEM_WITHOUT_RULES.at(item.span, item=item.id)


def _all_rules(policy: m.Policy) -> Iterable[m.Rule]:
    for task in policy.tasks:
        for item in task.items:
            for part in item.parts:
                yield from part.rules
    for article in policy.articles:
        yield from article.rules


def check_floor_on_gain(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL131: 扣完为止 (floored at zero) on a rule that never deducts — 加0.05分 扣完为止 — says
    nothing, and most likely the rule was meant to deduct."""
    for rule in _all_rules(policy):
        if rule.floor and not rule.can_deduct:
            yield msg.FLOOR_ON_GAIN.at(rule.span)


def check_has_tasks(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL132: a policy scores its entities on tasks; articles alone only adjust a total of 0."""
    if not policy.tasks:
        yield msg.NO_TASKS.at(policy.span)


CHECKS: tuple[Check, ...] = (
    check_has_tasks,
    check_section_points,
    check_task_scale,
    check_parts,
    check_item_numbers,
    check_weights,
    check_unscored_items,
    check_item_rules,
    check_floor_on_gain,
    check_bonus_bounded,
    check_grades,
    check_outcomes,
    check_value_grades,
) + SCALE_CHECKS + AWARD_CHECKS
