"""The resolver's word tables: fact type names, comparison words, partial-step phrases, and
the "did you mean" wording shared by both halves of resolution."""
from __future__ import annotations

from ..diagnostics import suggest

TYPE_NAMES = {
    "count": ("计数", "count"), "number": ("数值", "number"), "percent": ("百分比", "percent"),
    "flag": ("是否", "flag"), "choice": ("选项", "choice"), "judgement": ("评定", "judgement"),
    "records": ("评定记录", "judgement records"),
}
COMPARE = {"=": "eq", "＝": "eq", "为": "eq", "不为": "ne", "≠": "ne", "!=": "ne", "<": "lt", "＜": "lt",
           "低于": "lt", "<=": "le", "≤": "le", "不高于": "le", "不低于": "ge", ">": "gt", "＞": "gt", "高于": "gt",
           ">=": "ge", "≥": "ge"}
PARTIAL = {"不足一档按一档计": "ceil", "不足一档不计": "floor", "不足一档按比例计": "proportional"}


def did_you_mean(name: str, known) -> tuple[str, str]:
    """(中文, English) hint naming the closest known name, or ("", "")."""
    close = suggest(name, known)
    if not close:
        return "", ""
    return f"是不是「{close[0]}」？", f"did you mean 「{close[0]}」?"
