"""Lark tree → syntax nodes: every grammar rule has its builder, and a missing one is a
located diagnostic, never a traceback."""
from __future__ import annotations

import pytest
from lark import Tree
from lark.tree import Meta

import scorelang
from scorelang.diagnostics import Diagnostics
from scorelang.syntax import from_lark, parse
from scorelang.syntax.grammar import parser

POLICY = '''考评办法 "t" { 保留 2 位小数 四舍五入 }
对象 「对象」 { 「甲」 }
计入总分权重 { 目标任务一 100% }
目标任务 一 "任务" {
  牵头 「科」
  事实 { 「x」 是否 }
  部分 "部分" 100分 {
    第1项 "项" 100分 {
      若「x」不得分
    }
  }
}
'''


def tree_names() -> set[str]:
    """Every name a tree node of this grammar can carry: rule names and aliases, except the
    rules Lark inlines (``_rule``, and ``?rule`` with one child)."""
    names = set()
    for rule in parser().rules:
        name = rule.alias or rule.origin.name
        if name.startswith("_"):
            continue
        if rule.options.expand1 and not rule.alias and len(rule.expansion) == 1:
            continue
        names.add(str(name))
    return names


def test_every_grammar_rule_has_a_builder():
    missing = tree_names() - set(from_lark.BUILDERS)
    assert not missing, f"ToSyntax has no method for {sorted(missing)}"


def test_builders_are_only_grammar_rules():
    # a method that no rule names is dead code (or a misspelt rule name)
    assert set(from_lark.BUILDERS) - tree_names() == set()


def test_a_rule_without_builder_is_a_located_policy_error(monkeypatch):
    monkeypatch.delitem(from_lark.BUILDERS, "zero_if")
    with pytest.raises(scorelang.PolicyError) as info:
        parse(POLICY, "p.score")
    (d,) = info.value.diagnostics
    assert d.code == "SL002"
    assert (d.span.file, d.span.line, d.span.column) == ("p.score", 9, 7)
    assert "zero_if" in d.hint_en and "Traceback" not in str(info.value)
    assert "不能读取" in d.message


def test_an_unknown_tree_from_the_parser_is_reported_where_it_is():
    meta = Meta()
    meta.empty = False
    meta.line, meta.column, meta.end_line, meta.end_column = 3, 2, 3, 9
    meta.start_pos, meta.end_pos = 20, 27
    collector = Diagnostics()
    assert from_lark.to_syntax(Tree("start", [Tree("no_such_rule", [], meta)]), "f.score", "", collector) is None
    (d,) = collector.items
    assert (d.code, d.span.line, d.span.column) == ("SL002", 3, 2)
    assert "no_such_rule" in d.hint
