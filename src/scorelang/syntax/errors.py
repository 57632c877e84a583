"""Lark's UnexpectedInput → Diagnostics in the author's words (never Lark terminal names).

Where the parser stops, it works out what the parser could take there (Lark's interactive
parser: precise, where the LALR table's lookaheads would also offer a 「)」 nobody opened or a
policy-level keyword inside an item), then, in order: a known mistake (mistakes.py: its own
message and the exact fix), a keyword synonym (如果 → 若), bare Chinese text (names must be
written in 「」: 每漏管人次扣0.5分 → 每「漏管人次」扣0.5分), or what was found and what may come
instead, in TERMINAL_WORDS. A fix is offered — as the hint and as ``Diagnostic.rewrite`` —
only when the parser accepts the rewritten line.
"""
from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterable
from typing import Any

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from .. import messages as msg
from ..diagnostics import Diagnostic, Diagnostics, Rewrite
from ..messages import Message, Words, related
from ..span import SourceText, Span
from .mistakes import BARE_RUN, CJK, FOLLOWERS, Seen, bare_text_fix, known_mistake, synonym

# named terminals of the grammar → (中文, English). Keywords (a terminal named by its own text,
# such as 目标任务) are called by their text; every other terminal needs a line here (a test
# walks the grammar's terminals).
TERMINAL_WORDS: dict[str, tuple[str, str]] = {
    "NAME": ("名称（写在「」中，如「漏管脱管人次」）", "a name in 「」, e.g. 「漏管脱管人次」"),
    "STRING": ("带引号的文字（如 \"社区矫正\"）", "quoted text, e.g. \"社区矫正\""),
    "NUMBER": ("数字（如 10 或 0.5）", "a number, e.g. 10 or 0.5"),
    "CN_NUMBER": ("序号（如 二 或 2）", "a number such as 二 or 2"),
    "DATE": ("日期（如 2016-12-01）", "a date, e.g. 2016-12-01"),
    "ARTICLE": ("条款编号（第…条）", "an article number (第…条)"),
    "RANGE_SEP": ("「至」（或 -、~、—）", "「至」 (or -, ~, —)"),
    "PERCENT_SIGN": ("「%」", "「%」"),
    "HALF_UP": ("「四舍五入」", "「四舍五入」 (round half up)"),
    "ROUND_POINT": ("取舍环节（项得分、任务得分、加权得分、总分）",
                    "a rounding point (项得分, 任务得分, 加权得分, 总分)"),
    "ASSUMED": ("「假定」", "「假定」 (assumed)"),
    "DEDUCTION_ONLY": ("「扣分项」", "「扣分项」 (deduction-only)"),
    "FLOOR": ("「扣完为止」", "「扣完为止」 (floor at zero)"),
    "AGGREGATE": ("「合计」、「平均」", "「合计」 (sum), 「平均」 (mean)"),
    "TABLE_KEEP": ("同一「…」只计最高分 或 同一「…」只计最高层级",
                   "同一「…」只计最高分 or 同一「…」只计最高层级 (keep the best)"),
    "THRESHOLD": ("「达」、「不少于」", "「达」, 「不少于」 (a target to reach)"),
    "CEILING": ("「不超过」", "「不超过」 (a ceiling)"),
    "NOT_BELOW": ("「不低于」", "「不低于」 (a target to reach, or ≥)"),
    "NOT_ABOVE": ("「不高于」", "「不高于」 (a ceiling, or ≤)"),
    "PLUS": ("「+」", "「+」"), "MINUS": ("「-」（或 −）", "「-」 (or −)"), "TIMES": ("「×」（或 *）", "「×」 (or *)"),
    "DIVIDE": ("「÷」（或 /）", "「÷」 (or /)"),
    "FUNCTION": ("「最大」、「最小」、「绝对值」", "「最大」, 「最小」, 「绝对值」 (max, min, abs)"),
    "GUARD": ("「除数为0时取」（或 除数为零时取）",
              "「除数为0时取」 (or 除数为零时取: the value when a divisor is 0)"),
    "STEP": ("「每降低」、「每少」", "「每降低」, 「每少」 (per step below the target)"),
    "STEP_UP": ("「每增加」、「每超过」、「每超」、「每多」、「每提高」",
                "「每增加」, 「每超过」, 「每超」, 「每多」, 「每提高」 (per step above the ceiling or baseline)"),
    "STEP_UNIT": ("「个百分点」或「%」", "「个百分点」 or 「%」"),
    "POINTS_UNIT": ("「个百分点」", "「个百分点」 (percentage points)"),
    "BASELINE": ("「比」（与基数相比）", "「比」 (against a baseline)"),
    "PER_FOUND": ("「每发现」", "「每发现」 (per occurrence found)"),
    "UNIT": ("单位（次、个、件、篇、天、个工作日、元 …）", "a unit (次, 个, 件, 篇, 天, 个工作日, 元 …)"),
    "OUTPUT_UNIT": ("金额单位（元、万元、千元）", "a unit of money (元, 万元, 千元)"),
    "PARTIAL": ("不足一档的算法（不足一档按一档计 / 不足一档不计 / 不足一档按比例计）",
                "how a partial step counts (不足一档按一档计 / 不足一档不计 / 不足一档按比例计)"),
    "COMPARE": ("比较（为、不为、高于、低于、<、≥ …）", "a comparison (为, 不为, 高于, 低于, <, ≥ …)"),
    "_DEDUCT": ("「扣」（或「减」）", "「扣」 (deduct, or 「减」)"),
    "RULE_CAP": ("规则的上限（最多扣、最多减、最多加、最多得）", "a rule's cap (最多扣, 最多减, 最多加, 最多得)"),
    "SET_CAP": ("条款的累计上限（加分最多、加分累计最多、加分累计不超过、扣分最多、扣分累计最多、扣分累计不超过）",
                "an article's cap on its bonuses or deductions (加分累计最多, 扣分累计不超过 …)"),
    "ALL": ("「全体」（或 全州、全市、全县、全省）", "「全体」 (or 全州, 全市, 全县, 全省: every entity)"),
    "COHORT_FN": ("「最高」、「最低」、「中位数」", "「最高」, 「最低」, 「中位数」 (max, min, median)"),
    "COUNT_FN": ("「个数」、「占比」", "「个数」, 「占比」 (how many, what share)"),
    "RANK_ORDER": ("「由高到低」、「由低到高」", "「由高到低」, 「由低到高」 (a rank's order)"),
    "RANK_TIES": ("「并列占位」、「并列不占位」", "「并列占位」, 「并列不占位」 (how ties count)"),
    "ENTERS": ("计入方式（按原分计入、折算为百分制）", "how a score enters (按原分计入 as is, 折算为百分制 on 100)"),
    "EACH_GROUP": ("「每组」", "「每组」 (within each group)"),
    "QUOTA_OF": ("「总数的」（或「参评总数的」）", "「总数的」 or 「参评总数的」 (of the number of entities)"),
    "WHOLE_ROUND": ("取整方式（向下取整、向上取整、四舍五入）", "how a quota rounds (向下取整, 向上取整, 四舍五入)"),
    "TIE_RULE": ("并列时的做法（全部计入、全部不计入、提交认定）",
                 "what a tie on a quota's boundary does (全部计入, 全部不计入, 提交认定)"),
    "EXCLUDED": ("「（不含）」（一档的边界不含这个数）", "「（不含）」 (a grade band's edge excluded)"),
    "ZERO_BONUS": ("「（含加分）」或「（加分照计）」",
                   "「（含加分）」 or 「（加分照计）」 (whether the bonuses go too)"),
    "STACKED": ("「各档累计」", "「各档累计」 (the bands add up)"),
    "EACH_RECORD": ("「每条」或「每起」", "「每条」 or 「每起」 (each record, each incident)"),
    "TABLE_SIGN": ("「加分」或「扣分」", "「加分」 or 「扣分」 (the table adds or deducts)"),
    "CONCERNING": ("「涉及本项的」", "「涉及本项的」 (only incidents naming this item)"),
    "NO_REPEAT": ("同一「…」不重复扣分", "同一「…」不重复扣分 (one deduction per key)"),
    "ORDINAL": ("「首次」、「再次」、「第三次」…", "「首次」, 「再次」, 「第三次」 … (the incident's place)"),
    "ORDINAL_ON": ("「再次及以上」、「第三次及以上」…", "「再次及以上」, 「第三次及以上」 … (that place and after)"),
    "RECORDS_WHERE": ("「中」（个数（「记录」 中 条件））", "「中」 (个数（「records」 中 condition）)"),
    "STEP_RELATIVE": ("「相对目标的」", "「相对目标的」 (a share of the target)"),
    "YES": ("「是」", "「是」"), "NO": ("「否」", "「否」"), "NONE": ("「无」", "「无」"),
    "LPAREN": ("「(」", "「(」"), "RPAREN": ("「)」", "「)」"),
    "LBRACE": ("「{」", "「{」"), "RBRACE": ("「}」", "「}」"),
    "COMMENT": ("注释（# …）", "a comment (# …)"),
    "WS": ("空白", "white space"),
    "$END": ("文件结尾", "end of file"),
}
_IGNORED = frozenset({"COMMENT", "WS"})
#: keywords the grammar takes wherever a value goes but the model accepts in 输出 only
_OUTPUT_ONLY = frozenset({"考评总分"})
_ARITHMETIC = frozenset({"LPAREN", "MINUS", "PLUS", "TIMES", "DIVIDE", "FUNCTION", "GUARD"})


def terminal_words(name: str, lang: str) -> str:
    """What a terminal is called in the author's words: its line in TERMINAL_WORDS, or for a
    keyword its own text in 「」."""
    if name in TERMINAL_WORDS:
        zh, en = TERMINAL_WORDS[name]
        return en if lang == "en" else zh
    if not re.fullmatch(r"[A-Z_$][A-Z0-9_]*", name):
        return f"「{name}」"  # a keyword: the grammar names it by its own text
    return "符号" if lang == "zh" else "a symbol"  # unreachable while the table is complete (a test)


def _expected_words(expected: Iterable[str], limit: int = 11) -> Words:
    return Words(_expected_in(expected, "zh", limit), _expected_in(expected, "en", limit))


def _expected_in(expected: Iterable[str], lang: str, limit: int) -> str:
    names = sorted(set(expected) - _IGNORED)
    if "若" in names:  # where a rule may start: the total is read in 输出 only (SL431), never offered here
        names = [n for n in names if n not in _OUTPUT_ONLY]
    # keywords first (shorter lists read better), then descriptive words, then the symbols an
    # expression may start or go on with (a rule may start with 「(」, but rarely does)
    late = {terminal_words(n, lang) for n in names if n in _ARITHMETIC}
    words = sorted({terminal_words(n, lang) for n in names}, key=lambda w: (w in late, len(w) > 6, w))
    more = len(words) > limit
    words = words[:limit]
    if lang == "zh":
        return "、".join(words) + ("等" if more else "")
    return ", ".join(words) + (", …" if more else "")


def _accepts(exc: UnexpectedInput, parser: Lark, fallback: Iterable[str]) -> frozenset[str]:
    """The terminals the parser can really take where it stopped.

    The LALR table's own list (``exc.expected``) holds the lookaheads of every context a state
    is shared by: after 「a」 in a condition it offers 「)」 with no 「(」 open. Feeding each
    candidate to a copy of the parser keeps only those that lead somewhere. (Lark's own
    ``InteractiveParser.accepts`` does this too, but takes only upper-case names for
    terminals, so it drops every keyword of this grammar: 目标任务, 扣 …)
    """
    interactive = getattr(exc, "interactive_parser", None)
    if interactive is None:
        return frozenset(fallback or ())
    terminals = _terminal_names(parser)
    conf = copy.copy(interactive.parser_state.parse_conf)
    conf.callbacks = {}  # no tree building while trying
    accepts = set()
    for name in interactive.choices():
        if name not in terminals:
            continue
        cursor = interactive.copy(deepcopy_values=False)
        cursor.parser_state.parse_conf = conf
        try:
            cursor.feed_token(Token(name, ""))
        except UnexpectedInput:
            continue
        accepts.add(name)
    return frozenset(accepts)


@functools.lru_cache(maxsize=4)
def _terminal_names(parser: Lark) -> frozenset[str]:
    return frozenset(t.name for t in parser.terminals) | {"$END"}


def _open_blocks(text: str, upto: int) -> list[tuple[int, str]]:
    """Positions of 「{」 still open at ``upto``, with the keyword that opened each block."""
    stack: list[tuple[int, str]] = []
    i = 0
    closers = {'"': '"', "“": "”", "「": "」", "【": "】"}
    while i < min(upto, len(text)):
        ch = text[i]
        if ch in closers:
            end = text.find(closers[ch], i + 1)
            newline = text.find("\n", i + 1)
            if end < 0 or (0 <= newline < end):
                i += 1
                continue
            i = end + 1
            continue
        if ch == "#":
            newline = text.find("\n", i)
            i = len(text) if newline < 0 else newline
            continue
        if ch == "{":
            line_start = text.rfind("\n", 0, i) + 1
            head = text[line_start:i].strip()
            stack.append((i, head))
        elif ch == "}" and stack:
            stack.pop()
        i += 1
    return stack


def _seen(source: SourceText, pos: int, found: str, kind: str | None, accepts: frozenset[str]) -> Seen:
    line, column = source.position(pos)
    return Seen(pos, found, kind, accepts, pos - (column - 1), source.line_text(line))


def _line_rewrite(source: SourceText, seen: Seen, fixed: str | None, parser: Lark) -> Rewrite | None:
    """The rewrite of the offending line (its text without surrounding blanks), when the
    parser accepts the rewritten line."""
    if fixed is None:
        return None
    line = seen.line_text
    start = seen.line_start + (len(line) - len(line.lstrip()))
    end = seen.line_start + len(line.rstrip())
    rewrite = Rewrite(source.span(start, end), fixed.strip())
    if rewrite.text == line.strip() or not _parses_through(parser, rewrite.apply(source.text),
                                                           start + len(rewrite.text)):
        return None
    return rewrite


_BLANKS = re.compile(r"(?:[ \t\r\n\u3000，,、；;。：:]+|#[^\n]*)*")


def _parses_through(parser: Lark, text: str, end: int) -> bool:
    """Whether ``text`` parses past offset ``end`` (the end of a rewritten line): the first
    error, if any, must come after the first token that follows the line, so a line that
    stops halfway through a rule (每「次数」扣1分 若「多」扣) is not taken for a fix."""
    try:
        parser.parse(text)
    except UnexpectedInput as exc:
        if isinstance(exc, UnexpectedToken):
            pos = len(text) if exc.token.type == "$END" else (exc.token.start_pos or 0)
        elif isinstance(exc, UnexpectedCharacters):
            pos = exc.pos_in_stream
        else:
            pos = len(text)
        blanks = _BLANKS.match(text, end)
        assert blanks is not None  # the pattern matches the empty string
        next_token = blanks.end()
        return pos > next_token
    return True


def _with_rewrite(message: Message, span: Span, source: SourceText, seen: Seen, fixed: str | None, parser: Lark,
                  **fields: Any) -> Diagnostic:  # as Message.at takes them
    rewrite = _line_rewrite(source, seen, fixed, parser)
    hint = msg.REWRITE.words(fixed=rewrite.text) if rewrite else None
    return message.at(span, hint=hint, rewrite=rewrite, **fields)


def diagnostic_from(exc: UnexpectedInput, source: SourceText, parser: Lark) -> Diagnostic:
    """One syntax diagnostic for one Lark error, in Chinese with the English text beside."""
    text = source.text
    if isinstance(exc, UnexpectedEOF) or (isinstance(exc, UnexpectedToken) and exc.token.type == "$END"):
        return _eof(source, _accepts(exc, parser, getattr(exc, "expected", ())))
    if isinstance(exc, UnexpectedCharacters):
        pos = exc.pos_in_stream if exc.pos_in_stream is not None else len(text)
        found, kind, span = (text[pos] if pos < len(text) else ""), None, source.span(pos, pos + 1)
        accepts = _accepts(exc, parser, exc.allowed)
    else:
        assert isinstance(exc, UnexpectedToken)
        tok = exc.token
        pos, found, kind = tok.start_pos or 0, str(tok), tok.type
        span = Span(source.file, tok.line, tok.column, tok.end_line or tok.line,
                    tok.end_column or tok.column + 1, tok.start_pos or 0, tok.end_pos or 0)
        accepts = _accepts(exc, parser, exc.expected)
    seen = _seen(source, pos, found, kind, accepts)

    mistake = known_mistake(seen)
    if mistake is not None:
        return _with_rewrite(mistake.message, span, source, seen, mistake.fix(seen), parser, **mistake.fields(seen))
    if kind is not None or not found:
        return msg.UNEXPECTED_TOKEN.at(span, found=found, expected=_expected_words(accepts))
    after = seen.after
    if found in "「【\"“":
        closer = {"「": "」", "【": "】", '"': '"', "“": "”"}[found]
        if closer not in after[1:]:
            return msg.UNCLOSED_QUOTE.at(span, open=found, close=closer)
    if CJK.match(found):
        word_keyword = synonym(seen)
        run = BARE_RUN.match(after)
        assert run is not None  # after starts with the CJK character found
        word = run.group(0)
        rest = after[len(word):].lstrip()
        if word_keyword is not None:
            word, keyword = word_keyword
            fixed: str | None = seen.before + keyword + after[len(word):]
            return _with_rewrite(msg.SYNONYM, source.span(pos, pos + len(word)), source, seen, fixed, parser,
                                 word=word, keyword=keyword)
        if rest[:1] in ("「", "【", '"', "“") and not any(word.endswith(f) for f in FOLLOWERS):
            return msg.NOT_A_KEYWORD.at(source.span(pos, pos + len(word)), word=word,
                                        expected=_expected_words(accepts))
        name, fixed = bare_text_fix(seen, _previous_keyword(text, pos))
        return _with_rewrite(msg.BARE_NAME, source.span(pos, pos + len(name)), source, seen, fixed, parser,
                             name=name)
    # an invisible character is named by its code point, never by a Python repr
    shown = found if found.isprintable() and found.strip() else f"U+{ord(found):04X}"
    return msg.UNEXPECTED_CHARACTER.at(span, found=shown, expected=_expected_words(accepts))


def _previous_keyword(text: str, pos: int) -> str | None:
    before = text[:pos].rstrip()
    for kw in ("每", "若", "非", "且", "或", "扣"):
        if before.endswith(kw):
            return kw
    return None


def _eof(source: SourceText, expected: Iterable[str]) -> Diagnostic:
    text = source.text
    blocks = _open_blocks(text, len(text))
    end = len(text.rstrip()) or 0
    span = source.span(max(end - 1, 0), max(end, 0)) if text.strip() else source.span(0, 0)
    if blocks:
        pos, head = blocks[-1]
        opened = source.span(pos, pos + 1)
        return msg.EOF_IN_BLOCK.at(span, head=head or "{", line=opened.line,
                                   related=[related(opened, msg.BLOCK_OPENS_HERE)])
    return msg.UNEXPECTED_EOF.at(span, expected=_expected_words(expected))


_MAX_ERRORS = 20


def parse_tree(text: str, file: str, collector: Diagnostics) -> Tree[Token] | None:
    """Parse with the packaged LALR parser; on errors, add diagnostics and return None.

    Recovery: after an error, the offending line (or the whole block it opens) is blanked,
    offsets preserved, and the text parsed again, so one run reports several errors.
    """
    from .grammar import parser

    lark = parser()
    current = text
    seen_lines: set[int] = set()
    while True:
        try:
            tree = lark.parse(current)
        except UnexpectedInput as exc:
            diagnostic = diagnostic_from(exc, SourceText(file, current), lark)
            line = diagnostic.span.line if diagnostic.span else 0
            if line in seen_lines:
                return None
            seen_lines.add(line)
            collector.add(diagnostic)
            blanked = _blank(current, line)
            if len(collector) >= _MAX_ERRORS or blanked == current:
                return None
            current = blanked
            continue
        return None if collector.errors else tree


def _blank(text: str, line: int) -> str:
    """The text with the erroneous line (and, if it opens a block, the whole block) blanked.

    Offsets and line numbers are preserved: characters become spaces, newlines stay.
    """
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return text
    start = sum(len(text_line) + 1 for text_line in lines[: line - 1])
    end = start + len(lines[line - 1])
    old = text[start:end]
    depth = old.count("{") - old.count("}")
    if depth > 0:
        # blank up to the brace that closes the block this line opens
        i = end
        while i < len(text) and depth > 0:
            if text[i] == "{":
                depth += 1
            elif text[i] == "}":
                depth -= 1
            i += 1
        end = i
        replacement = "".join("\n" if ch == "\n" else " " for ch in text[start:end])
    else:
        replacement = "}" * -depth + " " * (len(old) + depth) if depth < 0 else " " * len(old)
    return text[:start] + replacement + text[end:]
