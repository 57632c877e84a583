"""Cohort values and ranks (docs/language.md §9.6): aggregates over every entity or a group,
counts and shares, ranks with their tie rule, 前/后 N 名, scores as operands computed in
dependency order, the cycle check, and one entity scored alone refused."""
from __future__ import annotations

import random
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import scorelang
from diagnostic_codes import error_codes
from scorelang.compile.cohort import ranks
from scorelang.policy import loads

DOC = Path(__file__).resolve().parents[2] / "docs" / "language.md"

HEAD = '''考评办法 "试" { 保留 2 位小数 四舍五入 }
对象 「单位」 { ENTITIES }
分组 「山区」 { 「甲」 「乙」 }
计入总分权重 { 目标任务一 100% }
目标任务一 "任务" {
  牵头 「科」
  事实 {
    「率」 百分比
    「件数」 计数 单位 "件"
    「余额」 数值
  }
  部分 "一" 100分 {
    第1项 "甲" 50分 {
      RULE1
    }
    第2项 "乙" 50分 {
      RULE2
    }
  }
}
'''


def _policy(rule1: str = "每「件数」扣1分", rule2: str = "每「件数」扣1分", entities: str = "「甲」 「乙」 「丙」") -> str:
    return HEAD.replace("ENTITIES", entities).replace("RULE1", rule1).replace("RULE2", rule2)


def _codes(text: str) -> list[str]:
    return error_codes(text)


def _score(text: str, facts: dict[str, dict]) -> dict[str, scorelang.Scorecard]:
    return {c.entity: c for c in loads(text).score_all({"entities": facts})}


def _facts(rates=(90, 80, 70), counts=(1, 2, 3), names=("甲", "乙", "丙")) -> dict[str, dict]:
    return {n: {"率": Decimal(r), "件数": c, "余额": Decimal(0)} for n, r, c in zip(names, rates, counts, strict=True)}


# ------------------------------------------------------------------ the docs' example
def _doc_block(heading: str, next_heading: str) -> str:
    """The one ``score`` block of the docs between ``heading`` and ``next_heading``."""
    text = DOC.read_text(encoding="utf-8")
    start = text.index(heading)
    end = text.index(next_heading, start)
    (block,) = re.findall(r"```score\n(.*?)```", text[start:end], re.DOTALL)
    return block


def _doc_policy() -> str:
    return _doc_block("### 9.6 全体", "### 9.7")


def test_the_docs_example_scores_as_its_sentences_say():
    policy = loads(_doc_policy())
    assert not policy.warnings
    facts = {"城关所": {"调解成功率": "92", "办案数": 30, "社区矫正人数": 40, "脱管人数": 0},
             "河东所": {"调解成功率": "85", "办案数": 30, "社区矫正人数": 20, "脱管人数": 2},
             "高山所": {"调解成功率": "80", "办案数": 12, "社区矫正人数": 10, "脱管人数": 1},
             "草原所": {"调解成功率": "88", "办案数": 8, "社区矫正人数": 12, "脱管人数": 0}}
    cards = {c.entity: c for c in policy.score_all({"entities": facts})}
    # 全州平均 86.25: 河东所 1.25 points below → 2 steps (不足一档按一档计); 城关所 above → +1
    assert cards["河东所"].item("1.1").score == Decimal("28.00")
    assert cards["城关所"].item("1.1").bonus == 1
    assert ("全州平均「调解成功率」", Decimal("86.25")) in cards["河东所"].item("1.1").events[0].facts
    # 办案数 30, 30, 12, 8 → ranks 1, 1, 3, 4 (并列占位)
    assert [cards[e].item("1.2").score for e in ("城关所", "河东所", "高山所", "草原所")] == \
        [Decimal(30), Decimal(30), Decimal(18), Decimal(12)]
    # 本所 ÷ 全州最高 × 20: 20 ÷ 40 × 20 = 10, less the 5 of the last two by 脱管人数 (2 and 1)
    assert cards["河东所"].item("1.3").score == Decimal("5.00")
    # 牧区所 ranked among themselves: 草原所 12 first, 高山所 10 second: both 前 2 名
    assert cards["草原所"].item("1.3").bonus == 2 and cards["高山所"].item("1.3").bonus == 2
    assert cards["城关所"].item("1.3").bonus == 0  # not in the group: not within its first two


# ------------------------------------------------------------------ ranks
def test_ties_share_a_rank_and_the_next_skips_or_follows_as_the_author_says():
    values = [("a", 9), ("b", 7), ("c", 9), ("d", 5)]
    assert ranks(values, descending=True, dense=False) == {"a": 1, "c": 1, "b": 3, "d": 4}
    assert ranks(values, descending=True, dense=True) == {"a": 1, "c": 1, "b": 2, "d": 3}
    assert ranks(values, descending=False, dense=False) == {"d": 1, "b": 2, "a": 3, "c": 3}


_VALUES = st.lists(st.integers(min_value=0, max_value=6), min_size=1, max_size=12)


@given(values=_VALUES, dense=st.booleans(), descending=st.booleans(), seed=st.integers(0, 1000))
def test_ranks_do_not_depend_on_the_order_of_entities(values, dense, descending, seed):
    pairs = [(f"e{i}", v) for i, v in enumerate(values)]
    shuffled = pairs[:]
    random.Random(seed).shuffle(shuffled)
    assert ranks(shuffled, descending, dense) == ranks(pairs, descending, dense)


@given(values=_VALUES, dense=st.booleans())
def test_ranks_are_what_the_values_say(values, dense):
    pairs = [(f"e{i}", v) for i, v in enumerate(values)]
    got = ranks(pairs, True, dense)
    for entity, value in pairs:
        better = {v for _, v in pairs if v > value}
        expected = 1 + (len(better) if dense else sum(1 for _, v in pairs if v > value))
        assert got[entity] == expected
        assert 1 <= got[entity] <= len(pairs)


@given(values=_VALUES, dense=st.booleans())
def test_an_entity_with_the_highest_value_never_raises_anothers_rank(values, dense):
    pairs = [(f"e{i}", v) for i, v in enumerate(values)]
    before = ranks(pairs, True, dense)
    after = ranks(pairs + [("new", max(values))], True, dense)
    assert all(after[e] >= before[e] for e in before)


@given(value=st.integers(min_value=0, max_value=100), size=st.integers(min_value=1, max_value=6))
def test_an_aggregate_of_a_constant_fact_is_that_value(value, size):
    names = [f"单位{i}" for i in range(size)]
    entities = " ".join(f"「{n}」" for n in names)
    text = _policy("若 「率」 > 全体平均「率」 扣1分 若 「率」 ≠ 全体中位数「率」 扣1分", "若 「率」 ≠ 全体最高「率」 扣1分 "
                   "若 「率」 ≠ 全体最低「率」 扣1分", entities).replace('分组 「山区」 { 「甲」 「乙」 }', "")
    facts = {n: {"率": Decimal(value), "件数": 0, "余额": Decimal(0)} for n in names}
    for card in _policy_cards(text, facts):
        assert card.total == Decimal("100.00")  # no rule fires: every aggregate is the value itself


def _policy_cards(text, facts):
    return loads(text).score_all({"entities": facts})


_RANK = "全体名次（「件数」 由高到低 并列占位）"
_TABLES = [f"按 {_RANK} 第1名得50分 第2名得40分 其余得10分",
           f"若 {_RANK} = 1 得50分 若 {_RANK} = 2 得40分 若 {_RANK} > 2 得10分"]


@pytest.mark.parametrize("table", _TABLES)
@given(counts=st.lists(st.integers(min_value=0, max_value=9), min_size=3, max_size=3))
def test_points_by_rank_stay_within_the_table(table, counts):
    cards = _score(_policy(table), _facts(counts=tuple(counts)))
    for entity, count in zip(("甲", "乙", "丙"), counts, strict=True):
        score = cards[entity].item("1.1").score
        assert score in (Decimal(50), Decimal(40), Decimal(10))
        place = 1 + sum(1 for c in counts if c > count)
        assert score == {1: Decimal(50), 2: Decimal(40)}.get(place, Decimal(10))


# ------------------------------------------------------------------ aggregates, counts, groups
def test_group_aggregates_counts_and_shares():
    text = _policy("若 「率」 < 「山区」平均「率」 扣5分 若 全体个数（「率」 ≥ 80%） < 3 扣1分",
                   "若 全体占比（「件数」 > 1） > 60% 扣2分 若 「件数」 > 全体合计「件数」 ÷ 3 扣3分")
    cards = _score(text, _facts())
    # 山区 (甲 90, 乙 80) average 85: 乙 and 丙 are below it; two of three reach 80%
    assert [cards[e].tasks[0].sections[0].items[0].score for e in ("甲", "乙", "丙")] == \
        [Decimal(49), Decimal(44), Decimal(44)]
    # 件数 > 1 for 乙 and 丙: 66.67% > 60% → everyone −2; 丙's 3 is above the mean 2 → −3 more
    assert [cards[e].item("1.2").score for e in ("甲", "乙", "丙")] == [Decimal(48), Decimal(48), Decimal(45)]


def test_top_and_bottom_n_count_from_either_end():
    rank = "全体名次（「率」 由高到低 并列占位）"
    text = _policy(f"若 {rank} 前 1 名 加2分", f"若 {rank} 后 2 名 扣3分")
    cards = _score(text, _facts(rates=(90, 80, 80)))
    assert [cards[e].item("1.1").bonus for e in ("甲", "乙", "丙")] == [2, 0, 0]
    # from the bottom, 乙 and 丙 (tied) are last, 甲 third
    assert [cards[e].item("1.2").score for e in ("甲", "乙", "丙")] == [Decimal(50), Decimal(47), Decimal(47)]
    # 并列不占位 from the bottom: 乙, 丙 first, 甲 second — within the last two
    dense = _policy("每「件数」扣1分", "若 全体名次（「率」 由高到低 并列不占位） 后 2 名 扣3分")
    assert all(c.item("1.2").score == Decimal(47) for c in _score(dense, _facts(rates=(90, 80, 80))).values())


def test_a_rank_read_by_an_entity_outside_its_group_is_a_facts_error():
    text = _policy("若 「山区」名次（「率」 由高到低 并列占位） = 1 加1分")
    with pytest.raises(scorelang.FactsError) as err:
        _score(text, _facts())
    assert [(d.code, d.entity) for d in err.value.diagnostics] == [("SL250", "丙")]


# ------------------------------------------------------------------ scores as operands, phases, cycles
def test_a_value_over_another_items_score_is_computed_after_that_item():
    rank = "全体名次（第1项得分 由高到低 并列占位）"
    text = _policy("每「件数」扣1分", f"若 {rank} 前 1 名 加1分 若 「件数」 > 0 且 第1项得分 < 全体平均 第1项得分 扣4分"
                   .replace("且 第1项得分 < 全体平均 第1项得分", "且 全体平均 第1项得分 > 48"))
    cards = _score(text, _facts())
    # item 1: 49, 48, 47 → 甲 first; mean 48 is not above 48
    assert [cards[e].item("1.2").bonus for e in ("甲", "乙", "丙")] == [1, 0, 0]
    trace = cards["甲"].item("1.2").events[0].facts
    assert trace == (("全体名次（第1.1项得分 由高到低 并列占位）", 1), ("全体名次（第1.1项得分 由高到低 并列占位）·共", 3))


def test_a_chain_of_values_is_computed_in_order():
    # a count whose condition reads a mean: the mean first, then the count
    text = _policy("每「件数」扣1分", "若 全体个数（「件数」 > 全体平均「件数」） = 1 扣2分")
    policy = loads(text)
    assert [t.key for t in policy.model.cohort] == ["全体平均「件数」", "全体个数（「件数」 > 全体平均「件数」）"]
    cards = _score(text, _facts())
    assert all(c.item("1.2").score == Decimal(48) for c in cards.values())  # only 丙 (3) is above 2


def test_a_task_score_read_inside_that_task_is_a_cycle():
    assert _codes(_policy("每「件数」扣1分", "若 全体最低 目标任务一得分 < 100 加1分")) == ["SL183"]


def test_a_cycle_is_an_error_that_names_it():
    text = _policy("每「件数」扣1分", "若 全体名次（第2项得分 由高到低 并列占位） = 1 加1分")
    with pytest.raises(scorelang.PolicyError) as err:
        loads(text)
    (diagnostic,) = err.value.diagnostics
    assert diagnostic.code == "SL183"
    assert "第1.2项 → 全体名次（第1.2项得分 由高到低 并列占位） → 第1.2项" in diagnostic.message


def test_the_total_cannot_feed_an_item():
    assert _codes(_policy("若 「件数」 > 0 且 全体平均 考评总分 > 50 扣1分")) == ["SL183"]


# ------------------------------------------------------------------ what the author must say
@pytest.mark.parametrize("rank, codes", [
    ("全体名次（「率」）", ["SL180", "SL181"]),
    ("全体名次（「率」 由高到低）", ["SL181"]),
    ("全体名次（「率」 并列占位）", ["SL180"]),
])
def test_a_rank_states_its_order_and_its_tie_rule(rank, codes):
    assert _codes(_policy(f"若 {rank} = 1 加1分")) == codes


@pytest.mark.parametrize("rule, code", [
    ("按 「率」 ÷ 全体最高「率」 × 100% 比例得10分", "SL152"),  # the highest may be 0
    ("若 「无此组」平均「率」 > 1 扣1分", "SL105"),
    ("若 全体平均 第9项得分 > 1 扣1分", "SL182"),
    ("若 「率」 前 3 名 扣1分", "SL184"),
    ("若 全体平均「率」 + 「件数」 > 1 扣1分", "SL151"),
])
def test_cohort_values_are_checked_like_any_value(rule, code):
    assert code in _codes(_policy(rule))


def test_one_entity_alone_is_refused_when_the_policy_needs_the_cohort():
    policy = loads(_policy("若 「率」 < 全体平均「率」 扣1分"))
    with pytest.raises(scorelang.PolicyError) as err:
        policy.evaluate("甲", _facts()["甲"])
    (diagnostic,) = err.value.diagnostics
    assert diagnostic.code == "SL185" and "全体平均「率」" in diagnostic.message


def test_a_policy_without_cohort_values_keeps_scoring_each_entity_alone(policy_2017):
    assert policy_2017.model.cohort == ()
    plain = loads(_policy())
    assert plain.model.cohort == ()
    assert plain.evaluate("甲", _facts()["甲"]).total == Decimal("98.00")


def test_evaluation_is_the_same_whatever_the_order_of_entities():
    text = _policy("若 「率」 < 全体平均「率」 扣5分", "若 全体名次（「件数」 由低到高 并列占位） 后 1 名 扣3分")
    facts = _facts()
    forward = _score(text, facts)
    backward = _score(text, dict(reversed(list(facts.items()))))
    assert {e: c.total for e, c in forward.items()} == {e: c.total for e, c in backward.items()}


# ------------------------------------------------------------------ points by rank (§9.7)
def _doc_policy_97() -> str:
    return _doc_block("### 9.7 按名次得分", "\n## 10.")


def test_the_docs_points_by_rank_example_scores_as_its_sentences_say():
    policy = loads(_doc_policy_97())
    assert not policy.warnings
    facts = {"城东分局": {"收入完成率": "99", "欠税清缴率": "90"}, "城西分局": {"收入完成率": "98", "欠税清缴率": "80"},
             "开发区分局": {"收入完成率": "99", "欠税清缴率": "60"}, "高新区分局": {"收入完成率": "95", "欠税清缴率": "45"}}
    cards = {c.entity: c for c in policy.score_all({"entities": facts})}
    # 99, 99, 98, 95 → 1, 1, 3, 4 (并列占位): 60, 60, 40, 30
    assert [cards[e].item("1.1").score for e in ("城东分局", "开发区分局", "城西分局", "高新区分局")] == \
        [Decimal(60), Decimal(60), Decimal(40), Decimal(30)]
    # 清缴率 first two 40; the rest 40 × rate ÷ 90: 60 → 26.67, 45 → 20
    assert [cards[e].item("1.2").score for e in ("城东分局", "城西分局", "开发区分局", "高新区分局")] == \
        [Decimal(40), Decimal(40), Decimal("26.67"), Decimal(20)]
    (event,) = cards["城西分局"].item("1.1").events
    assert event.facts == (("全体名次（「收入完成率」 由高到低 并列占位）", 3),
                           ("全体名次（「收入完成率」 由高到低 并列占位）·共", 4)) and event.points == 40


def test_points_by_rank_read_a_rank_given_as_data():
    policy = loads(_policy("按「件数」 第1名得20分 第2至3名得10分 其余得0分"))
    assert [policy.evaluate("甲", {"率": Decimal(1), "件数": n, "余额": Decimal(0)}).item("1.1").score
            for n in (0, 1, 2, 3, 4)] == [Decimal(0), Decimal(20), Decimal(10), Decimal(10), Decimal(0)]


@pytest.mark.parametrize("table", [
    f"按 {_RANK} 第1名得50分 第2名得40分",             # no 其余
    f"按 {_RANK} 第1至3名得50分 第3名得40分 其余得0分",  # rows overlap
    f"按 {_RANK} 第0名得50分 其余得0分",                 # ranks start at 1
    f"按 {_RANK} 第3至1名得50分 其余得0分",              # reversed
])
def test_points_by_rank_say_the_rest_and_keep_rows_apart(table):
    assert _codes(_policy(table)) == ["SL186"]


# ------------------------------------------------------------------ derived values as operands
DERIVED = '''考评办法 "试" { 保留 2 位小数 四舍五入 }
对象 「法庭」 { 「甲」 「乙」 「丙」 }
计算 { 「结案率」 = 「结案数」 ÷ 「受案数」 × 100% 除数为0时取 100% }
计入总分权重 { 目标任务一 100% }
目标任务一 "审判" {
  牵头 「审管办」
  事实 { 「结案数」 计数  「受案数」 计数 }
  部分 "一" 100分 {
    第1项 "结案率" 100分 {
      若 「结案率」 < 全体平均「结案率」 扣10分
      若 全体个数（「结案率」 ≥ 90%） < 2 扣1分
    }
  }
}
'''


def test_a_derived_value_is_aggregated_like_a_fact():
    facts = {"甲": {"结案数": 9, "受案数": 10}, "乙": {"结案数": 8, "受案数": 10}, "丙": {"结案数": 0, "受案数": 0}}
    cards = {c.entity: c for c in loads(DERIVED).score_all({"entities": facts})}
    # 结案率 90%, 80%, 100% (no case: the guard): mean 90; only 乙 is below it; two reach 90%
    assert [cards[e].total for e in ("甲", "乙", "丙")] == [Decimal(100), Decimal(90), Decimal(100)]
    (event,) = cards["乙"].item("1.1").events
    assert ("全体平均「结案率」", Decimal(90)) in event.facts and ("结案率", Decimal(80)) in event.facts


def test_the_properties_hold_on_a_policy_with_cohort_values():
    # scorelang test POLICY --properties: order-independence and every one-card invariant
    from scorelang.testing.properties import run_properties
    assert run_properties(loads(_doc_policy()), max_examples=5) == []
    assert run_properties(loads(_doc_policy_97()), max_examples=5) == []


def test_a_ladder_measured_against_the_cohort_average():
    text = _policy("「率」 达 全州平均「率」 每降低 1 个百分点 扣1分 不足一档按一档计",
                   "「率」 比 全州平均「率」 每提高 1 个百分点 加1分 不足一档不计")
    cards = _score(text, _facts(rates=("90", "80", "85.5")))
    # mean 85.1666…: 甲 4.83 above → +4 (不足一档不计); 乙 5.17 below → −6 (不足一档按一档计)
    assert [cards[e].item("1.1").score for e in ("甲", "乙", "丙")] == [Decimal(50), Decimal(44), Decimal(50)]
    assert [cards[e].item("1.2").bonus for e in ("甲", "乙", "丙")] == [4, 0, 0]


def test_a_value_over_a_group_no_entity_is_in_is_a_facts_error():
    text = '''考评办法 "试" { 保留 2 位小数 四舍五入 }
对象 「所」 由事实文件列出
分组 「牧区所」 凡「区域」为 "牧区"
计入总分权重 { 目标任务一 100% }
目标任务一 "任务" {
  牵头 「科」
  事实 { 「区域」 选项 { "城区" "牧区" }  「率」 百分比 }
  部分 "一" 100分 {
    第1项 "甲" 100分 { 若 「率」 < 「牧区所」平均「率」 扣1分 }
  }
}
'''
    facts = {"甲所": {"区域": "城区", "率": "90"}, "乙所": {"区域": "城区", "率": "80"}}
    with pytest.raises(scorelang.FactsError) as err:
        loads(text).score_all({"entities": facts})
    assert {(d.code, d.entity) for d in err.value.diagnostics} == {("SL250", "甲所"), ("SL250", "乙所")}
    assert "「牧区所」平均「率」" in err.value.diagnostics[0].message
    facts["乙所"]["区域"] = "牧区"
    cards = {c.entity: c for c in loads(text).score_all({"entities": facts})}
    assert cards["甲所"].total == Decimal(100) and cards["乙所"].total == Decimal(100)


def test_a_value_over_a_sections_score():
    text = """考评办法 "试" { 保留 2 位小数 四舍五入 }
对象 「单位」 { 「甲」 「乙」 }
计入总分权重 { 目标任务一 100% }
目标任务一 "任务" {
  牵头 「科」
  事实 { 「件数」 计数 }
  部分 "办案" 60分 {
    第1项 "甲" 30分 { 每「件数」扣1分 }
    第2项 "乙" 30分 { 每「件数」扣2分 }
  }
  部分 "排名" 40分 {
    第3项 "丙" 40分 { 按 全体名次（部分 "办案" 得分 由高到低 并列占位） 第1名得40分 其余得20分 }
  }
}
"""
    cards = _score(text, {"甲": {"件数": 1}, "乙": {"件数": 2}})
    # 办案: 甲 57, 乙 54 → 甲 first
    assert [cards[e].item("1.3").score for e in ("甲", "乙")] == [Decimal(40), Decimal(20)]
    assert cards["甲"].item("1.3").events[0].facts[0] == ("全体名次（目标任务一部分“办案”得分 由高到低 并列占位）", 1)
    # a value over a section read inside that section is a cycle; a section that does not exist is SL182
    cyclic = text.replace('第2项 "乙" 30分 { 每「件数」扣2分 }',
                          '第2项 "乙" 30分 { 若 全体平均 部分 "办案" 得分 > 50 扣2分 }')
    assert _codes(cyclic) == ["SL183"]
    assert _codes(text.replace('部分 "办案" 得分', '部分 "无此部分" 得分')) == ["SL182"]


def test_a_cohort_value_inside_a_derived_value_is_ordered_and_its_cycles_found():
    text = """考评办法 "试" { 保留 2 位小数 四舍五入 }
对象 「单位」 { 「甲」 「乙」 }
计算 { 「差」 = 第一项 - 全体平均 目标任务一第1项得分 }
计入总分权重 { 目标任务一 100% }
目标任务一 "任务" {
  牵头 「科」
  事实 { 「件数」 计数 }
  部分 "一" 100分 {
    第1项 "甲" 50分 { 每「件数」扣1分 }
    第2项 "乙" 50分 { 若 「差」 < 0 扣5分 }
  }
}
""".replace("第一项 - ", "「件数」 × 0 - ")
    cards = _score(text, {"甲": {"件数": 1}, "乙": {"件数": 3}})
    # 第1项: 49 and 47, mean 48: 「差」 = −48 for both (0 − 48) → both lose 5 on item 2
    assert [cards[e].item("1.2").score for e in ("甲", "乙")] == [Decimal(45), Decimal(45)]
    # read by item 1 itself, through the derived value: a cycle
    cyclic = text.replace("{ 每「件数」扣1分 }", "{ 若 「差」 < -100 扣1分 }")
    assert _codes(cyclic) == ["SL183"]


def test_a_cohort_key_shows_an_expression_as_traces_do():
    # one renderer (model.expressions.shown) for traces and cohort keys: functions in Chinese
    from scorelang.model import expressions as x
    from scorelang.model.from_syntax_cohort import describe_value
    from scorelang.span import Span

    at = Span("t.score", 1, 1, 1, 2, 0, 1)
    product = x.Arith(x.Const(Decimal("0.50"), span=at), (x.Operation("*", x.FactValue("乙", span=at), span=at),),
                      span=at)
    e = x.Apply("max", (x.FactValue("甲", span=at), product), span=at)
    assert describe_value(e) == x.shown(e) == "最大（「甲」，0.50 × 「乙」）"
