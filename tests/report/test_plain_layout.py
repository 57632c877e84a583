"""report/plain.py lays out text, tables and the heading's box exactly as rich did.

The text report was printed through rich (Table, Panel, Text on a Console); plain.py does the same
layouts on strings, ~7× faster. These tests draw text with CJK, spaces, long words, line breaks,
tabs and control codes, at widths from cramped to wide, and compare plain.py's lines with rich's
(rich stays a dependency: the outline and the progress bar use it). A table squeezed so that a
column has no room left is handed to rich itself (``Table._rich_lines``): those are drawn too,
and then both sides are rich.
"""
from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from rich import box
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from scorelang.report.plain import Column, Table, page, panel, paragraph

# words as the report has them: Chinese, ASCII, figures, full-width punctuation, a wide and a
# zero-width character, the odd tab or control code
_WORD = st.text(alphabet=st.sampled_from(list("考评扣分项目（）：；、abcXYZ019.-+/=×·…“”") + ["\t", "\r", "\u0301", "𠀀"]),
                min_size=1, max_size=14)
_TEXT = st.lists(st.tuples(_WORD, st.sampled_from([" ", "  ", "\n", "", " \n"])), max_size=8).map(
    lambda parts: "".join(word + gap for word, gap in parts))
_WIDTH = st.integers(min_value=8, max_value=130)


def _rich(renderable: object, width: int) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, force_jupyter=False, color_system=None,
                      highlight=False, emoji=False, markup=False, legacy_windows=False)
    console.print(renderable)
    console.print()
    return "\n".join(line.rstrip() for line in buffer.getvalue().rstrip().splitlines()) + "\n"


@given(text=_TEXT, width=_WIDTH)
def test_paragraphs_wrap_as_rich_wraps_them(text, width):
    assert page([paragraph(text, width)], width) == _rich(Text(text), width)


@given(text=_TEXT, width=st.integers(min_value=3, max_value=130))
def test_the_heading_box_is_richs_panel(text, width):
    assert page([panel(text, width)], width) == _rich(Panel(Text(text), box=box.HEAVY, expand=False), width)


_COLUMN = st.builds(Column, header=_WORD, justify=st.sampled_from(["left", "right"]), no_wrap=st.booleans(),
                    ratio=st.sampled_from([None, None, 1]), overflow=st.sampled_from(["fold", "ellipsis"]))


@st.composite
def _tables(draw) -> Table:
    columns = draw(st.lists(_COLUMN, min_size=1, max_size=5))
    table = Table(columns, title=draw(st.one_of(st.none(), _TEXT)), expand=draw(st.booleans()),
                  collapse_padding=draw(st.booleans()), pad_edge=draw(st.booleans()))
    for _ in range(draw(st.integers(0, 5))):
        table.add_row(*draw(st.lists(st.one_of(st.just(""), _TEXT), min_size=len(columns), max_size=len(columns))))
        if draw(st.booleans()):
            table.add_section()
    return table


@given(table=_tables(), width=_WIDTH)
def test_tables_are_laid_out_as_rich_lays_them_out(table, width):
    assert page([table.lines(width)], width) == page([table._rich_lines(width)], width)


def test_the_report_tables_are_the_fast_layout_at_the_usual_widths():
    # the report's task table at 60 and 100 cells: no column squeezed to nothing, so no rich
    table = Table([Column("项", no_wrap=True), Column("内容", ratio=1, overflow="fold"),
                   Column("增减", justify="right", no_wrap=True), Column("得分", justify="right", no_wrap=True)],
                  title="目标任务一 法律七进  ·  99.50 / 100.00 × 15% = 14.93", expand=True, pad_edge=False)
    table.add_row("1.2", "“法律七进”工作台账完整，上报及时、准确" * 3, "", "6.00 / 6.00")
    table.add_row("", "  每次报送1分（七进基础数据按时报送次数=2）", "+2.00", "")
    for width in (60, 100):
        extra = 2 + 3
        widths = table.widths(width - extra)
        assert all(w - sum(table._padding(i)) >= 1 for i, w in enumerate(widths))
        assert page([table.lines(width)], width) == page([table._rich_lines(width)], width)
