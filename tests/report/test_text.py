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


def panel(text: str, entity: str) -> list[str]:
    """The lines of an entity's heading panel, without its border."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("┃ " + entity + " "))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("┗"))
    return [line.strip("┃ ") for line in lines[start:end]]


def test_heading_has_total_rank_award_and_flags(cards):
    text = render_text(cards, title=TITLE, places=2, width=160)
    heading, *flags = panel(text, "西昌市")
    assert "26.48" in heading and "第 1 名" in heading and "一等奖" in heading
    assert flags == ["※ 标记：连续两年整改"]  # each flag on a line of its own, marked
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


# ------------------------------------------------------------------ bonuses, parts, articles, awards
def test_task_in_parts_shows_each_part_in_its_heading(article_cards):
    text = render_text(article_cards, title=TITLE, places=2, width=160)
    assert "第1至12项 95.00 × 10% + 第13项 80.00 × 5% = 13.50" in text
    assert "目标任务一 队伍建设  ·  牵头 政治部  ·  90.00 / 100.00" in text
    # a bonus in a task weighed in parts counts at its part's weight
    assert "第1至12项 95.00 × 10% + 第13项 80.00 × 5% + 加分 0.40 × 所在部分权重 = 13.52" in text


def test_bonus_in_task_heading_and_under_items(article_cards):
    text = render_text(article_cards, title=TITLE, places=2, width=160)
    heading = next(line for line in text.splitlines() if line.startswith("目标任务二 社区矫正"))
    assert heading.endswith("95.50 / 100.00  ·  加分 +0.40")
    assert "(95.50 + 0.40) × 15% = 14.39" in text
    lines = text.splitlines()
    item = next(i for i, line in enumerate(lines) if line.lstrip().startswith("2.1 "))
    assert "〔加分〕被评为优秀的加0.4分（等次=优秀）" in lines[item + 1] and "+0.40" in lines[item + 1]
    assert lines[item + 2].endswith("+0.40 加分")
    # no 加分 figure where there is none
    third = next(line for line in lines if line.startswith("目标任务三 人民调解"))
    assert "加分" not in third and third.endswith("100.00 / 100.00 × 10% = 10.00")


def test_adjustments_show_clause_rule_points_and_kind(article_cards):
    text = render_text(article_cards, title=TITLE, places=2, width=160)
    lines = text.splitlines()

    def line_with(needle):
        return next(line for line in lines if needle in line)

    demote = line_with("〔降等〕受到刑事处罚，直接降低一个等次评奖（刑事处罚=是）")
    assert demote.lstrip().startswith("第七条") and demote.endswith("0.00")
    last = line_with("〔排末位〕情节严重，直接排名最后一位（弄虚作假=严重）")
    assert last.lstrip().startswith("第七条")
    note = line_with("〔不计〕表彰（同一工作已按最高计分，本条不重复计分）")
    assert note.lstrip().startswith("第六条") and note.endswith("0.00") and "+0.00" not in note
    province = line_with("〔加分〕表彰（表彰[1]={层级: 省级, 等级: 一等奖, 工作: 普法}）")
    assert province.lstrip().startswith("第六条") and province.endswith("+1.00")
    leader = line_with("〔加分〕加「主要领导评分」（主要领导评分=1.5）")
    assert leader.lstrip().startswith("第十三条") and leader.endswith("+1.50")
    assert "班子成员评分=[0.3, 0.2]" in text
    assert "理由：年度述职优秀" in text
    # the sum, and how the total is made of the tasks and the adjustments
    assert "各任务加权得分 37.89 + 总分加减 3.00 = 总分 40.89" in text
    assert "各任务加权得分 37.91 - 总分加减 1.00 = 总分 36.91" in text


def test_heading_panel_has_award_single_awards_and_flags(article_cards):
    text = render_text(article_cards, title=TITLE, places=2, width=160)
    heading, *flags = panel(text, "木里县")
    assert "奖项 二等奖" in heading and "单项奖 一、三" in heading and "第 1 名" in heading
    assert flags == ["※ 标记：降低一个等次评奖（第七条：受到刑事处罚，直接降低一个等次评奖）：一等奖→二等奖"]
    heading, *flags = panel(text, "盐源县")
    assert "奖项 —" in heading and "单项奖" not in heading and "第 3 名" in heading
    assert flags == ["※ 标记：直接排名最后一位（第七条：情节严重，直接排名最后一位）",
                     "※ 标记：连续两年排名最后一位：应报送原因分析和整改报告（第十八条）"]
    heading, *flags = panel(text, "西昌市")
    assert "单项奖 二" in heading and flags == []


def test_summary_has_single_awards_and_flags_below(article_cards):
    summary = render_summary(article_cards, 2, width=140)
    lines = summary.splitlines()
    header = next(line for line in lines if "对象" in line)
    assert "标记" in header
    rows = {name: next(line for line in lines if line.split()[1:2] == [name]) for name in ("木里县", "西昌市", "盐源县")}
    assert "二等奖" in rows["木里县"] and "※" in rows["木里县"]
    assert "※" not in rows["西昌市"]
    assert rows["盐源县"].split()[0] == "3" and "※※" in rows["盐源县"]
    # the single awards follow the table, task by task
    singles = {line.split("：")[0]: line.split("：")[1] for line in lines if line.startswith("单项奖 ")}
    assert "木里县" in singles["单项奖 一"] and "木里县" in singles["单项奖 三"]
    assert "西昌市" in singles["单项奖 二"]
    # then every flag on its own line, naming its entity (no space after the mark, so it never
    # stands alone on a line)
    assert "※木里县：降低一个等次评奖（第七条：受到刑事处罚，直接降低一个等次评奖）：一等奖→二等奖" in lines
    assert "※盐源县：直接排名最后一位（第七条：情节严重，直接排名最后一位）" in lines
    assert summary.strip() in render_text(article_cards, title=TITLE, places=2, width=140)


def test_no_single_award_column_when_none_won(cards):
    assert "单项奖" not in render_summary(cards, 2, width=120)  # neither a column nor lines
    assert "单项奖" not in render_text(cards, title=TITLE, places=2, width=160)


def test_articles_in_english(article_cards):
    text = render_text(article_cards, title=TITLE, places=2, lang="en", width=160)
    for needle in ("[demoted one tier] 受到刑事处罚", "[ranked last] 情节严重", "[not counted] 表彰",
                   "[bonus] 表彰 (表彰[1]={层级: 省级, 等级: 一等奖, 工作: 普法})",
                   "single awards 1, 3", "award 二等奖", "* flag: 直接排名最后一位",
                   "*盐源县: 直接排名最后一位", "bonus +0.40", "+0.40 bonus",
                   "bonus 0.40 × its part's weight = 13.52", "Adjustments to the total",
                   "weighted tasks 37.91 - adjustments 1.00 = total 36.91", "刑事处罚=yes"):
        assert needle in text, needle
    for word in ("总分", "奖项", "单项奖", "标记", "加分", "〔"):
        assert word not in text, word


def test_articles_fit_the_width(article_cards):
    for lang in ("zh", "en"):
        for width in (60, 80, 100):
            text = render_text(article_cards, title=TITLE, places=2, lang=lang, width=width)
            too_wide = [line for line in text.splitlines() if cell_len(line) > width]
            assert too_wide == [], (lang, width)


def test_task_numbers_and_record_fact_grouping():
    from decimal import Decimal

    from scorelang.report.common import group_record_facts, task_numbers
    assert task_numbers(("1", "3")) == "一、三" and task_numbers(("1", "3"), "en") == "1, 3"
    assert task_numbers(()) == "—" and task_numbers(("12", "x")) == "十二、x"
    facts = (("表彰[1].层级", "省级"), ("表彰[1].工作", "普法"), ("表彰[2].层级", "州级"),
             ("刑事处罚", True), ("班子成员评分", (Decimal("0.3"),)), ("a.b", 1))
    assert group_record_facts(facts) == [("表彰[1]", {"层级": "省级", "工作": "普法"}), ("表彰[2]", {"层级": "州级"}),
                                         ("刑事处罚", True), ("班子成员评分", (Decimal("0.3"),)), ("a.b", 1)]


# ------------------------------------------------------------------ event kinds and the ladder's detail
def test_every_event_kind_has_a_label_in_both_languages():
    from scorelang.report.text import _KIND_LABELS
    from scorelang.runtime.scorecard import EventKind
    for labels in _KIND_LABELS.values():
        assert set(labels) == set(EventKind)


def test_every_partial_mode_has_words():
    from scorelang.model.nodes import PARTIAL_MODES
    from scorelang.report.common import PARTIAL_WORDS
    for words in PARTIAL_WORDS.values():
        assert set(words) == set(PARTIAL_MODES)


def _ladder(**changes):
    from decimal import Decimal as D

    from scorelang.runtime.scorecard import LadderDetail
    values = dict(measured=D("82.00"), target=D("100"), unit="%", upward=False, percentage_points=True,
                  gap=D("18.00"), step=D("5"), steps=D("4"), partial="ceil")
    return LadderDetail(**{**values, **changes})


def test_ladder_phrases():
    from decimal import Decimal as D

    from scorelang.report.common import ladder_text
    assert ladder_text(_ladder(), 2) == "实际 82% 目标 100% 差 18 个百分点 计 4 档（不足一档按一档计）"
    assert ladder_text(_ladder(measured=D("3.5"), target=D("2"), upward=True, gap=D("1.5"), steps=D("2")), 2) == \
        "实际 3.5% 上限 2% 超 1.5 个百分点 计 2 档（不足一档按一档计）"
    assert ladder_text(_ladder(measured=280, target=D("300"), unit="件", gap=D(20) / 3, steps=D(1),
                               partial="floor"), 2) == "实际 280 件 目标 300 件 差 6.67 个百分点 计 1 档（不足一档不计）"
    assert ladder_text(_ladder(measured=0, target=D(2), unit="次", percentage_points=False, gap=D(2), step=D(1),
                               steps=D(2), partial="exact"), 2) == "实际 0 次 目标 2 次 差 2 次 计 2 档"
    assert ladder_text(_ladder(steps=D("3.6"), partial="proportional"), 2) == \
        "实际 82% 目标 100% 差 18 个百分点 计 3.6 档（不足一档按比例计）"
    assert ladder_text(_ladder(), 2, lang="en") == \
        "measured 82% · target 100% · 18 percentage points short · 4 steps (a partial step counts as one)"


def test_ladder_detail_is_shown_under_its_rule(cards):
    from decimal import Decimal as D

    from scorelang.runtime.scorecard import Event, EventKind
    card = cards[0]
    task = card.tasks[0]
    section = task.sections[0]
    item = section.items[0]
    event = Event(item.id, "社区矫正执法人员培训率达到100%", EventKind.DEDUCT, (("执法人员培训率", D("82.00")),),
                  D("-0.9"), detail=_ladder(step=D(1), steps=D(18), partial="proportional"))
    item = attrs.evolve(item, events=(event,))
    card = attrs.evolve(card, tasks=(attrs.evolve(task, sections=(attrs.evolve(section, items=(item,)),)),))
    text = render_text([card], title=TITLE, places=2, width=160)
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "社区矫正执法人员培训率达到100%（执法人员培训率=82.00）" in line)
    assert "实际 82% 目标 100% 差 18 个百分点 计 18 档（不足一档按比例计）" in lines[at + 1]
    english = render_text([card], title=TITLE, places=2, width=160, lang="en")
    assert "measured 82% · target 100% · 18 percentage points short · 18 steps (a partial step counts pro rata)" in english
