"""The package is the pipeline: imports flow one way, Lark stays in syntax/, no eval, no float."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import scorelang

SRC = Path(scorelang.__file__).parent
FOUNDATION = {"span", "diagnostics", "numbers", "messages"}

# what each stage may import from scorelang (module prefixes); earlier stages' public data
# types only — never their helpers
ALLOWED = {
    "span": set(),
    "numbers": set(),
    "diagnostics": {"span"},
    # the catalogue of diagnostics: the words of every code, built on diagnostics
    "messages": {"span", "diagnostics", "messages"},
    "syntax": FOUNDATION | {"syntax"},
    "model": FOUNDATION | {"model", "syntax.nodes"},
    "runtime": FOUNDATION | {"runtime", "model.nodes"},
    "compile": FOUNDATION | {"compile", "model.nodes", "model.expressions", "runtime.scorecard"},
    "cohort": FOUNDATION | {"cohort", "runtime.scorecard", "model.nodes"},
    # reports render scorecards, and `show` renders the checked policy itself
    "report": FOUNDATION | {"report", "runtime.scorecard", "model.nodes"},
}
LARK_MODULES = {"syntax/from_lark.py", "syntax/grammar.py", "syntax/errors.py"}


def modules():
    return sorted(p for p in SRC.rglob("*.py"))


def our_imports(path: Path) -> set[str]:
    """Absolute module names (without 'scorelang.') imported by a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(SRC).with_suffix("").parts[:-1]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - node.level + 1])
                module = ".".join(base + ([node.module] if node.module else []))
                if node.module is None:
                    found.update(".".join(base + [a.name]) for a in node.names)
                    continue
            elif node.module and node.module.startswith("scorelang"):
                module = node.module.removeprefix("scorelang").lstrip(".")
            else:
                continue
            found.update(f"{module}.{a.name}" if module else a.name for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("scorelang.") for a in node.names if a.name.startswith("scorelang"))
    return found


def stage_of(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


@pytest.mark.parametrize("path", [p for p in modules() if stage_of(p) in ALLOWED], ids=lambda p: str(p.relative_to(SRC)))
def test_imports_flow_one_way(path):
    allowed = ALLOWED[stage_of(path)]
    for module in our_imports(path):
        assert any(module == a or module.startswith(a + ".") for a in allowed), (
            f"{path.relative_to(SRC)} imports scorelang.{module}, outside {sorted(allowed)}")


def test_lark_is_quarantined_in_syntax():
    for path in modules():
        rel = str(path.relative_to(SRC))
        text = path.read_text(encoding="utf-8")
        imports_lark = any(
            isinstance(node, (ast.Import, ast.ImportFrom)) and (
                (isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "lark" and not node.level)
                or (isinstance(node, ast.Import) and any(a.name.split(".")[0] == "lark" for a in node.names)))
            for node in ast.walk(ast.parse(text)))
        if imports_lark:
            assert rel in LARK_MODULES, f"{rel} imports lark"


# the one module that may call float(): a chart's bar lengths and colours (matplotlib draws in
# floats); the figures it prints are Decimals formatted by numbers.py
FLOAT_FOR_GEOMETRY = {"report/charts.py"}


def test_no_eval_exec_compile_or_float_in_src():
    for path in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        banned = ("eval", "exec", "compile") if str(path.relative_to(SRC)) in FLOAT_FOR_GEOMETRY else \
            ("eval", "exec", "compile", "float")
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in banned, (
                    f"{path.relative_to(SRC)}:{node.lineno} calls {node.func.id}()")


def test_rounding_happens_only_in_numbers():
    for path in modules():
        if path.name == "numbers.py" or stage_of(path) == "testing":
            continue  # testing builds inputs (2-place percents); it scores nothing
        text = path.read_text(encoding="utf-8")
        assert ".quantize(" not in text and "ROUND_HALF" not in text, f"{path.relative_to(SRC)} rounds by itself"
