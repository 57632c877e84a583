"""The printer's entries for quotas (名额 { … }) and the awards block's §23 statements: every form
prints in canonical words and parses back to the same tree (docs/language.md §23)."""
from __future__ import annotations

from scorelang.syntax import parse, parse_keeping_layout
from scorelang.syntax.compare import structural_diff
from scorelang.syntax.printer import format_text, print_policy

TEXT = """奖项 依据 "第十一条" 认定 「区考核委员会」 {
  综合奖 "一等奖"  3名 并列 提交认定
  综合奖 "二等奖" 5 名，并列 全部计入
  考评总分 低于 80 分的不评奖
  单项奖 目标任务2、目标任务五 各前2名
}
名额 依据 "第十条" 认定 「区考核委员会」 {
  "优秀" 不超过 参评总数的 20％ 向下取整 并列 提交认定
  "良好" 每组 不超过 2 名 并列 全部不计入
  "合格" 「东片」 不超过 50% 四舍五入 并列 全部计入
}
"""
GROUPED = """奖项 { 综合奖 "片区第一名" 每组 第1至1名  综合奖 "片区第二名" 每组 第2名 }
"""


def _round_trip(text: str) -> str:
    tree, layout = parse_keeping_layout(text, "p.score")
    printed = print_policy(tree, layout)
    assert structural_diff(tree, parse(printed, "p.score")) is None
    assert format_text(printed, "p.score") == printed
    plain = print_policy(tree)
    assert structural_diff(tree, parse(plain, "p.score"), rule_text=False) is None
    return printed


def test_quotas_and_awards_print_in_canonical_words_and_round_trip():
    printed = _round_trip(TEXT)
    assert '  综合奖 "一等奖" 3 名 并列 提交认定\n' in printed
    assert "  考评总分 低于 80 分 不评奖\n" in printed
    assert "  单项奖 目标任务2、目标任务五 各前2名\n" in printed  # each numeral as written
    assert '  "优秀" 不超过 参评总数的 20％ 向下取整 并列 提交认定\n' in printed
    assert '  "良好" 每组 不超过 2 名 并列 全部不计入\n' in printed
    assert '  "合格" 「东片」 不超过 50% 四舍五入 并列 全部计入\n' in printed
    assert printed.index("奖项") < printed.index("名额")  # declarations in the order written


def test_tiers_within_each_group_print_one_place_as_written():
    printed = _round_trip(GROUPED)
    assert '综合奖 "片区第一名" 每组 第1至1名' in printed and '综合奖 "片区第二名" 每组 第2名' in printed
    assert '第1至1名' in print_policy(parse(GROUPED, "p.score"))  # without a layout: the range


def test_a_quota_without_its_rounding_or_tie_rule_prints_as_written():
    # the parser takes it; check refuses it (SL410, SL411): fmt must not invent a choice
    printed = _round_trip('名额 { "优秀" 不超过 20% }\n')
    assert '"优秀" 不超过 20%\n' in printed
