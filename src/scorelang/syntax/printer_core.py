"""The printer's machinery: lines, indentation, comments, blank lines and spellings.

``syntax.printer`` says what each node prints; ``Printer`` here says how lines are laid out:
two spaces per level, one statement per line, a blank line kept where the author left one
(at most one), every comment kept — a comment on its own line stays before the statement it
precedes, a comment after a statement stays at the end of its line — and each word printed as
the author spelled it (``Layout``) or, without a layout, in its canonical spelling.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from ..numbers import chinese_numeral, chinese_ordinal
from ..span import Span, display_width
from .layout import Layout, Written

INDENT = "  "
_SOFT = " \t\r\u3000，,、；;。：:"  # white space and soft punctuation (the grammar's WS, but newlines)
#: the display width (CJK characters count two) a list of names or choices may fill on one line
WIDTH = 100
#: a string, name or number may be printed with either of these
QUOTES = {'"': '"', "“": "”"}
BRACKETS = {"「": "」", "【": "】"}


def plain(value: Decimal) -> str:
    """A Decimal as written in a .score file: digits and places as held, never an exponent."""
    return format(value, "f")


class Printer:
    """Collects the printed lines of one policy.

    Attributes:
        layout: the source's comments and spellings, or None (a tree built by code).
        lines: the lines printed so far (without newlines).
        depth: the current indentation level.
    """

    def __init__(self, layout: Layout | None,
                 inline: dict[type, Callable[[Printer, Any], str]],
                 statements: dict[type, Callable[[Printer, Any], None]]) -> None:
        self.layout = layout
        self.lines: list[str] = []
        self.depth = 0
        self._inline = inline
        self._statements = statements
        self._comments: deque[Written] = deque(layout.comments if layout else ())
        self._first = True  # the next line is the first of its block (no blank line before it)
        self.separate = False  # the next line starts a declaration set apart by a blank line
        self._continued = False  # the next line goes on with the statement on the line before
        self._source_line = 0  # the source line of the last statement printed (0: none, or built by code)

    # dispatch ------------------------------------------------------------
    def text(self, node: Any) -> str:
        """The one-line text of a node (an expression, a name, a rule body …)."""
        printer = self._inline.get(type(node))
        if printer is None:
            raise UnprintableNode(type(node), "INLINE")
        return printer(self, node)

    def node(self, node: Any) -> None:
        """Print a statement node (and its block) as lines."""
        printer = self._statements.get(type(node))
        if printer is None:
            raise UnprintableNode(type(node), "STATEMENTS")
        printer(self, node)

    def nodes(self, *groups: Iterable[Any]) -> None:
        """Print statements of several kinds in the order the author wrote them (by span;
        nodes built by code keep the order given)."""
        for child in ordered(*groups):
            self.node(child)

    def finish(self) -> str:
        self._leading(None)
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n"

    # lines ---------------------------------------------------------------
    def stmt(self, span: Span | None, text: str, separate: bool = False) -> None:
        """One statement on one line, with the comments before it and at its end. Comments
        written inside a statement that spanned several lines are printed before it."""
        self.separate = self.separate or separate
        if span is not None:
            self._leading(span.end)
        self._emit(text, span.line if span is not None else 0)
        if span is not None:
            self.lines[-1] += self._trailing(span.end, span.end_line)

    def block(self, span: Span, head: str, body: Callable[[], None], tail: str = "",
              inner_end: int | None = None, separate: bool = False) -> None:
        """``head {``, the body's lines one level deeper, ``}`` and ``tail``.

        ``inner_end`` is where the braces end when the statement goes on after them (a 记录
        fact's options): comments before it print inside the block, the rest after ``}``.
        """
        self.separate = self.separate or separate
        self._leading(span.start)
        self._emit(head + " {", span.line)
        if self._comments and self._comments[0].line == span.line and self._comments[0].start < span.end:
            self.lines[-1] += "  " + self._comments.popleft().text.rstrip()
        self.depth += 1
        self._first = True
        body()
        self._leading(inner_end if inner_end is not None else span.end)
        self.depth -= 1
        self._first = False
        self.lines.append(INDENT * self.depth + ("} " + tail if tail else "}"))
        self.lines[-1] += self._trailing(span.end, span.end_line)

    def line(self, span: Span, text: str) -> None:
        """A line that starts a statement continued on the next lines (a rule's sentence
        above its table): the comments before the statement come first."""
        self._leading(span.start)
        self._emit(text, span.line)
        self._continued = True

    def fill(self, span: Span, head: str, items: list[str], tail: str = "", inner_end: int | None = None) -> None:
        """``head { a b c } tail`` on one line when it fits in ``WIDTH``, else the items
        filled into lines of a block."""
        one = f"{head} {{ {' '.join(items)} }}" + (" " + tail if tail else "")
        if display_width(INDENT * self.depth + one) <= WIDTH or not items:
            self.stmt(span, one)
            return

        def body() -> None:
            line: list[str] = []
            for item in items:
                if line and display_width(INDENT * self.depth + " ".join([*line, item])) > WIDTH:
                    self._emit(" ".join(line), 0)
                    line = []
                line.append(item)
            self._emit(" ".join(line), 0)
        self.block(span, head, body, tail, inner_end)

    def _emit(self, text: str, line: int) -> None:
        # a blank source line before a statement is kept, once: statements the author wrote on one
        # line (计入总分权重 { 目标任务一 50% 目标任务二 50% }) print one a line, without blank lines
        same_line = line > 0 and line == self._source_line
        blank = self.separate or (self.layout is not None and line > 0 and not same_line
                                  and self.layout.blank_before(line))
        self._source_line = line
        if self._continued:
            blank, self._continued = False, False
        self.separate = False
        if blank and not self._first and self.lines and self.lines[-1] != "":
            self.lines.append("")
        self.lines.append(INDENT * self.depth + text)
        self._first = False

    def _leading(self, before: int | None) -> None:
        """Print, each on its own line, the comments that start before ``before`` (all, if None)."""
        while self._comments and (before is None or self._comments[0].start < before):
            comment = self._comments.popleft()
            self._emit(comment.text.rstrip(), comment.line)

    def _trailing(self, end: int, line: int) -> str:
        """The comment that follows a statement on its last line, if any ('' otherwise)."""
        if self._comments and self._comments[0].line == line and self._comments[0].start >= end:
            assert self.layout is not None  # comments come from a layout
            if not self.layout.text[end:self._comments[0].start].strip(_SOFT):  # nothing else between
                return "  " + self._comments.popleft().text.rstrip()
        return ""

    # spellings ------------------------------------------------------------
    def word(self, start: int, end: int, types: tuple[str, ...], default: str,
             allowed: frozenset[str] | None = None) -> str:
        """A word the author may spell several ways, as spelled in ``[start, end)``."""
        if self.layout is None:
            return default
        return self.layout.word(start, end, types, default, allowed)

    def num(self, value: Decimal, start: int = 0, end: int = 0, nth: int | None = None) -> str:
        """A number as written in ``[start, end)`` (its digits and places; the ``nth`` number
        there when several are), else as held."""
        written = self.layout.number(start, end, value, nth) if self.layout is not None else None
        if written is None:
            return plain(value)
        return written if value >= 0 else "-" + written

    def numeral(self, value: int, start: int, end: int, chinese: bool) -> str:
        """A task or item number as written in ``[start, end)`` (二 or 2), else in Chinese
        numerals (``chinese``) or digits."""
        if self.layout is not None:
            for tok in self.layout.between(start, end, "CN_NUMBER", "NUMBER"):
                try:
                    if chinese_numeral(tok.text) == value:
                        return tok.text
                except ValueError:
                    pass
                break
        return chinese_ordinal(value) if chinese and 0 < value < 100 else str(value)

    def quoted(self, text: str, span: Span) -> str:
        """A string in the quotes the author used ("…" or “…”), else "…" — or the other
        pair when the text holds one of these quotes."""
        opening = self._source_char(span.start)
        if opening not in QUOTES:
            opening = '"'
        closing = QUOTES[opening]
        if closing in text or (opening == '"' and "\n" in text):
            opening = "“" if opening == '"' else '"'
            closing = QUOTES[opening]
        return f"{opening}{text}{closing}"

    def bracketed(self, text: str, span: Span) -> str:
        """A name in the brackets the author used (「」 or 【】), else 「」."""
        opening = self._source_char(span.start)
        if opening not in BRACKETS or BRACKETS[opening] in text:
            opening = "【" if "」" in text else "「"
        return f"{opening}{text}{BRACKETS[opening]}"

    def _source_char(self, offset: int) -> str:
        if self.layout is None or not 0 <= offset < len(self.layout.text):
            return ""
        return self.layout.text[offset]


class UnprintableNode(Exception):
    """A syntax node class without its entry in the printer's tables (a bug in scorelang:
    tests/syntax/test_printer.py checks every class has one)."""

    def __init__(self, cls: type, table: str) -> None:
        super().__init__(f"syntax.printer has no {table} entry for {cls.__name__}")
        self.cls, self.table = cls, table


def ordered(*groups: Iterable[Any]) -> list[Any]:
    """The nodes of several groups in source order (a stable sort on where each starts)."""
    nodes = [node for group in groups for node in group]
    if any(node.span.end > 0 for node in nodes):
        nodes.sort(key=lambda node: node.span.start)
    return nodes
