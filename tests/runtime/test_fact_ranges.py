"""The ends of every range docs/facts.md §3.2 accepts score without an exception, quickly.

On the 2017 policy: each fact drawn from its extremes (a count of 0 or 10⁹, a percent of 0, 100
or with six places, a judgement at either end of its range, 1000 records, 500-character texts),
scored for one entity; and on a small policy that reads a number in ladders, comparisons and
proportions, numbers at ±10¹² with six places. No exception (no InvalidOperation when rounding
an event) and every score has the policy's places.
"""
from __future__ import annotations

import os
import time
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import scorelang
from scorelang.runtime.values import MAX_COUNT, MAX_NUMBER, MAX_PLACES, MAX_RECORDS, MAX_TEXT

SMALLEST = Decimal(1).scaleb(-MAX_PLACES)
# each example scores up to 11 facts × 1000 records: a few dozen examples (more under ci)
EXAMPLES = 100 if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else 10  # 2017 with every fact at an end: ~0.1 s each
# 999999999: the largest number a policy may write (SL004); the facts reach ±10¹².
NUMBER_POLICY = """
考评办法 "数值范围" { 保留 2 位小数 四舍五入 于 项得分 任务得分 加权得分 总分 }
对象 「单位」 { 「甲」 }
计入总分权重 { 目标任务一 100% }
目标任务 一 "数值" {
  牵头 「办公室」
  事实 { 「金额」 数值  「上年度金额」 数值  「件数」 计数  「比率」 百分比 }
  部分 "一" 100分 {
    第1项 "百分点阶梯" 25分 { 「金额」 达 300 每降低 5 个百分点 扣2分 不足一档按比例计 扣完为止 }
    第2项 "差额阶梯" 25分 { 「金额」 不少于 2 每少 0.001 扣99分 不足一档按比例计 扣完为止 }
    第3项 "比较" 25分 { 若「金额」 < 「上年度金额」 扣4分  若「金额」 高于 999999999 扣1分 }
    第4项 "每次与比例" 25分 { 每「件数」扣99.99分 扣完为止  每「件数」加99.99分  按「比率」比例得5分 }
  }
}
"""


def extremes(decl) -> st.SearchStrategy:
    kind = decl.type
    if kind == "count":
        high = min(MAX_COUNT, int(decl.high)) if decl.high is not None else MAX_COUNT
        return st.sampled_from([0, high, str(high), high - 1])
    if kind == "number":
        return st.sampled_from([str(MAX_NUMBER), str(-MAX_NUMBER), str(SMALLEST), str(MAX_NUMBER - SMALLEST)])
    if kind == "percent":
        return st.sampled_from(["0", "100", str(SMALLEST), str(100 - SMALLEST), "100%"])
    if kind == "flag":
        return st.sampled_from([True, False, "1.0", "０"])
    if kind == "choice":
        return st.sampled_from(decl.choices)
    if kind == "judgement":
        # 0 ("did not occur") only for a deduction; a score only added lies in its range
        ends = [str(decl.low), str(decl.high), str(decl.high - SMALLEST)]
        return st.sampled_from(["0", *ends] if decl.zero_means_absent else ends)
    if decl.fields:
        record = {f.name: f.choices[-1] if f.kind == "choice" else "工" * MAX_TEXT for f in decl.fields}
        return st.sampled_from([[], [record] * MAX_RECORDS])
    return st.sampled_from([[], [str(decl.high)] * MAX_RECORDS, [str(decl.low)] * MAX_RECORDS])


def check_card(card, places: int) -> None:
    assert card.total == card.total.quantize(Decimal(1).scaleb(-places))
    for task in card.tasks:
        assert task.score.as_tuple().exponent == -places


@settings(max_examples=EXAMPLES)
@given(data=st.data())
def test_2017_scores_the_ends_of_every_range(policy_2017, data):
    facts = {decl.name: data.draw(extremes(decl), label=decl.name) for decl in policy_2017.model.facts}
    entity = data.draw(st.sampled_from(policy_2017.entities), label="entity")
    started = time.process_time()  # CPU, not wall time: parallel test workers must not fail it
    card = policy_2017.evaluate(entity, facts)
    assert time.process_time() - started < 2
    check_card(card, policy_2017.places)


def test_2017_scores_every_entity_at_the_largest_values(policy_2017):
    """All 17 at once, ranked: every count 10⁹, every judgement at its top (the first entity
    with 1000 records of each record fact too)."""
    top = {}
    for decl in policy_2017.model.facts:
        if decl.type == "count":
            top[decl.name] = MAX_COUNT if decl.high is None else int(decl.high)
        elif decl.type == "percent":
            top[decl.name] = "100"
        elif decl.type == "judgement":
            top[decl.name] = str(decl.high)
        elif decl.type == "flag":
            top[decl.name] = True
        elif decl.type == "choice":
            top[decl.name] = decl.choices[0]
        elif decl.type == "records" and not decl.fields:
            top[decl.name] = [str(decl.high)]
    document = {"entities": {entity: dict(top) for entity in policy_2017.entities}}
    first = document["entities"][policy_2017.entities[0]]
    first.update({d.name: [str(d.high)] * MAX_RECORDS for d in policy_2017.model.facts if d.type == "records" and not d.fields})
    cards = policy_2017.score_all(document)
    assert len(cards) == 17
    for card in cards:
        check_card(card, policy_2017.places)


def test_numbers_at_the_ends_of_their_range():
    policy = scorelang.loads(NUMBER_POLICY, "numbers.score")
    amounts = [str(MAX_NUMBER), str(-MAX_NUMBER), str(SMALLEST), str(-SMALLEST), str(MAX_NUMBER - SMALLEST), "0"]
    for amount in amounts:
        for last_year in (str(MAX_NUMBER), str(-MAX_NUMBER)):
            for count in (0, MAX_COUNT):
                for rate in ("0", str(100 - SMALLEST)):
                    card = policy.evaluate("甲", {"金额": amount, "上年度金额": last_year, "件数": count, "比率": rate})
                    check_card(card, 2)
