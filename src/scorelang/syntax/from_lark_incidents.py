"""Builders of the incident records' grammar rules (docs/language.md §24), registered into
``from_lark.BUILDERS``: the 日期 and 项号 fields of a 记录, escalation (每起 … 首次扣1分 再次扣2分
第三次及以上不得分) and the count of records (个数（「x」 中 …）). The per-incident points table
is the records' table (``from_lark.ToSyntax.table``). No lark import here: a kept token is a
``str`` with a ``type``.
"""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import nodes as n

if TYPE_CHECKING:
    from .from_lark import ToSyntax

Children = list[Any]
Builder = Callable[["ToSyntax", Any, Children], Any]


def _typed(children: Children, type_: str) -> list[str]:
    return [c for c in children if isinstance(c, str) and getattr(c, "type", None) == type_]


def date_field(self: ToSyntax, meta: Any, children: Children) -> tuple[str, tuple[n.Text, ...]]:
    return ("date", ())


def item_field(self: ToSyntax, meta: Any, children: Children) -> tuple[str, tuple[n.Text, ...]]:
    return ("item", ())


def escalation_step(self: ToSyntax, meta: Any, children: Children) -> n.EscalationStep:
    points = next(c for c in children if isinstance(c, Decimal))
    return n.EscalationStep(str(children[0]), points, span=self.pos.of_meta(meta))


def escalation_rest(self: ToSyntax, meta: Any, children: Children) -> n.EscalationStep:
    points = next((c for c in children if isinstance(c, Decimal)), None)
    return n.EscalationStep(str(children[0]), points, onwards=True, span=self.pos.of_meta(meta))


def escalation(self: ToSyntax, meta: Any, children: Children) -> n.Escalation:
    steps = tuple(c for c in children if isinstance(c, n.EscalationStep))
    no_repeat = next(iter(_typed(children, "NO_REPEAT")), None)
    name = next(c for c in children if isinstance(c, n.Name))
    return n.Escalation(name, bool(_typed(children, "CONCERNING")), steps,
                        str(no_repeat) if no_repeat is not None else None, span=self.pos.of_meta(meta),
                        each=str(_typed(children, "EACH_RECORD")[0]))


def record_count(self: ToSyntax, meta: Any, children: Children) -> n.RecordCount:
    name = next(c for c in children if isinstance(c, n.Name))
    rest = [c for c in children if not isinstance(c, str) and c is not name]
    return n.RecordCount(name, rest[0] if rest else None, span=self.pos.of_meta(meta))


INCIDENT_BUILDERS: dict[str, Builder] = {
    "date_field": date_field,
    "item_field": item_field,
    "escalation_step": escalation_step,
    "escalation_rest": escalation_rest,
    "escalation": escalation,
    "record_count": record_count,
}
