"""The canonical printer: a printer for every syntax node, the round trip (parse(print(tree))
is the tree), idempotence, and what it keeps of the author's text (comments, quotes,
spellings, numbers as written)."""
from __future__ import annotations

import inspect
import re
from pathlib import Path

import attrs
import pytest

from scorelang.diagnostics import PolicyError
from scorelang.syntax import nodes, parse, parse_keeping_layout, printer
from scorelang.syntax.compare import structural_diff
from scorelang.syntax.printer import format_text, print_policy
from scorelang.syntax.printer_core import UnprintableNode

ROOT = Path(__file__).resolve().parents[2]
POLICY_FILES = sorted([ROOT / "policies" / "2017.score", *(ROOT / "tests" / "policies").glob("*.score")])


def _node_classes() -> set[type]:
    # syntax.nodes and the modules whose nodes it re-exports (syntax.cohort_nodes)
    return {cls for _, cls in inspect.getmembers(nodes, inspect.isclass)
            if attrs.has(cls) and cls.__module__.startswith("scorelang.syntax.")}


def _doc_examples() -> list[tuple[str, str]]:
    """Every ```score example of docs/*.md that parses (fragments that do not are skipped)."""
    found = []
    for doc in sorted((ROOT / "docs").glob("*.md")):
        for i, block in enumerate(re.findall(r"```score\n(.*?)```", doc.read_text(encoding="utf-8"), re.DOTALL)):
            try:
                parse(block, doc.name)
            except PolicyError:
                continue
            found.append((f"{doc.name}#{i}", block))
    return found


DOC_EXAMPLES = _doc_examples()


# ------------------------------------------------------------------ the tables
def test_every_syntax_node_class_has_exactly_one_printer():
    inline, statements = set(printer.INLINE), set(printer.STATEMENTS)
    assert not inline & statements, f"printed both ways: {sorted(c.__name__ for c in inline & statements)}"
    missing = _node_classes() - inline - statements
    assert not missing, f"syntax.printer has no entry for {sorted(c.__name__ for c in missing)}"
    assert (inline | statements) - _node_classes() == set(), "a printer entry for a class that is not a syntax node"


def test_a_node_without_printer_fails_loudly(monkeypatch):
    monkeypatch.delitem(printer.INLINE, nodes.ZeroIf)
    tree = parse('考评办法 "t" { }\n目标任务 一 "任" { 部分 "部" 10分 { 第1项 "项" 10分 { 若「x」不得分 } } }\n')
    with pytest.raises(UnprintableNode, match="ZeroIf"):
        print_policy(tree)


# ------------------------------------------------------------------ round trips
def _round_trip(text: str, file: str) -> str:
    tree, layout = parse_keeping_layout(text, file)
    printed = print_policy(tree, layout)
    again = parse(printed, file)
    assert structural_diff(tree, again) is None, structural_diff(tree, again)
    assert format_text(printed, file) == printed, "printing is not idempotent"
    # without its layout (a tree built by code) the printed text is canonical too
    plain = print_policy(tree)
    assert structural_diff(tree, parse(plain, file), rule_text=False) is None
    assert print_policy(parse(plain, file)) == plain
    return printed


@pytest.mark.parametrize("path", POLICY_FILES, ids=lambda p: p.name)
def test_policy_files_round_trip(path):
    _round_trip(path.read_text(encoding="utf-8"), str(path))


@pytest.mark.parametrize("name, text", DOC_EXAMPLES, ids=[name for name, _ in DOC_EXAMPLES])
def test_docs_examples_round_trip(name, text):
    _round_trip(text, name)


def test_the_docs_have_examples_to_round_trip():
    assert len(DOC_EXAMPLES) >= 20


# ------------------------------------------------------------------ what is kept
POLICY = '''\
# 文件开头的注释
考评办法 “某县2019年度考评办法” {   # 标题后的注释
  保留 2 位小数 四舍五入
  考评期 2019-01-01 - 2019-12-31
  考评总分 最高 100 分 最低 0 分 依据 "第九条"
}
对象 【乡镇】 { 【甲镇】、【乙镇】 }

# 任务前的注释

目标任务 2 "任务" {
  牵头 「办公室」
  事实 { 「x」 计数 「r」 百分比 「a」 计数 「b」 计数 「f」 是否 「g」 选项 { "好" "差" } }
  部分 "部分"  １０分 {
    第一项 "项" 10分 {
      每「x」减０.５０分 最多减 ３ 分   # 行尾注释
      若 「g」 ＝ "差" 扣1分
      若(「a」 ＋ 「b」) ＊ 2 > 3 扣1分
      若「f」 或 （「a」 > 1 且 「b」 > 1） 扣1分
      「r」 达 90％ 每降低 5 个百分点 扣1分 不足一档按一档计
      若 「a」 ÷ 「b」 除数为零时取 0 > 1 扣0.0000001分
      # 块尾注释
    }
  }
}
第六条 "加分" { 事实 { 「y」 计数 } 每「y」加0.5分 扣分累计不超过 3 分 }
'''


def test_comments_quotes_and_spellings_are_kept():
    printed = _round_trip(POLICY, "p.score")
    assert printed == '''\
# 文件开头的注释
考评办法 “某县2019年度考评办法” {  # 标题后的注释
  保留 2 位小数 四舍五入
  考评期 2019-01-01 - 2019-12-31
  考评总分 最高 100 分 最低 0 分 依据 "第九条"
}
对象 【乡镇】 { 【甲镇】 【乙镇】 }

# 任务前的注释

目标任务 2 "任务" {
  牵头 「办公室」
  事实 {
    「x」 计数
    「r」 百分比
    「a」 计数
    「b」 计数
    「f」 是否
    「g」 选项 { "好" "差" }
  }
  部分 "部分" １０分 {
    第一项 "项" 10分 {
      每「x」减０.５０分 最多减 ３ 分  # 行尾注释
      若 「g」 ＝ "差" 扣1分
      若 (「a」 ＋ 「b」) ＊ 2 > 3 扣1分
      若 「f」 或 （「a」 > 1 且 「b」 > 1） 扣1分
      「r」 达 90％ 每降低 5 个百分点 扣1分 不足一档按一档计
      若 「a」 ÷ 「b」 除数为零时取 0 > 1 扣0.0000001分
      # 块尾注释
    }
  }
}
第六条 "加分" {
  事实 {
    「y」 计数
  }
  每「y」加0.5分
  扣分累计不超过 3 分
}
'''


def test_without_a_layout_words_are_spelled_canonically():
    tree = parse(POLICY, "p.score")
    printed = print_policy(tree)
    assert "#" not in printed
    assert "每「x」扣0.50分 最多扣 3 分" in printed  # digits and places as held, 扣 for 减
    assert "目标任务 二" in printed and "第1项" in printed
    assert "考评期 2019-01-01 至 2019-12-31" in printed
    assert "若 （「a」 + 「b」） × 2 > 3 扣1分" in printed  # the parentheses the sum needs


def test_a_nested_sum_keeps_its_parentheses_and_its_tree():
    text = POLICY.replace("若(「a」 ＋ 「b」) ＊ 2 > 3 扣1分", "若 「a」 - （「b」 - 「a」） > 3 扣1分")
    tree = parse(text)
    plain = print_policy(tree)
    assert "「a」 - （「b」 - 「a」） > 3" in plain
    assert structural_diff(tree, parse(plain), rule_text=False) is None


def test_a_negative_value_after_a_comma_keeps_its_parentheses():
    text = POLICY.replace("若「f」 或", "若 最大（「a」，（-1） + 「b」） > 0 或")
    assert "最大（「a」，（-1） + 「b」）" in _round_trip(text, "p.score")
    assert "最大（「a」，（-1） + 「b」）" in print_policy(parse(text))


def test_a_policy_with_syntax_errors_is_not_printed():
    with pytest.raises(PolicyError):
        format_text('考评办法 "t" { 保留 }\n')


def test_every_terminal_with_several_spellings_is_recorded_or_kept_by_the_tree():
    # a terminal written as alternatives or a pattern ("扣" | "减", /[0-9]+/) may be spelled
    # more than one way: the printer must find the author's spelling in the layout or in the
    # node; a new such terminal must be added to one of the two sets
    from scorelang.syntax.grammar import parser
    from scorelang.syntax.layout import KEPT_BY_TREE, RECORDED

    several = {t.name for t in parser().terminals if t.pattern.type == "re"}
    assert several - RECORDED - KEPT_BY_TREE == set()
    assert (RECORDED | KEPT_BY_TREE) - several - {"COMMENT"} == set()


def test_statements_written_on_one_line_print_one_a_line_without_blank_lines():
    # a blank line before the block's source line is a blank line before the block, not before
    # each statement the author wrote on that line
    text = ('考评办法 "t" {\n  保留 2 位小数 四舍五入\n}\n\n对象 「对象」 { 「甲」 }\n\n'
            '计入总分权重 { 目标任务一 50% 目标任务二 30% 目标任务三 20% }\n')
    printed = format_text(text)
    assert "\n\n计入总分权重 {\n  目标任务一 50%\n  目标任务二 30%\n  目标任务三 20%\n}\n" in printed
    assert format_text(printed) == printed
