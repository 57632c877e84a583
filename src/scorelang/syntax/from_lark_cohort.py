"""Builders of the cohort values' grammar rules (docs/language.md §9.6), registered into
``from_lark.BUILDERS``. Each takes the ``ToSyntax`` walker, the rule's meta and its children
(built nodes and kept tokens, as the grammar fixes them) and returns a ``syntax.nodes`` node.
No lark import here: a kept token is a ``str`` with a ``type``.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import nodes as n
from .from_lark_support import _condition, _tagged

if TYPE_CHECKING:
    from .from_lark import ToSyntax

Children = list[Any]
Builder = Callable[["ToSyntax", Any, Children], Any]

_FUNCTIONS = {"平均": "mean", "合计": "sum", "最高": "max", "最低": "min", "中位数": "median"}


def _scope(children: Children) -> tuple[n.Name | None, str]:
    """(the group, or None for every entity; the scope as written)."""
    first = children[0]
    if isinstance(first, n.Name):
        return first, f"「{first.text}」"
    return None, str(first)


def _kept(children: Children) -> list[Any]:
    """The children that are built nodes, not tokens (a token is a str)."""
    return [c for c in children if not isinstance(c, str)]


def cohort_aggregate(self: ToSyntax, meta: Any, children: Children) -> n.CohortAggregate:
    group, word = _scope(children)
    return n.CohortAggregate(group, word, _FUNCTIONS[str(children[1])], children[2], span=self.pos.of_meta(meta))


def cohort_count(self: ToSyntax, meta: Any, children: Children) -> n.CohortCount:
    group, word = _scope(children)
    condition = _kept(children[1:])[0]
    return n.CohortCount(group, word, "count" if str(children[1]) == "个数" else "share", _condition(condition),
                         span=self.pos.of_meta(meta))


def cohort_rank(self: ToSyntax, meta: Any, children: Children) -> n.CohortRank:
    group, word = _scope(children)
    operand = _kept(children[1:])[0]
    kinds = {getattr(c, "type", None): str(c) for c in children if isinstance(c, str)}
    return n.CohortRank(group, word, operand, kinds.get("RANK_ORDER"), kinds.get("RANK_TIES"),
                        span=self.pos.of_meta(meta))


def item_score_ref(self: ToSyntax, meta: Any, children: Children) -> n.ScoreRef:
    numbers = [c for c in children if isinstance(c, int)]
    task = numbers[0] if len(numbers) == 2 else None
    return n.ScoreRef(task, numbers[-1], span=self.pos.of_meta(meta))


def task_score_ref(self: ToSyntax, meta: Any, children: Children) -> n.ScoreRef:
    return n.ScoreRef(children[0], None, span=self.pos.of_meta(meta))


def section_score_ref(self: ToSyntax, meta: Any, children: Children) -> n.ScoreRef:
    task = children[0] if isinstance(children[0], int) else None
    return n.ScoreRef(task, None, section=children[-1], span=self.pos.of_meta(meta))


def total_score_ref(self: ToSyntax, meta: Any, children: Children) -> n.ScoreRef:
    return n.ScoreRef(None, None, True, span=self.pos.of_meta(meta))


def rank_top(self: ToSyntax, meta: Any, children: Children) -> n.RankWithin:  # children: expr, NUMBER
    return n.RankWithin(children[0], "top", self._number(children[1]), span=self.pos.of_meta(meta))


def rank_bottom(self: ToSyntax, meta: Any, children: Children) -> n.RankWithin:
    return n.RankWithin(children[0], "bottom", self._number(children[1]), span=self.pos.of_meta(meta))


def rank_row(self: ToSyntax, meta: Any, children: Children) -> n.RankRow:
    numbers: list[Any] = [c for c in children if isinstance(c, str) and getattr(c, "type", None) == "NUMBER"]
    first = self._number(numbers[0])
    last = self._number(numbers[1]) if len(numbers) > 1 else first
    return n.RankRow(first, last, children[-1], span=self.pos.of_meta(meta))


def rank_rest(self: ToSyntax, meta: Any, children: Children) -> tuple[str, Any]:
    return ("rest", children[-1])


def rank_points(self: ToSyntax, meta: Any, children: Children) -> n.RankPoints:
    rows = tuple(c for c in children[1:] if isinstance(c, n.RankRow))
    rest = _tagged(children[1:], "rest")
    return n.RankPoints(children[0], rows, rest, span=self.pos.of_meta(meta))


COHORT_BUILDERS: dict[str, Builder] = {
    "cohort_aggregate": cohort_aggregate,
    "cohort_count": cohort_count,
    "cohort_rank": cohort_rank,
    "item_score_ref": item_score_ref,
    "task_score_ref": task_score_ref,
    "total_score_ref": total_score_ref,
    "section_score_ref": section_score_ref,
    "rank_top": rank_top,
    "rank_bottom": rank_bottom,
    "rank_row": rank_row,
    "rank_rest": rank_rest,
    "rank_points": rank_points,
}
