"""Syntax errors say what to write, in the author's words, and every rewrite they propose parses."""
from __future__ import annotations

import re
import unicodedata

import pytest

import scorelang
from golden_files import cases
from scorelang import messages as msg
from scorelang.diagnostics import Diagnostics
from scorelang.span import SourceText
from scorelang.syntax import errors, mistakes, parse
from scorelang.syntax.grammar import parser

TEMPLATE = '''考评办法 "t" {{ 保留 2 位小数 四舍五入 }}
对象 「对象」 {{ 「甲」 }}
计入总分权重 {{ 目标任务一 100% }}
目标任务 一 "任务" {{
  牵头 「科」
  事实 {{ 「次数」 计数 「其余」 是否 「评分」 评定 0 至 1 分 }}
  部分 "部分" 100分 {{
    第1项 "项" 60分 {{
      {rule}
    }}
    {item}
  }}
}}
'''


def in_policy(where: str, line: str) -> str:
    return TEMPLATE.format(rule=line if where == "rule" else "若「其余」不得分", item=line if where == "item" else "")


def syntax_errors(text: str) -> tuple:
    with pytest.raises(scorelang.PolicyError) as info:
        parse(text, "p.score")
    return info.value.diagnostics


def test_the_template_parses():
    parse(in_policy("rule", "每「次数」扣1分"))
    parse(in_policy("item", '第2项 "其余" 40分 { 若「其余」不得分 }'))


def _prefix(message: msg.Message) -> str:
    return message.zh.split("{")[0]


EXAMPLES = [pytest.param(m, where, line, id=f"{m.message.name}:{line}")
            for m in mistakes.KNOWN_MISTAKES for where, line in m.examples]


@pytest.mark.parametrize("mistake, where, line", EXAMPLES)
def test_each_known_mistake_is_recognised_and_its_fix_parses(mistake, where, line):
    text = in_policy(where, line)
    first = syntax_errors(text)[0]
    assert first.code == "SL001"
    assert first.message.startswith(_prefix(mistake.message)), first.message
    if mistake.fix is mistakes._no_fix:
        # only the author can say which fix is meant: the entry's own advice, no rewrite
        assert first.rewrite is None
        assert not first.hint.startswith("应写作")
        return
    rewrite = first.rewrite
    assert rewrite is not None, "the fix of this example must parse"
    assert first.hint == "应写作：" + rewrite.text and first.hint_en == "write it as: " + rewrite.text
    fixed = rewrite.apply(text)
    assert fixed != text
    parse(fixed)  # the whole policy parses once the fix is applied


def test_every_known_mistake_has_an_example():
    assert all(m.examples for m in mistakes.KNOWN_MISTAKES)


@pytest.mark.parametrize("path", cases("syntax"))
def test_every_rewrite_in_the_golden_files_parses_its_line(path):
    text = path.read_text(encoding="utf-8")
    try:
        parse(text, path.name)
    except scorelang.PolicyError as error:
        diagnostics = error.diagnostics
    for d in diagnostics:
        if d.rewrite is None:
            continue
        assert d.hint.endswith(d.rewrite.text)
        fixed = d.rewrite.apply(text)
        try:
            parse(fixed, path.name)
        except scorelang.PolicyError as error:
            lines = {e.span.line for e in error.diagnostics}
            assert d.rewrite.span.line not in lines, f"the rewrite of line {d.rewrite.span.line} does not parse"


def test_a_fix_the_parser_rejects_is_not_offered():
    text = in_policy("rule", "每「次数」扣-1分")
    source = SourceText("p.score", text)
    pos = text.index("-1分")
    line_start = text.rfind("\n", 0, pos) + 1
    seen = mistakes.Seen(pos, "-", "RANGE_SEP", frozenset({"NUMBER"}), line_start, source.line_text(
        source.position(pos)[0]))
    assert errors._line_rewrite(source, seen, "每「次数」扣扣1分", parser()) is None
    assert errors._line_rewrite(source, seen, "每「次数」扣1分", parser()) is not None
    # a bare name whose rewrite would not parse gets the message without a hint
    (d,) = syntax_errors(in_policy("rule", "每「次数」扣1分 多扣"))
    assert d.rewrite is None and not d.hint


# ---------------------------------------------------------------- hints that show what to write
def _statements(hint: str, marker: str) -> list[str]:
    """The statements a hint proposes after ``marker`` (写作 / 写：), split at ；and 或."""
    found = []
    for part in re.split(r"[；;]", hint):
        if marker in part:
            for statement in part.split(marker, 1)[1].split(" 或 "):
                found.append(statement.strip())
    return found


HINTS = [
    # (entry, fields, marker, where the proposed text goes)
    (msg.LADDER_WITHOUT_STEP, {"found": "扣"}, "写作", "rule"),
    (msg.RULE_STARTS_WITH_NAME, {"name": "「次数」", "found": "扣"}, "写作", "rule"),
    (msg.DEDUCTION_ONLY_ORDER, {"found": "扣分项"}, "写作", "item"),
    (msg.ITEM_NUMBER_WITHOUT_XIANG, {"found": "x"}, "写作", "item"),
    (msg.RECORDS_AGGREGATE_MISSING, {"name": "评分"}, "写作：", "rule"),
]


@pytest.mark.parametrize("entry, fields, marker, where", HINTS, ids=lambda x: getattr(x, "name", ""))
def test_statements_a_hint_proposes_parse(entry, fields, marker, where):
    hint = entry.at(None, **fields).hint
    statements = _statements(hint, marker)
    assert statements, hint
    for statement in statements:
        statement = statement.replace("{ … }", "{ 若「其余」不得分 }").replace("「评定名称」", "「评分」")
        parse(in_policy(where, statement))


def test_weights_and_facts_hints_parse():
    d = msg.WEIGHT_MISSING.at(None, ordinal="一", number=1)
    line = d.hint.split("写：", 1)[1]
    parse(TEMPLATE.format(rule="若「其余」不得分", item="").replace("目标任务一 100%", line))
    d = msg.FACT_UNDECLARED.at(None, name="新事实")
    declaration = d.hint.split("如：", 1)[1]
    parse(in_policy("rule", "若「其余」不得分").replace("「其余」 是否", "「其余」 是否 " + declaration))
    d = msg.LADDER_PARTIAL_MISSING.at(None)
    for partial in re.split(r"、| 或 ", d.hint.split("写：", 1)[1]):
        parse(in_policy("rule", f"「次数」 不少于 3 每少 2 次 扣1分 {partial}"))


# ---------------------------------------------------------------- terminal names never reach an author
def _literals(pattern) -> set[str]:
    if pattern.type == "str":
        return {pattern.value}
    alternation = re.fullmatch(r"\(\?:(.*)\)", pattern.value)
    if alternation is None or re.search(r"(?<!\\)[][().*+?{}^$]", alternation.group(1)):
        return set()
    return {re.sub(r"\\(.)", r"\1", b) for b in alternation.group(1).split("|") if b}


def terminals_without_words() -> list[str]:
    """What the walk of every terminal of the grammar finds wrong with its author words
    (empty: every terminal reads in words, never by its grammar name)."""
    problems = []
    terminals = {t.name: t for t in parser().terminals}
    internal = {n for n in terminals if re.fullmatch(r"[A-Z_][A-Z0-9_]*", n)}
    for name, terminal in terminals.items():
        for lang in ("zh", "en"):
            words = errors.terminal_words(name, lang)
            if words in ("符号", "a symbol") or (name in internal and name in words):
                problems.append(f"{name} has no words in TERMINAL_WORDS")
            leaked = set(re.findall(r"[A-Z_][A-Z0-9_]+", words)) & internal
            if leaked:
                problems.append(f"the words for {name} show terminal names {leaked}")
        # an alternation of a few keywords lists each of them (full-width forms aside)
        literals = _literals(terminal.pattern)
        if name in errors.TERMINAL_WORDS and 1 < len(literals) <= 8:
            zh = unicodedata.normalize("NFKC", errors.terminal_words(name, "zh"))
            missing = {w for w in literals if unicodedata.normalize("NFKC", w) not in zh}
            if missing:
                problems.append(f"the words for {name} leave out {missing}")
    # no stale lines in the table
    stale = set(errors.TERMINAL_WORDS) - set(terminals) - {"$END"}
    if stale:
        problems.append(f"TERMINAL_WORDS names no terminal of the grammar: {sorted(stale)}")
    return problems


def test_every_terminal_of_the_grammar_has_author_words():
    assert terminals_without_words() == []


@pytest.mark.parametrize("terminal", ["ARTICLE", "NAME", "RANGE_SEP", "COMPARE"])
def test_the_walk_finds_a_terminal_left_without_words(monkeypatch, terminal):
    # 「ARTICLE」 once reached authors in an expected list: a terminal left out of the table
    # must fail the walk above, not an author
    monkeypatch.delitem(errors.TERMINAL_WORDS, terminal)
    assert any(p.startswith(f"{terminal} has no words") for p in terminals_without_words())


POLICY_HEAD = '考评办法 "t" { 保留 2 位小数 四舍五入 }\n对象 「对象」 { 「甲」 }\n计入总分权重 { 目标任务一 100% }\n'


@pytest.mark.parametrize("tail", ["@", "「x」", '第六条 "x" { @ }', "奖项 { @ }", "目标任务 一 @"])
def test_expected_lists_never_show_a_terminal_name(tail):
    terminals = {t.name for t in parser().terminals if re.fullmatch(r"[A-Z_][A-Z0-9_]*", t.name)}
    for d in syntax_errors(POLICY_HEAD + tail):
        for text in (d.message, d.message_en, d.hint, d.hint_en):
            shown = set(re.findall(r"[A-Z_][A-Z0-9_]+", text)) & terminals
            assert not shown, f"{shown} in: {text}"


def test_at_the_top_level_an_article_is_offered_in_words():
    (d,) = syntax_errors(POLICY_HEAD + "@")
    assert "an article number (第…条)" in d.message_en and "ARTICLE" not in d.message_en


# ---------------------------------------------------------------- what the expected lists offer
POLICY_LEVEL = ("考评办法", "对象", "分组", "计入总分权重", "目标任务", "奖项", "事实", "部分", "牵头", "第六条")
BROKEN_ITEM_LINES = ["若「其余」不得分)", "若「其余」 扣1分 ）", "每「次数」扣1分 @", "每「次数」扣1分 保留 2 位小数",
                     "若「其余」 或 ", "若 非 「其余」 得", "「次数」 不少于 3 每少 1 次 扣1分 不足一档 扣"]


@pytest.mark.parametrize("line", BROKEN_ITEM_LINES)
def test_inside_an_item_the_expected_list_offers_only_what_fits(line):
    for d in syntax_errors(in_policy("rule", line)):
        if d.span.line != 9:
            continue
        offered = d.message.split("应为", 1)[-1]
        assert "「)」" not in offered, d.message
        assert not any(f"「{k}」" in offered for k in POLICY_LEVEL), d.message


def test_an_open_paren_offers_its_close():
    (d,) = syntax_errors(in_policy("rule", "若 (「其余」 或 「次数」 > 3 不得分"))
    assert d.message.endswith("应为 「)」")


def test_parse_tree_reports_into_the_collector():
    collector = Diagnostics()
    assert errors.parse_tree("考评办法 \"t\" { 保留 2 位小数 四舍五入 } 对象", "p.score", collector) is None
    assert [d.code for d in collector] == ["SL001"]
