"""Expressions of the syntax tree → model expressions, with their kind, unit and range checked
statically (docs/language.md §9.2).

``ExprResolver`` is a mixin of ``from_syntax.Resolver`` (through ``RuleResolver``). Every
expression gets a ``ValueType``: its kind (count, number, percent, or ``scalar`` — a literal
or a ratio of two like values), the unit its facts declare (单位 "件"), and the interval its
value can take, from the facts' declared ranges (a count ≥ 0, a percent 0–100, 至多). The
interval decides whether a divisor can be 0: then the author must say the value for that case
(除数为0时取 …), else SL152.

A percent's value is its number of hundredths (85 for 85%), as facts hold it. So 「结案数」 ÷
「受案数」 × 100% is a ratio times 100, a percent; and 「受案数」 × 80% — a percent applied to a
quantity — is written into the model as 「受案数」 × 80 ÷ 100.
"""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from .. import messages as msg
from ..messages.base import Words
from ..syntax import nodes as syn
from . import expressions as x

Bound = Decimal | None  # None: unbounded
_HUNDRED = Decimal(100)
_KIND_WORDS = {
    "count": Words("计数", "a count"), "number": Words("数值", "a number"),
    "percent": Words("百分比", "a percent"), "pp": Words("个百分点（两个百分比之差）", "percentage points"),
    "points": Words("分数", "points"), "scalar": Words("纯数（比率或数字）", "a plain number (a ratio)"),
}
_OP_WORDS = {"+": Words("相加", "add"), "-": Words("相减", "subtract"), "*": Words("相乘", "multiply"),
             "/": Words("相除", "divide"), "cmp": Words("比较", "compare"), "max": Words("取最大", "take the max of"),
             "min": Words("取最小", "take the min of")}
_FUNCTION_WORDS = {"max": ("最大", Words("至少两个值", "at least two values")),
                   "min": ("最小", Words("至少两个值", "at least two values")),
                   "abs": ("绝对值", Words("一个值", "one value"))}


@attrs.frozen
class ValueType:
    """What an expression's value is: kind, unit (单位) and the interval it lies in."""

    kind: str
    unit: str | None = None
    low: Bound = None
    high: Bound = None

    def may_be_zero(self) -> bool:
        return (self.low is None or self.low <= 0) and (self.high is None or self.high >= 0)


def kind_words(kind: str) -> Words:
    return _KIND_WORDS[kind]


def _add(a: Bound, b: Bound) -> Bound:
    return None if a is None or b is None else a + b


def _neg(a: Bound) -> Bound:
    return None if a is None else -a


def _products(a: ValueType, b: ValueType) -> tuple[Bound, Bound]:
    ends = (a.low, a.high, b.low, b.high)
    if any(e is None for e in ends):
        if a.low is not None and b.low is not None and a.low >= 0 and b.low >= 0:
            return a.low * b.low, None
        return None, None
    products = [p * q for p in (a.low, a.high) for q in (b.low, b.high)]  # type: ignore[operator]
    return min(products), max(products)


def _quotients(a: ValueType, b: ValueType) -> tuple[Bound, Bound]:
    if b.low is not None and b.low > 0 and a.low is not None and a.low >= 0:
        low = Decimal(0) if b.high is None else a.low / b.high
        return low, None if a.high is None else a.high / b.low
    if a.low is not None and a.low >= 0 and b.low is not None and b.low >= 0:
        return Decimal(0), None  # a divisor of 0 is guarded: the guard's value joins the range
    return None, None


class ExprResolver:
    """Resolves expressions (mixed into ``Resolver`` through ``RuleResolver``)."""

    facts: dict[str, Any]
    error: Callable[..., None]
    _use: Callable[..., str | None]
    _cohort_value: Callable[..., tuple[x.Expr, ValueType] | None]  # from_syntax_cohort.CohortResolver
    if TYPE_CHECKING:  # from_syntax_incidents.IncidentResolver
        def _record_count(self, clause: str, e: syn.RecordCount) -> tuple[x.Expr, ValueType] | None: ...
    _zero_divisors: int = 0  # divisors that may be 0 met inside the guard being resolved

    def _quantity(self, clause: str, e: Any, occasions: int, need: tuple[str, ...],
                  what: Words, signed: bool = False) -> tuple[x.Expr, ValueType] | None:
        """An expression where a rule takes a quantity of one of the kinds ``need``; unless
        ``signed`` (a ladder's measured value), one that may be negative is SL154."""
        resolved = self._value(clause, e, occasions, False)
        if resolved is None:
            return None
        expr, vt = resolved
        if vt.kind not in need:
            self.error(msg.RULE_VALUE_KIND.at(e.span, what=what, need=Words(
                "或".join(kind_words(k).zh for k in need), " or ".join(kind_words(k).en for k in need)),
                kind=kind_words(vt.kind)))
            return None
        if not signed and (vt.low is None or vt.low < 0):
            self.error(msg.VALUE_MAY_BE_NEGATIVE.at(e.span, what=what))
            return None
        return expr, vt

    def _value(self, clause: str, e: Any, occasions: int, guarded: bool) -> tuple[x.Expr, ValueType] | None:
        """The model of a value and its type, or None after reporting why not."""
        if isinstance(e, syn.Name):
            if self._is_derived(e):
                return self._derived_ref(e, clause)
            fact = self._use(e, clause, ("count", "number", "percent"), Words("算式", "an expression"), occasions)
            if fact is None:
                return None
            return x.FactValue(fact, span=e.span), self._fact_type(fact)
        if isinstance(e, syn.NumberLit):
            return x.Const(e.value, span=e.span), ValueType("scalar", None, e.value, e.value)
        if isinstance(e, syn.PercentLit):
            return x.Const(e.value, span=e.span), ValueType("percent", None, e.value, e.value)
        if isinstance(e, syn.PercentPointsLit):
            return x.Const(e.value, span=e.span), ValueType("pp", None, e.value, e.value)
        if isinstance(e, syn.ScoreLit):
            return x.Const(e.value, span=e.span), ValueType("points", None, e.value, e.value)
        if isinstance(e, syn.Negate):
            inner = self._value(clause, e.operand, occasions, guarded)
            if inner is None:
                return None
            vt = inner[1]
            return x.Negated(inner[0], span=e.span), attrs.evolve(vt, low=_neg(vt.high), high=_neg(vt.low))
        if isinstance(e, syn.Guarded):
            return self._guarded(clause, e, occasions)
        if isinstance(e, syn.Call):
            return self._call(clause, e, occasions, guarded)
        if isinstance(e, syn.Arithmetic):
            return self._arithmetic(clause, e, occasions, guarded)
        if isinstance(e, syn.COHORT_VALUE_CLASSES):
            return self._cohort_value(clause, e, occasions)
        if isinstance(e, syn.RecordCount):  # 个数（「安全事件」 中 …）: from_syntax_incidents
            return self._record_count(clause, e)
        if isinstance(e, syn.ScoreRef) and e.total:  # 考评总分: in an output only (§25)
            return self._total_score(e)
        self.error(msg.NOT_A_VALUE.at(e.span))
        return None

    def _total_score(self, e: syn.ScoreRef) -> tuple[x.Expr, ValueType] | None:
        """考评总分 where a rule takes a value: not known while scoring (SL431); an output's
        resolver (``OutputResolver``) reads it."""
        self.error(msg.OUTPUT_TOTAL_OUTSIDE.at(e.span))
        return None

    def _is_derived(self, e: object) -> bool:
        """Whether ``e`` names a derived value (``DerivedResolver`` knows them)."""
        return False

    def _derived_ref(self, e: syn.Name, clause: str) -> tuple[x.Expr, ValueType] | None:
        raise NotImplementedError  # DerivedResolver's

    def _fact_type(self, fact: str) -> ValueType:
        """A numeric fact's type: its kind, declared unit and range (a count ≥ 0, a percent
        0–100, 至多)."""
        decl, kind = self.facts[fact].decl, self.facts[fact].type
        low: Bound = None if kind == "number" else Decimal(0)
        high: Bound = _HUNDRED if kind == "percent" else None
        if decl.at_most is not None:
            high = decl.at_most
        unit = decl.unit.text if decl.unit is not None else None
        return ValueType(kind, unit, low, high)

    def _guarded(self, clause: str, e: syn.Guarded, occasions: int) -> tuple[x.Expr, ValueType] | None:
        divisions_before = self._zero_divisors
        self._zero_divisors = 0
        inner = self._value(clause, e.expr, occasions, True)
        used = self._zero_divisors
        self._zero_divisors = divisions_before
        if inner is None:
            return None
        if not used:
            self.error(msg.GUARD_UNUSED.at(e.span))
        expr, vt = inner
        fallback = e.fallback.value
        # the fallback is of the expression's kind: a percent for a percent, N 个百分点 (or a plain
        # number) for a difference of percents, a plain number for anything else
        given = "percent" if isinstance(e.fallback, syn.PercentLit) else "pp" if isinstance(
            e.fallback, syn.PercentPointsLit) else "scalar"
        if given != vt.kind and not (given == "scalar" and vt.kind != "percent"):
            entry = msg.PERCENT_VS_POINTS if {given, vt.kind} == {"percent", "pp"} else msg.KINDS_MISMATCH
            self.error(entry.at(e.fallback.span, op=Words("以此代替", "replace"), left=kind_words(vt.kind),
                                right=kind_words(given)))
            return None
        low = None if vt.low is None else min(vt.low, fallback)
        high = None if vt.high is None else max(vt.high, fallback)
        return x.Guard(expr, fallback, span=e.span), attrs.evolve(vt, low=low, high=high)

    def _call(self, clause: str, e: syn.Call, occasions: int, guarded: bool) -> tuple[x.Expr, ValueType] | None:
        word, count = _FUNCTION_WORDS[e.function]
        if (e.function == "abs") != (len(e.args) == 1):
            self.error(msg.FUNCTION_ARGS.at(e.span, function=word, count=count))
            return None
        args = [self._value(clause, a, occasions, guarded) for a in e.args]
        if any(a is None for a in args):
            return None
        resolved = [a for a in args if a is not None]
        vt = resolved[0][1]
        if e.function == "abs":
            ends = [abs(b) for b in (vt.low, vt.high) if b is not None]
            straddles = vt.may_be_zero()
            low = Decimal(0) if straddles else (min(ends) if len(ends) == 2 else None)
            high = max(ends) if len(ends) == 2 else None
            return x.Apply("abs", (resolved[0][0],), span=e.span), attrs.evolve(vt, low=low, high=high)
        pick = max if e.function == "max" else min
        for (_, other), arg in zip(resolved[1:], e.args[1:], strict=True):  # one per argument
            joined = self._like(vt, other, e.function, arg.span)
            if joined is None:
                return None
            lows, highs = (vt.low, other.low), (vt.high, other.high)
            if e.function == "max":
                low = pick(b for b in lows if b is not None) if any(b is not None for b in lows) else None
                high = None if None in highs else pick(highs)  # type: ignore[type-var]
            else:
                low = None if None in lows else pick(lows)  # type: ignore[type-var]
                high = pick(b for b in highs if b is not None) if any(b is not None for b in highs) else None
            vt = attrs.evolve(joined, low=low, high=high)
        return x.Apply(e.function, tuple(a[0] for a in resolved), span=e.span), vt

    def _check_truth(self, op: str, left: ValueType, right: ValueType, span: Any) -> None:
        """SL155: a comparison that the declared ranges decide for every entity."""
        truth = constant_truth(op, left, right)
        if truth is None:
            return
        entry = msg.CONDITION_ALWAYS_TRUE if truth else msg.CONDITION_NEVER_TRUE
        low = "−∞" if left.low is None else f"{left.low.normalize():f}"
        high = "+∞" if left.high is None else f"{left.high.normalize():f}"
        self.error(entry.at(span, low=low, high=high))

    def _like(self, a: ValueType, b: ValueType, op: str, span: Any) -> ValueType | None:
        """The type of adding (or comparing, or taking the max of) two values, or None after SL151."""
        if a.kind == "scalar" or b.kind == "scalar":
            kind = b.kind if a.kind == "scalar" else a.kind
        elif a.kind == b.kind:
            # a percent less a percent is a difference in 个百分点, not a percent
            kind = "pp" if op == "-" and a.kind == "percent" else a.kind
        elif {a.kind, b.kind} == {"count", "number"}:
            kind = "number"
        elif {a.kind, b.kind} == {"percent", "pp"} and (op == "+" or (op == "-" and a.kind == "percent")):
            kind = "percent"  # 「上年率」 + 2 个百分点: a percent moved by points
        elif {a.kind, b.kind} == {"percent", "pp"}:
            self.error(msg.PERCENT_VS_POINTS.at(span, op=_OP_WORDS[op], left=kind_words(a.kind),
                                                right=kind_words(b.kind)))
            return None
        else:
            self.error(msg.KINDS_MISMATCH.at(span, op=_OP_WORDS[op], left=kind_words(a.kind), right=kind_words(b.kind)))
            return None
        if a.unit and b.unit and a.unit != b.unit:
            self.error(msg.UNITS_MISMATCH.at(span, op=_OP_WORDS[op], left=a.unit, right=b.unit))
            return None
        return ValueType(kind, a.unit or b.unit)

    def _arithmetic(self, clause: str, e: syn.Arithmetic, occasions: int,
                    guarded: bool) -> tuple[x.Expr, ValueType] | None:
        first = self._value(clause, e.first, occasions, guarded)
        rest = [(op, operand, self._value(clause, operand, occasions, guarded)) for op, operand in e.rest]
        if first is None or any(r is None for _, _, r in rest):
            return None
        expr, vt = first
        operations: list[x.Operation] = []
        for op, operand, resolved in rest:
            assert resolved is not None
            right, rt = resolved
            if op in "+-":
                joined = self._like(vt, rt, op, operand.span)
                if joined is None:
                    return None
                if op == "+":
                    low, high = _add(vt.low, rt.low), _add(vt.high, rt.high)
                else:
                    low, high = _add(vt.low, _neg(rt.high)), _add(vt.high, _neg(rt.low))
                operations.append(x.Operation(op, right, span=operand.span))
                vt = attrs.evolve(joined, low=low, high=high)
                continue
            if op == "/" and rt.may_be_zero():
                if guarded:
                    self._zero_divisors += 1
                else:
                    self.error(msg.DIVISOR_MAY_BE_ZERO.at(operand.span, divisor=_shown(operand)))
                    return None
            product = self._product(vt, rt, op, operand.span)
            if product is None:
                return None
            kind, unit, per_hundred = product
            low, high = _products(vt, rt) if op == "*" else _quotients(vt, rt)
            operations.append(x.Operation(op, right, span=operand.span))
            if per_hundred:  # a percent applied to a quantity: its value is hundredths
                operations.append(x.Operation("/" if op == "*" else "*", x.Const(_HUNDRED, span=operand.span),
                                              span=operand.span))
                low, high = _scaled(low, high, op)
            vt = ValueType(kind, unit, low, high)
        return x.Arith(expr, tuple(operations), span=e.span), vt

    def _product(self, a: ValueType, b: ValueType, op: str, span: Any) -> tuple[str, str | None, bool] | None:
        """(kind, unit, a percent applied as hundredths) of a × b or a ÷ b, or None after SL151."""
        kinds = (a.kind, b.kind)
        if op == "*" and "points" in kinds and not {"count", "number", "scalar"}.isdisjoint(kinds):
            return "points", None, False  # 0.5 分 × 「次数」: points times a factor stay points
        if op == "*":
            if a.kind == "scalar" or b.kind == "scalar":
                return (b.kind if a.kind == "scalar" else a.kind), a.unit or b.unit, False
            if "percent" in kinds:
                other = a if b.kind == "percent" else b
                return other.kind if other.kind in ("percent", "pp", "points") else "number", other.unit, True
            return "number", None, False
        # division
        if b.kind == "scalar":
            return a.kind, a.unit, False
        if a.kind == b.kind or {a.kind, b.kind} == {"count", "number"}:
            return "scalar", None, False
        if b.kind == "percent" and a.kind in ("count", "number"):
            return "number", a.unit, True
        self.error(msg.KINDS_MISMATCH.at(span, op=_OP_WORDS[op], left=kind_words(a.kind), right=kind_words(b.kind)))
        return None


def constant_truth(op: str, left: ValueType, right: ValueType) -> bool | None:
    """Whether ``left op right`` holds for every value in the intervals (True), for none
    (False), or depends on the facts (None)."""
    a, b, c, d = left.low, left.high, right.low, right.high

    def below(p: Bound, q: Bound) -> bool:  # p < q, for every value, with None unbounded
        return p is not None and q is not None and p < q

    def at_most(p: Bound, q: Bound) -> bool:
        return p is not None and q is not None and p <= q

    if op == "lt":
        return True if below(b, c) else False if at_most(d, a) else None
    if op == "le":
        return True if at_most(b, c) else False if below(d, a) else None
    if op == "gt":
        return True if below(d, a) else False if at_most(b, c) else None
    if op == "ge":
        return True if at_most(d, a) else False if below(b, c) else None
    equal = a is not None and a == b == c == d
    apart = below(b, c) or below(d, a)
    if op == "eq":
        return True if equal else False if apart else None
    return False if equal else True if apart else None


def _scaled(low: Bound, high: Bound, op: str) -> tuple[Bound, Bound]:
    if op == "*":
        return (None if low is None else low / _HUNDRED), (None if high is None else high / _HUNDRED)
    return (None if low is None else low * _HUNDRED), (None if high is None else high * _HUNDRED)


def _shown(e: Any) -> str:
    """A divisor as the author wrote it, for the message."""
    if isinstance(e, syn.Name):
        return f"「{e.text}」"
    if isinstance(e, (syn.NumberLit, syn.PercentLit)):
        return str(e.value)
    return Words("（算式）", "(expression)").zh
