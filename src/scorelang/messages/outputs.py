"""Catalogue entries of outputs (输出 { 「绩效奖金」 = … 元 / 按 等次 { … } }, docs/language.md §25):
SL430–SL439, found while resolving the 输出 block (model/from_syntax_outputs.py).
Braces in a template are doubled: ``{{ }}``."""
from __future__ import annotations

from .base import error

OUTPUT_READS_UNKNOWN = error(
    "OUTPUT_READS_UNKNOWN", "SL430", "name what",
    "输出「{name}」读取了{what}：输出在排名之后按对象自己的考评总分、事实和计算值计算（等次、奖项、名次用表），"
    "不读全体数值",
    "output 「{name}」 reads {what}: an output is computed after ranking from the entity's own total, facts "
    "and derived values (its grade, award or rank through a table), never from a cohort value",
    "按考评总分、事实或计算值写算式，如 `「在编人数」 × 1000 元`；名次用 `按 名次 {{ … }}`",
    "write a formula over the total, facts or derived values, e.g. `「在编人数」 × 1000 元`; "
    "for ranks, a table `按 名次 {{ … }}`")
OUTPUT_NO_BASIS = error(
    "OUTPUT_NO_BASIS", "SL430", "name basis",
    "输出「{name}」按{basis}列出金额，但本考评办法没有声明{basis}",
    "output 「{name}」 is a table by {basis}, but the policy declares no {basis}",
    "先写 `{basis} {{ … }}` 块，或改用按考评总分的算式",
    "declare the {basis} block first, or write a formula over the total")
OUTPUT_UNKNOWN_KEY = error(
    "OUTPUT_UNKNOWN_KEY", "SL430", "name key basis known",
    "输出「{name}」写了「{key}」，但它不是本考评办法的{basis}（有：{known}）",
    "output 「{name}」 names 「{key}」, which is not one of the policy's {basis} ({known})")
OUTPUT_TOTAL_OUTSIDE = error(
    "OUTPUT_TOTAL_OUTSIDE", "SL431", "",
    "考评总分只能在 `输出 {{ … }}` 中读取：评分时总分还没有算出",
    "the total (考评总分) can be read only in an `输出 {{ … }}` block: while scoring it is not known yet",
    "按总分得分的，用 `全体名次（考评总分）` 或 `全体平均 考评总分` 这样的全体数值",
    "to score by the total, use a cohort value such as `全体名次（考评总分）`")
OUTPUT_TABLE_INCOMPLETE = error(
    "OUTPUT_TABLE_INCOMPLETE", "SL432", "name missing",
    "输出「{name}」没有写 {missing} 的金额：这样的对象得多少，由作者写明",
    "output 「{name}」 gives no amount for {missing}: the author says what such an entity gets",
    "逐一写出这些行，或写 `其余 0 元` 表示其余一律按该金额",
    "write those rows, or `其余 0 元` for every other case")
OUTPUT_KIND = error(
    "OUTPUT_KIND", "SL433", "name kind",
    "输出「{name}」的算式是{kind}，不是金额或数值",
    "output 「{name}」 computes {kind}, not an amount or a number",
    "输出是金额（元）或系数：如 `考评总分 × 100 元`",
    "an output is an amount (元) or a factor, e.g. `考评总分 × 100 元`")
OUTPUT_NAME_CLASH = error(
    "OUTPUT_NAME_CLASH", "SL434", "name other",
    "输出「{name}」与同名的{other}冲突：一个名称只能指一样东西",
    "output 「{name}」 has the name of {other}: a name means one thing",
    "给输出另起一个名称", "give the output a name of its own")
OUTPUT_UNITS = error(
    "OUTPUT_UNITS", "SL435", "name first second",
    "输出「{name}」的金额单位不一致：{first} 与 {second}",
    "output 「{name}」 mixes units: {first} and {second}",
    "同一输出的各行、上下限用同一单位（都写 元，或都不写）",
    "give every row and bound of one output the same unit (all 元, or none)")
OUTPUT_PLACES = error(
    "OUTPUT_PLACES", "SL436", "name places",
    "输出「{name}」保留 {places} 位小数：小数位数须是 0 至 6 的整数",
    "output 「{name}」 keeps {places} decimal places: places are a whole number from 0 to 6")
OUTPUT_SIGN = error(
    "OUTPUT_SIGN", "SL437", "name op",
    "输出「{name}」须用「=」定义，这里写的是「{op}」",
    "output 「{name}」 is defined with =, not 「{op}」",
    "写作：「{name}」 = …", "write 「{name}」 = …")
OUTPUT_ROW_REPEATED = error(
    "OUTPUT_ROW_REPEATED", "SL438", "name key",
    "输出「{name}」的「{key}」写了不止一行", "output 「{name}」 gives 「{key}」 more than one row")
OUTPUT_BOUNDS = error(
    "OUTPUT_BOUNDS", "SL439", "name",
    "输出「{name}」的上下限不成立：最低多于最高，或同一界限写了两次",
    "output 「{name}」 has bounds that cannot hold: its lowest is above its highest, or a bound is "
    "written twice")
OUTPUT_RANKS_OVERLAP = error(
    "OUTPUT_RANKS_OVERLAP", "SL438", "name rank",
    "输出「{name}」的第 {rank} 名写在了不止一行", "output 「{name}」 gives rank {rank} more than one row")
OUTPUT_RANK_BAND = error(
    "OUTPUT_RANK_BAND", "SL439", "name band",
    "输出「{name}」的名次 {band} 不成立：名次是从 1 起的整数，前一个不大于后一个",
    "output 「{name}」 has the ranks {band}, which cannot hold: ranks are whole numbers from 1, the first "
    "not after the last")
