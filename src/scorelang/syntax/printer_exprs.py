"""How the printer writes literals, expressions and conditions (``syntax.printer`` holds the table).

Parentheses: the tree keeps none, so the printer writes them where the grammar needs them to
read the same tree back (a sum inside a product, 或 inside 且, a condition where a value is
expected, a negative value first in a later argument) and where the author wrote them around
an expression or condition, in the author's ( or （.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import nodes as n
from .printer_core import Printer

# ------------------------------------------------------------------ literals and names
_OPERATOR_WORDS = {"+": ("＋", "+"), "-": ("-", "－", "−"), "*": ("×", "*", "＊"), "/": ("÷", "/", "／")}
_CANONICAL_OP = {"+": "+", "-": "-", "*": "×", "/": "÷"}
_OP_TYPES = ("PLUS", "MINUS", "TIMES", "DIVIDE")
_FUNCTION_WORDS = {"max": "最大", "min": "最小", "abs": "绝对值"}
_MINUSES = frozenset("-－−")
CONDITIONS = (n.Comparison, n.FactComparison, n.ExprComparison, n.Not, n.And, n.Or, n.RankWithin)


def name(p: Printer, node: n.Name) -> str:
    return p.bracketed(node.text, node.span)


def text(p: Printer, node: n.Text) -> str:
    return p.quoted(node.text, node.span)


def _signed(p: Printer, value: Any, span: Any) -> str:
    digits = p.num(abs(value), span.start, span.end)
    if value < 0 or (value == 0 and value.is_signed()):
        return p.word(span.start, span.end, ("MINUS",), "-") + digits
    return digits


def number_lit(p: Printer, node: n.NumberLit) -> str:
    return _signed(p, node.value, node.span)


def percent_lit(p: Printer, node: n.PercentLit) -> str:
    return _signed(p, node.value, node.span) + p.word(node.span.start, node.span.end, ("PERCENT_SIGN",), "%")


def percent_points_lit(p: Printer, node: n.PercentPointsLit) -> str:
    return _signed(p, node.value, node.span) + " 个百分点"


def score_lit(p: Printer, node: n.ScoreLit) -> str:
    return _signed(p, node.value, node.span) + " 分"


def string_lit(p: Printer, node: n.StringLit) -> str:
    return p.quoted(node.value, node.span)


def flag_lit(p: Printer, node: n.FlagLit) -> str:
    return "是" if node.value else "否"


def none_lit(p: Printer, node: n.NoneLit) -> str:
    return "无"


def not_occurred_lit(p: Printer, node: n.NotOccurredLit) -> str:
    return "未发生"


# ------------------------------------------------------------------ expressions
def _parens(p: Printer, node: Any, inner: str) -> str:
    """``inner`` in parentheses, in the author's ( or （ when they wrote some."""
    opening, closing = "（", "）"
    if p.layout is not None:
        before, _ = p.layout.char_before(node.span.start)
        after, _ = p.layout.char_after(node.span.end)
        if before in "(（" and before and after in ")）" and after:
            opening, closing = before, after
    return f"{opening}{inner}{closing}"


def _written_in_parens(p: Printer, node: Any) -> bool:
    """Whether the author wrote this expression or condition in parentheses of its own (not a
    function's), however redundant: （「x」） stays so."""
    if p.layout is None or node.span.end <= node.span.start:
        return False
    before, at = p.layout.char_before(node.span.start)
    after, _ = p.layout.char_after(node.span.end)
    if not before or before not in "(（" or not after or after not in ")）":
        return False
    return not p.layout.text[:at].rstrip().endswith(tuple(_FUNCTION_WORDS.values()))


def _is_sum(node: Any) -> bool:
    return isinstance(node, n.Arithmetic) and node.rest[0][0] in "+-"


def expr(p: Printer, node: Any, place: str = "top", lead: bool = False) -> str:
    """An expression where ``place`` puts it: ``top`` (a rule's quantity, a comparison's side,
    a function's argument), ``sum`` / ``product`` (an operand), ``unary`` (after a minus),
    ``guarded`` (before 除数为0时取). ``lead``: it comes first where a minus may not start
    (an argument after the first, a ladder after a condition), so a value that starts with
    one is put in parentheses."""
    if isinstance(node, CONDITIONS):
        needs = True
    elif isinstance(node, n.Guarded):
        needs = place not in ("top",)
    elif isinstance(node, n.Arithmetic):
        needs = place in ("product", "unary") or (place == "sum" and _is_sum(node))
    else:
        needs = False
    written = needs or _written_in_parens(p, node)
    if written:
        return _parens(p, node, p.text(node))
    if isinstance(node, n.Arithmetic):
        return _arithmetic(p, node, lead)
    if isinstance(node, n.Guarded):
        return _guarded(p, node, lead)
    printed = p.text(node)
    if lead and printed[:1] in _MINUSES:
        return _parens(p, node, printed)
    return printed


def _arithmetic(p: Printer, node: n.Arithmetic, lead: bool) -> str:
    place = "sum" if _is_sum(node) else "product"
    parts = [expr(p, node.first, place, lead)]
    previous = node.first
    for op, operand in node.rest:
        allowed = frozenset(_OPERATOR_WORDS[op])
        word = p.word(previous.span.end, operand.span.start, _OP_TYPES, _CANONICAL_OP[op], allowed)
        parts.append(f"{word} {expr(p, operand, place)}")
        previous = operand
    return " ".join(parts)


def arithmetic(p: Printer, node: n.Arithmetic) -> str:
    return _arithmetic(p, node, False)


def negate(p: Printer, node: n.Negate) -> str:
    minus = p.word(node.span.start, node.operand.span.start, ("MINUS",), "-")
    return minus + expr(p, node.operand, "unary")


def call(p: Printer, node: n.Call) -> str:
    end = node.args[0].span.start if node.args else node.span.end
    opening = p.word(node.span.start, end, ("LPAREN",), "（")
    closing = p.word(node.args[-1].span.end if node.args else node.span.start, node.span.end, ("RPAREN",),
                     "）" if opening == "（" else ")")
    args = [expr(p, arg, "top", lead=i > 0) for i, arg in enumerate(node.args)]
    return f"{_FUNCTION_WORDS[node.function]}{opening}{'，'.join(args)}{closing}"


def _guarded(p: Printer, node: n.Guarded, lead: bool) -> str:
    word = p.word(node.expr.span.end, node.fallback.span.start, ("GUARD",), "除数为0时取")
    return f"{expr(p, node.expr, 'guarded', lead)} {word} {p.text(node.fallback)}"


def guarded(p: Printer, node: n.Guarded) -> str:
    return _guarded(p, node, False)


# ------------------------------------------------------------------ conditions
def cond(p: Printer, node: Any, place: str = "top") -> str:
    """A condition where ``place`` puts it: ``top``, or an operand of ``or``, ``and``, ``not``."""
    if not isinstance(node, CONDITIONS + (n.FlagRef,)):
        return expr(p, node, "top")
    printed = p.text(node)
    needs = (isinstance(node, n.Or) and place in ("or", "and", "not")) or (
        isinstance(node, n.And) and place in ("and", "not"))
    if needs or _written_in_parens(p, node):
        return _parens(p, node, printed)
    return printed


def flag_ref(p: Printer, node: n.FlagRef) -> str:
    return name(p, node.name)


def _compared(p: Printer, left: Any, op: str, right: Any) -> str:
    side = expr(p, right, "top") if not isinstance(right, (n.StringLit, n.FlagLit, n.NoneLit)) else p.text(right)
    return f"{expr(p, left, 'top')} {op} {side}"


def comparison(p: Printer, node: n.Comparison) -> str:
    return _compared(p, node.name, node.op, node.value)


def fact_comparison(p: Printer, node: n.FactComparison) -> str:
    return _compared(p, node.left, node.op, node.right)


def expr_comparison(p: Printer, node: n.ExprComparison) -> str:
    return _compared(p, node.left, node.op, node.right)


def negation(p: Printer, node: n.Not) -> str:
    return "非" + cond(p, node.operand, "not")


def conjunction(p: Printer, node: n.And) -> str:
    return " 且 ".join(cond(p, operand, "and") for operand in node.operands)


def disjunction(p: Printer, node: n.Or) -> str:
    return " 或 ".join(cond(p, operand, "or") for operand in node.operands)


INLINE: dict[type, Callable[[Printer, Any], str]] = {
    n.Name: name, n.Text: text,
    n.NumberLit: number_lit, n.PercentLit: percent_lit, n.PercentPointsLit: percent_points_lit, n.ScoreLit: score_lit,
    n.StringLit: string_lit, n.FlagLit: flag_lit,
    n.NoneLit: none_lit, n.NotOccurredLit: not_occurred_lit,
    n.Arithmetic: arithmetic, n.Negate: negate, n.Call: call, n.Guarded: guarded,
    n.FlagRef: flag_ref, n.Comparison: comparison, n.FactComparison: fact_comparison,
    n.ExprComparison: expr_comparison, n.Not: negation, n.And: conjunction, n.Or: disjunction,
}
