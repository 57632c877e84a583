"""Syntax errors render exactly as their golden files say (Chinese, then English)."""
from __future__ import annotations

import re

import pytest

import scorelang
from golden_files import cases, compare
from scorelang.diagnostics import render_text
from scorelang.syntax.grammar import parser

# the grammar's own names for its terminals (NAME, STEP_UP, _DEDUCT …), never shown to authors
TERMINAL_NAMES = {t.name for t in parser().terminals if re.fullmatch(r"[A-Z_][A-Z0-9_]*", t.name)}


def _render(path) -> str:
    text = path.read_text(encoding="utf-8")
    with pytest.raises(scorelang.PolicyError) as info:
        scorelang.loads(text, path.name)
    err = info.value
    return render_text(err.diagnostics, err.sources, "zh") + "\n---- en ----\n" + render_text(
        err.diagnostics, err.sources, "en") + "\n"


@pytest.mark.parametrize("path", cases("syntax"))
def test_syntax_error_golden(path, request):
    rendered = _render(path)
    assert "Traceback" not in rendered
    # Lark's terminal names never reach an author
    for lark_word in TERMINAL_NAMES | {"__ANON", "$END"}:
        assert lark_word not in rendered, lark_word
    compare(path, rendered, request.config)
