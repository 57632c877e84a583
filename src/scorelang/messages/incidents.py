"""Catalogue entries of incident records (docs/language.md §24): SL420–SL429, found by
resolution (model/from_syntax_incidents.py), and SL220–SL229, the facts of each incident
(runtime/facts.py). Braces in a template are doubled: ``{{ }}``."""
from __future__ import annotations

from .base import error

# ------------------------------------------------------------------ the policy (SL420–SL429)
PERIOD_NOT_A_DATE = error(
    "PERIOD_NOT_A_DATE", "SL420", "value",
    "考评期的 {value} 不是日期", "the 考评期 date {value} is not a date of the calendar",
    "写成 2025-01-01 或 2025年1月1日", "write 2025-01-01 or 2025年1月1日")
PERIOD_BACKWARDS = error(
    "PERIOD_BACKWARDS", "SL420", "low high",
    "考评期 {low} 至 {high}：起始日期晚于结束日期", "the 考评期 {low} to {high} starts after it ends")
CONCERNING_NO_ITEM_FIELD = error(
    "CONCERNING_NO_ITEM_FIELD", "SL421", "name",
    "「涉及本项的」要求记录「{name}」有一个 项号 字段（事件涉及的项）",
    "「涉及本项的」 needs the records 「{name}」 to have a 项号 field (the items an incident concerns)",
    "在记录中加一个字段，如 「涉及项目」 项号", "add a field such as 「涉及项目」 项号 to the records")
CONCERNING_IN_ARTICLE = error(
    "CONCERNING_IN_ARTICLE", "SL421", "",
    "「涉及本项的」只能写在项中：条款没有“本项”", "「涉及本项的」 is written in an item: an article has no item of its own")
ESCALATION_NO_DATE = error(
    "ESCALATION_NO_DATE", "SL422", "name",
    "「首次…再次…」按日期先后计次，记录「{name}」没有 日期 字段",
    "「首次…再次…」 counts incidents in the order of their dates: the records 「{name}」 have no 日期 field",
    "在记录中加一个字段，如 「日期」 日期", "add a field such as 「日期」 日期 to the records")
ESCALATION_ORDER = error(
    "ESCALATION_ORDER", "SL423", "ordinal expected",
    "「{ordinal}」写在这里不对：此处应为「{expected}」（首次、再次、第三次……依次写，最后可写 第N次及以上）",
    "「{ordinal}」 is out of place: 「{expected}」 comes here (首次, 再次, 第三次 … in order, and last "
    "第N次及以上)")
NO_REPEAT_NO_FIELD = error(
    "NO_REPEAT_NO_FIELD", "SL424", "name field",
    "「不重复扣分」的「{field}」不是记录「{name}」的字段", "「{field}」 of 「不重复扣分」 is not a field of the records 「{name}」")
NO_REPEAT_CONDITIONAL = error(
    "NO_REPEAT_CONDITIONAL", "SL425", "",
    "写了「不重复扣分」的规则前面不能加「若」条件：哪条规则计这一起事件，只由规则本身决定",
    "a rule with 「不重复扣分」 takes no 「若」 before it: which rule scores an incident depends on the rule "
    "alone")
NO_REPEAT_KEEP = error(
    "NO_REPEAT_KEEP", "SL425", "",
    "「只计最高…」与「不重复扣分」不能同时写：扣分表用「不重复扣分」",
    "「只计最高…」 and 「不重复扣分」 are not written together: a deduction table uses 「不重复扣分」")
TABLE_DEDUCT_NOT_INCIDENTS = error(
    "TABLE_DEDUCT_NOT_INCIDENTS", "SL426", "",
    "「每起…扣分」「涉及本项的」「不重复扣分」只用于事件记录；表彰类的积分表写「每条…加分」",
    "「每起…扣分」, 「涉及本项的」 and 「不重复扣分」 are for incident records; an awards table is "
    "「每条…加分」")
COUNT_NOT_A_FIELD = error(
    "COUNT_NOT_A_FIELD", "SL427", "name field",
    "「{field}」不是记录「{name}」的字段", "「{field}」 is not a field of the records 「{name}」")
COUNT_CONDITION_FORM = error(
    "COUNT_CONDITION_FORM", "SL427", "",
    "个数（「记录」 中 …）的条件只能是 「字段」 为/不为 \"文字\"，用 且、或、非 连接",
    "the condition of 个数（「records」 中 …） is 「field」 为/不为 \"text\", joined by 且, 或, 非")
COUNT_NOT_A_CHOICE = error(
    "COUNT_NOT_A_CHOICE", "SL428", "value field",
    "\"{value}\" 不是「{field}」的选项或本办法的项号：这个条件永远不成立",
    "\"{value}\" is not a choice of 「{field}」 (nor an item id of the policy): the condition never holds")
COUNT_NOT_RECORDS = error(
    "COUNT_NOT_RECORDS", "SL429", "name",
    "个数（…）数的是带字段的记录，「{name}」不是", "个数（…） counts records with fields; 「{name}」 is not one")

# ------------------------------------------------------------------ the facts (SL220–SL229)
INCIDENT_DATE = error(
    "INCIDENT_DATE", "SL220", "index field value",
    "第 {index} 条「{field}」应为日期，收到 {value}", "record {index}: 「{field}」 must be a date, got {value}",
    "写成 2025-03-14 或 2025年3月14日", "write 2025-03-14 or 2025年3月14日")
INCIDENT_OUTSIDE_PERIOD = error(
    "INCIDENT_OUTSIDE_PERIOD", "SL221", "index field value low high",
    "第 {index} 条「{field}」{value} 不在考评期 {low} 至 {high} 之内",
    "record {index}: 「{field}」 {value} is outside the 考评期 {low} to {high}",
    "考评期外的事件不计入本年度考评：删去这一条，或改正日期",
    "an incident outside the period is not assessed this year: remove the record or correct its date")
INCIDENT_ITEM_UNKNOWN = error(
    "INCIDENT_ITEM_UNKNOWN", "SL222", "index field value",
    "第 {index} 条「{field}」{value} 不是本办法的项号", "record {index}: 「{field}」 {value} is not an item id of the policy",
    "项号写作 目标任务序号.项序号，如 2.1；多个项用 、 隔开或写成列表",
    "an item id is task.item, e.g. 2.1; separate several with 、 or give a list")
INCIDENT_ITEM_EMPTY = error(
    "INCIDENT_ITEM_EMPTY", "SL223", "index field",
    "第 {index} 条「{field}」没有写项号", "record {index}: 「{field}」 names no item")
