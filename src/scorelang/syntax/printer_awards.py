"""How the printer writes quotas (名额 { … }) and the awards block's statements of §23
(综合奖 "一等奖" 3 名 并列 提交认定, 单项奖 目标任务二、目标任务五 各前2名, 考评总分 低于 80 分 不评奖).
Merged into ``printer.STATEMENTS``; ``printer._awards`` reads the one-line texts."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from . import nodes as n
from .printer_core import Printer


def _tie(tie: str | None) -> str:
    return f" 并列 {tie}" if tie else ""


def _each(each_group: bool) -> str:
    return " 每组" if each_group else ""


def quota_text(p: Printer, node: n.Quota) -> str:
    s, e = node.span.start, node.span.end
    scope = ""
    if isinstance(node.scope, n.Name):
        scope = " " + p.text(node.scope)
    elif node.scope is not None:
        scope = " " + node.scope
    if node.count is not None:
        amount = p.num(Decimal(node.count), s, e, 0) + " 名"
    else:
        assert node.percent is not None
        amount = ((node.of_total + " " if node.of_total else "") + p.num(node.percent, s, e, 0)
                  + p.word(s, e, ("PERCENT_SIGN",), "%"))
    rounding = f" {node.rounding}" if node.rounding else ""
    return f"{p.text(node.name)}{scope} 不超过 {amount}{rounding}{_tie(node.tie)}"


def count_tier_text(p: Printer, node: n.CountTier) -> str:
    count = p.num(Decimal(node.count), node.span.start, node.span.end, 0)
    return f"综合奖 {p.text(node.name)}{_each(node.each_group)} {count} 名{_tie(node.tie)}"


def single_tasks_text(p: Printer, node: n.SingleTasks) -> str:
    s, e = node.span.start, node.span.end
    tasks = "、".join("目标任务" + p.numeral(t, s, e, True) for t in node.tasks)
    top = p.num(Decimal(node.top), s, e, None)
    return f"单项奖 {tasks} 各前{top}名"


def floor_text(p: Printer, node: n.AwardFloor) -> str:
    return f"考评总分 {node.compare} {p.num(node.points, node.span.start, node.span.end, 0)} 分 不评奖"


def block_head(p: Printer, keyword: str, node: n.Quotas | n.Awards) -> str:
    """奖项 / 名额 依据 "…" 认定 「…」: a block's keyword with its clause and who decides."""
    words = [keyword]
    if node.cite is not None:
        words.append("依据 " + p.text(node.cite))
    if node.decider is not None:
        words.append("认定 " + p.text(node.decider))
    return " ".join(words)


def _quotas(p: Printer, node: n.Quotas) -> None:
    p.block(node.span, block_head(p, "名额", node), lambda: p.nodes(node.quotas))


STATEMENTS: dict[type, Callable[[Printer, Any], None]] = {
    n.Quotas: _quotas,
    n.Quota: lambda p, node: p.stmt(node.span, quota_text(p, node)),
    n.CountTier: lambda p, node: p.stmt(node.span, count_tier_text(p, node)),
    n.SingleTasks: lambda p, node: p.stmt(node.span, single_tasks_text(p, node)),
    n.AwardFloor: lambda p, node: p.stmt(node.span, floor_text(p, node)),
}
