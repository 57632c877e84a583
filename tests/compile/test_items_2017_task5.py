"""What a case file cannot say about the items of task 五 (法律服务) of policies/2017.score.

The score tables (facts → item score, worked by hand from each source sentence) are in
tests/cases/2017/task5.cases.yaml, run by pytest and by `scorelang test` (docs/testing.md);
what stays here checks events, rule texts, parts and invariants a case file does not state.

Each case starts from a "clean" entity (every fact of task 五 at its best value; the facts of
the other tasks at some valid value, built from ``policy.template()``) and changes only the
facts the case is about. The expected score is worked by hand from the source sentence
(source/000_e76fc61a48150f92.txt) in the comment above the case; where the source states no
rule (5.2, 5.17–5.24) the reading is the one written beside the quote in the .score file.

Only task 五's items and task score are asserted: the weights of tasks 二–八 are assumptions
of the policy file, so weighted scores and totals are not this module's business.

While the task is being encoded, point the module at a standalone harness:
``SCORELANG_POLICY=/tmp/tasks/harness_task5.score pytest tests/compile/test_items_2017_task5.py``.
"""
from __future__ import annotations

import pytest
from items_2017 import MISSING, D, ItemsHarness, reads_items

import scorelang

ENTITY = "西昌市"
TASK = "5"

# ---------------------------------------------------------------------------- clean facts

# The best value of every required fact of task 五 that is not "count 0" / "judgement 0".
BEST = {
    "法律援助案件数": 120,              # 5.17 与上年度相同或有增长
    "上年度法律援助案件数": 100,
    "法律援助案件质量投诉件数": 0,      # 5.17 不超过2件
    "已提交法律援助理论调研文章": True,  # 5.24
}
# The best value of the task's other required facts, by type.
BEST_BY_TYPE = {"count": 0, "number": "0", "percent": "100", "judgement": "0", "records": []}

# Every item of task 五 and its points: 5.1–5.16 律师、公证、基层法律服务 (50), 5.17–5.24 法律援助 (50)
ITEM_POINTS = {
    "5.1": 3, "5.2": 3, "5.3": 5, "5.4": 4, "5.5": 3, "5.6": 3, "5.7": 3, "5.8": 3,
    "5.9": 3, "5.10": 4, "5.11": 4, "5.12": 4, "5.13": 2, "5.14": 2, "5.15": 2, "5.16": 2,
    "5.17": 8, "5.18": 10, "5.19": 8, "5.20": 8, "5.21": 5, "5.22": 3, "5.23": 5, "5.24": 3,
}

# A fact of task 五 is one its items read; the other tasks' facts take a valid value (task 五
# does not read them). Defaulted facts are left out (their default 0 is the best value).
HARNESS = ItemsHarness(tasks=(TASK,), item_points=ITEM_POINTS, best=BEST, best_by_type=BEST_BY_TYPE,
                       entity=ENTITY, is_ours=reads_items(ITEM_POINTS), best_within="policy")
policy, clean, run = HARNESS.fixtures()
check_item = HARNESS.check_item


def _task_items(policy) -> set[str]:
    return {item.id for task in policy.model.tasks if task.id == TASK for item in task.items}


# ---------------------------------------------------------------------------- the task's shape

def test_task_5_items_and_sections(policy, run):
    card = run()
    task = card.task(TASK)
    assert task.max == 100
    # 律师、公证、基层法律服务: 3+3+5+4+3+3+3+3+3+4+4+4+2+2+2+2 = 50; 法律援助: 8+10+8+8+5+3+5+3 = 50
    assert [(s.name, s.max) for s in task.sections] == [("律师、公证、基层法律服务", 50), ("法律援助", 50)]
    assert [i.id for s in task.sections for i in s.items] == list(ITEM_POINTS)
    assert _task_items(policy) == set(ITEM_POINTS)


def test_task_5_leads(policy):
    [task] = [t for t in policy.model.tasks if t.id == TASK]
    assert task.name == "法律服务"
    leads = [(lead.department, lead.contact, lead.phone) for lead in task.leads]
    assert leads == [("公证律师工作科", "黄涛", "2163424"), ("州法律援助中心", "贺虹", "2160517")]


def test_clean_facts_give_full_marks(run):
    card = run()
    for item_id, points in ITEM_POINTS.items():
        item = card.item(item_id)
        assert item.score == D(points), item_id
        assert all(e.points == 0 for e in item.events), item_id
    assert card.task(TASK).score == D("100.00")


def test_clean_facts_cover_the_required_facts(policy, clean):
    template = policy.template()
    required = {f["name"] for f in template["facts"] if f["default"] is None}
    assert set(clean) == required
    # every fact of task 五 is read by an item of task 五, and no other item reads it
    mine = [f for f in template["facts"] if set(f["items"]) & set(ITEM_POINTS)]
    assert len(mine) == 26
    assert all(set(f["items"]) <= set(ITEM_POINTS) for f in mine)
    # 5.2 and 5.18–5.23 state no deduction rule: the assessor must give the amount (no default)
    no_default = {f["name"] for f in mine if f["type"] == "judgement" and f["default"] is None}
    assert no_default == {"公证司法辅助业务扣分", "法律援助民生工程扣分", "法律援助接待厅工作站建设扣分",
                          "农民工讨薪维权活动扣分", "法律援助信息报送扣分", "法律援助信息录入报表扣分",
                          "法律援助典型案件扣分"}


# ============================================================================ 律师、公证、基层法律服务 (50分)

# 5.1, 5.3–5.16: "……计N分；没有措施或推进不力的（考核未能按时完成的 / 工作不力的 …），扣1-N分"
# The assessor's amount (评定 1 至 N 分, 默认 0 = the situation did not occur) comes off the item.
JUDGED_1_TO_N = {
    "5.1": ("律师非诉业务推进扣分", 3),
    "5.3": ("公证机构建设推进扣分", 5),
    "5.4": ("基层法律服务队伍管理扣分", 4),
    "5.5": ("律师年度考核扣分", 3),
    "5.6": ("公证年度考核扣分", 3),
    "5.7": ("基层法律服务年度考核扣分", 3),
    "5.8": ("公证质量监管扣分", 3),
    "5.9": ("法律服务收费调研扣分", 3),
    "5.10": ("服务转型发展脱贫攻坚扣分", 4),
    "5.11": ("法律七进及政府顾问扣分", 4),
    "5.12": ("法律服务公益活动扣分", 4),
    "5.13": ("律师制度改革扣分", 2),
    "5.14": ("法律顾问公职公司律师制度扣分", 2),
    "5.15": ("律师代理涉法涉诉信访扣分", 2),
    "5.16": ("法律服务信访投诉处理扣分", 2),
}


def _judged_cases():
    for item_id, (fact, points) in JUDGED_1_TO_N.items():
        yield pytest.param(item_id, fact, MISSING, f"{points}.00", id=f"{item_id}-default")    # 默认 0 → N
        yield pytest.param(item_id, fact, "0", f"{points}.00", id=f"{item_id}-zero")           # N - 0 = N
        yield pytest.param(item_id, fact, "1", f"{points - 1}.00", id=f"{item_id}-min")        # N - 1
        yield pytest.param(item_id, fact, "1.5", f"{points - 1.5:.2f}", id=f"{item_id}-1.5")   # N - 1.5
        yield pytest.param(item_id, fact, str(points), "0.00", id=f"{item_id}-max")            # N - N = 0


# 5.1 没有措施或推进不力的，扣1-3分(3分): 2 → 3 - 2 = 1
# 5.3 没有措施或推动不力的，扣1-5分(5分): 1.5 → 5 - 1.5 = 3.5; 5 → 0
# 5.4 没有管理措施的，扣1-4分(4分): 1 → 4 - 1 = 3
# 5.5/5.6/5.7 考核未能按时完成的，扣1-3分(3分): 3 → 0
# 5.8 没有工作措施或推进不力的，扣1-3分(3分); 5.9 未及时完成……或完成工作质量不高的，扣1-3分(3分)
# 5.10/5.11/5.12 没有工作措施或推进不力的，扣1-4分(4分): 1.5 → 2.5
# 5.13/5.14/5.15/5.16 ……不力的，扣1-2分(2分): 1 → 1; 1.5 → 0.5; 2 → 0
@pytest.mark.parametrize("item_id, fact, amount, expected", list(_judged_cases()))
def test_judged_1_to_n(run, item_id, fact, amount, expected):
    card = run({fact: amount})
    check_item(card, item_id, expected)
    # only this item moves: the task loses exactly what the item lost
    assert card.task(TASK).score == D(100) - (ITEM_POINTS[item_id] - D(expected))


def test_5_1_reason_in_event(run):
    # 5.1 扣1-3分 with a reason: 3 - 2 = 1, the reason kept in the trace
    card = run({"律师非诉业务推进扣分": {"amount": "2", "reason": "无工作部署"}})
    check_item(card, "5.1", "1.00")
    [event] = card.item("5.1").events
    assert event.kind == "deduct"
    assert event.points == D("-2")
    assert event.rule == "没有措施或推进不力的，扣1-3分"
    assert event.reason == "无工作部署"


@pytest.mark.parametrize("fact, amount", [
    ("律师非诉业务推进扣分", "0.5"),   # 5.1 扣1-3分: 0.5 is neither 0 nor in [1, 3]
    ("律师非诉业务推进扣分", "4"),     # 5.1: above 3
    ("公证机构建设推进扣分", "6"),     # 5.3 扣1-5分: above 5
    ("律师制度改革扣分", "3"),         # 5.13 扣1-2分: above 2
])
def test_judged_out_of_range_is_an_error(run, fact, amount):
    with pytest.raises(scorelang.FactsError):
        run({fact: amount})


def test_5_2_missing_is_an_error(run):
    # no default: a forgotten judgement must not silently give 3
    with pytest.raises(scorelang.FactsError):
        run({"公证司法辅助业务扣分": MISSING})
    with pytest.raises(scorelang.FactsError):
        run({"公证司法辅助业务扣分": "3.5"})


# ============================================================================ 法律援助 (50分)

def test_5_17_events_name_both_facts(run):
    # 90 < 100 → one deduction of 4 that reads both counts
    card = run({"法律援助案件数": 90, "上年度法律援助案件数": 100})
    [event] = [e for e in card.item("5.17").events if e.points]
    assert event.points == D("-4")
    assert {name for name, _ in event.facts} >= {"法律援助案件数", "上年度法律援助案件数"}


# 5.18 组织实施好全州法律援助民生工程……(10分)
# 5.19 11月底前全面完成……接待受理厅和工作站建设任务。(8分)
# 5.20 开展“农民工讨薪维权”专项活动……(8分)
# 5.21 按月报送信息、简报、工作动态(图片)。(5分)
# 5.22 按要求录入工作信息，按时报送工作报表。(3分)
# 5.23 ……重点办理一批典型案件，并报送符合格式要求的案例。(5分)
# — no deduction rule in the source; the policy's reading: the lead department judges a
#   deduction in 0–N (no default)
JUDGED_0_TO_N = {
    "5.18": ("法律援助民生工程扣分", 10),
    "5.19": ("法律援助接待厅工作站建设扣分", 8),
    "5.20": ("农民工讨薪维权活动扣分", 8),
    "5.21": ("法律援助信息报送扣分", 5),
    "5.22": ("法律援助信息录入报表扣分", 3),
    "5.23": ("法律援助典型案件扣分", 5),
}


def _judged_0_cases():
    for item_id, (fact, points) in JUDGED_0_TO_N.items():
        yield pytest.param(item_id, fact, "0", f"{points}.00", id=f"{item_id}-zero")            # N - 0
        yield pytest.param(item_id, fact, "0.5", f"{points - 0.5:.2f}", id=f"{item_id}-0.5")    # N - 0.5
        yield pytest.param(item_id, fact, "2", f"{points - 2}.00", id=f"{item_id}-2")           # N - 2
        yield pytest.param(item_id, fact, str(points), "0.00", id=f"{item_id}-all")             # N - N = 0


@pytest.mark.parametrize("fact, points", list(JUDGED_0_TO_N.values()))
def test_judged_0_to_n_required_and_bounded(run, fact, points):
    with pytest.raises(scorelang.FactsError):
        run({fact: MISSING})               # no default: must be given
    with pytest.raises(scorelang.FactsError):
        run({fact: str(points + 1)})       # above the item's points


# 5.24 开展法律援助理论调研，并提交不少干(于)3000字的理论调研文章。(3分)
#      the policy's reading: not submitted → 不得分
@pytest.mark.parametrize("submitted, expected", [
    (True, "3.00"),
    (False, "0.00"),   # 不得分 → 0
])
def test_5_24_research_article(run, submitted, expected):
    card = run({"已提交法律援助理论调研文章": submitted})
    check_item(card, "5.24", expected)
    assert ("zero" in [e.kind for e in card.item("5.24").events]) == (not submitted)


# ---------------------------------------------------------------------------- task 五

def test_task_5_sum_of_items(run):
    # 5.1 2 → 1; 5.3 1.5 → 3.5; 5.2 1 → 2; 5.17 90 < 100 and 3件 → 0; 5.18 2.5 → 7.5; 5.24 未提交 → 0
    # deductions: 2 + 1.5 + 1 + 8 + 2.5 + 3 = 18 → 100 - 18 = 82.00
    card = run({"律师非诉业务推进扣分": "2", "公证机构建设推进扣分": "1.5", "公证司法辅助业务扣分": "1",
                "法律援助案件数": 90, "上年度法律援助案件数": 100, "法律援助案件质量投诉件数": 3,
                "法律援助民生工程扣分": "2.5", "已提交法律援助理论调研文章": False})
    task = card.task(TASK)
    # sections: 50 - 2 - 1.5 - 1 = 45.5; 50 - 8 - 2.5 - 3 = 36.5
    assert [s.score for s in task.sections] == [D("45.5"), D("36.5")]
    assert task.score == D("82.00")


def test_task_5_everything_lost(run):
    # every judgement at its maximum, both 5.17 targets missed, no article → 0.00
    overrides = {fact: str(points) for fact, points in [*JUDGED_1_TO_N.values(), *JUDGED_0_TO_N.values()]}
    overrides.update({"公证司法辅助业务扣分": "3", "法律援助案件数": 0, "上年度法律援助案件数": 1,
                      "法律援助案件质量投诉件数": 5, "已提交法律援助理论调研文章": False})
    card = run(overrides)
    assert all(card.item(i).score == 0 for i in ITEM_POINTS)
    assert card.task(TASK).score == D("0.00")


@pytest.mark.parametrize("overrides", [
    pytest.param({"法律援助案件数": MISSING}, id="cases-missing"),
    pytest.param({"上年度法律援助案件数": MISSING}, id="last-year-missing"),
    pytest.param({"法律援助案件质量投诉件数": -1}, id="negative-count"),
    pytest.param({"法律援助案件数": "12.5"}, id="fractional-count"),
    pytest.param({"已提交法律援助理论调研文章": MISSING}, id="flag-missing"),
    pytest.param({"已提交法律援助理论调研文章": "也许"}, id="bad-flag"),
])
def test_bad_facts_raise(run, overrides):
    with pytest.raises(scorelang.FactsError):
        run(overrides)
