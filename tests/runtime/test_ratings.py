"""评分 (raters): the ways ratings combine, the checks on their declaration, the facts errors
naming entity and fact, the trace, and properties of the trimmed mean."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scorelang
from scorelang.model import nodes as m
from scorelang.runtime.ratings import Rating, combine, trimmed_split
from scorelang.runtime.values import Refusal
from scorelang.span import Span

ROOT = Path(__file__).resolve().parents[2]
D = Decimal
HERE = Span("t.score", 1, 1, 1, 1)


def _section(title: str) -> str:
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    start = text.index(title)
    return text[start:text.index("\n### ", start + 1)]


DOC = _section("### 8.12 评分")
DOC_POLICY = re.findall(r"```score\n(.*?)```", DOC, re.DOTALL)[0]

POLICY = """考评办法 "测试" { 保留 2 位小数 四舍五入 }
对象 「司法所」 { 「甲所」 「乙所」 }
计入总分权重 { 目标任务一 100%% }
事实 {
  %s
}
目标任务一 "x" { 牵头 「局」
  部分 "a" 100 分 { 第1项 "t" 100 分 { %s } }
}
"""


def _policy(decl: str, rules: str) -> scorelang.Policy:
    return scorelang.loads(POLICY % (decl, rules), "t.score")


def _codes(decl: str, rules: str = "加「评」") -> list[str]:
    with pytest.raises(scorelang.PolicyError) as err:
        _policy(decl, rules)
    return [d.code for d in err.value.diagnostics]


def test_the_docs_example_scores_as_the_docs_say():
    policy = scorelang.loads(DOC_POLICY, "doc.score")
    facts = {"民主测评": [9, 8.5, 7, 9.5, 6],
             "满意度评议": [{"分": 4, "评分人类别": "领导"}, {"分": 5, "评分人类别": "群众"},
                       {"分": 3, "评分人类别": "群众"}],
             "督查扣分评议": [1, 2]}
    card = policy.evaluate("城关司法所", facts)
    item = card.tasks[0].sections[0].items[0]
    points = [(e.rule, e.points) for e in item.events]
    assert points == [("民主测评去掉一个最高分和一个最低分后取平均分，计入加分", D("24.5") / 3),
                      ("满意度评议按领导占40%、群众占60%加权计分", D(4)),
                      ("督查组成员分别评议应扣分值，取平均扣分", D("-1.5"))]
    assert item.events[0].reason == "5 个评分 9、8.5、7、9.5、6；去掉最高分 9.5（第 4 个）、最低分 6（第 5 个）；其余 3 个平均"
    # the events are exact; the item's bonus is rounded at the item's places, as its score is
    assert item.score == D("98.50") and item.bonus == (D("24.5") / 3 + 4).quantize(D("0.01")) == D("12.17")
    assert card.tasks[0].bonus == D("12.17")


@pytest.mark.parametrize("decl, code", [
    ("「评」 评分 0 至 10 分 无评分时 报错", "SL170"),
    ("「评」 评分 0 至 10 分 取平均 取合计 无评分时 报错", "SL170"),
    ("「评」 评分 0 至 10 分 取平均", "SL171"),
    ("「评」 评分 0 至 10 分 取平均 无评分时 计 0 分 无评分时 报错", "SL171"),
    ("「评」 评分 0 至 10 分 取平均 无评分时 计 20 分", "SL171"),
    ("「评」 评定 0 至 10 分 取平均", "SL172"),
    ("「评」 评分 0 至 10 分 按「类别」加权 { \"领导\" 40% \"群众\" 50% } 无评分时 报错", "SL173"),
    ("「评」 评分 0 至 10 分 按「类别」加权 { \"领导\" 40% \"领导\" 60% } 无评分时 报错", "SL173"),
])
def test_the_declaration_states_its_choices(decl, code):
    assert code in _codes(decl)


def test_a_rule_may_not_combine_ratings_itself():
    assert "SL113" in _codes("「评」 评分 0 至 10 分 取平均 无评分时 报错", "加「评」 平均")


def test_the_aggregation_missing_says_how_to_write_it():
    with pytest.raises(scorelang.PolicyError) as err:
        _policy("「评」 评分 0 至 10 分 无评分时 报错", "加「评」")
    hint = err.value.diagnostics[0].hint
    assert "去掉一个最高分和一个最低分后平均" in hint and "取平均" in hint


def _facts_error(policy: scorelang.Policy, values: dict) -> list:
    with pytest.raises(scorelang.FactsError) as err:
        policy.score_all({"entities": values})
    return list(err.value.diagnostics)


def test_too_few_ratings_is_a_facts_error_naming_entity_and_fact():
    policy = _policy("「评」 评分 0 至 10 分 去掉2个最高分和1个最低分后平均 无评分时 计 0 分", "加「评」")
    problems = _facts_error(policy, {"甲所": {"评": [1, 2, 3]}, "乙所": {"评": []}})
    assert [(d.code, d.entity, d.fact) for d in problems] == [("SL240", "甲所", "评")]
    assert "只有 3 个评分" in problems[0].message and "至少需要 4 个" in problems[0].message
    cards = policy.score_all({"entities": {"甲所": {"评": [1, 2, 3, 4]}, "乙所": {"评": []}}})
    by_name = {c.entity: c for c in cards}
    assert by_name["甲所"].tasks[0].sections[0].items[0].bonus == D(2)
    assert by_name["乙所"].tasks[0].sections[0].items[0].bonus == D(0)


def test_no_rating_is_an_error_when_the_policy_says_so():
    policy = _policy("「评」 评分 0 至 10 分 取合计 无评分时 报错", "加「评」")
    problems = _facts_error(policy, {"甲所": {"评": "无"}, "乙所": {"评": "3;4"}})
    assert [(d.code, d.entity, d.fact) for d in problems] == [("SL240", "甲所", "评")]


def test_weighted_ratings_need_their_group():
    policy = _policy("「评」 评分 0 至 10 分 按「类别」加权 { \"领导\" 40% \"群众\" 60% } 无评分时 报错", "扣「评」")
    problems = _facts_error(policy, {
        "甲所": {"评": [{"分": 4, "类别": "领导"}, {"分": 3}]},
        "乙所": {"评": [{"分": 4, "类别": "领导"}, {"分": 3, "类别": "干部"}]}})
    by_entity = {d.entity: d for d in problems}
    assert sorted((d.code, d.entity, d.fact) for d in problems) == [("SL241", "乙所", "评"), ("SL241", "甲所", "评")]
    assert "「干部」" in by_entity["乙所"].message and "「类别」" in by_entity["甲所"].message
    problems = _facts_error(policy, {"甲所": {"评": [{"分": 4, "类别": "领导"}]}, "乙所": {"评": [{"分": 11, "类别": "领导"}]}})
    assert sorted((d.code, d.entity) for d in problems) == [("SL213", "乙所"), ("SL241", "甲所")]


def test_template_describes_the_aggregation():
    policy = _policy("「评」 评分 0 至 10 分 去掉一个最高分和一个最低分后平均 无评分时 计 5 分", "加「评」")
    fact = policy.template()["facts"][0]
    assert fact["type"] == "ratings"
    assert fact["ratings"] == {"method": "trimmed", "drop_highest": 1, "drop_lowest": 1, "group_field": None,
                               "weights": None, "when_empty": "5"}


# ------------------------------------------------------------------ properties
SCORES = st.lists(st.decimals(min_value=0, max_value=100, places=2), min_size=0, max_size=12)
TRIMS = st.tuples(st.integers(0, 3), st.integers(0, 3)).filter(lambda t: t != (0, 0))


def _ratings(scores) -> tuple[Rating, ...]:
    return tuple(Rating(s, None, i) for i, s in enumerate(scores, start=1))


@settings(max_examples=60, deadline=None)
@given(SCORES, TRIMS)
def test_trimmed_mean_lies_between_the_kept_ratings(scores, trims):
    rule = m.Ratings("trimmed", trims[0], trims[1], empty_value=D(0), span=HERE)
    ratings = _ratings(scores)
    if ratings and len(ratings) < rule.needed:
        with pytest.raises(Refusal):
            combine(rule, ratings)
        return
    amount = combine(rule, ratings).amount
    if not ratings:
        assert amount == 0
        return
    low, kept, high = trimmed_split(rule, ratings)
    assert len(low) == trims[1] and len(high) == trims[0]
    assert min(r.score for r in kept) <= amount <= max(r.score for r in kept)
    assert all(r.score <= k.score for r in low for k in kept)
    assert all(r.score >= k.score for r in high for k in kept)


@settings(max_examples=60, deadline=None)
@given(SCORES.filter(lambda s: len(s) >= 3), st.sampled_from(["mean", "sum", "trimmed"]), st.randoms())
def test_the_amount_does_not_depend_on_the_order_of_the_ratings(scores, method, random):
    rule = m.Ratings(method, 1 if method == "trimmed" else 0, 1 if method == "trimmed" else 0, span=HERE)
    shuffled = list(scores)
    random.shuffle(shuffled)
    first = combine(rule, _ratings(scores))
    assert first.amount == combine(rule, _ratings(shuffled)).amount
    assert first == combine(rule, _ratings(scores))  # deterministic: the same amount and words


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.decimals(min_value=0, max_value=10, places=1), st.sampled_from(["领导", "群众"])),
                min_size=2, max_size=10), st.integers(0, 100))
def test_a_weighted_amount_lies_between_the_group_means(pairs, lead_percent):
    rule = m.Ratings("weighted", group_field="类别",
                     weights=(("领导", D(lead_percent)), ("群众", D(100 - lead_percent))), span=HERE)
    ratings = tuple(Rating(s, g, i) for i, (s, g) in enumerate(pairs, start=1))
    if {g for _, g in pairs} != {"领导", "群众"}:
        with pytest.raises(Refusal):
            combine(rule, ratings)
        return
    means = [sum((r.score for r in ratings if r.group == g), D(0)) / sum(1 for r in ratings if r.group == g)
             for g in ("领导", "群众")]
    assert min(means) - D("1e-20") <= combine(rule, ratings).amount <= max(means) + D("1e-20")


def test_ratings_on_a_100_point_scale_earn_points_in_proportion():
    policy = _policy("「评」 评分 0 至 100 分 去掉一个最高分和一个最低分后平均 无评分时 计 0 分", "按「评」比例得10分")
    cards = {c.entity: c for c in policy.score_all({"entities": {"甲所": {"评": [95, 85, 80, 60]}, "乙所": {"评": []}}})}
    item = cards["甲所"].tasks[0].sections[0].items[0]
    assert item.score == D("8.25")  # (85 + 80) ÷ 2 × 10%: it earns toward the item from 0
    assert item.events[0].kind == "award" and "去掉最高分 95" in item.events[0].reason
    assert cards["乙所"].tasks[0].sections[0].items[0].score == 0


def test_proportional_ratings_must_be_on_a_100_point_scale():
    assert "SL176" in _codes("「评」 评分 0 至 10 分 取平均 无评分时 计 0 分", "按「评」比例得10分")


def test_plain_ratings_fit_in_a_csv_cell(tmp_path):
    from click.testing import CliRunner

    from scorelang.cli import main
    policy = tmp_path / "p.score"
    policy.write_text(POLICY % ("「评」 评分 0 至 10 分 去掉一个最高分和一个最低分后平均 无评分时 报错", "加「评」"),
                      encoding="utf-8")
    sheet = CliRunner().invoke(main, ["template", str(policy), "--format", "csv"])
    assert sheet.exit_code == 0 and sheet.stdout.splitlines()[0] == "entity,评"
    facts = tmp_path / "f.csv"
    facts.write_text("entity,评\n甲所,9;8;7\n乙所,\"6;7;8;9\"\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["score", str(policy), str(facts), "--format", "json"])
    assert result.exit_code == 0, result.output
    import json
    assert {e["entity"]: e["total"] for e in json.loads(result.stdout)["entities"]} == {"甲所": "108.00", "乙所": "107.50"}
