"""check's warnings on quotas and awards that need the declared entities, groups and highest total
(SL441–SL444, docs §23.5): each said at the construct, with its hint, and not said where the
policy is right (or where the entities are known only from the facts file)."""
from __future__ import annotations

from pathlib import Path

import pytest

import scorelang
from scorelang.policy import loads

ROOT = Path(__file__).resolve().parents[2]
BASE = """考评办法 "某镇2025年度村（社区）工作考核办法" {
  保留 2 位小数 四舍五入
}
对象 「村」 { 「红星村」 「光明村」 「向阳村」 「新民社区」 }
分组 「平坝村」 { 「红星村」 「光明村」 }
分组 「山区村」 { 「向阳村」 }
计入总分权重 { 目标任务一 100% }
目标任务 一 "基层治理" {
  牵头 「党政办」
  事实 { 「信访件数」 计数 单位 "件" }
  部分 "基层治理" 100分 { 第1项 "信访化解" 100分 { 每「信访件数」扣5分 扣完为止 } }
}
等次 {
  "优秀" 90 分以上
  "合格" 90 分以下（不含）
}
"""
NEW = ("SL441", "SL442", "SL443", "SL444", "SL445")


def warned(text: str) -> dict[str, scorelang.Diagnostic]:
    return {d.code: d for d in loads(text, "p.score").warnings if d.code in NEW}


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def test_a_floor_above_the_declared_highest_total_is_sl441():
    text = BASE.replace("保留 2 位小数 四舍五入", "保留 2 位小数 四舍五入\n  考评总分 最高 95 分") + \
        '奖项 { 综合奖 "一等奖" 1 名 并列 提交认定  考评总分 低于 96 分 不评奖 }\n'
    d = warned(text)["SL441"]
    assert (d.span.line, d.span.column) == (line_of(text, "考评总分 低于"), text.splitlines()[-1].index("考评总分") + 1)
    assert "95" in d.message and "最高" in d.message and "96" in d.message_en


def test_a_floor_above_the_full_score_is_sl441_and_at_the_full_score_is_not():
    assert "SL441" in warned(BASE + '奖项 { 综合奖 "一等奖" 1 名 并列 提交认定  考评总分 低于 100.5 分 不评奖 }\n')
    assert not warned(BASE + '奖项 { 综合奖 "一等奖" 1 名 并列 提交认定  考评总分 低于 100 分 不评奖 }\n')


def test_a_bonus_makes_the_highest_total_unknown_without_a_declared_one():
    text = BASE.replace('「信访件数」 计数 单位 "件"', '「信访件数」 计数 单位 "件"  「表彰次数」 计数 单位 "次" 至多 3') \
        .replace("扣完为止 }", "扣完为止  每「表彰次数」加1分 }")
    assert not warned(text + '奖项 { 综合奖 "一等奖" 1 名 并列 提交认定  考评总分 低于 101 分 不评奖 }\n')


def test_a_percentage_rounding_to_no_place_is_sl442_with_the_places_and_how_to_write_it():
    text = BASE + '名额 { "优秀" 不超过 总数的 20% 向下取整 并列 提交认定 }\n'
    d = warned(text)["SL442"]
    assert d.span.line == line_of(text, '"优秀" 不超过')
    assert "0.8 名" in d.message and "4 个对象" in d.message
    assert "向上取整" in d.hint and "不超过 1 名" in d.hint and "round up" in d.hint_en
    assert not warned(BASE + '名额 { "优秀" 不超过 总数的 20% 向上取整 并列 提交认定 }\n')


def test_a_percentage_rounding_to_no_place_in_a_group_names_the_group():
    d = warned(BASE + '名额 { "优秀" 「山区村」 不超过 总数的 40% 四舍五入 并列 提交认定 }\n')["SL442"]
    assert "「山区村」 1 个对象" in d.message


def test_entities_from_the_facts_file_are_not_counted():
    text = BASE.replace("对象 「村」 { 「红星村」 「光明村」 「向阳村」 「新民社区」 }", "对象 「村」 由事实文件列出") \
        .replace("分组 「平坝村」 { 「红星村」 「光明村」 }\n分组 「山区村」 { 「向阳村」 }\n", "")
    assert not warned(text + '名额 { "优秀" 不超过 总数的 20% 向下取整 并列 提交认定 }\n')


def test_each_group_awards_with_ungrouped_entities_is_sl443_naming_them():
    text = BASE + '奖项 { 综合奖 "一等奖" 每组 1 名 并列 提交认定 }\n'
    d = warned(text)["SL443"]
    assert "「新民社区」" in d.message and "不评综合奖" in d.message and "no group" in d.message_en
    assert d.span.line == line_of(text, '综合奖 "一等奖" 每组')
    grouped = BASE.replace("分组 「山区村」 { 「向阳村」 }", "分组 「山区村」 { 「向阳村」 「新民社区」 }")
    assert not warned(grouped + '奖项 { 综合奖 "一等奖" 每组 1 名 并列 提交认定 }\n')


def test_each_group_quota_with_ungrouped_entities_is_sl443():
    d = warned(BASE + '名额 { "优秀" 每组 不超过 1 名 并列 全部计入 }\n')["SL443"]
    assert "「优秀」的名额" in d.message and "不受这一名额限制" in d.message


def test_a_count_quota_above_the_entities_is_sl444_and_equal_is_not():
    text = BASE + '名额 { "优秀" 不超过 5 名 并列 全部计入 }\n'
    d = warned(text)["SL444"]
    assert "5 名" in d.message and "4 个对象" in d.message and "limits nothing" in d.message_en
    assert not warned(BASE + '名额 { "优秀" 不超过 4 名 并列 全部计入 }\n')
    assert "SL444" in warned(BASE + '名额 { "优秀" 「平坝村」 不超过 3 名 并列 全部计入 }\n')


@pytest.fixture(scope="module")
def policy_2017() -> scorelang.Policy:
    return loads((ROOT / "policies" / "2017.score").read_text(encoding="utf-8"), "2017.score")


def test_2017_gets_none_of_them(policy_2017):
    assert not [d.code for d in policy_2017.warnings if d.code in NEW]


def test_a_tier_by_rank_band_beyond_the_entities_is_sl445():
    text = BASE + '奖项 { 综合奖 "一等奖" 第1至3名  综合奖 "二等奖" 第4至5名  综合奖 "三等奖" 第6至8名 }\n'
    found = [d for d in loads(text, "p.score").warnings if d.code == "SL445"]
    assert len(found) == 1 and "「三等奖」" in found[0].message and "4 个对象" in found[0].message
    assert found[0].span.line == line_of(text, "奖项")


def test_a_tier_by_count_after_every_place_is_filled_is_sl445_unless_a_tie_can_pass_entities_on():
    full = BASE + ('奖项 { 综合奖 "一等奖" 2 名 并列 全部计入  综合奖 "二等奖" 2 名 并列 全部计入'
                   '  综合奖 "三等奖" 1 名 并列 全部计入 }\n')
    d = warned_445(full)
    assert d is not None
    assert "「三等奖」" in d.message and "第 5 名" in d.message and "no entity can get it" in d.message_en
    # 全部不计入: the tied entities of 二等奖 go on to 三等奖, which they can get
    assert not warned_445(full.replace('"二等奖" 2 名 并列 全部计入', '"二等奖" 2 名 并列 全部不计入'))


def warned_445(text: str) -> scorelang.Diagnostic | None:
    return next((d for d in loads(text, "p.score").warnings if d.code == "SL445"), None)
