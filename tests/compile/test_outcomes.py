"""Outcome effects (一票否决), docs/language.md §22: each effect on the grade, the order in which
several compose (exact grades), what the scorecard, JSON and text say, 取消评优资格 in the
cohort stage, and properties of the composition: it never raises a grade, the writing order
never matters, the result is a declared grade."""
from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import scorelang
from scorelang.model.outcomes import Change, compose
from scorelang.report.json import render_json
from scorelang.report.text import render_text

ORDER = ("优秀", "良好", "合格", "基本合格", "不合格")
FORCE, CAP, EXCLUDE, LOWER = (Change.GRADE_FORCE, Change.GRADE_CAP, Change.GRADE_EXCLUDE, Change.GRADE_LOWER)


@pytest.mark.parametrize(("band", "effects", "final"), [
    # each effect alone
    ("优秀", [(FORCE, "不合格", None)], "不合格"),
    ("良好", [(FORCE, "基本合格", None)], "基本合格"),
    ("不合格", [(FORCE, "合格", None)], "不合格"),             # a forced grade never raises one
    ("优秀", [(CAP, "良好", None)], "良好"),
    ("合格", [(CAP, "良好", None)], "合格"),                   # already below the cap
    ("优秀", [(EXCLUDE, "优秀", None)], "良好"),               # the next lower grade
    ("良好", [(EXCLUDE, "优秀", None)], "良好"),
    ("优秀", [(LOWER, None, 1)], "良好"),
    ("良好", [(LOWER, None, 2)], "基本合格"),
    ("基本合格", [(LOWER, None, 3)], "不合格"),                # never below the lowest
    # several of a kind: the lowest forced grade, the strictest cap, lowerings add up
    ("优秀", [(FORCE, "合格", None), (FORCE, "不合格", None)], "不合格"),
    ("优秀", [(CAP, "合格", None), (CAP, "良好", None)], "合格"),
    ("优秀", [(LOWER, None, 1), (LOWER, None, 2)], "基本合格"),
    ("优秀", [(EXCLUDE, "良好", None), (EXCLUDE, "优秀", None)], "合格"),  # down past every excluded grade
    # across stages: force → cap → exclusions → lowered
    ("优秀", [(LOWER, None, 1), (CAP, "良好", None)], "合格"),             # capped to 良好, then lowered
    ("优秀", [(LOWER, None, 1), (FORCE, "合格", None)], "基本合格"),
    ("优秀", [(EXCLUDE, "良好", None), (LOWER, None, 1)], "合格"),          # lowered onto 良好: on past it
    ("优秀", [(CAP, "良好", None), (EXCLUDE, "良好", None)], "合格"),
    ("优秀", [(FORCE, "不合格", None), (LOWER, None, 1)], "不合格"),
])
def test_composition(band: str, effects: list[tuple[str, str | None, int | None]], final: str) -> None:
    assert compose(ORDER, band, effects)[0] == final


def test_each_step_says_before_and_after_in_the_order_they_compose() -> None:
    effects = [(LOWER, None, 1), (EXCLUDE, "优秀", None), (FORCE, "合格", None), (CAP, "良好", None)]
    final, steps = compose(ORDER, "优秀", effects)
    assert final == "基本合格"
    assert [(s.index, s.before, s.after) for s in steps] == [
        (2, "优秀", "合格"), (3, "合格", "合格"), (1, "合格", "合格"), (0, "合格", "基本合格")]


def test_lowerings_add_up_before_an_excluded_grade_is_skipped():
    # 降低一个等次 and 降低2个等次 with 良好 excluded: 优秀 is lowered 3 levels to 基本合格 in either
    # writing order (once, a lowering that landed on 良好 counted the skip as a level: 不合格)
    effects = [(EXCLUDE, "良好", None), (LOWER, None, 1), (LOWER, None, 2)]
    for written in (effects, effects[::-1], [effects[1], effects[0], effects[2]]):
        assert compose(ORDER, "优秀", written)[0] == "基本合格"
    assert compose(ORDER, "优秀", [(EXCLUDE, "良好", None), (LOWER, None, 1)])[0] == "合格"


_EFFECT = st.one_of(
    st.tuples(st.sampled_from([FORCE, CAP]), st.sampled_from(ORDER), st.none()),
    st.tuples(st.just(EXCLUDE), st.sampled_from(ORDER[:-1]), st.none()),
    st.tuples(st.just(LOWER), st.none(), st.integers(1, 6)),
)


@given(band=st.sampled_from(ORDER), effects=st.lists(_EFFECT, max_size=6), data=st.data())
def test_composition_never_raises_and_ignores_the_writing_order(band, effects, data) -> None:
    final, steps = compose(ORDER, band, effects)
    assert final in ORDER
    assert ORDER.index(final) >= ORDER.index(band)
    assert all(ORDER.index(s.after) >= ORDER.index(s.before) for s in steps)
    assert len(steps) == len(effects) and (not steps or steps[-1].after == final)
    excluded = {g for c, g, _ in effects if c == EXCLUDE}
    assert final not in excluded
    shuffled = data.draw(st.permutations(effects))
    assert compose(ORDER, band, shuffled)[0] == final


POLICY = """考评办法 "某县2024年度安全生产目标责任考核办法" {
  保留 2 位小数 四舍五入
  考评总分 最高 100 分
}
对象 「乡镇」 { 「城关镇」 「河西乡」 「白马镇」 「青山乡」 「石门镇」 }
计入总分权重 { 目标任务一 100% }
目标任务 一 "安全生产" {
  牵头 「县应急管理局」
  事实 { 「一般事故起数」 计数 单位 "起" }
  部分 "安全生产" 100分 {
    第1项 "事故控制" 100分 { 每「一般事故起数」扣5分 扣完为止 }
  }
}
第九条 "一票否决" {
  事实 {
    「重大事故」 是否 默认 否
    「党纪处分」 是否 默认 否
    「整改不力次数」 计数 默认 0
    「弄虚作假」 是否 默认 否
  }
  "发生重大安全生产责任事故的，实行一票否决，年度考核直接评定为不合格等次" 若「重大事故」 直接评定为 "不合格"
  "受到党纪政务处分的，当年不得评为优秀等次" 若「党纪处分」 不得评为 "优秀"
  "被督办整改不力的，年度考核结果降低一个等次" 若「整改不力次数」 不低于 1 降低一个等次
  "弄虚作假的，取消评优资格" 若「弄虚作假」 取消评优资格
}
等次 依据 "第十条" {
  "优秀" 90 分以上
  "良好" 80 分至 90 分（不含）
  "合格" 60 分至 80 分（不含）
  "不合格" 60 分以下（不含）
}
奖项 { 综合奖 "先进单位" 第1至2名 单项奖 前1名 }
"""


@pytest.fixture(scope="module")
def policy() -> scorelang.Policy:
    return scorelang.loads(POLICY, "veto.score")


@pytest.fixture(scope="module")
def cards(policy: scorelang.Policy) -> dict[str, scorelang.Scorecard]:
    document = {"entities": {
        "城关镇": {"一般事故起数": 0, "党纪处分": True},
        "河西乡": {"一般事故起数": 1, "党纪处分": True, "整改不力次数": 1},
        "白马镇": {"一般事故起数": 3, "重大事故": True},
        "青山乡": {"一般事故起数": 0, "弄虚作假": True},
        "石门镇": {"一般事故起数": 5},
    }}
    return {c.entity: c for c in policy.score_all(document)}


def test_the_grade_after_each_effect(cards: dict[str, scorelang.Scorecard]) -> None:
    shown = {name: (c.band_grade, c.grade.name if c.grade else None) for name, c in cards.items()}
    assert shown == {"城关镇": ("优秀", "良好"), "河西乡": ("优秀", "合格"), "白马镇": ("良好", "不合格"),
                     "青山乡": ("优秀", "优秀"), "石门镇": ("合格", "合格")}
    steps = [(g.clause, g.kind, g.before, g.after) for g in cards["河西乡"].grade_changes or ()]
    assert steps == [("第九条", "grade_exclude", "优秀", "良好"), ("第九条", "grade_lower", "良好", "合格")]
    assert cards["白马镇"].grade_changes is not None
    assert cards["白马镇"].grade_changes[0].rule.startswith("发生重大安全生产责任事故的")
    assert cards["石门镇"].grade_changes == ()
    # the band that gave the grade before any effect stays on the grade
    assert cards["白马镇"].grade is not None and cards["白马镇"].grade.band == "80 分至 90 分（不含）"


def test_ineligible_loses_its_awards_and_keeps_its_rank(cards: dict[str, scorelang.Scorecard]) -> None:
    qingshan = cards["青山乡"]
    assert qingshan.rank == 1 and qingshan.award is None and qingshan.task_awards == ()
    assert any(f.startswith("取消评优资格（第九条：弄虚作假的，取消评优资格）：不评先进单位、不评目标任务一单项奖")
               for f in qingshan.flags), qingshan.flags
    # the places are not passed on: 城关镇 (tied first) keeps its award, 河西乡 (third) gets none
    assert cards["城关镇"].award == "先进单位" and cards["河西乡"].award is None


def test_json_and_text_show_each_effect(policy: scorelang.Policy, cards: dict[str, scorelang.Scorecard]) -> None:
    doc = render_json(cards.values(), title="t", sha256="0", places=2, engine_version="x")
    by_name = {e["entity"]: e for e in doc["entities"]}
    assert by_name["河西乡"]["grade"]["value"] == "合格" and by_name["河西乡"]["grade"]["status"] == "decided"
    assert by_name["河西乡"]["grade_changes"][1] == {
        "clause": "第九条", "rule": "被督办整改不力的，年度考核结果降低一个等次", "kind": "grade_lower",
        "before": "良好", "after": "合格"}
    assert by_name["石门镇"]["grade_changes"] == []
    text = render_text([cards["白马镇"]], title="t", places=2, width=200)
    assert "等次 不合格 [80 分至 90 分（不含） 良好 → 不合格]" in text
    assert "等次调整：第九条 发生重大安全生产责任事故的，实行一票否决，年度考核直接评定为不合格等次：良好 → 不合格" in text


def test_a_policy_without_grade_effects_has_no_grade_changes() -> None:
    plain = POLICY.split("第九条")[0] + POLICY[POLICY.index("等次 依据"):]
    card = scorelang.loads(plain).evaluate("城关镇", {"一般事故起数": 0})
    assert card.grade_changes is None
    doc = render_json([card], title="t", sha256="0", places=2, engine_version="x")
    assert "grade_changes" not in doc["entities"][0]


@pytest.mark.parametrize(("rule", "code"), [
    ('若「重大事故」 直接评定为 "不称职"', "SL400"),
    ('若「重大事故」 不得评为 "不合格"', "SL402"),
])
def test_check_refuses(rule: str, code: str) -> None:
    text = POLICY.replace('若「重大事故」 直接评定为 "不合格"', rule)
    with pytest.raises(scorelang.PolicyError) as caught:
        scorelang.loads(text)
    assert [d.code for d in caught.value.diagnostics] == [code]


def test_grade_effects_need_grades() -> None:
    text = POLICY[:POLICY.index("等次 依据")] + POLICY[POLICY.index("奖项"):]
    with pytest.raises(scorelang.PolicyError) as caught:
        scorelang.loads(text)
    assert [d.code for d in caught.value.diagnostics] == ["SL401", "SL401", "SL401"]


def test_grade_effects_belong_in_articles() -> None:
    text = POLICY.replace("每「一般事故起数」扣5分 扣完为止", '每「一般事故起数」扣5分 扣完为止 若「重大事故」 直接评定为 "不合格"')
    with pytest.raises(scorelang.PolicyError) as caught:
        scorelang.loads(text)
    assert "SL126" in [d.code for d in caught.value.diagnostics]


@pytest.mark.parametrize("permutation", list(itertools.permutations(range(3)))[1:])
def test_writing_order_does_not_change_a_scorecard(permutation: tuple[int, ...],
                                                    cards: dict[str, scorelang.Scorecard]) -> None:
    lines = [line for line in POLICY.splitlines() if line.startswith('  "') and "第九条" not in line][:3]
    text = POLICY
    for line, other in zip(lines, [lines[i] for i in permutation], strict=True):
        text = text.replace(line, f"<{lines.index(other)}>")
    for index, line in enumerate(lines):
        text = text.replace(f"<{index}>", line)
    card = scorelang.loads(text).evaluate("河西乡", {"一般事故起数": 1, "党纪处分": True, "整改不力次数": 1,
                                                    "重大事故": True})
    assert card.grade is not None and card.grade.name == "不合格"


TASKS = """考评办法 "某县2024年度综治工作考评办法" { 保留 2 位小数 四舍五入 }
对象 「乡镇」 { 「城关镇」 「河西乡」 }
计入总分权重 { 目标任务一 60% 目标任务二 40% }
目标任务 一 "平安建设" {
  牵头 「县委政法委」
  事实 { 「刑事案件起数」 计数 单位 "起" }
  部分 "平安建设" 100分 { 第1项 "刑事案件控制" 100分 { 每「刑事案件起数」扣5分 扣完为止 } }
}
目标任务 二 "矛盾纠纷化解" {
  牵头 「县司法局」
  事实 { 「未化解件数」 计数 单位 "件" }
  部分 "矛盾纠纷化解" 100分 { 第1项 "化解" 100分 { 每「未化解件数」扣2.5分 扣完为止 } }
}
等次 依据 "第十条" { "优秀" 90 分以上 "合格" 60 分至 90 分（不含） "不合格" 60 分以下（不含） }
等次 目标任务二得分 依据 "第十一条" {
  "好" 90 分以上
  "较好" 70 分至 90 分（不含）
  "差" 70 分以下（不含）
}
"""


@pytest.fixture(scope="module")
def tasks_policy() -> scorelang.Policy:
    return scorelang.loads(TASKS, "tasks.score")


@pytest.mark.parametrize(("unresolved", "score", "grade", "band"), [
    (0, "100.00", "好", "90 分以上"),
    (4, "90.00", "好", "90 分以上"),                   # 以上 includes 90
    (5, "87.50", "较好", "70 分至 90 分（不含）"),
    (12, "70.00", "较好", "70 分至 90 分（不含）"),     # 至 includes its lower edge
    (13, "67.50", "差", "70 分以下（不含）"),
])
def test_a_tasks_score_is_graded_by_its_own_bands(tasks_policy: scorelang.Policy, unresolved: int, score: str,
                                                  grade: str, band: str) -> None:
    card = tasks_policy.evaluate("城关镇", {"刑事案件起数": 0, "未化解件数": unresolved})
    assert card.value_grades is not None
    (graded,) = card.value_grades
    assert (graded.subject, graded.task, str(graded.value), graded.unit) == ("目标任务二得分", "2", score, "分")
    assert graded.grade is not None and (graded.grade.name, graded.grade.band, graded.grade.clause) == (
        grade, band, "第十一条")
    # the total's grade is still the entity's grade: 60% × 100 + 40% × the task's score
    assert card.grade is not None and card.grade.name == ("优秀" if unresolved <= 10 else "合格")


def test_value_grades_in_json_and_text(tasks_policy: scorelang.Policy) -> None:
    card = tasks_policy.evaluate("城关镇", {"刑事案件起数": 0, "未化解件数": 5})
    doc = render_json([card], title="t", sha256="0", places=2, engine_version="x")
    assert doc["entities"][0]["value_grades"] == [{"subject": "目标任务二得分", "task": "2", "value": "87.50",
                                                   "unit": "分",
                                                   "name": "较好", "band": "70 分至 90 分（不含）",
                                                   "clause": "第十一条"}]
    assert "目标任务二得分 等次 较好 [70 分至 90 分（不含）]" in render_text([card], title="t", places=2, width=200)
    plain = scorelang.loads(TASKS[:TASKS.index("等次 目标任务二得分")]).evaluate("城关镇", {"刑事案件起数": 0,
                                                                                   "未化解件数": 0})
    assert plain.value_grades is None
    assert "value_grades" not in render_json([plain], title="t", sha256="0", places=2,
                                            engine_version="x")["entities"][0]


@pytest.mark.parametrize(("old", "new", "code", "says"), [
    ('"差" 70 分以下（不含）', '"差" 60 分以下', "SL408", "(60, 70)"),
    ('"较好" 70 分至 90 分（不含）', '"较好" 70 分至 90 分', "SL409", "[90, 90]"),
    ("等次 目标任务二得分", "等次 目标任务三得分", "SL406", "目标任务三得分"),
])
def test_check_on_task_grades(old: str, new: str, code: str, says: str) -> None:
    with pytest.raises(scorelang.PolicyError) as caught:
        scorelang.loads(TASKS.replace(old, new))
    found = [(d.code, d.message) for d in caught.value.diagnostics]
    assert [c for c, _ in found] == [code] and says in found[0][1]



VALUES = TASKS.replace('计入总分权重', '计算 { 「结案率」 = 「结案数」 ÷ 「受案数」 × 100% 除数为0时取 100% }\n计入总分权重').replace(
    '事实 { 「未化解件数」 计数 单位 "件" }',
    '事实 { 「未化解件数」 计数 单位 "件" 「受案数」 计数 单位 "件" 「结案数」 计数 单位 "件" 「投诉率」 百分比 }') + """
等次 「结案率」 依据 "第十二条" {
  "优秀" 95% 以上
  "良好" 85% 至 95%（不含）
  "一般" 85% 以下（不含）
}
等次 「未化解件数」 { "少" 2 件以下 "多" 2 件以上（不含） }
等次 「投诉率」 { "低" 5% 以下 "高" 5% 以上（不含） }
"""


@pytest.fixture(scope="module")
def values_policy() -> scorelang.Policy:
    return scorelang.loads(VALUES, "values.score")


def test_a_derived_value_and_facts_are_graded_in_their_units(values_policy: scorelang.Policy) -> None:
    card = values_policy.evaluate("城关镇", {"刑事案件起数": 0, "未化解件数": 3, "受案数": 50, "结案数": 45,
                                              "投诉率": Decimal(5)})
    assert card.value_grades is not None
    shown = [(g.subject, g.task, g.value, g.unit, g.grade.name if g.grade else None, g.grade.band if g.grade else None)
             for g in card.value_grades]
    assert shown == [("目标任务二得分", "2", Decimal("92.50"), "分", "好", "90 分以上"),
                     ("「结案率」", None, Decimal(90), "%", "良好", "85% 至 95%（不含）"),
                     ("「未化解件数」", None, 3, "件", "多", "2 件以上（不含）"),
                     ("「投诉率」", None, Decimal(5), "%", "低", "5% 以下")]
    doc = render_json([card], title="t", sha256="0", places=2, engine_version="x")
    assert doc["entities"][0]["value_grades"][2]["value"] == "3"


@pytest.mark.parametrize(("old", "new", "code", "says"), [
    ('"一般" 85% 以下（不含）', '"一般" 80% 以下', "SL408", "(80, 85)"),       # 结案率 may be anything from 0 up
    ('"高" 5% 以上（不含）', '"高" 5% 至 90%', "SL408", "(90, 100]"),          # a percent fact: 0 to 100
    ('"优秀" 95% 以上', '"优秀" 95 分以上', "SL406", "应为「%」"),              # a percent's edges in %
    ('"少" 2 件以下', '"少" 2 篇以下', "SL406", "应为「件」"),                   # a count's in its declared unit
    ('等次 「投诉率」', '等次 「投诉数」', "SL112", "投诉数"),                     # the resolver's: no such fact
])
def test_check_on_value_grades(old: str, new: str, code: str, says: str) -> None:
    with pytest.raises(scorelang.PolicyError) as caught:
        scorelang.loads(VALUES.replace(old, new))
    found = [(d.code, d.message) for d in caught.value.diagnostics]
    assert code in [c for c, _ in found] and any(says in message for c, message in found if c == code), found


def test_every_outcome_change_is_its_events_kind_and_reads_one_way() -> None:
    """One meaning: a change's value is the kind of the event its rule records (cohort and the
    grade step read those), the printer writes every change, and only grade changes compose."""
    from scorelang.runtime.scorecard import EventKind
    from scorelang.syntax.printer_pieces import _OUTCOME_WORDS

    assert {str(c) for c in Change} <= {str(k) for k in EventKind}
    assert set(_OUTCOME_WORDS) | {"grade_lower"} == {str(c) for c in Change}
    # the printer (syntax) and the model's event text keep one table each: the same words
    from scorelang.model.outcomes import WORDS
    assert {c: WORDS[Change(c)] for c in _OUTCOME_WORDS} == _OUTCOME_WORDS
    assert [c for c in Change if c.on_grade] == [FORCE, CAP, EXCLUDE, LOWER]
    assert [c.stage for c in (FORCE, CAP, EXCLUDE, LOWER)] == [1, 2, 3, 4]
