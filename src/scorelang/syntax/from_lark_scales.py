"""Lark tree → syntax nodes for scales, base-zero scoring and caps of sections and tasks
(满分 1000 分 按原分计入, 基础分 0 分, 本部分扣分最多 10 分): builders registered into
``from_lark.BUILDERS`` (from_lark.py keeps the rest of the grammar's rules)."""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import nodes as n
from .from_lark_support import _tagged

if TYPE_CHECKING:  # only from_lark.py, errors.py and grammar.py import lark; here a token is Any
    from .from_lark import Children, ToSyntax

Meta = Any  # lark's position record, read through ToSyntax.pos

ENTERS = {"按原分计入": "as_is", "折算为百分制": "normalised"}


def _token(children: Children, type_: str) -> Any:
    """The first kept token of ``type_`` among a rule's children (a lark Token), or None."""
    return next((c for c in children if getattr(c, "type", None) == type_), None)


def total_scale(self: ToSyntax, meta: Meta, children: Children) -> n.ScaleDecl:
    """满分 1000 分 依据 "…" (header)."""
    clause = _tagged(children, "cite")
    return n.ScaleDecl(self._number(children[0]), None, clause, span=self.pos.of_meta(meta))


def task_scale(self: ToSyntax, meta: Meta, children: Children) -> n.ScaleDecl:
    """满分 60 分 折算为百分制 (task)."""
    enters = _token(children, "ENTERS")
    return n.ScaleDecl(self._number(children[0]), ENTERS[str(enters)] if enters else None,
                       span=self.pos.of_meta(meta))


def tasks_summed(self: ToSyntax, meta: Meta, children: Children) -> n.TasksSummed:
    return n.TasksSummed(span=self.pos.of_meta(meta))


def base_score(self: ToSyntax, meta: Meta, children: Children) -> n.BaseScore:
    return n.BaseScore(self._number(children[0]), span=self.pos.of_meta(meta))


def _scope_cap(self: ToSyntax, meta: Meta, children: Children, scope: str) -> n.SetCap:
    verb = str(_token(children, "SET_CAP"))[0]
    number = _token(children, "NUMBER")
    assert number is not None  # the grammar writes one
    return n.SetCap(verb, self._number(number), span=self.pos.of_meta(meta), scope=scope)


def records_empty(self: ToSyntax, meta: Meta, children: Children) -> n.RatingsEmpty:
    """无记录时 计 0 分 / 无记录时 报错."""
    value = self._number(children[0]) if children else None
    return n.RatingsEmpty(value, span=self.pos.of_meta(meta), records=True)


def relative_step(self: ToSyntax, meta: Meta, children: Children) -> tuple[Decimal, str]:
    """每降低 相对目标的 5%: (5, RELATIVE_STEP)."""
    return (self._number(children[1]), n.RELATIVE_STEP)


SCALE_BUILDERS: dict[str, Callable[[ToSyntax, Meta, Children], Any]] = {
    "total_scale": total_scale,
    "task_scale": task_scale,
    "tasks_summed": tasks_summed,
    "base_score": base_score,
    "task_cap": lambda self, meta, children: _scope_cap(self, meta, children, "本任务"),
    "section_cap": lambda self, meta, children: _scope_cap(self, meta, children, "本部分"),
    "records_empty": records_empty,
    "relative_step": relative_step,
}
