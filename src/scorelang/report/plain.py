"""Plain-text layout for the text report: wrapped text, tables and a boxed heading, as strings.

The text report used to lay itself out with rich (Table, Panel, Text printed to a Console):
right, but ~0.1 s a scorecard, most of it in rich's general machinery (segments, styles,
measuring renderables of any kind). This module does the few layouts the report needs on plain
strings, with rich's rules, so that the report is byte for byte what rich printed
(tests/report/test_plain_layout.py renders random tables, headings and text both ways):

* width is display width (a CJK character takes two cells), rich's own ``cell_len``;
* text wraps at spaces; a word longer than the line is folded (``overflow="fold"``) or
  cropped with an ellipsis; control codes rich strips are stripped; tabs expand to 8;
* a table's columns are measured (widest word, widest line), a flexible column (``ratio``)
  takes the width an expanded table leaves, and a table too wide collapses its wrapping
  columns first — rich's ``_calculate_column_widths``;
* the boxes are rich's SIMPLE_HEAD (a rule under the header, blank edges) for tables and
  HEAVY for the heading's panel.

No styles: the report has no colour, so bold and the like change nothing.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from fractions import Fraction
from math import ceil
from typing import Literal

import attrs
from rich.cells import cell_len as _rich_cell_len
from rich.cells import chop_cells, set_cell_size

Justify = Literal["default", "left", "right"]
Overflow = Literal["fold", "ellipsis"]

# the control codes rich's Text strips (bell, backspace, vertical tab, form feed, carriage return)
_CONTROL = {code: None for code in (7, 8, 11, 12, 13)}
_WORD = re.compile(r"\s*\S+\s*")
_TRAILING_SPACE = re.compile(r"\s+$")
_SPACE = re.compile(r"\s")  # a space or a line break of any kind (str.split and str.splitlines)


# the same titles, rules and figures recur in every scorecard: their widths are looked up once
cell_len = functools.lru_cache(maxsize=16384)(_rich_cell_len)


def clean(text: str) -> str:
    """The text as rich keeps it: without the control codes it strips."""
    return text.translate(_CONTROL)


# ------------------------------------------------------------------ wrapping
def _divide_line(text: str, width: int, fold: bool) -> list[int]:
    """The offsets to break ``text`` at so that each piece fits ``width`` cells (rich's _wrap)."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0)
        word_length = cell_len(word.rstrip())
        if width - offset >= word_length:
            offset += cell_len(word)
        elif word_length > width:
            if fold:
                pieces = chop_cells(word, width)
                for index, piece in enumerate(pieces):
                    if start:
                        breaks.append(start)
                    if index == len(pieces) - 1:
                        offset = cell_len(piece)
                    else:
                        start += len(piece)
            else:
                if start:
                    breaks.append(start)
                offset = cell_len(word)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(word)
    return breaks


def _truncate(line: str, width: int, overflow: Overflow, pad: bool = False) -> str:
    length = cell_len(line)
    if length > width:
        line = set_cell_size(line, width - 1) + "…" if overflow == "ellipsis" else set_cell_size(line, width)
    if pad and length < width:
        line += " " * (width - length)
    return line


def _expand_tabs(line: str, size: int = 8) -> str:
    out = []
    position = 0
    for part in re.split(r"(?<=\t)", line):
        if part.endswith("\t"):
            part = part[:-1] + " "
            position += cell_len(part)
            remainder = position % size
            if remainder:
                part += " " * (size - remainder)
                position += size - remainder
        else:
            position += cell_len(part)
        out.append(part)
    return "".join(out)


def wrap(text: str, width: int, justify: Justify = "default", overflow: Overflow = "fold",
         no_wrap: bool = False) -> list[str]:
    """The lines of ``text`` (already ``clean``) in ``width`` cells; ``left`` pads each line to the
    width, ``right`` pads on the left, ``default`` leaves it as it is."""
    lines: list[str] = []
    for line in text.split("\n"):
        if "\t" in line:
            line = _expand_tabs(line)
        if no_wrap:
            pieces = [line]
        else:
            offsets = [0, *_divide_line(line, width, overflow == "fold"), len(line)]
            pieces = [line[a:b] for a, b in zip(offsets, offsets[1:], strict=False)]
            for index, piece in enumerate(pieces):  # whitespace beyond the width goes
                if len(piece) > width:
                    match = _TRAILING_SPACE.search(piece)
                    if match is not None:
                        cut = min(len(match.group(0)), len(piece) - width)
                        pieces[index] = piece[:len(piece) - cut]
        if justify == "left":
            pieces = [_truncate(piece, width, overflow, pad=True) for piece in pieces]
        elif justify == "right":
            for index, piece in enumerate(pieces):
                piece = _truncate(piece.rstrip(), width, overflow)
                pieces[index] = " " * (width - cell_len(piece)) + piece
        lines.extend(_truncate(piece, width, overflow) for piece in pieces)
    return lines


def _fit(line: str, width: int) -> str:
    """Padded or cropped to exactly ``width`` cells."""
    length = cell_len(line)
    if length < width:
        return line + " " * (width - length)
    return set_cell_size(line, width) if length > width else line


def _measure(text: str, width: int) -> tuple[int, int]:
    """The narrowest and widest ``text`` can be laid out (widest word, widest line), ≤ width."""
    if width < 1:
        return 0, 0
    if not _SPACE.search(text):  # one word on one line (most cells): as wide as it is
        both = min(cell_len(text), width)
        return (0, 0) if both < 1 else (both, both)
    lines = text.splitlines()
    widest = max((cell_len(line) for line in lines), default=0)
    words = text.split()
    narrowest = max(cell_len(word) for word in words) if words else widest
    narrowest, widest = _normalize(narrowest, widest)
    narrowest, widest = min(narrowest, width), min(widest, width)
    if widest < 1:
        return 0, 0
    return _normalize(narrowest, widest)


def _normalize(minimum: int, maximum: int) -> tuple[int, int]:
    minimum = min(max(0, minimum), maximum)
    return max(0, minimum), max(0, max(minimum, maximum))


# ------------------------------------------------------------------ tables
@attrs.frozen
class Column:
    header: str = attrs.field(converter=clean)
    justify: Literal["left", "right"] = "left"
    no_wrap: bool = False
    ratio: int | None = None
    overflow: Overflow = "ellipsis"


@attrs.define
class Table:
    """A table in rich's SIMPLE_HEAD box: a title line, the header, a rule, the rows (a blank line
    after a row that ends a section), blank top and bottom edges."""
    columns: Sequence[Column]
    title: str | None = None
    expand: bool = False
    collapse_padding: bool = False
    pad_edge: bool = True
    rows: list[list[str]] = attrs.field(factory=list)
    ends_section: list[bool] = attrs.field(factory=list)

    def add_row(self, *cells: str) -> None:
        self.rows.append([clean(cell) for cell in cells])
        self.ends_section.append(False)

    def add_section(self) -> None:
        if self.ends_section:
            self.ends_section[-1] = True

    # -------------------------------------------------------------- layout
    def _padding(self, index: int) -> tuple[int, int]:
        """(left, right) blank cells of column ``index``."""
        left, right = 1, 1
        if self.collapse_padding and index:
            left = max(0, left - right)
        if not self.pad_edge:
            if index == 0:
                left = 0
            if index == len(self.columns) - 1:
                right = 0
        return left, right

    def _padding_width(self, index: int) -> int:
        left, right = 1, 1
        if self.collapse_padding:
            left = 0
            right = abs(left - right)
        if not self.pad_edge:
            if index == 0:
                left = 0
            if index == len(self.columns) - 1:
                right = 0
        return left + right

    def _measure_column(self, index: int, width: int) -> tuple[int, int]:
        if width < 1:
            return 0, 0
        extra = sum(self._padding(index))  # the cells' own padding (not _padding_width)
        cells = [self.columns[index].header, *(row[index] for row in self.rows)]
        minima, maxima = [], []
        for cell in cells:
            if width - extra < 1:  # rich's Padding: no room for the text
                low, high = width, width
            else:
                low, high = _measure(cell, width)
                low, high = min(low + extra, width), min(high + extra, width)
            low, high = _measure_range(low, high, width)
            minima.append(low)
            maxima.append(high)
        return min(max(minima), width), min(max(maxima), width)

    def widths(self, width: int) -> list[int]:
        """Each column's width, its padding included, in a table at most ``width`` wide (borders
        excluded)."""
        columns = self.columns
        ranges = [self._measure_column(index, width) for index in range(len(columns))]
        widths = [high or 1 for _, high in ranges]
        if self.expand:
            ratios = [column.ratio or 0 for column in columns if column.ratio is not None]
            if any(ratios):
                fixed = [0 if column.ratio is not None else high
                         for (_, high), column in zip(ranges, columns, strict=True)]
                minimums = [1 + self._padding_width(index) for index, column in enumerate(columns)
                            if column.ratio is not None]
                flexible = iter(_ratio_distribute(width - sum(fixed), ratios, minimums))
                for index, column in enumerate(columns):
                    if column.ratio is not None:
                        widths[index] = fixed[index] + next(flexible)
        total = sum(widths)
        if total > width:
            widths = _collapse(widths, [not column.no_wrap for column in columns], width)
            total = sum(widths)
            if total > width:  # last resort: every column gives up the same share
                widths = _ratio_reduce(total - width, [1] * len(widths), widths, widths)
                total = sum(widths)
            widths = [self._measure_column(index, w)[1] or 0 for index, w in enumerate(widths)]
        if total < width and self.expand:
            pad = _ratio_distribute(width - total, widths)
            widths = [w + p for w, p in zip(widths, pad, strict=True)]
        return widths

    def lines(self, width: int) -> list[str]:
        """The table in at most ``width`` cells a line (before trailing blanks are trimmed)."""
        if not self.columns:
            return [""]
        extra = 2 + len(self.columns) - 1  # the edges and a divider between columns
        widths = self.widths(width - extra)
        if any(w - sum(self._padding(index)) < 1 for index, w in enumerate(widths)):
            return self._rich_lines(width)  # a column squeezed to nothing: rich's own corner cases
        out: list[str] = []
        if self.title:
            out.extend(wrap(clean(self.title), sum(widths) + extra, justify="left"))
        out.append(" " * (sum(widths) + extra))  # the blank top edge
        rows = [[column.header for column in self.columns], *self.rows]
        for number, row in enumerate(rows):
            cells: list[list[str]] = []
            for index, (text, column, cell_width) in enumerate(zip(row, self.columns, widths, strict=True)):
                left, right = self._padding(index)
                inner = cell_width - left - right
                cells.append([" " * left + line + " " * right for line in _cell_lines(text, inner, column)])
            height = max(len(cell) for cell in cells)
            for cell, cell_width in zip(cells, widths, strict=True):
                blank = [" " * cell_width] * (height - len(cell))
                cell[:] = blank + cell if number == 0 else cell + blank  # the header sits at the bottom
            out.extend(" " + " ".join(cell[line] for cell in cells) + " " for line in range(height))
            if number == 0:
                out.append(" " + "─".join("─" * w for w in widths) + " ")
            elif self.ends_section[number - 1] and number < len(rows) - 1:
                out.append(" " * (sum(widths) + extra))
        out.append(" " * (sum(widths) + extra))  # the blank bottom edge
        return out

    def _rich_lines(self, width: int) -> list[str]:
        """The table laid out by rich itself: only where a column has no room left for its text
        (a report a few dozen cells wide), whose layout rich defines by its corner cases."""
        from rich import box
        from rich.table import Table as RichTable
        from rich.text import Text

        table = RichTable(title=Text(self.title) if self.title else None, title_justify="left", box=box.SIMPLE_HEAD,
                          expand=self.expand, collapse_padding=self.collapse_padding, pad_edge=self.pad_edge)
        for column in self.columns:
            table.add_column(Text(column.header), justify=column.justify, no_wrap=column.no_wrap,
                             ratio=column.ratio, overflow=column.overflow)
        for row, ends in zip(self.rows, self.ends_section, strict=True):
            table.add_row(*(Text(cell) for cell in row), end_section=ends)
        return _rich_render(table, width)


def _rich_render(renderable: object, width: int) -> list[str]:
    import io

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, force_jupyter=False, color_system=None,
                      highlight=False, emoji=False, markup=False, legacy_windows=False)
    console.print(renderable)
    return buffer.getvalue().split("\n")[:-1]


def _cell_lines(text: str, width: int, column: Column) -> list[str]:
    """A cell's text laid out in ``width`` cells, each line exactly that wide."""
    if len(text) <= width and "\n" not in text and "\t" not in text and cell_len(text) <= width:
        if column.justify == "right":  # fits on one line: no wrapping to do
            text = text.rstrip()
            return [" " * (width - cell_len(text)) + text]
        return [text + " " * (width - cell_len(text))]
    return [_fit(line, width) for line in wrap(text, width, justify=column.justify, overflow=column.overflow,
                                               no_wrap=column.no_wrap)]


def _measure_range(low: int, high: int, width: int) -> tuple[int, int]:
    """rich's Measurement.get after a renderable measured itself: normalized, at most ``width``."""
    low, high = _normalize(low, high)
    low, high = min(low, width), min(high, width)
    if high < 1:
        return 0, 0
    return _normalize(low, high)


def _collapse(widths: list[int], wrapable: list[bool], width: int) -> list[int]:
    """Narrow the widest wrapping columns until the table fits (rich's Table._collapse_widths)."""
    total = sum(widths)
    excess = total - width
    if any(wrapable):
        while total and excess > 0:
            widest = max(w for w, can in zip(widths, wrapable, strict=True) if can)
            second = max(w if can and w != widest else 0 for w, can in zip(widths, wrapable, strict=True))
            difference = widest - second
            ratios = [1 if (w == widest and can) else 0 for w, can in zip(widths, wrapable, strict=True)]
            if not any(ratios) or not difference:
                break
            widths = _ratio_reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
            total = sum(widths)
            excess = total - width
    return widths


def _ratio_reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    ratios = [ratio if maximum else 0 for ratio, maximum in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(maximum, round(Fraction(ratio * remaining, total_ratio)))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def _ratio_distribute(total: int, ratios: list[int], minimums: list[int] | None = None) -> list[int]:
    if minimums:
        ratios = [ratio if minimum else 0 for ratio, minimum in zip(ratios, minimums, strict=True)]
    total_ratio = sum(ratios)
    remaining = total
    result = []
    for ratio, minimum in zip(ratios, minimums or [0] * len(ratios), strict=True):
        distributed = max(minimum, ceil(Fraction(ratio * remaining, total_ratio))) if total_ratio > 0 else remaining
        result.append(distributed)
        total_ratio -= ratio
        remaining -= distributed
    return result


# ------------------------------------------------------------------ the heading's box
def panel(text: str, width: int) -> list[str]:
    """``text`` in a heavy box as narrow as it allows, one blank cell each side inside
    (rich's Panel with expand=False)."""
    text = clean(text)
    inside = width - 2
    low, high = _measure(text, inside)
    measured = _measure_range(min(low + 2, inside), min(high + 2, inside), inside)[1]
    if measured - 2 < 1:  # no room for the text: rich's own corner cases
        from rich import box
        from rich.panel import Panel
        from rich.text import Text

        return _rich_render(Panel(Text(text), box=box.HEAVY, expand=False), width)
    body = [" " + _fit(line, measured - 2) + " " for line in wrap(text, measured - 2)]
    return ["┏" + "━" * measured + "┓", *("┃" + line + "┃" for line in body), "┗" + "━" * measured + "┛"]


# ------------------------------------------------------------------ the page
def page(parts: Iterable[list[str]], width: int) -> str:
    """Parts one after another, a blank line after each, each line at most ``width`` cells, trailing
    blanks trimmed (as the report printed through a rich Console)."""
    buffer = []
    for lines in parts:
        for line in lines:
            buffer.append(line if cell_len(line) <= width else set_cell_size(line, width))
        buffer.append("")
    text = "\n".join(buffer) + "\n"
    return "\n".join(line.rstrip() for line in text.rstrip().splitlines()) + "\n"


def paragraph(text: str, width: int) -> list[str]:
    """Text on its own, wrapped at ``width``."""
    return wrap(clean(text), width)
