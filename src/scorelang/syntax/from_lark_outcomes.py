"""Lark tree → syntax nodes for outcome effects (一票否决, docs/language.md §22): 若 … 取消评优资格,
直接评定为 "不合格", 等次不得高于 "良好", 不得评为 "优秀", 降低一个等次 / 降低 N 个等次. Registered into
``from_lark.BUILDERS``; 降低一个等次评奖 and 直接排名最后一位 are built there, the same node."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import nodes as n
from .from_lark_support import _condition

if TYPE_CHECKING:  # only from_lark.py, errors.py and grammar.py import lark; here a token is Any
    from .from_lark import Children, ToSyntax

Meta = Any  # lark's position record, read through ToSyntax.pos


def _on_grade(change: str) -> Callable[[ToSyntax, Meta, Children], n.AwardEffect]:
    def build(self: ToSyntax, meta: Meta, children: Children) -> n.AwardEffect:
        return n.AwardEffect(_condition(children[0]), change, span=self.pos.of_meta(meta), grade=children[1])
    return build


def ineligible_if(self: ToSyntax, meta: Meta, children: Children) -> n.AwardEffect:
    return n.AwardEffect(_condition(children[0]), "ineligible", span=self.pos.of_meta(meta))


def grade_lower_if(self: ToSyntax, meta: Meta, children: Children) -> n.AwardEffect:
    """降低一个等次 (1) / 降低 N 个等次 (N: a whole number from 1, else SL002 at it)."""
    levels = self._numeral(children[1]) if len(children) > 1 else 1
    return n.AwardEffect(_condition(children[0]), "grade_lower", span=self.pos.of_meta(meta), levels=levels,
                         in_words=len(children) == 1)


OUTCOME_BUILDERS: dict[str, Callable[[ToSyntax, Meta, Children], Any]] = {
    "ineligible_if": ineligible_if,
    "grade_force_if": _on_grade("grade_force"),
    "grade_cap_if": _on_grade("grade_cap"),
    "grade_exclude_if": _on_grade("grade_exclude"),
    "grade_lower_if": grade_lower_if,
}
