"""Catalogue entries of quotas (名额 { … }) and awards as the policy defines them (§23):
SL410–SL419 and SL440–SL449. The errors are found when the syntax tree is resolved
(model/from_syntax_awards.py); the warnings SL441–SL443 (the policy loads) by
model/checks_awards.py, which knows the declared entities, groups and the highest total.
Braces in a template are doubled: ``{{ }}``."""
from __future__ import annotations

from .base import error, warning

QUOTA_ROUNDING_MISSING = error(
    "QUOTA_ROUNDING_MISSING", "SL410", "name",
    "「{name}」的名额按百分比计算，没有写明不足一名的部分怎样取整",
    "the quota of 「{name}」 is a percentage, and does not say how a fraction of an entity rounds",
    "在百分比后写 向下取整、四舍五入 或 向上取整，如 `不超过 总数的 20% 向下取整`",
    "write 向下取整 (down), 四舍五入 (half up) or 向上取整 (up) after the percentage, e.g. "
    "`不超过 总数的 20% 向下取整`")
QUOTA_TIE_MISSING = error(
    "QUOTA_TIE_MISSING", "SL411", "name",
    "「{name}」的名额没有写明名额边界上出现并列时怎么办",
    "the quota of 「{name}」 does not say what happens at a tie on its boundary",
    "在名额后写 并列 全部计入、并列 全部不计入 或 并列 提交认定",
    "write 并列 全部计入 (all in), 并列 全部不计入 (all out) or 并列 提交认定 (the committee decides) "
    "after the quota")
QUOTA_UNKNOWN_GRADE = error(
    "QUOTA_UNKNOWN_GRADE", "SL412", "name",
    "名额限定的「{name}」不是等次块中的等次",
    "the quota limits 「{name}」, which is no grade of the 等次 block",
    "名额写等次的名称（如 \"优秀\"）；按名额评的奖项写在奖项块：`综合奖 \"一等奖\" 3 名 并列 提交认定`",
    "a quota names a grade (such as \"优秀\"); awards by count go in the 奖项 block: "
    "`综合奖 \"一等奖\" 3 名 并列 提交认定`")
QUOTA_LOWEST_GRADE = error(
    "QUOTA_LOWEST_GRADE", "SL413", "name",
    "「{name}」是最低的等次：超出名额的对象没有更低的等次可评",
    "「{name}」 is the lowest grade: an entity beyond its quota has no lower grade to get")
QUOTA_UNKNOWN_GROUP = error(
    "QUOTA_UNKNOWN_GROUP", "SL414", "name",
    "「{name}」不是声明过的分组（`分组 「…」 {{ … }}`）",
    "「{name}」 is not a declared group (`分组 「…」 {{ … }}`)")
QUOTA_NO_GROUPS = error(
    "QUOTA_NO_GROUPS", "SL414", "",
    "写了 每组，但考评办法没有声明分组",
    "每组 (each group) is written, but the policy declares no group",
    "先用 `分组 「…」 {{ … }}` 声明各组", "declare the groups first with `分组 「…」 {{ … }}`")
TIERS_MIXED = error(
    "TIERS_MIXED", "SL415", "",
    "奖项块中按名次区间（第a至b名）和按名额（N 名）评定的综合奖混写了：同一块只能用一种",
    "the 奖项 block mixes tiers by rank band (第a至b名) with tiers by count (N 名): use one kind",
    "全部写成 `综合奖 \"一等奖\" 第1至3名`，或全部写成 `综合奖 \"一等奖\" 3 名 并列 …`",
    "write every tier as `综合奖 \"一等奖\" 第1至3名`, or every one as `综合奖 \"一等奖\" 3 名 并列 …`")
TIERS_SCOPE_MIXED = error(
    "TIERS_SCOPE_MIXED", "SL415", "",
    "奖项块中有的综合奖写了 每组、有的没有：综合奖要么全体评定，要么各组分别评定",
    "some tiers are given 每组 (in each group) and some are not: tiers are awarded over the whole "
    "cohort or within each group, not both")
SINGLE_UNKNOWN_TASK = error(
    "SINGLE_UNKNOWN_TASK", "SL416", "task",
    "单项奖写了目标任务{task}，考评办法没有这个目标任务",
    "a single-task award names task {task}, which the policy does not have")
SINGLE_TASK_REPEATED = error(
    "SINGLE_TASK_REPEATED", "SL416", "task",
    "目标任务{task}的单项奖写了不止一次", "the single-task award of task {task} is written more than once")
SINGLE_MIXED = error(
    "SINGLE_MIXED", "SL417", "",
    "`单项奖 前N名`（每个目标任务都评）和为几个目标任务设的单项奖不能同时写",
    "`单项奖 前N名` (every task) and single-task awards for named tasks cannot both be written",
    "只为几个任务设单项奖时，逐个写出：`单项奖 目标任务二、目标任务五 各前2名`",
    "for some tasks only, name them: `单项奖 目标任务二、目标任务五 各前2名`")
QUOTA_AMOUNT = error(
    "QUOTA_AMOUNT", "SL418", "amount",
    "名额 {amount} 不成立：百分比须大于 0 且不超过 100%，名数须至少 1 名",
    "the quota {amount} is not a number of places: a percentage must be above 0 and at most 100%, "
    "a count at least 1")
QUOTAS_REPEATED = error(
    "QUOTAS_REPEATED", "SL419", "",
    "名额块写了不止一个：全部名额写在一个块里",
    "quotas are declared in more than one block: write every quota in one")
QUOTA_REPEATED = error(
    "QUOTA_REPEATED", "SL419", "name",
    "「{name}」在同一范围写了不止一个名额", "「{name}」 is given more than one quota over the same entities")
AWARD_FLOOR_COMPARE = error(
    "AWARD_FLOOR_COMPARE", "SL440", "compare",
    "不评奖的条件只能写“低于”（`考评总分 低于 80 分 不评奖`），不能写“{compare}”",
    "the condition for no award can only be 低于 (below) (`考评总分 低于 80 分 不评奖`), not {compare}",
    "写成 `考评总分 低于 N 分 不评奖`：N 分以下（不含 N 分）的对象不评奖",
    "write `考评总分 低于 N 分 不评奖`: an entity with a total below N (N itself excluded) gets no award")
AWARD_FLOOR_UNREACHABLE = warning(
    "AWARD_FLOOR_UNREACHABLE", "SL441", "floor highest source",
    "`考评总分 低于 {floor} 分 不评奖`：考评总分最高只有 {highest} 分（{source}），没有对象能评奖",
    "`考评总分 低于 {floor} 分 不评奖`: the total is at most {highest} ({source}), so no entity can get an award",
    "核对不评奖的分数线，它应不高于考评总分的最高分（`考评总分 最高 N 分` 或满分）",
    "check the threshold: it must not be above the highest total (`考评总分 最高 N 分`, or the full score)")
QUOTA_ROUNDS_TO_ZERO = warning(
    "QUOTA_ROUNDS_TO_ZERO", "SL442", "name scope size percent exact rounding",
    "「{name}」的名额是{scope} {size} 个对象的 {percent}%，即 {exact} 名，{rounding}为 0 名：没有对象能保留这一等次",
    "the quota of 「{name}」 is {percent}% of the {size} entities {scope}, {exact} places, which {rounding} "
    "gives 0: no entity can keep this grade",
    "不足一名按一名计的，写 向上取整；或直接写名数，如 `不超过 1 名`",
    "to count a fraction as one place, write 向上取整 (round up); or write a count, e.g. `不超过 1 名`")
EACH_GROUP_UNGROUPED = warning(
    "EACH_GROUP_UNGROUPED", "SL443", "what count names effect",
    "{what}按 每组 评定，但有 {count} 个对象不在任何分组中（{names}）：评分时它们{effect}，只加一条标记",
    "{what} is decided 每组 (within each group), but some entities are in no group ({count}: {names}): "
    "when scored they {effect}, with a flag",
    "把这些对象列入一个分组（`分组 「…」 {{ … }}`），或不写 每组、在全体中评定",
    "list them in a group (`分组 「…」 {{ … }}`), or drop 每组 and decide over the whole cohort")
QUOTA_ABOVE_ENTITIES = warning(
    "QUOTA_ABOVE_ENTITIES", "SL444", "name count scope size",
    "「{name}」的名额 {count} 名多于{scope} {size} 个对象：这个名额限制不了任何对象",
    "the quota of 「{name}」 is {count} places, more than the {size} entities {scope}: it limits nothing",
    "核对名数（是否写成了百分比 `总数的 N%`）；不限名额的等次不写这一行",
    "check the count (was it meant as a percentage, `总数的 N%`?); a grade with no limit needs no quota")
TIER_BEYOND_ENTITIES = warning(
    "TIER_BEYOND_ENTITIES", "SL445", "name first scope size",
    "综合奖「{name}」从第 {first} 名起，{scope}只有 {size} 个对象：没有对象能得这一奖项",
    "the tier 「{name}」 starts at place {first}, and there are only {size} entities {scope}: no entity can get it",
    "核对各奖项的名次或名数，使每个奖项都从对象数以内的名次起",
    "check the tiers' ranks or counts so that each starts at a place within the number of entities")
