"""How the printer writes the parts of a statement: fact types and options, caps, weights,
citations and every rule body (``syntax.printer`` prints the statements around them).

Spacing follows the way policies are written: an amount is glued to its verb and 分 (扣0.5分),
a bare fact to the word before it (每「x」, 按「x」比例得), other words stand apart.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import nodes as n
from .printer_cohort import INLINE as COHORT
from .printer_core import Printer, ordered
from .printer_exprs import INLINE as EXPRESSIONS
from .printer_exprs import _parens, _written_in_parens, cond, expr
from .printer_incidents import INLINE as INCIDENTS

_RANGE = ("RANGE_SEP",)
_DEDUCT = ("_DEDUCT",)


# ------------------------------------------------------------------ small pieces
def written_range(p: Printer, low: str, high: str, start: int, end: int) -> str:
    return f"{low}{p.word(start, end, _RANGE, '至')}{high}"


def points(p: Printer, value: Any, start: int, end: int) -> str:
    return p.num(value, start, end) + "分"


def _fact_type(p: Printer, node: n.FactType) -> str:
    s, e = node.span.start, node.span.end
    simple = {"count": "计数", "number": "数值", "percent": "百分比", "flag": "是否"}
    if node.kind in simple:
        return simple[node.kind]
    if node.kind == "choice":
        return "选项 { " + " ".join(p.text(c) for c in node.choices) + " }"
    if node.kind == "records":
        return "记录 { " + " ".join(p.text(f) for f in node.fields) + " }"
    word = {"judgement": "评定", "judgement_records": "评定记录", "ratings": "评分"}[node.kind]
    assert node.low is not None and node.high is not None
    low, high = p.num(node.low, s, e, 0), p.num(node.high, s, e, 1)
    return f"{word} {written_range(p, low + ' ', ' ' + high, s, e)} 分"


_FIELD_WORDS = {"text": "文字", "date": "日期", "item": "项号"}


def _record_field(p: Printer, node: n.RecordField) -> str:
    if node.kind in _FIELD_WORDS:
        return f"{p.text(node.name)} {_FIELD_WORDS[node.kind]}"
    return f"{p.text(node.name)} 选项 {{ {' '.join(p.text(c) for c in node.choices)} }}"


def _aggregate(p: Printer, node: n.RatingsAggregate) -> str:
    if node.method in ("mean", "sum"):
        return "取" + ("平均" if node.method == "mean" else "合计")
    if node.method == "trimmed":
        s, e = node.span.start, node.span.end
        high = p.numeral(node.drop_high, s, e, chinese=True)
        found = p.layout.between(s, e, "CN_NUMBER", "NUMBER") if p.layout is not None else []
        low = p.numeral(node.drop_low, found[1].start if len(found) > 1 else s, e, chinese=True)
        return f"去掉{high}个最高分和{low}个最低分后平均"
    assert node.group_field is not None
    weights = " ".join(f"{p.text(group)} {_percent(p, value, group.span.end, node.span.end)}"
                       for group, value in node.weights)
    return f"按{p.text(node.group_field)}加权 {{ {weights} }}"


def _percent(p: Printer, value: Any, start: int, end: int) -> str:
    return p.num(value, start, end) + p.word(start, end, ("PERCENT_SIGN",), "%")


def _empty(p: Printer, node: n.RatingsEmpty) -> str:
    word = "无记录时" if node.records else "无评分时"
    if node.value is None:
        return f"{word} 报错"
    return f"{word} 计 {p.num(node.value, node.span.start, node.span.end)} 分"


def options(p: Printer, node: n.FactDecl) -> str:
    """A fact's options in their canonical order (说明 last: it is the longest)."""
    e = node.span.end
    out = []
    if node.unit is not None:
        out.append("单位 " + p.text(node.unit))
    if node.default is not None:
        out.append("默认 " + p.text(node.default))
    if node.at_most is not None:
        out.append("至多 " + p.num(node.at_most, node.type.span.end, e))
    if node.per_occasion:
        out.append("按次")
    out += [p.text(a) for a in node.aggregates]
    out += [p.text(x) for x in node.empty]
    out += [p.text(x) for x in node.records_empty]
    if node.description is not None:
        out.append("说明 " + p.text(node.description))
    return " ".join(out)


def _cite(p: Printer, node: n.Cite) -> str:
    parts = []
    if node.clause is not None:
        parts.append("依据 " + p.text(node.clause))
    if node.shown is not None:
        parts.append("说明 " + p.text(node.shown))
    return " ".join(parts)


def _bound(p: Printer, node: n.Bound) -> str:
    return f"{'最高' if node.limit == 'upper' else '最低'} {p.num(node.points, node.span.start, node.span.end)} 分"


def _cap(p: Printer, node: n.Cap) -> str:
    word = p.word(node.span.start, node.span.end, ("RULE_CAP",), "最多" + node.verb)
    return f"{word} {p.num(node.points, node.span.start, node.span.end)} 分"


def set_cap_text(p: Printer, node: n.SetCap) -> str:
    word = p.word(node.span.start, node.span.end, ("SET_CAP",), node.verb + "分累计最多")
    return f"{node.scope}{word} {p.num(node.points, node.span.start, node.span.end)} 分"


def _weight_part(p: Printer, node: n.WeightPart) -> str:
    s, e = node.span.start, node.span.end
    percent = p.layout.between(s, e, "NUMBER") if p.layout is not None else []
    start = percent[-1].start if percent else s
    value = _percent(p, node.percent, start, e)
    if node.first is None or node.last is None:
        return value
    ranges = [(node.first, node.last), *node.more]
    numerals = p.layout.between(s, start, "CN_NUMBER", "NUMBER") if p.layout is not None else []
    cursor = iter(numerals)
    written = []
    for first, last in ranges:
        a = next(cursor, None)
        text = p.numeral(first, a.start if a else 0, a.end if a else 0, chinese=False)
        if first != last or (a is not None and _has_range_after(p, a.end)):
            b = next(cursor, None)
            text = written_range(p, text, p.numeral(last, b.start if b else 0, b.end if b else 0, chinese=False),
                          a.end if a else 0, b.start if b else 0)
        written.append(text)
    return f"第{'、'.join(written)}项 {value}"


def _has_range_after(p: Printer, offset: int) -> bool:
    """Whether a 至 (or -) follows this item number (第3至3项 is written as a range)."""
    if p.layout is None:
        return False
    following = p.layout.between(offset, offset + 3, "RANGE_SEP")
    return bool(following)


# ------------------------------------------------------------------ rule bodies
def _fact(p: Printer, fact: Any, word: str, later: bool = False) -> str:
    """每「x」 (glued to a bare fact) or 每 expression."""
    printed = expr(p, fact, "top", lead=later)
    if isinstance(fact, n.Name):
        return word + printed
    return f"{word} {printed} "


def _verb(p: Printer, start: int, end: int) -> str:
    return p.word(start, end, _DEDUCT, "扣")


def _per(verb: str) -> Callable[[Printer, Any], str]:
    def print_per(p: Printer, node: Any) -> str:
        shown = _verb(p, node.fact.span.end, node.span.end) if verb == "扣" else verb
        if node.unit is not None:  # 「退稿篇数」 每 1 篇 扣0.5分
            subject = expr(p, node.fact, "top", lead=True)
            s, e = node.fact.span.end, node.span.end
            counted = f"{node.per_word} {p.num(node.per, s, e, 0)} {node.unit}"
            return f"{subject} {counted} {shown}{p.num(node.amount, s, e, 1)}分"  # the second number
        return _fact(p, node.fact, "每") + shown + points(p, node.amount, node.fact.span.end, node.span.end)
    return print_per


def _if(tail: Callable[[Printer, Any], str]) -> Callable[[Printer, Any], str]:
    def print_if(p: Printer, node: Any) -> str:
        return f"若 {cond(p, node.condition)} {tail(p, node)}"
    return print_if


def _zero_tail(p: Printer, node: n.ZeroIf) -> str:
    """不得分, with （含加分） / （加分照计） as the author parenthesised it."""
    if node.bonuses is None:
        return "不得分"
    canonical = "（含加分）" if node.bonuses == "included" else "（加分照计）"
    return "不得分" + p.word(node.condition.span.end, node.span.end, ("ZERO_BONUS",), canonical)


def _deduct_if_tail(p: Printer, node: n.DeductIf) -> str:
    end = node.condition.span.end
    return _verb(p, end, node.span.end) + points(p, node.amount, end, node.span.end)


def _judged(p: Printer, node: n.Judged) -> str:
    start = node.condition.span.end if node.condition is not None else node.span.start
    body = _verb(p, start, node.fact.span.start) + p.text(node.fact)
    return f"若 {cond(p, node.condition)} {body}" if node.condition is not None else body


def _ladder(p: Printer, node: n.Ladder) -> str:
    """「x」 达 90% 每降低 5 个百分点 扣2分 …; a target computed per entity (达 「上年率」) is an
    expression; a bonus ladder (每提高 1 个百分点 加1分) adds."""
    subject = expr(p, node.fact, "top", lead=True)
    if node.target is not None:
        target = expr(p, node.target, "top")
        if target[:1] not in "「【(（" and not target.startswith(("最大", "最小", "绝对值")):
            target = f"（{target}）"  # a computed target starts with a name, a function or a parenthesis
        s, e, nth = node.target.span.end, node.span.end, 0
    else:
        s, e, nth = node.fact.span.end, node.span.end, 1
        target = p.num(node.threshold, s, e, 0)  # then the step, then the amount
        if node.threshold_is_percent:
            target += p.word(s, e, ("PERCENT_SIGN",), "%")
        elif node.threshold_unit:
            target += " " + node.threshold_unit
    step = p.num(node.step, s, e, nth)
    if node.step_unit == n.RELATIVE_STEP:  # 相对目标的 5%
        step = f"相对目标的 {step}%"
    elif node.step_unit in ("%", "％"):
        step += node.step_unit
    elif node.step_unit:
        step += " " + node.step_unit
    verb = "加" if node.bonus else _verb(p, s, e)
    words = [subject, node.threshold_word, target, node.step_word, step,
             verb + p.num(node.amount, s, e, nth + 1) + "分"]
    if node.partial:
        words.append(node.partial)
    return " ".join(words)


def _computed_bonus(p: Printer, node: n.ComputedBonus) -> str:
    """加 （…） 分 / 加 最小（…） 分: the amount in parentheses (the author's, else （）)."""
    amount = expr(p, node.amount, "top")
    if not isinstance(node.amount, n.Call) and not _written_in_parens(p, node.amount):
        amount = _parens(p, node.amount, amount)
    return f"加 {amount} 分"


def _judged_bonus(p: Printer, node: n.JudgedBonus) -> str:
    return "加" + p.text(node.fact) + (" " + node.aggregate if node.aggregate else "")


def _proportional(p: Printer, node: n.Proportional) -> str:
    return _fact(p, node.fact, "按") + "比例得" + points(p, node.amount, node.fact.span.end, node.span.end)


def table_head(p: Printer, node: n.Table) -> str:
    keep = "".join(" " + k for k in (node.keep, node.no_repeat) if k)
    concerning = " 涉及本项的" if node.concerning else ""
    sign = "扣分" if node.deduct else "加分"
    return (f"{node.each}{p.text(node.records)}{concerning} 按{p.text(node.level_field)}{p.text(node.grade_field)}"
            f"{sign}{keep}")


def _table_row(p: Printer, node: n.TableRow) -> str:
    return p.text(node.level) + " " + row_points(p, node)


def row_points(p: Printer, node: n.TableRow) -> str:
    pairs = " ".join(f"{p.text(grade)} {p.num(value, grade.span.end, node.span.end)}" for grade, value in node.points)
    return f"{{ {pairs} }}"


def _table_alias(p: Printer, node: n.TableAlias) -> str:
    return " ".join(p.text(g) for g in node.grades) + " 视为 " + p.text(node.canonical)


def _table(p: Printer, node: n.Table) -> str:
    rows = " ".join(p.text(r) for r in ordered(node.rows, node.aliases))
    return f"{table_head(p, node)} {{ {rows} }}"


#: an outcome effect's words (model/outcomes.py holds their meaning; the syntax tree may not import it)
_OUTCOME_WORDS = {"demote": "降低一个等次评奖", "last": "直接排名最后一位", "ineligible": "取消评优资格",
                  "grade_force": "直接评定为", "grade_cap": "等次不得高于", "grade_exclude": "不得评为"}


def _award_effect(p: Printer, node: n.AwardEffect) -> str:
    """若 … 降低一个等次评奖 / 直接评定为 "不合格" / 降低 2 个等次 (§22)."""
    head = f"若 {cond(p, node.condition)} "
    if node.effect == "grade_lower":
        if node.in_words:
            return head + "降低一个等次"
        levels = p.numeral(node.levels or 1, node.condition.span.end, node.span.end, chinese=False)
        return head + f"降低 {levels} 个等次"
    if node.grade is not None:
        return head + f"{_OUTCOME_WORDS[node.effect]} {p.text(node.grade)}"
    return head + _OUTCOME_WORDS[node.effect]


INLINE: dict[type, Callable[[Printer, Any], str]] = {
    **EXPRESSIONS,
    n.FactType: _fact_type, n.RecordField: _record_field, n.RatingsAggregate: _aggregate, n.RatingsEmpty: _empty,
    n.Cite: _cite, n.Bound: _bound, n.Cap: _cap, n.WeightPart: _weight_part,
    n.PerDeduct: _per("扣"), n.PerAward: _per("得"), n.PerBonus: _per("加"),
    n.ZeroIf: _if(_zero_tail),
    n.DeductIf: _if(_deduct_if_tail),
    n.AwardIf: _if(lambda p, node: "得" + points(p, node.amount, node.condition.span.end, node.span.end)),
    n.BonusIf: _if(lambda p, node: "加" + points(p, node.amount, node.condition.span.end, node.span.end)),
    n.Judged: _judged, n.Ladder: _ladder, n.JudgedBonus: _judged_bonus, n.Proportional: _proportional,
    n.ComputedBonus: _computed_bonus,
    n.Table: _table, n.TableRow: _table_row, n.TableAlias: _table_alias, n.AwardEffect: _award_effect,
    **COHORT,  # cohort values and points by rank: printer_cohort.py
    **INCIDENTS,  # escalation, 个数（「x」 中 …）: printer_incidents.py
}
