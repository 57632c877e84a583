"""Grades of a task's score (等次 目标任务二得分 依据 "…" { … }) or of a value (等次 「结案率」
{ "优秀" 95% 以上 … }; docs/language.md §22.1), syntax tree → model: the task exists (SL406), the
value is a count, number or percent fact or derived value (SL406, or the resolver's own
diagnostics for an unknown name), each band in the value's unit (SL406), one block per subject
(SL407); each block's bands as the total's (model/from_syntax_grades.py). Gaps and overlaps over
the possible values are checked on the model (model/checks_outcomes.py, SL408/SL409)."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from .. import messages as msg
from ..diagnostics import Diagnostic
from ..numbers import chinese_ordinal
from ..syntax import nodes as syn
from . import nodes as m
from .expressions import Expr
from .from_syntax_grades import resolve_block

if TYPE_CHECKING:
    from .from_syntax_exprs import ValueType

#: the clause a value's grades read it under (FactDecl.items, messages)
GRADED = "等次"

#: what a value is: its model, kind, unit and interval (from_syntax_exprs.ValueType), or None
ValueOf = Callable[[syn.Name], "tuple[Expr, str, str | None, Decimal | None, Decimal | None] | None"]


def resolve_value_grades(blocks: tuple[syn.Grades, ...], tasks: tuple[m.Task, ...],
                        error: Callable[[Diagnostic], None], value_of: ValueOf | None = None
                        ) -> tuple[m.Grades, ...]:
    ids = {task.number: task.id for task in tasks}
    found: list[m.Grades] = []
    seen: set[str] = set()
    for block in blocks:
        if block.task is not None:
            subject = f"目标任务{chinese_ordinal(block.task)}得分"
            if block.task not in ids:
                error(msg.TASK_GRADES_NO_TASK.at(block.span, subject=subject))
                continue
            graded = resolve_block(block, error, task=ids[block.task], subject=subject)
        elif block.value is not None and value_of is not None:
            subject = f"「{block.value.text}」"
            typed = value_of(block.value)
            if typed is None:
                continue
            expr, kind, unit, low, high = typed
            if kind not in ("count", "number", "percent"):
                error(msg.GRADE_VALUE_KIND.at(block.value.span, subject=subject))
                continue
            written = {b.unit for b in block.bands}
            # a percent's edges in %; a count's or number's in its declared unit (any word without one)
            expected = "%" if kind == "percent" else unit or (written.pop() if len(written) == 1 else "")
            graded = resolve_block(block, error, subject=subject, unit=expected, value=expr, within=(low, high))
        else:
            continue
        if subject in seen:
            error(msg.TASK_GRADES_REPEATED.at(block.span, subject=subject))
            continue
        seen.add(subject)
        found.append(graded)
    return tuple(found)


class GradesResolver:
    """The resolver's part of a value's grades (mixed into ``from_syntax.Resolver``)."""

    if TYPE_CHECKING:
        def _value(self, clause: str, e: object, occasions: int, guarded: bool
                   ) -> tuple[Expr, ValueType] | None: ...

    def _graded_value(self, name: syn.Name) -> tuple[Expr, str, str | None, Decimal | None, Decimal | None] | None:
        """等次 「结案率」 { … } (§22.1): the value graded, its kind, unit and interval (None: reported)."""
        resolved = self._value(GRADED, name, 1, False)
        if resolved is None:
            return None
        expr, vt = resolved
        return expr, vt.kind, vt.unit, vt.low, vt.high
