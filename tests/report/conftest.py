"""Hand-built scorecards for the report tests: they need no policy and no engine."""
from __future__ import annotations

from decimal import Decimal as D

import attrs
import pytest

from scorelang.runtime.scorecard import Event, ItemScore, Scorecard, SectionScore, TaskPart, TaskScore


def _cards() -> list[Scorecard]:
    per_person = Event("2.1", "每发现一人次扣0.5分", "deduct", (("漏管脱管人次", 3),), D("-1.5"))
    accident = Event("2.6", "执法人员造成执法责任事故的，每发生一起扣1至3分", "deduct",
                     (("执法责任事故扣分", (D("1"), {"amount": D("2.5"), "reason": "再犯罪"})),),
                     D("-3.5"), reason="社区服刑人员脱管期间再犯罪")
    floor = Event("2.6", "扣完为止：本项最低为0分", "floor", (), D("-0.5"))
    exposed = Event("2.3", "被媒体曝光的，不得分", "zero", (("执法不规范被曝光", False),), D("0"))
    criticised = Event("4.10", "被省厅通报批评，每次扣2分", "deduct",
                       (("省厅通报批评次数", 4), ("有人司法所外网接入率", D("97.5"))), D("-8"))
    cap = Event("4.10", "扣分项扣完为止：扣分以本项分值为限", "cap", (), D("2"))
    commended = Event("第六条", "获省级表彰的加0.4分", "award", (("表彰", ("省级", "一等奖")),), D("0.4"))

    task2 = TaskScore(
        "2", "社区矫正", ("基层科",), D("95.5"), D(100), D(15), D("14.325"),
        (SectionScore("落实社区矫正基本任务", D("11.5"), D(20), (
            ItemScore("2.1", "落实监督管理、教育矫正和社会适应帮扶措施", D("8.5"), D(10), D(0), False, (per_person,)),
            ItemScore("2.3", "依法规范执法", D(10), D(10), D(0), False, (exposed,)),
            ItemScore("2.6", "成立社区矫正机构", D(0), D(5), D("0.4"), False, (accident, floor)),
        )),),
    )
    task4 = TaskScore(
        "4", "信息化建设", ("办公室",), D(94), D(100), D("12.5"), D("11.75"),
        (SectionScore("扣分项目", D(-6), D(0), (
            ItemScore("4.10", "信息化工作被通报批评", D(-6), D(6), D(0), True, (criticised, cap)),
        )),),
    )
    first = Scorecard("西昌市", D("26.475"), (task2, task4), (commended,), rank=1, award="一等奖",
                      flags=("连续两年整改",))
    second = Scorecard("木里县", D("20"), (task2, task4), (), rank=2, award=None)
    return [first, second]


@pytest.fixture
def cards() -> list[Scorecard]:
    return _cards()


def _article_cards() -> list[Scorecard]:
    """Cards with what the articles bring: bonuses (加), a task weighed in parts, 第六条/第七条/
    第十三条 adjustments of every kind, single awards (单项奖) and flags."""
    excellent = Event("1.13", "被评为优秀的加0.4分", "bonus", (("等次", "优秀"),), D("0.4"))
    # 目标任务一 for 木里县: 第1至12项 10%, 第13项 5% (第13项 30分 → 100-point scale)
    parts = (TaskPart("第1至12项", D(95), D(10), D("9.5")), TaskPart("第13项", D(80), D(5), D(4)))
    task1 = TaskScore(
        "1", "队伍建设", ("政治部",), D(90), D(100), D(15), D("13.5"),
        (SectionScore("基础工作", D(95), D(100), (
            ItemScore("1.1", "班子建设", D(95), D(100), D(0), False, ()),
        )), SectionScore("第13项", D(24), D(30), (
            ItemScore("1.13", "队伍管理", D(24), D(30), D(0), False, ()),
        ))),
        parts=parts,
    )
    task1_bonus = attrs.evolve(
        task1, weighted=D("13.52"), bonus=D("0.4"),
        parts=(parts[0], TaskPart("第13项", D(80), D(5), D("4.02"))))
    task2 = TaskScore(
        "2", "社区矫正", ("基层科",), D("95.5"), D(100), D(15), D("14.385"),
        (SectionScore("落实社区矫正基本任务", D("9.5"), D(10), (
            ItemScore("2.1", "落实监督管理", D("9.5"), D(10), D("0.4"), False, (excellent,)),
        )),),
        bonus=D("0.4"), parts=(TaskPart("", D("95.5"), D(15), D("14.385")),),
    )
    task3 = TaskScore("3", "人民调解", ("调解科",), D(100), D(100), D(10), D(10),
                      (SectionScore("调解", D(10), D(10), (
                          ItemScore("3.1", "调解组织", D(10), D(10), D(0), False, ()),)),))

    province = Event("第六条", "表彰", "bonus",
                     (("表彰[1].层级", "省级"), ("表彰[1].等级", "一等奖"), ("表彰[1].工作", "普法")), D(1))
    prefecture = Event("第六条", "表彰（同一工作已按最高计分，本条不重复计分）", "note",
                       (("表彰[2].层级", "州级"), ("表彰[2].等级", "一等奖"), ("表彰[2].工作", "普法")), D(0))
    criticised = Event("第七条", "通报批评一次扣1分", "deduct", (("通报批评次数", 1),), D(-1))
    crime = Event("第七条", "受到刑事处罚，直接降低一个等次评奖", "demote", (("刑事处罚", True),), D(0))
    fraud = Event("第七条", "情节严重，直接排名最后一位", "last", (("弄虚作假", "严重"),), D(0))
    leader = Event("第十三条", "加「主要领导评分」", "bonus", (("主要领导评分", D("1.5")),), D("1.5"),
                   reason="年度述职优秀")
    members = Event("第十三条", "加「班子成员评分」 合计", "bonus",
                    (("班子成员评分", (D("0.3"), D("0.2"))),), D("0.5"))

    muli = Scorecard("木里县", D("40.885"), (task1, task2, task3), (province, prefecture, crime, leader, members),
                     rank=1, award="二等奖",
                     flags=("降低一个等次评奖（第七条：受到刑事处罚，直接降低一个等次评奖）：一等奖→二等奖",),
                     task_awards=("1", "3"), previous_last=False)
    xichang = Scorecard("西昌市", D("36.905"), (task1_bonus, task2, task3), (criticised,),
                        rank=2, award="二等奖", task_awards=("2",), previous_last=False)
    yanyuan = Scorecard("盐源县", D("39.385"), (task1, task2, task3), (fraud, leader), rank=3, award=None,
                        flags=("直接排名最后一位（第七条：情节严重，直接排名最后一位）",
                               "连续两年排名最后一位：应报送原因分析和整改报告（第十八条）"),
                        previous_last=True)
    return [muli, xichang, yanyuan]


@pytest.fixture
def article_cards() -> list[Scorecard]:
    return _article_cards()
