"""docs/language.md §18.6 (caps of sections and tasks), §19 (scales) and §20 (choices the text
leaves open): every example is a whole policy that checks, and scores what the text beside it
says."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

import scorelang
from scorelang.diagnostics import PolicyError

DOC = Path(__file__).resolve().parents[2] / "docs" / "language.md"


def _examples(heading: str) -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    following = text.find("\n### ", start + len(heading)) if heading.startswith("###") else -1
    stops = [i for i in (end, following) if i > 0]
    return re.findall(r"```score\n(.*?)```", text[start:min(stops) if stops else None], re.DOTALL)


@pytest.fixture(scope="module")
def examples() -> dict[str, scorelang.Policy]:
    found = {
        "18.6": _examples("### 18.6"), "19.1": _examples("### 19.1"), "19.2": _examples("### 19.2"),
        "19.3": _examples("### 19.3"), "20.1": _examples("### 20.1"), "20.2": _examples("### 20.2"),
        "20.4": _examples("### 20.4"), "20.5": _examples("### 20.5"),
    }
    assert all(len(texts) == 1 for texts in found.values()), {k: len(v) for k, v in found.items()}
    return {key: scorelang.loads(texts[0], f"language.md §{key}") for key, texts in found.items()}


def test_caps_of_a_section_and_a_task(examples):
    card = examples["18.6"].evaluate("城关镇", {"未排查村数": 5, "越级上访件数": 2, "化解典型案例数": 2,
                                               "刑事案件起数": 0, "见义勇为人数": 3})
    task = card.task("1")
    first = task.sections[0]
    assert first.score == Decimal(40)
    assert [(e.clause, e.kind, e.points) for e in first.events] == [("1·矛盾纠纷化解", "cap", Decimal(5))]
    assert [(e.clause, e.kind, e.points) for e in task.events] == [("目标任务一", "bonus_cap", Decimal(-2))]
    assert task.bonus == Decimal(5) and card.total == Decimal(85)
    # no SL164: the task's bonus cap bounds the bonuses per occurrence
    assert "SL164" not in {d.code for d in examples["18.6"].warnings}


def test_a_1000_point_measure_summed_as_is(examples):
    policy = examples["19.1"]
    card = policy.evaluate("城关镇", {"未签订责任书村数": 2, "隐患整改逾期件数": 1, "一般事故起数": 1, "较大事故": False})
    assert [(t.score, t.max, t.weighted) for t in card.tasks] == [
        (Decimal(360), Decimal(400), Decimal(360)), (Decimal(500), Decimal(600), Decimal(500))]
    assert card.total == Decimal(860)
    assert (card.tasks[0].full, card.tasks[0].enters) == (Decimal(400), "as_is")


def test_a_scale_the_tasks_do_not_add_up_to_names_the_scale_and_its_clause(examples):
    text = _examples("### 19.1")[0].replace("满分 600 分", "满分 500 分").replace('"事故控制" 600分', '"事故控制" 500分')
    text = text.replace("控制一般事故\" 400分", "控制一般事故\" 300分")
    with pytest.raises(PolicyError) as caught:
        scorelang.loads(text, "p.score")
    [problem] = caught.value.diagnostics
    assert problem.code == "SL124"
    assert "满分合计 900分，不是办法（第三条：考核实行千分制）声明的满分 1000分" in problem.message


def test_a_task_out_of_other_than_100_must_say_how_it_enters():
    text = _examples("### 19.1")[0].replace("满分 400 分 按原分计入", "满分 400 分")
    with pytest.raises(PolicyError) as caught:
        scorelang.loads(text, "p.score")
    [problem] = caught.value.diagnostics
    assert problem.code == "SL133" and "按原分计入" in problem.hint and "折算为百分制" in problem.hint


def test_a_60_point_section_normalised(examples):
    card = examples["19.2"].evaluate("市教育局", {"督查通报次数": 2, "满意票率": Decimal(90), "被投诉件数": 3})
    business, review = card.task("1").sections
    assert (business.score, review.score, review.max) == (Decimal(90), Decimal(50), Decimal(60))
    assert review.counted == Decimal(50) * 100 / 60
    assert card.task("1").score == Decimal("86.67") and card.total == Decimal("86.67")


def test_base_zero_innovation_assessment(examples):
    policy = examples["19.3"]
    card = policy.evaluate("区发改局", {"国家级推广项数": 1, "省级推广项数": 1, "创新案例篇数": 5, "改革任务逾期项数": 1})
    assert card.total == Decimal(80)
    assert card.task("1").base_zero
    nothing = policy.evaluate("区科技局", {"国家级推广项数": 0, "省级推广项数": 0, "创新案例篇数": 0,
                                          "改革任务逾期项数": 2})
    assert nothing.total == Decimal(0) and [e.kind for e in nothing.task("1").events] == ["floor"]


def test_stacked_thresholds_add_up_or_replace_as_written(examples):
    card = examples["20.1"].evaluate("第一中学", {"合格率": Decimal(75), "优秀率": Decimal(15)})
    assert (card.item("1.1").score, card.item("1.2").score) == (Decimal(43), Decimal(44))


def test_stacked_thresholds_without_the_choice_are_refused():
    text = _examples("### 20.1")[0].replace(" 各档累计", "")
    with pytest.raises(PolicyError) as caught:
        scorelang.loads(text, "p.score")
    [problem] = caught.value.diagnostics
    assert problem.code == "SL137" and "各档累计" in problem.hint


def test_zero_with_or_without_bonuses(examples):
    card = examples["20.2"].evaluate("东区", {"发生泄密事件": True, "被评为示范点": True, "未按期公开件数": 0})
    first, second = card.item("1.1"), card.item("1.2")
    assert (first.score, first.bonus, second.score, second.bonus) == (0, 0, 0, 1)
    assert [e.kind for e in first.events] == ["bonus", "zero", "bonus_zero"]


def test_zero_without_the_choice_where_bonuses_exist_is_refused():
    text = _examples("### 20.2")[0].replace("不得分（含加分）", "不得分")
    with pytest.raises(PolicyError) as caught:
        scorelang.loads(text, "p.score")
    [problem] = caught.value.diagnostics
    assert problem.code == "SL136" and problem.span.line == text[:text.index("不得分\n")].count("\n") + 1


def test_averaged_records_with_none_give_what_the_policy_says(examples):
    policy = examples["20.4"]
    some = policy.evaluate("东街街道", {"督办逾期件数": 0, "分管区领导评价": [Decimal("0.8"), Decimal("0.6")]})
    none = policy.evaluate("西街街道", {"督办逾期件数": 0})
    assert (some.total, none.total) == (Decimal("100.70"), Decimal("100.50"))
    assert none.adjustments[0].reason == "无记录，按规定计 0.5 分"


def test_averaged_records_without_the_choice_are_refused():
    text = _examples("### 20.4")[0].replace(" 无记录时 计 0.5 分", "")
    with pytest.raises(PolicyError) as caught:
        scorelang.loads(text, "p.score")
    [problem] = caught.value.diagnostics
    assert problem.code == "SL138" and "无记录时" in problem.hint


def test_no_record_where_the_policy_says_it_is_an_error():
    text = _examples("### 20.4")[0].replace("无记录时 计 0.5 分", "无记录时 报错").replace(" 默认 无", "")
    policy = scorelang.loads(text, "p.score")
    with pytest.raises(scorelang.FactsError) as caught:
        policy.evaluate("西街街道", {"督办逾期件数": 0, "分管区领导评价": []})
    assert [d.code for d in caught.value.diagnostics] == ["SL240"]


def test_records_empty_on_another_fact_is_refused():
    text = _examples("### 20.4")[0].replace('「督办逾期件数」 计数 单位 "件"', '「督办逾期件数」 计数 单位 "件" 无记录时 报错')
    with pytest.raises(PolicyError) as caught:
        scorelang.loads(text, "p.score")
    assert [d.code for d in caught.value.diagnostics] == ["SL138"]


def test_a_step_in_percentage_points_or_as_a_share_of_the_target(examples):
    policy = examples["20.5"]
    card = policy.evaluate("城关卫生院", {"建档率": Decimal(84), "随访率": Decimal(74)})
    assert (card.item("1.1").score, card.item("1.2").score) == (Decimal(46), Decimal(46))
    nearer = policy.evaluate("城关卫生院", {"建档率": Decimal(90), "随访率": Decimal(77)})
    assert nearer.item("1.2").score == Decimal(48)


def test_a_bare_percent_step_on_a_percent_is_refused():
    text = _examples("### 20.5")[0].replace("每降低 5 个百分点", "每降低 5%")
    with pytest.raises(PolicyError) as caught:
        scorelang.loads(text, "p.score")
    [problem] = caught.value.diagnostics
    assert problem.code == "SL144" and "个百分点" in problem.hint and "相对目标的" in problem.hint
