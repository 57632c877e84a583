"""The library is type-checked (mypy --strict on src/scorelang) and linted (ruff on src and
tests) as part of the test command: both are configured in pyproject.toml and installed by the
``test`` extra. mypy keeps its incremental cache in .mypy_cache (git-ignored), so a run after
the first checks only what changed."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m <tool>`` with this interpreter (the venv's), from the checkout's root."""
    if not (ROOT / "pyproject.toml").exists():
        pytest.skip("not a source checkout")
    done = subprocess.run([sys.executable, "-m", tool, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    if "No module named" in done.stderr and tool in done.stderr:
        pytest.fail(f"{tool} is not installed: pip install -e '.[test]'")
    return done


def test_mypy_strict_is_clean_on_the_library() -> None:
    done = _run("mypy")  # files, strictness and cache from [tool.mypy]
    assert done.returncode == 0, f"mypy --strict found problems:\n{done.stdout}{done.stderr}"


def test_the_api_examples_type_check_as_a_user_would(tmp_path: Path) -> None:
    # docs/api.md's examples, one module as they run (tests/test_api_docs.py): code that embeds
    # scorelang gets real types from the package (py.typed), not Any, and they fit the docs
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    module = tmp_path / "api_examples.py"
    module.write_text("\n".join(re.findall(r"^```python\n(.*?)^```$", text, re.S | re.M)), encoding="utf-8")
    done = _run("mypy", "--strict", str(module))
    assert done.returncode == 0, f"docs/api.md's examples do not type-check:\n{done.stdout}{done.stderr}"


def test_ruff_is_clean_on_library_and_tests() -> None:
    done = _run("ruff", "check", "--no-cache", "src", "tests")  # rules from [tool.ruff]
    assert done.returncode == 0, f"ruff found problems:\n{done.stdout}{done.stderr}"


def test_the_package_is_marked_typed() -> None:
    # PEP 561: without py.typed, an embedding project's type checker ignores our annotations
    assert (ROOT / "src" / "scorelang" / "py.typed").is_file()
