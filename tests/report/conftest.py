"""Hand-built scorecards for the report tests: they need no policy and no engine."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from scorelang.runtime.scorecard import Event, ItemScore, Scorecard, SectionScore, TaskScore


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
