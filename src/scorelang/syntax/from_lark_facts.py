"""Lark tree → syntax nodes for fact declarations (事实 { 「x」 计数 … }, the fact types, 评分 raters and what no
rating gives): builders registered into ``from_lark.BUILDERS``
(from_lark.py keeps the rest of the grammar's rules)."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import nodes as n

if TYPE_CHECKING:  # only from_lark.py, errors.py and grammar.py import lark; here a token is Any
    from .from_lark import Children, Tagged, ToSyntax

Meta = Any  # lark's position record, read through ToSyntax.pos


def facts(self: ToSyntax, meta: Meta, children: Children) -> n.FactsBlock:
    return n.FactsBlock(tuple(children), span=self.pos.of_meta(meta))


def fact(self: ToSyntax, meta: Meta, children: Children) -> n.FactDecl:
    name, type_ = children[0], children[1]
    options: dict[str, Any] = dict(c for c in children[2:] if isinstance(c, tuple))
    return n.FactDecl(
        name, type_,
        unit=options.get("unit"), description=options.get("description"),
        default=options.get("default"), at_most=options.get("at_most"),
        per_occasion=bool(options.get("per_occasion")),
        aggregates=tuple(c for c in children[2:] if isinstance(c, n.RatingsAggregate)),
        empty=tuple(c for c in children[2:] if isinstance(c, n.RatingsEmpty) and not c.records),
        records_empty=tuple(c for c in children[2:] if isinstance(c, n.RatingsEmpty) and c.records),
        span=self.pos.of_meta(meta),
    )


def _simple_type(kind: str) -> Callable[[ToSyntax, Meta, Children], n.FactType]:
    def method(self: ToSyntax, meta: Meta, children: Children) -> n.FactType:
        return n.FactType(kind, span=self.pos.of_meta(meta))
    return method


def records_type(self: ToSyntax, meta: Meta, children: Children) -> n.FactType:
    return n.FactType("records", fields=tuple(children), span=self.pos.of_meta(meta))


def record_field(self: ToSyntax, meta: Meta, children: Children) -> n.RecordField:
    kind, choices = children[1]
    return n.RecordField(children[0], kind, choices, span=self.pos.of_meta(meta))


def choice_field(self: ToSyntax, meta: Meta, children: Children) -> tuple[str, tuple[n.Text, ...]]:
    return ("choice", tuple(children))


def text_field(self: ToSyntax, meta: Meta, children: Children) -> tuple[str, tuple[n.Text, ...]]:
    return ("text", ())


def choice_type(self: ToSyntax, meta: Meta, children: Children) -> n.FactType:
    return n.FactType("choice", choices=tuple(children), span=self.pos.of_meta(meta))


def _range_type(kind: str) -> Callable[[ToSyntax, Meta, Children], n.FactType]:
    def method(self: ToSyntax, meta: Meta, children: Children) -> n.FactType:
        from .from_lark import _tokens  # a token is lark's: only from_lark.py imports lark
        numbers = _tokens(children, "NUMBER")
        return n.FactType(kind, low=self._number(numbers[0]), high=self._number(numbers[1]),
                          span=self.pos.of_meta(meta))
    return method


def unit(self: ToSyntax, meta: Meta, children: Children) -> Tagged:
    return ("unit", children[0])


def description(self: ToSyntax, meta: Meta, children: Children) -> Tagged:
    return ("description", children[0])


def default(self: ToSyntax, meta: Meta, children: Children) -> Tagged:
    return ("default", children[0])


def not_occurred(self: ToSyntax, meta: Meta, children: Children) -> n.NotOccurredLit:
    return n.NotOccurredLit(span=self.pos.of_meta(meta))


def at_most(self: ToSyntax, meta: Meta, children: Children) -> tuple[str, Decimal]:
    return ("at_most", self._number(children[0]))


def per_occasion(self: ToSyntax, meta: Meta, children: Children) -> tuple[str, bool]:
    return ("per_occasion", True)


# 评分 (raters) -------------------------------------------------------
def ratings_plain(self: ToSyntax, meta: Meta, children: Children) -> n.RatingsAggregate:
    method = "mean" if str(children[0]) == "平均" else "sum"
    return n.RatingsAggregate(method, span=self.pos.of_meta(meta))


def trim_count(self: ToSyntax, meta: Meta, children: Children) -> int:
    return self._numeral(children[0])


def ratings_trimmed(self: ToSyntax, meta: Meta, children: Children) -> n.RatingsAggregate:
    return n.RatingsAggregate("trimmed", drop_high=children[0], drop_low=children[1],
                              span=self.pos.of_meta(meta))


def rater_weight(self: ToSyntax, meta: Meta, children: Children) -> tuple[n.Text, Decimal]:
    return (children[0], children[1])


def ratings_weighted(self: ToSyntax, meta: Meta, children: Children) -> n.RatingsAggregate:
    return n.RatingsAggregate("weighted", group_field=children[0], weights=tuple(children[1:]),
                              span=self.pos.of_meta(meta))


def ratings_empty(self: ToSyntax, meta: Meta, children: Children) -> n.RatingsEmpty:
    value = self._number(children[0]) if children else None  # 计 N 分, else 报错
    return n.RatingsEmpty(value, span=self.pos.of_meta(meta))


FACT_BUILDERS: dict[str, Callable[[ToSyntax, Meta, Children], Any]] = {
    "facts": facts,
    "fact": fact,
    "records_type": records_type,
    "record_field": record_field,
    "choice_field": choice_field,
    "text_field": text_field,
    "choice_type": choice_type,
    "unit": unit,
    "description": description,
    "default": default,
    "not_occurred": not_occurred,
    "at_most": at_most,
    "per_occasion": per_occasion,
    "ratings_plain": ratings_plain,
    "trim_count": trim_count,
    "ratings_trimmed": ratings_trimmed,
    "rater_weight": rater_weight,
    "ratings_weighted": ratings_weighted,
    "ratings_empty": ratings_empty,
    "count_type": _simple_type("count"),
    "number_type": _simple_type("number"),
    "percent_type": _simple_type("percent"),
    "flag_type": _simple_type("flag"),
    "judgement_type": _range_type("judgement"),
    "judgement_records_type": _range_type("judgement_records"),
    "ratings_type": _range_type("ratings"),
}
