"""Parser fuzz: whatever the text, ``parse`` and ``loads`` return or raise PolicyError, nothing else.

Texts come from four sources: any text at all; soups of the grammar's own keywords and
fragments (what an author half-writes); grammatical noise from the packaged grammar
(``hypothesis.extra.lark.from_lark``, which also sprinkles the ignored comments, spaces and
soft punctuation between tokens); and the real 2017 policy with a slice deleted, a line
duplicated, or a fragment dropped in. A PolicyError must also render, in both languages
and as JSON, since the CLI shows it.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark

import scorelang
from scorelang.diagnostics import render_text, to_json
from scorelang.syntax import parse
from scorelang.syntax.grammar import parser

ROOT = Path(__file__).resolve().parents[2]
POLICY_2017 = (ROOT / "policies" / "2017.score").read_text(encoding="utf-8")
LINES_2017 = POLICY_2017.split("\n")



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
    "%", "％", "2017-12-01", "至", "-", "#注释\n", "\n", " ", "\u3000", "，", "。", "：", "\t",
]
PIECES = KEYWORDS + FRAGMENTS


def parses_or_policy_error(text: str) -> None:
    """Run ``loads`` on ``text`` (which parses it first, exactly as ``parse`` does, then
    resolves, checks and compiles it); any exception other than PolicyError fails the test."""
    try:
        scorelang.loads(text)
    except scorelang.PolicyError as error:
        assert error.diagnostics, "a PolicyError must carry at least one diagnostic"
        assert any(d.severity is scorelang.Severity.ERROR for d in error.diagnostics)
        assert all(d.code.startswith("SL") for d in error.diagnostics)
        # the CLI renders it: that must not fail either
        assert str(error)
        render_text(error.diagnostics, error.sources, lang="en")
        to_json(error.diagnostics)


# Each example of the 2017 tests below parses the whole policy (1 300 lines), and again after
# each syntax error it recovers from, up to 20 times: about 0.2 s an example. The default run
# tries a dozen of each; CI (HYPOTHESIS_PROFILE=ci, set by .ci/run) tries its profile's full
# number.
WHOLE_2017 = settings(max_examples=settings.default.max_examples
                      if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else 12)


def test_parse_alone_fails_as_loads_does():
    # parses_or_policy_error relies on loads parsing first: a syntax error is the same error
    text = '目标任务 二 "x" { 部分 "y" 20 {'
    with pytest.raises(scorelang.PolicyError) as parsed:
        parse(text)
    with pytest.raises(scorelang.PolicyError) as loaded:
        scorelang.loads(text)
    assert parsed.value.diagnostics == loaded.value.diagnostics


def test_keywords_come_from_the_grammar():
    assert {"考评办法", "目标任务", "部分", "第", "项", "每", "扣", "若", "不得分"} <= set(KEYWORDS)


@given(st.text())
@example("")
@example('目标任务一一一""{}')  # not a numeral: a diagnostic, not a KeyError
@example('目标任务 100 "t" {}')  # task 100 has no weight: the message must still name it
@example("考评办法 \"t\" { 保留 99999999999999999999 位小数 四舍五入 }")
def test_any_text(text):
    parses_or_policy_error(text)


@given(st.lists(st.sampled_from(PIECES), max_size=60), st.sampled_from(["", " ", "\n"]))
def test_keyword_soup(pieces, separator):
    parses_or_policy_error(separator.join(pieces))


@given(from_lark(parser()))
def test_grammatical_noise(text):
    parses_or_policy_error(text)


@WHOLE_2017
@given(st.data())
def test_2017_with_a_slice_deleted(data):
    start = data.draw(st.integers(0, len(POLICY_2017)), label="start")
    end = data.draw(st.integers(start, min(len(POLICY_2017), start + 400)), label="end")
    parses_or_policy_error(POLICY_2017[:start] + POLICY_2017[end:])


@WHOLE_2017
@given(st.data())
def test_2017_with_a_line_duplicated(data):
    line = data.draw(st.integers(0, len(LINES_2017) - 1), label="line")
    to = data.draw(st.integers(0, len(LINES_2017)), label="to")
    lines = list(LINES_2017)
    lines.insert(to, LINES_2017[line])
    parses_or_policy_error("\n".join(lines))


@WHOLE_2017
@given(st.data())
def test_2017_with_a_fragment_inserted(data):
    at = data.draw(st.integers(0, len(POLICY_2017)), label="at")
    piece = data.draw(st.sampled_from(PIECES), label="piece")
    parses_or_policy_error(POLICY_2017[:at] + piece + POLICY_2017[at:])
