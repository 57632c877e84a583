"""Syntax tree → canonical .score text: the printer behind ``scorelang fmt``.

``print_policy(tree, layout)`` prints every declaration in the order written, one statement
per line, two spaces per block level, with the author's comments, blank lines (at most one
in a row), quotes, brackets and spellings (``syntax.layout``); ``format_text`` parses and
prints. Parsing the printed text gives the same tree (``syntax.compare.structural_diff``)
and printing it again gives the same text.

Every syntax node class has one printer: in ``INLINE`` (its one-line text,
``syntax.printer_pieces`` and ``printer_exprs``) or in ``STATEMENTS`` (its lines, here). A
test checks that every class of ``syntax.nodes`` has exactly one, so a node added without
its printer fails loudly.
"""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ..span import display_width
from . import nodes as n
from .layout import Layout
from .printer_awards import STATEMENTS as AWARD_STATEMENTS
from .printer_awards import block_head, count_tier_text, floor_text, single_tasks_text
from .printer_core import Printer, ordered
from .printer_exprs import cond, expr
from .printer_outputs import INLINE as OUTPUT_INLINE
from .printer_outputs import STATEMENTS as OUTPUT_STATEMENTS
from .printer_pieces import INLINE, options, points, row_points, set_cap_text, table_head, written_range

__all__ = ["print_policy", "format_text", "INLINE", "STATEMENTS"]

#: the widest a choice list (选项 { … }) may be to stay on its fact's line
CHOICES_WIDTH = 80
#: choices at most this wide are filled several to a line when their list is long
SHORT_CHOICE = 20


def print_policy(policy: n.Policy, layout: Layout | None = None) -> str:
    """The canonical text of a syntax tree; with the ``layout`` of the text it was parsed
    from (``syntax.parse_keeping_layout``), the author's comments and spellings are kept."""
    p = Printer(layout, INLINE, STATEMENTS)
    p.node(policy)
    return p.finish()


def format_text(text: str, file: str = "<string>") -> str:
    """The canonical layout of a policy's text (raises PolicyError if it does not parse)."""
    from . import parse_keeping_layout

    policy, layout = parse_keeping_layout(text, file)
    return print_policy(policy, layout)


# ------------------------------------------------------------------ the file and its header
def _policy(p: Printer, node: n.Policy) -> None:
    for decl in ordered(node.headers, node.entities, node.groups, node.weights, node.facts, node.derived,
                        node.tasks, node.articles, node.awards, node.grades, node.quotas, node.outputs):
        if p.layout is None:  # a tree built by code: declarations set apart by a blank line
            p.separate = True
        p.node(decl)


def _header(p: Printer, node: n.Header) -> None:
    lines: list[tuple[Any, str]] = []
    if node.doc_number is not None:
        lines.append((node.doc_number.span, "文号 " + p.text(node.doc_number)))
    if node.period is not None:
        span = node.period_span
        low, high = node.period
        sep = written_range(p, low + " ", " " + high, span.start, span.end) if span else f"{low} 至 {high}"
        lines.append((span, "考评期 " + sep))
    if node.places is not None:
        span = node.rounding_span or node.places_span
        where = " 于 " + " ".join(node.round_points) if node.round_points else ""
        number = p.num(node.places, span.start, span.end) if span else p.num(node.places)
        lines.append((span, f"保留 {number} 位小数 四舍五入{where}"))
    if node.floor is not None:
        lines.append((node.floor.span, " ".join(["最低总分为零", p.text(node.floor)]).strip()))
    if node.total is not None:
        lines.append((node.total.span, _total_bounds_text(p, node.total)))
    lines += [(x.span, _scale_text(p, x)) for x in node.scales]
    lines += [(x.span, "各目标任务得分相加") for x in node.summed]
    lines += [(x.span, _base_text(p, x)) for x in node.bases]
    if all(span is not None for span, _ in lines):
        lines.sort(key=lambda line: line[0].start)

    def body() -> None:
        for span, text in lines:
            p.stmt(span, text)
    p.block(node.span, "考评办法 " + p.text(node.title), body)


def _total_bounds_text(p: Printer, node: n.TotalBounds) -> str:
    words = ["考评总分", *(p.text(b) for b in node.bounds)]
    if node.clause is not None:
        words.append("依据 " + p.text(node.clause))
    return " ".join(words)


def _scale_text(p: Printer, node: n.ScaleDecl) -> str:
    """满分 1000 分 [按原分计入 | 折算为百分制] [依据 "…"]."""
    words = ["满分", p.num(node.points, node.span.start, node.span.end), "分"]
    if node.enters is not None:
        words.append({"as_is": "按原分计入", "normalised": "折算为百分制"}[node.enters])
    if node.clause is not None:
        words.append("依据 " + p.text(node.clause))
    return " ".join(words)


def _base_text(p: Printer, node: n.BaseScore) -> str:
    return f"基础分 {p.num(node.points, node.span.start, node.span.end)} 分"


def _scale(p: Printer, node: n.ScaleDecl) -> None:
    p.stmt(node.span, _scale_text(p, node))


def _base(p: Printer, node: n.BaseScore) -> None:
    p.stmt(node.span, _base_text(p, node))


def _summed(p: Printer, node: n.TasksSummed) -> None:
    p.stmt(node.span, "各目标任务得分相加")


def _total_bounds(p: Printer, node: n.TotalBounds) -> None:
    p.stmt(node.span, _total_bounds_text(p, node))


def _entities(p: Printer, node: n.EntitiesDecl) -> None:
    head = "对象 " + p.text(node.kind)
    if node.from_facts:
        p.stmt(node.span, head + " 由事实文件列出")
    else:
        p.fill(node.span, head, [p.text(name) for name in node.names])


def _group(p: Printer, node: n.GroupDecl) -> None:
    head = "分组 " + p.text(node.name)
    if node.fact is not None and node.value is not None:
        p.stmt(node.span, f"{head} 凡{p.text(node.fact)} {node.op} {p.text(node.value)}")
    else:
        p.fill(node.span, head, [p.text(name) for name in node.members])


def _weights(p: Printer, node: n.WeightsDecl) -> None:
    p.block(node.span, "计入总分权重", lambda: p.nodes(node.weights))


def _weight(p: Printer, node: n.WeightDecl) -> None:
    end = node.group.span.start if node.group is not None else (
        node.parts[0].span.start if node.parts else node.span.end)
    words = ["目标任务" + p.numeral(node.task_number, node.span.start, end, chinese=True)]
    if node.group is not None:
        words.append(p.text(node.group))
    words += [p.text(part) for part in node.parts]
    if node.assumed:
        words.append("假定")
    p.stmt(node.span, " ".join(words))


# ------------------------------------------------------------------ facts
def _facts(p: Printer, node: n.FactsBlock) -> None:
    p.block(node.span, "事实", lambda: p.nodes(node.facts))


def _fact(p: Printer, node: n.FactDecl) -> None:
    name, kind, rest = p.text(node.name), node.type, options(p, node)
    if kind.kind == "records":
        def fields() -> None:
            for field in kind.fields:
                _record_field(p, field)
        p.block(node.span, f"{name} 记录", fields, rest, inner_end=kind.span.end)
    elif kind.kind == "choice":
        _choices(p, node.span, f"{name} 选项", kind.choices, rest, kind.span.end)
    else:
        p.stmt(node.span, " ".join(x for x in (name, p.text(kind), rest) if x))


def _record_field(p: Printer, node: n.RecordField) -> None:
    if node.kind != "choice":
        p.stmt(node.span, p.text(node))
    else:
        _choices(p, node.span, p.text(node.name) + " 选项", node.choices, "", node.span.end)


def _choices(p: Printer, span: Any, head: str, choices: tuple[n.Text, ...], tail: str, inner_end: int) -> None:
    """``head { "a" "b" } tail`` on one line when the list is short; else short choices
    filled into lines, long ones one per line."""
    texts = [p.text(c) for c in choices]
    listed = "{ " + " ".join(texts) + " }"
    if display_width(listed) <= CHOICES_WIDTH:
        p.stmt(span, " ".join(x for x in (head, listed, tail) if x))
    elif max(display_width(t) for t in texts) <= SHORT_CHOICE:
        p.fill(span, head, texts, tail, inner_end=inner_end)
    else:
        def body() -> None:
            for choice, printed in zip(choices, texts, strict=True):
                p.stmt(choice.span, printed)
        p.block(span, head, body, tail, inner_end=inner_end)


# ------------------------------------------------------------------ derived values
def _derived_block(p: Printer, node: n.DerivedBlock) -> None:
    p.block(node.span, "计算", lambda: p.nodes(node.values))


def _derived(p: Printer, node: n.DerivedDecl) -> None:
    p.stmt(node.span, f"{p.text(node.name)} {node.op} {expr(p, node.expr)}")


# ------------------------------------------------------------------ tasks, items, rules
def _task(p: Printer, node: n.Task) -> None:
    number = p.numeral(node.number, node.span.start, node.name.span.start, chinese=True)
    p.block(node.span, f"目标任务 {number} {p.text(node.name)}",
            lambda: p.nodes(node.leads, node.scales, node.bases, node.caps, node.facts, node.derived, node.sections))


def _lead(p: Printer, node: n.Lead) -> None:
    words = ["牵头", p.text(node.department)]
    if node.contact is not None:
        words += ["联系人", p.text(node.contact)]
        if node.phone is not None:
            words += ["电话", p.text(node.phone)]
    p.stmt(node.span, " ".join(words))


def _section(p: Printer, node: n.Section) -> None:
    enters = {"as_is": " 按原分计入", "normalised": " 折算为百分制", None: ""}[node.enters]
    p.block(node.span, f"部分 {p.text(node.title)} {points(p, node.points, node.title.span.end, node.span.end)}"
            + enters, lambda: p.nodes(node.caps, node.items))


def _body(p: Printer, sources: tuple[n.Text, ...], *groups: Any) -> Callable[[], None]:
    """The statements of an item, part, occasion or article: 原文 lines among the others."""
    def body() -> None:
        for child in ordered(sources, *groups):
            if isinstance(child, n.Text):
                p.stmt(child.span, "原文 " + p.text(child))
            else:
                p.node(child)
    return body


def _item(p: Printer, node: n.Item) -> None:
    number = p.numeral(node.number, node.span.start, node.title.span.start, chinese=False)
    only = " 扣分项" if node.deduction_only else ""
    head = f"第{number}项{only} {p.text(node.title)} {points(p, node.points, node.title.span.end, node.span.end)}"
    p.block(node.span, head, _body(p, node.sources, node.rules, node.parts, node.occasions))


def _part(p: Printer, node: n.Part) -> None:
    head = f"分项 {p.text(node.title)} {points(p, node.points, node.title.span.end, node.span.end)}"
    p.block(node.span, head, _body(p, node.sources, node.rules))


def _occasions(p: Printer, node: n.Occasions) -> None:
    span = node.count_span or node.span
    count = p.num(node.count, span.start, span.end)
    each = points(p, node.points, span.end, node.span.end)
    p.block(node.span, f"共 {count} 次 每次 {each}", _body(p, node.sources, node.rules))


def _rule(p: Printer, node: n.Rule) -> None:
    head = [p.text(node.quote)] if node.quote is not None else []
    if node.condition is not None:
        head.append("若 " + cond(p, node.condition))
    tail = []
    if node.cap is not None:
        tail.append(p.text(node.cap))
    if node.stacked:
        tail.append("各档累计")
    if node.floor:
        tail.append("扣完为止")
    body = node.body
    if isinstance(body, n.Table):
        if node.quote is not None:  # the sentence on its own line above the table
            p.line(node.span, head.pop(0))
        _table(p, node, body, " ".join([*head, table_head(p, body)]), " ".join(tail))
    else:
        p.stmt(node.span, " ".join([*head, p.text(body), *tail]))


def _table(p: Printer, rule: n.Rule, node: n.Table, head: str, tail: str) -> None:
    """A points table: each row's points aligned after the widest level."""
    width = max((display_width(p.text(row.level)) for row in node.rows), default=0)

    def body() -> None:
        for row in ordered(node.rows, node.aliases):
            if isinstance(row, n.TableRow):
                level = p.text(row.level)
                p.stmt(row.span, level + " " * (width - display_width(level) + 1) + row_points(p, row))
            else:
                p.stmt(row.span, p.text(row))
    p.block(rule.span, head, body, tail, inner_end=node.span.end)


# ------------------------------------------------------------------ articles and awards
def _article(p: Printer, node: n.Article) -> None:
    p.block(node.span, f"{node.number} {p.text(node.title)}",
            _body(p, node.sources, node.facts, node.rules, node.caps))


def _set_cap(p: Printer, node: n.SetCap) -> None:
    p.stmt(node.span, set_cap_text(p, node))


def _awards(p: Printer, node: n.Awards) -> None:
    lines: list[tuple[Any, str]] = [(tier.span, _tier_text(p, tier)) for tier in node.tiers]
    lines += [(tier.span, count_tier_text(p, tier)) for tier in node.count_tiers]
    lines += [(single.span, single_tasks_text(p, single)) for single in node.singles]
    lines += [(floor.span, floor_text(p, floor)) for floor in node.floors]
    if node.single_top is not None:
        span = node.single_span
        top = p.num(Decimal(node.single_top), span.start, span.end) if span else str(node.single_top)
        lines.append((span, f"单项奖 前{top}名"))
    if node.previous_last is not None:
        cite = " " + p.text(node.previous_cite) if node.previous_cite is not None else ""
        where = node.previous_cite.span if node.previous_cite is not None else node.previous_last.span
        lines.append((where, f"上年度排名最后 {p.text(node.previous_last)}{cite}".rstrip()))
    if all(span is not None for span, _ in lines):
        lines.sort(key=lambda line: line[0].start)

    def body() -> None:
        for span, text in lines:
            p.stmt(span, text)
    p.block(node.span, block_head(p, "奖项", node), body)


def _tier_text(p: Printer, node: n.Tier) -> str:
    s, e = node.span.start, node.span.end
    first = p.num(Decimal(node.first), s, e, 0)
    each = " 每组" if node.each_group else ""
    written_one = p.layout is not None and len(p.layout.between(s, e, "NUMBER")) == 1
    if node.first == node.last and written_one:  # 第1名, as written (第1至1名 reads the same)
        return f"综合奖 {p.text(node.name)}{each} 第{first}名"
    last = p.num(Decimal(node.last), s, e, 1)
    return f"综合奖 {p.text(node.name)}{each} 第{written_range(p, first, last, s, e)}名"


def _tier(p: Printer, node: n.Tier) -> None:
    p.stmt(node.span, _tier_text(p, node))


def _grades(p: Printer, node: n.Grades) -> None:
    s, e = node.span.start, node.span.end
    task = f" 目标任务{p.numeral(node.task, s, e, chinese=True)}得分" if node.task is not None else ""  # §22.1
    if node.value is not None:  # 等次 「结案率」 { … } (§22.1)
        task = " " + p.text(node.value)
    head = "等次" + task + (" 依据 " + p.text(node.cite) if node.cite is not None else "")
    p.block(node.span, head, lambda: p.nodes(node.bands))


def _grade_band(p: Printer, node: n.GradeBand) -> None:
    s, e = node.span.start, node.span.end
    excluded = p.word(s, e, ("EXCLUDED",), "（不含）")
    # the edges' unit: 90 分, 95%, 3 件 (§22.1)
    unit = p.word(s, e, ("PERCENT_SIGN",), "%") + " " if node.unit == "%" else f" {node.unit}"
    if node.form == "above" and node.low is not None:
        edges = f"{p.num(node.low, s, e, 0)}{unit}以上" + (excluded if node.low_open else "")
    elif node.form == "below" and node.high is not None:
        edges = f"{p.num(node.high, s, e, 0)}{unit}以下" + (excluded if node.high_open else "")
    else:
        low, high = node.low or Decimal(0), node.high or Decimal(0)
        edges = (f"{p.num(low, s, e, 0)}{unit}至 {p.num(high, s, e, 1)}{unit.rstrip()}"
                 + (excluded if node.high_open else ""))
    p.stmt(node.span, f"{p.text(node.name)} {edges}")


STATEMENTS: dict[type, Callable[[Printer, Any], None]] = {
    n.Policy: _policy, n.Header: _header, n.TotalBounds: _total_bounds, n.EntitiesDecl: _entities,
    n.GroupDecl: _group, n.WeightsDecl: _weights, n.WeightDecl: _weight, n.FactsBlock: _facts, n.FactDecl: _fact,
    n.Task: _task, n.Lead: _lead, n.Section: _section, n.Item: _item, n.Part: _part, n.Occasions: _occasions,
    n.DerivedBlock: _derived_block, n.DerivedDecl: _derived,
    n.Rule: _rule, n.Article: _article, n.SetCap: _set_cap, n.ScaleDecl: _scale, n.BaseScore: _base,
    n.TasksSummed: _summed, n.Awards: _awards, n.Tier: _tier,
    n.Grades: _grades, n.GradeBand: _grade_band,
    **OUTPUT_STATEMENTS,  # 输出 { … }: printer_outputs.py
    **AWARD_STATEMENTS,  # 名额 { … } and the awards block's §23 statements: printer_awards.py
}
INLINE.update(OUTPUT_INLINE)
