"""Syntax tree → policy model: resolve names, assign ids, type facts; collect every problem."""
from __future__ import annotations

import attrs
from attrs import AttrsInstance

from .. import messages as msg
from ..diagnostics import Diagnostic, Diagnostics
from ..messages import Words, related
from ..numbers import chinese_ordinal
from ..span import Span
from ..syntax import nodes as syn
from . import nodes as m
from .cohort_order import cohort_order
from .from_syntax_awards import award_extras, resolve_quotas
from .from_syntax_bounds import BoundsResolver
from .from_syntax_facts import OCCASION_NAME as OCCASION_NAME
from .from_syntax_facts import FactsResolver
from .from_syntax_facts import _Fact as _Fact  # from_syntax_rules and from_syntax_incidents name it here
from .from_syntax_facts import occasion_fact_name as occasion_fact_name
from .from_syntax_grades import resolve_grades
from .from_syntax_outputs import OutputResolver
from .from_syntax_rules import RuleResolver
from .from_syntax_scales import ScalesResolver
from .from_syntax_value_grades import GradesResolver, resolve_value_grades
from .vocabulary import COMPARE
from .vocabulary import did_you_mean as _did_you_mean

_ROUND = {"项得分": "item", "任务得分": "task", "加权得分": "weighted", "总分": "total"}
# Documented limits (docs/language.md 3 and 10.2). Places: policies keep two; six is far more
# than any score needs. Occasions: each is scored on its own and a per-occasion fact becomes
# one fact per occasion (在线人数比例第1次 …), so the count is bounded; policies in practice stay
# around a dozen.
MAX_PLACES = 6
MAX_OCCASIONS = 100


class Resolver(FactsResolver, RuleResolver, BoundsResolver, ScalesResolver, OutputResolver, GradesResolver):
    """Walks a syntax.Policy once, building model nodes and diagnostics."""

    def __init__(self, tree: syn.Policy):
        self.tree = tree
        self.diagnostics = Diagnostics()
        self.facts: dict[str, _Fact] = {}
        self.from_facts = False  # 对象 「…」 由事实文件列出
        self.summed = False  # 各目标任务得分相加
        self.base_zero = False  # 基础分 0 分 in the header

    def error(self, diagnostic: Diagnostic) -> None:
        """Record a problem (an error or a warning: the catalogue entry says which)."""
        self.diagnostics.add(diagnostic)

    # ------------------------------------------------------------ policy
    def resolve(self) -> m.Policy | None:
        tree = self.tree
        header = self._header()
        entity_kind, entities = self._entities()
        self.entities = entities
        blocks = tree.facts + tuple(b for t in tree.tasks for b in t.facts) + tuple(
            b for a in tree.articles for b in a.facts)
        for block in blocks:
            for decl in block.facts:
                self._declare_fact(decl)
        self._collect_derived(tree)  # after the facts: a derived value reads them
        # after the facts: a group may be defined by one (分组 「藏区所」 凡「类别」为 "藏区")
        groups = self._groups(set(entities))
        self.group_members = {g.name: g.members for g in groups}
        self.data_groups = {g.name for g in groups if g.from_facts}
        if tree.headers:
            scale, self.summed, self.base_zero = self._policy_scale(tree.headers[0], bool(tree.weights))
        else:
            scale, self.summed, self.base_zero = m.Scale(), False, False
        tasks = self._tasks()
        articles = self._articles()
        awards = self._awards()
        # before the facts and derived values: a value's grades read them (§22.1)
        value_grades = resolve_value_grades(tree.grades, tasks, self.error, self._graded_value)
        if tree.outputs:  # before the facts and derived values: an output may read them (§25)
            self._output_exprs(tree)
        facts = self._fact_decls()
        derived = self._derived_decls()
        if header is None:
            return None
        title, doc, period, places, round_at, floor = header
        total_bounds = self._total_bounds(tree.headers[0])
        policy = m.Policy(tree.file, title, doc, period, places, round_at, entity_kind, entities,
                          groups, facts, tasks, articles, awards, entities_from_facts=self.from_facts, span=tree.span,
                          floor=floor, total_bounds=total_bounds, derived=derived, scale=scale,
                          summed=self.summed, base_zero=self.base_zero,
                          grades=resolve_grades(tuple(b for b in tree.grades if b.task is None and b.value is None),
                                                self.error),
                          value_grades=value_grades)
        if tree.quotas:  # 名额 { … }: after grades, which it names
            policy = attrs.evolve(policy, quotas=resolve_quotas(tree.quotas, policy.grades,
                                                                [g.name for g in groups], self.error))
        if tree.outputs:  # 输出 { … }: after grades and awards, which its tables name
            policy = attrs.evolve(policy, outputs=self._outputs(tree, policy))
        return self._with_cohort(policy)

    def _with_cohort(self, policy: m.Policy) -> m.Policy:
        """The policy with its cohort values in the order they are computed (SL192, SL193)."""
        terms = getattr(self, "cohort_terms", None)
        if not terms:
            return policy
        self.check_score_refs(policy.tasks)
        ordered, cycles = cohort_order(policy, terms.values())
        for term, cycle in cycles:
            self.error(msg.COHORT_CYCLE.at(term.span, cycle=cycle))
        return attrs.evolve(policy, cohort=ordered)

    def _header(self) -> tuple[str, str | None, tuple[str, str] | None, int, tuple[str, ...], m.Citation] | None:
        headers = self.tree.headers
        if not headers:
            self.error(msg.HEADER_MISSING.at(self.tree.span))
            return None
        for extra in headers[1:]:
            self.error(msg.HEADER_REPEATED.at(extra.span, related=[related(headers[0].span, msg.FIRST_WRITTEN_HERE)]))
        h = headers[0]
        if h.places is None:
            self.error(msg.PLACES_MISSING.at(h.span))
            places = 2
        elif h.places != h.places.to_integral_value() or not 0 <= h.places <= MAX_PLACES:
            self.error(msg.PLACES_RANGE.at(h.places_span or h.span, limit=MAX_PLACES, places=h.places))
            places = 2
        else:
            places = int(h.places)
        round_at = tuple(_ROUND[p] for p in h.round_points) or ("item", "task", "weighted", "total")
        return (h.title.text, h.doc_number.text if h.doc_number else None, h.period, places, round_at,
                _citation(h.floor))

    def _entities(self) -> tuple[str, tuple[str, ...]]:
        decls = self.tree.entities
        if not decls:
            self.error(msg.ENTITIES_MISSING.at(self.tree.span))
            return "", ()
        self.from_facts = any(d.from_facts for d in decls)
        if self.from_facts and any(d.names for d in decls):
            self.error(msg.ENTITIES_LISTED_AND_FROM_FACTS.at(decls[0].span))
        names: dict[str, Span] = {}
        for decl in decls:
            for name in decl.names:
                if name.text in names:
                    self.error(msg.ENTITY_DUPLICATE.at(
                        name.span, name=name.text, related=[related(names[name.text], msg.FIRST_DECLARED_HERE)]))
                else:
                    names[name.text] = name.span
        return decls[0].kind.text, tuple(names)

    def _groups(self, entities: set[str]) -> tuple[m.Group, ...]:
        groups = []
        seen: dict[str, Span] = {}
        for g in self.tree.groups:
            if g.name.text in seen:
                self.error(msg.GROUP_DUPLICATE.at(
                    g.name.span, name=g.name.text, related=[related(seen[g.name.text], msg.FIRST_DECLARED_HERE)]))
            seen[g.name.text] = g.name.span
            if g.fact is not None:
                groups.append(self._data_group(g))
                continue
            if self.from_facts:
                self.error(msg.GROUP_LISTED_IN_DATA_POLICY.at(g.span, name=g.name.text))
                continue
            for member in g.members:
                if member.text not in entities:
                    self.error(msg.GROUP_MEMBER_UNKNOWN.at(
                        member.span, name=member.text, hint=_did_you_mean(member.text, entities)))
            groups.append(m.Group(g.name.text, tuple(x.text for x in g.members), span=g.span))
        return tuple(groups)

    def _data_group(self, g: syn.GroupDecl) -> m.Group:
        """分组 「藏区所」 凡「类别」为 "藏区": a declared choice fact, one of its choices, 为 or 不为."""
        name, fact_name = g.name.text, g.fact.text if g.fact else ""
        op = COMPARE.get(g.op, "")
        if op not in ("eq", "ne"):
            self.error(msg.GROUP_COMPARISON.at(g.span, name=name))
        fact = self.facts.get(fact_name)
        value = g.value.text if g.value else ""
        if fact is None or fact.type != "choice" or fact.decl.per_occasion:
            hint = _did_you_mean(fact_name, self.facts) if fact is None else None
            self.error(msg.GROUP_FACT_NOT_CHOICE.at(g.fact.span if g.fact else g.span, name=name, fact=fact_name,
                                                    hint=hint))
        else:
            fact.readers.append("分组")
            choices = [c.text for c in fact.decl.type.choices]
            if value not in choices:
                self.error(msg.GROUP_VALUE_NOT_A_CHOICE.at(
                    g.value.span if g.value else g.span, name=name, fact=fact_name, value=value,
                    choices=Words("、".join(choices), ", ".join(choices))))
        return m.Group(name, (), fact_name, op or "eq", value, span=g.span)

    def _weightings(self, task: syn.Task, item_numbers: list[int]) -> tuple[m.Weighting, ...]:
        """The lines of 计入总分权重 for one task, resolved to the entities each applies to."""
        if self.summed:  # 各目标任务得分相加: no weights (SL134 if some are written too)
            return (self._summed_weighting(task, item_numbers, self.entities),)
        lines = [w for block in self.tree.weights for w in block.weights if w.task_number == task.number]
        ordinal = chinese_ordinal(task.number)
        if not lines:
            self.error(msg.WEIGHT_MISSING.at(task.name.span, ordinal=ordinal, number=task.number))
            return ()
        weightings = []
        claimed: dict[str, Span] = {}
        default_seen = None
        for line in lines:
            if line.group is None:
                if default_seen is not None:
                    self.error(msg.WEIGHT_REPEATED.at(line.span, ordinal=ordinal, number=task.number,
                                                      related=[related(default_seen, msg.FIRST_DECLARED_HERE)]))
                    continue
                default_seen = line.span
                members = None
            else:
                if line.group.text not in self.group_members:
                    self.error(msg.GROUP_UNKNOWN.at(line.group.span, name=line.group.text,
                                                    hint=_did_you_mean(line.group.text, self.group_members)))
                    continue
                members = self.group_members[line.group.text]
                for entity in members:
                    if entity in claimed:
                        self.error(msg.WEIGHT_ENTITY_TWICE.at(
                            line.span, entity=entity, ordinal=ordinal, number=task.number,
                            related=[related(claimed[entity], msg.OTHER_LINE_HERE)]))
                    claimed[entity] = line.span
            parts = []
            covered: set[int] = set()
            for part in line.parts:
                if part.first is None:
                    numbers = list(item_numbers)
                    label = ""
                else:
                    assert part.last is not None  # the grammar gives first and last together
                    ranges = ((part.first, part.last),) + part.more
                    self._contiguous(task, part, ranges)
                    # after the error, the items the ranges name, so nothing else echoes it
                    numbers = [n for n in item_numbers if any(min(a, b) <= n <= max(a, b) for a, b in ranges)]
                    label = "、".join(f"第{a}项" if a == b else f"第{a}至{b}项" for a, b in ranges)
                    if not numbers:
                        self.error(msg.WEIGHT_RANGE_EMPTY.at(part.span, ordinal=ordinal, number=task.number,
                                                             label=label))
                if covered & set(numbers):
                    self.error(msg.WEIGHT_PARTS_OVERLAP.at(part.span))
                covered |= set(numbers)
                parts.append(m.WeightedPart(tuple(f"{task.number}.{n}" for n in numbers), label, part.percent,
                                            span=part.span))
            weightings.append(m.Weighting(line.group.text if line.group else None, members or (), tuple(parts),
                                          line.assumed, span=line.span))
        # the line without a group applies to every entity no group line claims
        rest = tuple(e for e in self.entities if e not in claimed)
        out = []
        for w in weightings:
            if w.group is None:
                w = attrs.evolve(w, entities=rest)
            out.append(w)
        # with a group defined by a fact, who falls under no line is known from the facts (SL242)
        by_data = any(w.group in self.data_groups for w in weightings)
        if default_seen is None and rest and not by_data:
            self.error(msg.WEIGHT_NO_DEFAULT_LINE.at(
                lines[0].span, ordinal=ordinal, number=task.number,
                entities=Words("、".join(rest[:3]), ", ".join(rest[:3]))))
        return tuple(out)

    def _contiguous(self, task: syn.Task, part: syn.WeightPart, ranges: tuple[tuple[int, int], ...]) -> None:
        """SL143: a weighted part is one contiguous range of item numbers, first ≤ last:
        each part goes on its own 100-point scale, so separate items cannot share one."""
        ordinal = chinese_ordinal(task.number)
        if part.more:
            self.error(msg.WEIGHT_PART_NOT_CONTIGUOUS.at(part.span, ordinal=ordinal, number=task.number))
        for first, last in ranges:
            if first > last:
                self.error(msg.WEIGHT_RANGE_BACKWARDS.at(part.span, ordinal=ordinal, number=task.number,
                                                         first=first, last=last))

    def _tasks(self) -> tuple[m.Task, ...]:
        tasks = []
        seen: dict[int, Span] = {}
        for t in self.tree.tasks:
            if t.number in seen:
                self.error(msg.TASK_DUPLICATE.at(t.span, ordinal=chinese_ordinal(t.number), number=t.number,
                                                 related=[related(seen[t.number], msg.FIRST_DEFINED_HERE)]))
                continue
            seen[t.number] = t.span
            weightings = self._weightings(t, [i.number for s in t.sections for i in s.items])
            leads = tuple(m.Lead(lead.department.text, lead.contact.text if lead.contact else None,
                                 lead.phone.text if lead.phone else None, span=lead.span) for lead in t.leads)
            if not leads:
                self.error(msg.LEAD_MISSING.at(t.name.span, ordinal=chinese_ordinal(t.number), number=t.number))
            self.scope = str(t.number)  # its derived values are visible inside it only
            sections = tuple(self._section(t.number, s) for s in t.sections)
            self.scope = None
            scale, base_zero, bonus_cap, deduct_cap = self._task_scale(t, self.base_zero)
            tasks.append(m.Task(str(t.number), t.number, t.name.text, leads, weightings, sections, span=t.span,
                                scale=scale, base_zero=base_zero, bonus_cap=bonus_cap, deduct_cap=deduct_cap))
        for block in self.tree.weights:
            for w in block.weights:
                if w.task_number not in seen:
                    self.error(msg.WEIGHT_TASK_UNDEFINED.at(w.span, ordinal=chinese_ordinal(w.task_number),
                                                            number=w.task_number))
        return tuple(tasks)

    # ------------------------------------------------------------ articles and awards
    def _articles(self) -> tuple[m.Article, ...]:
        out = []
        seen: dict[str, Span] = {}
        for a in self.tree.articles:
            if a.number in seen:
                self.error(msg.ARTICLE_DUPLICATE.at(a.span, article=a.number,
                                                    related=[related(seen[a.number], msg.FIRST_DEFINED_HERE)]))
                continue
            seen[a.number] = a.span
            rules = self._rules(a.number, a.rules)
            for r in rules:
                # what an article may hold is read from each rule's class and effect
                if not r.allowed_in(m.Place.ARTICLE):
                    self.error(msg.ARTICLE_RULE_KIND.at(r.span, article=a.number))
            bonus_cap, deduct_cap = self._article_caps(a)
            out.append(m.Article(a.number, a.title.text, tuple(x.text for x in a.sources), rules, span=a.span,
                                 bonus_cap=bonus_cap, deduct_cap=deduct_cap))
        return tuple(out)

    def _awards(self) -> m.AwardRules | None:
        blocks = self.tree.awards
        if not blocks:
            return None
        for extra in blocks[1:]:
            self.error(msg.AWARDS_REPEATED.at(extra.span))
        b = blocks[0]
        tiers = []
        expected = 1
        for t in b.tiers:
            if t.first != expected or t.last < t.first:
                self.error(msg.TIER_ORDER.at(t.span, name=t.name.text, rank=expected))
            expected = t.last + 1
            tiers.append(m.Tier(t.name.text, t.first, t.last, span=t.span))
        previous = None
        cited = _citation(b.previous_cite)
        if b.previous_last is not None:
            previous = self._use(b.previous_last, cited.clause or "上年度排名最后", ("flag",),
                                 Words("上年度排名最后", "上年度排名最后 (last the year before)"))
        counts, each_group, singles, floor, floor_span = award_extras(b, {str(t.number) for t in self.tree.tasks},
                                                          list(self.group_members), self.error)
        return m.AwardRules(tuple(tiers), b.single_top, previous, span=b.span,
                            clause=b.cite.text if b.cite else None,
                            decider=b.decider.text if b.decider else None, previous=cited,
                            count_tiers=counts, each_group=each_group, single_tasks=singles, floor=floor,
                            floor_span=floor_span)

    def _section(self, task: int, s: syn.Section) -> m.Section:
        normalised, bonus_cap, deduct_cap = self._section_extras(task, s)
        return m.Section(s.title.text, s.points, tuple(self._item(task, i) for i in s.items), span=s.span,
                         normalised=normalised, bonus_cap=bonus_cap, deduct_cap=deduct_cap)

    def _item(self, task: int, item: syn.Item) -> m.Item:
        clause = f"{task}.{item.number}"
        parts: list[m.Part] = []
        if item.rules:
            parts.append(m.Part(item.title.text, item.points, self._rules(clause, item.rules), span=item.span))
        for p in item.parts:
            parts.append(m.Part(p.title.text, p.points, self._rules(clause, p.rules), span=p.span))
        for occ in item.occasions:
            count = self._occasion_count(occ)
            if count is None:
                self._rules(clause, occ.rules, 1)  # its references are still checked
                continue
            rules = self._rules(clause, occ.rules, count)
            read = {n.text for r in occ.rules for n in _names(r.body)}
            per_occasion = tuple(
                (n, tuple(occasion_fact_name(n, k) for k in range(1, count + 1)))
                for n in sorted(read) if n in self.facts and self.facts[n].decl.per_occasion)
            parts.append(m.Part(item.title.text, occ.points, rules, occasions=count,
                                occasion_facts=per_occasion, span=occ.span))
        if not parts:
            parts.append(m.Part(item.title.text, item.points, (), span=item.span))
        # what an item may hold is read from each rule's class and effect
        place = m.Place.DEDUCTION_ITEM if item.deduction_only else m.Place.ITEM
        for r in (r for p in parts for r in p.rules):
            if not r.allowed_in(m.Place.ITEM):
                self.error(msg.AWARD_EFFECT_IN_ITEM.at(r.body.span))
            elif not r.allowed_in(place):
                self.error(msg.DEDUCTION_ONLY_EARNS.at(r.span))
        sources = tuple(s.text for s in item.sources) + tuple(
            s.text for p in item.parts + item.occasions for s in p.sources)
        return m.Item(clause, item.number, item.title.text, item.points, item.deduction_only, sources,
                      tuple(parts), span=item.span)

    def _occasion_count(self, occ: syn.Occasions) -> int | None:
        """共N次: N a whole number from 1 to MAX_OCCASIONS, else SL141 (and None)."""
        count = occ.count
        if count == count.to_integral_value() and 1 <= count <= MAX_OCCASIONS:
            return int(count)
        self.error(msg.OCCASIONS_RANGE.at(occ.count_span or occ.span, limit=MAX_OCCASIONS, count=count))
        return None

    def _rules(self, clause: str, rules: tuple[syn.Rule, ...], occasions: int = 0) -> tuple[m.Rule, ...]:
        out = []
        for r in rules:
            condition = self._condition(clause, r.condition, occasions) if r.condition is not None else None
            body = self._rule_body(clause, r.body, occasions)
            if r.condition is not None and isinstance(body, (m.Table, m.Escalation)) and body.no_repeat is not None:
                self.error(msg.NO_REPEAT_CONDITIONAL.at(r.span))  # SL425 (docs/language.md §24)
                continue
            if body is not None and (r.condition is None or condition is not None):
                text = r.quote.text if r.quote is not None else r.source_text
                cap = self._rule_cap(clause, r.cap, body, text, r.quote is not None)
                out.append(m.Rule(clause, text, body, r.floor, condition, span=r.span, cap=cap, stacked=r.stacked))
        return tuple(out)


def _citation(cite: syn.Cite | None) -> m.Citation:
    """依据 "…" 说明 "…" as written (absent parts: None — the engine cites no clause)."""
    if cite is None:
        return m.Citation()
    return m.Citation(cite.clause.text if cite.clause else None, cite.shown.text if cite.shown else None)


def _names(node: AttrsInstance) -> list[syn.Name]:
    """Every fact name a rule body or condition mentions."""
    found = []
    for field in attrs.fields(type(node)):
        value = getattr(node, field.name)
        if isinstance(value, syn.Name):
            found.append(value)
        elif attrs.has(type(value)):
            found.extend(_names(value))
        elif isinstance(value, tuple):
            found.extend(n for v in value if attrs.has(type(v)) for n in _names(v))
    return found


def resolve_policy(tree: syn.Policy) -> tuple[m.Policy | None, Diagnostics]:
    resolver = Resolver(tree)
    policy = resolver.resolve()
    return policy, resolver.diagnostics
