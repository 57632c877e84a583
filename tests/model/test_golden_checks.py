"""Each SL1xx check has a golden policy that triggers it and its exact rendered message."""
from __future__ import annotations

import pytest

import scorelang
from golden_files import cases, compare
from scorelang.diagnostics import Severity, render_text


@pytest.mark.parametrize("path", cases("checks"))
def test_check_golden(path, request):
    text = path.read_text(encoding="utf-8")
    code = path.stem.split("_")[0]
    try:
        policy = scorelang.loads(text, path.name)
    except scorelang.PolicyError as err:
        diagnostics, sources = err.diagnostics, err.sources
    else:
        # warnings, and the information (信息) `check` lists beside them
        diagnostics, sources = policy.warnings + policy.notes, {path.name: text}
        assert all(d.severity in (Severity.WARNING, Severity.INFO) for d in diagnostics)
    # the file is named after the code it must trigger
    assert code in {d.code for d in diagnostics}, [d.code for d in diagnostics]
    rendered = render_text(diagnostics, sources, "zh") + "\n---- en ----\n" + render_text(diagnostics, sources, "en") + "\n"
    compare(path, rendered, request.config)
