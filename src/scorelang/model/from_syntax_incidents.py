"""Incident records of the syntax tree → the model (docs/language.md §24): the 考评期 a 日期
field is checked against, the per-incident table (每起 … 扣分, 涉及本项的, 同一「…」不重复扣分),
escalation (首次扣1分 再次扣2分 第三次及以上不得分) and the count of records (个数（「x」 中 …）).

``IncidentResolver`` is a mixin of ``from_syntax.Resolver`` (through ``RuleResolver``): it uses
the fact table, ``_use`` and ``error``. Rules are resolved in the order of scoring (the tasks'
items in order, then the articles), so a rule that declares 不重复扣分 is given the claims of
the rules before it (``incidents.Claim``) as it is resolved.
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .. import messages as msg
from ..messages import Words
from ..syntax import nodes as syn
from . import expressions as x
from . import incidents as inc
from . import nodes as m
from .from_syntax_exprs import ValueType
from .vocabulary import COMPARE

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic
    from .from_syntax import _Fact

_ORDINALS = "一二三四五六七八九十"


def ordinal_word(place: int) -> str:
    """The word of the ``place``-th incident: 首次, 再次, 第三次 … (place ≤ 10)."""
    return {1: "首次", 2: "再次"}.get(place) or f"第{_chinese(place)}次"


def _chinese(number: int) -> str:
    if number <= 10:
        return _ORDINALS[number - 1]
    return ("" if number < 20 else _ORDINALS[number // 10 - 1]) + "十" + (
        _ORDINALS[number % 10 - 1] if number % 10 else "")


def _place_of(word: str) -> int | None:
    """首次 → 1, 再次(及以上) → 2, 第三次(及以上) → 3; None for a numeral it cannot read."""
    word = word.removesuffix("及以上")
    if word == "首次":
        return 1
    if word == "再次":
        return 2
    numeral = word.removeprefix("第").removesuffix("次")
    for place in range(1, 100):
        if _chinese(place) == numeral:
            return place
    return None


class IncidentResolver:
    """Resolves incident rules and counts (mixed into ``Resolver`` through ``RuleResolver``)."""

    facts: dict[str, _Fact]
    tree: syn.Policy

    if TYPE_CHECKING:
        def error(self, diagnostic: Diagnostic) -> None: ...

        def _use(self, name: syn.Name, clause: str, allowed: tuple[str, ...], what: Words,
                 occasions: int = 0) -> str | None: ...

    # ------------------------------------------------------------ the policy's 考评期 and items
    def incident_period(self) -> tuple[str, str] | None:
        """考评期 as ISO dates (SL420 when a date is not one, or the period runs backwards)."""
        cached: tuple[tuple[str, str] | None] | None = getattr(self, "_period_cache", None)
        if cached is not None:
            return cached[0]
        period = None
        headers = self.tree.headers
        if headers and headers[0].period is not None:
            span = headers[0].period_span or headers[0].span
            low, high = (inc.parse_date(d) for d in headers[0].period)
            for written, date in zip(headers[0].period, (low, high), strict=True):
                if date is None:
                    self.error(msg.PERIOD_NOT_A_DATE.at(span, value=written))
            if low is not None and high is not None:
                if low > high:
                    self.error(msg.PERIOD_BACKWARDS.at(span, low=low.isoformat(), high=high.isoformat()))
                else:
                    period = (low.isoformat(), high.isoformat())
        self._period_cache = (period,)
        return period

    def policy_item_ids(self) -> tuple[str, ...]:
        """Every item id the policy writes (a 项号 field's values), in order."""
        return tuple(f"{t.number}.{i.number}" for t in self.tree.tasks for s in t.sections for i in s.items)

    def _fields(self, fact: str) -> dict[str, syn.RecordField]:
        return {f.name.text: f for f in self.facts[fact].decl.type.fields}

    def _field_of_kind(self, fact: str, kind: str) -> str | None:
        return next((name for name, f in self._fields(fact).items() if f.kind == kind), None)

    # ------------------------------------------------------------ rules
    def _concerning(self, clause: str, fact: str, wanted: bool, span: Any) -> tuple[bool, str | None]:
        """涉及本项的: (ok, the 项号 field) — SL421 in an article or without a 项号 field."""
        if not wanted:
            return True, None
        if not clause[:1].isdigit():
            self.error(msg.CONCERNING_IN_ARTICLE.at(span))
            return False, None
        field = self._field_of_kind(fact, "item")
        if field is None:
            self.error(msg.CONCERNING_NO_ITEM_FIELD.at(span, name=fact))
            return False, None
        return True, field

    def _no_repeat(self, fact: str, written: str | None, span: Any,
                   claim: inc.Claim) -> tuple[bool, inc.NoRepeat | None]:
        """同一「key」不重复扣分: (ok, the model with the claims of the rules before), and this
        rule's own claim recorded for the rules after it."""
        if written is None:
            return True, None
        key = written.removeprefix("同一")[1:].removesuffix("不重复扣分")[:-1]  # 「key」 or 【key】
        if key not in self._fields(fact):
            self.error(msg.NO_REPEAT_NO_FIELD.at(span, name=fact, field=key))
            return False, None
        registry: dict[tuple[str, str], list[inc.Claim]] = getattr(self, "_claims", None) or {}
        self._claims = registry
        earlier = registry.setdefault((fact, key), [])
        result = inc.NoRepeat(key, tuple(earlier), span=span)
        earlier.append(claim)
        return True, result

    def incident_table(self, clause: str, b: syn.Table, table: m.Table) -> m.Table | None:
        """The incident half of 每起 … 按「类别」「严重程度」扣分 { … } (the points table itself is the
        records' table): the sign, 涉及本项的 and 不重复扣分."""
        incident = b.deduct or b.concerning or b.no_repeat is not None or b.each == "每起"
        if not incident:
            return table
        fact = table.fact
        if self._field_of_kind(fact, "date") is None or not b.deduct:
            self.error(msg.TABLE_DEDUCT_NOT_INCIDENTS.at(b.span))
            return None
        if b.no_repeat is not None and table.keep is not None:
            self.error(msg.NO_REPEAT_KEEP.at(b.span))
            return None
        ok, concerning = self._concerning(clause, fact, b.concerning, b.span)
        aliases = dict(table.aliases)
        grades = {g for _, row in table.rows for g, _ in row} | set(aliases)
        cells = tuple((level, grade) for level, row in table.rows for grade in grades
                      if aliases.get(grade, grade) in dict(row))
        claim = inc.Claim(clause, concerning, cells, table.level_field, table.grade_field, table.aliases, span=b.span)
        repeat_ok, no_repeat = self._no_repeat(fact, b.no_repeat, b.span, claim)
        if not ok or not repeat_ok:
            return None
        return m.Table(table.fact, table.level_field, table.grade_field, table.rows, table.aliases, table.keep,
                       table.work_field, span=table.span, sign=-1, concerning=concerning, no_repeat=no_repeat)

    def _escalation(self, clause: str, b: syn.Escalation, occasions: int) -> m.Escalation | None:
        fact = self._use(b.records, clause, ("records",), Words("「每起…首次…再次…」", "escalation per incident"),
                         occasions)
        if fact is None:
            return None
        date_field = self._field_of_kind(fact, "date")
        if date_field is None:
            self.error(msg.ESCALATION_NO_DATE.at(b.records.span, name=fact))
            return None
        steps: list[Decimal] = []
        onwards: Decimal | None = None
        zero = False
        for place, step in enumerate(b.steps, start=1):
            expected = ordinal_word(place) + ("及以上" if step.onwards else "")
            if _place_of(step.ordinal) != place or (step.onwards and place == 1) or (
                    step.onwards and place != len(b.steps)):
                self.error(msg.ESCALATION_ORDER.at(step.span, ordinal=step.ordinal, expected=expected))
                return None
            if step.onwards:
                onwards, zero = step.points, step.points is None
            else:
                assert step.points is not None  # the grammar writes 扣 N 分 for a single place
                steps.append(step.points)
        ok, concerning = self._concerning(clause, fact, b.concerning, b.span)
        claim = inc.Claim(clause, concerning, None, span=b.span)
        repeat_ok, no_repeat = self._no_repeat(fact, b.no_repeat, b.span, claim)
        if not ok or not repeat_ok:
            return None
        return m.Escalation(fact, date_field, concerning, tuple(steps), onwards, zero, no_repeat, span=b.span)

    # ------------------------------------------------------------ 个数（「x」 中 …）
    def _record_count(self, clause: str, e: syn.RecordCount) -> tuple[x.Expr, ValueType] | None:
        fact = self.facts.get(e.records.text)
        if fact is None or fact.type != "records" or not fact.decl.type.fields:
            if fact is None:  # the usual message, with its "did you mean"
                self._use(e.records, clause, ("records",), Words("个数（…）", "a count of records"))
            else:
                self.error(msg.COUNT_NOT_RECORDS.at(e.records.span, name=e.records.text))
            return None
        name = self._use(e.records, clause, ("records",), Words("个数（…）", "a count of records"))
        if name is None:
            return None
        test = None
        if e.condition is not None:
            test = self._record_test(name, e.condition)
            if test is None:
                return None
        text = f"个数（「{name}」" + (f" 中 {_test_text(test)}" if test is not None else "") + "）"
        return inc.RecordCount(name, test, text, span=e.span), ValueType("count", None, Decimal(0), None)

    def _record_test(self, fact: str, c: Any) -> inc.RecordTest | None:
        if isinstance(c, syn.Not):
            inner = self._record_test(fact, c.operand)
            return None if inner is None else inc.TestNot(inner, span=c.span)
        if isinstance(c, (syn.And, syn.Or)):
            operands = [self._record_test(fact, o) for o in c.operands]
            if any(o is None for o in operands):
                return None
            return inc.TestAll(tuple(o for o in operands if o is not None), isinstance(c, syn.Or), span=c.span)
        if not (isinstance(c, syn.Comparison) and isinstance(c.value, syn.StringLit)
                and COMPARE.get(c.op) in ("eq", "ne")):
            self.error(msg.COUNT_CONDITION_FORM.at(c.span))
            return None
        fields = self._fields(fact)
        field = fields.get(c.name.text)
        if field is None:
            self.error(msg.COUNT_NOT_A_FIELD.at(c.name.span, name=fact, field=c.name.text))
            return None
        value = c.value.value
        known = {t.text for t in field.choices} if field.kind == "choice" else (
            set(self.policy_item_ids()) if field.kind == "item" else None)
        if known is not None and value not in known:
            self.error(msg.COUNT_NOT_A_CHOICE.at(c.value.span, value=value, field=field.name.text))
            return None
        return inc.FieldIs(field.name.text, value, COMPARE[c.op] == "ne", field.kind == "item", span=c.span)


def _test_text(test: inc.RecordTest) -> str:
    if isinstance(test, inc.FieldIs):
        return f"「{test.field}」 {'不为' if test.negated else '为'} \"{test.value}\""
    if isinstance(test, inc.TestNot):
        return "非 " + _test_text(test.operand)
    return (" 或 " if test.any_ else " 且 ").join(
        f"（{_test_text(t)}）" if isinstance(t, inc.TestAll) else _test_text(t) for t in test.operands)
