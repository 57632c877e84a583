"""Lark tree → syntax nodes for quotas (名额 { … }) and awards as the policy defines them
(综合奖 … N 名, 每组, 单项奖 目标任务… 各前N名, 考评总分 低于 N 分 不评奖), registered into
``from_lark.BUILDERS`` (docs/language.md §23)."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import nodes as n
from .from_lark_support import _tagged, _typed

if TYPE_CHECKING:  # only from_lark.py, errors.py and grammar.py import lark; here a token is Any
    from .from_lark import Children, ToSyntax

Meta = Any  # lark's position record, read through ToSyntax.pos


def quotas(self: ToSyntax, meta: Meta, children: Children) -> n.Quotas:
    return n.Quotas(tuple(c for c in children if isinstance(c, n.Quota)), _tagged(children, "cite"),
                    _tagged(children, "decider"), span=self.pos.of_meta(meta))


def quota(self: ToSyntax, meta: Meta, children: Children) -> n.Quota:
    amount = _tagged(children, "amount")
    kind, value, of_total = amount
    return n.Quota(children[0], _tagged(children, "scope"), value if kind == "count" else None,
                   value if kind == "percent" else None, _tagged(children, "round"), _tagged(children, "tie"),
                   span=self.pos.of_meta(meta), of_total=of_total)


def quota_scope(self: ToSyntax, meta: Meta, children: Children) -> tuple[str, Any]:
    scope = children[0]
    return ("scope", scope if isinstance(scope, n.Name) else str(scope))


def quota_count(self: ToSyntax, meta: Meta, children: Children) -> tuple[str, Any]:
    return ("amount", ("count", int(self._number(_typed(children, "NUMBER")[0])), None))


def quota_percent(self: ToSyntax, meta: Meta, children: Children) -> tuple[str, Any]:
    of = _typed(children, "QUOTA_OF")
    return ("amount", ("percent", self._number(_typed(children, "NUMBER")[0]), str(of[0]) if of else None))


def quota_round(self: ToSyntax, meta: Meta, children: Children) -> tuple[str, str]:
    return ("round", str(children[0]))


def quota_tie(self: ToSyntax, meta: Meta, children: Children) -> tuple[str, str]:
    return ("tie", str(children[-1]))


def count_tier(self: ToSyntax, meta: Meta, children: Children) -> n.CountTier:
    return n.CountTier(children[0], int(self._number(_typed(children, "NUMBER")[0])), _tagged(children, "tie"),
                       span=self.pos.of_meta(meta), each_group=bool(_typed(children, "EACH_GROUP")))


def tier(self: ToSyntax, meta: Meta, children: Children) -> n.Tier:
    """综合奖 "一等奖" 第1至5名 / 综合奖 "片区第一名" 每组 第1名 (one number: first = last)."""
    numbers = _typed(children, "NUMBER")
    return n.Tier(children[0], int(self._number(numbers[0])), int(self._number(numbers[-1])),
                  span=self.pos.of_meta(meta), each_group=bool(_typed(children, "EACH_GROUP")))


def single_tasks(self: ToSyntax, meta: Meta, children: Children) -> n.SingleTasks:
    tasks = tuple(c[1] for c in children if isinstance(c, tuple) and c[0] == "task")
    return n.SingleTasks(tasks, int(self._number(_typed(children, "NUMBER")[0])), span=self.pos.of_meta(meta))


def single_task(self: ToSyntax, meta: Meta, children: Children) -> tuple[str, int]:
    return ("task", children[0])


def award_floor(self: ToSyntax, meta: Meta, children: Children) -> n.AwardFloor:
    return n.AwardFloor(str(_typed(children, "COMPARE")[0]), self._number(_typed(children, "NUMBER")[0]),
                        span=self.pos.of_meta(meta))


AWARD_BUILDERS: dict[str, Callable[[ToSyntax, Meta, Children], Any]] = {
    "quotas": quotas,
    "quota": quota,
    "quota_scope": quota_scope,
    "quota_count": quota_count,
    "quota_percent": quota_percent,
    "quota_round": quota_round,
    "quota_tie": quota_tie,
    "count_tier": count_tier,
    "tier": tier,
    "single_tasks": single_tasks,
    "single_task": single_task,
    "award_floor": award_floor,
}
