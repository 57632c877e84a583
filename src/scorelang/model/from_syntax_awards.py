"""Quotas (名额 { … }) and the awards block's statements of docs/language.md §23, syntax tree →
model, with their checks (SL410–SL419): a percentage quota says how it rounds (SL410), every
quota and tier by count says what a tie on its boundary does (SL411), a quota names a grade
(SL412) that is not the lowest (SL413) and a declared group (SL414); tiers are by rank band or
by count, over the cohort or each group, not mixed (SL415); single-task awards name tasks the
policy has, once each (SL416), not beside 单项奖 前N名 (SL417); amounts give a place (SL418);
one 名额 block, one quota per grade and scope (SL419); no award is said below a total, with 低于
(SL440). The warnings that need the entities and the highest total are in checks_awards.py."""
from __future__ import annotations

from collections.abc import Callable, Collection
from decimal import Decimal

from .. import messages as msg
from ..diagnostics import Diagnostic
from ..numbers import chinese_ordinal
from ..span import Span
from ..syntax import nodes as syn
from .awards import CountTier, Quota, QuotaRules, Rounding, TieRule
from .grades import Grades

Error = Callable[[Diagnostic], None]
_BELOW = ("低于", "<", "＜")


Extras = tuple[tuple[CountTier, ...], bool, tuple[tuple[str, int], ...], Decimal | None, Span | None]


def award_extras(block: syn.Awards, task_ids: Collection[str], groups: Collection[str], error: Error) -> Extras:
    """The AwardRules fields of §23 (count_tiers, each_group, single_tasks, floor, floor_span),
    each problem reported."""
    if block.tiers and block.count_tiers:
        error(msg.TIERS_MIXED.at(block.count_tiers[0].span))
    scoped = [t.each_group for t in block.tiers] + [t.each_group for t in block.count_tiers]
    if len(set(scoped)) > 1:
        error(msg.TIERS_SCOPE_MIXED.at(block.span))
    each_group = any(scoped)
    if each_group and not groups:
        error(msg.QUOTA_NO_GROUPS.at(block.span))
    counts = []
    for t in block.count_tiers:
        if t.tie is None:
            error(msg.QUOTA_TIE_MISSING.at(t.span, name=t.name.text))
        if t.count < 1:
            error(msg.QUOTA_AMOUNT.at(t.span, amount=f"{t.count} 名"))
        counts.append(CountTier(t.name.text, t.count, TieRule(t.tie or TieRule.COMMITTEE), t.span))
    singles: list[tuple[str, int]] = []
    if block.singles and block.single_top is not None:
        error(msg.SINGLE_MIXED.at(block.singles[0].span))
    for single in block.singles:
        if single.top < 1:
            error(msg.QUOTA_AMOUNT.at(single.span, amount=f"前{single.top}名"))
        for number in single.tasks:
            task = str(number)
            if task not in task_ids:
                error(msg.SINGLE_UNKNOWN_TASK.at(single.span, task=_numeral(number)))
            elif any(task == done for done, _ in singles):
                error(msg.SINGLE_TASK_REPEATED.at(single.span, task=_numeral(number)))
            else:
                singles.append((task, single.top))
    floor, floor_span = None, None
    for f in block.floors:
        if f.compare not in _BELOW:
            error(msg.AWARD_FLOOR_COMPARE.at(f.span, compare=f.compare))
        elif floor is None:
            floor, floor_span = f.points, f.span
    return tuple(counts), each_group, tuple(singles), floor, floor_span


def resolve_quotas(blocks: tuple[syn.Quotas, ...], grades: Grades | None, groups: Collection[str],
                   error: Error) -> QuotaRules | None:
    if not blocks:
        return None
    for extra in blocks[1:]:
        error(msg.QUOTAS_REPEATED.at(extra.span))
    block = blocks[0]
    names = [band.name for band in grades.bands] if grades is not None else []
    lowest = _lowest(grades)
    quotas = []
    seen: set[tuple[str, str | None]] = set()
    for q in block.quotas:
        name = q.name.text
        scope = q.scope.text if isinstance(q.scope, syn.Name) else q.scope
        if name not in names:
            error(msg.QUOTA_UNKNOWN_GRADE.at(q.name.span, name=name))
        elif name == lowest:
            error(msg.QUOTA_LOWEST_GRADE.at(q.name.span, name=name))
        if isinstance(q.scope, syn.Name) and q.scope.text not in groups:
            error(msg.QUOTA_UNKNOWN_GROUP.at(q.scope.span, name=q.scope.text))
        elif q.scope is not None and not isinstance(q.scope, syn.Name) and not groups:
            error(msg.QUOTA_NO_GROUPS.at(q.span))
        if q.percent is not None and q.rounding is None:
            error(msg.QUOTA_ROUNDING_MISSING.at(q.span, name=name))
        if q.tie is None:
            error(msg.QUOTA_TIE_MISSING.at(q.span, name=name))
        if (q.count is not None and q.count < 1) or (q.percent is not None and not Decimal(0) < q.percent <= 100):
            error(msg.QUOTA_AMOUNT.at(q.span, amount=f"{q.count} 名" if q.count is not None else f"{q.percent}%"))
        if (name, scope) in seen:
            error(msg.QUOTA_REPEATED.at(q.span, name=name))
        seen.add((name, scope))
        quotas.append(Quota(name, q.count, q.percent, Rounding(q.rounding) if q.rounding else None,
                            TieRule(q.tie or TieRule.COMMITTEE), scope, q.span))
    return QuotaRules(tuple(quotas), block.cite.text if block.cite else None,
                      block.decider.text if block.decider else None, block.span)


def _lowest(grades: Grades | None) -> str | None:
    """The grade of the lowest band of totals (a band unbounded below, else the lowest edge)."""
    if grades is None or not grades.bands:
        return None

    def key(band_index: int) -> tuple[int, Decimal, int]:
        band = grades.bands[band_index]
        if band.low is None:
            return (0, Decimal(0), 0)
        return (1, band.low, 1 if band.low_open else 0)
    return grades.bands[min(range(len(grades.bands)), key=key)].name


def _numeral(number: int) -> str:
    return chinese_ordinal(number)
