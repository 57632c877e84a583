"""Grades of a task's score (等次 目标任务二得分 依据 "…" { … }, docs/language.md §22.6), syntax
tree → model: the task exists (SL406), one block per task (SL407); each block's bands as the
total's (model/from_syntax_grades.py). Gaps and overlaps over the task's possible scores are
checked on the model (model/checks_outcomes.py, SL408/SL409)."""
from __future__ import annotations

from collections.abc import Callable

from .. import messages as msg
from ..diagnostics import Diagnostic
from ..numbers import chinese_ordinal
from ..syntax import nodes as syn
from . import nodes as m
from .from_syntax_grades import resolve_block


def resolve_task_grades(blocks: tuple[syn.Grades, ...], tasks: tuple[m.Task, ...],
                        error: Callable[[Diagnostic], None]) -> tuple[m.Grades, ...]:
    ids = {task.number: task.id for task in tasks}
    found: list[m.Grades] = []
    seen: set[int] = set()
    for block in blocks:
        number = block.task
        if number is None:
            continue
        subject = f"目标任务{chinese_ordinal(number)}得分"
        if number not in ids:
            error(msg.TASK_GRADES_NO_TASK.at(block.span, subject=subject))
            continue
        if number in seen:
            error(msg.TASK_GRADES_REPEATED.at(block.span, subject=subject))
            continue
        seen.add(number)
        found.append(resolve_block(block, error, task=ids[number], subject=subject))
    return tuple(found)
