"""Stage 1: .score text → syntax tree. ``parse`` returns a syntax.Policy or raises PolicyError;
``parse_keeping_layout`` also returns the comments and spellings a printer keeps."""
from __future__ import annotations

from ..diagnostics import Diagnostics, PolicyError
from . import nodes
from .errors import parse_tree
from .from_lark import to_syntax
from .grammar import recording
from .layout import Layout

__all__ = ["parse", "parse_keeping_layout", "nodes", "Layout"]


def parse(text: str, file: str = "<string>") -> nodes.Policy:
    """Parse a whole policy. Every syntax error found is reported at once (see
    ``errors.parse_tree`` for how parsing recovers after an error).

    A leading byte order mark (U+FEFF) is read as a space, so every position stays that of
    ``text``. Literals that cannot be read and conditions nested too deeply are reported with
    their positions (``from_lark.to_syntax``).
    """
    if not isinstance(text, str):
        raise TypeError("parse() takes the policy text as str")
    if text.startswith("\ufeff"):
        text = " " + text[1:]
    collector = Diagnostics()
    tree = parse_tree(text, file, collector)
    if tree is not None:
        policy = to_syntax(tree, file, text, collector)
        if policy is not None and not collector.errors:
            return policy
    collector.raise_if_errors(PolicyError, {file: text})
    raise AssertionError("no syntax tree and no diagnostic")  # pragma: no cover


def parse_keeping_layout(text: str, file: str = "<string>") -> tuple[nodes.Policy, Layout]:
    """``parse``, and the layout of the text: its comments and the spellings the tree does
    not keep (``syntax.layout``), for ``syntax.printer``."""
    with recording() as tokens:
        policy = parse(text, file)
    if text.startswith("\ufeff"):
        text = " " + text[1:]
    return policy, Layout.of(text, tokens)
