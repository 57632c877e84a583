"""Outputs of the syntax tree (输出 { … }) → model ``outputs.Output``s (docs/language.md §25).

``OutputResolver`` is a mixin of ``from_syntax.Resolver``: it runs once the policy's grades,
awards and total bounds are known. A formula's expression is resolved like any expression,
and it may also read 考评总分 (points, in the total's declared range). It reads the entity's facts
and policy-level derived values under the clause ``OUTPUT_READER`` (输出: so the template lists
it in the fact's ``items``, every entity must give the fact, and SL110/SL193 do not fire for a
value only an output reads); a cohort value, a score other than the total, or a derived value
that reads a cohort value is SL430 (outputs are computed after ranking, from the entity's own
facts). Formulas are resolved by ``_output_exprs`` before the facts are finalised, tables
once the grades and awards are known. Its kind must be points, a count, a number or a plain
number; a percent is applied as hundredths (「完成率」 × 10000 元 is 90% of 10000 元); 个百分点
is SL433. A fact's money unit (元, 千元, 万元) must be the output's (SL435). A table names
only declared grades or award tiers (SL430) and covers every grade that can occur, or says
其余 (SL432); a table by award always needs 其余 (an entity may win none). Units are one per
output (SL435); names are never a fact's, a derived value's or another output's (SL434).
"""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from .. import messages as msg
from ..messages import Words, related
from ..syntax import nodes as syn
from . import expressions as x
from . import nodes as m
from .from_syntax_exprs import ExprResolver, ValueType, kind_words
from .outputs import Output, OutputFormula, OutputRankTable, OutputTable

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic

_SIGNS = ("=", "＝")
_KINDS = ("points", "count", "number", "scalar")
_BASIS_WORDS = {"grade": Words("等次", "grades"), "award": Words("奖项", "awards"), "rank": Words("名次", "ranks")}
_MAX_PLACES = 6
_NO_UNIT = Words("（无单位）", "(no unit)")
_MONEY = ("元", "千元", "万元")
_HUNDRED = Decimal(100)
OUTPUT_READER = "输出"
"""The clause an output reads a fact under: listed in the fact's ``items`` (docs/contracts.md)."""


class OutputResolver(ExprResolver):
    """Resolves the 输出 blocks (mixed into ``Resolver``)."""

    _total_type: ValueType | None = None  # set while an output's formula is resolved
    _earlier_outputs: dict[str, ValueType] = {}  # noqa: RUF012  # the outputs before it, while resolving one
    _later_outputs: set[str] = set()  # noqa: RUF012  # the outputs from it on, while resolving one
    _output_now = ""  # the output being resolved

    if TYPE_CHECKING:
        def error(self, diagnostic: Diagnostic) -> None: ...
        derived_decls: dict[str, Any]
        derived_done: dict[str, Any]
        scope: str | None

    def _output_exprs(self, tree: syn.Policy) -> None:
        """Resolve every output formula's expression, before the facts and derived values are
        finalised: what an output reads is read by 输出 (``OUTPUT_READER``)."""
        self._output_resolved: dict[int, tuple[x.Expr, ValueType] | None] = {}
        total = tree.headers[0].total if tree.headers else None
        firsts: dict[str, Decimal] = {}
        for bound in total.bounds if total is not None else ():
            firsts.setdefault(bound.limit, bound.points)
        self._total_type = ValueType("points", None, firsts.get("lower", Decimal(0)), firsts.get("upper"))
        outer, self.scope = getattr(self, "scope", None), None  # outputs read policy-level values only
        decls = [decl for block in tree.outputs for decl in block.outputs]
        self._later_outputs = {decl.name.text for decl in decls}
        self._earlier_outputs = {}
        try:
            for decl in decls:
                if isinstance(decl, syn.OutputFormula):
                    self._output_resolved[id(decl)] = resolved = self._output_expr(decl)
                    unit = decl.unit
                    low, high = (resolved[1].low, resolved[1].high) if resolved is not None else (None, None)
                    low = _max(low, decl.bounds, upper=False)
                    high = _max(high, decl.bounds, upper=True)
                else:
                    rows = [*decl.rows, *((decl.rest,) if decl.rest is not None else ())]
                    unit = rows[0].unit if rows else None
                    amounts = [r.amount for r in rows]
                    low, high = (min(amounts), max(amounts)) if amounts else (None, None)
                # a later output reads this one as an amount in its unit (a factor: no unit)
                self._earlier_outputs.setdefault(decl.name.text, ValueType("number", unit, low, high))
        finally:
            self._total_type, self.scope = None, outer
            self._earlier_outputs, self._later_outputs = {}, set()

    def _value(self, clause: str, e: Any, occasions: int, guarded: bool) -> tuple[x.Expr, ValueType] | None:
        """An earlier output's name in an output's formula is its amount (read like a derived value:
        compile/outputs.py keeps each amount for the ones after it); a later one's is SL430."""
        if isinstance(e, syn.Name) and e.text not in self.facts and not self._is_derived(e):
            vt = self._earlier_outputs.get(e.text)
            if vt is not None:
                return x.DerivedRef(e.text, vt.kind, vt.unit, span=e.span), vt
            if e.text in self._later_outputs:
                self.error(msg.OUTPUT_READS_UNKNOWN.at(e.span, name=self._output_now, what=Words(
                    f"写在它之后（或它自己）的输出「{e.text}」",
                    f"the output 「{e.text}」 written after it (or itself)")))
                return None
        return super()._value(clause, e, occasions, guarded)

    def _output_expr(self, decl: syn.OutputFormula) -> tuple[x.Expr, ValueType] | None:
        name = self._output_now = decl.name.text  # itself is among the later ones: never read
        foreign = next(_foreign(decl.expr), None)
        if foreign is not None:
            what = (Words("考评总分以外的得分", "a score other than the total") if isinstance(foreign, syn.ScoreRef)
                    else Words("全体数值", "a cohort value"))
            self.error(msg.OUTPUT_READS_UNKNOWN.at(foreign.span, name=name, what=what))
            return None
        for ref in _derived_names(decl.expr, getattr(self, "derived_decls", {})):
            if self._reads_cohort(ref.text, set()):
                self.error(msg.OUTPUT_READS_UNKNOWN.at(ref.span, name=name, what=Words(
                    f"计算值「{ref.text}」，它读全体数值",
                    f"the derived value 「{ref.text}」, which reads a cohort value")))
                return None
        resolved = self._value(OUTPUT_READER, decl.expr, 0, False)
        if resolved is None:
            return None
        expr, vt = resolved
        if vt.kind == "percent":  # a percent of an amount: its value is hundredths
            expr = x.Arith(expr, (x.Operation("/", x.Const(_HUNDRED, span=decl.expr.span), span=decl.expr.span),),
                           span=decl.expr.span)
            vt = ValueType("number", vt.unit, None if vt.low is None else vt.low / _HUNDRED,
                           None if vt.high is None else vt.high / _HUNDRED)
        if vt.kind not in _KINDS:
            self.error(msg.OUTPUT_KIND.at(decl.expr.span, name=name, kind=kind_words(vt.kind)))
            return None
        return expr, vt

    def _reads_cohort(self, name: str, seen: set[str]) -> bool:
        """Whether a derived value reads a cohort value, itself or through another."""
        decl = getattr(self, "derived_decls", {}).get(name)
        if decl is None or name in seen:
            return False
        seen.add(name)
        if next((n for n in _nodes(decl[0].expr) if isinstance(n, syn.COHORT_VALUE_CLASSES)), None) is not None:
            return True
        return any(self._reads_cohort(ref.text, seen) for ref in _derived_names(decl[0].expr, self.derived_decls))

    def _total_score(self, e: syn.ScoreRef) -> tuple[x.Expr, ValueType] | None:
        if self._total_type is None:  # in a rule: the total is not known while scoring
            return super()._total_score(e)
        return x.TotalScore(span=e.span), self._total_type

    def _outputs(self, tree: syn.Policy, policy: m.Policy) -> tuple[Output, ...]:
        out: list[Output] = []
        seen: dict[str, syn.Name] = {}
        for block in tree.outputs:
            clause = block.cite.text if block.cite is not None else None
            for decl in block.outputs:
                if not self._output_name(decl.name, seen):
                    continue
                places = self._output_places(decl, policy.places)
                resolved = (self._output_formula(decl, policy, places, clause) if isinstance(decl, syn.OutputFormula)
                            else self._output_table(decl, policy, places, clause))
                if resolved is not None:
                    out.append(resolved)
        return tuple(out)

    def _output_name(self, name: syn.Name, seen: dict[str, syn.Name]) -> bool:
        text = name.text
        other = (Words("事实", "a fact") if text in self.facts else
                 Words("计算值", "a derived value") if text in getattr(self, "derived_decls", {}) else
                 Words("另一个输出", "another output") if text in seen else None)
        if other is not None:
            first = seen.get(text)
            self.error(msg.OUTPUT_NAME_CLASH.at(
                name.span, name=text, other=other,
                related=[related(first.span, msg.FIRST_DEFINED_HERE)] if first is not None else []))
            return False
        seen[text] = name
        return True

    def _output_places(self, decl: syn.OutputFormula | syn.OutputTable, default: int) -> int:
        if decl.places is None:
            return default
        if decl.places != decl.places.to_integral_value() or not 0 <= decl.places <= _MAX_PLACES:
            self.error(msg.OUTPUT_PLACES.at(decl.span, name=decl.name.text, places=str(decl.places)))
            return default
        return int(decl.places)

    def _output_unit(self, name: str, units: list[tuple[str | None, Any]]) -> str | None:
        """The one unit of an output (SL435 when its parts write different ones)."""
        first = units[0][0] if units else None
        for unit, span in units[1:]:
            if unit != first:
                self.error(msg.OUTPUT_UNITS.at(span, name=name, first=first or _NO_UNIT, second=unit or _NO_UNIT))
                break
        return first

    def _output_formula(self, decl: syn.OutputFormula, policy: m.Policy, places: int,
                        clause: str | None) -> OutputFormula | None:
        name = decl.name.text
        if decl.op not in _SIGNS:
            self.error(msg.OUTPUT_SIGN.at(decl.span, name=name, op=decl.op))
        resolved = self._output_resolved.get(id(decl))
        if resolved is None:
            return None
        expr, vt = resolved
        unit = self._output_unit(name, [(decl.unit, decl.span)] + [(b.unit, b.span) for b in decl.bounds])
        if vt.unit in _MONEY and vt.unit != unit:  # 「上年奖金」 (万元) × 1.1 元
            self.error(msg.OUTPUT_UNITS.at(decl.expr.span, name=name, first=unit or _NO_UNIT, second=vt.unit))
            return None
        lows = [b for b in decl.bounds if not b.upper]
        highs = [b for b in decl.bounds if b.upper]
        floor = lows[0].value if lows else None
        cap = highs[0].value if highs else None
        if len(lows) > 1 or len(highs) > 1 or (floor is not None and cap is not None and floor > cap):
            self.error(msg.OUTPUT_BOUNDS.at(decl.span, name=name))
        return OutputFormula(name, expr, decl.text, unit, floor, cap, places, clause, span=decl.span)

    def _output_table(self, decl: syn.OutputTable, policy: m.Policy, places: int,
                      clause: str | None) -> OutputTable | OutputRankTable | None:
        if decl.basis == "rank":
            return self._output_ranks(decl, policy, places, clause)
        name, basis = decl.name.text, _BASIS_WORDS[decl.basis]
        if decl.basis == "grade":
            known = tuple(b.name for b in policy.grades.bands) if policy.grades is not None else ()
        else:
            known = policy.awards.tier_names if policy.awards is not None else ()
        if not known:
            self.error(msg.OUTPUT_NO_BASIS.at(decl.span, name=name, basis=basis))
            return None
        rows: dict[str, Decimal] = {}
        ok = True
        for row in decl.rows:
            assert isinstance(row, syn.OutputRow) and row.key is not None  # the 其余 row is ``rest``
            key = row.key.text
            if key not in known:
                listed = "、".join(known)
                self.error(msg.OUTPUT_UNKNOWN_KEY.at(row.key.span, name=name, key=key, basis=basis,
                                                      known=Words(listed, listed)))
                ok = False
            elif key in rows:
                self.error(msg.OUTPUT_ROW_REPEATED.at(row.span, name=name, key=key))
                ok = False
            rows[key] = row.amount
        rest = decl.rest.amount if decl.rest is not None else None
        if rest is None:
            missing = ([f"「{k}」" for k in known if k not in rows] if decl.basis == "grade"
                       else ["未获奖的对象"])
            if missing:
                text = "、".join(missing)
                en = ", ".join(missing) if decl.basis == "grade" else "an entity that wins no award"
                self.error(msg.OUTPUT_TABLE_INCOMPLETE.at(decl.span, name=name, missing=Words(text, en)))
                ok = False
        every = [*decl.rows, *((decl.rest,) if decl.rest is not None else ())]
        unit = self._output_unit(name, [(r.unit, r.span) for r in every])
        if not ok:
            return None
        return OutputTable(name, decl.basis, tuple(rows.items()), rest, unit, places, clause, span=decl.span)

    def _output_ranks(self, decl: syn.OutputTable, policy: m.Policy, places: int,
                      clause: str | None) -> OutputRankTable | None:
        """按 名次 { 第1名 … }: whole ranks from 1 in order (SL439), none twice (SL438), and every rank
        an entity can have listed — 1 to the number of listed entities — or 其余 (SL432)."""
        name, ok = decl.name.text, True
        bands: list[tuple[int, int, Decimal]] = []
        taken: set[int] = set()
        for row in decl.rows:
            assert isinstance(row, syn.OutputRankRow)
            whole = all(v == v.to_integral_value() and v >= 1 for v in (row.first, row.last))
            if not whole or row.first > row.last:
                band = _band_text(row.first, row.last)
                self.error(msg.OUTPUT_RANK_BAND.at(row.span, name=name, band=Words(band, band)))
                ok = False
                continue
            first, last = int(row.first), int(row.last)
            twice = taken.intersection(range(first, last + 1))
            if twice:
                self.error(msg.OUTPUT_RANKS_OVERLAP.at(row.span, name=name, rank=str(min(twice))))
                ok = False
            taken.update(range(first, last + 1))
            bands.append((first, last, row.amount))
        rest = decl.rest.amount if decl.rest is not None else None
        if rest is None:
            missing: Words | None
            if policy.entities_from_facts:
                missing = Words("名单以外的名次（对象由事实文件列出，名次有多少不定）",
                                "ranks beyond those listed (the entities come from the facts file)")
            else:
                left = [k for k in range(1, len(policy.entities) + 1) if k not in taken]
                text = "、".join(f"第{k}名" for k in left)
                missing = Words(text, ", ".join(f"rank {k}" for k in left)) if left else None
            if missing is not None:
                self.error(msg.OUTPUT_TABLE_INCOMPLETE.at(decl.span, name=name, missing=missing))
                ok = False
        every: list[Any] = [*decl.rows, *((decl.rest,) if decl.rest is not None else ())]
        unit = self._output_unit(name, [(r.unit, r.span) for r in every])
        if not ok:
            return None
        return OutputRankTable(name, tuple(bands), rest, unit, places, clause, span=decl.span)


def _band_text(first: Decimal, last: Decimal) -> str:
    return f"第{first}名" if first == last else f"第{first}至{last}名"


def _max(bound: Decimal | None, bounds: tuple[Any, ...], upper: bool) -> Decimal | None:
    """A formula's range narrowed by its 最低 (``upper`` False) or 最高 bound, if written."""
    given: Decimal | None = next((b.value for b in bounds if b.upper == upper), None)
    if given is None:
        return bound
    if bound is None:
        return given
    return min(bound, given) if upper else max(bound, given)


def _nodes(node: object) -> Iterator[Any]:
    """Every syntax node of an expression, outer first, in the order written."""
    if isinstance(node, tuple):
        for child in node:
            yield from _nodes(child)
        return
    if attrs.has(type(node)):
        yield node
        for field in attrs.fields(type(node)):  # type: ignore[arg-type]  # attrs.has just said so
            if field.name != "span":
                yield from _nodes(getattr(node, field.name))


def _foreign(expr: object) -> Iterator[Any]:
    """What an output's expression may not read: cohort values and scores other than the total."""
    for node in _nodes(expr):
        if isinstance(node, syn.COHORT_VALUE_CLASSES) or (isinstance(node, syn.ScoreRef) and not node.total):
            yield node


def _derived_names(expr: object, derived: dict[str, Any]) -> Iterator[syn.Name]:
    """The names of derived values an expression reads."""
    for node in _nodes(expr):
        if isinstance(node, syn.Name) and node.text in derived:
            yield node
