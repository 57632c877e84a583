"""The issue's Done criterion, tried as a new policy author would: a measure that grades into
优秀/良好/合格/不合格 by bands with a 20% 优秀 quota, a veto for a serious incident, escalating
per-incident deductions and single-task awards for two tasks, written and scored without
precomputing anything (docs/language.md §21–§24)."""
from __future__ import annotations

import pytest

from scorelang.policy import loads
from scorelang.runtime.decision import Decision, PendingPlaces

POLICY = """考评办法 "某市2025年度区县安全生产与营商环境考评办法" {
  考评期 2025年1月1日 至 2025年12月31日
  保留 2 位小数 四舍五入
  考评总分 最高 100 分
}
对象 「区县」 { 「东城区」 「西城区」 「南山县」 「北川县」 「中和县」 }
计入总分权重 { 目标任务一 50% 目标任务二 50% }
事实 {
  「安全事件」 记录 {
    「发生日期」 日期
    「严重程度」 选项 { "一般" "较大" "重大" }
    「涉及项目」 项号
    「问题编号」 文字
  } 默认 无 说明 "考评期内的安全事件，每起一条"
}
目标任务 一 "安全生产" {
  牵头 「市应急管理局」
  部分 "隐患整改" 100分 {
    第1项 "隐患整改" 100分 {
      "首次扣10分，再次扣20分，第三次及以上不得分"
      每起「安全事件」 涉及本项的 首次扣10分 再次扣20分 第三次及以上不得分 同一「问题编号」不重复扣分
    }
  }
}
目标任务 二 "营商环境" {
  牵头 「营商办」
  事实 { 「投诉件数」 计数 单位 "件" }
  部分 "营商环境" 100分 {
    第1项 "投诉办理" 100分 { 每「投诉件数」扣5分 扣完为止 }
  }
}
第九条 "一票否决" {
  "发生重大事故的，直接评定为不合格"
  若 个数（「安全事件」 中 「严重程度」 为 "重大"） ≥ 1 直接评定为 "不合格"
}
等次 依据 "第十条" {
  "优秀" 90 分以上
  "良好" 80 分至 90 分（不含）
  "合格" 60 分至 80 分（不含）
  "不合格" 60 分以下（不含）
}
名额 依据 "第十一条" 认定 「市考评委员会」 {
  "优秀" 不超过 总数的 20% 向下取整 并列 提交认定
}
奖项 依据 "第十二条" 认定 「市考评委员会」 {
  单项奖 目标任务一、目标任务二 各前1名
}
"""
FACTS = {"entities": {
    "东城区": {"安全事件": [], "投诉件数": 0},
    "西城区": {"安全事件": [{"发生日期": "2025-03-14", "严重程度": "一般", "涉及项目": "1.1", "问题编号": "A1"}],
               "投诉件数": 1},
    "南山县": {"安全事件": [{"发生日期": "2025-05-01", "严重程度": "重大", "涉及项目": "1.1", "问题编号": "B1"}],
               "投诉件数": 0},
    "北川县": {"安全事件": [], "投诉件数": 2},
    "中和县": {"安全事件": [], "投诉件数": 0}}}


@pytest.fixture(scope="module")
def cards():
    return {c.entity: c for c in loads(POLICY, "done.score").score_all(FACTS)}


def test_grades_after_the_veto_and_the_quota(cards):
    # 5 × 20% = 1 优秀 (向下取整); 东城区 and 中和县 tie for it at 100: the committee decides
    assert cards["东城区"].grade_decision == cards["中和县"].grade_decision == Decision.pending(("优秀", "良好"))
    # 南山县 scores 95 (优秀 by its band) but its 重大 incident makes it 不合格 (一票否决)
    assert cards["南山县"].total == 95 and cards["南山县"].grade_decision == Decision.decided("不合格")
    # 北川县 is 优秀 by its band, beyond the quota: 良好, said in a flag with the clause
    assert cards["北川县"].grade.name == "优秀" and cards["北川县"].grade_decision == Decision.decided("良好")
    assert any("由优秀调整为良好（第十一条）" in f for f in cards["北川县"].flags)


def test_escalating_incidents_and_single_awards_for_two_tasks(cards):
    assert cards["西城区"].task("1").score == 90  # 首次扣10分
    assert cards["东城区"].pending_task_awards == (
        PendingPlaces("1", 1, ("东城区", "北川县", "中和县")), PendingPlaces("2", 1, ("东城区", "南山县", "中和县")))
    assert all(c.task_awards == () for c in cards.values())  # every first place is tied: nothing decided
