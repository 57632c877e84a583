"""The order in which cohort values are computed (docs/language.md §9.6), and the cycles that
make an order impossible (SL183).

A cohort value needs what its operand and its condition read: a fact is there from the start,
an item's score needs the cohort values that item's rules read, a task's score needs its items,
the total every task and article. So the values are computed in dependency phases — facts →
values over facts → items that read them → values over those items' scores … — and a value
that needs itself (an item ranked by a value computed from that item's own score) is a cycle.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..numbers import chinese_ordinal
from . import expressions as x
from . import nodes as m

Node = tuple[str, str]  # ("term", key) | ("item", id) | ("task", id) | ("total", "")


def terms_in(node: object | None, derived: dict[str, x.Expr] | None = None) -> list[x.CohortTerm]:
    """The cohort terms a rule, condition or term reads (each once, in the order met), also
    through the derived values it reads (``derived``: their expressions by name)."""
    if node is None:
        return []
    found: dict[str, x.CohortTerm] = {}
    pending, seen = [node], set()
    while pending:
        for inner in m.walk(pending.pop()):  # type: ignore[arg-type]  # an attrs node of the model
            if isinstance(inner, x.CohortValue):
                found.setdefault(inner.term.key, inner.term)
            elif isinstance(inner, x.DerivedRef) and derived and inner.name in derived and inner.name not in seen:
                seen.add(inner.name)  # 计算 { 「差」 = 「率」 - 全体平均「率」 }: what it reads, once
                pending.append(derived[inner.name])
    return list(found.values())


def _rule_terms(rules: Iterable[m.Rule], derived: dict[str, x.Expr]) -> list[x.CohortTerm]:
    return [t for rule in rules for t in terms_in(rule, derived)]


def _graph(policy: m.Policy, terms: Iterable[x.CohortTerm]) -> dict[Node, list[Node]]:
    needs: dict[Node, list[Node]] = {}
    derived = {d.name: d.expr for d in policy.derived}
    for task in policy.tasks:
        needs[("task", task.id)] = [("item", item.id) for item in task.items]
        for item in task.items:
            needs[("item", item.id)] = [("term", t.key) for t in _rule_terms(item.rules, derived)]
    needs[("total", "")] = [("task", t.id) for t in policy.tasks] + [
        ("term", t.key) for a in policy.articles for t in _rule_terms(a.rules, derived)]
    for term in terms:
        operand: list[Node] = []
        if isinstance(term.operand, x.ScoreOperand):
            o = term.operand
            if o.section is not None:
                operand = [("item", i.id) for t in policy.tasks if t.id == o.task
                           for s in t.sections if s.title == o.section for i in s.items]
            else:
                operand = [("item", o.item)] if o.item else [("task", o.task)] if o.task else [("total", "")]
        inner = [("term", t.key) for t in terms_in(term.condition, derived)]
        if isinstance(term.operand, x.DerivedOperand):  # a derived value reading another cohort value
            inner += [("term", t.key) for t in terms_in(term.operand.ref, derived)]
        needs[("term", term.key)] = operand + inner
    return needs


def _name(node: Node) -> str:
    kind, ident = node
    if kind == "task":
        return f"目标任务{chinese_ordinal(int(ident))}"
    return {"term": ident, "item": f"第{ident}项", "total": "考评总分"}[kind]


def cohort_order(policy: m.Policy, terms: Iterable[x.CohortTerm]
                 ) -> tuple[tuple[x.CohortTerm, ...], list[tuple[x.CohortTerm, str]]]:
    """The terms in an order where each comes after every term it needs, and each cycle found
    as (a term on it, the cycle in words: 第1.2项 → 全体平均第1.2项得分 → 第1.2项)."""
    terms = list(terms)
    by_key = {t.key: t for t in terms}
    needs = _graph(policy, terms)
    done: set[Node] = set()
    ordered: list[x.CohortTerm] = []
    cycles: list[tuple[x.CohortTerm, str]] = []

    def visit(start: Node) -> None:
        # an explicit stack: (node, its needs not yet visited); ``path`` is the chain being walked
        path: list[Node] = [start]
        stack = [(start, iter(needs.get(start, ())))]
        on_path = {start}
        while stack:
            node, pending = stack[-1]
            nxt = next(pending, None)
            if nxt is None:
                stack.pop()
                path.pop()
                on_path.discard(node)
                done.add(node)
                if node[0] == "term":
                    ordered.append(by_key[node[1]])
                continue
            if nxt in on_path:
                loop = path[path.index(nxt):]
                # said from a score: 第1.2项 → 全体名次（第1.2项得分 …） → 第1.2项
                turn = next((i for i, n in enumerate(loop) if n[0] != "term"), 0)
                loop = loop[turn:] + loop[:turn]
                loop.append(loop[0])
                term = next(by_key[k] for kind, k in loop if kind == "term")
                cycles.append((term, " → ".join(_name(n) for n in loop)))
                continue
            if nxt in done:
                continue
            path.append(nxt)
            on_path.add(nxt)
            stack.append((nxt, iter(needs.get(nxt, ()))))

    for term in terms:
        if ("term", term.key) not in done:
            visit(("term", term.key))
    return tuple(ordered), cycles
