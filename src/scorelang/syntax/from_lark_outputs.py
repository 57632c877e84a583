"""Lark tree → syntax nodes for outputs (输出 { 「绩效奖金」 = … 元 最低 0 元 / 「奖金」 按 等次 { … } }),
registered into ``from_lark.BUILDERS`` (docs/language.md §25). Tokens are read by their type
(OUTPUT_UNIT, MINUS, NUMBER, COMPARE); every other child is a node the other builders made."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from . import nodes as n
from .from_lark_support import _tagged, _typed


def _unit(children: list[Any]) -> str | None:
    units = _typed(children, "OUTPUT_UNIT")
    return str(units[0]) if units else None


def _signed(builder: Any, children: list[Any]) -> Decimal:
    value: Decimal = builder._number(_typed(children, "NUMBER")[0])
    return -value if _typed(children, "MINUS") else value


def _places(children: list[Any]) -> Decimal | None:
    places: Decimal | None = _tagged(children, "places")
    return places


def outputs(builder: Any, meta: Any, children: list[Any]) -> n.Outputs:
    clause = _tagged(children, "cite")
    return n.Outputs(tuple(c for c in children if isinstance(c, (n.OutputFormula, n.OutputTable))), clause,
                     span=builder.pos.of_meta(meta))


def output_formula(builder: Any, meta: Any, children: list[Any]) -> n.OutputFormula:
    name, op, expr = children[0], str(children[1]), children[2]
    text = builder.text[expr.span.start:expr.span.end].strip()
    bounds = tuple(c for c in children if isinstance(c, n.OutputBound))
    return n.OutputFormula(name, op, expr, text, _unit(children[3:]), bounds, _places(children),
                           span=builder.pos.of_meta(meta))


def _table(basis: str) -> Callable[[Any, Any, list[Any]], n.OutputTable]:
    def build(builder: Any, meta: Any, children: list[Any]) -> n.OutputTable:
        rows = [c for c in children if isinstance(c, (n.OutputRow, n.OutputRankRow))]
        rest = next((r for r in rows if isinstance(r, n.OutputRow) and r.key is None), None)
        return n.OutputTable(children[0], basis, tuple(r for r in rows if r is not rest), rest,
                             _places(children), span=builder.pos.of_meta(meta))
    return build


def output_row(builder: Any, meta: Any, children: list[Any]) -> n.OutputRow:
    amount, unit = children[1]
    return n.OutputRow(children[0], amount, unit, span=builder.pos.of_meta(meta))


def output_rest(builder: Any, meta: Any, children: list[Any]) -> n.OutputRow:
    amount, unit = children[0]
    return n.OutputRow(None, amount, unit, span=builder.pos.of_meta(meta))


def output_rank_row(builder: Any, meta: Any, children: list[Any]) -> n.OutputRankRow:
    """第1名 30000 元 / 第2至3名 20000 元 (ranks as written: the model checks them)."""
    numbers = [c for c in children if getattr(c, "type", None) == "NUMBER"]
    first = builder._number(numbers[0])
    last = builder._number(numbers[1]) if len(numbers) == 2 else first
    amount, unit = children[-1]
    return n.OutputRankRow(first, last, amount, unit, span=builder.pos.of_meta(meta))


def output_amount(builder: Any, meta: Any, children: list[Any]) -> tuple[Decimal, str | None]:
    return _signed(builder, children), _unit(children)


def output_floor(builder: Any, meta: Any, children: list[Any]) -> n.OutputBound:
    return n.OutputBound(False, _signed(builder, children), _unit(children), span=builder.pos.of_meta(meta))


def output_cap(builder: Any, meta: Any, children: list[Any]) -> n.OutputBound:
    return n.OutputBound(True, _signed(builder, children), _unit(children), span=builder.pos.of_meta(meta))


def output_places(builder: Any, meta: Any, children: list[Any]) -> tuple[str, Decimal]:
    return ("places", builder._number(children[0]))


#: grammar rule → builder (``from_lark.BUILDERS`` takes them in)
OUTPUT_BUILDERS: dict[str, Callable[[Any, Any, list[Any]], Any]] = {
    "outputs": outputs,
    "output_formula": output_formula,
    "output_by_grade": _table("grade"),
    "output_by_award": _table("award"),
    "output_by_rank": _table("rank"),
    "output_rank_row": output_rank_row,
    "output_row": output_row,
    "output_rest": output_rest,
    "output_amount": output_amount,
    "output_floor": output_floor,
    "output_cap": output_cap,
    "output_places": output_places,
}
