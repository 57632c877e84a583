"""第六条, 第七条, 第十三条 of policies/2017.score: each adjustment with the arithmetic from its sentence.

Each test starts from 西昌市's example facts with every article fact at its neutral value and
changes only the facts under test; the adjustments (clause, points) are then exact.
"""
from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import pytest

import scorelang

ROOT = Path(__file__).resolve().parents[2]
ENTITY = "西昌市"

NEUTRAL = {
    "表彰记录": [], "省领导肯定性批示项数": 0, "州领导肯定性批示项数": 0, "县市主要领导肯定性批示项数": 0,
    "信息被部省办公厅采用条数": 0, "信息被省厅州委州政府办公室采用条数": 0,
    "未按要求参会或报送材料件次": 0, "反馈迟报次数": 0, "反馈情况不实次数": 0, "反馈推诿或漏报次数": 0,
    "议定事项未及时办理次数": 0, "信息目标任务缺少篇数": 0, "被州委州政府或省厅通报批评次数": 0,
    "被县市党委政府或州局通报批评次数": 0, "恶性事件件数": 0, "纪委测评指出问题件次": 0,
    "主要负责人受纪律处分人次": 0, "班子成员受纪律处分人次": 0, "受到刑事处罚": False, "弄虚作假情节": "无",
    "州局主要领导评分": "1", "州局其余班子成员评分": [], "上年度排名最后一位": False,
}


@pytest.fixture(scope="module")
def policy():
    return scorelang.load(ROOT / "policies" / "2017.score")


@pytest.fixture(scope="module")
def base(policy):
    facts = json.loads((ROOT / "examples/2017/facts.json").read_text(encoding="utf-8"))["entities"][ENTITY]
    return {**facts, **NEUTRAL}


@pytest.fixture
def adjust(policy, base):
    """adjust(**facts) → {clause: sum of points} and the card, relative to the neutral base."""
    neutral_total = policy.evaluate(ENTITY, base).total

    def run(**overrides):
        card = policy.evaluate(ENTITY, {**base, **overrides})
        sums: dict[str, D] = {}
        for event in card.adjustments:
            sums[event.clause] = sums.get(event.clause, D(0)) + event.points
        return sums, card, neutral_total
    return run


def commendation(level, grade, work="人民调解"):
    return {"授奖层级": level, "等级": grade, "工作": work}


@pytest.mark.parametrize("records, points", [
    # 获得省委、省人大、省政府、省政协和国家部委表彰，加1.5分
    ([commendation("省委、省人大、省政府、省政协和国家部委", "三等奖")], "1.5"),
    # 省委、省政府有关领导小组表彰，一、二、三等奖分别加1、0.8、0.6分
    ([commendation("省委、省政府有关领导小组", "一等奖")], "1"),
    ([commendation("省委、省政府有关领导小组", "三等奖")], "0.6"),
    # 省直部门和省委、省政府有关领导小组办公室 0.5、0.4、0.3
    ([commendation("省直部门和省委、省政府有关领导小组办公室", "二等奖")], "0.4"),
    # 州委、州人大、州政府、州政协 0.8、0.6、0.4; 州委、州政府有关领导小组 0.6、0.4、0.2
    ([commendation("州委、州人大、州政府、州政协", "一等奖")], "0.8"),
    ([commendation("州委、州政府有关领导小组", "三等奖")], "0.2"),
    # 县市委… 0.4、0.3、0.2; 县市委、县市政府有关领导小组 0.3、0.2、0.1
    ([commendation("县市委、县市人大、县市政府、县市政协", "二等奖")], "0.3"),
    ([commendation("县市委、县市政府有关领导小组", "三等奖")], "0.1"),
    # 未明确获奖等级、获优秀称号或获先进称号，视为二等奖: 州委 二等奖 0.6
    ([commendation("州委、州人大、州政府、州政协", "先进称号")], "0.6"),
    ([commendation("州委、州人大、州政府、州政协", "未明确等级")], "0.6"),
    # 获记功奖励的，按同级别表彰奖励对待 (解读: 未明确等级 → 二等奖): 县市委 0.3
    ([commendation("县市委、县市人大、县市政府、县市政协", "记功")], "0.3"),
    # 内设机构和基层集体获记功奖励，按一等功0.6分、二等功0.4分、三等功0.2分
    ([commendation("内设机构和基层集体记功", "一等功")], "0.6"),
    ([commendation("内设机构和基层集体记功", "三等功")], "0.2"),
    # 个人获得一级、二级英模称号分别加0.8、0.5分
    ([commendation("个人英模称号", "一级英模")], "0.8"),
    ([commendation("个人英模称号", "二级英模")], "0.5"),
    # 同一项工作受到多级表彰奖励，按最高层级计分 (解读: 层级最高, not 分值最高):
    # 省直部门二等奖 0.4 is the higher level than 州委一等奖 0.8 → 0.4
    ([commendation("州委、州人大、州政府、州政协", "一等奖"),
      commendation("省直部门和省委、省政府有关领导小组办公室", "二等奖")], "0.4"),
    # different works both count: 0.8 + 0.4
    ([commendation("州委、州人大、州政府、州政协", "一等奖", "调解"),
      commendation("州委、州人大、州政府、州政协", "三等奖", "普法")], "1.2"),
    # 个人、内设机构及基层集体获其他表彰奖励不纳入加分范围: a 一等功 at 州委 level is not in the table
    ([commendation("州委、州人大、州政府、州政协", "一等功")], "0"),
])
def test_article_6_commendations(adjust, records, points):
    sums, card, neutral = adjust(表彰记录=records)
    assert sums.get("第六条", D(0)) == D(points)
    assert card.total == neutral + D(points)


@pytest.mark.parametrize("facts, points", [
    # 受到省领导、州领导和县市委、县市政府主要领导…批示，每项对应加1、0.5、0.2分: 1 + 2×0.5 + 3×0.2 = 2.6
    ({"省领导肯定性批示项数": 1, "州领导肯定性批示项数": 2, "县市主要领导肯定性批示项数": 3}, "2.6"),
    # 信息被…办公厅采用，每条加0.5分；被省司法厅办公室…采用，每条加0.1分: 2×0.5 + 7×0.1 = 1.7
    ({"信息被部省办公厅采用条数": 2, "信息被省厅州委州政府办公室采用条数": 7}, "1.7"),
])
def test_article_6_instructions_and_information(adjust, facts, points):
    sums, _, _ = adjust(**facts)
    assert sums["第六条"] == D(points)


@pytest.mark.parametrize("facts, points", [
    ({"未按要求参会或报送材料件次": 3}, "-0.3"),            # 每件次扣0.1分
    ({"反馈迟报次数": 2}, "-0.2"),                          # 迟报一次扣0.1分
    ({"反馈情况不实次数": 2}, "-0.4"),                      # 反馈情况不实一次扣0.2分
    ({"反馈推诿或漏报次数": 1}, "-0.3"),                    # 推诿或漏报一次扣0.3分
    ({"议定事项未及时办理次数": 3}, "-0.6"),                # 每次扣0.2分
    ({"信息目标任务缺少篇数": 15}, "-0.3"),                 # 每少一篇扣0.02分: 15 × 0.02
    ({"被州委州政府或省厅通报批评次数": 2}, "-2"),          # 一次扣1分
    ({"被县市党委政府或州局通报批评次数": 1}, "-0.5"),      # 一次扣0.5分
    ({"恶性事件件数": 2}, "-1"),                            # 每次(件)扣0.5分
    ({"纪委测评指出问题件次": 3}, "-0.9"),                  # 每件(个)次扣0.3分
    ({"主要负责人受纪律处分人次": 1, "班子成员受纪律处分人次": 2}, "-1.1"),  # 0.5 + 2 × 0.3
])
def test_article_7_deductions(adjust, facts, points):
    sums, card, neutral = adjust(**facts)
    assert sums["第七条"] == D(points)
    assert card.total == neutral + D(points)


@pytest.mark.parametrize("facts, kind", [
    ({"受到刑事处罚": True}, "demote"),          # 受到刑事处罚，直接降低一个等次评奖
    ({"弄虚作假情节": "较轻"}, "demote"),        # 情节较轻，降低一个等次评奖
    ({"弄虚作假情节": "严重"}, "last"),          # 情节严重，直接排名最后一位
])
def test_article_7_changes_the_award_not_the_points(adjust, facts, kind):
    sums, card, neutral = adjust(**facts)
    assert [e.kind for e in card.adjustments if e.clause == "第七条"] == [kind]
    assert card.total == neutral


def test_article_7_in_the_cohort(policy):
    facts = json.loads((ROOT / "examples/2017/facts.json").read_text(encoding="utf-8"))
    facts["entities"]["西昌市"]["弄虚作假情节"] = "严重"
    facts["entities"]["会理县"]["弄虚作假情节"] = "较轻"
    cards = policy.score_all(facts)
    assert cards[-1].entity == "西昌市" and cards[-1].rank == 17
    huili = next(c for c in cards if c.entity == "会理县")
    assert huili.rank == 1 and huili.award == "二等奖"


@pytest.mark.parametrize("main, others, points", [
    # 州局主要领导按0.5至2分的幅度评分; 其余班子成员按0.1至0.5分 (解读: 合计)
    ("2", ["0.5", "0.5", "0.1"], "3.1"),
    ("0.5", [], "0.5"),
    ("1.25", ["0.2", "0.3"], "1.75"),
])
def test_article_13_leader_scores(adjust, main, others, points):
    sums, card, neutral = adjust(州局主要领导评分=main, 州局其余班子成员评分=others)
    assert sums["第十三条"] == D(points)
    assert card.total == neutral - D(1) + D(points)   # the neutral base has the main leader at 1


# 0 is outside both ranges: a leader's score is given to every county, not "did not occur"
@pytest.mark.parametrize("main, others", [("2.5", []), ("1", ["0.6"]), ("1", ["0.05"]), ("0", []), ("1", ["0"])])
def test_article_13_scores_outside_their_range_are_rejected(policy, base, main, others):
    with pytest.raises(scorelang.FactsError) as info:
        policy.evaluate(ENTITY, {**base, "州局主要领导评分": main, "州局其余班子成员评分": others})
    assert {d.fact for d in info.value.diagnostics} <= {"州局主要领导评分", "州局其余班子成员评分"}
