"""SL18x: cohort values and ranks (全体平均「x」, 全体名次（…）, 按 名次 第1名得…) — found by
resolution (model/from_syntax_cohort.py, model/cohort_order.py, from_syntax_rules.py) and by
Policy.evaluate (SL185). Braces in a template are doubled: ``{{ }}``."""
from __future__ import annotations

from .base import error

# ------------------------------------------------------------------ cohort values: SL180–SL186
RANK_ORDER_MISSING = error(
    "RANK_ORDER_MISSING", "SL180", "",
    "名次须写明排序方向：由高到低（数值大者名次在前）或 由低到高（数值小者名次在前）",
    "a rank must say its order: 由高到低 (the highest value first) or 由低到高 (the lowest first)",
    "在括号内写明，如：全体名次（「结案率」 由高到低 并列占位）",
    "say it inside the parentheses, e.g. 全体名次（「结案率」 由高到低 并列占位）")
RANK_TIES_MISSING = error(
    "RANK_TIES_MISSING", "SL181", "",
    "名次须写明并列的处理：并列占位（并列者同一名次，下一名次顺延：1、1、3）或 并列不占位（1、1、2）",
    "a rank must say how ties count: 并列占位 (tied entities share a rank and take the places: 1, 1, 3) "
    "or 并列不占位 (1, 1, 2)",
    "在括号内写明，如：全体名次（「结案率」 由高到低 并列占位）",
    "say it inside the parentheses, e.g. 全体名次（「结案率」 由高到低 并列占位）")
SCORE_REF_UNKNOWN = error(
    "SCORE_REF_UNKNOWN", "SL182", "what",
    "没有{what}，无法取其得分", "there is no {what} to take the score of")
SCORE_REF_OUTSIDE_TASK = error(
    "SCORE_REF_OUTSIDE_TASK", "SL182", "",
    "目标任务之外须写明是哪个任务的项：目标任务二第3项得分",
    "outside a task, say which task's item: 目标任务二第3项得分")
COHORT_CYCLE = error(
    "COHORT_CYCLE", "SL183", "cycle",
    "循环依赖：{cycle}——一个得分不能取决于由它自己算出的全体或分组数值",
    "a cycle: {cycle} — a score cannot depend on a cohort value that depends on that score",
    "改为取另一项的得分或事实", "take another item's score, or a fact")
RANK_WITHIN_NOT_RANK = error(
    "RANK_WITHIN_NOT_RANK", "SL184", "",
    "「前 N 名」「后 N 名」须写在名次之后，如：全体名次（「结案率」 由高到低 并列占位）前 3 名",
    "前 N 名 / 后 N 名 must follow a rank, e.g. 全体名次（「结案率」 由高到低 并列占位）前 3 名")
RANK_WITHIN_COUNT = error(
    "RANK_WITHIN_COUNT", "SL184", "",
    "「前 N 名」「后 N 名」的 N 须是 1 以上的整数", "N of 前 N 名 / 后 N 名 must be a whole number from 1")
RANK_POINTS_REST_MISSING = error(
    "RANK_POINTS_REST_MISSING", "SL186", "",
    "按名次得分须写明其余名次得几分（没有分也要写：其余得0分）",
    "points by rank must say what every other rank earns (其余得0分 if nothing)",
    "在最后一档之后写：其余得N分", "add after the last row: 其余得N分")
RANK_POINTS_ROWS = error(
    "RANK_POINTS_ROWS", "SL186", "",
    "名次须是从 1 起的整数，每档的起止不能颠倒，各档不能重叠",
    "ranks are whole numbers from 1, each row's first rank is not after its last, and rows do not overlap")
COHORT_NEEDS_ALL = error(
    "COHORT_NEEDS_ALL", "SL185", "key",
    "本办法用到全体或分组的数值（{key}），须同时评分全部对象，不能单独评分一个对象",
    "this policy reads a value over the cohort ({key}): score every entity together, not one alone",
    "用 scorelang score（Policy.score_all）评分全部对象", "use scorelang score (Policy.score_all) on every entity")
