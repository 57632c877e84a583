"""Outcome effects (一票否决 and its kin): what a rule written after a condition does to an
entity's grade (等次), award (奖项) or rank, and the one order in which several compose.

One rule class carries them all (``nodes.AwardEffect``: its ``change`` is a ``Change`` and its
argument a grade or a number of levels); this module is where each change's meaning lives,
read by the resolver's checks (model/checks_outcomes.py), the grade step of the evaluator
(compile/outcomes.py), the cohort stage (award and rank changes) and the reports:

    ========== ============================== ============================================
    change      written                        does
    ========== ============================== ============================================
    demote      降低一个等次评奖                the award one tier down (cohort)
    last        直接排名最后一位                ranked after every other entity (cohort)
    ineligible  取消评优资格                    no 综合奖 and no 单项奖 (cohort)
    grade_force 直接评定为 "不合格"             the grade becomes it (never raised by it)
    grade_cap   等次不得高于 "良好"             the grade at most it
    grade_excl  不得评为 "优秀"                 that grade is skipped: the next lower one
    grade_lower 降低一个等次 / 降低 2 个等次     the grade N levels lower
    ========== ============================== ============================================

The grade effects compose in one order (``compose``; docs/language.md §22): the band of the
total → forced grades (the lowest wins) → caps (the strictest) → exclusions (down past every
excluded grade) → lowered by N (they add up; a grade lowered onto an excluded one goes on down
past it) → never below the lowest grade. Each step only ever moves a grade down, so no effect
raises a grade, the final grade is never an excluded one, and the writing order never matters.
"""
from __future__ import annotations

import enum
from collections.abc import Sequence
from decimal import Decimal

import attrs

from .grades import GradeBand, Grades


class Change(enum.StrEnum):
    """What an outcome effect changes; the value is also its event's kind (runtime EventKind)."""

    DEMOTE = "demote"            # 降低一个等次评奖
    LAST = "last"                # 直接排名最后一位
    INELIGIBLE = "ineligible"    # 取消评优资格
    GRADE_FORCE = "grade_force"  # 直接评定为 "不合格"
    GRADE_CAP = "grade_cap"      # 等次不得高于 "良好"
    GRADE_EXCLUDE = "grade_exclude"  # 不得评为 "优秀"
    GRADE_LOWER = "grade_lower"  # 降低一个等次 / 降低 N 个等次

    @property
    def on_grade(self) -> bool:
        """It changes the grade (and needs the policy's 等次)."""
        return self in GRADE_CHANGES

    @property
    def stage(self) -> int:
        """Its place in the order of composition (grade effects only; 0 for the others)."""
        return _STAGE.get(self, 0)


#: the grade effects, in their order of composition
GRADE_CHANGES = (Change.GRADE_FORCE, Change.GRADE_CAP, Change.GRADE_EXCLUDE, Change.GRADE_LOWER)
_STAGE = {change: index + 1 for index, change in enumerate(GRADE_CHANGES)}

#: the words a rule of each change is written with (before its argument, where it takes one)
WORDS = {
    Change.DEMOTE: "降低一个等次评奖",
    Change.LAST: "直接排名最后一位",
    Change.INELIGIBLE: "取消评优资格",
    Change.GRADE_FORCE: "直接评定为",
    Change.GRADE_CAP: "等次不得高于",
    Change.GRADE_EXCLUDE: "不得评为",
    Change.GRADE_LOWER: "降低",
}


def written(change: str, grade: str | None = None, levels: int | None = None) -> str:
    """The effect as a policy writes it: 直接评定为 "不合格", 降低一个等次, 降低 2 个等次."""
    change = Change(change)
    if change is Change.GRADE_LOWER:
        return "降低一个等次" if levels == 1 else f"降低 {levels} 个等次"
    if change.on_grade:
        return f'{WORDS[change]} "{grade}"'
    return WORDS[change]


@attrs.frozen
class Applied:
    """One grade effect as it applied to one entity: ``before`` → ``after`` (equal when the
    grade was already where the effect would put it)."""

    index: int  # the effect's position in the sequence given to ``compose``
    before: str
    after: str


def compose(order: Sequence[str], band: str,
            effects: Sequence[tuple[str, str | None, int | None]]) -> tuple[str, tuple[Applied, ...]]:
    """The grade after every effect whose condition held, and each effect's step.

    ``order``: the declared grades, highest first; ``band``: the grade of the total's band;
    ``effects``: (change, grade, levels) of each grade effect that applies, in any order (the
    result does not depend on it). Every grade an effect names is declared (check: SL400)
    and no exclusion names the lowest grade (SL402), so a grade is always found."""
    level = {name: index for index, name in enumerate(order)}
    lowest = len(order) - 1
    current = level[band]
    applied: list[Applied] = []
    # sorted by stage; stable, so within a stage in the order given
    staged = sorted(range(len(effects)), key=lambda i: Change(effects[i][0]).stage)

    def step(index: int, to: int) -> None:
        nonlocal current
        to = max(current, min(to, lowest))  # only ever down, never past the lowest grade
        applied.append(Applied(index, order[current], order[to]))
        current = to

    excluded = {level[grade] for change, grade, _ in effects if change == Change.GRADE_EXCLUDE and grade in level}

    def past_excluded(to: int) -> int:
        while to in excluded and to < lowest:
            to += 1
        return to

    lowered_from: int | None = None  # the grade the lowering stage starts from
    lowered = 0  # the levels lowered so far: they add up, so the writing order never matters
    for index in staged:
        change, grade, levels = effects[index]
        if change in (Change.GRADE_FORCE, Change.GRADE_CAP):
            step(index, level[grade or ""])
        elif change == Change.GRADE_EXCLUDE:
            step(index, past_excluded(current))
        elif change == Change.GRADE_LOWER:
            # N levels down from where the lowering stage began, all lowerings added up; an
            # excluded grade is never the result: on down past it (the skip is not a level)
            if lowered_from is None:
                lowered_from = current
            lowered += levels or 0
            step(index, past_excluded(lowered_from + lowered))
    return order[current], tuple(applied)


def grade_order(grades: Grades) -> tuple[str, ...]:
    """The declared grades from the highest to the lowest, by the totals their bands hold (a
    band with no lower edge is the lowest; checked bands neither overlap nor leave a gap)."""
    def key(band: GradeBand) -> tuple[int, Decimal, int]:
        if band.low is None:
            return (0, Decimal(0), 0)
        return (1, band.low, 1 if band.low_open else 0)
    names: list[str] = []
    for band in sorted(grades.bands, key=key, reverse=True):
        if band.name not in names:
            names.append(band.name)
    return tuple(names)
