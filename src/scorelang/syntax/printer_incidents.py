"""How the printer writes incident records (docs/language.md §24): the 日期 and 项号 fields
(``printer_pieces``), escalation (每起「x」 涉及本项的 首次扣1分 再次扣2分 第三次及以上不得分) and
the count of records (个数（「x」 中 …）); merged into ``printer_pieces.INLINE``."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import nodes as n
from .printer_core import Printer
from .printer_exprs import cond


def escalation_step(p: Printer, node: n.EscalationStep) -> str:
    if node.points is None:
        return f"{node.ordinal}不得分"
    verb = p.word(node.span.start, node.span.end, ("_DEDUCT",), "扣")  # 扣 or 减, as written
    return f"{node.ordinal}{verb}{p.num(node.points, node.span.start, node.span.end)}分"


def escalation(p: Printer, node: n.Escalation) -> str:
    parts = [f"{node.each}{p.text(node.records)}"]
    if node.concerning:
        parts.append("涉及本项的")
    parts.extend(p.text(step) for step in node.steps)
    if node.no_repeat:
        parts.append(node.no_repeat)
    return " ".join(parts)


def record_count(p: Printer, node: n.RecordCount) -> str:
    # the parentheses as the author typed them (（） or (), even mixed)
    last = node.condition if node.condition is not None else node.records
    opening = p.word(node.span.start, node.records.span.start, ("LPAREN",), "（")
    closing = p.word(last.span.end, node.span.end, ("RPAREN",), "）" if opening == "（" else ")")
    if node.condition is None:
        return f"个数{opening}{p.text(node.records)}{closing}"
    return f"个数{opening}{p.text(node.records)} 中 {cond(p, node.condition)}{closing}"


INLINE: dict[type, Callable[[Printer, Any], str]] = {
    n.EscalationStep: escalation_step, n.Escalation: escalation, n.RecordCount: record_count,
}
