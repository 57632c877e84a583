"""check's diagnostics for quotas and awards as the policy defines them (SL410–SL419 and SL440, docs §23):
each problem at least once, with a policy that is right otherwise."""
from __future__ import annotations

import pytest

import scorelang
from diagnostic_codes import error_codes
from scorelang.policy import loads

BASE = """考评办法 "某县2024年度部门目标考核办法" {
  保留 2 位小数 四舍五入
}
对象 「部门」 { 「农业局」 「水利局」 「林业局」 「交通局」 }
分组 「农口」 { 「农业局」 「水利局」 「林业局」 }
计入总分权重 { 目标任务一 50% 目标任务二 50% }
目标任务 一 "重点工作" {
  牵头 「县委办」
  事实 { 「滞后事项数」 计数 单位 "项" }
  部分 "重点工作" 100分 { 第1项 "重点事项" 100分 { 每「滞后事项数」扣5分 扣完为止 } }
}
目标任务 二 "作风建设" {
  牵头 「县纪委」
  事实 { 「被通报次数」 计数 单位 "次" }
  部分 "作风建设" 100分 { 第1项 "通报" 100分 { 每「被通报次数」扣10分 扣完为止 } }
}
等次 {
  "优秀" 90 分以上
  "良好" 75 分至 90 分（不含）
  "合格" 75 分以下（不含）
}
"""
GOOD_QUOTAS = '名额 { "优秀" 不超过 总数的 25% 向下取整 并列 提交认定  "良好" 「农口」 不超过 2 名 并列 全部计入 }\n'
GOOD_AWARDS = '奖项 { 综合奖 "一等奖" 1 名 并列 提交认定  考评总分 低于 80 分 不评奖  单项奖 目标任务二 各前1名 }\n'


def test_the_good_policy_loads_and_scores():
    policy = loads(BASE + GOOD_QUOTAS + GOOD_AWARDS)
    facts = {"entities": {e: {"滞后事项数": 0, "被通报次数": 0} for e in ("农业局", "水利局", "林业局", "交通局")}}
    cards = policy.score_all(facts)
    # all four at 100: tied for 一等奖 (1 place) and for 优秀 (25% of 4 = 1 place): pending, never provisional
    assert all(c.award_status == "pending" and c.award is None for c in cards)
    assert all(c.grade_decision.candidates == ("优秀", "良好") for c in cards)
    assert all(c.pending_task_awards[0].candidates == ("农业局", "水利局", "林业局", "交通局") for c in cards)


@pytest.mark.parametrize(("extra", "code"), [
    ('名额 { "优秀" 不超过 总数的 20% 并列 提交认定 }', "SL410"),
    ('名额 { "优秀" 不超过 总数的 20% 向下取整 }', "SL411"),
    ('名额 { "优秀" 不超过 2 名 }', "SL411"),
    ('奖项 { 综合奖 "一等奖" 2 名 }', "SL411"),
    ('名额 { "先进" 不超过 2 名 并列 全部计入 }', "SL412"),
    ('名额 { "合格" 不超过 2 名 并列 全部计入 }', "SL413"),
    ('名额 { "优秀" 「林口」 不超过 2 名 并列 全部计入 }', "SL414"),
    ('奖项 { 综合奖 "一等奖" 第1至2名  综合奖 "二等奖" 3 名 并列 全部计入 }', "SL415"),
    ('奖项 { 综合奖 "一等奖" 每组 第1名  综合奖 "二等奖" 第2至3名 }', "SL415"),
    ('奖项 { 单项奖 目标任务三 各前1名 }', "SL416"),
    ('奖项 { 单项奖 目标任务一、目标任务一 各前1名 }', "SL416"),
    ('奖项 { 单项奖 前2名  单项奖 目标任务一 各前1名 }', "SL417"),
    ('名额 { "优秀" 不超过 总数的 120% 向下取整 并列 全部计入 }', "SL418"),
    ('名额 { "优秀" 不超过 0 名 并列 全部计入 }', "SL418"),
    ('奖项 { 综合奖 "一等奖" 1 名 并列 全部计入  考评总分 高于 80 分 不评奖 }', "SL440"),
    ('名额 { "优秀" 不超过 1 名 并列 全部计入 }\n名额 { "良好" 不超过 1 名 并列 全部计入 }', "SL419"),
    ('名额 { "优秀" 不超过 1 名 并列 全部计入  "优秀" 不超过 2 名 并列 全部计入 }', "SL419"),
])
def test_each_problem_is_named(extra, code):
    assert code in error_codes(BASE + extra + "\n")


def test_each_group_without_groups_is_sl414():
    text = BASE.replace('分组 「农口」 { 「农业局」 「水利局」 「林业局」 }\n', "")
    assert "SL414" in error_codes(text + '名额 { "优秀" 每组 不超过 1 名 并列 全部计入 }\n')


def test_the_messages_say_how_to_write_the_missing_choice():
    with pytest.raises(scorelang.PolicyError) as err:
        loads(BASE + '名额 { "优秀" 不超过 总数的 20% }\n', "p.score")
    by_code = {d.code: d for d in err.value.diagnostics}
    assert "向下取整" in by_code["SL410"].hint and "四舍五入" in by_code["SL410"].hint
    assert "并列 提交认定" in by_code["SL411"].hint and "tie" in by_code["SL411"].message_en
    assert by_code["SL411"].span.line == BASE.count("\n") + 1
