"""SL1xx: problems of a policy's meaning, found by resolution (model/from_syntax*.py) and by
the consistency checks (model/checks.py). Braces in a template are doubled: ``{{ }}``."""
from __future__ import annotations

from .base import error, warning

# ------------------------------------------------------------------ header and entities
HEADER_MISSING = error(
    "HEADER_MISSING", "SL101", "",
    "缺少考评办法的标题块：考评办法 \"…\" {{ 保留 2 位小数 四舍五入 }}",
    "the policy header is missing: 考评办法 \"…\" {{ 保留 2 位小数 四舍五入 }}")
HEADER_REPEATED = error(
    "HEADER_REPEATED", "SL101", "",
    "考评办法的标题块只能写一次", "the policy header may appear only once")
PLACES_MISSING = error(
    "PLACES_MISSING", "SL102", "",
    "标题块须声明保留几位小数，如：保留 2 位小数 四舍五入",
    "the header must declare the decimal places, e.g. 保留 2 位小数 四舍五入")
ENTITIES_MISSING = error(
    "ENTITIES_MISSING", "SL103", "",
    "没有声明考评对象：对象 「各县」 {{ 「甲县」 … }}",
    "no entities declared: 对象 「各县」 {{ 「甲县」 … }}")
ENTITY_DUPLICATE = error(
    "ENTITY_DUPLICATE", "SL104", "name",
    "考评对象「{name}」重复声明", "entity 「{name}」 declared twice")
GROUP_DUPLICATE = error(
    "GROUP_DUPLICATE", "SL104", "name",
    "分组「{name}」重复声明", "group 「{name}」 declared twice")
GROUP_MEMBER_UNKNOWN = error(
    "GROUP_MEMBER_UNKNOWN", "SL105", "name",
    "分组成员「{name}」不是已声明的考评对象", "group member 「{name}」 is not a declared entity")
GROUP_UNKNOWN = error(
    "GROUP_UNKNOWN", "SL105", "name",
    "未声明的分组「{name}」", "undeclared group 「{name}」")

PLACES_RANGE = error(
    "PLACES_RANGE", "SL142", "limit places",
    "保留的小数位数须为 0 至 {limit} 的整数，这里写的是 {places}",
    "the decimal places must be a whole number from 0 to {limit}; this says {places}",
    "如保留两位小数，写作：保留 2 位小数 四舍五入", "two places, for instance, are written 保留 2 位小数 四舍五入")

# ------------------------------------------------------------------ weights (SL106, SL143)
WEIGHT_MISSING = error(
    "WEIGHT_MISSING", "SL106", "ordinal number",
    "目标任务{ordinal}没有计入总分权重", "task {number} has no weight",
    "在「计入总分权重 {{ }}」中写：目标任务{ordinal} 15%", "add to 计入总分权重 {{ }}: 目标任务{ordinal} 15%")
WEIGHT_REPEATED = error(
    "WEIGHT_REPEATED", "SL106", "ordinal number",
    "目标任务{ordinal}的权重重复声明", "the weight of task {number} is declared twice")
WEIGHT_ENTITY_TWICE = error(
    "WEIGHT_ENTITY_TWICE", "SL106", "entity ordinal number",
    "「{entity}」在目标任务{ordinal}的两行权重中", "「{entity}」 falls under two weight lines of task {number}")
WEIGHT_RANGE_EMPTY = error(
    "WEIGHT_RANGE_EMPTY", "SL106", "ordinal number label",
    "目标任务{ordinal}没有{label}", "task {number} has no items {label}")
WEIGHT_PARTS_OVERLAP = error(
    "WEIGHT_PARTS_OVERLAP", "SL106", "",
    "权重的各部分重复计入同一项", "two weighted parts share an item")
WEIGHT_NO_DEFAULT_LINE = error(
    "WEIGHT_NO_DEFAULT_LINE", "SL106", "ordinal number entities",
    "目标任务{ordinal}的权重没有适用于{entities}等对象的一行",
    "no weight line of task {number} applies to {entities}…",
    "加一行不带分组的权重，如：目标任务{ordinal} 15%", "add a line without a group, e.g. 目标任务{ordinal} 15%")
WEIGHT_PART_NOT_CONTIGUOUS = error(
    "WEIGHT_PART_NOT_CONTIGUOUS", "SL143", "ordinal number",
    "目标任务{ordinal}权重中的一段只能是相连的一个范围（第a至b项）或一项（第c项），不相连的项不能合为一段",
    "a weighted part of task {number} is one contiguous range (第a至b项) or one item (第c项); "
    "separate items cannot make one part",
    "分成几段各写权重，如：第1至5项 10% 第7至12项 5%（每段各自折算为百分制）",
    "weigh them as separate parts, e.g. 第1至5项 10% 第7至12项 5% (each on its own 100-point scale)")
WEIGHT_RANGE_BACKWARDS = error(
    "WEIGHT_RANGE_BACKWARDS", "SL143", "ordinal number first last",
    "目标任务{ordinal}权重中的范围第{first}至{last}项倒置",
    "the range 第{first}至{last}项 in the weights of task {number} runs backwards",
    "写作 第{last}至{first}项", "write 第{last}至{first}项")
WEIGHT_TASK_UNDEFINED = error(
    "WEIGHT_TASK_UNDEFINED", "SL106", "ordinal number",
    "计入总分权重里的目标任务{ordinal}没有定义", "the weights name task {number}, which is not defined")

# ------------------------------------------------------------------ fact declarations
FACT_DUPLICATE = error(
    "FACT_DUPLICATE", "SL107", "name",
    "事实「{name}」重复声明", "fact 「{name}」 declared twice")
RECORD_FIELD_DUPLICATE = error(
    "RECORD_FIELD_DUPLICATE", "SL108", "name",
    "记录「{name}」的字段有重复", "record 「{name}」 lists a field twice")
RANGE_INVERTED = error(
    "RANGE_INVERTED", "SL108", "name low high",
    "事实「{name}」的评定范围 {low} 至 {high} 下限大于上限",
    "fact 「{name}」: range {low} to {high} has its low end above its high end")
CHOICE_DUPLICATE = error(
    "CHOICE_DUPLICATE", "SL108", "name",
    "事实「{name}」的选项有重复", "fact 「{name}」 lists a choice twice")
AT_MOST_WRONG_TYPE = error(
    "AT_MOST_WRONG_TYPE", "SL108", "name type",
    "「至多」只能用于计数或数值事实，「{name}」是{type}",
    "「至多」 applies to count or number facts; 「{name}」 is a {type}")
RECORDS_PER_OCCASION = error(
    "RECORDS_PER_OCCASION", "SL108", "name",
    "评定记录「{name}」不能按次", "judgement records 「{name}」 cannot be per occasion")
DEFAULT_WRONG_TYPE = error(
    "DEFAULT_WRONG_TYPE", "SL109", "name type",
    "事实「{name}」的默认值不符合类型{type}", "the default of fact 「{name}」 does not fit its type ({type})")
DEFAULT_OUT_OF_RANGE = error(
    "DEFAULT_OUT_OF_RANGE", "SL109", "name value low high",
    "事实「{name}」的默认值 {value} 不在评定范围 {low} 至 {high} 内",
    "the default {value} of fact 「{name}」 is outside its range {low} to {high}")
DEFAULT_ADDED_NOT_OCCURRED = error(
    "DEFAULT_ADDED_NOT_OCCURRED", "SL109", "name low high",
    "「{name}」是加上的评分（加「…」），默认值须在评定范围 {low} 至 {high} 内；“未发生”（0）只用于扣分的评定",
    "「{name}」 is a score that is added (加「…」): its default must lie within {low} to {high}; "
    "\"did not occur\" (0) applies to judgements that deduct",
    "删去默认值，使每个对象都必须评分", "remove the default, so that every entity must be scored")
FACT_UNREAD = warning(
    "FACT_UNREAD", "SL110", "name",
    "事实「{name}」已声明但没有规则读取它", "fact 「{name}」 is declared but no rule reads it")
PER_OCCASION_UNUSED = error(
    "PER_OCCASION_UNUSED", "SL111", "name",
    "事实「{name}」声明为按次，但没有在「共…次」中使用",
    "fact 「{name}」 is per occasion (按次) but not read inside 共…次")
PER_OCCASION_OUTSIDE = error(
    "PER_OCCASION_OUTSIDE", "SL111", "name",
    "按次事实「{name}」只能在「共…次」中读取", "per-occasion fact 「{name}」 can only be read inside 共…次")
PER_OCCASION_COUNTS_DIFFER = error(
    "PER_OCCASION_COUNTS_DIFFER", "SL111", "name",
    "按次事实「{name}」在不同的「共…次」中次数不同",
    "per-occasion fact 「{name}」 is read with different numbers of occasions")

JUDGEMENT_DEFAULT_ZERO = warning(
    "JUDGEMENT_DEFAULT_ZERO", "SL140", "name",
    "评定「{name}」默认 0：漏填时不扣分（按满分计），且看不出是有意的",
    "judgement 「{name}」 defaults to 0: left out, it deducts nothing (full marks), and nothing says that is intended",
    "情形通常不发生、由牵头部门主动报告时写 默认 未发生；否则删去默认值，使之必须评定",
    "write 默认 未发生 if the situation normally does not occur and the lead department reports it; "
    "otherwise remove the default so that it must be entered")

# ------------------------------------------------------------------ occasions
OCCASIONS_RANGE = error(
    "OCCASIONS_RANGE", "SL141", "limit count",
    "「共N次」的次数须为 1 至 {limit} 的整数，这里写的是 {count}",
    "the number of occasions (共N次) must be a whole number from 1 to {limit}; this says {count}",
    "每一次各自计分，按次的事实每次各填一个值；次数更多时改用计数事实，如 每「未达标次数」扣1分",
    "each occasion is scored on its own, with one value per occasion of each per-occasion fact; "
    "for more, count them instead, e.g. 每「未达标次数」扣1分")

# ------------------------------------------------------------------ fact references
FACT_UNDECLARED = error(
    "FACT_UNDECLARED", "SL112", "name",
    "未声明的事实「{name}」", "undeclared fact 「{name}」",
    "在「事实 {{ }}」中声明它，如：「{name}」 计数", "declare it in a 事实 {{ }} block, e.g. 「{name}」 计数")
FACT_WRONG_TYPE = error(
    "FACT_WRONG_TYPE", "SL113", "what need name type",
    "{what}需要{need}类事实，「{name}」的类型是「{type}」",
    "{what} needs a {need} fact; 「{name}」 is a {type}")
RECORD_FIELDS_NOT_JUDGEMENT = error(
    "RECORD_FIELDS_NOT_JUDGEMENT", "SL113", "rule name",
    "{rule}需要评定或评定记录，「{name}」是带字段的记录",
    "{rule} needs a judgement; 「{name}」 is a record with fields")
AGGREGATE_NOT_RECORDS = error(
    "AGGREGATE_NOT_RECORDS", "SL113", "",
    "「合计」「平均」只用于评定记录", "合计/平均 apply to judgement records only")

# ------------------------------------------------------------------ tasks, items, articles
TASK_DUPLICATE = error(
    "TASK_DUPLICATE", "SL114", "ordinal number",
    "目标任务{ordinal}重复定义", "task {number} is defined twice")
ARTICLE_DUPLICATE = error(
    "ARTICLE_DUPLICATE", "SL114", "article",
    "{article}重复定义", "{article} is defined twice")
LEAD_MISSING = error(
    "LEAD_MISSING", "SL115", "ordinal number",
    "目标任务{ordinal}没有写考评牵头部门：牵头 「…」", "task {number} names no lead department: 牵头 「…」")
DEDUCTION_ONLY_EARNS = error(
    "DEDUCTION_ONLY_EARNS", "SL116", "",
    "扣分项只能扣分：不能有得分规则，也不能「不得分」",
    "a deduction-only item (扣分项) only deducts: no points earned, no 不得分")

# ------------------------------------------------------------------ ladders
LADDER_PERCENT_TARGET_ABOVE_100 = error(
    "LADDER_PERCENT_TARGET_ABOVE_100", "SL117", "target",
    "百分比的目标 {target}% 超过 100%", "a percent target {target}% is above 100%")
LADDER_PERCENT_STEP_UNIT = error(
    "LADDER_PERCENT_STEP_UNIT", "SL117", "name unit",
    "百分比「{name}」每档应以百分点计，不能以「{unit}」计",
    "a step on percent 「{name}」 is in percentage points, not 「{unit}」")
LADDER_TARGET_NOT_PERCENT = error(
    "LADDER_TARGET_NOT_PERCENT", "SL117", "name type",
    "「{name}」是{type}，目标不能写成百分比", "「{name}」 is a {type}: its target cannot be a percent",
    "写目标数（如 达 300），每档用「个百分点」表示相对目标的百分点",
    "write the target figure (达 300); 个百分点 steps are then points of that target")
LADDER_RELATIVE_TARGET_ZERO = error(
    "LADDER_RELATIVE_TARGET_ZERO", "SL117", "",
    "按百分点计算的目标必须大于0", "a target measured in percentage points must be above 0")
LADDER_STEP_ZERO = error(
    "LADDER_STEP_ZERO", "SL117", "",
    "每档的大小必须大于0", "the step must be above 0")
LADDER_DIRECTION = error(
    "LADDER_DIRECTION", "SL117", "",
    "阶梯的方向不一致：「达/不少于」配「每降低/每少」，「不高于/不超过」配「每增加/每超过」",
    "a ladder mixes directions: 达/不少于 go with 每降低/每少, 不高于/不超过 with 每增加/每超过")
LADDER_RELATIVE_TARGET_EXPR = error(
    "LADDER_RELATIVE_TARGET_EXPR", "SL117", "",
    "按目标的百分点计的阶梯（计数、数值的「每降低 N 个百分点」），目标须是一个数，不能是算式",
    "a ladder in percentage points of its target (a count or number with 每降低 N 个百分点) needs a number as target",
    "先算出比率再比较，如：「本年数」 ÷ 「上年数」 × 100% 除数为0时取 100% 达 100% 每降低 5 个百分点 扣1分",
    "compare a ratio instead: 「本年数」 ÷ 「上年数」 × 100% 除数为0时取 100% 达 100% 每降低 5 个百分点 扣1分")
LADDER_BONUS_DOWNWARD = error(
    "LADDER_BONUS_DOWNWARD", "SL117", "",
    "加分的阶梯按超出基数或目标的档数加分，须写「每提高」（或 每增加、每超过、每多）",
    "a bonus ladder adds per step above its baseline or target: write 每提高 (or 每增加, 每超过, 每多)",
    "如：「本年率」 比 「上年率」 每提高 1 个百分点 加1分 不足一档不计",
    "e.g. 「本年率」 比 「上年率」 每提高 1 个百分点 加1分 不足一档不计")
LADDER_PARTIAL_MISSING = error(
    "LADDER_PARTIAL_MISSING", "SL118", "",
    "阶梯扣分须写明不足一档的部分如何计算", "a ladder must say how a partial step counts",
    "在规则末尾写：不足一档按一档计、不足一档不计 或 不足一档按比例计",
    "end the rule with 不足一档按一档计 (counts as a step), 不足一档不计 (ignored) or 不足一档按比例计 (pro rata)")

# ------------------------------------------------------------------ comparisons
CHOICE_COMPARE_OP = error(
    "CHOICE_COMPARE_OP", "SL119", "name",
    "选项事实「{name}」只能用「为」或「不为」与带引号的选项比较",
    "choice fact 「{name}」 can only be compared with 为/不为 against a quoted choice")
CHOICE_UNKNOWN = error(
    "CHOICE_UNKNOWN", "SL119", "value name choices",
    "「{value}」不是事实「{name}」的选项（{choices}）", "\"{value}\" is not a choice of 「{name}」 ({choices})")
FLAG_COMPARE = error(
    "FLAG_COMPARE", "SL119", "name",
    "是否事实「{name}」只能与「是」或「否」比较", "flag fact 「{name}」 can only be compared with 是 or 否")
NUMBER_COMPARE = error(
    "NUMBER_COMPARE", "SL119", "name",
    "数值事实「{name}」只能与数字比较", "numeric fact 「{name}」 can only be compared with a number")

# ------------------------------------------------------------------ consistency checks (model/checks.py)
SECTION_POINTS = error(
    "SECTION_POINTS", "SL120", "title points total",
    "部分「{title}」写作 {points}分，但其各项合计 {total}分",
    "section 「{title}」 says {points} points but its items add up to {total}")
TASK_NOT_100 = error(
    "TASK_NOT_100", "SL121", "ordinal task worth",
    "目标任务{ordinal}各部分合计 {worth}分，不是百分制",
    "task {task}'s sections add up to {worth}, not 100 (each task is on a 100-point scale)")
PART_WORTHLESS = error(
    "PART_WORTHLESS", "SL121", "ordinal task label",
    "目标任务{ordinal}的{label}没有分值，无法折算为百分制",
    "task {task}: {label} is worth nothing and cannot be put on a 100-point scale")
PARTS_SHORT = error(
    "PARTS_SHORT", "SL122", "item points total",
    "项目 {item} 写作 {points}分，但其分项合计只有 {total}分",
    "item {item} says {points} points but its parts add up to only {total}")
PARTS_EXCEED = warning(
    "PARTS_EXCEED", "SL122", "item points total",
    "项目 {item} 的分项合计 {total}分，超过本项 {points}分：按 {points}分封顶",
    "item {item}'s parts add up to {total}, more than its {points} points: capped at {points}",
    "原文若自相矛盾，请在引文旁写明解读", "if the source contradicts itself, state the reading beside the quote")
ITEM_NUMBER_DUPLICATE = error(
    "ITEM_NUMBER_DUPLICATE", "SL123", "item",
    "项号 {item} 重复", "item number {item} is used twice")
WEIGHTS_NOT_100 = error(
    "WEIGHTS_NOT_100", "SL124", "entities total",
    "{entities}的计入总分权重合计 {total}%，不是 100%", "the weights of {entities} add up to {total}%, not 100%",
    "检查「计入总分权重」：每个对象各任务的权重之和应为 100%",
    "check 计入总分权重: each entity's task weights must add up to 100%")
ITEM_WITHOUT_RULES = warning(
    "ITEM_WITHOUT_RULES", "SL125", "item",
    "项目 {item} 没有任何规则", "item {item} has no rules")
ARTICLE_RULE_KIND = error(
    "ARTICLE_RULE_KIND", "SL126", "article",
    "{article}的规则只能加分、扣分或改变评奖，不能「得」「不得分」或阶梯",
    "an article's rules add (加), deduct (扣) or change the award; not 得, 不得分 or ladders")
AWARD_EFFECT_IN_ITEM = error(
    "AWARD_EFFECT_IN_ITEM", "SL126", "",
    "改变评奖、排名或等次的规则（降低一个等次评奖、直接排名最后一位、直接评定为 \"…\" 等）只能写在条款"
    "（第…条 \"…\" {{ … }}）中",
    "effects on the award, rank or grade (降低一个等次评奖, 直接评定为 \"…\" …) belong in an article "
    "(第…条 \"…\" {{ … }}), not in an item")
AWARDS_REPEATED = error(
    "AWARDS_REPEATED", "SL127", "",
    "奖项块只能写一次", "the 奖项 block may appear only once")
TIER_ORDER = error(
    "TIER_ORDER", "SL127", "name rank",
    "综合奖「{name}」应从第{rank}名开始，且名次不能倒置",
    "award tier 「{name}」 should start at rank {rank}, ranks in order")
RECORDS_AGGREGATE_MISSING = error(
    "RECORDS_AGGREGATE_MISSING", "SL128", "name",
    "评定记录「{name}」须写明多人评分是「合计」还是「平均」",
    "say whether the records of 「{name}」 add up (合计) or average (平均)",
    "写作：加「{name}」 合计 或 加「{name}」 平均", "write 加「{name}」 合计 or 加「{name}」 平均")
TABLE_NOT_FIELDS = error(
    "TABLE_NOT_FIELDS", "SL129", "name",
    "「{name}」是评定记录，不是带字段的记录", "「{name}」 has no fields")
TABLE_NO_FIELD = error(
    "TABLE_NO_FIELD", "SL129", "name field",
    "记录「{name}」没有字段「{field}」", "record 「{name}」 has no field 「{field}」")
TABLE_NOT_A_CHOICE = error(
    "TABLE_NOT_A_CHOICE", "SL129", "value field",
    "「{value}」不是「{field}」的选项", "\"{value}\" is not a choice of 「{field}」")
ITEM_NEVER_SCORED = warning(
    "ITEM_NEVER_SCORED", "SL130", "item",
    "项目 {item} 不在任何一行权重中，对所有对象都不计分", "item {item} is in no weighted part: no entity is scored on it")
FLOOR_ON_GAIN = error(
    "FLOOR_ON_GAIN", "SL131", "",
    "「扣完为止」只能写在扣分的规则后：这条规则不扣分（它加分、得分或改变评奖）",
    "扣完为止 (floored at zero) belongs to a rule that deducts; this one adds, earns or changes the award",
    "删去「扣完为止」；若这条本应扣分，把「加」「得」改为「扣」",
    "remove 扣完为止; if the rule should deduct, write 扣 instead of 加 or 得")
NO_TASKS = error(
    "NO_TASKS", "SL132", "",
    "考评办法没有目标任务：总分由各目标任务加权得出，至少要有一个 目标任务 一 \"…\" {{ … }}",
    "the policy has no task: the total is the weighted sum of the tasks, so at least one "
    "目标任务 一 \"…\" {{ … }} is needed",
    "条款（第…条）只在任务得分之上加减分；先写目标任务和它的 计入总分权重",
    "articles (第…条) only adjust the tasks' total; write the tasks and their 计入总分权重 first")

# ------------------------------------------------------------------ caps and floors (SL160–SL164)
CAP_VERB_MISMATCH = error(
    "CAP_VERB_MISMATCH", "SL160", "cap effect",
    "「最多{cap}」与这条规则不符：这条规则{effect}",
    "最多{cap} does not match this rule, which {effect}",
    "扣分的规则写「最多扣 N 分」，加分的写「最多加 N 分」，得分的写「最多得 N 分」",
    "a deduction takes 最多扣 N 分, a bonus 最多加 N 分, points earned 最多得 N 分")
CAP_NOT_POSITIVE = error(
    "CAP_NOT_POSITIVE", "SL161", "points",
    "封顶的分数须大于 0，这里写的是 {points} 分", "a cap must be more than 0 points; this says {points}")
CAP_REPEATED = error(
    "CAP_REPEATED", "SL162", "what",
    "{what}重复声明", "{what} is declared twice",
    "每条条款的加分、扣分各只写一次上限", "write each cap of an article once")
TOTAL_BOUNDS_CROSSED = error(
    "TOTAL_BOUNDS_CROSSED", "SL163", "upper lower",
    "考评总分的最高分 {upper} 低于最低分 {lower}", "the total's upper bound {upper} is below its lower bound {lower}")
BONUS_UNBOUNDED = warning(
    "BONUS_UNBOUNDED", "SL164", "fact clause",
    "「{fact}」没有上限（未写「至多」），按次加分在任何一级都没有封顶：{clause}的加分可以无限大",
    "「{fact}」 has no upper limit (no 至多) and the bonus per occurrence is capped at no level: "
    "the bonus of {clause} is unbounded",
    "写明上限：在事实后写「至多 N」，或在规则后写「最多加 N 分」，或在条款中写「加分累计最多 N 分」"
    "（部分、任务中写「本部分加分累计最多 N 分」「本任务加分累计最多 N 分」），或在标题块写「考评总分 最高 N 分」",
    "bound it: 至多 N on the fact, 最多加 N 分 after the rule, 加分累计最多 N 分 in the article (本部分… in "
    "its section, 本任务… in its task), or 考评总分 最高 N 分 in the header")

# ------------------------------------------------------------------ expressions and conditions
NOT_A_VALUE = error(
    "NOT_A_VALUE", "SL150", "",
    "此处应为一个数值（事实、数字或算式），而不是条件",
    "a value (a fact, a number or arithmetic) is expected here, not a condition")
NOT_A_CONDITION = error(
    "NOT_A_CONDITION", "SL150", "",
    "此处应为条件（「是否」事实、比较、且/或/非），而不是数值",
    "a condition (a flag fact, a comparison, 且/或/非) is expected here, not a value",
    "与某个值比较，如：「a」 + 「b」 > 10", "compare it with something, e.g. 「a」 + 「b」 > 10")
KINDS_MISMATCH = error(
    "KINDS_MISMATCH", "SL151", "op left right",
    "不能{op}{left}与{right}", "cannot {op} {left} and {right}",
    "百分比只与百分比相加、相比；两数相除得到比率，再乘以 100% 得到百分比",
    "percents add to and compare with percents; a ratio of two values times 100% is a percent")
UNITS_MISMATCH = error(
    "UNITS_MISMATCH", "SL151", "op left right",
    "不能{op}单位为「{left}」与「{right}」的值", "cannot {op} values in 「{left}」 and in 「{right}」")
RULE_VALUE_KIND = error(
    "RULE_VALUE_KIND", "SL151", "what need kind",
    "{what}需要{need}，此算式是{kind}", "{what} needs {need}; this expression is {kind}")
DIVISOR_MAY_BE_ZERO = error(
    "DIVISOR_MAY_BE_ZERO", "SL152", "divisor",
    "除数 {divisor} 可能为 0，须写明除数为 0 时的取值",
    "the divisor {divisor} may be 0: say what the value is when it is",
    "在算式后写明：… 除数为0时取 100%", "add after the expression: … 除数为0时取 100%")
GUARD_UNUSED = warning(
    "GUARD_UNUSED", "SL152", "",
    "「除数为0时取」所在的算式中没有可能为 0 的除数，此写法不起作用",
    "「除数为0时取」 is written, but no divisor of this expression can be 0")
VALUE_MAY_BE_NEGATIVE = error(
    "VALUE_MAY_BE_NEGATIVE", "SL154", "what",
    "{what}的算式可能为负数，负数会把扣分变成加分（或反之）",
    "the expression of {what} may be negative, which would turn a deduction into points (or back)",
    "写成 最大（…，0），或调整算式", "write 最大（…, 0）, or change the expression")
CONDITION_NEVER_TRUE = warning(
    "CONDITION_NEVER_TRUE", "SL155", "low high",
    "此比较永远不成立：按声明的取值范围，左边在 {low} 至 {high} 之间",
    "this comparison can never hold: by the declared ranges the left side lies in {low} … {high}",
    "检查比较的方向和数值（计数不小于 0，百分比在 0 至 100 之间，至多 …）",
    "check the comparison and its value (a count is ≥ 0, a percent 0–100, 至多 …)")
CONDITION_ALWAYS_TRUE = warning(
    "CONDITION_ALWAYS_TRUE", "SL155", "low high",
    "此比较总是成立：按声明的取值范围，左边在 {low} 至 {high} 之间",
    "this comparison always holds: by the declared ranges the left side lies in {low} … {high}",
    "检查比较的方向和数值（计数不小于 0，百分比在 0 至 100 之间，至多 …）",
    "check the comparison and its value (a count is ≥ 0, a percent 0–100, 至多 …)")
LADDER_UNIT_MISMATCH = error(
    "LADDER_UNIT_MISMATCH", "SL156", "unit name declared",
    "单位「{unit}」与「{name}」声明的单位「{declared}」不符",
    "the unit 「{unit}」 does not match 「{name}」's declared unit 「{declared}」",
    "写声明的单位「{declared}」，或不写单位", "write the declared unit 「{declared}」, or none")
FUNCTION_ARGS = error(
    "FUNCTION_ARGS", "SL153", "function count",
    "「{function}」须有{count}", "「{function}」 takes {count}")


# ------------------------------------------------------------------ 评分 (raters): SL170–SL173
_RATINGS_FORMS = ("写明汇总方式之一：取平均、取合计、去掉一个最高分和一个最低分后平均、"
                  "按「评分人类别」加权 {{ \"领导\" 40% \"群众\" 60% }}",
                  "state one way of combining them: 取平均 (mean), 取合计 (sum), "
                  "去掉一个最高分和一个最低分后平均 (trimmed mean), "
                  "按「评分人类别」加权 {{ \"领导\" 40% \"群众\" 60% }} (weighted by rater group)")
RATINGS_AGGREGATE_MISSING = error(
    "RATINGS_AGGREGATE_MISSING", "SL170", "name",
    "评分「{name}」没有写明多个评分如何汇总", "ratings 「{name}」 do not say how the ratings combine",
    *_RATINGS_FORMS)
RATINGS_AGGREGATE_REPEATED = error(
    "RATINGS_AGGREGATE_REPEATED", "SL170", "name",
    "评分「{name}」写了不止一种汇总方式，只能写一种", "ratings 「{name}」 state more than one way of combining them")
RATINGS_EMPTY_MISSING = error(
    "RATINGS_EMPTY_MISSING", "SL171", "name",
    "评分「{name}」没有写明没有任何评分时怎么办", "ratings 「{name}」 do not say what no rating at all gives",
    "写「无评分时 计 0 分」（或其他分数），或「无评分时 报错」（事实文件必须给出评分）",
    "write 无评分时 计 0 分 (or another score), or 无评分时 报错 (the facts file must give ratings)")
RATINGS_EMPTY_REPEATED = error(
    "RATINGS_EMPTY_REPEATED", "SL171", "name",
    "评分「{name}」的「无评分时」写了不止一次", "ratings 「{name}」 state 无评分时 more than once")
RATINGS_EMPTY_OUT_OF_RANGE = error(
    "RATINGS_EMPTY_OUT_OF_RANGE", "SL171", "name value low high",
    "评分「{name}」无评分时计 {value} 分，不在 {low} 至 {high} 分之间",
    "ratings 「{name}」: no rating gives {value}, outside {low} to {high}")
RATINGS_OPTION_NOT_RATINGS = error(
    "RATINGS_OPTION_NOT_RATINGS", "SL172", "name",
    "「{name}」不是评分：汇总方式和「无评分时」只用于「评分 a 至 b 分」",
    "「{name}」 is not a ratings fact: a way of combining and 无评分时 apply to 评分 a 至 b 分 only")
RATINGS_WEIGHTS_SUM = error(
    "RATINGS_WEIGHTS_SUM", "SL173", "name total",
    "评分「{name}」各类评分人的权重合计 {total}%，应为 100%",
    "the rater-group weights of 「{name}」 add up to {total}%, not 100%")
RATINGS_WEIGHT_GROUP_TWICE = error(
    "RATINGS_WEIGHT_GROUP_TWICE", "SL173", "name group",
    "评分「{name}」的评分人类别「{group}」写了两次", "ratings 「{name}」 weigh rater group 「{group}」 twice")

# ------------------------------------------------------------------ entities from data: SL174–SL175
ENTITIES_LISTED_AND_FROM_FACTS = error(
    "ENTITIES_LISTED_AND_FROM_FACTS", "SL174", "",
    "考评对象要么逐个列出，要么「由事实文件列出」，不能两样都写",
    "entities are either listed or 由事实文件列出 (taken from the facts file), not both")
GROUP_LISTED_IN_DATA_POLICY = error(
    "GROUP_LISTED_IN_DATA_POLICY", "SL174", "name",
    "考评对象由事实文件列出，分组「{name}」不能逐个列出成员",
    "the entities come from the facts file: group 「{name}」 cannot list its members",
    "按事实分组，如：分组 「{name}」 凡「类别」为 \"藏区\"",
    "define it by a fact, e.g. 分组 「{name}」 凡「类别」为 \"藏区\"")
GROUP_FACT_NOT_CHOICE = error(
    "GROUP_FACT_NOT_CHOICE", "SL175", "name fact",
    "分组「{name}」按「{fact}」分组，「{fact}」须是在事实块中声明的选项",
    "group 「{name}」 is defined by 「{fact}」, which must be a declared choice fact")
GROUP_VALUE_NOT_A_CHOICE = error(
    "GROUP_VALUE_NOT_A_CHOICE", "SL175", "name fact value choices",
    "分组「{name}」：\"{value}\" 不是「{fact}」的选项（{choices}）",
    "group 「{name}」: \"{value}\" is not a choice of 「{fact}」 ({choices})")
GROUP_COMPARISON = error(
    "GROUP_COMPARISON", "SL175", "name",
    "分组「{name}」只能写「为」或「不为」", "group 「{name}」 can only say 为 (is) or 不为 (is not)")
RATINGS_PROPORTIONAL_SCALE = error(
    "RATINGS_PROPORTIONAL_SCALE", "SL176", "name",
    "「按…比例得」读评分「{name}」的汇总分作百分数，评分须是百分制（幅度从 0 分以上到 100 分）",
    "按…比例得 reads the combined ratings 「{name}」 as a percent: they must be on a 100-point scale (up to 100)",
    "把评分声明为百分制，如：「{name}」 评分 0 至 100 分 …",
    "declare the ratings on a 100-point scale, e.g. 「{name}」 评分 0 至 100 分 …")

# ------------------------------------------------------------------ a declared scale: SL121, SL124
TASK_NOT_SCALE = error(
    "TASK_NOT_SCALE", "SL121", "ordinal task worth scale",
    "目标任务{ordinal}各部分计入本任务的分值合计 {worth}分，不是本任务声明的满分 {scale}分",
    "task {task}'s sections count {worth} points, not the full score of {scale} it declares",
    "各部分分值（折算为百分制的部分按 100 分计）之和应等于「满分 {scale} 分」",
    "the sections' points (100 for a section 折算为百分制) must add up to 满分 {scale} 分")
TOTAL_NOT_SCALE = error(
    "TOTAL_NOT_SCALE", "SL124", "entities total scale clause",
    "{entities}各目标任务计入总分的满分合计 {total}分，不是{clause}的满分 {scale}分",
    "for {entities} the tasks count {total} points in the total, not the full score of {scale} ({clause})",
    "每个任务计入的满分：按原分计入的为其满分 × 权重，折算为百分制的为 100 × 权重（不计权重时权重为 100%）",
    "each task counts its full score × its weight (按原分计入) or 100 × its weight (折算为百分制); "
    "without weights, at 100%")
