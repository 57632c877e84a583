"""Checks of outcome effects (一票否决, docs/language.md §22), listed in ``checks.CHECKS``: a
grade effect names a declared grade (SL400) of a policy that declares grades (SL401), never
excludes the lowest (SL402); force or cap at the highest grade and lowering past every grade
are warnings (SL403, SL404); 取消评优资格 needs awards to withdraw (SL405). The grades of a task's
score cover its possible scores, 0 to its full score, exactly once (SL408 gaps, SL409 overlaps)."""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from .. import messages as msg
from ..diagnostics import Diagnostic
from . import nodes as m
from .grades import GradeBand, gaps, interval_text, overlaps
from .outcomes import Change, grade_order, written


def check_outcomes(policy: m.Policy) -> Iterable[Diagnostic]:
    order = grade_order(policy.grades) if policy.grades is not None else ()
    awards = policy.awards
    for article in policy.articles:
        for rule in article.rules:
            body = rule.body
            if not isinstance(body, m.AwardEffect):
                continue
            change = Change(body.change)
            text = written(change, body.grade, body.levels)
            if change is Change.INELIGIBLE and (awards is None or not (
                    awards.tiers or awards.count_tiers or awards.single_top or awards.single_tasks)):
                yield msg.INELIGIBLE_WITHOUT_AWARDS.at(body.span)
            if not change.on_grade:
                continue
            if not order:
                yield msg.OUTCOME_WITHOUT_GRADES.at(body.span, written=text)
            elif change is Change.GRADE_LOWER:
                if len(order) > 1 and (body.levels or 0) >= len(order) - 1:
                    yield msg.OUTCOME_LOWER_PAST_ALL.at(body.span, written=text, count=len(order), lowest=order[-1])
            elif body.grade not in order:
                yield msg.OUTCOME_GRADE_UNDECLARED.at(body.span, written=text, grade=body.grade,
                                                     declared="、".join(order))
            elif change is Change.GRADE_EXCLUDE and body.grade == order[-1]:
                yield msg.OUTCOME_EXCLUDES_LOWEST.at(body.span, grade=body.grade)
            elif change in (Change.GRADE_FORCE, Change.GRADE_CAP) and body.grade == order[0]:
                yield msg.OUTCOME_NO_CHANGE.at(body.span, written=text, grade=body.grade)


def check_value_grades(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL408: a task score no band holds; SL409: one two bands hold — over the scores the task
    can give: 0 to 100 (its 满分 when it counts 按原分计入); a value's over its known interval."""
    tasks = {task.id: task for task in policy.tasks}
    for grades in policy.value_grades:
        if grades.task is not None:
            task = tasks[grades.task]
            low: Decimal | None = Decimal(0)
            high: Decimal | None = task.scale.points if task.scale.enters == "as_is" else Decimal(100)
        else:  # a value's: the interval the resolver knows (a percent fact 0–100, a count from 0 …)
            low, high = grades.within
        for interval in _gaps(grades.bands, low, high):
            yield msg.TASK_GRADE_GAP.at(grades.span, subject=grades.subject, interval=interval)
        for first, second, interval in overlaps(tuple(b for b in grades.bands if not b.empty())):
            yield msg.TASK_GRADE_OVERLAP.at(second.span, subject=grades.subject, first=first.name,
                                            second=second.name, interval=interval)


def _gaps(bands: tuple[GradeBand, ...], low: Decimal | None, high: Decimal | None) -> list[str]:
    """``grades.gaps`` where the values may be unbounded below too: below the lowest edge any band
    writes, a band unbounded below holds them all, or they are a gap of their own."""
    if low is not None:
        return gaps(bands, low, high)
    edges = [e for b in bands for e in (b.low, b.high) if e is not None]
    if not edges:
        return []
    start = min(edges)
    found = [] if any(b.low is None and not b.empty() for b in bands) else [interval_text(None, False, start, True)]
    return found + gaps(bands, start, high)
