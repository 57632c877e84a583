"""Lark tree → syntax nodes for derived values (计算 { 「结案率」 = … }), registered into
``from_lark.BUILDERS``; kept apart so that from_lark.py does not grow. It never sees a lark
object by type: ``meta`` goes straight to the builder's positions, and the children are the
values the other builders made (the COMPARE token read as text)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import nodes as n


def derived_block(builder: Any, meta: Any, children: list[Any]) -> n.DerivedBlock:
    return n.DerivedBlock(tuple(c for c in children if isinstance(c, n.DerivedDecl)),
                          span=builder.pos.of_meta(meta))


def derived(builder: Any, meta: Any, children: list[Any]) -> n.DerivedDecl:
    name, op, expr = children[0], str(children[1]), children[2]
    text = builder.text[expr.span.start:expr.span.end].strip()
    return n.DerivedDecl(name, op, expr, text, span=builder.pos.of_meta(meta))


#: grammar rule → builder (``from_lark.BUILDERS`` takes them in)
DERIVED_BUILDERS: dict[str, Callable[[Any, Any, list[Any]], Any]] = {
    "derived_block": derived_block,
    "derived": derived,
}
