"""Cohort values of the syntax tree → model terms (docs/language.md §9.6): 全体平均「结案率」,
「藏区」个数（…）, 全体名次（「x」 由高到低 并列占位）, and the conditions 前 3 名 / 后 3 名.

``CohortResolver`` is a mixin of ``from_syntax.Resolver`` (through ``RuleResolver``). Each
cohort value becomes an ``expressions.CohortValue`` holding its ``CohortTerm``; every distinct
term is recorded once (``cohort_terms``, by key) so that the policy computes it once for the
cohort. A score taken as an operand (第3项得分) is checked once every task is resolved
(``check_score_refs``), and the terms are put in the order they must be computed
(``cohort_order``), which also finds a cycle (SL183).
"""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .. import messages as msg
from ..messages import Words
from ..numbers import chinese_ordinal
from ..syntax import nodes as syn
from . import expressions as x
from . import nodes as m
from .from_syntax_exprs import ExprResolver, ValueType
from .vocabulary import did_you_mean

if TYPE_CHECKING:
    from ..span import Span

_FUNCTION_WORDS = {"mean": "平均", "sum": "合计", "max": "最高", "min": "最低", "median": "中位数",
                   "count": "个数", "share": "占比"}
_SHOWN_OPS = {"eq": "=", "ne": "≠", "lt": "<", "le": "≤", "gt": ">", "ge": "≥",
              "+": "+", "-": "−", "*": "×", "/": "÷"}


class CohortResolver(ExprResolver):
    """Resolves cohort values (mixed into ``Resolver`` through ``RuleResolver``)."""

    group_members: dict[str, tuple[str, ...]]

    if TYPE_CHECKING:
        def _condition(self, clause: str, cond: syn.Condition, occasions: int) -> m.Condition | None: ...

        def _is_derived(self, e: object) -> bool: ...

        def _derived_ref(self, e: syn.Name, clause: str) -> tuple[x.Expr, ValueType] | None: ...

    def _cohort_registry(self) -> dict[str, x.CohortTerm]:
        terms: dict[str, x.CohortTerm] | None = getattr(self, "cohort_terms", None)
        if terms is None:
            terms = {}
            self.cohort_terms: dict[str, x.CohortTerm] = terms
            self.score_refs: list[tuple[x.ScoreOperand, Span]] = []
        return terms

    def _term(self, term: x.CohortTerm, span: Span) -> x.CohortValue:
        registry = self._cohort_registry()
        registry.setdefault(term.key, term)
        return x.CohortValue(registry[term.key], span=span)

    def _scope(self, group: syn.Name | None, word: str) -> tuple[str | None, str] | None:
        if group is None:
            return None, word
        if group.text not in self.group_members:
            self.error(msg.GROUP_UNKNOWN.at(group.span, name=group.text,
                                            hint=did_you_mean(group.text, self.group_members)))
            return None
        return group.text, word

    def _operand(self, clause: str, e: syn.Name | syn.ScoreRef, occasions: int,
                 what: Words) -> tuple[x.Operand, ValueType, str] | None:
        """What a cohort value is taken of, its type, and its text for the key."""
        self._cohort_registry()
        if self._is_derived(e):  # a derived value (计算 { … }), each entity's own
            assert isinstance(e, syn.Name)
            ref = self._derived_ref(e, clause)
            if ref is None:
                return None
            assert isinstance(ref[0], x.DerivedRef)
            return x.DerivedOperand(ref[0], span=e.span), ref[1], f"「{e.text}」"
        if isinstance(e, syn.Name):
            fact = self._use(e, clause, ("count", "number", "percent"), what, occasions)
            if fact is None:
                return None
            return x.FactOperand(fact, span=e.span), self._fact_type(fact), f"「{fact}」"
        if e.total:
            operand, text = x.ScoreOperand(span=e.span), "考评总分"
        elif e.section is not None:
            section_task = str(e.task) if e.task is not None else _task_of(clause)
            if section_task is None:
                self.error(msg.SCORE_REF_OUTSIDE_TASK.at(e.span))
                return None
            operand = x.ScoreOperand(task=section_task, section=e.section.text, span=e.span)
            text = f"目标任务{chinese_ordinal(int(section_task))}部分“{e.section.text}”得分"
        elif e.item is None:
            assert e.task is not None
            operand, text = x.ScoreOperand(task=str(e.task), span=e.span), f"目标任务{chinese_ordinal(e.task)}得分"
        else:
            task = e.task if e.task is not None else _task_of(clause)
            if task is None:
                self.error(msg.SCORE_REF_OUTSIDE_TASK.at(e.span))
                return None
            item_id = f"{task}.{e.item}"
            operand, text = x.ScoreOperand(item=item_id, span=e.span), f"第{item_id}项得分"
        self.score_refs.append((operand, e.span))
        return operand, ValueType("number"), text

    def _cohort_value(self, clause: str, e: Any, occasions: int) -> tuple[x.Expr, ValueType] | None:
        scope = self._scope(e.group, e.scope_word)
        if scope is None:
            return None
        group, word = scope
        if isinstance(e, syn.CohortCount):
            condition = self._condition(clause, e.condition, occasions)
            if condition is None:
                return None
            key = f"{word}{_FUNCTION_WORDS[e.function]}（{describe_condition(condition)}）"
            term = x.CohortTerm(key, e.function, group, None, condition, span=e.span)
            vt = ValueType("count", None, Decimal(0), None) if e.function == "count" \
                else ValueType("percent", None, Decimal(0), Decimal(100))
            return self._term(term, e.span), vt
        what = Words(f"{word}{_FUNCTION_WORDS.get(getattr(e, 'function', ''), '名次')}", "a cohort value")
        resolved = self._operand(clause, e.operand, occasions, what)
        if resolved is None:
            return None
        operand, vt, text = resolved
        if isinstance(e, syn.CohortRank):
            return self._rank(e, group, word, operand, text)
        key = f"{word}{_FUNCTION_WORDS[e.function]}{text}"
        term = x.CohortTerm(key, e.function, group, operand, span=e.span)
        if e.function == "sum":
            low = Decimal(0) if vt.low is not None and vt.low >= 0 else None
            vt = ValueType(vt.kind, vt.unit, low, None)
        elif e.function in ("mean", "median") and vt.kind == "count":
            vt = ValueType("number", vt.unit, vt.low, vt.high)
        return self._term(term, e.span), vt

    def _rank(self, e: syn.CohortRank, group: str | None, word: str, operand: x.Operand,
              text: str, reverse: bool = False) -> tuple[x.Expr, ValueType] | None:
        if e.order is None:
            self.error(msg.RANK_ORDER_MISSING.at(e.span))
        if e.ties is None:
            self.error(msg.RANK_TIES_MISSING.at(e.span))
        if e.order is None or e.ties is None:
            return None
        descending = (e.order == "由高到低") != reverse
        key = f"{word}{'倒数' if reverse else ''}名次（{text} {e.order} {e.ties}）"
        term = x.CohortTerm(key, "rank", group, operand, None, descending, e.ties == "并列不占位", span=e.span)
        return self._term(term, e.span), ValueType("count", None, Decimal(1), None)

    def _rank_within(self, clause: str, c: syn.RankWithin, occasions: int) -> x.RankWithin | None:
        """全体名次（…）前 3 名: rank ≤ 3; 后 3 名: the rank counted from the other end ≤ 3."""
        if not isinstance(c.rank, syn.CohortRank):
            self.error(msg.RANK_WITHIN_NOT_RANK.at(c.span))
            return None
        if c.count < 1 or c.count != c.count.to_integral_value():
            self.error(msg.RANK_WITHIN_COUNT.at(c.span))
            return None
        rank = c.rank
        scope = self._scope(rank.group, rank.scope_word)
        if scope is None:
            return None
        resolved = self._operand(clause, rank.operand, occasions, Words(f"{rank.scope_word}名次", "a rank"))
        if resolved is None:
            return None
        value = self._rank(rank, scope[0], scope[1], resolved[0], resolved[2], reverse=c.end == "bottom")
        if value is None:
            return None
        assert isinstance(value[0], x.CohortValue)
        return x.RankWithin(value[0], c.count, span=c.span)

    # ------------------------------------------------------------ after every task
    def check_score_refs(self, tasks: Iterable[m.Task]) -> None:
        """SL182: each score a cohort value takes names an item or a task of the policy."""
        if not getattr(self, "cohort_terms", None):
            return
        tasks = tuple(tasks)
        items = {item.id for task in tasks for item in task.items}
        task_ids = {task.id for task in tasks}
        for operand, span in self.score_refs:
            if operand.item is not None and operand.item not in items:
                task, number = operand.item.split(".")
                self.error(msg.SCORE_REF_UNKNOWN.at(span, what=Words(
                    f"目标任务{chinese_ordinal(int(task))}第{number}项", f"item {number} of task {task}")))
            elif operand.section is not None:
                assert operand.task is not None
                task_sections = {s.title for t in tasks if t.id == operand.task for s in t.sections}
                if operand.section not in task_sections:
                    self.error(msg.SCORE_REF_UNKNOWN.at(span, what=Words(
                        f"目标任务{chinese_ordinal(int(operand.task))}的部分“{operand.section}”",
                        f"section “{operand.section}” of task {operand.task}")))
            elif operand.task is not None and operand.task not in task_ids:
                self.error(msg.SCORE_REF_UNKNOWN.at(span, what=Words(
                    f"目标任务{chinese_ordinal(int(operand.task))}", f"task {operand.task}")))


def _task_of(clause: str) -> str | None:
    """The task of an item id (2.3 → 2); None in an article."""
    return clause.split(".")[0] if "." in clause else None


def describe_value(e: x.Expr) -> str:
    """An expression as the key of a cohort value shows it: as traces show it (``x.shown``)."""
    return x.shown(e)


def describe_condition(c: m.Condition) -> str:
    """A condition as the key of 个数（…） / 占比（…） shows it."""
    if isinstance(c, m.FlagIs):
        return f"「{c.fact}」"
    if isinstance(c, m.Compare):
        value = f"{c.value.normalize():f}" if isinstance(c.value, Decimal) else str(c.value)
        return f"「{c.fact}」 {_SHOWN_OPS[c.op]} {value}"
    if isinstance(c, m.CompareFacts):
        return f"「{c.left}」 {_SHOWN_OPS[c.op]} 「{c.right}」"
    if isinstance(c, x.CompareValues):
        return f"{describe_value(c.left)} {_SHOWN_OPS[c.op]} {describe_value(c.right)}"
    if isinstance(c, m.Negation):
        return "非 " + describe_condition(c.operand)
    if isinstance(c, x.RankWithin):
        return f"{c.rank.term.key} ≤ {c.count.normalize():f}"
    word = " 且 " if isinstance(c, m.AllOf) else " 或 "
    return word.join(describe_condition(o) for o in c.operands)
