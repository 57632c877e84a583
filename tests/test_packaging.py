"""The grammar ships inside the wheel, and an installed package finds it there; CI runs the
README's test command, these slow tests included."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# building the wheel, installing it and loading the grammar in a fresh interpreter take ~5 s:
# CI runs these (SCORELANG_SLOW_TESTS=1, see tests/conftest.py), a plain `pytest` skips them
slow = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    if not (ROOT / "pyproject.toml").exists():
        pytest.skip("not a source checkout")
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(out), str(ROOT)], check=True, capture_output=True, timeout=300)
    (path,) = out.glob("scorelang-*.whl")
    return path


@slow
def test_wheel_contains_the_grammar(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert "scorelang/grammar/scorelang.lark" in names
        shipped = zf.read("scorelang/grammar/scorelang.lark").decode("utf-8")
    assert shipped == (ROOT / "grammar" / "scorelang.lark").read_text(encoding="utf-8")


@slow
def test_wheel_marks_the_package_typed(wheel):
    # PEP 561: type checkers read an installed package's annotations only when it ships py.typed
    with zipfile.ZipFile(wheel) as zf:
        assert "scorelang/py.typed" in zf.namelist()


@slow
def test_wheel_contains_the_report_templates(wheel):
    shipped = ROOT / "src" / "scorelang" / "report" / "templates"
    expected = {f"scorelang/report/templates/{p.name}" for p in shipped.iterdir()}
    assert {"scorelang/report/templates/cohort.html.j2", "scorelang/report/templates/entity.html.j2"} <= expected
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        assert expected <= names
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        requires = [line for line in zf.read(metadata).decode("utf-8").splitlines() if line.startswith("Requires-Dist")]
    for runtime in ("openpyxl", "jinja2", "matplotlib"):  # runtime dependencies, not extras
        assert any(runtime in line.lower() and "extra" not in line for line in requires), requires


@slow
def test_installed_package_loads_its_grammar(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    script = (
        "import scorelang, sys\n"
        f"assert scorelang.__file__.startswith({str(target)!r}), scorelang.__file__\n"
        f"p = scorelang.load({str(ROOT / 'policies' / '2017.score')!r})\n"
        "print(len(p.model.tasks))\n"
        "from scorelang.report.html import render_report\n"
        "from scorelang.runtime.sources import read_facts_file\n"
        f"cards = p.score_all(read_facts_file({str(ROOT / 'examples' / '2017' / 'facts.json')!r}))\n"
        "assert '<table id=\"ranking\">' in render_report(cards, p.model, engine='x')['index.html']\n"
    )
    # run from an empty folder so the checkout's src/ cannot be picked up
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "8"


def test_ci_runs_the_readme_test_command_with_the_slow_tests():
    ci = ROOT / ".ci" / "run"
    if not ci.exists():
        pytest.skip("not a source checkout")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = readme[readme.index("Run the test suite:"):].split("\n\n")[1].strip()
    assert command.endswith(".venv/bin/python -m pytest"), command
    lines = ci.read_text(encoding="utf-8").splitlines()
    assert command in lines  # verbatim, as a line of its own
    before = lines[:lines.index(command)]
    assert "export SCORELANG_SLOW_TESTS=1" in before and "export HYPOTHESIS_PROFILE=ci" in before
