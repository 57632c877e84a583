"""Catalogue entries of scales, base-zero scoring, caps of sections and tasks, and the choices
a policy's text leaves open (SL165, SL133–SL139; SL121/SL124 on a declared scale are in policy.py, with their codes)."""
from __future__ import annotations

from .base import error, info

# ------------------------------------------------------------------ caps of sections and tasks: SL165
SCOPE_IN_PARTS = error(
    "SCOPE_IN_PARTS", "SL165", "ordinal what",
    "目标任务{ordinal}按段计权（第a至b项 各自计权），不能写{what}：各段的得分按项相加，不按部分、任务",
    "task {ordinal} is weighed in parts (ranges of items): it cannot take {what}, its parts add up items, "
    "not sections or the task",
    "把上限写在规则上（最多扣 N 分），或整个任务计权", "cap the rules (最多扣 N 分), or weigh the task whole")

# ------------------------------------------------------------------ scales: SL133–SL135
SCALE_ENTERS_MISSING = error(
    "SCALE_ENTERS_MISSING", "SL133", "ordinal scale",
    "目标任务{ordinal}满分 {scale}分，没有写明怎样计入总分：按原分计入，还是折算为百分制",
    "task {ordinal} is out of {scale} points but does not say how it enters the total: as is, or put on a "
    "100-point scale",
    "写 `满分 {scale} 分 按原分计入`（原分乘权重，不计权重时原分相加），或 `满分 {scale} 分 折算为百分制`"
    "（× 100 ÷ {scale} 后乘权重）",
    "write `满分 {scale} 分 按原分计入` (its own points, times its weight if any) or "
    "`满分 {scale} 分 折算为百分制` (× 100 ÷ {scale}, then its weight)")
SCALE_REPEATED = error(
    "SCALE_REPEATED", "SL134", "what",
    "{what}写了不止一次", "{what} is written more than once")
SUMMED_WITH_WEIGHTS = error(
    "SUMMED_WITH_WEIGHTS", "SL134", "",
    "标题块写了「各目标任务得分相加」，又写了「计入总分权重」：两者只能写一种",
    "the header says 各目标任务得分相加 (tasks added up) and the policy also has 计入总分权重 (weights): "
    "write one of them",
    "不计权重就删去「计入总分权重」；按权重计入就删去「各目标任务得分相加」",
    "delete 计入总分权重 to add the tasks up, or 各目标任务得分相加 to weigh them")
SCALE_NOT_POSITIVE = error(
    "SCALE_NOT_POSITIVE", "SL134", "points",
    "满分须大于 0 分，这里写的是 {points} 分", "a full score must be more than 0 points; this says {points}")
BASE_NOT_ZERO = error(
    "BASE_NOT_ZERO", "SL135", "points",
    "基础分只能是 0 分（从零起，只得分），这里写的是 {points} 分",
    "the base score can only be 0 (points are only earned); this says {points}",
    "写「基础分 0 分」，或删去它（从满分起扣分）", "write 基础分 0 分, or delete it (scored down from full points)")
BASE_ZERO_NOTHING_EARNED = error(
    "BASE_ZERO_NOTHING_EARNED", "SL135", "item",
    "基础分 0 分：项目 {item} 没有得分规则（得、按…比例得），永远得 0 分",
    "基础分 0 分 (base zero): item {item} has no rule that earns points (得, 按…比例得): it always scores 0",
    "写出得分的规则，如：每「…」得2分 / 若「…」得10分；只扣分的项写作扣分项",
    "write how it earns points (每「…」得2分 / 若「…」得10分); an item that only deducts is a 扣分项")

# ------------------------------------------------------------------ choices the text leaves open: SL136–SL139
ZERO_BONUS_CHOICE = error(
    "ZERO_BONUS_CHOICE", "SL136", "item",
    "项目 {item} 有加分，「不得分」没有写明加分是否也不计",
    "item {item} has bonuses, and 不得分 does not say whether they go too",
    "写 `不得分（含加分）`（加分也不计）或 `不得分（加分照计）`（只是本项得分为 0）",
    "write 不得分（含加分） (its bonuses go too) or 不得分（加分照计） (only its points go)")
STACKED_CHOICE = error(
    "STACKED_CHOICE", "SL137", "clause fact",
    "{clause} 对「{fact}」写了几档门槛（如低于90%扣2分、低于80%扣5分），没有写明低档是否累计高档的扣分",
    "{clause} writes stacked thresholds on 「{fact}」 and does not say whether a lower band adds to the bands "
    "above it",
    "各档累计（80% 以下共扣 2 + 5 分）：在每一档后写 `各档累计`；只计所达一档：把各档写成不相交的条件，"
    "如 `若 「{fact}」 ≥ 80% 且 「{fact}」 < 90% 扣2分`",
    "to add the bands up write 各档累计 after each band; to count only the band reached, write bands that do "
    "not overlap, e.g. 若 「{fact}」 ≥ 80% 且 「{fact}」 < 90% 扣2分")
RECORDS_EMPTY_CHOICE = error(
    "RECORDS_EMPTY_CHOICE", "SL138", "name",
    "「{name}」的记录取平均，没有写明没有记录时怎么办",
    "the records 「{name}」 are averaged, and nothing says what no record at all gives",
    "在事实声明中写 `无记录时 计 0 分` 或 `无记录时 报错`",
    "write 无记录时 计 0 分 (no record scores 0) or 无记录时 报错 (no record is a facts error) in its declaration")
RECORDS_EMPTY_MISPLACED = error(
    "RECORDS_EMPTY_MISPLACED", "SL138", "name",
    "「{name}」不是评定记录，不能写「无记录时」，或写了不止一次",
    "「{name}」 is not a list of judgement records: it cannot take 无记录时 (or it is written twice)")
LADDER_PERCENT_AMBIGUOUS = error(
    "LADDER_PERCENT_AMBIGUOUS", "SL144", "name step",
    "「{name}」是百分比，「每… {step}%」有两种读法：{step} 个百分点，还是目标值的 {step}%",
    "「{name}」 is a percent: a step of {step}% reads two ways — {step} percentage points, or {step}% of the target",
    "写 `{step} 个百分点`（如 90% 降到 85% 是一档），或 `相对目标的 {step}%`（目标 90% 时一档是 4.5 个百分点）",
    "write `{step} 个百分点` (90% down to 85% is one step) or `相对目标的 {step}%` (against 90%, a step is 4.5 "
    "points)")
FACT_SHARED = info(
    "FACT_SHARED", "SL139", "fact clauses",
    "「{fact}」计入 {clauses}：同一事实在几处计分，请确认不是重复计分",
    "「{fact}」 counts in {clauses}: one fact scores in several places — make sure it is not counted twice")
