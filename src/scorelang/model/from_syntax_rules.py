"""Rules and conditions of the syntax tree → model rules: the half of resolution that reads
a rule's own words (每/若/扣/加/阶梯/表) and checks each fact reference's type.

``RuleResolver`` is a mixin of ``from_syntax.Resolver``: it uses the resolver's fact table
(``self.facts``), ``self._use`` and ``self.error``. One method per syntax class, dispatched
through ``RULE_RESOLVERS`` and ``CONDITION_RESOLVERS`` (a test checks that every class of
``syntax.nodes.RuleBody`` and ``Condition`` has one); each returns the model node, or None
after reporting why it cannot.
"""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .. import messages as msg
from ..messages import Words
from ..syntax import nodes as syn
from . import expressions as x
from . import nodes as m
from .from_syntax_cohort import CohortResolver
from .from_syntax_derived import DerivedResolver
from .from_syntax_exprs import ValueType, kind_words
from .from_syntax_incidents import IncidentResolver
from .vocabulary import COMPARE, PARTIAL, did_you_mean, type_words

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic
    from .from_syntax import _Fact

_NUMERIC = ("count", "number", "percent")


class RuleResolver(CohortResolver, DerivedResolver, IncidentResolver):
    """Resolves rule bodies and conditions (mixed into ``Resolver``)."""

    # what the mixin uses of its host, Resolver (declared for the type checker only)
    facts: dict[str, _Fact]

    if TYPE_CHECKING:
        def error(self, diagnostic: Diagnostic) -> None: ...

        def _use(self, name: syn.Name, clause: str, allowed: tuple[str, ...], what: Words,
                 occasions: int = 0) -> str | None: ...

    def _fact_or_value(self, clause: str, e: syn.Expr, occasions: int, need: tuple[str, ...],
                       what: Words) -> str | x.Expr | None:
        """A bare fact (as before expressions: its name, checked with ``_use``) or an expression
        of one of the kinds ``need`` (a model expression); None after reporting why not."""
        if isinstance(e, syn.Name) and not self._is_derived(e):
            return self._use(e, clause, need, what, occasions)
        resolved = self._quantity(clause, e, occasions, need, what)
        return None if resolved is None else resolved[0]

    def _rule_body(self, clause: str, body: syn.RuleBody, occasions: int) -> m.RuleBody | None:
        try:
            resolve = RULE_RESOLVERS[type(body)]
        except KeyError:  # a new syntax rule class without a resolver is a bug, loudly
            raise TypeError(f"no resolver for rule {type(body).__name__}") from None
        return resolve(self, clause, body, occasions)

    def _condition(self, clause: str, cond: syn.Condition, occasions: int) -> m.Condition | None:
        try:
            resolve = CONDITION_RESOLVERS[type(cond)]
        except KeyError:
            raise TypeError(f"no resolver for condition {type(cond).__name__}") from None
        return resolve(self, clause, cond, occasions)

    # ------------------------------------------------------------ rule bodies
    def _per_occurrence(self, clause: str, b: syn.PerDeduct | syn.PerAward, occasions: int) -> m.PerOccurrence | None:
        fact = self._fact_or_value(clause, b.fact, occasions, ("count",), Words("「每…」", "「每…」 (per occurrence)"))
        sign = -1 if isinstance(b, syn.PerDeduct) else 1
        if fact is None or not self._per_unit(b, fact):
            return None
        return m.PerOccurrence(fact, b.amount, sign, span=b.span)

    def _per_bonus(self, clause: str, b: syn.PerBonus, occasions: int) -> m.PerOccurrence | None:
        fact = self._fact_or_value(clause, b.fact, occasions, ("count",),
                                   Words("「每…加」", "「每…加」 (bonus per occurrence)"))
        if fact is None or not self._per_unit(b, fact):
            return None
        return m.PerOccurrence(fact, b.amount, 1, True, span=b.span)

    def _per_unit(self, b: syn.PerDeduct | syn.PerAward | syn.PerBonus, fact: str | x.Expr) -> bool:
        """「退稿篇数」 每 1 篇 扣0.5分: one unit at a time (SL158), the unit the count declares (SL156)."""
        if b.unit is None:
            return True
        if b.per != 1:
            self.error(msg.PER_UNIT_NOT_ONE.at(b.span, number=f"{b.per.normalize():f}", unit=b.unit))
            return False
        if isinstance(fact, str):
            name, declared = fact, self._fact_type(fact).unit
        else:
            name = fact.name if isinstance(fact, x.DerivedRef) else "…"
            declared = fact.unit if isinstance(fact, x.DerivedRef) else self._expr_unit(fact)
        return self._unit_word(b.unit, "count", name, declared, b.span)

    def _expr_unit(self, e: x.Expr) -> str | None:
        """The unit of a checked count expression: the unit its facts declare (they agree, SL151)."""
        units = {self._fact_type(f).unit for f in m.facts_read(e)} - {None}
        return next(iter(units)) if len(units) == 1 else None

    def _unit_word(self, word: str, kind: str, name: str, declared: str | None, span: Any) -> bool:
        """SL156: a unit word after a number (不少于 10 篇, 每 1 件) must be the declared unit of what it
        counts; 个 is any unit's counter word, and an undeclared unit takes any word."""
        if kind not in ("percent", "pp") and declared and word != "个" and word != declared:
            self.error(msg.LADDER_UNIT_MISMATCH.at(span, unit=word, name=name, declared=declared))
            return False
        return True

    def _computed_bonus(self, clause: str, b: syn.ComputedBonus, occasions: int) -> m.PerOccurrence | None:
        """加 （「表扬次数」 × 0.2） 分: the computed amount is the bonus (1 point per unit of it), so it
        is a 每 … 加 1 分 on the expression — its events, bounds and SL164 are those of a bonus per
        occurrence. The amount is a count or a number, never negative (SL154)."""
        resolved = self._quantity(clause, b.amount, occasions, ("count", "number", "scalar", "points"),
                                  Words("「加（…）分」", "加 (…) 分 (a computed bonus)"))
        if resolved is None:
            return None
        return m.PerOccurrence(resolved[0], Decimal(1), 1, True, span=b.span)

    def _zero_if(self, clause: str, b: syn.ZeroIf, occasions: int) -> m.Zero | None:
        cond = self._condition(clause, b.condition, occasions)
        return None if cond is None else m.Zero(cond, span=b.span, bonuses=b.bonuses)

    def _fixed(self, clause: str, b: syn.DeductIf | syn.AwardIf, occasions: int) -> m.Fixed | None:
        cond = self._condition(clause, b.condition, occasions)
        sign = -1 if isinstance(b, syn.DeductIf) else 1
        return None if cond is None else m.Fixed(cond, b.amount, sign, span=b.span)

    def _bonus_if(self, clause: str, b: syn.BonusIf, occasions: int) -> m.Fixed | None:
        cond = self._condition(clause, b.condition, occasions)
        return None if cond is None else m.Fixed(cond, b.amount, 1, True, span=b.span)

    def _judged(self, clause: str, b: syn.Judged, occasions: int) -> m.Judgement | None:
        cond = self._condition(clause, b.condition, occasions) if b.condition is not None else None
        fact = self._use(b.fact, clause, ("judgement", "records", "ratings"),
                         Words("「扣「…」」（评定扣分）", "扣「…」 (judged amount)"), occasions)
        if fact is not None and self.facts[fact].decl.type.fields:
            self.error(msg.RECORD_FIELDS_NOT_JUDGEMENT.at(b.fact.span, rule=Words("「扣「…」」", "扣「…」"), name=fact))
            return None
        if fact is None or (b.condition is not None and cond is None):
            return None
        self.facts[fact].deducted = True
        return m.Judgement(fact, cond, self.facts[fact].type == "records", span=b.span)

    def _judged_bonus(self, clause: str, b: syn.JudgedBonus, occasions: int) -> m.Judgement | None:
        fact = self._use(b.fact, clause, ("judgement", "records", "ratings"),
                         Words("「加「…」」（评定加分）", "加「…」 (judged bonus)"), occasions)
        if fact is None:
            return None
        self.facts[fact].added = True
        records = self.facts[fact].type == "records"
        if records and self.facts[fact].decl.type.fields:
            self.error(msg.RECORD_FIELDS_NOT_JUDGEMENT.at(b.fact.span, rule=Words("「加「…」」", "加「…」"), name=fact))
            return None
        if b.aggregate and not records:
            self.error(msg.AGGREGATE_NOT_RECORDS.at(b.span))
        if records and not b.aggregate:
            self.error(msg.RECORDS_AGGREGATE_MISSING.at(b.span, name=fact))
        if records and b.aggregate == "平均" and not self.facts[fact].decl.records_empty:
            # the mean of no record at all is the author's to say (SL138)
            self.error(msg.RECORDS_EMPTY_CHOICE.at(b.span, name=fact))
        aggregate = {"平均": "mean"}.get(b.aggregate or "", "sum")
        return m.Judgement(fact, None, records, 1, aggregate, span=b.span)

    def _proportional(self, clause: str, b: syn.Proportional, occasions: int) -> m.Proportional | None:
        what = Words("「按…比例得」", "按…比例得 (proportional)")
        if not isinstance(b.fact, syn.Name) or self._is_derived(b.fact):
            computed = self._fact_or_value(clause, b.fact, occasions, ("percent",), what)
            return None if computed is None else m.Proportional(computed, b.amount, span=b.span)
        fact = self._use(b.fact, clause, ("percent", "ratings"), what, occasions)
        if fact is None:
            return None
        rated = self.facts[fact].type == "ratings"
        if rated:  # 民主测评得分 = 测评平均分 × 10%: ratings on a 0–100 scale, read as a percent
            t = self.facts[fact].decl.type
            if t.low is None or t.high is None or t.low < 0 or t.high != 100:
                self.error(msg.RATINGS_PROPORTIONAL_SCALE.at(b.fact.span, name=fact))
                return None
        return m.Proportional(fact, b.amount, rated, span=b.span)

    def _award_effect(self, clause: str, b: syn.AwardEffect, occasions: int) -> m.AwardEffect | None:
        # allowed in articles only: Resolver._item checks it (Rule.allowed_in)
        cond = self._condition(clause, b.condition, occasions)
        grade = b.grade.text if b.grade is not None else None  # declared? model/checks_outcomes.py (SL400)
        return None if cond is None else m.AwardEffect(cond, b.effect, span=b.span, grade=grade, levels=b.levels)

    def _ladder(self, clause: str, b: syn.Ladder, occasions: int) -> m.Ladder | None:
        what = Words("阶梯扣分", "a ladder")
        fact: str | x.Expr
        if isinstance(b.fact, syn.Name) and not self._is_derived(b.fact):
            used = self._use(b.fact, clause, _NUMERIC, what, occasions)
            if used is None:
                return None
            fact, kind, measured = used, self.facts[used].type, self._fact_type(used)
            declared = measured.unit if kind != "percent" else None
        else:
            resolved = self._quantity(clause, b.fact, occasions, _NUMERIC + ("scalar", "pp"), what, signed=True)
            if resolved is None:
                return None
            fact, measured = resolved
            kind = {"scalar": "number"}.get(measured.kind, measured.kind)
            declared = measured.unit
        name = fact if isinstance(fact, str) else fact.name if isinstance(fact, x.DerivedRef) else "…"
        # 相对目标的 5%: a share of the target, whatever the fact; a bare 5% on a percent is ambiguous (SL144)
        share = b.step_unit == syn.RELATIVE_STEP
        points_unit = b.step_unit in ("个百分点", "%", "％") or share
        words = [u for u in (b.threshold_unit, None if points_unit else b.step_unit) if u not in (None, "个百分点")]
        if not self._ladder_units(b, kind, name, declared, words):
            return None
        target = self._ladder_target(clause, b, occasions, measured, kind, name)
        if target is None:
            return None
        relative = False
        if kind in ("percent", "pp"):
            if b.step_unit in ("%", "％"):
                self.error(msg.LADDER_PERCENT_AMBIGUOUS.at(b.span, name=name, step=b.step))
                return None
            relative = share
            if share and (not isinstance(target, Decimal) or target <= 0):
                self.error(msg.LADDER_RELATIVE_TARGET_EXPR.at(b.span) if not isinstance(target, Decimal)
                           else msg.LADDER_RELATIVE_TARGET_ZERO.at(b.span))
                return None
            if kind == "percent" and isinstance(target, Decimal) and target > 100:
                self.error(msg.LADDER_PERCENT_TARGET_ABOVE_100.at(b.span, target=target))
            if words:
                self.error(msg.LADDER_PERCENT_STEP_UNIT.at(b.span, name=name, unit=words[0]))
        elif b.threshold_is_percent:
            self.error(msg.LADDER_TARGET_NOT_PERCENT.at(b.span, name=name, type=type_words(kind)))
            return None
        else:
            # a count against 300 件 with 每降低5个百分点: percentage points of the target
            relative = points_unit
            if relative and not isinstance(target, Decimal):
                self.error(msg.LADDER_RELATIVE_TARGET_EXPR.at(b.span))
                return None
            if relative and isinstance(target, Decimal) and target <= 0:
                self.error(msg.LADDER_RELATIVE_TARGET_ZERO.at(b.span))
        if b.step <= 0:
            self.error(msg.LADDER_STEP_ZERO.at(b.span))
            return None
        upward = b.step_word in ("每增加", "每超过", "每超", "每多", "每提高")
        # 比 (a baseline) counts either way; a target (达) counts below it, a ceiling (不高于) above
        if b.threshold_word != "比" and upward != (b.threshold_word in ("不高于", "不超过")):
            self.error(msg.LADDER_DIRECTION.at(b.span))
            return None
        if b.bonus and not upward:
            self.error(msg.LADDER_BONUS_DOWNWARD.at(b.span))
            return None
        partial = PARTIAL.get(b.partial) if b.partial else None
        if partial is None:
            whole = (isinstance(fact, (str, x.DerivedRef)) and kind == "count" and not relative
                     and b.step == b.step.to_integral_value() and b.step == 1)
            if not whole:
                self.error(msg.LADDER_PARTIAL_MISSING.at(b.span))
                return None
            partial = "exact"
        return m.Ladder(fact, target, relative, b.step, b.amount, partial, upward, span=b.span, bonus=b.bonus)

    def _ladder_units(self, b: syn.Ladder, kind: str, name: str, declared: str | None, words: list[str]) -> bool:
        """SL156: a unit word written must be the measured value's declared one (个 fits any);
        SL157: a target in 个百分点 only for a difference of two percents, in % only for a percent."""
        for word in words:
            if not self._unit_word(word, kind, name, declared, b.span):
                return False
        if (b.threshold_unit == "个百分点" and kind != "pp") or (b.threshold_is_percent and kind == "pp"):
            unit = "个百分点" if b.threshold_unit == "个百分点" else "%"
            self.error(msg.LADDER_POINTS_TARGET.at(b.span, name=name, kind=kind_words(kind), unit=unit))
            return False
        return True

    def _ladder_target(self, clause: str, b: syn.Ladder, occasions: int, measured: ValueType, kind: str,
                       name: str) -> Decimal | x.Expr | None:
        """The ladder's target: its number, or (达 「上年率」) an expression of the measured value's kind."""
        if b.target is None:
            return b.threshold
        resolved = self._value(clause, b.target, occasions, False)
        if resolved is None:
            return None
        if self._like(measured, resolved[1], "cmp", b.target.span) is None:
            return None
        return resolved[0]

    def _table(self, clause: str, b: syn.Table, occasions: int) -> m.Table | None:
        fact = self._use(b.records, clause, ("records",), Words("「每条…按…加分」", "a points table"), 0)
        if fact is None:
            return None
        fields = {f.name.text: f for f in self.facts[fact].decl.type.fields}
        if not fields:
            self.error(msg.TABLE_NOT_FIELDS.at(b.records.span, name=fact))
            return None
        for field in (b.level_field, b.grade_field):
            if field.text not in fields:
                self.error(msg.TABLE_NO_FIELD.at(field.span, name=fact, field=field.text,
                                                 hint=did_you_mean(field.text, fields)))
                return None
        level_field, grade_field = fields[b.level_field.text], fields[b.grade_field.text]
        levels = {c.text for c in level_field.choices}
        grades = {c.text for c in grade_field.choices}

        def check_grade(grade: syn.Text) -> None:
            if grade.text not in grades:
                self.error(msg.TABLE_NOT_A_CHOICE.at(grade.span, value=grade.text, field=b.grade_field.text))

        rows = []
        for row in b.rows:
            if level_field.kind == "choice" and row.level.text not in levels:
                self.error(msg.TABLE_NOT_A_CHOICE.at(row.level.span, value=row.level.text, field=b.level_field.text))
            for grade, _ in row.points:
                if grade_field.kind == "choice":
                    check_grade(grade)
            rows.append((row.level.text, tuple((g.text, p) for g, p in row.points)))
        aliases: list[tuple[str, str]] = []
        for alias in b.aliases:
            for grade in alias.grades + (alias.canonical,):
                check_grade(grade)
            aliases.extend((g.text, alias.canonical.text) for g in alias.grades)
        keep, work = None, None
        if b.keep:
            work = b.keep[b.keep.index("「") + 1:b.keep.index("」")]
            keep = "points" if b.keep.endswith("最高分") else "level"
            if work not in fields:
                self.error(msg.TABLE_NO_FIELD.at(b.span, name=fact, field=work))
        table = m.Table(fact, b.level_field.text, b.grade_field.text, tuple(rows), tuple(aliases), keep, work,
                        span=b.span)
        return self.incident_table(clause, b, table)  # 每起 … 扣分, 涉及本项的, 不重复扣分 (§24)

    def _rank_points(self, clause: str, b: syn.RankPoints, occasions: int) -> m.RankPoints | None:
        """按 全体名次（…） 第1名得10分 … 其余得4分 (docs/language.md §9.7)."""
        rank = self._fact_or_value(clause, b.rank, occasions, ("count",), Words("「按名次得分」", "points by rank"))
        rows: list[tuple[int, int, Decimal]] = []
        for row in b.rows:
            whole = all(v == v.to_integral_value() and v >= 1 for v in (row.first, row.last))
            if not whole or row.first > row.last or any(row.first <= last and first <= row.last
                                                         for first, last, _ in rows):
                self.error(msg.RANK_POINTS_ROWS.at(row.span))
                return None
            rows.append((int(row.first), int(row.last), row.points))
        if b.rest is None:
            self.error(msg.RANK_POINTS_REST_MISSING.at(b.span))
            return None
        return None if rank is None else m.RankPoints(rank, tuple(rows), b.rest, span=b.span)

    # ------------------------------------------------------------ conditions
    def _flag_ref(self, clause: str, c: syn.FlagRef, occasions: int) -> m.FlagIs | None:
        fact = self._use(c.name, clause, ("flag",), Words("条件「若…」", "a flag condition"), occasions)
        return None if fact is None else m.FlagIs(fact, span=c.span)

    def _not(self, clause: str, c: syn.Not, occasions: int) -> m.Negation | None:
        inner = self._condition(clause, c.operand, occasions)
        return None if inner is None else m.Negation(inner, span=c.span)

    def _and_or(self, clause: str, c: syn.And | syn.Or, occasions: int) -> m.AllOf | m.AnyOf | None:
        resolved = [self._condition(clause, o, occasions) for o in c.operands]
        parts = [p for p in resolved if p is not None]
        if len(parts) < len(resolved):
            return None
        cls = m.AllOf if isinstance(c, syn.And) else m.AnyOf
        return cls(tuple(parts), span=c.span)

    def _fact_comparison(self, clause: str, c: syn.FactComparison,
                         occasions: int) -> m.CompareFacts | x.CompareValues | None:
        what = Words("比较", "a comparison")
        if self._is_derived(c.left) or self._is_derived(c.right):  # a derived value compares as a value
            return self._expr_comparison(clause, syn.ExprComparison(c.left, c.op, c.right, span=c.span), occasions)
        left = self._use(c.left, clause, _NUMERIC, what, occasions)
        right = self._use(c.right, clause, _NUMERIC, what, occasions)
        if left is None or right is None:
            return None
        return m.CompareFacts(left, COMPARE[c.op], right, span=c.span)

    def _expr_comparison(self, clause: str, c: syn.ExprComparison, occasions: int) -> x.CompareValues | None:
        """「a」 + 「b」 > 10: both sides values of like kinds (and units)."""
        if not isinstance(c.right, syn.EXPRESSION_CLASSES):  # 「a」 + 1 为 "优秀"
            self.error(msg.NOT_A_VALUE.at(c.right.span))
            return None
        left = self._value(clause, c.left, occasions, False)
        right = self._value(clause, c.right, occasions, False)
        if left is None or right is None:
            return None
        if self._like(left[1], right[1], "cmp", c.span) is None:
            return None
        self._check_truth(COMPARE[c.op], left[1], right[1], c.span)
        return x.CompareValues(left[0], COMPARE[c.op], right[0], span=c.span)

    def _value_as_condition(self, clause: str, c: syn.Expr, occasions: int) -> None:
        """「a」 + 1 alone where a condition is expected."""
        self.error(msg.NOT_A_CONDITION.at(c.span))

    def _comparison(self, clause: str, c: syn.Comparison, occasions: int) -> m.Compare | x.CompareValues | None:
        op = COMPARE[c.op]
        if self._is_derived(c.name):  # a derived value compares as a value
            return self._expr_comparison(clause, syn.ExprComparison(c.name, c.op, c.value, span=c.span), occasions)
        fact = self._use(c.name, clause, _NUMERIC + ("choice", "flag"), Words("比较", "a comparison"), occasions)
        if fact is None:
            return None
        kind = self.facts[fact].type
        lit = c.value
        if kind == "choice":
            choices = [x.text for x in self.facts[fact].decl.type.choices]
            if op not in ("eq", "ne") or not isinstance(lit, syn.StringLit):
                self.error(msg.CHOICE_COMPARE_OP.at(c.span, name=fact))
                return None
            if lit.value not in choices:
                self.error(msg.CHOICE_UNKNOWN.at(lit.span, value=lit.value, name=fact,
                                                 choices=Words("、".join(choices), ", ".join(choices)),
                                                 hint=did_you_mean(lit.value, choices)))
                return None
            return m.Compare(fact, op, lit.value, span=c.span)
        if kind == "flag":
            if op not in ("eq", "ne") or not isinstance(lit, syn.FlagLit):
                self.error(msg.FLAG_COMPARE.at(c.span, name=fact))
                return None
            return m.Compare(fact, op, lit.value, span=c.span)
        if not isinstance(lit, (syn.NumberLit, syn.PercentLit)):
            self.error(msg.NUMBER_COMPARE.at(lit.span, name=fact))
            return None
        self._check_truth(op, self._fact_type(fact), ValueType("scalar", None, lit.value, lit.value), c.span)
        return m.Compare(fact, op, lit.value, span=c.span)


# the syntax class picks the resolver, so the table cannot say each one's argument type
_ResolveRule = Callable[[RuleResolver, str, Any, int], "m.RuleBody | None"]
_ResolveCondition = Callable[[RuleResolver, str, Any, int], "m.Condition | None"]

#: syntax rule class → its resolver (every class of syntax.nodes.RuleBody; a test checks)
RULE_RESOLVERS: dict[type, _ResolveRule] = {
    syn.PerDeduct: RuleResolver._per_occurrence,
    syn.PerAward: RuleResolver._per_occurrence,
    syn.PerBonus: RuleResolver._per_bonus,
    syn.ZeroIf: RuleResolver._zero_if,
    syn.DeductIf: RuleResolver._fixed,
    syn.AwardIf: RuleResolver._fixed,
    syn.BonusIf: RuleResolver._bonus_if,
    syn.Judged: RuleResolver._judged,
    syn.JudgedBonus: RuleResolver._judged_bonus,
    syn.ComputedBonus: RuleResolver._computed_bonus,
    syn.Proportional: RuleResolver._proportional,
    syn.AwardEffect: RuleResolver._award_effect,
    syn.Ladder: RuleResolver._ladder,
    syn.Table: RuleResolver._table,
    syn.RankPoints: RuleResolver._rank_points,
    syn.Escalation: RuleResolver._escalation,
}

#: syntax condition class → its resolver (every class of syntax.nodes.Condition)
CONDITION_RESOLVERS: dict[type, _ResolveCondition] = {
    syn.FlagRef: RuleResolver._flag_ref,
    syn.Not: RuleResolver._not,
    syn.And: RuleResolver._and_or,
    syn.Or: RuleResolver._and_or,
    syn.Comparison: RuleResolver._comparison,
    syn.FactComparison: RuleResolver._fact_comparison,
    syn.ExprComparison: RuleResolver._expr_comparison,
    # a value where a condition is expected: reported
    syn.NumberLit: RuleResolver._value_as_condition,
    syn.PercentLit: RuleResolver._value_as_condition,
    syn.PercentPointsLit: RuleResolver._value_as_condition,
    syn.ScoreLit: RuleResolver._value_as_condition,
    syn.Arithmetic: RuleResolver._value_as_condition,
    syn.Negate: RuleResolver._value_as_condition,
    syn.Call: RuleResolver._value_as_condition,
    syn.Guarded: RuleResolver._value_as_condition,
    syn.CohortAggregate: RuleResolver._value_as_condition,
    syn.CohortCount: RuleResolver._value_as_condition,
    syn.CohortRank: RuleResolver._value_as_condition,
    syn.RecordCount: RuleResolver._value_as_condition,
    # 全体名次（…）前 3 名 (from_syntax_cohort)
    syn.RankWithin: RuleResolver._rank_within,
}
