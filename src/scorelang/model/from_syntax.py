"""Syntax tree → policy model: resolve names, assign ids, type facts; collect every problem."""
from __future__ import annotations

from decimal import Decimal

import attrs

from ..diagnostics import Diagnostic, Diagnostics, Related, Severity
from ..numbers import chinese_ordinal
from ..span import Span
from ..syntax import nodes as syn
from . import nodes as m
from .from_syntax_rules import RuleResolver
from .vocabulary import TYPE_NAMES as _TYPE_NAMES
from .vocabulary import did_you_mean as _did_you_mean

_ROUND = {"项得分": "item", "任务得分": "task", "加权得分": "weighted", "总分": "total"}
OCCASION_NAME = "{name}第{k}次"
# Documented limits (docs/language.md 3 and 10.2). Places: policies keep two; six is far more
# than any score needs. Occasions: each is scored on its own and a per-occasion fact becomes
# one fact per occasion (在线人数比例第1次 …), so the count is bounded; policies in practice stay
# around a dozen.
MAX_PLACES = 6
MAX_OCCASIONS = 100


def occasion_fact_name(name: str, k: int) -> str:
    """The fact an occasion reads: 「在线人数比例」 on the 2nd occasion is 在线人数比例第2次."""
    return OCCASION_NAME.format(name=name, k=k)


def _err(code: str, zh: str, en: str, span: Span | None, hint: str = "", hint_en: str = "",
         related=(), severity=Severity.ERROR) -> Diagnostic:
    return Diagnostic(code, zh, en, span, severity, hint, hint_en, related=tuple(related))


@attrs.define
class _Fact:
    decl: syn.FactDecl
    type: str
    readers: list[str] = attrs.Factory(list)
    occasions: int = 0  # >0 when read inside 共N次
    deducted: bool = False  # read by 扣「…」 (a judgement deducted)
    added: bool = False  # read by 加「…」 (a judgement added: a score every entity is given)

    @property
    def zero_means_absent(self) -> bool:
        """0 = "did not occur" is the convention for deductions; a judgement only ever added
        is a score every entity is given, inside its range."""
        return self.deducted or not self.added


class Resolver(RuleResolver):
    """Walks a syntax.Policy once, building model nodes and diagnostics."""

    def __init__(self, tree: syn.Policy):
        self.tree = tree
        self.diagnostics = Diagnostics()
        self.facts: dict[str, _Fact] = {}

    def error(self, *args, **kwargs) -> None:
        self.diagnostics.add(_err(*args, **kwargs))

    # ------------------------------------------------------------ policy
    def resolve(self) -> m.Policy | None:
        tree = self.tree
        header = self._header()
        entity_kind, entities = self._entities()
        groups = self._groups(set(entities))
        self.entities = entities
        self.group_members = {g.name: g.members for g in groups}
        blocks = tree.facts + tuple(b for t in tree.tasks for b in t.facts) + tuple(
            b for a in tree.articles for b in a.facts)
        for block in blocks:
            for decl in block.facts:
                self._declare_fact(decl)
        tasks = self._tasks()
        articles = self._articles()
        awards = self._awards()
        facts = self._fact_decls()
        if header is None:
            return None
        title, doc, period, places, round_at = header
        return m.Policy(tree.file, title, doc, period, places, round_at, entity_kind, entities,
                        groups, facts, tasks, articles, awards, span=tree.span)

    def _header(self):
        headers = self.tree.headers
        if not headers:
            self.error("SL101", "缺少考评办法的标题块：考评办法 \"…\" { 保留 2 位小数 四舍五入 }",
                       "the policy header is missing: 考评办法 \"…\" { 保留 2 位小数 四舍五入 }",
                       self.tree.span)
            return None
        for extra in headers[1:]:
            self.error("SL101", "考评办法的标题块只能写一次", "the policy header may appear only once",
                       extra.span, related=[Related(headers[0].span, "第一次写在这里", "first written here")])
        h = headers[0]
        if h.places is None:
            self.error("SL102", "标题块须声明保留几位小数（第二十一条），如：保留 2 位小数 四舍五入",
                       "the header must declare the decimal places, e.g. 保留 2 位小数 四舍五入", h.span)
            places = 2
        elif h.places != h.places.to_integral_value() or not 0 <= h.places <= MAX_PLACES:
            self.error("SL142", f"保留的小数位数须为 0 至 {MAX_PLACES} 的整数，这里写的是 {h.places}",
                       f"the decimal places must be a whole number from 0 to {MAX_PLACES}; this says {h.places}",
                       h.places_span or h.span, "如保留两位小数，写作：保留 2 位小数 四舍五入",
                       "two places, for instance, are written 保留 2 位小数 四舍五入")
            places = 2
        else:
            places = int(h.places)
        round_at = tuple(_ROUND[p] for p in h.round_points) or ("item", "task", "weighted", "total")
        return (h.title.text, h.doc_number.text if h.doc_number else None, h.period, places, round_at)

    def _entities(self):
        decls = self.tree.entities
        if not decls:
            self.error("SL103", "没有声明考评对象：对象 「县市司法局」 { 「西昌市」 … }",
                       "no entities declared: 对象 「县市司法局」 { 「西昌市」 … }", self.tree.span)
            return "", ()
        names: dict[str, Span] = {}
        for decl in decls:
            for name in decl.names:
                if name.text in names:
                    self.error("SL104", f"考评对象「{name.text}」重复声明", f"entity 「{name.text}」 declared twice",
                               name.span, related=[Related(names[name.text], "第一次声明在这里", "first declared here")])
                else:
                    names[name.text] = name.span
        return decls[0].kind.text, tuple(names)

    def _groups(self, entities: set[str]) -> tuple[m.Group, ...]:
        groups = []
        seen: dict[str, Span] = {}
        for g in self.tree.groups:
            if g.name.text in seen:
                self.error("SL104", f"分组「{g.name.text}」重复声明", f"group 「{g.name.text}」 declared twice",
                           g.name.span, related=[Related(seen[g.name.text], "第一次声明在这里", "first declared here")])
            seen[g.name.text] = g.name.span
            for member in g.members:
                if member.text not in entities:
                    zh, en = _did_you_mean(member.text, entities)
                    self.error("SL105", f"分组成员「{member.text}」不是已声明的考评对象",
                               f"group member 「{member.text}」 is not a declared entity", member.span, zh, en)
            groups.append(m.Group(g.name.text, tuple(x.text for x in g.members), span=g.span))
        return tuple(groups)

    def _weightings(self, task: syn.Task, item_numbers: list[int]) -> tuple[m.Weighting, ...]:
        """The lines of 计入总分权重 for one task, resolved to the entities each applies to."""
        lines = [w for block in self.tree.weights for w in block.weights if w.task_number == task.number]
        ordinal = chinese_ordinal(task.number)
        if not lines:
            self.error("SL106", f"目标任务{ordinal}没有计入总分权重", f"task {task.number} has no weight",
                       task.name.span, f"在「计入总分权重 {{ }}」中写：目标任务{ordinal} 15%",
                       f"add to 计入总分权重 {{ }}: 目标任务{ordinal} 15%")
            return ()
        weightings = []
        claimed: dict[str, Span] = {}
        default_seen = None
        for line in lines:
            if line.group is None:
                if default_seen is not None:
                    self.error("SL106", f"目标任务{ordinal}的权重重复声明", f"the weight of task {task.number} is declared twice",
                               line.span, related=[Related(default_seen, "第一次声明在这里", "first declared here")])
                    continue
                default_seen = line.span
                members = None
            else:
                if line.group.text not in self.group_members:
                    zh, en = _did_you_mean(line.group.text, self.group_members)
                    self.error("SL105", f"未声明的分组「{line.group.text}」", f"undeclared group 「{line.group.text}」",
                               line.group.span, zh, en)
                    continue
                members = self.group_members[line.group.text]
                for entity in members:
                    if entity in claimed:
                        self.error("SL106", f"「{entity}」在目标任务{ordinal}的两行权重中",
                                   f"「{entity}」 falls under two weight lines of task {task.number}", line.span,
                                   related=[Related(claimed[entity], "另一行在这里", "the other line is here")])
                    claimed[entity] = line.span
            parts = []
            covered: set[int] = set()
            for part in line.parts:
                if part.first is None:
                    numbers = list(item_numbers)
                    label = ""
                else:
                    ranges = ((part.first, part.last),) + part.more
                    self._contiguous(task, part, ranges)
                    # after the error, the items the ranges name, so nothing else echoes it
                    numbers = [n for n in item_numbers if any(min(a, b) <= n <= max(a, b) for a, b in ranges)]
                    label = "、".join(f"第{a}项" if a == b else f"第{a}至{b}项" for a, b in ranges)
                    if not numbers:
                        self.error("SL106", f"目标任务{ordinal}没有{label}", f"task {task.number} has no items {label}",
                                   part.span)
                if covered & set(numbers):
                    self.error("SL106", "权重的各部分重复计入同一项", "two weighted parts share an item", part.span)
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
        if default_seen is None and rest:
            self.error("SL106", f"目标任务{ordinal}的权重没有适用于{'、'.join(rest[:3])}等对象的一行",
                       f"no weight line of task {task.number} applies to {', '.join(rest[:3])}…", lines[0].span,
                       "加一行不带分组的权重，如：目标任务一 15%", "add a line without a group, e.g. 目标任务一 15%")
        return tuple(out)

    def _contiguous(self, task: syn.Task, part: syn.WeightPart, ranges) -> None:
        """SL143: a weighted part is one contiguous range of item numbers, first ≤ last:
        each part goes on its own 100-point scale, so separate items cannot share one."""
        ordinal = chinese_ordinal(task.number)
        if part.more:
            self.error("SL143", f"目标任务{ordinal}权重中的一段只能是相连的一个范围（第a至b项）或一项（第c项），"
                       "不相连的项不能合为一段",
                       f"a weighted part of task {task.number} is one contiguous range (第a至b项) or one item (第c项); "
                       "separate items cannot make one part",
                       part.span, "分成几段各写权重，如：第1至5项 10% 第7至12项 5%（每段各自折算为百分制）",
                       "weigh them as separate parts, e.g. 第1至5项 10% 第7至12项 5% (each on its own 100-point scale)")
        for first, last in ranges:
            if first > last:
                self.error("SL143", f"目标任务{ordinal}权重中的范围第{first}至{last}项倒置",
                           f"the range 第{first}至{last}项 in the weights of task {task.number} runs backwards",
                           part.span, f"写作 第{last}至{first}项", f"write 第{last}至{first}项")

    # ------------------------------------------------------------ facts
    def _declare_fact(self, decl: syn.FactDecl) -> None:
        name = decl.name.text
        if name in self.facts:
            self.error("SL107", f"事实「{name}」重复声明", f"fact 「{name}」 declared twice", decl.name.span,
                       related=[Related(self.facts[name].decl.name.span, "第一次声明在这里", "first declared here")])
            return
        kind = {"judgement_records": "records"}.get(decl.type.kind, decl.type.kind)
        t = decl.type
        if kind == "records" and t.fields:
            names = [f.name.text for f in t.fields]
            if len(set(names)) != len(names):
                self.error("SL108", f"记录「{name}」的字段有重复", f"record 「{name}」 lists a field twice", t.span)
        if t.low is not None and t.high is not None and t.low > t.high:
            self.error("SL108", f"事实「{name}」的评定范围 {t.low} 至 {t.high} 下限大于上限",
                       f"fact 「{name}」: range {t.low} to {t.high} has its low end above its high end", t.span)
        if kind == "choice" and len({c.text for c in t.choices}) != len(t.choices):
            self.error("SL108", f"事实「{name}」的选项有重复", f"fact 「{name}」 lists a choice twice", t.span)
        if decl.at_most is not None and kind not in ("count", "number"):
            self.error("SL108", f"「至多」只能用于计数或数值事实，「{name}」是{_TYPE_NAMES[kind][0]}",
                       f"「至多」 applies to count or number facts; 「{name}」 is a {_TYPE_NAMES[kind][1]}", decl.span)
        if decl.per_occasion and kind in ("records",):
            self.error("SL108", f"评定记录「{name}」不能按次", f"judgement records 「{name}」 cannot be per occasion",
                       decl.span)
        self.facts[name] = _Fact(decl, kind)

    def _default(self, fact: _Fact):
        """(has_default, value) of a declaration, checking it fits the type."""
        decl, kind = fact.decl, fact.type
        lit = decl.default
        if lit is None:
            return False, None
        name = decl.name.text

        def bad():
            self.error("SL109", f"事实「{name}」的默认值不符合类型{_TYPE_NAMES[kind][0]}",
                       f"the default of fact 「{name}」 does not fit its type ({_TYPE_NAMES[kind][1]})", lit.span)
            return False, None

        if kind == "records":
            return (True, ()) if isinstance(lit, (syn.NoneLit, syn.NotOccurredLit)) else bad()
        if kind == "judgement":
            return self._judgement_default(fact, lit, bad)
        if isinstance(lit, syn.NotOccurredLit):
            return bad()
        if kind == "flag":
            return (True, lit.value) if isinstance(lit, syn.FlagLit) else bad()
        if kind == "choice":
            choices = [c.text for c in decl.type.choices]
            if isinstance(lit, syn.StringLit) and lit.value in choices:
                return True, lit.value
            return bad()
        if not isinstance(lit, (syn.NumberLit, syn.PercentLit)):
            return bad()
        value = lit.value
        if kind == "count" and value != value.to_integral_value():
            return bad()
        if kind == "percent" and not (0 <= value <= 100):
            return bad()
        return True, value

    def _judgement_default(self, fact: _Fact, lit, bad):
        """A judgement's default: in its range; or 0 (did not occur) for a deduction, written
        ``默认 未发生`` — a bare ``默认 0`` is a warning (SL140), since an assessor's judgement
        left out then silently costs nothing."""
        decl, name = fact.decl, fact.decl.name.text
        low, high = decl.type.low, decl.type.high
        if isinstance(lit, syn.NotOccurredLit) or (isinstance(lit, syn.NumberLit) and lit.value == 0):
            if low <= 0 <= high and not fact.zero_means_absent:
                return True, lit.value if isinstance(lit, syn.NumberLit) else Decimal(0)
            if not fact.zero_means_absent:
                self.error("SL109", f"「{name}」是加上的评分（加「…」），默认值须在评定范围 {low} 至 {high} 内；"
                           "“未发生”（0）只用于扣分的评定",
                           f"「{name}」 is a score that is added (加「…」): its default must lie within {low} to {high}; "
                           "\"did not occur\" (0) applies to judgements that deduct", lit.span,
                           "删去默认值，使每个对象都必须评分", "remove the default, so that every entity must be scored")
                return False, None
            if isinstance(lit, syn.NumberLit):
                self.diagnostics.add(_err(
                    "SL140", f"评定「{name}」默认 0：漏填时不扣分（按满分计），且看不出是有意的",
                    f"judgement 「{name}」 defaults to 0: left out, it deducts nothing (full marks), and nothing "
                    "says that is intended", lit.span,
                    "情形通常不发生、由牵头部门主动报告时写 默认 未发生；否则删去默认值，使之必须评定",
                    "write 默认 未发生 if the situation normally does not occur and the lead department reports it; "
                    "otherwise remove the default so that it must be entered", severity=Severity.WARNING))
            return True, Decimal(0)
        if not isinstance(lit, syn.NumberLit):
            return bad()
        if not (low <= lit.value <= high):
            self.error("SL109", f"事实「{name}」的默认值 {lit.value} 不在评定范围 {low} 至 {high} 内",
                       f"the default {lit.value} of fact 「{name}」 is outside its range {low} to {high}", lit.span)
            return False, None
        return True, lit.value

    def _fact_decls(self) -> tuple[m.FactDecl, ...]:
        out = []
        for name, fact in self.facts.items():
            decl = fact.decl
            has_default, default = self._default(fact)
            if not fact.readers:
                self.diagnostics.add(_err("SL110", f"事实「{name}」已声明但没有规则读取它",
                                          f"fact 「{name}」 is declared but no rule reads it",
                                          decl.name.span, severity=Severity.WARNING))
            if decl.per_occasion and not fact.occasions:
                self.error("SL111", f"事实「{name}」声明为按次，但没有在「共…次」中使用",
                           f"fact 「{name}」 is per occasion (按次) but not read inside 共…次", decl.span)
            t = decl.type
            low, high = t.low, t.high
            if fact.type == "count":
                low, high = Decimal(0), decl.at_most
            elif fact.type == "percent":
                low, high = Decimal(0), Decimal(100)
            elif fact.type == "number":
                high = decl.at_most
            common = dict(
                type=fact.type, unit=decl.unit.text if decl.unit else None,
                description=decl.description.text if decl.description else "",
                low=low, high=high, choices=tuple(c.text for c in t.choices),
                has_default=has_default, default=default,
                items=tuple(dict.fromkeys(fact.readers)), zero_means_absent=fact.zero_means_absent,
                fields=tuple(m.RecordField(f.name.text, f.kind, tuple(c.text for c in f.choices), span=f.span)
                             for f in t.fields),
            )
            if decl.per_occasion and fact.occasions:
                for k in range(1, fact.occasions + 1):
                    out.append(m.FactDecl(occasion_fact_name(name, k), **common, span=decl.span))
            else:
                out.append(m.FactDecl(name, **common, span=decl.span))
        return tuple(out)

    def _use(self, name: syn.Name, clause: str, allowed: tuple[str, ...], what_zh: str, what_en: str,
             occasions: int = 0) -> str | None:
        """Resolve a fact reference used as ``allowed`` types; record the reader."""
        fact = self.facts.get(name.text)
        if fact is None:
            zh, en = _did_you_mean(name.text, self.facts)
            self.error("SL112", f"未声明的事实「{name.text}」", f"undeclared fact 「{name.text}」", name.span,
                       zh or f"在「事实 {{ }}」中声明它，如：「{name.text}」 计数",
                       en or f"declare it in a 事实 {{ }} block, e.g. 「{name.text}」 计数")
            return None
        if fact.type not in allowed:
            need_zh = "或".join(_TYPE_NAMES[a][0] for a in allowed)
            need_en = " or ".join(_TYPE_NAMES[a][1] for a in allowed)
            need_zh = "或".join(f"「{_TYPE_NAMES[a][0]}」" for a in allowed)
            self.error("SL113", f"{what_zh}需要{need_zh}类事实，「{name.text}」的类型是「{_TYPE_NAMES[fact.type][0]}」",
                       f"{what_en} needs a {need_en} fact; 「{name.text}」 is a {_TYPE_NAMES[fact.type][1]}",
                       name.span, related=[Related(fact.decl.span, "声明在这里", "declared here")])
            return None
        fact.readers.append(clause)
        if fact.decl.per_occasion:
            if not occasions:
                self.error("SL111", f"按次事实「{name.text}」只能在「共…次」中读取",
                           f"per-occasion fact 「{name.text}」 can only be read inside 共…次", name.span)
            elif fact.occasions and fact.occasions != occasions:
                self.error("SL111", f"按次事实「{name.text}」在不同的「共…次」中次数不同",
                           f"per-occasion fact 「{name.text}」 is read with different numbers of occasions", name.span)
            fact.occasions = occasions
        return name.text

    # ------------------------------------------------------------ tasks
    def _tasks(self) -> tuple[m.Task, ...]:
        tasks = []
        seen: dict[int, Span] = {}
        for t in self.tree.tasks:
            if t.number in seen:
                self.error("SL114", f"目标任务{chinese_ordinal(t.number)}重复定义", f"task {t.number} is defined twice",
                           t.span, related=[Related(seen[t.number], "第一次定义在这里", "first defined here")])
                continue
            seen[t.number] = t.span
            weightings = self._weightings(t, [i.number for s in t.sections for i in s.items])
            leads = tuple(m.Lead(l.department.text, l.contact.text if l.contact else None,
                                 l.phone.text if l.phone else None, span=l.span) for l in t.leads)
            if not leads:
                self.error("SL115", f"目标任务{chinese_ordinal(t.number)}没有写考评牵头部门：牵头 「…」",
                           f"task {t.number} names no lead department: 牵头 「…」", t.name.span)
            sections = tuple(self._section(t.number, s) for s in t.sections)
            tasks.append(m.Task(str(t.number), t.number, t.name.text, leads, weightings, sections, span=t.span))
        for block in self.tree.weights:
            for w in block.weights:
                if w.task_number not in seen:
                    self.error("SL106", f"计入总分权重里的目标任务{chinese_ordinal(w.task_number)}没有定义",
                               f"the weights name task {w.task_number}, which is not defined", w.span)
        return tuple(tasks)

    # ------------------------------------------------------------ articles and awards
    def _articles(self) -> tuple[m.Article, ...]:
        out = []
        seen: dict[str, Span] = {}
        for a in self.tree.articles:
            if a.number in seen:
                self.error("SL114", f"{a.number}重复定义", f"{a.number} is defined twice", a.span,
                           related=[Related(seen[a.number], "第一次定义在这里", "first defined here")])
                continue
            seen[a.number] = a.span
            rules = self._rules(a.number, a.rules)
            for r in rules:
                if r.earns or isinstance(r.body, (m.Zero, m.Ladder)):
                    self.error("SL126", f"{a.number}的规则只能加分、扣分或改变评奖，不能「得」「不得分」或阶梯",
                               "an article's rules add (加), deduct (扣) or change the award; not 得, 不得分 or ladders",
                               r.span)
            out.append(m.Article(a.number, a.title.text, tuple(x.text for x in a.sources), rules, span=a.span))
        return tuple(out)

    def _awards(self) -> m.AwardRules | None:
        blocks = self.tree.awards
        if not blocks:
            return None
        for extra in blocks[1:]:
            self.error("SL127", "奖项块只能写一次", "the 奖项 block may appear only once", extra.span)
        b = blocks[0]
        tiers = []
        expected = 1
        for t in b.tiers:
            if t.first != expected or t.last < t.first:
                self.error("SL127", f"综合奖「{t.name.text}」应从第{expected}名开始，且名次不能倒置",
                           f"award tier 「{t.name.text}」 should start at rank {expected}, ranks in order", t.span)
            expected = t.last + 1
            tiers.append(m.Tier(t.name.text, t.first, t.last, span=t.span))
        previous = None
        if b.previous_last is not None:
            previous = self._use(b.previous_last, "第十八条", ("flag",), "上年度排名最后", "上年度排名最后 (第十八条)")
        return m.AwardRules(tuple(tiers), b.single_top, previous, span=b.span)

    def _section(self, task: int, s: syn.Section) -> m.Section:
        return m.Section(s.title.text, s.points, tuple(self._item(task, i) for i in s.items), span=s.span)

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
        if item.deduction_only:
            for r in (r for p in parts for r in p.rules):
                if not r.can_deduct or isinstance(r.body, m.Zero):
                    self.error("SL116", "扣分项只能扣分：不能有得分规则，也不能「不得分」",
                               "a deduction-only item (扣分项) only deducts: no points earned, no 不得分", r.span)
        sources = tuple(s.text for s in item.sources) + tuple(
            s.text for p in item.parts + item.occasions for s in p.sources)
        return m.Item(clause, item.number, item.title.text, item.points, item.deduction_only, sources,
                      tuple(parts), span=item.span)

    def _occasion_count(self, occ: syn.Occasions) -> int | None:
        """共N次: N a whole number from 1 to MAX_OCCASIONS, else SL141 (and None)."""
        count = occ.count
        if count == count.to_integral_value() and 1 <= count <= MAX_OCCASIONS:
            return int(count)
        self.error("SL141", f"「共N次」的次数须为 1 至 {MAX_OCCASIONS} 的整数，这里写的是 {count}",
                   f"the number of occasions (共N次) must be a whole number from 1 to {MAX_OCCASIONS}; this says {count}",
                   occ.count_span or occ.span,
                   "每一次各自计分，按次的事实每次各填一个值；次数更多时改用计数事实，如 每「未达标次数」扣1分",
                   "each occasion is scored on its own, with one value per occasion of each per-occasion fact; "
                   "for more, count them instead, e.g. 每「未达标次数」扣1分")
        return None

    def _rules(self, clause: str, rules: tuple[syn.Rule, ...], occasions: int = 0) -> tuple[m.Rule, ...]:
        out = []
        for r in rules:
            body = self._rule_body(clause, r.body, occasions)
            if body is not None:
                text = r.quote.text if r.quote is not None else r.source_text
                out.append(m.Rule(clause, text, body, r.floor, span=r.span))
        return tuple(out)

def _names(node) -> list[syn.Name]:
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
