"""Checks of scales, base-zero scoring, caps of sections and tasks, and of the choices a
policy's text leaves open (SL165, SL135–SL139), listed in ``checks.CHECKS`` as SCALE_CHECKS."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

from .. import messages as msg
from ..diagnostics import Diagnostic
from ..messages.base import Words
from ..numbers import chinese_ordinal
from . import nodes as m
from .expressions import CompareValues, Const, FactValue


def check_scopes_in_parts(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL165: a task weighed in parts (ranges of items, each on its own 100-point scale) adds up
    items, not sections: a section 折算为百分制, a section's or the task's cap cannot apply."""
    for task in policy.tasks:
        if not any(p.label for w in task.weightings for p in w.parts):
            continue
        ordinal = chinese_ordinal(task.number)
        for cap in (task.bonus_cap, task.deduct_cap):
            if cap is not None:
                yield msg.SCOPE_IN_PARTS.at(cap.span, ordinal=ordinal, what=Words("本任务的上限", "a cap of the task"))
        for section in task.sections:
            for cap in (section.bonus_cap, section.deduct_cap):
                if cap is not None:
                    yield msg.SCOPE_IN_PARTS.at(cap.span, ordinal=ordinal,
                                                what=Words("本部分的上限", "a cap of a section"))
            if section.normalised:
                yield msg.SCOPE_IN_PARTS.at(section.span, ordinal=ordinal,
                                            what=Words("折算为百分制的部分", "a section 折算为百分制"))


def check_base_zero_items(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL135: under 基础分 0 分 an item starts at 0; one that cannot earn (no 得 rule) always
    scores 0 — most likely it was meant to earn, or to be a 扣分项."""
    for task in policy.tasks:
        if not task.base_zero:
            continue
        for item in task.items:
            if not item.deduction_only and not any(rule.earns for rule in item.rules):
                yield msg.BASE_ZERO_NOTHING_EARNED.at(item.span, item=item.id)


def check_zero_bonus_choice(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL136: 不得分 in a part that also grants bonuses (加) must say whether they go too."""
    for task in policy.tasks:
        for item in task.items:
            for part in item.parts:
                if not any(rule.bonus for rule in part.rules):
                    continue
                for rule in part.rules:
                    if isinstance(rule.body, m.Zero) and rule.body.bonuses is None:
                        yield msg.ZERO_BONUS_CHOICE.at(rule.span, item=item.id)


_DIRECTION = {"lt": "below", "le": "below", "gt": "above", "ge": "above"}


def _threshold(condition: m.Condition | None) -> tuple[str, str, Decimal] | None:
    """(fact, direction, threshold) of a condition that is one comparison of a fact with a
    number (「率」 < 90%, 「件数」 ≥ 3), else None."""
    if isinstance(condition, m.Compare) and isinstance(condition.value, Decimal) and condition.op in _DIRECTION:
        return condition.fact, _DIRECTION[condition.op], condition.value
    if (isinstance(condition, CompareValues) and isinstance(condition.left, FactValue)
            and isinstance(condition.right, Const) and condition.op in _DIRECTION):
        return condition.left.fact, _DIRECTION[condition.op], condition.right.value
    return None


def _rule_groups(policy: m.Policy) -> Iterator[tuple[str, tuple[m.Rule, ...]]]:
    for task in policy.tasks:
        for item in task.items:
            for part in item.parts:
                yield item.id, part.rules
    for article in policy.articles:
        yield article.id, article.rules


def check_stacked_thresholds(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL137: two bands on one fact in one direction (低于90%扣2分，低于80%扣5分) overlap: below
    80% both hold. Whether the lower band adds to the higher (各档累计) or replaces it is the
    author's to say; bands written not to overlap say "replace" by themselves."""
    for clause, rules in _rule_groups(policy):
        bands: dict[tuple[str, str, m.Effect], list[tuple[Decimal, m.Rule]]] = {}
        for rule in rules:
            if not isinstance(rule.body, m.Fixed) or rule.condition is not None:
                continue
            found = _threshold(rule.body.condition)
            if found is not None:
                fact, direction, value = found
                bands.setdefault((fact, direction, rule.effect), []).append((value, rule))
        for (fact, _, _), written in bands.items():
            if len({value for value, _ in written}) < 2 or all(rule.stacked for _, rule in written):
                continue
            first_unmarked = next(rule for _, rule in written if not rule.stacked)
            yield msg.STACKED_CHOICE.at(first_unmarked.span, clause=clause, fact=fact)


def check_shared_facts(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL139 (信息): a fact that several clauses read is listed, so that a double count is visible."""
    clauses: dict[str, list[str]] = {}
    for clause, rules in _rule_groups(policy):
        for rule in rules:
            for fact in rule.facts:
                seen = clauses.setdefault(fact, [])
                if clause not in seen:
                    seen.append(clause)
    for fact, where in clauses.items():
        if len(where) > 1:
            try:
                span = policy.fact(fact).span
            except KeyError:  # a per-occasion fact is declared under its expanded names
                continue
            yield msg.FACT_SHARED.at(span, fact=fact, clauses=Words("、".join(where), ", ".join(where)))


SCALE_CHECKS: tuple[Callable[[m.Policy], Iterable[Diagnostic]], ...] = (
    check_scopes_in_parts,
    check_base_zero_items,
    check_zero_bonus_choice,
    check_stacked_thresholds,
    check_shared_facts,
)
