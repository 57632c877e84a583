"""Loads the packaged grammar once: the one LALR parser the syntax stage uses.

The lexer also reports, to whoever listens (``recording``), the tokens a printer needs and
the tree does not keep: comments, and the author's spelling of a word the language lets
them write two ways (扣 or 减, 至 or -, full-width digits …). Listening changes no token
and no tree.
"""
from __future__ import annotations

import contextlib
import contextvars
import functools
import hashlib
import os
import sys
from collections.abc import Iterator
from importlib import resources

from lark import Lark, Token

from .layout import RECORDED, Written

_SINK: contextvars.ContextVar[list[Written] | None] = contextvars.ContextVar("scorelang_tokens", default=None)


def grammar_text() -> str:
    """The text of the grammar file shipped inside the package (scorelang/grammar/scorelang.lark)."""
    return resources.files("scorelang").joinpath("grammar", "scorelang.lark").read_text(encoding="utf-8")


def _record(tok: Token) -> Token:
    sink = _SINK.get()
    if sink is not None:
        assert tok.start_pos is not None and tok.end_pos is not None and tok.line is not None
        assert tok.end_line is not None
        sink.append(Written(tok.type, str(tok), tok.start_pos, tok.end_pos, tok.line, tok.end_line))
    return tok


@contextlib.contextmanager
def recording() -> Iterator[list[Written]]:
    """Within the block, every token of a ``RECORDED`` terminal the parser lexes is appended
    to the list yielded (in lexing order)."""
    sink: list[Written] = []
    reset = _SINK.set(sink)
    try:
        yield sink
    finally:
        _SINK.reset(reset)


@functools.cache
def parser() -> Lark:
    # propagate_positions gives every tree node its meta (line/column) for spans;
    # no transformer= here, so from_lark keeps meta.
    return Lark.open_from_package(
        "scorelang", "scorelang.lark", ("grammar",),
        parser="lalr", lexer="contextual", propagate_positions=True, maybe_placeholders=False,
        lexer_callbacks={name: _record for name in RECORDED},
        cache=_cache_file(),
    )


def _cache_file() -> str | bool:
    """Where Lark keeps the grammar's analysis (LALR tables, the contextual lexer) between
    processes: a process's first parse then takes ~0.2 s instead of ~2 s. The file is the user's
    own (``$XDG_CACHE_HOME/scorelang`` or ``~/.cache/scorelang``, not the shared temporary
    directory: it is unpickled). Its name carries the grammar's hash, so that checkouts with
    different grammars (branches, worktrees, an installed release beside a development copy)
    each keep their own instead of rebuilding one another's on every process. Lark also stores
    the grammar's and the options' hash in it and rebuilds it when they or Lark change, or when
    it cannot be read; no cache where the directory cannot be made."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "scorelang")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return False
    digest = hashlib.sha256(grammar_text().encode("utf-8")).hexdigest()[:16]
    return os.path.join(folder, f"grammar-py{sys.version_info[0]}{sys.version_info[1]}-{digest}.lark-cache")
