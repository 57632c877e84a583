"""Rules and conditions of the syntax tree → model rules: the half of resolution that reads
a rule's own words (每/若/扣/加/阶梯/表) and checks each fact reference's type.

``RuleResolver`` is a mixin of ``from_syntax.Resolver``: it uses the resolver's fact table
(``self.facts``), ``self._use`` and ``self.error``.
"""
from __future__ import annotations

from ..syntax import nodes as syn
from . import nodes as m
from .vocabulary import COMPARE, PARTIAL, TYPE_NAMES, did_you_mean


class RuleResolver:
    """Resolves rule bodies and conditions (mixed into ``Resolver``)."""

    def _rule_body(self, clause: str, b, occasions: int):
        if isinstance(b, (syn.PerDeduct, syn.PerAward)):
            fact = self._use(b.fact, clause, ("count",), "「每…」", "「每…」 (per occurrence)", occasions)
            sign = -1 if isinstance(b, syn.PerDeduct) else 1
            return None if fact is None else m.PerOccurrence(fact, b.amount, sign, span=b.span)
        if isinstance(b, syn.ZeroIf):
            cond = self._condition(clause, b.condition, occasions)
            return None if cond is None else m.Zero(cond, span=b.span)
        if isinstance(b, (syn.DeductIf, syn.AwardIf)):
            cond = self._condition(clause, b.condition, occasions)
            sign = -1 if isinstance(b, syn.DeductIf) else 1
            return None if cond is None else m.Fixed(cond, b.amount, sign, span=b.span)
        if isinstance(b, syn.Judged):
            cond = self._condition(clause, b.condition, occasions) if b.condition is not None else None
            fact = self._use(b.fact, clause, ("judgement", "records"), "「扣「…」」（评定扣分）", "扣「…」 (judged amount)", occasions)
            if fact is not None and self.facts[fact].decl.type.fields:
                self.error("SL113", f"「扣「…」」需要评定或评定记录，「{fact}」是带字段的记录",
                           f"扣「…」 needs a judgement; 「{fact}」 is a record with fields", b.fact.span)
                return None
            if fact is None or (b.condition is not None and cond is None):
                return None
            self.facts[fact].deducted = True
            return m.Judgement(fact, cond, self.facts[fact].type == "records", span=b.span)
        if isinstance(b, syn.Ladder):
            return self._ladder(clause, b, occasions)
        if isinstance(b, syn.PerBonus):
            fact = self._use(b.fact, clause, ("count",), "「每…加」", "「每…加」 (bonus per occurrence)", occasions)
            return None if fact is None else m.PerOccurrence(fact, b.amount, 1, True, span=b.span)
        if isinstance(b, syn.BonusIf):
            cond = self._condition(clause, b.condition, occasions)
            return None if cond is None else m.Fixed(cond, b.amount, 1, True, span=b.span)
        if isinstance(b, syn.JudgedBonus):
            fact = self._use(b.fact, clause, ("judgement", "records"), "「加「…」」（评定加分）", "加「…」 (judged bonus)",
                             occasions)
            if fact is None:
                return None
            self.facts[fact].added = True
            records = self.facts[fact].type == "records"
            if records and self.facts[fact].decl.type.fields:
                self.error("SL113", f"「加「…」」需要评定或评定记录，「{fact}」是带字段的记录",
                           f"加「…」 needs a judgement; 「{fact}」 is a record with fields", b.fact.span)
                return None
            if b.aggregate and not records:
                self.error("SL113", "「合计」「平均」只用于评定记录", "合计/平均 apply to judgement records only", b.span)
            if records and not b.aggregate:
                self.error("SL128", f"评定记录「{fact}」须写明多人评分是「合计」还是「平均」",
                           f"say whether the records of 「{fact}」 add up (合计) or average (平均)", b.span,
                           f"写作：加「{fact}」 合计 或 加「{fact}」 平均", f"write 加「{fact}」 合计 or 加「{fact}」 平均")
            aggregate = {"平均": "mean"}.get(b.aggregate or "", "sum")
            return m.Judgement(fact, None, records, 1, aggregate, span=b.span)
        if isinstance(b, syn.Proportional):
            fact = self._use(b.fact, clause, ("percent",), "「按…比例得」", "按…比例得 (proportional)", occasions)
            return None if fact is None else m.Proportional(fact, b.amount, span=b.span)
        if isinstance(b, syn.AwardEffect):
            if "." in clause:
                self.error("SL126", "「降低一个等次评奖」「直接排名最后一位」只能写在条款（如第七条）中",
                           "award effects belong in an article (第七条), not in an item", b.span)
                return None
            cond = self._condition(clause, b.condition, occasions)
            return None if cond is None else m.AwardEffect(cond, b.effect, span=b.span)
        if isinstance(b, syn.Table):
            return self._table(clause, b)
        raise TypeError(f"unknown rule {type(b).__name__}")  # pragma: no cover

    def _ladder(self, clause: str, b: syn.Ladder, occasions: int):
        fact = self._use(b.fact, clause, ("count", "number", "percent"), "阶梯扣分", "a ladder", occasions)
        if fact is None:
            return None
        kind = self.facts[fact].type
        points_unit = b.step_unit in ("个百分点", "%", "％")
        if kind == "percent":
            relative = False
            if b.threshold > 100:
                self.error("SL117", f"百分比的目标 {b.threshold}% 超过 100%", f"a percent target {b.threshold}% is above 100%",
                           b.span)
            if b.step_unit in ("次", "个", "件"):
                self.error("SL117", f"百分比「{fact}」每档应以百分点计，不能以「{b.step_unit}」计",
                           f"a step on percent 「{fact}」 is in percentage points, not 「{b.step_unit}」", b.span)
        elif b.threshold_is_percent:
            self.error("SL117", f"「{fact}」是{TYPE_NAMES[kind][0]}，目标不能写成百分比",
                       f"「{fact}」 is a {TYPE_NAMES[kind][1]}: its target cannot be a percent", b.span,
                       "写目标数（如 达 300），每档用「个百分点」表示相对目标的百分点",
                       "write the target figure (达 300); 个百分点 steps are then points of that target")
            return None
        else:
            # a count against 300 件 with 每降低5个百分点: percentage points of the target
            relative = points_unit or b.threshold_is_percent
            if relative and b.threshold <= 0:
                self.error("SL117", "按百分点计算的目标必须大于0", "a target measured in percentage points must be above 0",
                           b.span)
        if b.step <= 0:
            self.error("SL117", "每档的大小必须大于0", "the step must be above 0", b.span)
            return None
        upward = b.threshold_word in ("不高于", "不超过")
        if upward != (b.step_word in ("每增加", "每超过", "每多")):
            self.error("SL117", "阶梯的方向不一致：「达/不少于」配「每降低/每少」，「不高于/不超过」配「每增加/每超过」",
                       "a ladder mixes directions: 达/不少于 go with 每降低/每少, 不高于/不超过 with 每增加/每超过", b.span)
            return None
        partial = PARTIAL.get(b.partial) if b.partial else None
        if partial is None:
            whole = kind == "count" and not relative and b.step == b.step.to_integral_value() and b.step == 1
            if not whole:
                self.error("SL118", "阶梯扣分须写明不足一档的部分如何计算",
                           "a ladder must say how a partial step counts", b.span,
                           "在规则末尾写：不足一档按一档计、不足一档不计 或 不足一档按比例计",
                           "end the rule with 不足一档按一档计 (counts as a step), 不足一档不计 (ignored) or 不足一档按比例计 (pro rata)")
                return None
            partial = "exact"
        return m.Ladder(fact, b.threshold, relative, b.step, b.amount, partial, upward, span=b.span)

    def _table(self, clause: str, b: syn.Table):
        fact = self._use(b.records, clause, ("records",), "「每条…按…加分」", "a points table", 0)
        if fact is None:
            return None
        fields = {f.name.text: f for f in self.facts[fact].decl.type.fields}
        if not fields:
            self.error("SL129", f"「{fact}」是评定记录，不是带字段的记录", f"「{fact}」 has no fields", b.records.span)
            return None
        for field in (b.level_field, b.grade_field):
            if field.text not in fields:
                zh, en = did_you_mean(field.text, fields)
                self.error("SL129", f"记录「{fact}」没有字段「{field.text}」", f"record 「{fact}」 has no field 「{field.text}」",
                           field.span, zh, en)
                return None
        levels = {c.text for c in fields[b.level_field.text].choices}
        grades = {c.text for c in fields[b.grade_field.text].choices}
        rows = []
        for row in b.rows:
            if fields[b.level_field.text].kind == "choice" and row.level.text not in levels:
                self.error("SL129", f"「{row.level.text}」不是「{b.level_field.text}」的选项",
                           f"\"{row.level.text}\" is not a choice of 「{b.level_field.text}」", row.level.span)
            for grade, _ in row.points:
                if fields[b.grade_field.text].kind == "choice" and grade.text not in grades:
                    self.error("SL129", f"「{grade.text}」不是「{b.grade_field.text}」的选项",
                               f"\"{grade.text}\" is not a choice of 「{b.grade_field.text}」", grade.span)
            rows.append((row.level.text, tuple((g.text, p) for g, p in row.points)))
        aliases = []
        for alias in b.aliases:
            for grade in alias.grades + (alias.canonical,):
                if grade.text not in grades:
                    self.error("SL129", f"「{grade.text}」不是「{b.grade_field.text}」的选项",
                               f"\"{grade.text}\" is not a choice of 「{b.grade_field.text}」", grade.span)
            aliases.extend((g.text, alias.canonical.text) for g in alias.grades)
        keep, work = None, None
        if b.keep:
            work = b.keep[b.keep.index("「") + 1:b.keep.index("」")]
            keep = "points" if b.keep.endswith("最高分") else "level"
            if work not in fields:
                self.error("SL129", f"记录「{fact}」没有字段「{work}」", f"record 「{fact}」 has no field 「{work}」", b.span)
        return m.Table(fact, b.level_field.text, b.grade_field.text, tuple(rows), tuple(aliases), keep, work,
                       span=b.span)

    def _condition(self, clause: str, c, occasions: int):
        if isinstance(c, syn.FlagRef):
            fact = self._use(c.name, clause, ("flag",), "条件「若…」", "a flag condition", occasions)
            return None if fact is None else m.FlagIs(fact, span=c.span)
        if isinstance(c, syn.Not):
            inner = self._condition(clause, c.operand, occasions)
            return None if inner is None else m.Negation(inner, span=c.span)
        if isinstance(c, (syn.And, syn.Or)):
            parts = [self._condition(clause, o, occasions) for o in c.operands]
            if any(p is None for p in parts):
                return None
            cls = m.AllOf if isinstance(c, syn.And) else m.AnyOf
            return cls(tuple(parts), span=c.span)
        if isinstance(c, syn.Comparison):
            return self._comparison(clause, c, occasions)
        if isinstance(c, syn.FactComparison):
            numeric = ("count", "number", "percent")
            left = self._use(c.left, clause, numeric, "比较", "a comparison", occasions)
            right = self._use(c.right, clause, numeric, "比较", "a comparison", occasions)
            if left is None or right is None:
                return None
            return m.CompareFacts(left, COMPARE[c.op], right, span=c.span)
        raise TypeError(f"unknown condition {type(c).__name__}")  # pragma: no cover

    def _comparison(self, clause: str, c: syn.Comparison, occasions: int):
        op = COMPARE[c.op]
        fact = self._use(c.name, clause, ("count", "number", "percent", "choice", "flag"),
                         "比较", "a comparison", occasions)
        if fact is None:
            return None
        kind = self.facts[fact].type
        lit = c.value
        if kind == "choice":
            choices = [x.text for x in self.facts[fact].decl.type.choices]
            if op not in ("eq", "ne") or not isinstance(lit, syn.StringLit):
                self.error("SL119", f"选项事实「{fact}」只能用「为」或「不为」与带引号的选项比较",
                           f"choice fact 「{fact}」 can only be compared with 为/不为 against a quoted choice", c.span)
                return None
            if lit.value not in choices:
                zh, en = did_you_mean(lit.value, choices)
                self.error("SL119", f"「{lit.value}」不是事实「{fact}」的选项（{'、'.join(choices)}）",
                           f"\"{lit.value}\" is not a choice of 「{fact}」 ({', '.join(choices)})", lit.span, zh, en)
                return None
            return m.Compare(fact, op, lit.value, span=c.span)
        if kind == "flag":
            if op not in ("eq", "ne") or not isinstance(lit, syn.FlagLit):
                self.error("SL119", f"是否事实「{fact}」只能与「是」或「否」比较",
                           f"flag fact 「{fact}」 can only be compared with 是 or 否", c.span)
                return None
            return m.Compare(fact, op, lit.value, span=c.span)
        if not isinstance(lit, (syn.NumberLit, syn.PercentLit)):
            self.error("SL119", f"数值事实「{fact}」只能与数字比较", f"numeric fact 「{fact}」 can only be compared with a number",
                       lit.span)
            return None
        return m.Compare(fact, op, lit.value, span=c.span)
