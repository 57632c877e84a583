"""The grammar ships inside the wheel, and an installed package finds it there."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


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


def test_wheel_contains_the_grammar(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert "scorelang/grammar/scorelang.lark" in names
        shipped = zf.read("scorelang/grammar/scorelang.lark").decode("utf-8")
    assert shipped == (ROOT / "grammar" / "scorelang.lark").read_text(encoding="utf-8")


def test_installed_package_loads_its_grammar(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    script = (
        "import scorelang, sys\n"
        f"assert scorelang.__file__.startswith({str(target)!r}), scorelang.__file__\n"
        f"p = scorelang.load({str(ROOT / 'policies' / '2017.score')!r})\n"
        "print(len(p.model.tasks))\n"
    )
    # run from an empty folder so the checkout's src/ cannot be picked up
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "8"
