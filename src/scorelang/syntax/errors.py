"""Lark's UnexpectedInput → Diagnostics in the author's words (never Lark terminal names).

Three data tables drive it: TERMINAL_WORDS (what a terminal is called), the EXAMPLES
catalogue of known mistakes, and the open-block context (which 「{」 is still open).
Bare Chinese text gets an exact rewrite: names must be written in 「」.
"""
from __future__ import annotations

import re

from lark import Lark, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from .. import messages as msg
from ..diagnostics import Diagnostic, Diagnostics
from ..messages import Message, Words, related
from ..span import SourceText, Span

# named terminals of the grammar → (中文, English)
TERMINAL_WORDS: dict[str, tuple[str, str]] = {
    "NAME": ("名称（写在「」中，如「漏管脱管人次」）", "a name in 「」, e.g. 「漏管脱管人次」"),
    "STRING": ("带引号的文字（如 \"社区矫正\"）", "quoted text, e.g. \"社区矫正\""),
    "NUMBER": ("数字（如 10 或 0.5）", "a number, e.g. 10 or 0.5"),
    "CN_NUMBER": ("序号（如 二 或 2）", "a number such as 二 or 2"),
    "DATE": ("日期（如 2016-12-01）", "a date, e.g. 2016-12-01"),
    "RANGE_SEP": ("「至」", "「至」 (to)"),
    "PERCENT_SIGN": ("「%」", "「%」"),
    "HALF_UP": ("「四舍五入」", "「四舍五入」 (round half up)"),
    "ROUND_POINT": ("取舍环节（项得分、任务得分、加权得分、总分）", "a rounding point (项得分, 任务得分, 加权得分, 总分)"),
    "ASSUMED": ("「假定」", "「假定」 (assumed)"),
    "DEDUCTION_ONLY": ("「扣分项」", "「扣分项」 (deduction-only)"),
    "FLOOR": ("「扣完为止」", "「扣完为止」 (floor at zero)"),
    "THRESHOLD": ("「达」或「不少于」", "「达」 or 「不少于」 (threshold)"),
    "STEP": ("「每降低」或「每少」", "「每降低」 or 「每少」 (per step)"),
    "STEP_UNIT": ("单位（个百分点、次…）", "a unit (个百分点, 次 …)"),
    "PARTIAL": ("不足一档的算法（不足一档按一档计 / 不足一档不计 / 不足一档按比例计）",
                "how a partial step counts (不足一档按一档计 / 不足一档不计 / 不足一档按比例计)"),
    "COMPARE": ("比较（为、不为、<、≥ …）", "a comparison (为, 不为, <, ≥ …)"),
    "YES": ("「是」", "「是」"), "NO": ("「否」", "「否」"), "NONE": ("「无」", "「无」"),
    "LPAREN": ("「(」", "「(」"), "RPAREN": ("「)」", "「)」"),
    "$END": ("文件结尾", "end of file"),
    "_DEDUCT": ("「扣」", "「扣」 (deduct)"),
}

# words that may follow a name inside a rule: used to cut bare text into 「name」 + rest
_FOLLOWERS = ("不得分", "扣完为止", "不少于", "不低于", "每降低", "每少", "不为", "扣", "得", "达",
              "为", "且", "或", "低于", "高于", "计数", "数值", "百分比", "是否", "选项", "评定")
# words authors write for a keyword: the hint names the keyword to use instead
SYNONYMS = {"如果": "若", "假如": "若", "若是": "若", "如": "若", "当": "若", "扣除": "扣", "减去": "扣",
            "得到": "得", "计": "得", "不计分": "不得分", "否则": "若 非", "并且": "且", "而且": "且",
            "或者": "或", "不是": "非", "项目": "项"}
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_BARE_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\w]+")

# The catalogue of known mistakes: each entry is (the catalogue message, example texts that
# fail in the same parser state). Every entry is also a test.
EXAMPLES: list[tuple[Message, list[str]]] = [
    (msg.POINTS_WITHOUT_FEN,
     ['目标任务 二 "x" { 部分 "y" 20 {', '目标任务 二 "x" { 部分 "y" 20分 { 第1项 "z" 10 {']),
    (msg.ITEM_NUMBER_WITHOUT_XIANG, ['目标任务 二 "x" { 部分 "y" 20分 { 第1 "z"']),
    (msg.DEDUCTION_WITHOUT_FEN, ['目标任务 二 "x" { 部分 "y" 20分 { 第1项 "z" 10分 { 每「a」扣0.5 }']),
    (msg.LADDER_INCOMPLETE, ['目标任务 二 "x" { 部分 "y" 20分 { 第1项 "z" 10分 { 「a」 达 100% 扣5分']),
]


def _words(name: str, parser: Lark, lang: str) -> str:
    if name in TERMINAL_WORDS:
        zh, en = TERMINAL_WORDS[name]
        return en if lang == "en" else zh
    for term in parser.terminals:
        if term.name == name:
            if term.pattern.type == "str":
                return f"「{term.pattern.value}」"
            break
    return "「" + name + "」" if not name.startswith("__") else ("符号" if lang == "zh" else "a symbol")


def _expected_words(expected, parser: Lark, limit: int = 8) -> Words:
    return Words(_expected_in(expected, parser, "zh", limit), _expected_in(expected, parser, "en", limit))


def _expected_in(expected, parser: Lark, lang: str, limit: int) -> str:
    names = sorted(set(expected) - {"COMMENT", "WS", "SOFT_PUNCT"})
    # keywords first (shorter lists read better), then descriptive words
    words = sorted({_words(n, parser, lang) for n in names}, key=lambda w: (len(w) > 6, w))
    if len(words) > limit:
        words = words[:limit] + (["等"] if lang == "zh" else ["…"])
    return ("、" if lang == "zh" else ", ").join(words)


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


def _bare_text_hint(line: str, col: int, prev_keyword: str | None, expects_statement: bool):
    """For bare Chinese text at ``col``: the line rewritten with the name in 「」."""
    start = col - 1
    match = _BARE_RUN.match(line, start)
    if not match:
        return None
    run = match.group(0)
    cut = None
    for i in range(1, len(run)):
        if any(run.startswith(f, i) for f in _FOLLOWERS):
            cut = i
            break
    name = run[:cut] if cut else run
    # digits are never part of a bare name here: 「漏管人次」扣0.5分
    name = re.split(r"[0-9]", name)[0] or name
    rest = line[start + len(name):]
    prefix = line[:start]
    if expects_statement and not prev_keyword and rest.lstrip().startswith(("不得分", "扣", "得")):
        fixed = prefix + "若「" + name + "」" + rest
    else:
        fixed = prefix + "「" + name + "」" + rest
    return name, fixed.strip()


def diagnostic_from(exc: UnexpectedInput, source: SourceText, parser: Lark) -> Diagnostic:
    """One syntax diagnostic for one Lark error, in Chinese with the English text beside."""
    text = source.text
    if isinstance(exc, UnexpectedEOF) or (isinstance(exc, UnexpectedToken) and exc.token.type == "$END"):
        return _eof(source, parser, getattr(exc, "expected", set()))
    pos = exc.pos_in_stream if exc.pos_in_stream is not None else len(text)
    line, col = source.position(pos)
    line_text = source.line_text(line)
    label = _catalogue(exc, parser)
    if isinstance(exc, UnexpectedCharacters):
        ch = text[pos] if pos < len(text) else ""
        span = source.span(pos, pos + 1)
        expected = exc.allowed or set()
        if ch in "「【\"“":
            closer = {"「": "」", "【": "】", '"': '"', "“": "”"}[ch]
            if closer not in line_text[col:]:
                return msg.UNCLOSED_QUOTE.at(span, open=ch, close=closer)
        if _CJK.match(ch):
            word = _BARE_RUN.match(line_text, col - 1).group(0)
            after = line_text[col - 1 + len(word):].lstrip()
            if word in SYNONYMS or (after[:1] in ("「", "【", '"', "“") and not any(
                    word.endswith(f) for f in _FOLLOWERS)):
                keyword = SYNONYMS.get(word)
                span = source.span(pos, pos + len(word))
                if keyword:
                    fixed = (line_text[: col - 1] + keyword + line_text[col - 1 + len(word):]).strip()
                    return msg.SYNONYM.at(span, word=word, keyword=keyword, fixed=fixed)
                return msg.NOT_A_KEYWORD.at(span, word=word, expected=_expected_words(expected, parser))
            prev = _previous_keyword(text, pos)
            hint = _bare_text_hint(line_text, col, prev, "若" in expected)
            name = hint[0] if hint else ch
            span = source.span(pos, pos + len(name))
            if hint:
                return msg.BARE_NAME_REWRITE.at(span, name=name, fixed=hint[1])
            return msg.BARE_NAME.at(span, name=name)
        shown = ch if ch.strip() else repr(ch)
        return msg.UNEXPECTED_CHARACTER.at(span, found=shown, expected=_expected_words(expected, parser))
    assert isinstance(exc, UnexpectedToken)
    tok = exc.token
    span = Span(source.file, tok.line, tok.column, tok.end_line or tok.line,
                tok.end_column or tok.column + 1, tok.start_pos or 0, tok.end_pos or 0)
    found = str(tok)
    if label:
        return label.at(span, found=found)
    return msg.UNEXPECTED_TOKEN.at(span, found=found, expected=_expected_words(exc.expected, parser))


def _previous_keyword(text: str, pos: int) -> str | None:
    before = text[:pos].rstrip()
    for kw in ("每", "若", "非", "且", "或", "扣"):
        if before.endswith(kw):
            return kw
    return None


def _eof(source: SourceText, parser: Lark, expected) -> Diagnostic:
    text = source.text
    blocks = _open_blocks(text, len(text))
    end = len(text.rstrip()) or 0
    span = source.span(max(end - 1, 0), max(end, 0)) if text.strip() else source.span(0, 0)
    if blocks:
        pos, head = blocks[-1]
        opened = source.span(pos, pos + 1)
        head = head or "{"
        return msg.EOF_IN_BLOCK.at(span, head=head, line=opened.line,
                                   related=[related(opened, msg.BLOCK_OPENS_HERE)])
    return msg.UNEXPECTED_EOF.at(span, expected=_expected_words(expected, parser))


_catalogue_states: list | None = None


def _example_states(parser: Lark) -> list:
    """(parser state, token type, label) of each catalogue example, computed once."""
    global _catalogue_states
    if _catalogue_states is None:
        states = []
        for message, texts in EXAMPLES:
            for text in texts:
                try:
                    parser.parse(text)
                except UnexpectedToken as exc:
                    states.append((exc.state.position, exc.token.type, message))
                except UnexpectedInput:
                    pass
        _catalogue_states = states
    return _catalogue_states


def _catalogue(exc: UnexpectedInput, parser: Lark):
    """The EXAMPLES entry this error matches (same LALR state and token type), if any.

    Lark's own ``match_examples`` also compares the depth of the parser stack, so an
    example would only match at the same nesting; here the state and token are enough.
    """
    if not isinstance(exc, UnexpectedToken) or exc.state is None:
        return None
    for position, token_type, label in _example_states(parser):
        if position == exc.state.position and token_type == exc.token.type:
            return label
    return None


_MAX_ERRORS = 20


def parse_tree(text: str, file: str, collector: Diagnostics) -> Tree | None:
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
    start = sum(len(l) + 1 for l in lines[: line - 1])
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
