"""report/text.py: the report a person reads, from hand-made scorecards."""
from __future__ import annotations

import attrs
from rich.cells import cell_len

from scorelang.report.text import render_summary, render_text

TITLE = "2017年度全州司法行政系统绩效考评办法"


def test_contains_entities_items_rules_and_facts(cards):
    text = render_text(cards, title=TITLE, places=2, width=160)
    assert text.startswith(TITLE)
    for needle in ("西昌市", "木里县", "2.1", "2.3", "2.6", "4.10",
                   "每发现一人次扣0.5分", "漏管脱管人次=3", "执法人员造成执法责任事故的，每发生一起扣1至3分",
                   "社区服刑人员脱管期间再犯罪", "执法不规范被曝光=否", "有人司法所外网接入率=97.5",
                   "目标任务二 社区矫正", "目标任务四 信息化建设", "基层科", "办公室"):
        assert needle in text, needle


def test_figures_have_exactly_the_places(cards):
    text = render_text(cards, title=TITLE, places=2, width=160)
    for needle in ("8.50 / 10.00", "-1.50", "-3.50", "26.48", "14.33", "× 15%", "× 12.5%", "+0.40"):
        assert needle in text, needle
    one = render_text(cards, title=TITLE, places=1, width=160)
    assert "8.5 / 10.0" in one and "26.5" in one and "8.50" not in one


def test_heading_has_total_rank_award_and_flags(cards):
    text = render_text(cards, title=TITLE, places=2, width=160)
    heading = next(line for line in text.splitlines() if "西昌市" in line and "总分" in line and "名" in line)
    assert "26.48" in heading and "第 1 名" in heading and "一等奖" in heading and "连续两年整改" in heading
    second = next(line for line in text.splitlines() if "木里县" in line and "总分" in line and "名" in line)
    assert "—" in second  # no award


def test_floor_cap_and_deduction_only_are_labelled(cards):
    text = render_text(cards, title=TITLE, places=2, width=160)
    assert "〔保底〕扣完为止：本项最低为0分" in text
    assert "〔封顶〕扣分项扣完为止" in text
    assert "信息化工作被通报批评〔扣分项〕" in text


def test_adjustments_are_shown(cards):
    text = render_text(cards, title=TITLE, places=2, width=160)
    assert "第六条" in text and "获省级表彰的加0.4分" in text and "+0.40" in text


def test_summary_comes_first_when_there_are_several_cards(cards):
    text = render_text(cards, title=TITLE, places=2, width=120)
    summary = render_summary(cards, 2, width=120)
    assert summary.strip() in text
    assert text.index(summary.strip()) < text.index("每发现一人次扣0.5分")
    rows = [line for line in summary.splitlines() if "西昌市" in line or "木里县" in line]
    assert "西昌市" in rows[0] and "26.48" in rows[0] and "一等奖" in rows[0]
    assert "木里县" in rows[1] and "20.00" in rows[1]


def test_no_summary_for_a_single_card(cards):
    text = render_text(cards[:1], title=TITLE, places=2, width=120)
    assert render_summary(cards[:1], 2, width=120).strip() not in text


def test_unranked_card(cards):
    lone = attrs.evolve(cards[1], rank=None)
    text = render_text([lone], title=TITLE, places=2)
    assert "未排名" in text


def test_lines_fit_the_width_counting_cjk_as_two_columns(cards):
    for width in (60, 80, 100):
        text = render_text(cards, title=TITLE, places=2, width=width)
        too_wide = [line for line in text.splitlines() if cell_len(line) > width]
        assert too_wide == [], width


def test_plain_text_without_ansi_or_trailing_blanks(cards):
    text = render_text(cards, title=TITLE, places=2)
    assert "\x1b" not in text
    assert all(line == line.rstrip() for line in text.splitlines())


def test_user_text_is_not_rich_markup(cards):
    item = cards[0].tasks[0].sections[0].items[0]
    event = attrs.evolve(item.events[0], rule="[bold]每发现一人次扣0.5分[/bold] :smile:")
    task = attrs.evolve(cards[0].tasks[0], sections=(attrs.evolve(
        cards[0].tasks[0].sections[0], items=(attrs.evolve(item, events=(event,)),)),))
    card = attrs.evolve(cards[0], tasks=(task,))
    text = render_text([card], title="[red]T[/red]", places=2, width=160)
    assert "[bold]每发现一人次扣0.5分[/bold] :smile:" in text
    assert "[red]T[/red]" in text


def test_english(cards):
    text = render_text(cards, title=TITLE, places=2, lang="en", width=160)
    for needle in ("Task 2 社区矫正", "total 26.48", "rank 1", "[floor]", "[cap]", "[deduction only]",
                   "reason: 社区服刑人员脱管期间再犯罪", "执法不规范被曝光=no", "Ranking"):
        assert needle in text, needle
    assert "总分" not in text


def test_zero_points_event_is_unsigned(cards):
    text = render_text(cards, title=TITLE, places=2, width=160)
    line = next(line for line in text.splitlines() if "被媒体曝光的，不得分" in line)
    assert "0.00" in line and "+0.00" not in line and "-0.00" not in line
