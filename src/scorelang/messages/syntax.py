"""SL0xx: reading the policy text. SL000 the file, SL001 the grammar (syntax/errors.py: every
known mistake has its own entry, the rest say what was found and what may come instead),
SL002 what the grammar accepts but cannot be turned into a value, SL003 a condition nested too
deeply and SL004 a number too large (syntax/from_lark.py)."""
from __future__ import annotations

from .base import error

POLICY_UNREADABLE = error(
    "POLICY_UNREADABLE", "SL000", "path reason",
    "无法读取考评办法文件 {path}：{reason}", "cannot read the policy file {path}: {reason}")
# a file that is not UTF-8 (policy.decode_policy): named, at the first position that is not
_SAVE_AS_UTF8 = ("用编辑器将文件另存为 UTF-8 编码（记事本：另存为 → 编码 UTF-8）",
                 "save the file as UTF-8 in your editor (Notepad: Save As → Encoding UTF-8)")
POLICY_OTHER_ENCODING = error(
    "POLICY_OTHER_ENCODING", "SL000", "path encoding",
    "考评办法文件 {path} 是 {encoding} 编码，须为 UTF-8",
    "the policy file {path} is encoded in {encoding}; it must be UTF-8", *_SAVE_AS_UTF8)
POLICY_NUL = error(
    "POLICY_NUL", "SL000", "path",
    "考评办法文件 {path} 含有空字符（NUL），可能是 UTF-16 编码，须为 UTF-8",
    "the policy file {path} contains NUL characters (UTF-16 perhaps); it must be UTF-8", *_SAVE_AS_UTF8)
POLICY_NOT_UTF8 = error(
    "POLICY_NOT_UTF8", "SL000", "path",
    "考评办法文件 {path} 不是 UTF-8 编码（从这里起无法按 UTF-8 读取，可能是 GBK），须为 UTF-8",
    "the policy file {path} is not UTF-8 (it cannot be read as UTF-8 from here; GBK perhaps); it must be UTF-8",
    *_SAVE_AS_UTF8)

# ------------------------------------------------------------------ SL001: the grammar
UNCLOSED_QUOTE = error(
    "UNCLOSED_QUOTE", "SL001", "open close",
    "{open} 之后没有配对的 {close}（名称和文字须在同一行内结束）",
    "{open} has no matching {close} (names and text must end on the same line)",
    "在名称或文字末尾补上 {close}", "add the closing {close}")
SYNONYM = error(
    "SYNONYM", "SL001", "word keyword",
    "「{word}」不是关键字，应写作「{keyword}」", "「{word}」 is not a keyword; write 「{keyword}」")
MINUS_AFTER_COMMA = error(
    "MINUS_AFTER_COMMA", "SL001", "",
    "逗号后的负号读作减号（逗号会被忽略，「a」，-1 读作「a」-1）",
    "a minus after a comma reads as a subtraction (commas are ignored: 「a」, -1 reads 「a」-1)",
    "负数作为单独的一项时写在括号中：（-1）", "write a negative value on its own in parentheses: (-1)")
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
STEP_UNIT_WORD = error(
    "STEP_UNIT_WORD", "SL001", "word",
    "「{word}」不能作阶梯每档的单位：可写 个百分点、%，或次、个、件、篇、天、个工作日、元、人、项等单位，也可以不写"
    "（计数的单位在事实中声明）",
    "「{word}」 is not a unit a ladder step takes: write 个百分点 or %, or a unit such as 次, 个, 件, 篇, 天, "
    "个工作日, 元, 人, 项, or none (a count's unit is declared with the fact)")

# ------------------------------------------------------------------ SL002: values
NOT_A_NUMERAL = error(
    "NOT_A_NUMERAL", "SL002", "text",
    "「{text}」不是序号：序号写作 1、2、3 … 或 一、二 … 十、十一 … 九十九",
    "「{text}」 is not a number for a task or item: write 1, 2, 3 … or 一, 二 … 十, 十一 … 九十九")
UNBUILT_RULE = error(
    "UNBUILT_RULE", "SL002", "rule",
    "这种写法合乎语法，但这一版 scorelang 还不能读取它", "this is grammatical, but this version of scorelang cannot read it",
    "这是 scorelang 的缺陷，请报告（语法规则 {rule}）", "this is a bug in scorelang: please report it (grammar rule {rule})")

# ------------------------------------------------------------------ SL003, SL004: limits
CONDITION_TOO_DEEP = error(
    "CONDITION_TOO_DEEP", "SL003", "limit",
    "条件嵌套过深：括号与「非」合计至多 {limit} 层",
    "condition nested too deeply: at most {limit} levels of parentheses and 非",
    "把条件拆成几条规则，或去掉多余的括号和成对的「非」",
    "split the condition into several rules, or drop redundant parentheses and double 非")
NUMBER_TOO_LARGE = error(
    "NUMBER_TOO_LARGE", "SL004", "number",
    "数字 {number} 过大：考评办法中的数字须小于 1000000000（10 亿）",
    "the number {number} is too large: numbers in a policy must be below 1000000000 (10^9)")
