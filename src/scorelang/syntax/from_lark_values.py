"""Lark tree → syntax nodes for derived values (计算 { 「结案率」 = … }), 个百分点 literals, a
ladder's computed target and the bonus ladder (… 每提高 1 个百分点 加1分), registered into
``from_lark.BUILDERS``; kept apart so that from_lark.py does not grow. It never sees a lark
object by type: ``meta`` goes straight to the builder's positions, and the children are the
values the other builders made (the COMPARE token read as text)."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from . import nodes as n
from .from_lark_rules import ladder


def derived_block(builder: Any, meta: Any, children: list[Any]) -> n.DerivedBlock:
    return n.DerivedBlock(tuple(c for c in children if isinstance(c, n.DerivedDecl)),
                          span=builder.pos.of_meta(meta))


def derived(builder: Any, meta: Any, children: list[Any]) -> n.DerivedDecl:
    name, op, expr = children[0], str(children[1]), children[2]
    text = builder.text[expr.span.start:expr.span.end].strip()
    return n.DerivedDecl(name, op, expr, text, span=builder.pos.of_meta(meta))


def points_literal(builder: Any, meta: Any, children: list[Any]) -> n.PercentPointsLit:
    return n.PercentPointsLit(builder._number(children[0]), span=builder.pos.of_meta(meta))


def score_literal(builder: Any, meta: Any, children: list[Any]) -> n.ScoreLit:
    return n.ScoreLit(builder._number(children[0]), span=builder.pos.of_meta(meta))


def threshold_expr(builder: Any, meta: Any, children: list[Any]) -> tuple[Decimal, bool, None, Any]:
    """达 「上年率」: (no number, not a percent sign, no unit word, the target's expression)."""
    return (Decimal(0), False, None, children[0])


def bonus_ladder(builder: Any, meta: Any, children: list[Any]) -> n.Ladder:
    built: n.Ladder = ladder(builder, meta, children)  # the plain ladder's builder (from_lark_rules.py)
    return attrs.evolve(built, bonus=True)


def _per_unit(cls: type) -> Callable[[Any, Any, list[Any]], Any]:
    """「退稿篇数」 每 1 篇 扣0.5分: the per-occurrence rule with the number and unit it counts by."""
    def build(builder: Any, meta: Any, children: list[Any]) -> Any:
        found = len(children) == 5  # 每发现 is kept (每 is not): the printer writes it back
        fact, number, unit, amount = children[0], children[1 + found], children[2 + found], children[3 + found]
        return cls(fact, amount, span=builder.pos.of_meta(meta), unit=str(unit), per=builder._number(number),
                   per_word="每发现" if found else "每")
    return build


def computed_bonus(builder: Any, meta: Any, children: list[Any]) -> n.ComputedBonus:
    amount = next(c for c in children if not _is_token(c))
    return n.ComputedBonus(amount, span=builder.pos.of_meta(meta))


def bonus_call(builder: Any, meta: Any, children: list[Any]) -> Any:
    return builder.call(meta, children)  # 最小（…） after 加: the same call as anywhere


def _is_token(value: object) -> bool:
    # a kept parenthesis is a lark token (a str subclass); every node built here is an attrs class
    return isinstance(value, str)


#: grammar rule → builder (``from_lark.BUILDERS`` takes them in)
VALUE_BUILDERS: dict[str, Callable[[Any, Any, list[Any]], Any]] = {
    "derived_block": derived_block,
    "derived": derived,
    "points_literal": points_literal,
    "score_literal": score_literal,
    "threshold_expr": threshold_expr,
    "bonus_ladder": bonus_ladder,
    "per_unit_deduct": _per_unit(n.PerDeduct),
    "per_unit_award": _per_unit(n.PerAward),
    "per_unit_bonus": _per_unit(n.PerBonus),
    "computed_bonus": computed_bonus,
    "bonus_call": bonus_call,
}
