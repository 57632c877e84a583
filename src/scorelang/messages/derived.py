"""SL157 (个百分点 against %),
SL19x: derived values (计算 { 「结案率」 = … }), 个百分点 and unit words after a number in
per-occurrence rules — found by resolution (model/from_syntax_derived.py, from_syntax_exprs.py).
Braces in a template are doubled: ``{{ }}``."""
from __future__ import annotations

from .base import error, warning

# ------------------------------------------------------------------ derived values: SL190–SL194
DERIVED_SIGN = error(
    "DERIVED_SIGN", "SL190", "name op",
    "计算值「{name}」须用「=」定义，这里写的是「{op}」",
    "derived value 「{name}」 is defined with =, not 「{op}」",
    "写作：「{name}」 = …", "write 「{name}」 = …")
DERIVED_CLASHES_WITH_FACT = error(
    "DERIVED_CLASHES_WITH_FACT", "SL191", "name",
    "计算值「{name}」与同名的事实冲突：一个名称只能指一样东西",
    "derived value 「{name}」 has the name of a fact: a name means one thing",
    "给计算值另起一个名称，如「{name}（计算）」", "give the derived value a name of its own")
DERIVED_DUPLICATE = error(
    "DERIVED_DUPLICATE", "SL191", "name",
    "计算值「{name}」重复定义（在整个考评办法中，计算值的名称只能定义一次）",
    "derived value 「{name}」 is defined twice (a derived value's name is defined once in the whole policy)")
DERIVED_CYCLE = error(
    "DERIVED_CYCLE", "SL192", "cycle",
    "计算值循环引用：{cycle}", "derived values depend on each other in a cycle: {cycle}",
    "至少有一个值须直接由事实计算", "at least one of them must be computed from facts alone")
DERIVED_UNUSED = warning(
    "DERIVED_UNUSED", "SL193", "name",
    "计算值「{name}」没有被任何规则、条件或其他计算值使用",
    "derived value 「{name}」 is used by no rule, condition or other derived value")
DERIVED_OUT_OF_SCOPE = error(
    "DERIVED_OUT_OF_SCOPE", "SL194", "name task",
    "计算值「{name}」定义在目标任务{task}中，只能在该任务中使用",
    "derived value 「{name}」 is defined in task {task} and can be used in that task only",
    "在考评办法一级（任何目标任务之外）的「计算 {{ }}」中定义它，各任务都可使用",
    "define it in a 计算 {{ }} block outside every task to use it everywhere")
DERIVED_WRONG_USE = error(
    "DERIVED_WRONG_USE", "SL194", "name what",
    "「{name}」是计算值（一个数），不能用于{what}",
    "「{name}」 is a derived value (a number) and cannot be used in {what}")


# ------------------------------------------------------------------ 个百分点 and % (SL157)
PERCENT_VS_POINTS = error(
    "PERCENT_VS_POINTS", "SL157", "op left right",
    "不能{op}{left}与{right}：百分比（如 85%）是一个比率，个百分点（如 5 个百分点）是两个百分比之差",
    "cannot {op} {left} and {right}: a percent (85%) is a rate, percentage points (5 个百分点) a difference of two",
    "两个百分比之差与「N 个百分点」相比（「本年率」 - 「上年率」 > 2 个百分点），百分比与「N%」相比",
    "compare a difference of two percents with N 个百分点, a percent with N%")
LADDER_POINTS_TARGET = error(
    "LADDER_POINTS_TARGET", "SL157", "name kind unit",
    "「{name}」是{kind}，阶梯的目标不能以「{unit}」计",
    "「{name}」 is {kind}: the ladder's target cannot be in 「{unit}」",
    "百分比的目标写作「90%」；两个百分比之差（个百分点）的目标写作「2 个百分点」或「0」",
    "a percent's target is written 90%; a difference of two percents' 2 个百分点 or 0")

PER_UNIT_NOT_ONE = error(
    "PER_UNIT_NOT_ONE", "SL158", "number unit",
    "「每 {number} {unit}」：按次计分每次是 1 {unit}；每 {number} {unit} 计一次时，不足 {number} {unit} 怎么算原文没有说",
    "「每 {number} {unit}」: a per-occurrence rule counts 1 {unit} at a time; per {number} it would leave "
    "the remainder undecided",
    "写「每 1 {unit}」并按比例写分数，或写成阶梯并写明不足一档怎么算：「x」 不高于 0 每增加 {number} {unit} 扣N分 不足一档不计",
    "write 每 1 {unit} with the amount per unit, or a ladder with its partial step: "
    "「x」 不高于 0 每增加 {number} {unit} 扣N分 不足一档不计")
