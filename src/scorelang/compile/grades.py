"""Grades (等次), compiled once: ``grade(total) -> Grade | None``, the band of the (rounded)
total and the grade it gives (None only for a total no band holds, which ``check`` refuses
within the totals the policy can give: SL145)."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ..model import nodes as m
from ..runtime.scorecard import Grade


def compile_grades(grades: m.Grades) -> Callable[[Decimal], Grade | None]:
    given = tuple((band, Grade(band.name, band.text, grades.clause)) for band in grades.bands)

    def grade(total: Decimal) -> Grade | None:
        for band, result in given:
            if band.contains(total):
                return result
        return None
    return grade
