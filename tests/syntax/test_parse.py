"""Stage 1: text → syntax tree. Units of the grammar, the lexing rule, spans."""
from __future__ import annotations

from decimal import Decimal

import pytest
from lark import Lark

import scorelang
from scorelang.syntax import nodes as n
from scorelang.syntax import parse
from scorelang.syntax.grammar import grammar_text


def policy_with(rules: str, facts: str = '「x」 计数', item_points: str = "100分") -> str:
    return f'''考评办法 "t" {{ 保留 2 位小数 四舍五入 }}
对象 「对象」 {{ 「甲」 }}
计入总分权重 {{ 目标任务一 100% }}
目标任务 一 "任务" {{
  牵头 「科」
  事实 {{ {facts} }}
  部分 "部分" 100分 {{
    第1项 "项" {item_points} {{
      {rules}
    }}
  }}
}}
'''


def first_rule(text: str):
    return parse(text).tasks[0].sections[0].items[0].rules[0]


def test_grammar_is_conflict_free_under_strict_mode():
    # strict=True raises on shift/reduce conflicts and on colliding terminal regexes (interegular)
    Lark(grammar_text(), parser="lalr", strict=True)


def test_repo_grammar_file_is_the_packaged_one():
    from pathlib import Path
    repo_copy = Path(__file__).resolve().parents[2] / "grammar" / "scorelang.lark"
    if not repo_copy.exists():
        pytest.skip("not running from a source checkout")
    assert repo_copy.read_text(encoding="utf-8") == grammar_text()


def test_header_period_and_rounding():
    tree = parse('考评办法 "办法" { 文号 "凉司发〔2017〕52号" 考评期 2016-12-01 至 2017-11-30 保留 2 位小数 四舍五入 于 项得分 总分 }')
    header = tree.headers[0]
    assert header.title.text == "办法"
    assert header.doc_number.text == "凉司发〔2017〕52号"
    assert header.period == ("2016-12-01", "2017-11-30")
    assert header.places == 2
    assert header.round_points == ("项得分", "总分")


@pytest.mark.parametrize("rule, expected", [
    ("每「x」扣0.5分", n.PerDeduct),
    ("每「x」减0.5分", n.PerDeduct),
    ("每「x」得2分", n.PerAward),
    ("若「f」不得分", n.ZeroIf),
    ("若「f」扣10分", n.DeductIf),
    ("若「f」得10分", n.AwardIf),
    ("扣「j」", n.Judged),
    ("若「f」扣「j」", n.Judged),
    ("「p」 达 100% 每降低 5 个百分点 扣5分 不足一档按一档计", n.Ladder),
    ("「x」 不少于 2 每少 1 次 扣2分", n.Ladder),
])
def test_each_rule_form_parses_to_its_node(rule, expected):
    assert isinstance(first_rule(policy_with(rule)).body, expected)


def test_rule_keeps_its_quoted_source_sentence_and_floor():
    rule = first_rule(policy_with('"每发现一人次扣0.5分" 每「x」扣0.5分 扣完为止'))
    assert rule.quote.text == "每发现一人次扣0.5分"
    assert rule.floor is True
    assert rule.source_text == "每「x」扣0.5分 扣完为止"
    assert rule.body.amount == Decimal("0.5")


def test_natural_typing_without_spaces_parses():
    rule = first_rule(policy_with("每「漏管人次」扣0.5分"))
    assert rule.body.fact.text == "漏管人次"


@pytest.mark.parametrize("name", [
    "扣", "每", "分", "扣分", "每次扣分", "不得分", "扣完为止", "若干", "得分项", "达标", "共计", "分项", "第一",
    "每降低", "项得分", "默认", "是否", "百分比", "目标任务",
])
def test_adversarial_names_never_merge_with_keywords(name):
    # names that are or contain keywords stay names, and the keywords around them stay keywords
    text = policy_with(f"每「{name}」扣0.5分", facts=f"「{name}」 计数")
    rule = first_rule(text)
    assert rule.body.fact.text == name
    assert rule.body.amount == Decimal("0.5")
    policy = scorelang.loads(text)
    assert policy.evaluate("甲", {name: 3}).item("1.1").score == Decimal("98.50")


@pytest.mark.parametrize("name", ["扣", "不得分", "若", "为"])
def test_adversarial_names_in_conditions(name):
    text = policy_with(f"若「{name}」不得分", facts=f"「{name}」 是否")
    assert first_rule(text).body.condition.name.text == name


def test_fullwidth_punctuation_and_digits_are_accepted():
    text = policy_with("「p」 达 １００％ 每降低 ５ 个百分点 扣５分，不足一档按一档计；", facts="「p」 百分比")
    text = text.replace("{ 目标任务一 100% }", "{ 目标任务一 100％ }")
    body = first_rule(text).body
    assert body.threshold == Decimal(100) and body.step == Decimal(5) and body.amount == Decimal(5)


def test_fullwidth_parentheses_in_conditions():
    text = policy_with("若 （「a」 且 「b」） 或 非「c」 不得分", facts="「a」 是否 「b」 是否 「c」 是否")
    cond = first_rule(text).body.condition
    assert isinstance(cond, n.Or)
    assert isinstance(cond.operands[0], n.And)
    assert isinstance(cond.operands[1], n.Not)


def test_chinese_numerals_for_tasks_and_items():
    text = policy_with("每「x」扣1分").replace("第1项", "第十二项").replace("目标任务 一", "目标任务 一")
    tree = parse(text)
    assert tree.tasks[0].number == 1
    assert tree.tasks[0].sections[0].items[0].number == 12


def test_spans_are_one_based_and_exclusive_at_the_end():
    text = policy_with("每「漏管」扣0.5分")
    rule = first_rule(text)
    name = rule.body.fact
    line = text.splitlines()[name.span.line - 1]
    assert line[name.span.column - 1: name.span.end_column - 1] == "「漏管」"
    assert text[name.span.start:name.span.end] == "「漏管」"


def test_spans_do_not_take_part_in_equality():
    a = parse(policy_with("每「x」扣1分"))
    b = parse("\n\n" + policy_with("每「x」扣1分"))
    assert a == b
    assert a.tasks[0].span != b.tasks[0].span


@pytest.mark.parametrize("text", ["", "   \n# 只有注释\n"])
def test_empty_policy_parses_but_does_not_resolve(text):
    parse(text)
    with pytest.raises(scorelang.PolicyError) as info:
        scorelang.loads(text)
    codes = {d.code for d in info.value.diagnostics}
    assert {"SL101", "SL103"} <= codes


def test_every_syntax_error_of_a_file_is_reported_at_once():
    text = policy_with("每漏管扣1分\n      被曝光不得分", facts="「漏管」 计数 「被曝光」 是否")
    with pytest.raises(scorelang.PolicyError) as info:
        parse(text, "p.score")
    lines = [d.span.line for d in info.value.diagnostics]
    assert len(lines) == 2 and lines[0] < lines[1]
