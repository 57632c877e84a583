"""Scales, base-zero scoring and the caps of sections and tasks hold for every drawn policy and
entity: a policy is drawn — its task's full score (from its sections, one of them perhaps
折算为百分制), how it enters the total, base zero or not, caps on a section and on the task —
and then an entity's facts; every invariant of scorelang.testing.invariants runs on the card
(bounds at every level, sums, caps, the total within the scale), plus the bounds spelled out."""
from __future__ import annotations

import functools
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import scorelang
from scorelang.testing.invariants import check_card

ZERO = Decimal(0)


@functools.cache
def _policy(a: int, b: int, normalised: bool, as_is: bool, base_zero: bool, summed: bool,
            section_cap: int | None, bonus_cap: int | None, with_bonus: bool) -> scorelang.Policy:
    full = a + (100 if normalised else b)
    enters = "按原分计入" if as_is else "折算为百分制"
    counted = full if as_is else 100
    header = [f"满分 {counted} 分"] if counted != 100 else []
    header += ["各目标任务得分相加"] if summed else []
    weights = "" if summed else "计入总分权重 { 目标任务一 100% }"
    half = Decimal(a) / 2
    if base_zero:
        first = f"每「甲」得{half / 5}分"
        second = f"若 非「丙」 得{half}分"
    else:
        first = f"每「甲」扣{half / 5}分 扣完为止"
        second = "若「丙」 不得分（含加分）" if with_bonus else "若「丙」 不得分"
    bonus = "若「丁」 加3分" if with_bonus else ""
    text = f"""
考评办法 "抽取的考评办法" {{
  保留 2 位小数 四舍五入
  {" ".join(header)}
}}
对象 「单位」 {{ 「甲单位」 }}
{weights}
目标任务 一 "抽取的任务" {{
  牵头 「考评办」
  满分 {full} 分 {enters}
  {"基础分 0 分" if base_zero else ""}
  {f"本任务加分累计最多 {bonus_cap} 分" if bonus_cap else ""}
  事实 {{
    「甲」 计数 至多 50
    「乙」 计数 至多 50
    「丙」 是否
    「丁」 是否
    「戊」 计数 至多 10
  }}
  部分 "第一部分" {a}分 {{
    {f"本部分扣分最多 {section_cap} 分" if section_cap else ""}
    第1项 "一" {half}分 {{
      {first}
      {bonus}
    }}
    第2项 "二" {half}分 {{
      {second}
      {bonus}
    }}
  }}
  部分 "第二部分" {b}分 {"折算为百分制" if normalised else ""} {{
    第3项 "三" {b}分 {{
      {"每「乙」得" + str(Decimal(b) / 10) + "分" if base_zero else "每「乙」扣" + str(Decimal(b) / 10) + "分 扣完为止"}
      每「戊」加1分
    }}
  }}
}}
"""
    return scorelang.loads(text, "drawn.score")


policies = st.builds(
    _policy,
    a=st.sampled_from([20, 40, 60, 400]), b=st.sampled_from([40, 60, 600]),
    normalised=st.booleans(), as_is=st.booleans(), base_zero=st.booleans(), summed=st.booleans(),
    section_cap=st.sampled_from([None, 5, 15]), bonus_cap=st.sampled_from([None, 2, 4]), with_bonus=st.booleans())

facts = st.fixed_dictionaries({
    "甲": st.integers(0, 50), "乙": st.integers(0, 50), "丙": st.booleans(), "丁": st.booleans(),
    "戊": st.integers(0, 10)})


@given(policy=policies, values=facts)
def test_bounds_at_every_level_on_a_drawn_scale(policy, values):
    card = policy.evaluate("甲单位", values)
    assert check_card(policy, "甲单位", values, card) == []
    (task,) = card.tasks
    model = policy.model.tasks[0]
    for section in task.sections:
        assert ZERO <= section.score <= section.max
    assert ZERO <= task.score <= task.max
    assert task.max == (model.scale.points if model.scale.enters == "as_is" else 100)
    scale = policy.model.scale.points
    assert ZERO <= card.total <= scale + task.bonus * task.weight / 100
    if model.base_zero:
        # base zero: never negative, never above the scale, bonuses aside
        assert ZERO <= card.total - task.bonus * task.weight / 100 <= scale


@given(policy=policies)
def test_a_base_zero_task_with_nothing_earned_scores_0(policy):
    quiet = {"甲": 0, "乙": 0, "丙": True, "丁": False, "戊": 0}
    card = policy.evaluate("甲单位", quiet)
    if policy.model.tasks[0].base_zero:
        assert card.total == 0
