"""What a case file cannot say about the items of task 一 (法律七进) of policies/2017.score.

The score tables (facts → item score, worked by hand from each source sentence) are in
tests/cases/2017/task1.cases.yaml, run by pytest and by `scorelang test` (docs/testing.md);
what stays here checks events, rule texts, parts and invariants a case file does not state.

Each case starts from a "clean" entity (every fact at its best value, built from
``policy.template()``) and changes only the facts the case is about. The expected score is
worked by hand from the source sentence (source/000_e76fc61a48150f92.txt) in the comment
above the case; where the source is silent (no deduction rule: 1.1, 1.3–1.6, 1.8–1.14) the
policy reads it as a judgement of the lead department (评定 0 至 N 分, no default), and where
it contradicts itself (1.7: 12 themes × 2分 = 24 but "共计22分") the item is capped at 22.

Items 1–12 count for every county; 第13项 only for 木里县 (「藏区县」), 第14项 only for the five
「毒情重点县」. Each weighted part is first put on a 100-point scale (items 1–12 add up to 100;
item 13 or 14 is worth 30: ×100/30).

Set SCORELANG_POLICY to score another policy file (e.g. a harness with task 一 only).
Scores are compared as exact Decimals (Decimal("8.50") == Decimal("8.5")).
"""
from __future__ import annotations

import pytest
from items_2017 import MISSING, D, ItemsHarness, half_up

import scorelang

TASK = "1"
ENTITY = "西昌市"           # scored on items 1–12 only
TIBETAN = "木里县"          # 「藏区县」: items 1–12 and 13
DRUG = "布拖县"             # 「毒情重点县」: items 1–12 and 14
DRUG_COUNTIES = ("布拖县", "昭觉县", "金阳县", "越西县", "普格县")
THEMES = 12                 # “1+11” 主题活动

# Every item of task 一 and its points.
ITEM_POINTS = {
    "1.1": 7, "1.2": 6, "1.3": 5, "1.4": 2, "1.5": 7, "1.6": 7, "1.7": 22, "1.8": 8,
    "1.9": 10, "1.10": 10, "1.11": 10, "1.12": 6, "1.13": 30, "1.14": 30,
}
# Where the events start from: 1.2 earns points up from 0 (每次报送1分); 1.7 starts from its
# 12 occasions × 2分 = 24 and is capped at 22 (an event of kind "cap").
START = {"1.2": 0, "1.7": 24}

# The judgement (评定 0 至 N 分, no default) of each item the source gives no rule for.
JUDGED = {
    "1.1": "七五普法规划扣分",
    "1.3": "七进目标考评推进会扣分",
    "1.4": "普法责任清单扣分",
    "1.5": "三项示范创建扣分",
    "1.6": "省级法治示范动态管理扣分",
    "1.9": "法治文艺进万家扣分",
    "1.10": "法治微电影扣分",
    "1.11": "法治电影周扣分",
    "1.12": "普法两微一端扣分",
    "1.13": "藏区依法治理扣分",
    "1.14": "禁毒防艾法治宣传扣分",
}
ORGANISED = "普法主题活动组织指导到位"      # 1.7 按次, 第1次 … 第12次
REPORTED = "普法主题活动材料按时报送"       # 1.7 按次

# The best value of every fact of task 一 (judgements 0 = nothing deducted).
BEST = {
    "七进基础数据按时报送次数": 2,      # 1.2 半年报送1次共2次
    "七进动态数据按时报送次数": 4,      # 1.2 每季度报送1次共4次
    "主流媒体普法栏目扣分": "0",        # 1.8 first half
    "大众媒体普法刊播扣分": "0",        # 1.8 second half
    **{name: "0" for name in JUDGED.values()},
    **{f"{name}第{k}次": True for name in (ORGANISED, REPORTED) for k in range(1, THEMES + 1)},
}

# Every fact of task 一 takes its BEST value, defaulted or not (items 13 and 14 included, so one
# dict serves every county); the other tasks' facts a valid value (only task 一's items are asserted).
HARNESS = ItemsHarness(tasks=(TASK,), item_points=ITEM_POINTS, best=BEST, entity=ENTITY, leave_out=None,
                       start=START)
policy, clean, run = HARNESS.fixtures()
check_item = HARNESS.check_item


def themes(flag: str, failed) -> dict:
    """The 1.7 per-theme flag: False for the themes (1 … 12) in ``failed``."""
    return {f"{flag}第{k}次": k not in failed for k in range(1, THEMES + 1)}


# ---------------------------------------------------------------------------- clean entities

@pytest.mark.parametrize("entity, extra", [(ENTITY, None), (TIBETAN, "1.13"), (DRUG, "1.14")])
def test_clean_facts_give_full_marks(run, entity, extra):
    card = run(entity=entity)
    task = card.task(TASK)
    ids = [item.id for section in task.sections for item in section.items]
    assert ids == [f"1.{n}" for n in range(1, 13)] + ([extra] if extra else [])
    for item_id in ids:
        assert card.item(item_id).score == D(ITEM_POINTS[item_id])
    assert task.score == D("100.00")
    assert [p.score for p in task.parts] == [D("100.00")] * len(task.parts)


# ============================================================================ 工作推进机制 (20分)

def test_1_1_judgement_is_required_and_bounded(policy, clean):
    # a missing judgement is an error, never a silent full mark; more than 7 is refused
    facts = dict(clean)
    del facts["七五普法规划扣分"]
    with pytest.raises(scorelang.FactsError):
        policy.evaluate(ENTITY, facts)
    with pytest.raises(scorelang.FactsError):
        policy.evaluate(ENTITY, {**clean, "七五普法规划扣分": "7.5"})


def test_1_2_events_are_awards(run):
    item = run({"七进基础数据按时报送次数": 1, "七进动态数据按时报送次数": 3}).item("1.2")
    assert [e.kind for e in item.events if e.points] == ["award", "award"]
    assert sorted(e.points for e in item.events) == [D(1), D(3)]


# ============================================================================ 基层示范创建 (14分)

# ============================================================================ 专项普法活动 (66分)

def test_1_7_cap_event(run):
    # clean: 12 × 2 = 24, one cap event of -2 brings it to 22
    events = run().item("1.7").events
    caps = [e for e in events if e.kind == "cap"]
    assert [e.points for e in caps] == [D(-2)]
    # one theme's materials late: -1, then a cap of -1 (23 → 22)
    events = run(themes(REPORTED, {9})).item("1.7").events
    assert sorted((e.kind, e.points) for e in events if e.points) == [("cap", D(-1)), ("deduct", D(-1))]
    [deduct] = [e for e in events if e.kind == "deduct"]
    assert (f"{REPORTED}第9次", False) in deduct.facts


# 1.10 拍摄并展播至少一部以上法治微电影，并及时上报州局法宣科(10分) — judged 0–10
@pytest.mark.parametrize("judged, expected", [
    ("0", "10.00"),
    ("2", "8.00"),
    ({"amount": "10", "reason": "未拍摄法治微电影"}, "0.00"),   # with the assessor's reason
])
def test_1_10_judged(run, judged, expected):
    card = run({"法治微电影扣分": judged})
    check_item(card, "1.10", expected)
    if isinstance(judged, dict):
        [event] = [e for e in card.item("1.10").events if e.points]
        assert event.reason == "未拍摄法治微电影"


# ============================================================================ 藏区、彝区依法常态化治理

# 1.13 木里藏区推进藏区依法常态化治理，扎实推进藏区法律进寺庙“四进七有”工作模式(30分) — judged 0–30,
#      木里县 only; on the 100-point scale ×100/30
@pytest.mark.parametrize("judged, expected, scaled", [
    ("0", "30.00", "100.00"),
    ("6", "24.00", "80.00"),       # 30 - 6 = 24 → 24 × 100/30 = 80
    ("10", "20.00", "66.67"),      # 30 - 10 = 20 → 66.666… → 66.67
    ("30", "0.00", "0.00"),
])
def test_1_13_judged(run, judged, expected, scaled):
    card = run({"藏区依法治理扣分": judged}, entity=TIBETAN)
    check_item(card, "1.13", expected)
    part = card.task(TASK).parts[-1]
    assert part.label == "第13项"
    assert part.score == D(scaled)
    assert part.weighted == half_up(part.score * part.weight / 100)


# 1.14 布拖、昭觉、金阳、越西、普格等五个毒情重点县……禁毒防艾法治宣传教育实现制度化、常态化、全覆盖(30分)
#      — judged 0–30, the five 毒情重点县 only
@pytest.mark.parametrize("entity", DRUG_COUNTIES)
@pytest.mark.parametrize("judged, expected, scaled", [
    ("0", "30.00", "100.00"),
    ("3.5", "26.50", "88.33"),     # 30 - 3.5 = 26.5 → 88.333… → 88.33
    ("12", "18.00", "60.00"),      # 30 - 12 = 18 → 60
    ("30", "0.00", "0.00"),
])
def test_1_14_judged(run, entity, judged, expected, scaled):
    card = run({"禁毒防艾法治宣传扣分": judged}, entity=entity)
    check_item(card, "1.14", expected)
    part = card.task(TASK).parts[-1]
    assert part.label == "第14项"
    assert part.score == D(scaled)


# ============================================================================ who is scored on what

def test_items_13_14_apply_only_to_their_groups(run):
    # 木里县: 1–12 and 13; 布拖县: 1–12 and 14; 西昌市: 1–12 only
    with pytest.raises(KeyError):
        run(entity=TIBETAN).item("1.14")
    with pytest.raises(KeyError):
        run(entity=DRUG).item("1.13")
    card = run(entity=ENTITY)
    for item_id in ("1.13", "1.14"):
        with pytest.raises(KeyError):
            card.item(item_id)
    assert [p.label for p in card.task(TASK).parts] == ["第1至12项"]
    assert [p.label for p in run(entity=TIBETAN).task(TASK).parts] == ["第1至12项", "第13项"]
    assert [p.label for p in run(entity=DRUG).task(TASK).parts] == ["第1至12项", "第14项"]


def test_facts_of_13_14_required_only_of_their_groups(run):
    # other counties may omit them; 木里县 must give 1.13's, the 毒情重点县 1.14's
    missing = {"藏区依法治理扣分": MISSING, "禁毒防艾法治宣传扣分": MISSING}
    assert run(missing, entity=ENTITY).task(TASK).score == D("100.00")
    assert run({"禁毒防艾法治宣传扣分": MISSING}, entity=TIBETAN).task(TASK).score == D("100.00")
    assert run({"藏区依法治理扣分": MISSING}, entity=DRUG).task(TASK).score == D("100.00")
    with pytest.raises(scorelang.FactsError):
        run({"藏区依法治理扣分": MISSING}, entity=TIBETAN)
    with pytest.raises(scorelang.FactsError):
        run({"禁毒防艾法治宣传扣分": MISSING}, entity=DRUG)


def test_parts_are_put_on_a_100_point_scale(run):
    # 木里县: items 1–12 lose 5 (1.1 judged 2, 1.9 judged 3) → 95 of 100; item 13 judged 6 → 24/30 → 80
    card = run({"七五普法规划扣分": "2", "法治文艺进万家扣分": "3", "藏区依法治理扣分": "6"}, entity=TIBETAN)
    task = card.task(TASK)
    first, second = task.parts
    assert (first.label, first.score) == ("第1至12项", D("95.00"))
    assert (second.label, second.score) == ("第13项", D("80.00"))
    for part in task.parts:
        assert part.weighted == half_up(part.score * part.weight / 100)
    assert task.weighted == first.weighted + second.weighted
    # the task score is the parts' weighted mean
    assert task.score == half_up((first.score * first.weight + second.score * second.weight)
                                 / (first.weight + second.weight))
    # 西昌市 with the same facts: one part, 95
    assert run({"七五普法规划扣分": "2", "法治文艺进万家扣分": "3"}).task(TASK).score == D("95.00")
