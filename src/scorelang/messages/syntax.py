"""SL0xx: reading the policy text. SL000 the file, SL001 the grammar (syntax/errors.py: every
known mistake has its own entry, the rest say what was found and what may come instead),
SL002 what the grammar accepts but cannot be turned into a value (syntax/from_lark.py)."""
from __future__ import annotations

from .base import error

POLICY_UNREADABLE = error(
    "POLICY_UNREADABLE", "SL000", "reason",
    "无法读取考评办法文件：{reason}", "cannot read the policy file: {reason}")

# ------------------------------------------------------------------ SL001: the grammar
UNCLOSED_QUOTE = error(
    "UNCLOSED_QUOTE", "SL001", "open close",
    "{open} 之后没有配对的 {close}（名称和文字须在同一行内结束）",
    "{open} has no matching {close} (names and text must end on the same line)",
    "在名称或文字末尾补上 {close}", "add the closing {close}")
SYNONYM = error(
    "SYNONYM", "SL001", "word keyword fixed",
    "「{word}」不是关键字，应写作「{keyword}」", "「{word}」 is not a keyword; write 「{keyword}」",
    "应写作：{fixed}", "write it as: {fixed}")
NOT_A_KEYWORD = error(
    "NOT_A_KEYWORD", "SL001", "word expected",
    "「{word}」不是关键字，此处应为 {expected}", "「{word}」 is not a keyword; expected {expected}")
BARE_NAME = error(
    "BARE_NAME", "SL001", "name",
    "「{name}」不是关键字：名称须写在「」中", "「{name}」 is not a keyword: names must be written in 「」")
BARE_NAME_REWRITE = error(
    "BARE_NAME_REWRITE", "SL001", "name fixed",
    "「{name}」不是关键字：名称须写在「」中", "「{name}」 is not a keyword: names must be written in 「」",
    "应写作：{fixed}", "write it as: {fixed}")
UNEXPECTED_CHARACTER = error(
    "UNEXPECTED_CHARACTER", "SL001", "found expected",
    "此处不能出现「{found}」，应为 {expected}", "unexpected 「{found}」 here; expected {expected}")
UNEXPECTED_TOKEN = error(
    "UNEXPECTED_TOKEN", "SL001", "found expected",
    "此处不应出现「{found}」，应为 {expected}", "unexpected 「{found}」 here; expected {expected}")
EOF_IN_BLOCK = error(
    "EOF_IN_BLOCK", "SL001", "head line",
    "文件在「{head} {{」的块内结束：缺少与之配对的「}}」",
    "the file ends inside the block 「{head} {{」: its closing 「}}」 is missing",
    "在第 {line} 行打开的块末尾补上「}}」", "add 「}}」 to close the block opened on line {line}")
UNEXPECTED_EOF = error(
    "UNEXPECTED_EOF", "SL001", "expected",
    "文件意外结束，应为 {expected}", "unexpected end of file; expected {expected}")

# known mistakes (syntax/errors.py KNOWN_MISTAKES): each says what to write instead
POINTS_WITHOUT_FEN = error(
    "POINTS_WITHOUT_FEN", "SL001", "found",
    "分值后缺少「分」（此处是「{found}」）", "points need the word 「分」 after the number (found 「{found}」)",
    "写作 10分", "write e.g. 10分")
ITEM_NUMBER_WITHOUT_XIANG = error(
    "ITEM_NUMBER_WITHOUT_XIANG", "SL001", "found",
    "项号后缺少「项」（此处是「{found}」）", "an item number needs 「项」 after it (found 「{found}」)",
    "写作 第1项 \"标题\" 10分 {{ … }}", "write 第1项 \"title\" 10分 {{ … }}")
DEDUCTION_WITHOUT_FEN = error(
    "DEDUCTION_WITHOUT_FEN", "SL001", "found",
    "扣分数额后缺少「分」（此处是「{found}」）", "a deduction needs 「分」 after the amount (found 「{found}」)",
    "写作 扣0.5分", "write e.g. 扣0.5分")
LADDER_INCOMPLETE = error(
    "LADDER_INCOMPLETE", "SL001", "found",
    "阶梯扣分须写明不足一档如何计算之后才能结束（此处是「{found}」）", "a ladder rule is incomplete (found 「{found}」)",
    "写作 「接入率」 达 100% 每降低 5 个百分点 扣5分 不足一档按一档计",
    "write e.g. 「接入率」 达 100% 每降低 5 个百分点 扣5分 不足一档按一档计")

# ------------------------------------------------------------------ SL002: values
UNREADABLE_VALUE = error(
    "UNREADABLE_VALUE", "SL002", "problem",
    "无法读取：{problem}", "cannot read: {problem}")
UNBUILT_RULE = error(
    "UNBUILT_RULE", "SL002", "rule",
    "这种写法合乎语法，但这一版 scorelang 还不能读取它", "this is grammatical, but this version of scorelang cannot read it",
    "这是 scorelang 的缺陷，请报告（语法规则 {rule}）", "this is a bug in scorelang: please report it (grammar rule {rule})")
