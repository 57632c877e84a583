"""Fact declarations of the syntax tree → model facts: the half of resolution that declares
each fact once (a repeat is reported), reads its default, record fields and raters, and checks
every reference to a fact (``_use``: declared, of an allowed type, per-occasion where it must
be). ``FactsResolver`` is a mixin of ``from_syntax.Resolver``: it keeps the resolver's fact
table (``self.facts``) and uses ``self.error``, ``self.tree`` and the other mixins' helpers.
"""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from .. import messages as msg
from ..messages import Words, related
from ..syntax import nodes as syn
from . import nodes as m
from .from_syntax_derived import DERIVED_READER
from .vocabulary import did_you_mean as _did_you_mean
from .vocabulary import type_words

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic


OCCASION_NAME = "{name}第{k}次"


def occasion_fact_name(name: str, k: int) -> str:
    """The fact an occasion reads: 「在线人数比例」 on the 2nd occasion is 在线人数比例第2次."""
    return OCCASION_NAME.format(name=name, k=k)


@attrs.define
class _Fact:
    decl: syn.FactDecl
    type: str
    readers: list[str] = attrs.Factory(list)
    occasions: int = 0  # >0 when read inside 共N次
    deducted: bool = False  # read by 扣「…」 (a judgement deducted)
    added: bool = False  # read by 加「…」 (a judgement added: a score every entity is given)

    @property
    def zero_means_absent(self) -> bool:
        """0 = "did not occur" is the convention for deductions; a judgement only ever added
        is a score every entity is given, inside its range."""
        return self.deducted or not self.added


class FactsResolver:
    """Declares the policy's facts and resolves each reference to one (mixed into ``Resolver``)."""

    # what the mixin uses of its host, Resolver (declared for the type checker only)
    tree: syn.Policy
    facts: dict[str, _Fact]
    if TYPE_CHECKING:
        def error(self, diagnostic: Diagnostic) -> None: ...
        def _is_derived(self, e: object) -> bool: ...
        def _records_empty(self, decl: syn.FactDecl, type_: str) -> tuple[Decimal | None, bool]: ...
        def incident_period(self) -> tuple[str, str] | None: ...
        def policy_item_ids(self) -> tuple[str, ...]: ...

    def _declare_fact(self, decl: syn.FactDecl) -> None:
        name = decl.name.text
        if name in self.facts:
            self.error(msg.FACT_DUPLICATE.at(
                decl.name.span, name=name, related=[related(self.facts[name].decl.name.span, msg.FIRST_DECLARED_HERE)]))
            return
        kind = {"judgement_records": "records"}.get(decl.type.kind, decl.type.kind)
        t = decl.type
        if kind == "records" and t.fields:
            names = [f.name.text for f in t.fields]
            if len(set(names)) != len(names):
                self.error(msg.RECORD_FIELD_DUPLICATE.at(t.span, name=name))
        if t.low is not None and t.high is not None and t.low > t.high:
            self.error(msg.RANGE_INVERTED.at(t.span, name=name, low=t.low, high=t.high))
        if kind == "choice" and len({c.text for c in t.choices}) != len(t.choices):
            self.error(msg.CHOICE_DUPLICATE.at(t.span, name=name))
        if decl.at_most is not None and kind not in ("count", "number"):
            self.error(msg.AT_MOST_WRONG_TYPE.at(decl.span, name=name, type=type_words(kind)))
        if decl.per_occasion and kind in ("records", "ratings"):
            self.error(msg.RECORDS_PER_OCCASION.at(decl.span, name=name))
        self.facts[name] = _Fact(decl, kind)

    def _default(self, fact: _Fact) -> tuple[bool, m.FactDefault]:
        """(has_default, value) of a declaration, checking it fits the type."""
        decl, kind = fact.decl, fact.type
        lit = decl.default
        if lit is None:
            return False, None
        name = decl.name.text

        def bad() -> tuple[bool, m.FactDefault]:
            self.error(msg.DEFAULT_WRONG_TYPE.at(lit.span, name=name, type=type_words(kind)))
            return False, None

        if kind in ("records", "ratings"):
            return (True, ()) if isinstance(lit, (syn.NoneLit, syn.NotOccurredLit)) else bad()
        if kind == "judgement":
            return self._judgement_default(fact, lit, bad)
        if isinstance(lit, syn.NotOccurredLit):
            return bad()
        if kind == "flag":
            return (True, lit.value) if isinstance(lit, syn.FlagLit) else bad()
        if kind == "choice":
            choices = [c.text for c in decl.type.choices]
            if isinstance(lit, syn.StringLit) and lit.value in choices:
                return True, lit.value
            return bad()
        if not isinstance(lit, (syn.NumberLit, syn.PercentLit)):
            return bad()
        value = lit.value
        if kind == "count" and value != value.to_integral_value():
            return bad()
        if kind == "percent" and not (0 <= value <= 100):
            return bad()
        return True, value

    def _judgement_default(self, fact: _Fact, lit: syn.Literal,
                           bad: Callable[[], tuple[bool, m.FactDefault]]) -> tuple[bool, m.FactDefault]:
        """A judgement's default: in its range; or 0 (did not occur) for a deduction, written
        ``默认 未发生`` — a bare ``默认 0`` is a warning (SL140), since an assessor's judgement
        left out then silently costs nothing."""
        decl, name = fact.decl, fact.decl.name.text
        low, high = decl.type.low, decl.type.high
        assert low is not None and high is not None  # a judgement's type is written with its range
        if isinstance(lit, syn.NotOccurredLit) or (isinstance(lit, syn.NumberLit) and lit.value == 0):
            if low <= 0 <= high and not fact.zero_means_absent:
                return True, lit.value if isinstance(lit, syn.NumberLit) else Decimal(0)
            if not fact.zero_means_absent:
                self.error(msg.DEFAULT_ADDED_NOT_OCCURRED.at(lit.span, name=name, low=low, high=high))
                return False, None
            if isinstance(lit, syn.NumberLit):
                self.error(msg.JUDGEMENT_DEFAULT_ZERO.at(lit.span, name=name))
            return True, Decimal(0)
        if not isinstance(lit, syn.NumberLit):
            return bad()
        if not (low <= lit.value <= high):
            self.error(msg.DEFAULT_OUT_OF_RANGE.at(lit.span, name=name, value=lit.value, low=low, high=high))
            return False, None
        return True, lit.value

    def _fact_decls(self) -> tuple[m.FactDecl, ...]:
        out = []
        for name, fact in self.facts.items():
            decl = fact.decl
            has_default, default = self._default(fact)
            if not fact.readers:
                self.error(msg.FACT_UNREAD.at(decl.name.span, name=name))
            if decl.per_occasion and not fact.occasions:
                self.error(msg.PER_OCCASION_UNUSED.at(decl.span, name=name))
            t = decl.type
            low, high = t.low, t.high
            if fact.type == "count":
                low, high = Decimal(0), decl.at_most
            elif fact.type == "percent":
                low, high = Decimal(0), Decimal(100)
            elif fact.type == "number":
                high = decl.at_most
            common: dict[str, Any] = dict(  # the fields every expansion of the fact shares
                type=fact.type, unit=decl.unit.text if decl.unit else None,
                description=decl.description.text if decl.description else "",
                low=low, high=high, choices=tuple(c.text for c in t.choices),
                has_default=has_default, default=default,
                items=tuple(dict.fromkeys(r for r in fact.readers if r != DERIVED_READER)),
                zero_means_absent=fact.zero_means_absent,
                fields=tuple(self._record_field(f) for f in t.fields),
                ratings=self._ratings(fact),
            )
            common["no_records"], common["no_records_error"] = self._records_empty(decl, fact.type)
            if decl.per_occasion and fact.occasions:
                for k in range(1, fact.occasions + 1):
                    out.append(m.FactDecl(occasion_fact_name(name, k), **common, span=decl.span))
            else:
                out.append(m.FactDecl(name, **common, span=decl.span))
        return tuple(out)

    def _record_field(self, f: syn.RecordField) -> m.RecordField:
        """A record's field; a 日期 field carries the 考评期, a 项号 field the item ids (§24)."""
        if f.kind == "date":
            return m.RecordField(f.name.text, "date", span=f.span, period=self.incident_period())
        if f.kind == "item":
            return m.RecordField(f.name.text, "item", self.policy_item_ids(), span=f.span)
        return m.RecordField(f.name.text, f.kind, tuple(c.text for c in f.choices), span=f.span)

    def _ratings(self, fact: _Fact) -> m.Ratings | None:
        """评分: the one way its ratings combine and what no rating gives, both stated (SL170,
        SL171); weights by rater group add up to 100% (SL173). Elsewhere neither is written (SL172)."""
        decl, name = fact.decl, fact.decl.name.text
        if fact.type != "ratings":
            for extra in decl.aggregates + decl.empty:
                self.error(msg.RATINGS_OPTION_NOT_RATINGS.at(extra.span, name=name))
            return None
        if not decl.aggregates:
            self.error(msg.RATINGS_AGGREGATE_MISSING.at(decl.span, name=name))
            return None
        for extra in decl.aggregates[1:]:
            self.error(msg.RATINGS_AGGREGATE_REPEATED.at(extra.span, name=name))
        if not decl.empty:
            self.error(msg.RATINGS_EMPTY_MISSING.at(decl.span, name=name))
        for extra in decl.empty[1:]:
            self.error(msg.RATINGS_EMPTY_REPEATED.at(extra.span, name=name))
        how = decl.aggregates[0]
        empty = decl.empty[0].value if decl.empty else None
        low, high = decl.type.low, decl.type.high
        if empty is not None and how.method != "sum" and low is not None and high is not None \
                and not low <= empty <= high:
            self.error(msg.RATINGS_EMPTY_OUT_OF_RANGE.at(decl.empty[0].span, name=name, value=empty, low=low,
                                                         high=high))
        weights: dict[str, Decimal] = {}
        for group, percent in how.weights:
            if group.text in weights:
                self.error(msg.RATINGS_WEIGHT_GROUP_TWICE.at(how.span, name=name, group=group.text))
            weights[group.text] = percent
        if how.method == "weighted":
            total = sum(weights.values(), Decimal(0))
            if total != 100:
                self.error(msg.RATINGS_WEIGHTS_SUM.at(how.span, name=name, total=total))
        return m.Ratings(how.method, how.drop_high, how.drop_low,
                         how.group_field.text if how.group_field else None, tuple(weights.items()),
                         empty, span=how.span)

    def _use(self, name: syn.Name, clause: str, allowed: tuple[str, ...], what: Words,
             occasions: int = 0) -> str | None:
        """Resolve a fact reference used as ``allowed`` types; record the reader."""
        fact = self.facts.get(name.text)
        if fact is None and self._is_derived(name):
            self.error(msg.DERIVED_WRONG_USE.at(name.span, name=name.text, what=what))
            return None
        if fact is None:
            self.error(msg.FACT_UNDECLARED.at(name.span, name=name.text, hint=_did_you_mean(name.text, self.facts)))
            return None
        if fact.type not in allowed:
            need = Words("或".join(f"「{type_words(a).zh}」" for a in allowed),
                         " or ".join(type_words(a).en for a in allowed))
            self.error(msg.FACT_WRONG_TYPE.at(name.span, what=what, need=need, name=name.text,
                                              type=type_words(fact.type),
                                              related=[related(fact.decl.span, msg.DECLARED_HERE)]))
            return None
        fact.readers.append(clause)
        if fact.decl.per_occasion:
            if not occasions:
                self.error(msg.PER_OCCASION_OUTSIDE.at(name.span, name=name.text))
            elif fact.occasions and fact.occasions != occasions:
                self.error(msg.PER_OCCASION_COUNTS_DIFFER.at(name.span, name=name.text))
            fact.occasions = occasions
        return name.text
