"""Catalogue entries of outcome effects (一票否决: 直接评定为 "不合格", 等次不得高于 "良好", 不得评为
"优秀", 降低 N 个等次, 取消评优资格; docs/language.md §22): SL400–SL409, found by
model/checks_outcomes.py. Braces in a template are doubled: ``{{ }}``."""
from __future__ import annotations

from .base import error, warning

OUTCOME_GRADE_UNDECLARED = error(
    "OUTCOME_GRADE_UNDECLARED", "SL400", "written grade declared",
    "「{written}」中的「{grade}」不是声明的等次（已声明：{declared}）",
    "「{written}」 names 「{grade}」, which is not a declared grade (declared: {declared})",
    "写成等次块中的一个名称", "write one of the names of the 等次 block")
OUTCOME_WITHOUT_GRADES = error(
    "OUTCOME_WITHOUT_GRADES", "SL401", "written",
    "「{written}」改变等次，但考评办法没有声明等次",
    "「{written}」 changes the grade, but the policy declares no grades",
    "在顶层写等次块：等次 依据 \"…\" {{ \"优秀\" 90 分以上 … }}",
    "declare the grades at the top level: 等次 依据 \"…\" {{ \"优秀\" 90 分以上 … }}")
OUTCOME_EXCLUDES_LOWEST = error(
    "OUTCOME_EXCLUDES_LOWEST", "SL402", "grade",
    "不得评为「{grade}」：它是最低的等次，没有更低的等次可评",
    "不得评为 「{grade}」: it is the lowest grade, there is no lower one to give",
    "写明评为哪一等次（直接评定为 \"…\"），或不得评为更高的等次",
    "say which grade it gets (直接评定为 \"…\"), or exclude a higher grade")
OUTCOME_NO_CHANGE = warning(
    "OUTCOME_NO_CHANGE", "SL403", "written grade",
    "「{written}」不会改变任何等次：「{grade}」是最高的等次",
    "「{written}」 never changes a grade: 「{grade}」 is the highest grade")
OUTCOME_LOWER_PAST_ALL = warning(
    "OUTCOME_LOWER_PAST_ALL", "SL404", "written count lowest",
    "「{written}」：等次只有 {count} 个，任何等次都会降为最低的「{lowest}」",
    "「{written}」: there are only {count} grades, so every grade becomes the lowest, 「{lowest}」",
    "要这样，写 直接评定为 \"{lowest}\"", "if that is meant, write 直接评定为 \"{lowest}\"")
INELIGIBLE_WITHOUT_AWARDS = warning(
    "INELIGIBLE_WITHOUT_AWARDS", "SL405", "",
    "「取消评优资格」：考评办法没有设综合奖或单项奖（奖项 {{ … }}），没有可取消的奖项",
    "「取消评优资格」: the policy has no tiers or single awards (奖项 {{ … }}) to withdraw",
    "在奖项块中写综合奖或单项奖；只想不评优秀等次，写 不得评为 \"优秀\"",
    "declare the awards in the 奖项 block; to keep an entity from a grade, write 不得评为 \"优秀\"")

# grades of a task's score (等次 目标任务二得分 { … }, §22.1)
TASK_GRADES_NO_TASK = error(
    "TASK_GRADES_NO_TASK", "SL406", "subject",
    "等次 {subject}：考评办法没有这个目标任务", "grades of {subject}: the policy has no such task")
GRADE_UNIT = error(
    "GRADE_UNIT", "SL406", "subject written unit",
    "{subject}的等次：这一档的单位写作「{written}」，应为「{unit}」",
    "the grades of {subject}: this band's unit is 「{written}」, but it should be 「{unit}」",
    "考评总分、目标任务得分写“分”，百分比写“%”，计数、数值写它声明的单位",
    "the total and a task's score in 分, a percent in %, a count or number in its declared unit")
GRADE_VALUE_KIND = error(
    "GRADE_VALUE_KIND", "SL406", "subject",
    "等次 {subject}：只能按计数、数值、百分比评定等次",
    "grades of {subject}: only a count, a number or a percent can be graded")
TASK_GRADES_REPEATED = error(
    "TASK_GRADES_REPEATED", "SL407", "subject",
    "{subject}的等次写了不止一块：这个任务的等次写在一个块里",
    "the grades of {subject} are declared in more than one block: write them in one")
TASK_GRADE_GAP = error(
    "TASK_GRADE_GAP", "SL408", "subject interval",
    "{subject}的等次没有覆盖得分 {interval}：这样的得分得不到等次",
    "the grades of {subject} leave the score {interval} uncovered: such a score gets no grade",
    "补上这一段，或改动相邻一档的边界（以上/以下含本数，写（不含）则不含）",
    "add a band for it, or move a neighbouring edge (以上/以下 include the number, （不含） excludes it)")
TASK_GRADE_OVERLAP = error(
    "TASK_GRADE_OVERLAP", "SL409", "subject first second interval",
    "{subject}的等次「{first}」与「{second}」都覆盖得分 {interval}：一个得分只能得一个等次",
    "grades 「{first}」 and 「{second}」 of {subject} both cover the score {interval}: a score gets one grade",
    "在共同的边界上写（不含），如 `80 分至 90 分（不含）`",
    "exclude the shared edge with （不含）, e.g. `80 分至 90 分（不含）`")
