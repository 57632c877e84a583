"""Derived values of the syntax tree (计算 { 「结案率」 = … }) → model ``DerivedDecl``s, and the
references to them → ``DerivedRef`` (docs/language.md §9.4).

``DerivedResolver`` is a mixin of ``from_syntax.Resolver`` (through ``RuleResolver``). Every
derived value is resolved once, on first need, with its kind, unit and interval, like any
expression; a reference to one is typed as that value (so it is usable wherever a fact of its
kind is). A value reading itself through others is SL192, naming the cycle. The facts a
derived value reads are recorded as read by every clause that uses it, so that
``FactDecl.items`` and the facts an entity must give stay exact.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .. import messages as msg
from ..messages import Words, related
from ..numbers import chinese_ordinal
from ..syntax import nodes as syn
from . import expressions as x
from . import nodes as m
from .from_syntax_exprs import ExprResolver, ValueType

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic

#: the reader a fact read by a derived value's own expression is recorded with (it is then
#: recorded again under each clause that uses the derived value); never shown as an item
DERIVED_READER = ""
_SIGNS = ("=", "＝")


class DerivedResolver(ExprResolver):
    """Resolves derived values and the references to them (mixed into ``Resolver``)."""

    scope: str | None = None  # the task whose rules are being resolved (None: policy level)

    if TYPE_CHECKING:
        def error(self, diagnostic: Diagnostic) -> None: ...

    def _collect_derived(self, tree: syn.Policy) -> None:
        """Every 计算 { … } of the policy and its tasks, checked for clashes; then each resolved."""
        self.derived_decls: dict[str, tuple[syn.DerivedDecl, str | None]] = {}
        self.derived_done: dict[str, tuple[x.Expr, ValueType] | None] = {}
        self.derived_facts: dict[str, tuple[str, ...]] = {}
        self.derived_used: set[str] = set()
        self._deriving: list[str] = []
        self._derived_order: list[str] = []
        blocks = [(b, None) for b in tree.derived] + [(b, str(t.number)) for t in tree.tasks for b in t.derived]
        for block, task in blocks:
            for decl in block.values:
                name = decl.name.text
                if name in self.facts:
                    fact_span = self.facts[name].decl.name.span
                    self.error(msg.DERIVED_CLASHES_WITH_FACT.at(
                        decl.name.span, name=name, related=[related(fact_span, msg.DECLARED_HERE)]))
                elif name in self.derived_decls:
                    self.error(msg.DERIVED_DUPLICATE.at(
                        decl.name.span, name=name,
                        related=[related(self.derived_decls[name][0].name.span, msg.FIRST_DEFINED_HERE)]))
                else:
                    self.derived_decls[name] = (decl, task)
        for name in self.derived_decls:
            self._derive(name)

    def _derive(self, name: str) -> tuple[x.Expr, ValueType] | None:
        """The checked expression of a derived value and its type (once), or None after an error."""
        if name in self.derived_done:
            return self.derived_done[name]
        decl, task = self.derived_decls[name]
        if name in self._deriving:
            loop = self._deriving[self._deriving.index(name):] + [name]
            cycle = " → ".join(f"「{n}」" for n in loop)
            self.error(msg.DERIVED_CYCLE.at(decl.name.span, cycle=Words(cycle, cycle)))
            return None
        if decl.op not in _SIGNS:
            self.error(msg.DERIVED_SIGN.at(decl.span, name=name, op=decl.op))
        self._deriving.append(name)
        outer, self.scope = self.scope, task
        resolved = self._value(DERIVED_READER, decl.expr, 0, False)
        self.scope = outer
        self._deriving.pop()
        self.derived_done[name] = resolved
        if resolved is not None:
            self.derived_facts[name] = m.facts_read(resolved[0])
            self._derived_order.append(name)
        return resolved

    def _is_derived(self, e: object) -> bool:
        """Whether ``e`` is a name of a derived value (rather than of a fact)."""
        return isinstance(e, syn.Name) and e.text in getattr(self, "derived_decls", {})

    def _derived_ref(self, e: syn.Name, clause: str) -> tuple[x.Expr, ValueType] | None:
        """A reference to a derived value, typed as its value; its facts are read by ``clause``."""
        name = e.text
        decl, task = self.derived_decls[name]
        if task is not None and task != self.scope:
            self.error(msg.DERIVED_OUT_OF_SCOPE.at(e.span, name=name, task=chinese_ordinal(int(task)),
                                                   related=[related(decl.name.span, msg.DECLARED_HERE)]))
            return None
        self.derived_used.add(name)
        resolved = self._derive(name)
        if resolved is None:
            return None
        vt = resolved[1]
        facts = self.derived_facts[name]
        for fact in facts:
            self.facts[fact].readers.append(clause)
        return x.DerivedRef(name, vt.kind, vt.unit, facts, span=e.span), vt

    def _derived_decls(self) -> tuple[x.DerivedDecl, ...]:
        """The model's derived values, each after the values it reads; SL193 for unused ones."""
        out = []
        for name in self._derived_order:
            decl, task = self.derived_decls[name]
            if name not in self.derived_used:
                self.error(msg.DERIVED_UNUSED.at(decl.name.span, name=name))
            resolved = self.derived_done[name]
            assert resolved is not None  # only resolved values are in the order
            expr, vt = resolved
            out.append(x.DerivedDecl(name, expr, decl.text, vt.kind, vt.unit, task, span=decl.span))
        return tuple(out)
