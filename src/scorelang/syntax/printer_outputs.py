"""How the printer writes outputs (输出 { … }, docs/language.md §25): the block, a formula
(「绩效奖金」 = （考评总分 - 80） × 500 元 最低 0 元) and a table by grade or award, its rows on
one line when they fit. Merged into ``printer.STATEMENTS`` and ``printer_pieces.INLINE``."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from . import nodes as n
from .printer_core import Printer
from .printer_exprs import expr
from .printer_pieces import written_range

_BASIS_WORDS = {"grade": "等次", "award": "奖项", "rank": "名次"}


def _amount(p: Printer, value: Decimal, unit: str | None, start: int, end: int, nth: int = 0) -> str:
    return p.num(value, start, end, nth) + (" " + unit if unit else "")


def _places(places: Decimal | None) -> str:
    return "" if places is None else f" 保留 {places} 位小数"


def _bound(p: Printer, node: n.OutputBound) -> str:
    word = "最高" if node.upper else "最低"
    return f"{word} {_amount(p, node.value, node.unit, node.span.start, node.span.end)}"


def _row(p: Printer, node: n.OutputRow) -> str:
    key = "其余" if node.key is None else p.text(node.key)
    start = node.key.span.end if node.key is not None else node.span.start
    return f"{key} {_amount(p, node.amount, node.unit, start, node.span.end)}"


def _rank_row(p: Printer, node: n.OutputRankRow) -> str:
    s, e = node.span.start, node.span.end
    first = p.num(node.first, s, e, 0)
    ranks = first if node.last == node.first else written_range(p, first, p.num(node.last, s, e, 1), s, e)
    return f"第{ranks}名 {_amount(p, node.amount, node.unit, s, e, 2 if node.last != node.first else 1)}"


def _outputs(p: Printer, node: n.Outputs) -> None:
    head = "输出" + (" 依据 " + p.text(node.cite) if node.cite is not None else "")
    p.block(node.span, head, lambda: p.nodes(node.outputs))


def _formula(p: Printer, node: n.OutputFormula) -> None:
    parts = [f"{p.text(node.name)} {node.op} {expr(p, node.expr)}"]
    if node.unit is not None:
        parts.append(node.unit)
    parts.extend(_bound(p, b) for b in node.bounds)
    p.stmt(node.span, " ".join(parts) + _places(node.places))


def _table(p: Printer, node: n.OutputTable) -> None:
    head = f"{p.text(node.name)} 按 {_BASIS_WORDS[node.basis]}"
    rows = [_rank_row(p, r) if isinstance(r, n.OutputRankRow) else _row(p, r)
            for r in (*node.rows, *((node.rest,) if node.rest is not None else ()))]
    p.fill(node.span, head, rows, _places(node.places).strip())


STATEMENTS: dict[type, Callable[[Printer, Any], None]] = {
    n.Outputs: _outputs, n.OutputFormula: _formula, n.OutputTable: _table,
}
INLINE: dict[type, Callable[[Printer, Any], str]] = {n.OutputBound: _bound, n.OutputRow: _row,
                                                     n.OutputRankRow: _rank_row}
