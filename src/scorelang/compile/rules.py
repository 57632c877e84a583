"""Model rules → small Decimal closures, one ``_compile_<Rule>`` per model rule class.

A compiled rule is ``step(facts, events) -> Decimal | None``: it returns the change in
points (negative for deductions, positive for points earned), or ``ZEROED`` when the part
scores nothing (不得分), and appends an Event for every change it makes. Bonuses (加) beyond
the item's points return 0 and only append their ``bonus`` event: the item adds them up
from the events. Award effects (降低一个等次评奖) append an event with no points. Everything a step
needs (amounts, fact names, the clause, the sentence, the span) is bound when it is built;
nothing on the per-entity path looks at model nodes.

Events are built with ``new_event(clause=…, rule=…, kind=…, …)``: keywords at every call site,
the fast constructor behind them (``runtime.scorecard``).
"""
from __future__ import annotations

import enum
import operator
from collections.abc import Callable, Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any, Union

import attrs

from ..model import expressions as x
from ..model import nodes as m
from ..runtime.scorecard import Event, EventKind, new_event, new_ladder_detail
from ..span import Span
from .bounds import cap_rule
from .expressions import Value, compile_value
from .incidents import compile_escalation, compile_incident_table

DEDUCT, AWARD, BONUS, ZERO_KIND = EventKind.DEDUCT, EventKind.AWARD, EventKind.BONUS, EventKind.ZERO
NOTE = EventKind.NOTE

ZERO = Decimal(0)


class _Zeroed(enum.Enum):
    """The type of ZEROED: an enum member, so that ``result is ZEROED`` narrows a step's result."""

    ZEROED = "不得分"


ZEROED = _Zeroed.ZEROED  # sentinel: 不得分

# typed facts by name (runtime.facts.FactValue): each closure reads its facts as their
# declared types, which the type checker cannot follow through a name
Facts = Mapping[str, Any]
Decls = Mapping[str, m.FactDecl]
Rename = Callable[[str], str]
StepResult = Union[Decimal, _Zeroed]  # the change in points, or ZEROED
Step = Callable[[Facts, list[Event]], StepResult]
Predicate = Callable[[Facts], bool]
Compiled = tuple[Predicate, tuple[str, ...]]


# ------------------------------------------------------------------ conditions
_OPS = {"eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "le": operator.le,
        "gt": operator.gt, "ge": operator.ge}


def compile_condition(cond: m.Condition, rename: Rename) -> Compiled:
    """A predicate over facts, and the names of the facts it reads."""
    return _CONDITIONS[type(cond)](cond, rename)


def _flag(cond: m.FlagIs, rename: Rename) -> Compiled:
    name = rename(cond.fact)
    return (lambda facts: facts[name] is True), (name,)


def _compare(cond: m.Compare, rename: Rename) -> Compiled:
    name, op, value = rename(cond.fact), _OPS[cond.op], cond.value
    return (lambda facts: op(facts[name], value)), (name,)


def _negation(cond: m.Negation, rename: Rename) -> Compiled:
    inner, names = compile_condition(cond.operand, rename)
    return (lambda facts: not inner(facts)), names


def _all_of(cond: m.AllOf, rename: Rename) -> Compiled:
    compiled = [compile_condition(c, rename) for c in cond.operands]
    predicates = tuple(p for p, _ in compiled)
    return (lambda facts: all(p(facts) for p in predicates)), tuple(n for _, ns in compiled for n in ns)


def _any_of(cond: m.AnyOf, rename: Rename) -> Compiled:
    compiled = [compile_condition(c, rename) for c in cond.operands]
    predicates = tuple(p for p, _ in compiled)
    return (lambda facts: any(p(facts) for p in predicates)), tuple(n for _, ns in compiled for n in ns)


def _compare_facts(cond: m.CompareFacts, rename: Rename) -> Compiled:
    left, op, right = rename(cond.left), _OPS[cond.op], rename(cond.right)
    return (lambda facts: op(facts[left], facts[right])), (left, right)


def _compare_values(cond: x.CompareValues, rename: Rename) -> Compiled:
    left, left_names = compile_value(cond.left, rename)
    right, right_names = compile_value(cond.right, rename)
    op = _OPS[cond.op]
    return (lambda facts: op(left(facts), right(facts))), left_names + right_names


def _rank_within(cond: x.RankWithin, rename: Rename) -> Compiled:
    # an entity outside the group a rank is taken in has none there: not within the first N
    key, count = cond.rank.term.key, cond.count

    def within(facts: Facts) -> bool:
        place = facts.get(key)
        return place is not None and place <= count
    return within, (key, x.ranked_count_key(cond.rank.term))


# the condition's class picks the compiler, so the table cannot say each one's argument type
_CONDITIONS: dict[type, Callable[[Any, Rename], Compiled]] = {
    m.FlagIs: _flag, m.Compare: _compare, m.CompareFacts: _compare_facts, x.CompareValues: _compare_values,
    m.Negation: _negation, m.AllOf: _all_of, m.AnyOf: _any_of, x.RankWithin: _rank_within,
}


def _read(facts: Facts, names: tuple[str, ...]) -> tuple[tuple[str, Any], ...]:
    return tuple((n, facts[n]) for n in names)


Shown = Callable[[Facts, Any], tuple[tuple[str, Any], ...]]


def _computed(quantity: x.Expr, rename: Rename) -> tuple[Value, Shown]:
    """An expression where a rule takes a quantity: its closure, and ``shown(facts, value)``,
    the event's facts — each input, then the computed value under the expression's text."""
    value, names = compile_value(quantity, rename)
    text = x.label(quantity)

    def shown(facts: Facts, computed: Any) -> tuple[tuple[str, Any], ...]:
        return tuple((n, facts[n]) for n in names) + ((text, computed),)
    return value, shown


def _quantity(fact: str | x.Expr, rename: Rename) -> tuple[Value, Shown]:
    """(read(facts), shown(facts, value)) for a rule's quantity: one fact, or an expression."""
    if isinstance(fact, x.CohortValue):  # one cohort value: shown once, under its key
        key = fact.term.key
        if fact.term.function == "rank":  # and among how many: 第 3 名, 共 17
            among = x.ranked_count_key(fact.term)
            return (lambda facts: facts[key]), (lambda facts, value: ((key, value), (among, facts[among])))
        return (lambda facts: facts[key]), (lambda facts, value: ((key, value),))
    if isinstance(fact, x.DerivedRef):  # a derived value reads as one fact
        name = fact.name
    elif isinstance(fact, x.FactValue):  # (a ladder's target 「上年率」)
        name = rename(fact.fact)
    elif not isinstance(fact, str):
        return _computed(fact, rename)
    else:
        name = rename(fact)
    return (lambda facts: facts[name]), (lambda facts, value: ((name, value),))


# ------------------------------------------------------------------ rules
# the event a rule's points are recorded as, by what the rule does (award effects record
# their own change: demote, last)
_EVENT_KINDS = {m.Effect.DEDUCT: DEDUCT, m.Effect.EARN: AWARD, m.Effect.BONUS: BONUS, m.Effect.ZERO: ZERO_KIND}


def _compile_PerOccurrence(rule: m.Rule, body: m.PerOccurrence, rename: Rename, decls: Decls) -> Step:
    """每…扣…分 / 每…得…分 / 每…加…分"""
    if not isinstance(body.fact, str):
        return _per_computed(rule, body, rename)
    name = rename(body.fact)
    per = body.amount * body.sign
    clause, text, span = rule.clause, rule.text, rule.span
    kind = _EVENT_KINDS[body.effect]
    if body.effect is m.Effect.BONUS:
        # a bonus stays out of the item's points: the item reads it back from the event
        def bonus_step(facts: Facts, events: list[Event]) -> Decimal:
            count = facts[name]
            if count:
                events.append(new_event(clause=clause, rule=text, kind=kind, facts=((name, count),),
                                        points=per * count, span=span))
            return ZERO
        return bonus_step

    def step(facts: Facts, events: list[Event]) -> Decimal:
        count: int = facts[name]
        if not count:
            return ZERO
        points = per * count
        events.append(new_event(clause=clause, rule=text, kind=kind, facts=((name, count),), points=points,
                                span=span))
        return points
    return step


def _per_computed(rule: m.Rule, body: m.PerOccurrence, rename: Rename) -> Step:
    """每「a」+「b」扣1分: amount × the computed count."""
    assert not isinstance(body.fact, str)  # _compile_PerOccurrence sends one fact its own way
    value, shown = _quantity(body.fact, rename)
    per = body.amount * body.sign
    clause, text, span = rule.clause, rule.text, rule.span
    kind = _EVENT_KINDS[body.effect]
    returned = body.effect is not m.Effect.BONUS  # a bonus stays out of the item's points

    def step(facts: Facts, events: list[Event]) -> Decimal:
        count = value(facts)
        if not count:
            return ZERO
        points = per * count
        events.append(new_event(clause=clause, rule=text, kind=kind, facts=shown(facts, count), points=points,
                                span=span))
        return points if returned else ZERO
    return step


def _compile_Fixed(rule: m.Rule, body: m.Fixed, rename: Rename, decls: Decls) -> Step:
    """若…扣10分 / 若…得10分"""
    predicate, names = compile_condition(body.condition, rename)
    points = body.amount * body.sign
    clause, text, span = rule.clause, rule.text, rule.span
    kind = _EVENT_KINDS[body.effect]
    # a bonus stays out of the item's points: the item reads it back from the event
    returned = ZERO if body.effect is m.Effect.BONUS else points

    def step(facts: Facts, events: list[Event]) -> Decimal:
        if not predicate(facts):
            return ZERO
        events.append(new_event(clause=clause, rule=text, kind=kind, facts=_read(facts, names), points=points,
                                span=span))
        return returned
    return step


def _compile_Zero(rule: m.Rule, body: m.Zero, rename: Rename, decls: Decls) -> Step:
    """若…不得分: the event's points are filled in by the part, which knows the score it cancels."""
    predicate, names = compile_condition(body.condition, rename)
    clause, text, span = rule.clause, rule.text, rule.span

    def step(facts: Facts, events: list[Event]) -> StepResult:
        if not predicate(facts):
            return ZERO
        events.append(new_event(clause=clause, rule=text, kind=ZERO_KIND, facts=_read(facts, names), points=ZERO,
                                span=span))
        return ZEROED
    return step


def _compile_Judgement(rule: m.Rule, body: m.Judgement, rename: Rename, decls: Decls) -> Step:
    """扣1至3分: the assessor's amount (or each record's amount), with the reason kept."""
    name = rename(body.fact)
    clause, text, span = rule.clause, rule.text, rule.span
    if body.condition is not None:
        predicate, cond_names = compile_condition(body.condition, rename)
    else:
        predicate, cond_names = None, ()

    if body.effect is m.Effect.BONUS:
        decl = decls.get(name)
        return _judged_bonus(name, body, clause, text, span, decl.no_records if decl is not None else None)

    if body.records:
        def records_step(facts: Facts, events: list[Event]) -> Decimal:
            if predicate is not None and not predicate(facts):
                return ZERO
            total = ZERO
            for index, (amount, reason) in enumerate(facts[name], start=1):
                if amount:
                    events.append(new_event(clause=clause, rule=text, kind=DEDUCT,
                                            facts=_read(facts, cond_names) + ((f"{name}[{index}]", amount),),
                                            points=-amount, reason=reason, span=span))
                    total -= amount
            return total
        return records_step

    def step(facts: Facts, events: list[Event]) -> Decimal:
        amount: Decimal
        reason: str | None
        amount, reason = facts[name]
        if not amount:
            return ZERO
        read: tuple[tuple[str, Any], ...]
        if predicate is None:
            read = ((name, amount),)
        elif predicate(facts):
            read = _read(facts, cond_names) + ((name, amount),)
        else:
            return ZERO
        events.append(new_event(clause=clause, rule=text, kind=DEDUCT, facts=read, points=-amount, reason=reason,
                                span=span))
        return -amount
    return step


def _judged_bonus(name: str, body: m.Judgement, clause: str, text: str, span: Span,
                  no_records: Decimal | None = None) -> Step:
    """加「主要领导评分」 / 加「班子成员评分」 合计|平均 (第十三条): bonus events, no item points;
    averaged records with none at all give ``no_records`` (无记录时 计 N 分)."""
    empty_reason = None if no_records is None else f"无记录，按规定计 {no_records.normalize():f} 分"
    if not body.records:
        def step(facts: Facts, events: list[Event]) -> Decimal:
            amount, reason = facts[name]
            if amount:
                events.append(new_event(clause=clause, rule=text, kind=BONUS, facts=((name, amount),), points=amount,
                                        reason=reason, span=span))
            return ZERO
        return step
    if body.aggregate == "mean":
        def mean_step(facts: Facts, events: list[Event]) -> Decimal:
            records = facts[name]
            if records:
                amounts = tuple(amount for amount, _ in records)
                mean = sum(amounts, ZERO) / len(amounts)
                reasons = "；".join(r for _, r in records if r) or None
                events.append(new_event(clause=clause, rule=text, kind=BONUS, facts=((name, amounts),), points=mean,
                                        reason=reasons, span=span))
            elif no_records:  # 无记录时 计 N 分 (报错 is refused with the facts)
                events.append(new_event(clause=clause, rule=text, kind=BONUS, facts=((name, ()),), points=no_records,
                                        reason=empty_reason, span=span))
            return ZERO
        return mean_step

    def sum_step(facts: Facts, events: list[Event]) -> Decimal:
        for index, (amount, reason) in enumerate(facts[name], start=1):
            if amount:
                events.append(new_event(clause=clause, rule=text, kind=BONUS, facts=((f"{name}[{index}]", amount),),
                                        points=amount, reason=reason, span=span))
        return ZERO
    return sum_step


def _compile_Proportional(rule: m.Rule, body: m.Proportional, rename: Rename, decls: Decls) -> Step:
    """按「开工率」比例得3分: 3 × rate / 100."""
    read, shown = _quantity(body.fact, rename)
    per_point = body.amount / Decimal(100)
    clause, text, span = rule.clause, rule.text, rule.span
    if body.rated and isinstance(body.fact, str):  # 评分: the combined amount, with how it was combined as the reason
        name = rename(body.fact)

        def rated_step(facts: Facts, events: list[Event]) -> Decimal:
            value: Decimal
            reason: str
            value, reason = facts[name]
            if not value:
                return ZERO
            points = per_point * value
            events.append(new_event(clause=clause, rule=text, kind=AWARD, facts=((name, value),), points=points,
                                    reason=reason, span=span))
            return points
        return rated_step

    def step(facts: Facts, events: list[Event]) -> Decimal:
        value: Decimal = read(facts)
        if not value:
            return ZERO
        points = per_point * value
        events.append(new_event(clause=clause, rule=text, kind=AWARD, facts=shown(facts, value), points=points,
                                span=span))
        return points
    return step


def _compile_AwardEffect(rule: m.Rule, body: m.AwardEffect, rename: Rename, decls: Decls) -> Step:
    """若…降低一个等次评奖 / 直接排名最后一位: the cohort stage acts on the event."""
    predicate, names = compile_condition(body.condition, rename)
    clause, text, span, kind = rule.clause, rule.text, rule.span, EventKind(body.change)

    def step(facts: Facts, events: list[Event]) -> Decimal:
        if predicate(facts):
            events.append(new_event(clause=clause, rule=text, kind=kind, facts=_read(facts, names), points=ZERO,
                                    span=span))
        return ZERO
    return step


def _compile_Table(rule: m.Rule, body: m.Table, rename: Rename, decls: Decls) -> Step:
    """每条「表彰」 按「层级」「等级」加分: each record's points from the table; with
    同一「工作」只计最高分 (or 最高层级) only one record per work counts. 每起 … 扣分 (incidents,
    ``sign`` -1) is compile/incidents.py's."""
    if body.sign < 0:
        return compile_incident_table(rule, body, rename, decls)
    name = rename(body.fact)
    table = {(level, grade): (rank, points)
             for rank, (level, pairs) in enumerate(body.rows) for grade, points in pairs}
    aliases = dict(body.aliases)
    level_field, grade_field, work_field, keep = body.level_field, body.grade_field, body.work_field, body.keep
    clause, text, span = rule.clause, rule.text, rule.span
    outside = text + "（该层级与等级不在加分表中，不纳入加分范围）"
    repeated = text + "（同一工作已按最高计分，本条不重复计分）"

    def step(facts: Facts, events: list[Event]) -> Decimal:
        records = facts[name]
        if not records:
            return ZERO
        scored = []
        for index, record in enumerate(records, start=1):
            level, grade = record[level_field], record[grade_field]
            rank, points = table.get((level, aliases.get(grade, grade)), (len(table), ZERO))
            scored.append((index, record, rank, points))
        if keep is not None:
            best: dict[str, tuple[tuple[Decimal | int, Decimal | int], tuple[int, Any, int, Decimal]]] = {}
            for entry in scored:
                work = entry[1][work_field]
                key = (-entry[3], entry[2]) if keep == "points" else (entry[2], -entry[3])
                if work not in best or key < best[work][0]:
                    best[work] = (key, entry)
            counted = {id(entry) for _, entry in best.values()}
        else:
            counted = {id(entry) for entry in scored}
        for entry in scored:
            index, record, _, points = entry
            shown = tuple((f"{name}[{index}].{k}", v) for k, v in record.items())
            if (record[level_field], aliases.get(record[grade_field], record[grade_field])) not in table:
                events.append(new_event(clause=clause, rule=outside, kind=NOTE, facts=shown, points=ZERO, span=span))
            elif id(entry) in counted:
                events.append(new_event(clause=clause, rule=text, kind=BONUS, facts=shown, points=points, span=span))
            else:
                events.append(new_event(clause=clause, rule=repeated, kind=NOTE, facts=shown, points=ZERO, span=span))
        return ZERO
    return step


def _compile_Ladder(rule: m.Rule, body: m.Ladder, rename: Rename, decls: Decls) -> Step:
    """每降低5个百分点扣2分: per step of shortfall below the target, partial steps as declared;
    比上年每提高1个百分点加1分 (``bonus``): per step above the baseline, beyond the item's points.
    The target may be computed per entity (达 「上年率」). The event's ``detail`` says how the
    ladder read its value (``LadderDetail``)."""
    read, shown = _quantity(body.fact, rename)
    target_of: Value | None = None
    target_shown: Shown | None = None
    if isinstance(body.target, Decimal):
        fixed = body.target
    else:
        fixed = ZERO  # unused: the target is computed per entity
        target_of, target_shown = _quantity(body.target, rename)
    step_size, amount = body.step, body.amount
    relative, partial, upward = body.relative, body.partial, body.upward
    # read only when relative, which the resolver allows with a number target only
    scale = Decimal(100) / fixed if relative else Decimal(1)
    clause, text, span = rule.clause, rule.text, rule.span
    rounding = {"ceil": ROUND_CEILING, "floor": ROUND_FLOOR}.get(partial)
    proportional = partial in ("proportional", "exact")
    # an expression's trace shows its inputs and value; its unit is not one fact's
    decl = decls[rename(body.fact)] if isinstance(body.fact, str) else None
    if isinstance(body.fact, x.DerivedRef):  # a derived value has its kind and unit, as a fact does
        percent = body.fact.kind == "percent"
        unit = "%" if percent else "个百分点" if body.fact.kind == "pp" else body.fact.unit
    else:
        percent = decl is not None and decl.type == "percent"
        unit = "%" if percent else decl.unit if decl is not None else None
    # a percent fact's gap is in percentage points; a count's against 300 件 too (of the target)
    percentage_points = percent or relative or (isinstance(body.fact, x.DerivedRef) and body.fact.kind == "pp")
    bonus = body.bonus
    kind = BONUS if bonus else DEDUCT
    sign = 1 if bonus else -1

    # 达 (a floor to reach) counts the shortfall below the target; 不高于 (a ceiling, 7.1
    # 每增加1个百分点) and 比 … 每提高 count the excess above it
    direction = -1 if upward else 1

    def step(facts: Facts, events: list[Event]) -> Decimal:
        value: Decimal = read(facts)
        target: Decimal = fixed if target_of is None else target_of(facts)
        gap = (target - value) * direction
        if gap <= 0:
            return ZERO
        if relative:
            gap = gap * scale
        steps = gap / step_size
        if not proportional:
            steps = steps.to_integral_value(rounding=rounding)
        if not steps:
            return ZERO
        points = sign * steps * amount
        detail = new_ladder_detail(measured=value, target=target, unit=unit, upward=upward,
                                   percentage_points=percentage_points, gap=gap, step=step_size, steps=steps,
                                   partial=partial, bonus=bonus)
        read_facts = shown(facts, value)
        if target_shown is not None:
            seen = {n for n, _ in read_facts}
            read_facts += tuple(f for f in target_shown(facts, target) if f[0] not in seen)
        events.append(new_event(clause=clause, rule=text, kind=kind, facts=read_facts, points=points,
                                detail=detail, span=span))
        return ZERO if bonus else points
    return step


def _compile_RankPoints(rule: m.Rule, body: m.RankPoints, rename: Rename, decls: Decls) -> Step:
    """按 全体名次（…） 第1名得10分 第2至3名得8分 其余得4分: the row the rank falls in, once."""
    read, shown = _quantity(body.rank, rename)
    table = {place: points for first, last, points in body.rows for place in range(first, last + 1)} \
        if sum(last - first + 1 for first, last, _ in body.rows) <= 1000 else None
    rows, rest = body.rows, body.rest
    clause, text, span = rule.clause, rule.text, rule.span

    def points_for(place: Any) -> Decimal:
        if table is not None:
            return table.get(place, rest)
        return next((p for first, last, p in rows if first <= place <= last), rest)

    def step(facts: Facts, events: list[Event]) -> Decimal:
        place = read(facts)
        points = points_for(place)
        if not points:
            return ZERO
        events.append(new_event(clause=clause, rule=text, kind=AWARD, facts=shown(facts, place), points=points,
                                span=span))
        return points
    return step


# the rule body's class picks the compiler, so the table cannot say each one's argument type
_COMPILERS: dict[type, Callable[[m.Rule, Any, Rename, Decls], Step]] = {
    m.PerOccurrence: _compile_PerOccurrence,
    m.Fixed: _compile_Fixed,
    m.Zero: _compile_Zero,
    m.Judgement: _compile_Judgement,
    m.Ladder: _compile_Ladder,
    m.Proportional: _compile_Proportional,
    m.Table: _compile_Table,
    m.AwardEffect: _compile_AwardEffect,
    m.RankPoints: _compile_RankPoints,
    m.Escalation: compile_escalation,  # 首次扣1分 再次扣2分 …: compile/incidents.py
}


def compile_rule(rule: m.Rule, decls: Decls, rename: Rename = lambda n: n) -> tuple[Step, bool]:
    """The step for one rule, and whether it earns points (每…得 / 若…得). ``decls`` maps
    every fact name (per-occasion names too) to its declaration."""
    try:
        compiler = _COMPILERS[type(rule.body)]
    except KeyError:  # a new model rule class without a compiler is a bug, loudly
        raise TypeError(f"no compiler for rule {type(rule.body).__name__}") from None
    step = compiler(rule, rule.body, rename, decls)
    if rule.cap is not None:  # 最多扣/加/得 N 分
        step = cap_rule(step, rule, rule.cap)
    if rule.condition is not None:
        step = _only_if(rule.condition, step, rename)
    return step, rule.earns


def _only_if(condition: m.Condition, step: Step, rename: Rename) -> Step:
    """若 … before a rule of any kind: the rule's step runs only when the condition holds;
    its events then show the condition's facts first."""
    predicate, names = compile_condition(condition, rename)

    def conditional(facts: Facts, events: list[Event]) -> StepResult:
        if not predicate(facts):
            return ZERO
        start = len(events)
        change = step(facts, events)
        if len(events) > start:
            read = _read(facts, names)
            events[start:] = [attrs.evolve(e, facts=read + tuple(f for f in e.facts if f[0] not in names))
                              for e in events[start:]]
        return change
    return conditional
