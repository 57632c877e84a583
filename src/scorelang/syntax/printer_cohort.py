"""How the printer writes cohort values (docs/language.md §9.6: 全体平均「x」, 「组」个数（…）,
全体名次（「x」 由高到低 并列占位）, 前/后 N 名) and points by rank (§9.7); merged into
``printer_pieces.INLINE``. The scope, the function, the order and the tie rule are kept by
the tree as written."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import nodes as n
from .printer_core import Printer
from .printer_exprs import cond, expr

_FUNCTION_WORDS = {"mean": "平均", "sum": "合计", "max": "最高", "min": "最低", "median": "中位数"}


def _scope(p: Printer, node: Any) -> str:
    return p.text(node.group) if node.group is not None else node.scope_word


def _operand(p: Printer, node: Any) -> str:
    return p.text(node)


def score_ref(p: Printer, node: n.ScoreRef) -> str:
    if node.total:
        return "考评总分"
    s, e = node.span.start, node.span.end
    task = f"目标任务{p.numeral(node.task, s, e, chinese=True)}" if node.task is not None else ""
    if node.section is not None:
        return f"{task}部分 {p.text(node.section)} 得分"
    if node.item is None:
        return f"{task}得分"
    # the item's number is the last numeral of the reference
    found = p.layout.between(s, e, "CN_NUMBER", "NUMBER") if p.layout is not None else []
    item = p.numeral(node.item, found[-1].start if found else e, e, chinese=False)
    return f"{task}第{item}项得分"


def cohort_aggregate(p: Printer, node: n.CohortAggregate) -> str:
    return f"{_scope(p, node)}{_FUNCTION_WORDS[node.function]}{_operand(p, node.operand)}"


def _parens(p: Printer, node: Any, inner: Any) -> tuple[str, str]:
    """The parentheses around ``inner`` as the author wrote them (（） or ()), else （）."""
    opening = p.word(node.span.start, inner.span.start, ("LPAREN",), "（")
    closing = p.word(inner.span.end, node.span.end, ("RPAREN",), "）" if opening == "（" else ")")
    return opening, closing


def cohort_count(p: Printer, node: n.CohortCount) -> str:
    word = "个数" if node.function == "count" else "占比"
    opening, closing = _parens(p, node, node.condition)
    return f"{_scope(p, node)}{word}{opening}{cond(p, node.condition)}{closing}"


def cohort_rank(p: Printer, node: n.CohortRank) -> str:
    words = [w for w in (node.order, node.ties) if w is not None]
    opening, closing = _parens(p, node, node.operand)
    return f"{_scope(p, node)}名次{opening}{' '.join([_operand(p, node.operand), *words])}{closing}"


def rank_within(p: Printer, node: n.RankWithin) -> str:
    end = "前" if node.end == "top" else "后"
    return f"{expr(p, node.rank, 'top')} {end} {p.num(node.count, node.rank.span.end, node.span.end)} 名"


def rank_row(p: Printer, node: n.RankRow) -> str:
    s, e = node.span.start, node.span.end
    first = p.num(node.first, s, e)
    if node.last != node.first:
        sep = p.word(s, e, ("RANGE_SEP",), "至")
        found = p.layout.between(s, e, "NUMBER") if p.layout is not None else []
        last = p.num(node.last, found[1].start if len(found) > 1 else s, e)
        return f"第{first}{sep}{last}名得{p.num(node.points, found[-1].start if found else s, e)}分"
    found = p.layout.between(s, e, "NUMBER") if p.layout is not None else []
    return f"第{first}名得{p.num(node.points, found[-1].start if found else s, e)}分"


def rank_points(p: Printer, node: n.RankPoints) -> str:
    # glued to a bare fact (按「名次」), as 按「x」比例得 is
    rank = expr(p, node.rank, "top")  # with the parentheses the author wrote around it
    head = "按" + rank if isinstance(node.rank, n.Name) else f"按 {rank}"
    parts = [head, *(p.text(row) for row in node.rows)]
    if node.rest is not None:
        start = node.rows[-1].span.end if node.rows else node.rank.span.end
        parts.append(f"其余得{p.num(node.rest, start, node.span.end)}分")
    return " ".join(parts)


INLINE: dict[type, Callable[[Printer, Any], str]] = {
    n.ScoreRef: score_ref, n.CohortAggregate: cohort_aggregate, n.CohortCount: cohort_count,
    n.CohortRank: cohort_rank, n.RankWithin: rank_within, n.RankRow: rank_row, n.RankPoints: rank_points,
}
