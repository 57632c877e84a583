"""Incident records (docs/language.md §24) → Decimal closures: the per-incident deduction
table (每起 … 按「类别」「严重程度」扣分), escalation by the order of dates (首次扣1分 再次扣2分
第三次及以上不得分), 同一「…」不重复扣分 across rules, and the count 个数（「x」 中 …）.

An incident is a record of a 记录 fact: ``{field: value}`` with its 日期 as an ISO date and its
项号 as a tuple of item ids (runtime/facts.py). Every incident a rule looks at is shown in the
trace under ``「x」[n].field`` (n: its place in the facts file), with the points it moved; an
incident that deducts nothing there (another rule took it, or it is past the last step) is
shown with 0 points and the reason.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from ..model import expressions as x
from ..model import nodes as m
from ..runtime.scorecard import Event, EventKind, new_event

Facts = Mapping[str, Any]
Record = Mapping[str, Any]
Rename = Callable[[str], str]
Accepts = Callable[[Record], bool]

DEDUCT, ZERO_KIND = EventKind.DEDUCT, EventKind.ZERO
ZERO = Decimal(0)

REPEATED = "（同一「{key}」已扣分，本条不重复扣分）"
OUTSIDE = "（该类别与严重程度不在扣分表中，不扣分）"
PAST_STEPS = "（已过最后一档，不再扣分）"
ZEROED_TEXT = "（第{place}起：本项不得分）"


def concerns(field: str | None, clause: str) -> Accepts:
    """涉及本项的: the incident names the item ``clause`` (every incident when ``field`` is None)."""
    if field is None:
        return lambda record: True
    return lambda record: clause in record[field]


def claimed_by(claim: m.Claim) -> Accepts:
    """Whether the earlier rule of ``claim`` scores the incident (so takes its key)."""
    about = concerns(claim.concerning, claim.clause)
    if claim.cells is None:
        return about
    cells = frozenset(claim.cells)
    level, grade = claim.level_field, claim.grade_field
    assert level is not None and grade is not None  # a table's claim names its fields
    return lambda record: about(record) and (record[level], record[grade]) in cells


def taken_before(no_repeat: m.NoRepeat | None) -> Callable[[tuple[Record, ...]], frozenset[Any]]:
    """The keys the rules before this one (同一「key」不重复扣分) have already deducted for."""
    if no_repeat is None or not no_repeat.earlier:
        return lambda records: frozenset()
    key = no_repeat.key
    earlier = tuple(claimed_by(c) for c in no_repeat.earlier)
    return lambda records: frozenset(r[key] for r in records if any(e(r) for e in earlier))


def shown(name: str, index: int, record: Record) -> tuple[tuple[str, Any], ...]:
    """The trace's facts of one incident: each field under 「x」[n].field (项号 joined by 、)."""
    return tuple((f"{name}[{index}].{k}", "、".join(v) if isinstance(v, tuple) else v) for k, v in record.items())


def in_date_order(records: tuple[Record, ...], date_field: str | None) -> list[tuple[int, Record]]:
    """(place in the file, record), by date (ties in the file's order)."""
    numbered = list(enumerate(records, start=1))
    if date_field is not None:
        numbered.sort(key=lambda pair: pair[1][date_field])
    return numbered


def _date_field(decls: Mapping[str, m.FactDecl], name: str) -> str | None:
    decl = decls.get(name)
    return next((f.name for f in decl.fields if f.kind == "date"), None) if decl is not None else None


def compile_incident_table(rule: m.Rule, body: m.Table, rename: Rename,
                           decls: Mapping[str, m.FactDecl]) -> Callable[[Facts, list[Event]], Decimal]:
    """每起「x」 涉及本项的 按「类别」「严重程度」扣分 同一「问题编号」不重复扣分 { … }: each incident,
    by date, deducts its cell of the table."""
    name = rename(body.fact)
    aliases = dict(body.aliases)
    table = {(level, grade): points for level, row in body.rows for grade, points in row}
    level_field, grade_field = body.level_field, body.grade_field
    about = concerns(body.concerning, rule.clause)
    taken = taken_before(body.no_repeat)
    key = body.no_repeat.key if body.no_repeat is not None else None
    date_field = _date_field(decls, name)
    clause, text, span = rule.clause, rule.text, rule.span
    repeated = text + REPEATED.format(key=key)
    outside = text + OUTSIDE

    def step(facts: Facts, events: list[Event]) -> Decimal:
        records = facts[name]
        if not records:
            return ZERO
        seen = set(taken(records))
        total = ZERO
        for index, record in in_date_order(records, date_field):
            if not about(record):
                continue
            grade: str = record[grade_field]
            cell = table.get((record[level_field], aliases.get(grade, grade)))
            if cell is None:
                events.append(new_event(clause=clause, rule=outside, kind=DEDUCT, facts=shown(name, index, record),
                                        points=ZERO, span=span))
                continue
            if key is not None:
                if record[key] in seen:
                    events.append(new_event(clause=clause, rule=repeated, kind=DEDUCT,
                                            facts=shown(name, index, record), points=ZERO, span=span))
                    continue
                seen.add(record[key])
            total -= cell
            events.append(new_event(clause=clause, rule=text, kind=DEDUCT, facts=shown(name, index, record),
                                    points=-cell, span=span))
        return total
    return step


def compile_escalation(rule: m.Rule, body: m.Escalation, rename: Rename,
                       decls: Mapping[str, m.FactDecl]) -> Callable[[Facts, list[Event]], Any]:
    """首次扣1分 再次扣2分 第三次及以上不得分: the incidents this rule counts, by date, deduct the
    points of their place; 不得分 makes the part score 0 (returns ``zeroed``, the evaluator's
    sentinel, with one event that lists every incident counted)."""
    from .rules import ZEROED  # the sentinel the evaluator knows (rules imports this module)

    name = rename(body.fact)
    about = concerns(body.concerning, rule.clause)
    taken = taken_before(body.no_repeat)
    key = body.no_repeat.key if body.no_repeat is not None else None
    steps, onwards, zero_at = body.steps, body.onwards, len(body.steps) + 1 if body.zero_onwards else None
    date_field = body.date_field
    clause, text, span = rule.clause, rule.text, rule.span
    repeated = text + REPEATED.format(key=key)
    past = text + PAST_STEPS

    def step(facts: Facts, events: list[Event]) -> Any:
        records = facts[name]
        if not records:
            return ZERO
        seen = set(taken(records))
        counted: list[tuple[int, Record]] = []
        repeats: list[tuple[int, Record]] = []  # in date order too, each before the incident after it
        order: list[tuple[bool, int, Record]] = []
        for index, record in in_date_order(records, date_field):
            if not about(record):
                continue
            if key is not None:
                if record[key] in seen:
                    repeats.append((index, record))
                    order.append((False, index, record))
                    continue
                seen.add(record[key])
            counted.append((index, record))
            order.append((True, index, record))
            if zero_at is not None and len(counted) == zero_at:
                break
        if zero_at is not None and len(counted) == zero_at:
            for index, record in repeats:
                events.append(new_event(clause=clause, rule=repeated, kind=DEDUCT, facts=shown(name, index, record),
                                        points=ZERO, span=span))
            listed = tuple(f for index, record in counted for f in shown(name, index, record))
            events.append(new_event(clause=clause, rule=text + ZEROED_TEXT.format(place=zero_at), kind=ZERO_KIND,
                                    facts=listed, points=ZERO, span=span))
            return ZEROED
        total = ZERO
        place = 0
        for counts, index, record in order:
            if not counts:
                events.append(new_event(clause=clause, rule=repeated, kind=DEDUCT, facts=shown(name, index, record),
                                        points=ZERO, span=span))
                continue
            place += 1
            points = steps[place - 1] if place <= len(steps) else onwards
            events.append(new_event(clause=clause, rule=text if points is not None else past, kind=DEDUCT,
                                    facts=shown(name, index, record), points=-(points or ZERO), span=span))
            total -= points or ZERO
        return total
    return step


# ------------------------------------------------------------------ 个数（「x」 中 …）
def record_test(test: m.RecordTest) -> Accepts:
    """The predicate of a test on one record."""
    if isinstance(test, m.FieldIs):
        field, value, negated = test.field, test.value, test.negated
        if test.item:
            return lambda record: (value in record[field]) is not negated
        return lambda record: (record[field] == value) is not negated
    if isinstance(test, m.TestNot):
        inner = record_test(test.operand)
        return lambda record: not inner(record)
    parts = tuple(record_test(t) for t in test.operands)
    if test.any_:
        return lambda record: any(p(record) for p in parts)
    return lambda record: all(p(record) for p in parts)


def compile_record_count(e: x.RecordCount, rename: Rename) -> tuple[Callable[[Facts], int], tuple[str, ...]]:
    name = rename(e.fact)
    if e.test is None:
        return (lambda facts: len(facts[name])), (name,)
    accepts = record_test(e.test)
    return (lambda facts: sum(1 for r in facts[name] if accepts(r))), (name,)
