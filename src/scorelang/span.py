"""Source positions: the foundation every later stage uses to point back at the .score text.

Convention (as in Lark): lines and columns start at 1, ``end_column`` is exclusive;
``start``/``end`` are character offsets into the text.
"""
from __future__ import annotations

import bisect
import unicodedata

import attrs


@attrs.frozen
class Span:
    """A region of one source file.

    Attributes:
        file: the file name as given to the parser.
        line, column: where the region starts (1-based).
        end_line, end_column: where it ends (``end_column`` exclusive).
        start, end: character offsets.
    """

    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int = 0
    end: int = 0

    @classmethod
    def unknown(cls, file: str = "<unknown>") -> Span:
        return cls(file, 1, 1, 1, 1, 0, 0)

    def to(self, other: Span) -> Span:
        """The span from the start of ``self`` to the end of ``other``."""
        return Span(self.file, self.line, self.column, other.end_line, other.end_column, self.start, other.end)

    def location(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


def display_width(text: str) -> int:
    """Terminal columns taken by ``text``: CJK and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


@attrs.frozen
class SourceText:
    """A source file's text with a line index, for rendering diagnostics."""

    file: str
    text: str
    _line_starts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        starts = [0]
        for i, ch in enumerate(self.text):
            if ch == "\n":
                starts.append(i + 1)
        object.__setattr__(self, "_line_starts", tuple(starts))

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its newline ('' past the end)."""
        if line < 1 or line > len(self._line_starts):
            return ""
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end < 0 else self.text[start:end]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of a character offset, both 1-based."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        line, col = self.position(start)
        end_line, end_col = self.position(end)
        return Span(self.file, line, col, end_line, end_col, start, end)


def span_field() -> Span:
    """The ``span`` field of a syntax or model node: keyword-only, left out of ``repr`` and of
    equality (two nodes written alike are equal wherever they stand). One definition for every
    node module of every stage."""
    # attrs.field() is typed Any so it can stand for any attribute's value; say which
    field: Span = attrs.field(eq=False, repr=False, kw_only=True)
    return field
