"""第六条, 第七条, 第十三条 of policies/2017.score: each adjustment with the arithmetic from its sentence.

The adjustments themselves (facts → points, total, ranks, refused scores) are in
tests/cases/2017/articles.cases.yaml; what stays here is the kind of each award event.

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


@pytest.mark.parametrize("facts, kind", [
    ({"受到刑事处罚": True}, "demote"),          # 受到刑事处罚，直接降低一个等次评奖
    ({"弄虚作假情节": "较轻"}, "demote"),        # 情节较轻，降低一个等次评奖
    ({"弄虚作假情节": "严重"}, "last"),          # 情节严重，直接排名最后一位
])
def test_article_7_changes_the_award_not_the_points(adjust, facts, kind):
    sums, card, neutral = adjust(**facts)
    assert [e.kind for e in card.adjustments if e.clause == "第七条"] == [kind]
    assert card.total == neutral


