"""Syntax errors render exactly as their golden files say (Chinese, then English)."""
from __future__ import annotations

import pytest

import scorelang
from scorelang.diagnostics import render_text

from golden_files import cases, compare


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
    for lark_word in ("LBRACE", "RBRACE", "__ANON", "$END", "NUMBER", "STRING", "CN_NUMBER"):
        assert lark_word not in rendered
    compare(path, rendered, request.config)
