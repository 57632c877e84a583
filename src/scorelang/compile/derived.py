"""Derived values (计算 { 「结案率」 = … }) → the facts mapping an entity is scored with: each
value computed once, on first read, then read like a fact (docs/language.md §9.4).

``compile_derived(policy.derived)`` builds, once per policy, ``with_derived(facts)``: a dict of
the entity's facts whose missing keys are the derived values, computed by their compiled
expression on first read (a derived value read by another is computed first: the resolver
refused cycles, so this ends) and recorded for the trace. A policy without derived values
scores with the facts as given: nothing is copied.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..model import expressions as x
from ..runtime.scorecard import DerivedValue
from .expressions import Value, compile_value

Facts = Mapping[str, Any]
# (the value's closure, the names it reads, its expression as written, its kind, its span, its order)
_Compiled = tuple[Value, tuple[str, ...], str, str, Any, int]


class _WithDerived(dict[str, Any]):
    """An entity's facts; a derived value is computed when first read, then kept."""

    __slots__ = ("_derived", "computed")

    def __init__(self, facts: Facts, derived: dict[str, _Compiled]) -> None:
        super().__init__(facts)
        self._derived = derived
        self.computed: list[tuple[int, DerivedValue]] = []

    def __missing__(self, name: str) -> Any:
        compiled = self._derived.get(name)
        if compiled is None:
            raise KeyError(name)
        value_of, names, text, kind, span, order = compiled
        value = value_of(self)
        self[name] = value
        self.computed.append((order, DerivedValue(name, text, tuple((n, self[n]) for n in names), value, kind,
                                                  span=span)))
        return value

    def trace(self) -> tuple[DerivedValue, ...]:
        """The values computed, in the order the policy defines them."""
        return tuple(value for _, value in sorted(self.computed, key=lambda pair: pair[0]))


WithDerived = Callable[[Facts], _WithDerived]


def compile_derived(derived: tuple[x.DerivedDecl, ...]) -> WithDerived | None:
    """``with_derived(facts)`` for a policy's derived values, or None when it has none."""
    if not derived:
        return None
    table: dict[str, _Compiled] = {}
    for order, decl in enumerate(derived):
        value, names = compile_value(decl.expr, lambda n: n)
        table[decl.name] = (value, names, decl.text, decl.kind, decl.span, order)

    def with_derived(facts: Facts) -> _WithDerived:
        return _WithDerived(facts, table)
    return with_derived
