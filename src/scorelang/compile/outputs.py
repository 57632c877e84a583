"""Outputs (输出 { … }, docs/language.md §25) → one function from a ranked scorecard to its
outputs, built once per policy.

A formula is a compiled expression (``compile.expressions``) reading the entity's total
(``model.expressions.TOTAL_KEY``), its facts and its derived values from the mapping the
evaluator gives (``Evaluator.with_outputs``), and the amounts of the outputs before it (kept in
that mapping as each is computed; one still pending makes it pending), bounded by its 最低/最高
and rounded half-up at its places (``numbers.quantize_half_up``). A table reads the grade, award
or rank the cohort stage gave: a grade or award still to be decided (待认定) makes the output
pending (no value). Outputs are computed after the cohort stage and never change a score, a rank, a grade or an award.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from ..model import expressions as x
from ..model import nodes as m
from ..numbers import format_decimal, quantize_half_up
from ..runtime.scorecard import OutputValue, Scorecard
from .expressions import compile_value

Facts = Mapping[str, Any]
Outputs = Callable[..., tuple[OutputValue, ...]]
"""``outputs(card, facts=None)``: ``facts`` what a formula reads (the total, the entity's facts and
derived values); None: the total only."""
_One = Callable[[Scorecard, Facts], OutputValue]
_NO_AWARD = "未获奖"
_BASIS_WORDS = {"grade": "等次", "award": "奖项"}


def compile_outputs(outputs: tuple[m.Output, ...]) -> Outputs:
    """The function giving a ranked scorecard its outputs, in the order the policy writes them."""
    steps = tuple(_COMPILERS[type(o)](o) for o in outputs)

    def compute(card: Scorecard, facts: Facts | None = None) -> tuple[OutputValue, ...]:
        reads: dict[str, Any] = {x.TOTAL_KEY: card.total} if facts is None else facts  # type: ignore[assignment]
        out = []
        for step in steps:
            value = step(card, reads)
            reads[value.name] = value.value  # what a later output reads of it (None: pending)
            out.append(value)
        return tuple(out)
    return compute


def _formula(o: m.OutputFormula) -> _One:
    value, names = compile_value(o.expr, lambda name: name)
    low, high, places = o.low, o.high, o.places
    unit = f" {o.unit}" if o.unit else ""

    def step(card: Scorecard, reads: Facts) -> OutputValue:
        waiting = [n for n in names if n in reads and reads[n] is None]  # an earlier output still pending
        if waiting:
            return OutputValue(o.name, None, o.unit, o.places, f"{o.text}（「{waiting[0]}」待认定）", o.clause,
                               "pending")
        amount = Decimal(value(reads))
        shown = "，".join(f"{n}={format_decimal(Decimal(v))}" for n in names
                         if isinstance(v := reads[n], (Decimal, int)) and not isinstance(v, bool))
        rule = f"{o.text}（{shown}）" if shown else o.text
        if low is not None and amount < low:
            amount, rule = low, f"{rule} 取最低 {format_decimal(low)}{unit}"
        if high is not None and amount > high:
            amount, rule = high, f"{rule} 取最高 {format_decimal(high)}{unit}"
        return OutputValue(o.name, quantize_half_up(amount, places), o.unit, places, rule, o.clause)
    return step


def _decided(card: Scorecard, basis: str) -> tuple[bool, str | None]:
    """(pending, the grade or award decided: None for none), from the cohort stage's decision
    (runtime.decision: after quotas, pending at a tie sent to the committee, never taken for "no
    award"). A card not yet ranked reads its band's grade; a policy with grades gives every
    total one (SL145), so a card without one is one whose grade is still to be decided; the
    award is ``card.award``."""
    decision = card.grade_decision if basis == "grade" else card.award_decision
    if decision is not None:
        return decision.is_pending, decision.value
    if basis == "grade":
        return card.grade is None, card.grade.name if card.grade is not None else None
    return False, card.award


def _table(o: m.OutputTable) -> _One:
    rows = dict(o.rows)
    word = _BASIS_WORDS[o.basis]

    def step(card: Scorecard, facts: Facts) -> OutputValue:
        pending, key = _decided(card, o.basis)
        if pending:
            return OutputValue(o.name, None, o.unit, o.places, f"{word} 待认定", o.clause, "pending")
        if key is not None and key in rows:
            amount, rule = rows[key], f"{word} {key}"
        else:
            if o.rest is None:  # a checked table lists every grade that can occur, or says 其余 (SL432)
                raise ValueError(f"output {o.name!r} has no row for {key!r}")
            amount = o.rest
            rule = f"{word} {key or _NO_AWARD}（其余）"
        return OutputValue(o.name, quantize_half_up(amount, o.places), o.unit, o.places, rule, o.clause)
    return step


def _ranks(o: m.OutputRankTable) -> _One:
    def step(card: Scorecard, facts: Facts) -> OutputValue:
        if card.rank is None:  # never after ranking; said rather than guessed
            return OutputValue(o.name, None, o.unit, o.places, "名次 待认定", o.clause, "pending")
        amount = o.amount(card.rank)
        if amount is None:  # a checked table lists every rank an entity can have, or says 其余 (SL432)
            raise ValueError(f"output {o.name!r} has no row for rank {card.rank}")
        listed = any(first <= card.rank <= last for first, last, _ in o.bands)
        rule = f"名次 第{card.rank}名" + ("" if listed else "（其余）")
        return OutputValue(o.name, quantize_half_up(amount, o.places), o.unit, o.places, rule, o.clause)
    return step


#: one compile function per model output class (a test checks they cover ``model.nodes.Output``)
_COMPILERS: dict[type, Callable[[Any], _One]] = {
    m.OutputFormula: _formula, m.OutputTable: _table, m.OutputRankTable: _ranks,
}
