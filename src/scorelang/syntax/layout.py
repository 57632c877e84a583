"""What the syntax tree leaves out and a printer keeps: the author's comments and spellings.

The tree holds meaning: 扣 and 减 build the same rule, ``0.5`` and ``０.５`` the same number,
and a comment builds nothing. ``syntax.parse_keeping_layout`` also returns a ``Layout``: the
source text and, in source order, every token of a ``RECORDED`` terminal (see
``syntax.grammar.recording``). The printer (``syntax.printer``) looks a spelling up by where
the tree says it must be — "the 扣/减 between the end of this rule's fact and the end of the
rule" — and falls back to the canonical spelling when there is no layout (a tree built by
code) or the token is not where it should be.
"""
from __future__ import annotations

import bisect
from decimal import Decimal, InvalidOperation

import attrs

#: terminals whose tokens the lexer reports while a layout is recorded: comments, and every
#: terminal the author may spell several ways that the tree does not keep as written (a
#: test checks every terminal of the grammar with more than one spelling is here or in
#: ``KEPT_BY_TREE``)
RECORDED = frozenset({
    "COMMENT", "NUMBER", "CN_NUMBER", "RANGE_SEP", "PERCENT_SIGN", "_DEDUCT", "RULE_CAP", "SET_CAP",
    "GUARD", "PLUS", "MINUS", "TIMES", "DIVIDE", "LPAREN", "RPAREN", "FUNCTION",
    "ZERO_BONUS",  # （含加分） or (含加分): the parentheses as typed
    "EXCLUDED",  # （不含） or (不含) after a grade band's edge: the parentheses as typed
})

#: terminals with several spellings that the tree keeps as written (or whose spellings mean
#: different things): the printer reads them from the node
KEPT_BY_TREE = frozenset({
    "NAME", "STRING",  # the node's span starts at the bracket or quote the author typed
    "COMPARE", "THRESHOLD", "STEP", "STEP_UP", "STEP_UNIT", "UNIT", "PARTIAL", "AGGREGATE",
    "ROUND_POINT", "TABLE_KEEP", "ARTICLE", "DATE", "WS",
    "ALL", "COHORT_FN", "COUNT_FN", "RANK_ORDER", "RANK_TIES",  # cohort values: the node keeps the word
    "ENTERS",  # 按原分计入 / 折算为百分制: two meanings, kept as Section.enters / ScaleDecl.enters
    # incidents (§24): 每条/每起 (Table.each, Escalation.each), 加分/扣分 (Table.deduct), the ordinal
    # as written (EscalationStep.ordinal), 同一「…」不重复扣分 (no_repeat)
    "EACH_RECORD", "TABLE_SIGN", "ORDINAL", "ORDINAL_ON", "NO_REPEAT",
    "OUTPUT_UNIT",  # 元 / 万元 / 千元 after an output's amount: three units, kept as the node's unit
    # §23: each spelling means something else, kept on the node (Quota.of_total, .rounding, .tie)
    "QUOTA_OF", "WHOLE_ROUND", "TIE_RULE",
})


@attrs.frozen
class Written:
    """One recorded token: its terminal, its text, where it starts and ends (offsets), and
    its first and last line."""

    type: str
    text: str
    start: int
    end: int
    line: int
    end_line: int


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace("．", "."))
    except InvalidOperation:
        return None


@attrs.frozen
class Layout:
    """The source text of a parsed policy and its recorded tokens (``Written``, by offset)."""

    text: str
    tokens: tuple[Written, ...]
    _starts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _blank_lines: frozenset[int] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(t.start for t in self.tokens))
        blank = frozenset(i for i, line in enumerate(self.text.split("\n"), 1) if not line.strip())
        object.__setattr__(self, "_blank_lines", blank)

    @classmethod
    def of(cls, text: str, tokens: list[Written]) -> Layout:
        unique = {t.start: t for t in tokens}  # a token lexed twice (never, on a clean parse) once
        return cls(text, tuple(sorted(unique.values(), key=lambda t: t.start)))

    @property
    def comments(self) -> tuple[Written, ...]:
        return tuple(t for t in self.tokens if t.type == "COMMENT")

    def between(self, start: int, end: int, *types: str) -> list[Written]:
        """The recorded tokens of ``types`` that start in ``[start, end)``, in order."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [t for t in self.tokens[lo:hi] if t.type in types]

    def word(self, start: int, end: int, types: tuple[str, ...], default: str,
             allowed: frozenset[str] | None = None) -> str:
        """The first token of ``types`` in ``[start, end)`` as written (if it is one of
        ``allowed``, when given), else ``default``."""
        for tok in self.between(start, end, *types):
            if allowed is None or tok.text in allowed:
                return tok.text
        return default

    def number(self, start: int, end: int, value: Decimal, nth: int | None = None) -> str | None:
        """A number token in ``[start, end)`` that reads ``abs(value)`` exactly (its digits and
        places: 0.50 is not 0.5), as written (０.５ stays full-width): the ``nth`` one when
        the caller knows its place among several, else the first that reads so; else None."""
        wanted = str(abs(value))
        found = self.between(start, end, "NUMBER")
        for tok in found[nth:nth + 1] if nth is not None else found:
            read = _number(tok.text)
            if read is not None and str(read) == wanted:
                return tok.text
        return None

    def char_before(self, offset: int) -> tuple[str, int]:
        """The last character before ``offset`` that is not white space or soft punctuation,
        and its offset ('' and -1 at the start)."""
        i = offset - 1
        while i >= 0 and self.text[i] in _BLANK:
            i -= 1
        return (self.text[i], i) if i >= 0 else ("", -1)

    def char_after(self, offset: int) -> tuple[str, int]:
        """The first character at or after ``offset`` that is not white space or soft
        punctuation, and its offset ('' and -1 at the end)."""
        i = offset
        while i < len(self.text) and self.text[i] in _BLANK:
            i += 1
        return (self.text[i], i) if i < len(self.text) else ("", -1)

    def blank_before(self, line: int) -> bool:
        """Whether the line before ``line`` (1-based) holds nothing at all."""
        return line - 1 in self._blank_lines


# white space and soft punctuation: what the grammar's WS terminal skips
_BLANK = frozenset(" \t\r\n\u3000，,、；;。：:")
