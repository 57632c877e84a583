"""Helpers the Lark tree → syntax builders share that need no lark (from_lark.py and the
from_lark_*.py builder modules): picking built nodes, tokens and tagged pairs out of a rule's
children, and reading a
bare 「x」 in a condition's place."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from . import nodes as n

_T = TypeVar("_T")


def _first(children: Iterable[object], cls: type[_T]) -> _T | None:
    for c in children:
        if isinstance(c, cls):
            return c
    return None


def _all(children: Iterable[object], cls: type[_T]) -> tuple[_T, ...]:
    return tuple(c for c in children if isinstance(c, cls))


def _typed(children: Iterable[object], type_: str) -> list[Any]:
    """The tokens of terminal ``type_`` among a rule's children."""
    return [c for c in children if getattr(c, "type", None) == type_]


def _tagged(children: Iterable[object], tag: str) -> Any:
    """The value of the first ``(tag, value)`` pair among a rule's children, or None."""
    return next((c[1] for c in children if isinstance(c, tuple) and len(c) == 2 and c[0] == tag), None)


def _condition(node: Any) -> Any:
    """A node in the place of a condition: a bare 「x」 is a flag (若「已建成」…)."""
    return n.FlagRef(node, span=node.span) if isinstance(node, n.Name) else node
