"""What a person reads adds up: the printed weighted scores and adjustments make the printed
total (the floor at 0 included), and no figure is ever printed as "-0.00"."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scorelang
from scorelang.report.json import render_json
from scorelang.report.text import render_text
from scorelang.runtime.scorecard import EventKind
from scorelang.testing.strategies import facts_for

D = Decimal

# One task weighed whole and not rounded before the total; a deduction from the total.
FLOORED = """
考评办法 "t" { 保留 2 位小数 四舍五入 于 总分 }
对象 「对象」 { 「甲」 }
计入总分权重 { 目标任务一 100% }
目标任务 一 "任务" {
  牵头 「科」
  事实 { 「扣减」 评定 0 至 100 分 默认 0 }
  部分 "部分" 100分 { 第1项 "项" 100分 { 扣「扣减」 } }
}
第七条 "特殊情况扣分" {
  事实 { 「总分扣减」 评定 0 至 200 分 默认 0 }
  扣「总分扣减」
}
"""


@pytest.fixture(scope="module")
def floored() -> scorelang.Policy:
    return scorelang.loads(FLOORED, "floored.score")


def document(policy: scorelang.Policy, cards) -> dict:
    return render_json(cards, title=policy.title, sha256=policy.sha256, places=policy.places, engine_version="t")


def strings(value):
    """Every string in a JSON document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def assert_printed_figures_add_up(card_json: dict) -> None:
    weighted = sum((D(task["weighted"]) for task in card_json["tasks"]), D(0))
    adjusted = sum((D(event["points"]) for event in card_json["adjustments"]), D(0))
    assert weighted + adjusted == D(card_json["total"]), card_json["entity"]


def test_the_floor_gives_back_what_the_printed_figures_need(floored):
    # the item scores 99.995, printed 100.00; the total would be 99.995 - 100 = -0.005. The
    # exact shortfall (0.005) would print as 0.01, and 100.00 - 100.00 + 0.01 is not 0.00.
    card = floored.evaluate("甲", {"扣减": "0.005", "总分扣减": "100.00"})
    assert card.total == D(0)
    *_, floor = card.adjustments
    assert (floor.kind, floor.points) == (EventKind.FLOOR, D("0.00"))
    doc = document(floored, [card])
    (entity,) = doc["entities"]
    assert entity["tasks"][0]["weighted"] == "100.00"
    assert [a["points"] for a in entity["adjustments"]] == ["-100.00", "0.00"]
    assert entity["total"] == "0.00"
    assert_printed_figures_add_up(entity)


def test_the_floor_is_exact_when_every_figure_is_printed_as_it_is(floored):
    card = floored.evaluate("甲", {"扣减": "0", "总分扣减": "150.5"})
    assert [(e.kind, e.points) for e in card.adjustments] == [(EventKind.DEDUCT, D("-150.5")),
                                                              (EventKind.FLOOR, D("50.50"))]


def test_the_text_report_adds_up_the_printed_figures(floored):
    card = floored.evaluate("甲", {"扣减": "0.005", "总分扣减": "100.00"})
    text = render_text([card], title="t", places=2)
    # the adjustments' sum and the line that makes the total, from the figures as printed
    assert "各任务加权得分 100.00 - 总分加减 100.00 = 总分 0.00" in text
    assert "-0.00" not in text


def test_a_tiny_deduction_prints_as_zero_not_minus_zero():
    policy = scorelang.loads("""考评办法 "t" { 保留 2 位小数 四舍五入 }
对象 「对象」 { 「甲」 }
计入总分权重 { 目标任务一 100% }
目标任务 一 "任务" {
  牵头 「科」
  事实 { 「培训率」 百分比 }
  部分 "部分" 100分 { 第1项 "项" 100分 { 「培训率」 达 100% 每降低 1 个百分点 扣0.05分 不足一档按比例计 } }
}
""", "tiny.score")
    card = policy.evaluate("甲", {"培训率": "99.93"})
    (event,) = card.item("1.1").events
    assert event.points == D("-0.0035")
    (entity,) = document(policy, [card])["entities"]
    assert entity["tasks"][0]["sections"][0]["items"][0]["events"][0]["points"] == "0.00"
    assert "-0.00" not in set(strings(entity))
    text = render_text([card], title="t", places=2)
    assert "-0.00" not in text and "+0.00" not in text


@settings(max_examples=60)
@given(data=st.data())
def test_printed_figures_add_up_for_drawn_facts_with_sub_cent_amounts(floored, data):
    cents = st.integers(0, 100_000).map(lambda n: str(D(n).scaleb(-3)))  # 0.000 … 100.000
    facts = {"扣减": data.draw(cents), "总分扣减": data.draw(st.integers(0, 20_000).map(lambda n: str(D(n).scaleb(-2))))}
    card = floored.evaluate("甲", facts)
    (entity,) = document(floored, [card])["entities"]
    assert_printed_figures_add_up(entity)
    assert "-0.00" not in set(strings(entity))


@settings(max_examples=25)
@given(data=st.data())
def test_printed_figures_add_up_for_drawn_2017_facts(policy_2017, data):
    # one draw of the 2017 facts (253 of them) checks every printed-figure invariant at once
    entity = data.draw(st.sampled_from(policy_2017.entities))
    card = policy_2017.evaluate(entity, data.draw(facts_for(policy_2017)))
    (card_json,) = document(policy_2017, [card])["entities"]
    assert_printed_figures_add_up(card_json)
    assert "-0.00" not in set(strings(card_json))
    events = [e for t in card.tasks for s in t.sections for i in s.items for e in i.events]
    events += [e for t in card.tasks for e in t.events] + list(card.adjustments)
    # every producer of events uses the enum, and the JSON keeps its strings
    assert all(type(e.kind) is EventKind for e in events)
    for e in events:
        if e.detail is not None:  # a ladder: its points are its steps times the amount per step
            assert e.points < 0 and e.detail.steps > 0 and e.detail.gap > 0
