"""Lark tree → syntax nodes for grades (等次 依据 "…" { "优秀" 90 分以上 … }), registered into
``from_lark.BUILDERS`` (from_lark.py keeps the rest of the grammar's rules)."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import nodes as n
from .from_lark_support import _tagged

if TYPE_CHECKING:  # only from_lark.py, errors.py and grammar.py import lark; here a token is Any
    from .from_lark import Children, ToSyntax

Meta = Any  # lark's position record, read through ToSyntax.pos


def _parts(children: Children) -> tuple[n.Text, list[Any], bool]:
    """(name, the NUMBER tokens, （不含） written); 考评总分 before the edges is only read."""
    numbers = [c for c in children if getattr(c, "type", None) == "NUMBER"]
    excluded = any(getattr(c, "type", None) == "EXCLUDED" for c in children)
    return children[0], numbers, excluded


def _unit(children: Children) -> str:
    """The edges' unit: 分 (not kept by the parser), % (PERCENT_SIGN) or a unit word (UNIT)."""
    kinds = {getattr(c, "type", None): c for c in children}
    return "%" if "PERCENT_SIGN" in kinds else str(kinds["UNIT"]) if "UNIT" in kinds else "分"


def grades(self: ToSyntax, meta: Meta, children: Children) -> n.Grades:
    clause = _tagged(children, "cite")
    task = _tagged(children, "task")
    value = next((c for c in children if isinstance(c, n.Name)), None)
    return n.Grades(tuple(c for c in children if isinstance(c, n.GradeBand)), clause,
                    span=self.pos.of_meta(meta), task=task, value=value)


def grade_task(self: ToSyntax, meta: Meta, children: Children) -> tuple[str, int]:
    """目标任务二得分 after 等次: the task whose score is graded (its number)."""
    return ("task", children[0])


def band_above(self: ToSyntax, meta: Meta, children: Children) -> n.GradeBand:
    """"优秀" 90 分以上 (90 included) / 90 分以上（不含） (90 excluded)."""
    name, numbers, excluded = _parts(children)
    return n.GradeBand(name, self._number(numbers[0]), excluded, None, False, "above",
                       span=self.pos.of_meta(meta), unit=_unit(children))


def band_below(self: ToSyntax, meta: Meta, children: Children) -> n.GradeBand:
    """"不合格" 60 分以下 (60 included) / 60 分以下（不含） (60 excluded)."""
    name, numbers, excluded = _parts(children)
    return n.GradeBand(name, None, False, self._number(numbers[0]), excluded, "below",
                       span=self.pos.of_meta(meta), unit=_unit(children))


def band_between(self: ToSyntax, meta: Meta, children: Children) -> n.GradeBand:
    """"良好" 80 分至 90 分 (both included) / 80 分至 90 分（不含） (90 excluded)."""
    name, numbers, excluded = _parts(children)
    return n.GradeBand(name, self._number(numbers[0]), False, self._number(numbers[1]), excluded,
                       "between", span=self.pos.of_meta(meta), unit=_unit(children))


GRADE_BUILDERS: dict[str, Callable[[ToSyntax, Meta, Children], Any]] = {
    "grades": grades,
    "grade_task": grade_task,
    "band_above": band_above,
    "band_below": band_below,
    "band_between": band_between,
}
