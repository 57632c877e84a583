"""Golden files: inputs and their expected rendered output side by side, one loader for all.

Set SCORELANG_UPDATE_GOLDEN=1 (or pass --update-golden) to rewrite the expectations, then
review them in `git diff`.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"


def update_requested(config=None) -> bool:
    if os.environ.get("SCORELANG_UPDATE_GOLDEN") == "1":
        return True
    return bool(config is not None and config.getoption("--update-golden", default=False))


def cases(folder: str, suffix: str = ".score") -> list:
    """One pytest.param per input file in golden/<folder>, with the stem as its id."""
    paths = sorted((GOLDEN / folder).glob(f"*{suffix}"))
    return [pytest.param(p, id=p.stem) for p in paths]


def compare(path: Path, actual: str, config=None, suffix: str = ".expected") -> None:
    expected_path = path.with_suffix(suffix)
    if update_requested(config) or not expected_path.exists():
        if not expected_path.exists() and not update_requested(config):
            expected_path.write_text(actual, encoding="utf-8")
            pytest.fail(f"{expected_path.name} did not exist and was written: review it, then rerun")
        expected_path.write_text(actual, encoding="utf-8")
        return
    expected = expected_path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from {expected_path.name} (SCORELANG_UPDATE_GOLDEN=1 rewrites it)"
