"""取消评优资格 (§22) with awards by count (§23.2): the entity takes no place, so it neither
leaves a tier's place empty nor makes an eligible entity pending with it."""
from __future__ import annotations

import pytest

from scorelang.policy import loads
from scorelang.runtime.decision import Decision

POLICY = """考评办法 "某县2024年度部门绩效考核办法" {
  保留 2 位小数 四舍五入
}
对象 「部门」 { 「农业局」 「水利局」 「林业局」 「交通局」 }
计入总分权重 { 目标任务一 100% }
目标任务 一 "重点工作" {
  牵头 「县委办」
  事实 { 「滞后事项数」 计数 单位 "项" }
  部分 "重点工作" 100分 {
    第1项 "重点事项" 100分 { 每「滞后事项数」扣5分 扣完为止 }
  }
}
第九条 "否决事项" {
  事实 { 「弄虚作假」 是否 默认 否 }
  "弄虚作假的，取消评优资格" 若「弄虚作假」 取消评优资格
}
奖项 依据 "第十条" 认定 「县考核办」 {
  综合奖 "一等奖" 1 名 并列 提交认定
  综合奖 "二等奖" 1 名 并列 提交认定
}
"""


@pytest.fixture(scope="module")
def policy():
    return loads(POLICY, "ineligible.score")


def test_a_tie_with_an_ineligible_entity_is_no_tie(policy):
    # 农业局 and 水利局 tie first; 水利局 is barred, so 农业局 has the 一等奖 and 林业局 the 二等奖
    cards = {c.entity: c for c in policy.score_all({"entities": {
        "农业局": {"滞后事项数": 0}, "水利局": {"滞后事项数": 0, "弄虚作假": True},
        "林业局": {"滞后事项数": 1}, "交通局": {"滞后事项数": 2}}})}
    assert cards["农业局"].award_decision == Decision.decided("一等奖")
    assert cards["林业局"].award_decision == Decision.decided("二等奖")
    assert cards["交通局"].award_decision == Decision.decided(None)
    barred = cards["水利局"]
    assert barred.rank == 1 and barred.award_decision == Decision.decided(None)
    assert any(f.startswith("取消评优资格（第九条：弄虚作假的，取消评优资格）") for f in barred.flags)
    assert not any("并列" in f for f in cards["农业局"].flags)


def test_demotion_lowers_an_award_by_count():
    # 降低一个等次评奖 (§12.2, §22) was ignored by tiers by count: 水利局, first, now gets the 二等奖
    demoting = loads(POLICY.replace("取消评优资格\" 若「弄虚作假」 取消评优资格", "降等\" 若「弄虚作假」 降低一个等次评奖"),
                     "demote.score")
    cards = {c.entity: c for c in demoting.score_all({"entities": {
        "农业局": {"滞后事项数": 1}, "水利局": {"滞后事项数": 0, "弄虚作假": True},
        "林业局": {"滞后事项数": 2}, "交通局": {"滞后事项数": 3}}})}
    assert cards["水利局"].award_decision == Decision.decided("二等奖")
    assert "降低一个等次评奖（第九条：弄虚作假的，降等）：一等奖→二等奖" in cards["水利局"].flags
    assert cards["农业局"].award_decision == Decision.decided("二等奖")
    # a pending award's candidates move down each, past the last tier to none
    tied = {c.entity: c for c in demoting.score_all({"entities": {
        "农业局": {"滞后事项数": 0}, "水利局": {"滞后事项数": 0, "弄虚作假": True},
        "林业局": {"滞后事项数": 2}, "交通局": {"滞后事项数": 3}}})}
    assert tied["水利局"].award_decision == Decision.pending(("二等奖", "不评奖"))
    assert tied["农业局"].award_decision == Decision.pending(("一等奖", "二等奖"))
