"""Policy fuzz: whatever the text (or the bytes of the file), loading it ends in a policy or in
PolicyError whose every error names file:line:column; never another exception, never a hang.

Two kinds of input. Texts from anywhere: any text at all; soups of the grammar's own keywords
and fragments (what an author half-writes); grammatical noise from the packaged grammar
(``hypothesis.extra.lark.from_lark``, which also sprinkles the ignored comments, spaces and
soft punctuation between tokens). These run in-process through ``loads`` (which parses
first, exactly as ``parse`` does), and the PolicyError must render in both languages and as
JSON, since the CLI shows it.

And mutated copies of policies/2017.score, one class of hostile input each, run through
``scorelang check`` as a user runs it (exit 0 or 2, every error located, no "内部错误", within
a few seconds): a huge (or odd) number anywhere a number goes; a condition nested deeper and
deeper; the file in another encoding or with byte order marks; task and item numbers in
malformed Chinese or decimal numerals; a slice deleted, a line duplicated, a fragment
inserted. Each such example loads the whole policy, so the default profile draws only a few
of each; ``HYPOTHESIS_PROFILE=ci`` draws the profile's full count.
"""
from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark
from lark import Lark

import scorelang
from scorelang.cli import main
from scorelang.diagnostics import Severity, render_text, to_json
from scorelang.syntax import parse
from scorelang.syntax.grammar import grammar_text, parser

ROOT = Path(__file__).resolve().parents[2]
POLICY_2017 = (ROOT / "policies" / "2017.score").read_text(encoding="utf-8")
LINES_2017 = POLICY_2017.split("\n")

# Every 2017 example loads the whole policy (~0.2 s): a handful per class by default, the
# profile's count on CI.
MUTATIONS = settings(max_examples=5) if os.environ.get("HYPOTHESIS_PROFILE", "dev") == "dev" else settings()
# Far above the ~0.2 s a load takes: only a hang (or an input whose cost grows without bound,
# such as 共 100000000 次 once did) comes near it. CPU time, not wall time: a machine busy with
# other work must not fail the test.
SECONDS = 10.0


def _literals(pattern) -> set[str]:
    """The literal words a terminal matches: ``"扣完为止"``, or each branch of ``(?:扣|减)``."""
    if pattern.type == "str":
        return {pattern.value}
    alternation = re.fullmatch(r"\(\?:(.*)\)", pattern.value)
    if alternation is None:
        return set()
    branches = alternation.group(1).split("|")
    # keep the alternation only if every branch is plain text (escapes aside)
    if any(re.search(r"(?<!\\)[][().*+?{}^$]", b) for b in branches):
        return set()
    return {re.sub(r"\\(.)", r"\1", b) for b in branches if b}


# Every keyword of the grammar (考评办法, 目标任务, 每, 扣, 不得分, 扣完为止 …), read from the
# packaged grammar itself so new keywords are fuzzed too …
KEYWORDS = sorted(set().union(*(_literals(t.pattern) for t in parser().terminals)))
# … and the pieces the grammar only describes by pattern.
FRAGMENTS = [
    "「名」", "「漏管人次」", "【名】", "「", "」", '"串"', "“串”", '"', "{", "}", "（", "）", "(", ")",
    "0", "1", "2.5", "0.125", "100", "１０", "99999999999999999999", "一", "十二", "一百", "九十九",
    "%", "％", "2017-12-01", "至", "-", "#注释\n", "\n", " ", "\u3000", "，", "。", "：", "\t", "\ufeff",
]
PIECES = KEYWORDS + FRAGMENTS


def parses_or_policy_error(text: str) -> None:
    """Run ``loads`` on ``text`` (which parses it first, exactly as ``parse`` does, then
    resolves, checks and compiles it); any exception other than PolicyError fails the test."""
    try:
        scorelang.loads(text)
    except scorelang.PolicyError as error:
        assert error.diagnostics, "a PolicyError must carry at least one diagnostic"
        assert any(d.severity is Severity.ERROR for d in error.diagnostics)
        assert all(d.code.startswith("SL") for d in error.diagnostics)
        unlocated = [d for d in error.diagnostics if d.span is None]
        assert not unlocated, f"errors without file:line:column: {unlocated}"
        # the CLI renders it: that must not fail either
        assert str(error)
        render_text(error.diagnostics, error.sources, lang="en")
        to_json(error.diagnostics)


def test_parse_alone_fails_as_loads_does():
    # parses_or_policy_error relies on loads parsing first: a syntax error is the same error
    text = '目标任务 二 "x" { 部分 "y" 20 {'
    with pytest.raises(scorelang.PolicyError) as parsed:
        parse(text)
    with pytest.raises(scorelang.PolicyError) as loaded:
        scorelang.loads(text)
    assert parsed.value.diagnostics == loaded.value.diagnostics


def check_exits_0_or_2(content: str | bytes) -> int:
    """``scorelang check`` on a file holding ``content``: exit 0, or exit 2 with every error at
    file:line:column; never an internal error, never slow. Returns the exit status."""
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "mutated.score")
        with open(path, "wb") as handle:
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
        try:
            runner = CliRunner(mix_stderr=False)  # click < 8.2
        except TypeError:
            runner = CliRunner()
        start = time.process_time()
        result = runner.invoke(main, ["check", path], catch_exceptions=False)
        elapsed = time.process_time() - start
    output = result.stdout + result.stderr
    assert elapsed < SECONDS, f"scorelang check took {elapsed:.1f} s of CPU time"
    assert result.exit_code in (0, 2), output
    assert "内部错误" not in output and "Traceback" not in output, output
    if result.exit_code == 2:
        located = re.compile(re.escape(path) + r":\d+:\d+: 错误\[SL\d{3}\]", re.M)
        assert located.search(result.stderr), result.stderr
        assert not re.search(r"^(错误|警告)\[", result.stderr, re.M), f"a diagnostic without a location:\n{output}"
    return result.exit_code


def test_keywords_come_from_the_grammar():
    assert {"考评办法", "目标任务", "部分", "第", "项", "每", "扣", "若", "不得分"} <= set(KEYWORDS)


def test_2017_is_checked_as_is():
    assert check_exits_0_or_2(POLICY_2017) == 0


# ------------------------------------------------------------------ texts from anywhere
@given(st.text())
@example("")
@example('目标任务一一一""{}')  # not a numeral: a diagnostic, not a KeyError
@example('目标任务 100 "t" {}')  # task 100 has no weight: the message must still name it
@example("考评办法 \"t\" { 保留 99999999999999999999 位小数 四舍五入 }")
@example("\ufeff考评办法")  # a byte order mark is not a stray character
def test_any_text(text):
    parses_or_policy_error(text)


@given(st.lists(st.sampled_from(PIECES), max_size=60), st.sampled_from(["", " ", "\n"]))
def test_keyword_soup(pieces, separator):
    parses_or_policy_error(separator.join(pieces))


# from_lark reads the grammar itself (Lark.grammar, compiled again by hypothesis), which a parser
# loaded from the cache does not keep. The grammar is the same whatever parser Lark builds beside
# it: an Earley one costs ~0.3 s, not the ~2 s of LALR tables and 200 contextual lexers each
# checked for collisions; built when the test runs, not when every xdist worker collects the module
@given(st.deferred(lambda: from_lark(Lark(grammar_text(), parser="earley", lexer="dynamic"))))
def test_grammatical_noise(text):
    parses_or_policy_error(text)


# ------------------------------------------------------------------ mutated copies of 2017
NUMBER = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
NUMBERS_2017 = [m.span() for m in NUMBER.finditer(POLICY_2017)]
# a number as it may be mistyped or pasted: huge, zero, fractional, full-width, very long
ODD_NUMBERS = st.one_of(
    st.sampled_from(["0", "0.0", "1", "3.5", "26", "101", "100000000", "999999999", "1000000000",
                     "99999999999999999999", "0.000000001", "１２", "７．５", "1" * 400, "0." + "0" * 400 + "1"]),
    st.integers(0, 10**40).map(str),
    st.decimals(min_value=0, max_value=10**12, allow_nan=False, allow_infinity=False).map(lambda d: f"{d:f}"),
)


def _number_at(text: str) -> int:
    """The index in NUMBERS_2017 of the number that ``text`` ends with (``"保留 2"`` → the 2)."""
    end = POLICY_2017.index(text) + len(text)
    return next(i for i, (_, stop) in enumerate(NUMBERS_2017) if stop == end)


@MUTATIONS
@given(st.integers(0, len(NUMBERS_2017) - 1), ODD_NUMBERS)
@example(_number_at("保留 2"), "26")  # places beyond what Decimal can quantize
@example(_number_at("共 3"), "100000000")  # occasions that once cost gigabytes
def test_2017_with_a_number_replaced(index, number):
    start, end = NUMBERS_2017[index]
    check_exits_0_or_2(POLICY_2017[:start] + number + POLICY_2017[end:])


# 若 <condition> <what it does>: the condition runs up to the keyword that ends it
_ENDS = "不得分|扣|减|得|加|降低一个等次评奖|直接排名最后一位"
CONDITION = re.compile(rf'若((?:「[^」\n]*」|"[^"\n]*"|“[^”\n]*”|(?!{_ENDS})[^\n"“「])+?)(?={_ENDS})')
CONDITIONS_2017 = [m.span(1) for m in CONDITION.finditer(POLICY_2017)]


@MUTATIONS
@given(st.integers(0, len(CONDITIONS_2017) - 1), st.lists(st.sampled_from(["非", "()"]), max_size=80))
@example(0, ["()"] * 500)
@example(0, ["非"] * 500)
def test_2017_with_a_condition_nested(index, levels):
    start, end = CONDITIONS_2017[index]
    condition = POLICY_2017[start:end]
    for level in levels:
        condition = f"({condition})" if level == "()" else f"非 ({condition})"
    check_exits_0_or_2(POLICY_2017[:start] + condition + POLICY_2017[end:])


def test_the_nesting_fuzz_finds_conditions():
    assert len(CONDITIONS_2017) > 20
    assert all("若" == POLICY_2017[start - 1] for start, _ in CONDITIONS_2017)


@MUTATIONS
@given(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gbk", "gb18030",
                        "big5"]),
       st.integers(0, len(POLICY_2017)), st.sampled_from(["", "\ufeff", "\x00", "\ufffd"]))
@example("gbk", 0, "")
@example("utf-16", 0, "")
@example("utf-8-sig", 0, "")
def test_2017_in_another_encoding(encoding, at, inserted):
    text = POLICY_2017[:at] + inserted + POLICY_2017[at:]
    try:
        content = text.encode(encoding)
    except UnicodeEncodeError:  # big5 has no 〔: write what it can, as an editor would
        content = text.encode(encoding, errors="replace")
    status = check_exits_0_or_2(content)
    if encoding in ("utf-8", "utf-8-sig") and (inserted == "" or (inserted == "\ufeff" and at == 0)):
        assert status == 0  # UTF-8, with or without a byte order mark, is read as it is


ITEM_OR_TASK_NUMBER = re.compile(r"(?<=第)[0-9一二三四五六七八九十]+(?=项)|(?<=目标任务 )[一二三四五六七八九十]+")
NUMERALS_2017 = [m.span() for m in ITEM_OR_TASK_NUMBER.finditer(POLICY_2017)]
NUMERALS = st.one_of(
    st.text("零〇一二两三四五六七八九十百千", min_size=1, max_size=4),
    st.sampled_from(["3.5", "0.0", "0", "００", "十十", "一百", "九十九", "99999999999999999999"]),
)


@MUTATIONS
@given(st.integers(0, len(NUMERALS_2017) - 1), NUMERALS)
@example(0, "十十")
def test_2017_with_a_numeral_replaced(index, numeral):
    start, end = NUMERALS_2017[index]
    check_exits_0_or_2(POLICY_2017[:start] + numeral + POLICY_2017[end:])


@MUTATIONS
@given(st.data())
def test_2017_with_a_slice_deleted(data):
    start = data.draw(st.integers(0, len(POLICY_2017)), label="start")
    end = data.draw(st.integers(start, min(len(POLICY_2017), start + 400)), label="end")
    check_exits_0_or_2(POLICY_2017[:start] + POLICY_2017[end:])


@MUTATIONS
@given(st.data())
def test_2017_with_a_line_duplicated(data):
    line = data.draw(st.integers(0, len(LINES_2017) - 1), label="line")
    to = data.draw(st.integers(0, len(LINES_2017)), label="to")
    lines = list(LINES_2017)
    lines.insert(to, LINES_2017[line])
    check_exits_0_or_2("\n".join(lines))


@MUTATIONS
@given(st.data())
def test_2017_with_a_fragment_inserted(data):
    at = data.draw(st.integers(0, len(POLICY_2017)), label="at")
    piece = data.draw(st.sampled_from(PIECES), label="piece")
    check_exits_0_or_2(POLICY_2017[:at] + piece + POLICY_2017[at:])
