"""Incident records (docs/language.md §24): 日期 and 项号 fields, 考评期, the per-incident table,
escalation by date, 不重复扣分 across rules, 个数（「x」 中 …）, and the facts errors SL220–SL223."""
from __future__ import annotations

import functools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import scorelang
from scorelang.diagnostics import FactsError, PolicyError

POLICY = """
考评办法 "某市安全生产目标责任考评" {
  考评期 2025年1月1日 至 2025-12-31
  保留 2 位小数 四舍五入
}
对象 「区县」 { 「东城」 「西城」 }
计入总分权重 { 目标任务一 100% }
事实 {
  「安全事件」 记录 {
    「日期」 日期
    「类别」 选项 { "生产" "消防" }
    「严重程度」 选项 { "一般" "较大" "重大" }
    「涉及项目」 项号
    「问题编号」 文字
  } 默认 无
}
目标任务 一 "安全生产" {
  牵头 「应急管理局」
  部分 "基本" 100分 {
    第1项 "事故控制" 40分 {
      每起「安全事件」 涉及本项的 按「类别」「严重程度」扣分 同一「问题编号」不重复扣分 {
        "生产" { "一般" 2 "较大" 5 "重大" 15 }
        "消防" { "一般" 1 }
      }
    }
    第2项 "隐患整改" 30分 {
      每起「安全事件」 涉及本项的 首次扣1分 再次扣2分 第三次及以上不得分 同一「问题编号」不重复扣分
    }
    第3项 "通报" 30分 {
      每起「安全事件」 涉及本项的 首次扣1分 再次扣2分 第三次及以上扣4分
      若 个数（「安全事件」 中 「严重程度」 为 "重大" 且 「涉及项目」 为 "1.3"） ≥ 1 扣10分
    }
  }
}
"""


@functools.cache
def _load(text: str) -> scorelang.Policy:
    return scorelang.loads(text, "incidents.score")


@pytest.fixture(scope="module")
def policy() -> scorelang.Policy:
    return _load(POLICY)


def incident(date: str, kind: str = "消防", severity: str = "一般", items: object = "1.2", key: str = "") -> dict:
    return {"日期": date, "类别": kind, "严重程度": severity, "涉及项目": items, "问题编号": key or date}


def card(policy: scorelang.Policy, *incidents: dict) -> scorelang.Scorecard:
    return policy.evaluate("东城", {"安全事件": list(incidents)})


def test_escalation_counts_in_the_order_of_dates_not_of_the_file(policy):
    # listed May, January, March: January is the first (1), March the second (2), May the third (4)
    result = card(policy, incident("2025-05-02", items="1.3"), incident("2025年1月9日", items="1.3"),
                  incident("2025-03-14", items="1.3"))
    events = result.item("1.3").events
    assert [e.points for e in events] == [Decimal(-1), Decimal(-2), Decimal(-4)]
    dates = [dict(e.facts)[f"安全事件[{n}].日期"] for e, n in zip(events, (2, 3, 1), strict=True)]
    assert dates == ["2025-01-09", "2025-03-14", "2025-05-02"]
    assert result.item("1.3").score == Decimal(23)


def test_the_third_incident_makes_the_item_score_nothing(policy):
    two = card(policy, incident("2025-02-01"), incident("2025-02-02"))
    assert two.item("1.2").score == Decimal(27)
    three = card(policy, incident("2025-02-01"), incident("2025-02-02"), incident("2025-02-03"))
    assert three.item("1.2").score == 0
    (zero,) = three.item("1.2").events
    assert zero.kind == "zero" and zero.points == Decimal(-30)
    assert "第3起" in zero.rule and len([k for k, _ in zero.facts if k.endswith(".日期")]) == 3


def test_only_incidents_naming_the_item_count_there(policy):
    result = card(policy, incident("2025-02-01", items="1.3"), incident("2025-02-02", items=["1.2", "1.3"]))
    assert result.item("1.2").score == Decimal(29)  # one incident names 1.2: the first
    assert result.item("1.3").score == Decimal(27)  # two name 1.3: first and second


def test_the_table_deducts_each_incident_its_cell(policy):
    result = card(policy, incident("2025-02-01", "生产", "较大", "1.1"), incident("2025-02-02", "消防", "较大", "1.1"),
                  incident("2025-02-03", "生产", "一般", "1.1"))
    events = result.item("1.1").events
    assert [e.points for e in events] == [Decimal(-5), 0, Decimal(-2)]  # 消防·较大 is not in the table
    assert "不在扣分表中" in events[1].rule
    assert result.item("1.1").score == Decimal(33)


def test_one_problem_deducts_once_across_items_in_scoring_order(policy):
    # the same problem names 1.1 and 1.2: item 1.1 (first in scoring order) deducts it; 1.2 shows it with 0
    same = incident("2025-04-01", "生产", "较大", ["1.1", "1.2"], key="Q-7")
    result = card(policy, same, incident("2025-05-01", items="1.2", key="Q-8"))
    assert result.item("1.1").score == Decimal(35)
    events = result.item("1.2").events
    assert [e.points for e in events] == [0, Decimal(-1)]  # Q-8 is then the first at 1.2
    assert "不重复扣分" in events[0].rule
    # within one rule the earliest of the same problem deducts
    twice = card(policy, incident("2025-06-01", key="Q-9"), incident("2025-01-01", key="Q-9"))
    assert [e.points for e in twice.item("1.2").events] == [Decimal(-1), 0]


def test_a_count_of_incidents_in_a_condition(policy):
    assert card(policy, incident("2025-02-01", "生产", "重大", "1.3")).item("1.3").score == Decimal(19)
    assert card(policy, incident("2025-02-01", "生产", "重大", "1.1")).item("1.3").score == Decimal(30)


@pytest.mark.parametrize("date", ["2025-01-01", "2025年12月31日", "２０２５-06-30"])
def test_the_period_includes_both_ends(policy, date):
    assert card(policy, incident(date)).item("1.2").score == Decimal(29)


@pytest.mark.parametrize("date", ["2024-12-31", "2026-01-01"])
def test_an_incident_outside_the_period_is_a_facts_error(policy, date):
    with pytest.raises(FactsError) as caught:
        card(policy, incident(date))
    (problem,) = caught.value.diagnostics
    assert problem.code == "SL221" and problem.entity == "东城" and problem.fact == "安全事件"
    assert "第 1 条" in problem.message and "「日期」" in problem.message and "2025-01-01 至 2025-12-31" in problem.message


def test_every_problem_of_every_incident_at_once(policy):
    with pytest.raises(FactsError) as caught:
        card(policy, incident("2025-02-30"), incident("2025-03-01", kind="交通"), incident("2025-03-02", items="9.9"),
             incident("2025-03-03", items=""))
    found = [(d.code, d.message.split("：")[0] if "：" in d.message else d.message) for d in caught.value.diagnostics]
    assert [code for code, _ in found] == ["SL220", "SL213", "SL222", "SL223"]
    messages = [d.message for d in caught.value.diagnostics]
    assert "第 1 条「日期」" in messages[0] and "第 2 条「类别」" in messages[1]
    assert "第 3 条「涉及项目」" in messages[2] and "9.9" in messages[2] and "第 4 条「涉及项目」" in messages[3]
    assert all(d.entity == "东城" and d.fact == "安全事件" for d in caught.value.diagnostics)


def test_the_template_lists_the_fields_with_their_types(policy):
    (fact,) = [f for f in policy.template()["facts"] if f["name"] == "安全事件"]
    assert [(f["name"], f["type"]) for f in fact["fields"]] == [
        ("日期", "date"), ("类别", "choice"), ("严重程度", "choice"), ("涉及项目", "item"), ("问题编号", "text")]


# ------------------------------------------------------------------ policy errors (SL420–SL429)
def _policy_codes(rule: str, fields: str = "「日期」 日期 「类别」 选项 { \"生产\" } 「涉及项目」 项号", where: str = "item",
                  period: str = "考评期 2025-01-01 至 2025-12-31") -> list[str]:
    item = rule if where == "item" else "每起「安全事件」 首次扣1分"
    article = f'第九条 "扣分" {{ {rule} }}' if where == "article" else ""
    text = f"""考评办法 "例" {{ {period} 保留 2 位小数 四舍五入 }}
对象 「区县」 {{ 「甲」 }}
计入总分权重 {{ 目标任务一 100% }}
事实 {{ 「安全事件」 记录 {{ {fields} }} 默认 无  「表彰」 记录 {{ 「层级」 选项 {{ "省" }} 「等级」 选项 {{ "一" }} }} 默认 无 }}
目标任务 一 "任务" {{ 牵头 「局」 部分 "部分" 100分 {{ 第1项 "项" 100分 {{ {item} }} }} }}
{article}
"""
    try:
        scorelang.loads(text, "bad.score")
    except PolicyError as error:
        return sorted({d.code for d in error.diagnostics})
    return []


@pytest.mark.parametrize(("rule", "extra", "code"), [
    ("每起「安全事件」 首次扣1分", {"period": "考评期 2025-02-30 至 2025-12-31"}, "SL420"),
    ("每起「安全事件」 首次扣1分", {"period": "考评期 2025-12-31 至 2025-01-01"}, "SL420"),
    ("每起「安全事件」 涉及本项的 首次扣1分", {"where": "article"}, "SL421"),
    ("每起「安全事件」 涉及本项的 首次扣1分", {"fields": "「日期」 日期 「类别」 选项 { \"生产\" }"}, "SL421"),
    ("每起「安全事件」 首次扣1分", {"fields": "「类别」 选项 { \"生产\" } 「涉及项目」 项号"}, "SL422"),
    ("每起「安全事件」 再次扣1分", {}, "SL423"),
    ("每起「安全事件」 首次扣1分 第三次及以上扣2分", {}, "SL423"),
    ("每起「安全事件」 首次扣1分 同一「编号」不重复扣分", {}, "SL424"),
    ("若 个数（「安全事件」） > 1 每起「安全事件」 按「类别」「类别」扣分 同一「类别」不重复扣分 { \"生产\" { \"生产\" 1 } }",
     {}, "SL425"),
    ("每起「表彰」 按「层级」「等级」扣分 { \"省\" { \"一\" 1 } }", {}, "SL426"),
    ("若 个数（「安全事件」 中 「严重」 为 \"生产\"） ≥ 1 扣1分", {}, "SL427"),
    ("若 个数（「安全事件」 中 「类别」 > \"生产\"） ≥ 1 扣1分", {}, "SL427"),
    ("若 个数（「安全事件」 中 「类别」 为 \"交通\"） ≥ 1 扣1分", {}, "SL428"),
    ("若 个数（「安全事件」 中 「涉及项目」 为 \"3.1\"） ≥ 1 扣1分", {}, "SL428"),
])
def test_each_policy_mistake_has_its_code(rule, extra, code):
    assert code in _policy_codes(rule, **extra)


def test_the_policy_without_mistakes_has_none():
    assert _policy_codes("每起「安全事件」 涉及本项的 首次扣1分 再次及以上扣2分") == []
    assert _policy_codes("若 个数（「表彰」 中 「层级」 为 \"省\"） ≥ 1 扣1分 每起「安全事件」 首次扣1分") == []


def test_a_count_of_records_that_are_not_records_with_fields():
    text = """考评办法 "例" { 保留 2 位小数 四舍五入 }
对象 「区县」 { 「甲」 }
计入总分权重 { 目标任务一 100% }
事实 { 「事故扣分」 评定记录 1 至 3 分 默认 无 }
目标任务 一 "任务" { 牵头 「局」 部分 "部分" 100分 { 第1项 "项" 100分 { 若 个数（「事故扣分」） ≥ 1 扣1分 } } }
"""
    with pytest.raises(PolicyError) as caught:
        scorelang.loads(text, "bad.score")
    assert [d.code for d in caught.value.diagnostics] == ["SL429"]


# ------------------------------------------------------------------ properties
_incidents = st.lists(st.builds(
    incident,
    st.sampled_from(["2025-01-01", "2025-03-14", "2025-03-14", "2025-07-01", "2025-12-31"]),
    st.sampled_from(["生产", "消防"]), st.sampled_from(["一般", "较大", "重大"]),
    st.sampled_from(["1.1", "1.2", "1.3", ["1.1", "1.2"], ["1.2", "1.3"]]),
    st.sampled_from(["A", "B", "C"])), max_size=6)


@given(_incidents, st.randoms(use_true_random=False))
def test_the_order_of_incidents_in_the_file_changes_no_score_and_no_item_goes_below_zero(incidents, rng):
    policy = _load(POLICY)
    first = card(policy, *incidents)
    shuffled = list(incidents)
    rng.shuffle(shuffled)
    # ties by date keep the file's order: only the order of distinct dates may not matter
    if len({i["日期"] for i in incidents}) == len(incidents):
        assert card(policy, *shuffled).total == first.total
    for item_id in ("1.1", "1.2", "1.3"):
        item = first.item(item_id)
        assert 0 <= item.score <= item.max


@given(_incidents)
def test_no_repeat_never_deducts_more_than_without_it(incidents):
    with_key, without = _load(POLICY), _load(POLICY.replace(" 同一「问题编号」不重复扣分", ""))
    assert card(with_key, *incidents).total >= card(without, *incidents).total


def test_a_veto_counts_serious_incidents():
    text = POLICY + """等次 { "合格" 60 分以上 "不合格" 60 分以下（不含） }
第八条 "一票否决" {
  若 个数（「安全事件」 中 「严重程度」 为 "重大"） ≥ 1 直接评定为 "不合格"
}
"""
    policy = _load(text)
    serious = card(policy, incident("2025-02-01", "生产", "重大", "1.1"))
    assert serious.total == Decimal(85) and serious.grade.name == "不合格"
    assert card(policy, incident("2025-02-01", "生产", "较大", "1.1")).grade.name == "合格"


def test_incidents_from_the_facts_workbook(policy, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    import datetime

    from scorelang.policy import needed_facts
    from scorelang.runtime.facts_workbook import build_facts_workbook
    from scorelang.runtime.sources import read_facts_file

    path = tmp_path / "facts.xlsx"
    build_facts_workbook(policy.model, needed_facts(policy.model)).save(path)
    book = openpyxl.load_workbook(path)
    sheet = book["安全事件"]
    assert [c.value for c in sheet[2]] == ["entity", "日期", "类别", "严重程度", "涉及项目", "问题编号"]
    # a date cell, a date written as text, an item id the spreadsheet took for a number
    sheet.append(["东城", datetime.datetime(2025, 3, 14), "生产", "较大", "1.1、1.2", "A1"])
    sheet.append(["东城", "2025年5月2日", "消防", "一般", 1.2, "A2"])
    book.save(path)
    cards = {c.entity: c for c in policy.score_all(read_facts_file(str(path)))}
    assert cards["东城"].item("1.1").score == Decimal(35)
    assert cards["东城"].item("1.2").score == Decimal(29)  # A1 already deducted at 1.1; A2 the first
    assert cards["西城"].total == Decimal(100)
