"""Consistency checks on caps and floors (SL164), listed in ``checks.CHECKS``."""
from __future__ import annotations

from collections.abc import Iterable

from .. import messages as msg
from ..diagnostics import Diagnostic
from . import nodes as m
from .expressions import DerivedRef


def _unbounded_count(policy: m.Policy, body: object) -> str | None:
    """A count a per-occurrence bonus multiplies (the fact, or a fact of its expression), or a
    count or number a bonus ladder (比 … 每提高 … 加) measures, when nothing bounds it (至多)."""
    if isinstance(body, m.Ladder) and body.bonus:
        # the value measured: a fact, or a derived count or number (a percent is at most 100; of
        # another expression the model keeps no kind, and it is not warned)
        if isinstance(body.fact, str):
            measured: tuple[str, ...] = (body.fact,)
        elif isinstance(body.fact, DerivedRef) and body.fact.kind in ("count", "number"):
            measured = body.fact.facts
        else:
            return None
        kinds: tuple[str, ...] = ("count", "number")
    elif isinstance(body, m.PerOccurrence):
        measured, kinds = m.facts_read(body), ("count",)
    else:
        return None
    for name in measured:
        try:
            fact = policy.fact(name)
        except KeyError:
            continue
        if fact.type in kinds and fact.high is None:
            return name
    return None


def check_bonus_bounded(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL164: a bonus per occurrence (每…加…分) of a count with no 至多, capped at no level —
    not by the rule (最多加), nor its article, section or task (加分累计最多), nor the total
    (考评总分 最高) — can
    add without limit. (An item's bonus is beyond its points: the item does not cap it.)"""
    total = policy.total_bounds
    if total is not None and total.upper is not None:
        return
    # a section's or task's 加分累计最多 caps its items' bonuses
    places: list[tuple[str, m.Rule, bool]] = [
        (item.id, rule, task.bonus_cap is not None or section.bonus_cap is not None)
        for task in policy.tasks for section in task.sections for item in section.items for rule in item.rules]
    places += [(article.id, rule, article.bonus_cap is not None) for article in policy.articles
               for rule in article.rules]
    for clause, rule, capped_above in places:
        if capped_above or rule.cap is not None or rule.effect is not m.Effect.BONUS:
            continue
        fact = _unbounded_count(policy, rule.body)
        if fact is not None:
            yield msg.BONUS_UNBOUNDED.at(rule.span, fact=fact, clause=clause)
