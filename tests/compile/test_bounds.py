"""Caps and floors the author declares (compile/bounds.py): their arithmetic, their events,
the clause each event names, and the order in which they apply."""
from __future__ import annotations

from decimal import Decimal

import pytest

import scorelang

HEADER = '考评办法 "测试" {{ 保留 2 位小数 四舍五入 {total} }}\n对象 「单位」 {{ 「甲」 }}\n计入总分权重 {{ 目标任务一 100% }}\n'
TASK = '''目标任务 一 "任务" {{
  牵头 「办公室」
  事实 {{ 「次数」 计数 「表扬」 计数 「被通报」 是否 }}
  部分 "部分" 100分 {{
    第1项 "项" 100分 {{ {rules} }}
  }}
}}
'''


def policy(rules: str = "每「次数」扣1分", total: str = "", articles: str = "") -> scorelang.Policy:
    return scorelang.loads(HEADER.format(total=total) + TASK.format(rules=rules) + articles, "t.score")


def facts(**values) -> dict:
    base = {"次数": 0, "表扬": 0, "被通报": False}
    base.update(values)
    return base


def test_a_deduction_cap_gives_back_what_went_beyond_it():
    card = policy("每「次数」扣2分 最多扣 5 分").evaluate("甲", facts(次数=4))
    item = card.item("1.1")
    assert item.score == Decimal("95.00")
    assert [(e.clause, e.kind, e.points) for e in item.events] == [
        ("1.1", "deduct", Decimal(-8)), ("1.1", "cap", Decimal(3))]


def test_a_cap_not_reached_leaves_no_event():
    item = policy("每「次数」扣2分 最多扣 5 分").evaluate("甲", facts(次数=2)).item("1.1")
    assert item.score == Decimal("96.00") and [e.kind for e in item.events] == ["deduct"]


def test_a_rule_cap_applies_before_the_items_floor():
    # 60 × 2 = 120 capped at 110 by the rule, then floored at 0 by the item (扣完为止)
    item = policy("每「次数」扣2分 最多扣 110 分").evaluate("甲", facts(次数=60)).item("1.1")
    assert [(e.kind, e.points) for e in item.events] == [
        ("deduct", Decimal(-120)), ("cap", Decimal(10)), ("floor", Decimal(10))]
    assert item.score == 0


def test_an_earning_cap_applies_before_the_items_points():
    item = policy("每「次数」得30分 最多得 60 分 每「表扬」得10分").evaluate("甲", facts(次数=3, 表扬=5)).item("1.1")
    assert [(e.kind, e.points) for e in item.events] == [
        ("award", Decimal(90)), ("cap", Decimal(-30)), ("award", Decimal(50)), ("cap", Decimal(-10))]
    assert item.score == Decimal("100.00")


def test_a_bonus_cap_lowers_the_items_bonus_not_its_score():
    item = policy("每「次数」扣1分 每「表扬」加1分 最多加 3 分").evaluate("甲", facts(表扬=5)).item("1.1")
    assert (item.score, item.bonus) == (Decimal("100.00"), Decimal("3.00"))
    assert [(e.kind, e.points) for e in item.events] == [("bonus", Decimal(5)), ("bonus_cap", Decimal(-2))]


def test_a_rule_cap_holds_on_each_occasion():
    text = HEADER.format(total="") + TASK.format(rules="共 2 次 每次 50分 { 若「抽查不合格」 扣30分 最多扣 20 分 }")
    text = text.replace("「被通报」 是否", "「被通报」 是否 「抽查不合格」 是否 按次").replace("{{", "{").replace("}}", "}")
    card = scorelang.loads(text, "t.score").evaluate(
        "甲", facts(抽查不合格第1次=True, 抽查不合格第2次=True))
    assert card.item("1.1").score == Decimal("60.00")


ARTICLES = '''第八条 "加分" {{
  事实 {{ 「获奖」 计数 默认 0 「批示」 计数 默认 0 }}
  每「获奖」加2分 最多加 3 分
  每「批示」加1分
  {bonus_cap}
}}
第九条 "扣分" {{
  事实 {{ 「通报」 计数 默认 0 「事故」 计数 默认 0 }}
  每「通报」扣2分 最多扣 4 分
  每「事故」扣3分
  {deduct_cap}
}}
'''


def test_article_caps_apply_after_each_rules_own():
    text = ARTICLES.format(bonus_cap="加分累计最多 4 分", deduct_cap="扣分累计不超过 5 分")
    card = policy(articles=text).evaluate("甲", facts(获奖=3, 批示=2, 通报=5, 事故=1))
    assert [(e.clause, e.kind, e.points) for e in card.adjustments] == [
        ("第八条", "bonus", Decimal(6)), ("第八条", "bonus_cap", Decimal(-3)), ("第八条", "bonus", Decimal(2)),
        ("第八条", "bonus_cap", Decimal(-1)),
        ("第九条", "deduct", Decimal(-10)), ("第九条", "cap", Decimal(6)), ("第九条", "deduct", Decimal(-3)),
        ("第九条", "cap", Decimal(2))]
    assert card.total == Decimal("99.00")  # 100 + 4 - 5


def test_without_a_declared_bound_the_total_keeps_its_floor_at_zero():
    text = ARTICLES.format(bonus_cap="", deduct_cap="")
    card = policy("每「次数」扣1分", articles=text).evaluate("甲", facts(次数=100, 事故=3))
    assert card.total == 0 and card.adjustments[-1].kind == "floor"


def test_a_declared_lower_bound_replaces_the_default_floor_and_names_the_total():
    text = ARTICLES.format(bonus_cap="", deduct_cap="")
    card = policy("每「次数」扣1分", total="考评总分 最低 60 分", articles=text).evaluate("甲", facts(次数=50, 事故=3))
    last = card.adjustments[-1]
    assert (last.clause, last.kind, last.points) == ("总分", "floor", Decimal(19))
    assert card.total == Decimal("60.00")


def test_an_upper_bound_cites_the_clause_the_policy_attaches():
    text = ARTICLES.format(bonus_cap="", deduct_cap="")
    card = policy(total='考评总分 最高 102 分 依据 "第十条"', articles=text).evaluate("甲", facts(批示=5))
    last = card.adjustments[-1]
    assert (last.clause, last.kind, last.points, card.total) == ("第十条", "cap", Decimal(-3), Decimal("102.00"))


def test_an_upper_bound_holds_without_articles():
    card = policy("每「次数」扣1分 每「表扬」加1分", total="考评总分 最高 100 分").evaluate("甲", facts(表扬=4))
    assert card.total == Decimal("100.00") and [e.kind for e in card.adjustments] == ["cap"]


@pytest.mark.parametrize(("rules", "code"), [
    ("若「被通报」 不得分 最多扣 5 分", "SL160"),
    ("每「次数」扣1分 最多得 5 分", "SL160"),
    ("每「次数」扣1分 最多扣 0 分", "SL161"),
])
def test_a_cap_that_does_not_fit_its_rule_is_refused(rules, code):
    with pytest.raises(scorelang.PolicyError) as caught:
        policy(rules)
    assert code in {d.code for d in caught.value.diagnostics}


def test_a_bonus_capped_nowhere_on_an_unbounded_count_is_warned_once_per_rule():
    def unbounded(rules: str, total: str = "") -> list[str]:
        return [d.code for d in policy(rules, total).warnings if d.code == "SL164"]
    assert unbounded("每「次数」扣1分 每「表扬」加1分") == ["SL164"]
    assert unbounded("每「次数」扣1分 每「表扬」加1分 最多加 2 分") == []
    assert unbounded("每「次数」扣1分 每「表扬」加1分", total="考评总分 最高 105 分") == []
