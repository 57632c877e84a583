"""The mistakes authors make, recognised where the parser stops, each with its own message and
the exact fix for the line.

Plain text in, plain text out: ``Seen`` is what the parser saw (errors.py builds it from Lark's
exception), each ``KnownMistake`` says whether it applies and how the line reads fixed. A fix
is only a proposal: errors.py offers it (as the hint and as ``Diagnostic.rewrite``) only when
the parser accepts the rewritten line, and every entry's examples are tests
(tests/syntax/test_mistakes.py) that the fix parses.
"""
from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from .. import messages as msg
from ..messages import Message

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
BARE_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\w]+")
_MINUS = ("-", "－", "−")
_ITEM_NUMBER = re.compile(r"第\s*[0-9０-９一二三四五六七八九十]+\s*项")

# words that may follow a name inside a rule: used to cut bare text into 「name」 + rest
FOLLOWERS = ("不得分", "扣完为止", "不少于", "不低于", "每降低", "每少", "不为", "扣", "得", "达",
             "为", "且", "或", "低于", "高于", "计数", "数值", "百分比", "是否", "选项", "评定")
# words authors write for a keyword: the hint names the keyword to use instead
SYNONYMS = {"如果": "若", "假如": "若", "若是": "若", "如": "若", "当": "若", "扣除": "扣", "减去": "扣",
            "得到": "得", "计": "得", "不计分": "不得分", "否则": "若 非", "并且": "且", "而且": "且",
            "或者": "或", "不是": "非", "项目": "项"}
# words authors write to compare inside a condition (若 …), and the comparison to write
COMPARISONS = {"不少于": "不低于", "不小于": "不低于", "大于等于": "≥", "达到": "不低于", "达": "不低于",
               "不超过": "不高于", "不多于": "不高于", "不大于": "不高于", "小于等于": "≤",
               "大于": "高于", "多于": "高于", "超过": "高于", "小于": "低于", "少于": "低于",
               "等于": "为", "不等于": "不为"}


@attrs.frozen
class Seen:
    """What the parser saw where it stopped, as plain values.

    Attributes:
        pos: offset of the offending input in the text; found: that input (a token, or the
            one character no terminal matches).
        kind: the terminal the offending token lexed as (None: no terminal matches here).
        accepts: the terminals the parser could take here.
        line_start, line_text: the offending line (offset of its first character, its text).
    """

    pos: int
    found: str
    kind: str | None
    accepts: frozenset[str]
    line_start: int
    line_text: str

    @property
    def column(self) -> int:
        """0-based column of the offending input in its line."""
        return self.pos - self.line_start

    @property
    def before(self) -> str:
        return self.line_text[: self.column]

    @property
    def after(self) -> str:
        return self.line_text[self.column:]

    def insert(self, word: str) -> str:
        """The line with ``word`` written right after the last thing before the error."""
        end = len(self.before.rstrip())
        return self.line_text[:end] + word + self.line_text[end:]

    def replace(self, length: int, word: str) -> str:
        """The line with ``length`` characters at the error replaced by ``word``."""
        return self.before + word + self.after[length:]


@attrs.frozen
class KnownMistake:
    """One mistake: when it applies, the fields of its message, the fixed line (or None when
    only the author can say), and example lines that make it (where: "rule" lines go inside
    an item, "item" lines inside a section)."""

    message: Message
    applies: Callable[[Seen], bool]
    fields: Callable[[Seen], dict[str, object]]
    fix: Callable[[Seen], str | None]
    examples: tuple[tuple[str, str], ...]


def _found(seen: Seen) -> dict[str, object]:
    return {"found": seen.found}


def _no_fix(seen: Seen) -> None:
    return None


def _after_number(seen: Seen) -> bool:
    return bool(re.search(r"[0-9０-９一二三四五六七八九十]$", seen.before.rstrip()))


def _last_name(seen: Seen) -> str | None:
    names = re.findall(r"「[^」\n]+」|【[^】\n]+】", seen.before)
    return names[-1] if names else None


def _comparison_word(seen: Seen) -> str | None:
    for word in sorted(COMPARISONS, key=len, reverse=True):
        if seen.after.startswith(word):
            return word
    return None


def _the_comparison_word(seen: Seen) -> str:
    """``_comparison_word`` where the mistake's ``applies`` has found one."""
    word = _comparison_word(seen)
    assert word is not None
    return word


def _after_amount_word(seen: Seen) -> bool:
    return seen.before.rstrip().endswith(("扣", "减", "得", "加"))


def _negative_fix(seen: Seen) -> str:
    before = seen.before.rstrip()
    keyword = "扣" if before.endswith(("得", "加")) else before[-1]
    return before[:-1] + keyword + seen.after[1:].lstrip()


def _deduction_only_fix(seen: Seen) -> str | None:
    line = seen.before.rstrip() + " " + seen.after[len(seen.found):].lstrip()
    number = _ITEM_NUMBER.search(line)
    if number is None:
        return None
    return line[: number.end()] + " 扣分项" + line[number.end():]


def _bare_word(seen: Seen) -> str:
    match = BARE_RUN.match(seen.after)
    return match.group(0) if match else seen.found


def _step_unit_word(seen: Seen) -> str:
    word = _bare_word(seen)
    for i in range(1, len(word)):
        if any(word.startswith(f, i) for f in FOLLOWERS):
            return word[:i]
    return re.split(r"[0-9]", word)[0] or word


KNOWN_MISTAKES: tuple[KnownMistake, ...] = (
    KnownMistake(
        msg.POINTS_WITHOUT_FEN,
        lambda s: "分" in s.accepts and s.kind != "分" and _after_number(s),
        _found, lambda s: s.insert("分"),
        (("item", '第2项 "其余" 40 { 若「其余」不得分 }'), ("rule", "每「次数」扣0.5 扣完为止"))),
    KnownMistake(
        msg.ITEM_NUMBER_WITHOUT_XIANG,
        lambda s: "项" in s.accepts and s.kind != "项" and _after_number(s),
        _found, lambda s: s.insert("项"),
        (("item", '第2 "其余" 40分 { 若「其余」不得分 }'),)),
    KnownMistake(
        msg.LADDER_WITHOUT_STEP,
        lambda s: "STEP" in s.accepts and s.kind not in ("STEP", "STEP_UP"),
        _found, _no_fix,
        (("rule", "「次数」 不少于 3 扣1分"),)),
    KnownMistake(
        msg.RULE_STARTS_WITH_NAME,
        lambda s: {"THRESHOLD", "CEILING"} <= s.accepts and s.kind in ("_DEDUCT", "得", "不得分", "加")
        and _last_name(s) is not None,
        lambda s: {"name": _last_name(s), "found": s.found}, _no_fix,
        (("rule", "「次数」 扣0.5分"), ("rule", "「其余」不得分"))),
    KnownMistake(
        msg.COMPARISON_WORD,
        lambda s: "COMPARE" in s.accepts and _comparison_word(s) is not None,
        lambda s: {"word": _the_comparison_word(s), "keyword": COMPARISONS[_the_comparison_word(s)]},
        lambda s: s.replace(len(_the_comparison_word(s)), COMPARISONS[_the_comparison_word(s)]),
        (("rule", "若「次数」 不少于 3 扣1分"), ("rule", "若「次数」不超过 2 扣1分"),
         ("rule", "若 非「其余」 且「次数」大于 2 扣1分"))),
    KnownMistake(
        msg.NEGATIVE_AMOUNT,
        lambda s: s.found[:1] in _MINUS and "NUMBER" in s.accepts and _after_amount_word(s),
        _found, _negative_fix,
        (("rule", "每「次数」得-0.5分"), ("rule", "若「其余」 加 -1分"), ("rule", "每「次数」扣－0.5分"),
         ("rule", "每「次数」扣−0.5分"))),
    KnownMistake(
        msg.NEGATIVE_NUMBER,
        lambda s: s.found[:1] in _MINUS and "NUMBER" in s.accepts,
        _found, _no_fix,
        (("rule", "「次数」 不少于 -3 每少 1 次 扣1分"),)),
    KnownMistake(
        msg.DEDUCTION_ONLY_ORDER,
        lambda s: s.kind == "DEDUCTION_ONLY",
        _found, _deduction_only_fix,
        (("item", '扣分项 第2项 "其余" 6分 { 每「次数」扣1分 }'),
         ("item", '第2项 "其余" 扣分项 6分 { 每「次数」扣1分 }'))),
    KnownMistake(
        msg.STEP_UNIT_WORD,
        lambda s: "STEP_UNIT" in s.accepts and s.kind not in s.accepts and bool(CJK.match(s.found)),
        lambda s: {"word": _step_unit_word(s)},
        lambda s: s.before.rstrip() + " " + s.after[len(_step_unit_word(s)):].lstrip(),
        (("rule", "「次数」 不少于 3 每少 1 宗 扣0.7分"), ("rule", "「次数」 不少于 3 每少1宗扣0.7分"),
         ("rule", "「次数」 不少于 3 每少 1 批 扣0.7分"))),
    # last: any one keyword the parser needs and did not get (位小数, 名, 次 …)
    KnownMistake(
        msg.MISSING_KEYWORD,
        lambda s: len(s.accepts - {"$END"}) == 1 and bool(CJK.match(next(iter(s.accepts - {"$END"})))),
        lambda s: {"keyword": next(iter(s.accepts - {"$END"})), "found": s.found},
        lambda s: s.insert(next(iter(s.accepts - {"$END"}))),
        (("rule", "共 2 每次 5分 { 若「其余」不得分 }"),)),
)


def known_mistake(seen: Seen) -> KnownMistake | None:
    """The first known mistake that applies where the parser stopped, if any."""
    for mistake in KNOWN_MISTAKES:
        if mistake.applies(seen):
            return mistake
    return None


def bare_text_fix(seen: Seen, prev_keyword: str | None) -> tuple[str, str | None]:
    """For bare Chinese text: the name it starts with, and the line rewritten with that name
    in 「」 (and 若 in front, where a statement starts with it: 被曝光不得分 → 若「被曝光」不得分)."""
    run = _bare_word(seen)
    cut = None
    for i in range(1, len(run)):
        if any(run.startswith(f, i) for f in FOLLOWERS):
            cut = i
            break
    name = run[:cut] if cut else run
    # digits are never part of a bare name here: 「漏管人次」扣0.5分
    name = re.split(r"[0-9]", name)[0] or name
    rest = seen.after[len(name):]
    statement = "若" in seen.accepts and not prev_keyword and rest.lstrip().startswith(("不得分", "扣", "得"))
    return name, seen.before + ("若「" if statement else "「") + name + "」" + rest


def synonym(seen: Seen) -> tuple[str, str] | None:
    """(word, keyword) when the bare word at the error is a known synonym of a keyword."""
    word = _bare_word(seen)
    return (word, SYNONYMS[word]) if word in SYNONYMS else None
