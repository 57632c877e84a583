"""Loads the packaged grammar once: the one LALR parser the syntax stage uses."""
from __future__ import annotations

import functools
from importlib import resources

from lark import Lark


def grammar_text() -> str:
    """The text of the grammar file shipped inside the package (scorelang/grammar/scorelang.lark)."""
    return resources.files("scorelang").joinpath("grammar", "scorelang.lark").read_text(encoding="utf-8")


@functools.cache
def parser() -> Lark:
    # propagate_positions gives every tree node its meta (line/column) for spans;
    # no transformer= here, so from_lark keeps meta.
    return Lark.open_from_package(
        "scorelang", "scorelang.lark", ("grammar",),
        parser="lalr", lexer="contextual", propagate_positions=True, maybe_placeholders=False,
    )
