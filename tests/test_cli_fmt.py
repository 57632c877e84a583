"""``scorelang fmt``: rewrites in place (atomically), --check for CI, --diff, stdin to stdout,
refuses a policy that does not parse; and the repo's own policies are canonical already."""
from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

import scorelang
from scorelang.cli import main
from scorelang.report.json import render_json
from scorelang.syntax.printer import format_text

ROOT = Path(__file__).resolve().parents[1]
#: the policies the repository ships or tests with: each must already be in canonical layout
REPO_POLICIES = sorted([*(ROOT / "policies").glob("*.score"), *(ROOT / "tests" / "policies").glob("*.score"),
                        *(ROOT / "examples").rglob("*.score")])

MESSY = '考评办法 "t" {保留 2 位小数 四舍五入   }   # 标题\n对象 「对象」 {「甲」、「乙」}\n'
CANONICAL = '考评办法 "t" {\n  保留 2 位小数 四舍五入\n}  # 标题\n对象 「对象」 { 「甲」 「乙」 }\n'


def run(*args: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        runner = CliRunner()
    result = runner.invoke(main, list(args), input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_fmt_rewrites_the_file_in_place(tmp_path):
    path = tmp_path / "p.score"
    path.write_text(MESSY, encoding="utf-8")
    path.chmod(0o640)
    code, out, err = run("fmt", str(path), "--lang", "en")
    assert code == 0, err
    assert path.read_text(encoding="utf-8") == CANONICAL
    assert stat.S_IMODE(path.stat().st_mode) == 0o640  # the file's permissions kept
    assert f"reformatted {path}" in err and out == ""
    assert [p.name for p in tmp_path.iterdir()] == ["p.score"]  # no temporary file left
    code, _, err = run("fmt", str(path), "--lang", "en")
    assert code == 0 and "0 file(s) reformatted, 1 already canonical" in err


def test_check_writes_nothing_and_lists_what_would_change(tmp_path):
    messy, clean = tmp_path / "messy.score", tmp_path / "clean.score"
    messy.write_text(MESSY, encoding="utf-8")
    clean.write_text(CANONICAL, encoding="utf-8")
    code, _, err = run("fmt", "--check", str(messy), str(clean))
    assert code == 1
    assert f"需要重排 {messy}" in err and str(clean) not in err
    assert messy.read_text(encoding="utf-8") == MESSY
    assert run("fmt", "--check", str(clean))[0] == 0


def test_diff_shows_a_unified_diff_and_writes_nothing(tmp_path):
    path = tmp_path / "p.score"
    path.write_text(MESSY, encoding="utf-8")
    code, out, _ = run("fmt", "--diff", str(path))
    assert code == 0
    assert out.startswith(f"--- {path}\n+++ {path}\n@@")
    assert "+  保留 2 位小数 四舍五入\n" in out and "-对象 「对象」 {「甲」、「乙」}\n" in out
    assert path.read_text(encoding="utf-8") == MESSY


def test_dash_reads_stdin_and_writes_stdout():
    code, out, err = run("fmt", "-", stdin=MESSY.encode("utf-8"))
    assert (code, out, err) == (0, CANONICAL, "")
    assert run("fmt", "--check", "-", stdin=MESSY.encode("utf-8"))[0] == 1
    assert run("fmt", "--check", "-", stdin=CANONICAL.encode("utf-8"))[0] == 0


def test_a_policy_with_syntax_errors_is_refused_and_left_untouched(tmp_path):
    bad, good = tmp_path / "bad.score", tmp_path / "good.score"
    bad.write_text('考评办法 "t" {\n  保留 位小数 四舍五入\n}\n', encoding="utf-8")
    good.write_text(MESSY, encoding="utf-8")
    code, out, err = run("fmt", str(bad), str(good))
    assert code == 2
    assert f"{bad}:2:6" in err and "SL001" in err and "Traceback" not in err
    assert bad.read_text(encoding="utf-8") == '考评办法 "t" {\n  保留 位小数 四舍五入\n}\n'
    assert good.read_text(encoding="utf-8") == CANONICAL  # the other files are still formatted


def test_byte_order_mark_and_crlf_are_kept(tmp_path):
    path = tmp_path / "p.score"
    path.write_bytes(("\ufeff" + MESSY.replace("\n", "\r\n")).encode("utf-8"))
    assert run("fmt", str(path))[0] == 0
    assert path.read_bytes() == ("\ufeff" + CANONICAL.replace("\n", "\r\n")).encode("utf-8")


def test_a_symbolic_link_stays_a_link(tmp_path):
    target, link = tmp_path / "p.score", tmp_path / "link.score"
    target.write_text(MESSY, encoding="utf-8")
    link.symlink_to(target)
    assert run("fmt", str(link))[0] == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8") == CANONICAL


def test_usage_without_a_file_is_exit_2():
    assert run("fmt")[0] == 2


@pytest.mark.parametrize("path", REPO_POLICIES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_policy_of_the_repo_is_canonical(path):
    text = path.read_text(encoding="utf-8")
    assert format_text(text, str(path)) == text, f"run: scorelang fmt {path.relative_to(ROOT)}"


def test_the_repo_has_policies_to_check():
    assert {p.name for p in REPO_POLICIES} >= {"2017.score", "sampler.score"}


def test_fmt_changes_no_score(policy_2017, examples_2017):
    """The 2017 policy printed without its layout (every word respelled canonically, comments
    gone) scores every entity exactly as the file does: the same JSON but for the text's hash."""
    from scorelang.syntax import parse
    from scorelang.syntax.printer import print_policy

    source = (ROOT / "policies" / "2017.score").read_text(encoding="utf-8")
    reprinted = scorelang.loads(print_policy(parse(source, "2017.score")), "2017.score")
    documents = [render_json(policy.score_all(examples_2017), title=policy.title, sha256="", places=policy.places,
                             engine_version="") for policy in (policy_2017, reprinted)]
    assert json.dumps(documents[0], ensure_ascii=False) == json.dumps(documents[1], ensure_ascii=False)
