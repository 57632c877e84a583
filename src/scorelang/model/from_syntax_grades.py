"""Grades (等次 依据 "…" { "优秀" 90 分以上 … }), syntax tree → model: one block (SL148), each
name once (SL147), no band that holds no total (SL149). Gaps and overlaps over the totals the
policy can give are checked on the model (model/checks_grades.py)."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from .. import messages as msg
from ..diagnostics import Diagnostic
from ..syntax import nodes as syn
from .expressions import Expr
from .grades import GradeBand, Grades, band_text, interval_text


def resolve_grades(blocks: tuple[syn.Grades, ...], error: Callable[[Diagnostic], None]) -> Grades | None:
    if not blocks:
        return None
    for extra in blocks[1:]:
        error(msg.GRADES_REPEATED.at(extra.span))
    return resolve_block(blocks[0], error)


def resolve_block(block: syn.Grades, error: Callable[[Diagnostic], None], task: str | None = None,
                  subject: str = "考评总分", unit: str = "分", value: Expr | None = None,
                  within: tuple[Decimal | None, Decimal | None] = (None, None)) -> Grades:
    """One block's bands: each name once (SL147), none empty (SL149)."""
    seen: set[str] = set()
    bands = []
    for b in block.bands:
        name = b.name.text
        if name in seen:
            error(msg.GRADE_DUPLICATE.at(b.name.span, name=name))
        seen.add(name)
        if b.unit != unit:  # 95% 以上 in the grades of a score, 90 分以上 in a percent's (§22.1)
            error(msg.GRADE_UNIT.at(b.span, subject=subject, written=b.unit, unit=unit))
        band = GradeBand(name, b.low, b.low_open, b.high, b.high_open,
                         band_text(b.low, b.low_open, b.high, b.high_open, unit), b.span)
        if band.empty():
            error(msg.GRADE_EMPTY_BAND.at(b.span, name=name,
                                          interval=interval_text(b.low, b.low_open, b.high, b.high_open)))
        bands.append(band)
    return Grades(tuple(bands), block.cite.text if block.cite else None, block.span, task=task, subject=subject,
                  value=value, unit=unit, within=within)
