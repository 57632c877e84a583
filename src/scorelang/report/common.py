"""Formatting shared by the report renderers: weights, fact values, task names, signed points."""
from __future__ import annotations

import io
from decimal import Decimal
from typing import Any, Iterable

from rich.console import Console, RenderableType

from ..numbers import chinese_ordinal, format_fixed


def format_weight(weight: Decimal) -> str:
    """A task weight as a percent without trailing zeros: 15 → ``15%``, 12.50 → ``12.5%``."""
    return format(weight.normalize(), "f") + "%"


def format_signed(points: Decimal, places: int) -> str:
    """Points with their sign and exactly ``places`` places: ``+2.00``, ``-1.50``, ``0.00``."""
    text = format_fixed(points, places)
    return text if text.startswith("-") or Decimal(text) == 0 else "+" + text


def fact_json(value: Any) -> Any:
    """A fact value as JSON: Decimal → string as given, bool stays bool, tuples → lists."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (tuple, list)):
        return [fact_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): fact_json(v) for k, v in value.items()}
    return str(value)


def fact_text(value: Any, lang: str = "zh") -> str:
    """A fact value for a person: 是/否, decimals as given, records as ``[a, b]``."""
    if isinstance(value, bool):
        if lang == "en":
            return "yes" if value else "no"
        return "是" if value else "否"
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(fact_text(v, lang) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {fact_text(v, lang)}" for k, v in value.items()) + "}"
    return str(value)


def task_label(task_id: str, name: str, lang: str = "zh") -> str:
    """``目标任务二 社区矫正`` / ``Task 2 社区矫正``."""
    if lang == "en":
        return f"Task {task_id} {name}"
    number = chinese_ordinal(int(task_id)) if task_id.isdigit() else task_id
    return f"目标任务{number} {name}"


def to_text(parts: Iterable[RenderableType], width: int) -> str:
    """Lay out rich renderables as plain text (no colour, no ANSI codes), a blank line after each."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, force_jupyter=False,
                      color_system=None, highlight=False, emoji=False, markup=False,
                      legacy_windows=False)
    for part in parts:
        console.print(part)
        console.print()
    # rich pads table and panel lines to their width; trailing blanks only hinder diffs.
    return "\n".join(line.rstrip() for line in buffer.getvalue().rstrip().splitlines()) + "\n"
