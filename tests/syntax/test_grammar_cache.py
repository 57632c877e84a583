"""The grammar's analysis is cached in the user's cache directory between processes (a first
parse in ~0.2 s instead of ~2 s); a cache that cannot be made or read costs time, never a result."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from scorelang.syntax import grammar

ROOT = Path(__file__).resolve().parents[2]


def test_the_cache_lives_in_the_users_cache_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    where = grammar._cache_file()
    assert isinstance(where, str) and Path(where).parent == tmp_path / "scorelang"
    assert Path(where).parent.is_dir()


def test_no_cache_where_the_directory_cannot_be_made(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert grammar._cache_file() is False


def test_each_grammar_has_its_own_cache_file(tmp_path, monkeypatch):
    # two checkouts with different grammars (worktrees, branches) must not rebuild each other's
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    here = grammar._cache_file()
    monkeypatch.setattr(grammar, "grammar_text", lambda: "start: \"x\"\n")
    other = grammar._cache_file()
    assert isinstance(here, str) and isinstance(other, str) and here != other
    assert Path(here).parent == Path(other).parent


def test_a_corrupt_cache_is_rebuilt_silently_and_parses_the_same(tmp_path, monkeypatch):
    # a fresh process with a cache file of garbage: it parses, says nothing, and writes a good cache
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    where = grammar._cache_file()
    assert isinstance(where, str)
    cache = Path(where)
    cache.write_bytes(b"garbage\n")
    environment = dict(os.environ, XDG_CACHE_HOME=str(tmp_path), PYTHONPATH=str(ROOT / "src"))
    process = subprocess.run([sys.executable, "-m", "scorelang", "check", str(ROOT / "policies" / "2017.score")],
                             capture_output=True, env=environment, timeout=120)
    assert process.returncode == 0, process.stderr.decode("utf-8")
    assert "Traceback" not in process.stderr.decode("utf-8") and "cache" not in process.stderr.decode("utf-8")
    assert cache.stat().st_size > 10_000  # rebuilt
