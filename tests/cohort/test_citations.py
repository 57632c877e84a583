"""The engine cites the clause and words a policy attaches to its own behaviours (the total's
floor, a tie across an award boundary or the single award's top N, last two years running) —
依据 "…" 说明 "…" 认定 「…」 — and without them cites no clause, in neutral words."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scorelang

POLICY = """
考评办法 "年度目标考核办法" {{
  保留 2 位小数 四舍五入
  最低总分为零{floor}
}}
对象 「各乡镇」 {{ 「甲镇」 「乙镇」 「丙镇」 }}
事实 {{
  「上年度排名最后」 是否
  「违规次数」 计数
}}
计入总分权重 {{ 目标任务一 100% }}
目标任务 一 "农业" {{
  牵头 「农业股」
  部分 "基础" 100分 {{
    第1项 "规范" 100分 {{ 每「违规次数」扣50分 扣完为止 }}
  }}
}}
第五条 "扣分" {{ 每「违规次数」扣100分 }}
奖项{awards} {{
  综合奖 "一等奖" 第1至1名
  综合奖 "二等奖" 第2至3名
  单项奖 前1名
  上年度排名最后 「上年度排名最后」{previous}
}}
"""
FACTS = {"entities": {"甲镇": {"上年度排名最后": False, "违规次数": 0},
                      "乙镇": {"上年度排名最后": False, "违规次数": 0},
                      "丙镇": {"上年度排名最后": True, "违规次数": 3}}}


def _cards(floor: str = "", awards: str = "", previous: str = "") -> dict[str, scorelang.Scorecard]:
    policy = scorelang.loads(POLICY.format(floor=floor, awards=awards, previous=previous))
    return {card.entity: card for card in policy.score_all(FACTS)}


def _floor(card: scorelang.Scorecard) -> scorelang.Event:
    return next(e for e in card.adjustments if e.kind == "floor")


def test_the_policys_clauses_words_and_decider_are_cited():
    cards = _cards(' 依据 "第十条" 说明 "考核总分最低为0分"', ' 依据 "第九条" 认定 「局考核委员会」',
                   ' 依据 "第十一条" 说明 "应当作出书面说明"')
    floor = _floor(cards["丙镇"])
    assert (floor.clause, floor.rule) == ("第十条", "考核总分最低为0分")
    assert cards["丙镇"].total == 0
    assert "连续两年排名最后一位：应当作出书面说明（第十一条）" in cards["丙镇"].flags
    tie, single = cards["甲镇"].flags
    assert tie.endswith("名次界限：奖项待认定，须由局考核委员会认定（第九条）")
    assert single.endswith("须由局考核委员会综合评定确定1名（第九条）")


def test_without_them_the_engine_cites_no_clause_in_neutral_words():
    cards = _cards()
    floor = _floor(cards["丙镇"])
    assert (floor.clause, floor.rule) == ("总分", "总分最低为0分")
    assert cards["丙镇"].flags == ("连续两年排名最后一位",)
    tie, single = cards["甲镇"].flags
    assert tie.endswith("名次界限：奖项待认定，须另行认定")
    assert single.endswith("须另行综合评定确定1名")
    assert not any("（" in flag for card in cards.values() for flag in card.flags)


@pytest.mark.parametrize("line", ['最低总分为零 说明 "x" 依据 "第一条"', '奖项 认定 「委员会」 依据 "第一条" {'])
def test_the_order_is_fixed(line):
    text = POLICY.format(floor="", awards="", previous="")
    text = text.replace("最低总分为零", line) if line.startswith("最低") else text.replace("奖项 {", line)
    with pytest.raises(scorelang.PolicyError):
        scorelang.loads(text)


_WORDS = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80), min_size=1, max_size=8)


@settings(max_examples=15, deadline=None)
@given(clause=_WORDS, shown=_WORDS)
def test_any_clause_and_words_are_cited_as_written(clause, shown):
    card = _cards(f' 依据 "{clause}" 说明 "{shown}"', previous=f' 依据 "{clause}" 说明 "{shown}"')["丙镇"]
    assert (_floor(card).clause, _floor(card).rule) == (clause, shown)
    assert card.flags == (f"连续两年排名最后一位：{shown}（{clause}）",)
