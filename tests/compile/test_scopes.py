"""Caps of sections and tasks, 折算为百分制 and 基础分 0 分, compiled (compile/scopes.py and the
evaluator): what counts as a deduction, the order the bounds apply in, what the events say."""
from __future__ import annotations

from decimal import Decimal

import scorelang

HEAD = """考评办法 "t" {{
  保留 2 位小数 四舍五入
}}
对象 「单位」 {{ 「甲」 }}
计入总分权重 {{ 目标任务一 100% }}
目标任务 一 "任务" {{
  牵头 「办」
  {task}
  事实 {{ 「a」 计数 至多 100  「b」 计数 至多 100  「f」 是否 }}
  部分 "一" 60分 {{
    {section}
    第1项 "一" 30分 {{ 每「a」扣5分 扣完为止 {bonus} }}
    第2项 "二" 30分 {{ 每「b」得10分 }}
  }}
  部分 "二" 40分 {{
    第3项 "三" 40分 {{ 每「b」扣1分 扣完为止 }}
  }}
}}
"""


def _card(task: str = "", section: str = "", bonus: str = "", **facts: int | bool):
    policy = scorelang.loads(HEAD.format(task=task, section=section, bonus=bonus), "t.score")
    values = {"a": 0, "b": 0, "f": False} | facts
    return policy.evaluate("甲", values)


def test_a_sections_deductions_are_net_of_the_items_floors():
    # 1.1 deducts 50 but floors at 0 (−30 net), 1.2 earns nothing: the section lost 30, capped at 12
    card = _card(section="本部分扣分最多 12 分", a=10, b=0)
    section = card.task("1").sections[0]
    assert [(e.kind, e.points) for e in section.events] == [("cap", Decimal(18))]
    # 60 points, 30 of them never earned (1.2), 12 lost: 0 + 0 + 18 given back
    assert section.score == Decimal(18)


def test_points_never_earned_are_not_deductions():
    card = _card(section="本部分扣分最多 5 分", a=0, b=0)
    assert card.task("1").sections[0].events == ()


def test_a_task_cap_counts_a_normalised_sections_deductions_in_the_tasks_points():
    text = HEAD.format(task="满分 200 分 折算为百分制 本任务扣分最多 10 分", section="", bonus="")
    text = text.replace('部分 "二" 40分 {', '部分 "二" 40分 折算为百分制 {').replace('部分 "一" 60分', '部分 "一" 100分')
    text = text.replace('第2项 "二" 30分', '第2项 "二" 70分')
    policy = scorelang.loads(text, "t.score")
    card = policy.evaluate("甲", {"a": 0, "b": 4, "f": False})
    task = card.task("1")
    # 3.3 lost 4 of 40: × 100/40 = 10 in the task's points, not above the cap of 10
    assert task.events == ()
    card = policy.evaluate("甲", {"a": 1, "b": 4, "f": False})
    assert [(e.clause, e.kind, e.points) for e in card.task("1").events] == [("目标任务一", "cap", Decimal(5))]


def test_a_zero_with_bonuses_cancels_them_after_their_cap():
    card = _card(bonus="每「b」加1分 最多加 2 分 若「f」 不得分（含加分）", a=0, b=5, f=True)
    item = card.item("1.1")
    assert [(e.kind, e.points) for e in item.events] == [
        ("bonus", Decimal(5)), ("bonus_cap", Decimal(-3)), ("zero", Decimal(-30)), ("bonus_zero", Decimal(-2))]
    assert (item.score, item.bonus) == (0, 0)


def test_base_zero_starts_every_item_at_0():
    text = HEAD.format(task="基础分 0 分", section="", bonus="每「a」得1分")
    text = text.replace("每「b」扣1分 扣完为止", "每「b」得1分")
    card = scorelang.loads(text, "t.score").evaluate("甲", {"a": 0, "b": 0, "f": False})
    assert card.total == 0 and all(i.score == 0 for s in card.task("1").sections for i in s.items)


def test_tasks_summed_for_entities_from_the_facts_file():
    text = """考评办法 "t" {
  保留 1 位小数 四舍五入
  满分 1000 分
  各目标任务得分相加
}
对象 「乡镇」 由事实文件列出
目标任务 一 "安全" {
  牵头 「办」
  满分 1000 分 按原分计入
  事实 { 「a」 计数 }
  部分 "一" 1000分 { 第1项 "一" 1000分 { 每「a」扣10分 扣完为止 } }
}
"""
    cards = scorelang.loads(text, "t.score").score_all({"entities": {"甲": {"a": 3}, "乙": {"a": 0}}})
    assert [(c.entity, c.total, c.rank) for c in cards] == [("乙", Decimal(1000), 1), ("甲", Decimal(970), 2)]


def test_cohort_values_read_a_section_and_a_task_after_their_own_caps():
    text = """考评办法 "t" {
  保留 2 位小数 四舍五入
}
对象 「单位」 { 「甲」 「乙」 }
计入总分权重 { 目标任务一 90% 目标任务二 10% }
目标任务 一 "任务" {
  牵头 「办」
  本任务扣分最多 30 分
  事实 { 「a」 计数 }
  部分 "一" 100分 {
    本部分扣分最多 20 分
    第1项 "一" 100分 { 每「a」扣10分 扣完为止 }
  }
}
目标任务 二 "对比" {
  牵头 「办」
  部分 "二" 100分 {
    第1项 "部分" 50分 { 若 全体最低 目标任务一 部分 "一" 得分 < 80 扣50分 }
    第2项 "任务" 50分 { 若 全体最低 目标任务一 得分 < 80 扣50分 }
  }
}
"""
    cards = {c.entity: c for c in scorelang.loads(text, "t.score").score_all(
        {"entities": {"甲": {"a": 5}, "乙": {"a": 2}}})}
    # 甲 lost 50, capped at 20 (80); 乙 lost 20 (80): the lowest is 80, read after the caps
    assert cards["甲"].task("1").score == cards["乙"].task("1").score == Decimal(80)
    assert cards["甲"].task("2").score == cards["乙"].task("2").score == Decimal(100)
