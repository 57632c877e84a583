"""Checks of grades (等次): the bands hold every total the policy can give exactly once
(SL145 gaps, SL146 overlaps), listed in ``checks.CHECKS``."""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from .. import messages as msg
from ..diagnostics import Diagnostic
from . import nodes as m
from .grades import gaps, overlaps


def total_range(policy: m.Policy) -> tuple[Decimal, Decimal | None]:
    """The totals the policy can give: from its declared lowest (考评总分 最低 N 分), else 0
    (the total is floored at 0), to its declared highest (最高 N 分), else unbounded above."""
    bounds = policy.total_bounds
    low = bounds.lower if bounds is not None and bounds.lower is not None else Decimal(0)
    high = bounds.upper if bounds is not None else None
    return low, high


def check_grades(policy: m.Policy) -> Iterable[Diagnostic]:
    """SL145: a total in range that no band holds; SL146: a total two bands hold."""
    grades = policy.grades
    if grades is None or not grades.bands:
        return
    low, high = total_range(policy)
    for interval in gaps(grades.bands, low, high):
        yield msg.GRADE_GAP.at(grades.span, interval=interval)
    for first, second, interval in overlaps(tuple(b for b in grades.bands if not b.empty())):
        yield msg.GRADE_OVERLAP.at(second.span, first=first.name, second=second.name, interval=interval)
