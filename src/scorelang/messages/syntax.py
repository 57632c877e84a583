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
    "SYNONYM", "SL001", "word keyword",
    "「{word}」不是关键字，应写作「{keyword}」", "「{word}」 is not a keyword; write 「{keyword}」")
NOT_A_KEYWORD = error(
    "NOT_A_KEYWORD", "SL001", "word expected",
    "「{word}」不是关键字，此处应为 {expected}", "「{word}」 is not a keyword; expected {expected}")
BARE_NAME = error(
    "BARE_NAME", "SL001", "name",
    "「{name}」不是关键字：名称须写在「」中", "「{name}」 is not a keyword: names must be written in 「」")
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

# known mistakes (syntax/mistakes.py KNOWN_MISTAKES): each says what to write instead. When the
# exact fix of the line parses, the hint is REWRITE ("应写作：…"); otherwise the entry's own.
POINTS_WITHOUT_FEN = error(
    "POINTS_WITHOUT_FEN", "SL001", "found",
    "分值后缺少「分」（此处是「{found}」）", "points need the word 「分」 after the number (found 「{found}」)",
    "写作 10分", "write e.g. 10分")
ITEM_NUMBER_WITHOUT_XIANG = error(
    "ITEM_NUMBER_WITHOUT_XIANG", "SL001", "found",
    "项号后缺少「项」（此处是「{found}」）", "an item number needs 「项」 after it (found 「{found}」)",
    "写作 第1项 \"标题\" 10分 {{ … }}", "write 第1项 \"title\" 10分 {{ … }}")
MISSING_KEYWORD = error(
    "MISSING_KEYWORD", "SL001", "keyword found",
    "此处缺少「{keyword}」（此处是「{found}」）", "「{keyword}」 is missing here (found 「{found}」)")
LADDER_WITHOUT_STEP = error(
    "LADDER_WITHOUT_STEP", "SL001", "found",
    "阶梯扣分在目标之后须写每档的大小（此处是「{found}」）",
    "a ladder needs its step after the target (found 「{found}」)",
    "写作 「接入率」 达 100% 每降低 5 个百分点 扣5分 不足一档按一档计；每件、每次扣分写作 每「件数」扣1分",
    "write e.g. 「接入率」 达 100% 每降低 5 个百分点 扣5分 不足一档按一档计; per occurrence: 每「件数」扣1分")
RULE_STARTS_WITH_NAME = error(
    "RULE_STARTS_WITH_NAME", "SL001", "name found",
    "以名称开头的规则是阶梯扣分：{name}之后应为 达、不少于、不低于、不高于 或 不超过（此处是「{found}」）",
    "a rule that starts with a name is a ladder: after {name} comes 达, 不少于, 不低于, 不高于 or 不超过 "
    "(found 「{found}」)",
    "按次数扣分写作 每{name}扣1分；满足条件时扣分写作 若{name}扣1分",
    "per occurrence write 每{name}扣1分; when a condition holds write 若{name}扣1分")
COMPARISON_WORD = error(
    "COMPARISON_WORD", "SL001", "word keyword",
    "条件中不用「{word}」比较，写作「{keyword}」（比较词：为、不为、高于、低于、不高于、不低于、>、≥、<、≤）",
    "「{word}」 does not compare in a condition: write 「{keyword}」 "
    "(comparisons: 为, 不为, 高于, 低于, 不高于, 不低于, >, ≥, <, ≤)")
NEGATIVE_AMOUNT = error(
    "NEGATIVE_AMOUNT", "SL001", "found",
    "分值不能是负数（此处是「{found}」）：扣分写「扣」，加分写「加」或「得」",
    "points cannot be negative (found 「{found}」): deduct with 扣, add with 加 or 得")
NEGATIVE_NUMBER = error(
    "NEGATIVE_NUMBER", "SL001", "found",
    "此处的数不能是负数（此处是「{found}」）", "the number here cannot be negative (found 「{found}」)")
DEDUCTION_ONLY_ORDER = error(
    "DEDUCTION_ONLY_ORDER", "SL001", "found",
    "「扣分项」写在项号之后、标题之前（此处是「{found}」）",
    "扣分项 goes right after the item number, before the title (found 「{found}」)",
    "写作 第10项 扣分项 \"扣分项目\" 6分 {{ … }}", "write e.g. 第10项 扣分项 \"扣分项目\" 6分 {{ … }}")
JUDGED_BONUS_WITH_CONDITION = error(
    "JUDGED_BONUS_WITH_CONDITION", "SL001", "found",
    "评定加分「加「…」」不带条件：评定的分数就是所加的分，情形未发生时填 0（此处是「{found}」）",
    "a judged bonus 加「…」 takes no condition: the judged amount is the bonus, 0 when it does not apply "
    "(found 「{found}」)",
    "写作 加「评定名称」", "write 加「the judgement」")
STEP_UNIT_WORD = error(
    "STEP_UNIT_WORD", "SL001", "word",
    "「{word}」不能作阶梯每档的单位：可写 个百分点、次、个、件、%，也可以不写（计数的单位在事实中声明）",
    "「{word}」 is not a unit a ladder step takes: write 个百分点, 次, 个, 件 or %, or none "
    "(a count's unit is declared with the fact)")

# ------------------------------------------------------------------ SL002: values
UNREADABLE_VALUE = error(
    "UNREADABLE_VALUE", "SL002", "problem",
    "无法读取：{problem}", "cannot read: {problem}")
UNBUILT_RULE = error(
    "UNBUILT_RULE", "SL002", "rule",
    "这种写法合乎语法，但这一版 scorelang 还不能读取它", "this is grammatical, but this version of scorelang cannot read it",
    "这是 scorelang 的缺陷，请报告（语法规则 {rule}）", "this is a bug in scorelang: please report it (grammar rule {rule})")
