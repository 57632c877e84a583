"""The resolver's word tables: fact type names, comparison words, partial-step phrases, and
the "did you mean" wording shared by both halves of resolution."""
from __future__ import annotations

from collections.abc import Iterable

from ..diagnostics import suggest
from ..messages import Words
from ..messages import did_you_mean as _did_you_mean_hint

TYPE_NAMES = {
    "count": ("计数", "count"), "number": ("数值", "number"), "percent": ("百分比", "percent"),
    "flag": ("是否", "flag"), "choice": ("选项", "choice"), "judgement": ("评定", "judgement"),
    "records": ("评定记录", "judgement records"), "ratings": ("评分", "ratings"),
}
COMPARE = {"=": "eq", "＝": "eq", "为": "eq", "不为": "ne", "≠": "ne", "!=": "ne", "<": "lt", "＜": "lt",
           "低于": "lt", "<=": "le", "≤": "le", "不高于": "le", "不低于": "ge", ">": "gt", "＞": "gt", "高于": "gt",
           ">=": "ge", "≥": "ge"}
PARTIAL = {"不足一档按一档计": "ceil", "不足一档不计": "floor", "不足一档按比例计": "proportional"}


def type_words(kind: str) -> Words:
    """A fact type's name in both languages (计数 / count)."""
    return Words(*TYPE_NAMES[kind])


def did_you_mean(name: str, known: Iterable[str]) -> Words | None:
    """The "did you mean" hint naming the closest known name, or None when nothing is close."""
    close = suggest(name, known)
    return _did_you_mean_hint(close[0] if close else None)
