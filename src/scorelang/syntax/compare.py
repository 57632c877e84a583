"""Structural equality of syntax trees: what the printer's round trip must keep.

Syntax nodes compare with ``==`` ignoring their spans already (spans are ``eq=False``), but
``==`` is too lenient for a printer in one way and too strict in another: ``Decimal("0.50")
== Decimal("0.5")``, while a number must come back as written; and ``Rule.source_text`` (and
a derived value's ``text``) is a slice of the text, which a new layout changes without
changing the rule. ``structural_diff``
compares numbers by their digits and places, a rule's source text without white space, soft
punctuation or comments, and says where two trees first differ.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import attrs

#: fields that hold a slice of the source text (shown in traces): compared without layout
AS_WRITTEN = {("Rule", "source_text"), ("DerivedDecl", "text")}
_LAYOUT = re.compile(r"#[^\n]*|[ \t\r\n\u3000，,、；;。：:]+")


def _source(text: str) -> str:
    return _LAYOUT.sub("", text)


def structural_diff(a: Any, b: Any, path: str = "tree", rule_text: bool = True) -> str | None:
    """None when the two trees are the same (spans aside), else the path of the first
    difference and the two values there. ``rule_text=False`` leaves rules' source text out
    (a tree printed without its layout spells words canonically: 减 becomes 扣)."""
    if type(a) is not type(b):
        return f"{path}: {type(a).__name__} != {type(b).__name__}"
    if isinstance(a, Decimal):
        return None if a.as_tuple() == b.as_tuple() else f"{path}: {a} != {b}"
    if isinstance(a, tuple):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            found = structural_diff(x, y, f"{path}[{i}]", rule_text)
            if found:
                return found
        return None
    if attrs.has(type(a)):
        for field in attrs.fields(type(a)):
            if not field.eq:
                continue
            x, y = getattr(a, field.name), getattr(b, field.name)
            if (type(a).__name__, field.name) in AS_WRITTEN and isinstance(x, str) and isinstance(y, str):
                if not rule_text:
                    continue
                x, y = _source(x), _source(y)
            if field.name == "file" and path == "tree":
                continue  # where the text was read from, not what it says
            found = structural_diff(x, y, f"{path}.{field.name}", rule_text)
            if found:
                return found
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


def same_structure(a: Any, b: Any, rule_text: bool = True) -> bool:
    """Whether two syntax trees are the same, spans aside (``structural_diff``)."""
    return structural_diff(a, b, rule_text=rule_text) is None
