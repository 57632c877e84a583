"""docs/api.md's examples run: every ```python block, in order, as one session from the
checkout's root (later blocks use what earlier ones defined), so the documented calls,
results and exceptions stay true."""
from __future__ import annotations

import ast
import re
import traceback
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
API = ROOT / "docs" / "api.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)


def _blocks() -> list[tuple[int, str]]:
    text = API.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 1, m.group(1)) for m in _BLOCK.finditer(text)]


def test_every_entry_point_has_an_example() -> None:
    code = "\n".join(block for _, block in _blocks())
    for call in ("scorelang.load(", "scorelang.loads(", ".evaluate(", ".validate(", ".score_all(", ".template(",
                 ".item(", ".task(", "PolicyError", "FactsError", ".diagnostics", "render_text(", "facts_for("):
        assert call in code, f"docs/api.md has no example of {call}"


class _MustRaise(ast.NodeTransformer):
    """Gives each ``try`` of an example (``try: call … except SomeError: …``: the docs showing
    what a call raises) an ``else`` that fails: a call that stopped raising fails the test
    instead of skipping its except clause."""

    def visit_Try(self, node: ast.Try) -> ast.Try:
        self.generic_visit(node)
        if not node.orelse:
            expected = ", ".join(ast.unparse(h.type) for h in node.handlers if h.type is not None)
            fail = ast.parse(f"raise AssertionError('did not raise {expected}')").body[0]
            node.orelse = [ast.copy_location(fail, node)]
        return node


def test_examples_run_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    blocks = _blocks()
    assert len(blocks) >= 9
    namespace: dict[str, object] = {"__name__": "docs_api"}
    for line, block in blocks:
        tree = ast.fix_missing_locations(_MustRaise().visit(ast.parse(block)))
        ast.increment_lineno(tree, line)
        try:
            exec(compile(tree, "docs/api.md", "exec"), namespace)  # noqa: S102 — the docs' own code
        except Exception as exc:
            where = [f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == "docs/api.md"]
            pytest.fail(f"docs/api.md line {where[-1] if where else line}: {type(exc).__name__}: {exc}")
