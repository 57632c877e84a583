"""Lark tree → syntax nodes: the only place a lark Tree or Token is turned into our own values."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from lark import Token, Tree
from lark.tree import Meta

from .. import messages as msg
from ..diagnostics import Diagnostic, Diagnostics
from ..numbers import chinese_numeral, parse_decimal
from ..span import Span
from . import nodes as n
from .from_lark_awards import AWARD_BUILDERS
from .from_lark_cohort import COHORT_BUILDERS
from .from_lark_facts import FACT_BUILDERS
from .from_lark_grades import GRADE_BUILDERS
from .from_lark_incidents import INCIDENT_BUILDERS
from .from_lark_outcomes import OUTCOME_BUILDERS
from .from_lark_outputs import OUTPUT_BUILDERS
from .from_lark_rules import RULE_BUILDERS
from .from_lark_scales import ENTERS, SCALE_BUILDERS
from .from_lark_support import _all, _condition, _first, _tagged
from .from_lark_values import VALUE_BUILDERS

# A rule's children are the values its sub-rules' methods built and its kept tokens: which
# ones, in which order, the grammar fixes, not the type checker; each method reads them so.
Children = list[Any]
# An option of a declaration, ("unit", Text), ("default", literal)…: the rule that collects
# it reads the value by its tag.
Tagged = tuple[str, Any]


class _Positions:
    """Turns lark positions into Spans for one file."""

    def __init__(self, file: str):
        self.file = file

    def of_meta(self, meta: Meta) -> Span:
        if getattr(meta, "empty", True):
            return Span.unknown(self.file)
        return Span(self.file, meta.line, meta.column, meta.end_line, meta.end_column,
                    meta.start_pos, meta.end_pos)

    def of_token(self, tok: Token) -> Span:
        line, column, end_line, end_column = tok.line, tok.column, tok.end_line, tok.end_column
        start, end = tok.start_pos, tok.end_pos
        # lark types them optional; the lexer sets every position of a token it made
        assert line is not None and column is not None and end_line is not None and end_column is not None
        assert start is not None and end is not None
        return Span(self.file, line, column, end_line, end_column, start, end)


# Limits on what a policy may write, checked here so later stages never meet a number or a
# nesting they cannot handle (docs/language.md 2.5 and 9): a number below 10^9 (a budget of
# 999999999 元 still fits; Decimal's 28 digits then hold any score at any allowed places), and
# conditions nested at most MAX_CONDITION_DEPTH deep (parentheses and 非 together).
MAX_NUMBER = Decimal(10) ** 9
MAX_CONDITION_DEPTH = 32
# the grammar's only recursion: 非, ( … ), a minus sign and a function's parentheses (a run of
# + or × is one flat node, however long)
_NESTING = frozenset({"negation", "atom", "negate", "call", "cohort_count", "record_count"})


def _dec(tok: Token) -> Decimal:
    return parse_decimal(str(tok).replace("．", "."))


def _tokens(children: Iterable[object], type_: str) -> list[Token]:
    return [c for c in children if isinstance(c, Token) and c.type == type_]


class ToSyntax:
    """One method per grammar rule, ``rule(meta, children)``, applied bottom-up; it never
    raises for semantic problems.

    A plain walk rather than ``lark.Transformer`` with ``v_args(meta=True)``: that decorator
    builds a wrapper object on every method lookup, which was a third of the time to read
    policies/2017.score (benchmarks/bench_evaluate.py).
    """

    def __init__(self, file: str, text: str, collector: Diagnostics | None = None):
        self.pos = _Positions(file)
        self.file = file
        self.text = text
        # literals that cannot be read (第十十项, a number of 10^9 or more) are reported here,
        # located at their token; the tree is then not used
        self.collector = collector if collector is not None else Diagnostics()
        self._tokens = {"NAME": self.NAME, "STRING": self.STRING}

    def transform(self, tree: Tree[Token]) -> Any:  # the node the tree's rule builds
        tokens = self._tokens
        children = [
            self.transform(child) if isinstance(child, Tree)
            else (tokens[child.type](child) if child.type in tokens else child)
            for child in tree.children
        ]
        build = BUILDERS.get(tree.data)
        if build is None:  # a grammar rule added without its method: reported, never a traceback
            raise UnbuiltRule(str(tree.data), self.pos.of_meta(tree.meta))
        return build(self, tree.meta, children)

    # tokens -------------------------------------------------------------
    def _number(self, tok: Token) -> Decimal:
        """A NUMBER token's value; one of 10^9 or more is reported (SL004) and read as 0."""
        value = _dec(tok)
        if abs(value) >= MAX_NUMBER:
            self.collector.add(msg.NUMBER_TOO_LARGE.at(self.pos.of_token(tok), number=str(tok)))
            return Decimal(0)
        return value

    def _numeral(self, tok: Token) -> int:
        """A task or item number (二, 十二, 12): a whole number from 1, else SL002 at the token."""
        text = str(tok)
        try:
            value = chinese_numeral(text)
        except ValueError:
            value = None
        if value is None or value < 1 or value >= MAX_NUMBER:
            self.collector.add(msg.NOT_A_NUMERAL.at(self.pos.of_token(tok), text=text))
            return 0
        return value

    def NAME(self, tok: Token) -> n.Name:
        return n.Name(str(tok)[1:-1].strip(), span=self.pos.of_token(tok))

    def STRING(self, tok: Token) -> n.Text:
        return n.Text(str(tok)[1:-1], span=self.pos.of_token(tok))

    # header -------------------------------------------------------------
    def start(self, meta: Meta, children: Children) -> n.Policy:
        return n.Policy(
            self.file,
            headers=_all(children, n.Header),
            entities=_all(children, n.EntitiesDecl),
            groups=_all(children, n.GroupDecl),
            weights=_all(children, n.WeightsDecl),
            facts=_all(children, n.FactsBlock),
            tasks=_all(children, n.Task),
            articles=_all(children, n.Article),
            awards=_all(children, n.Awards),
            span=self.pos.of_meta(meta),
            derived=_all(children, n.DerivedBlock),
            grades=_all(children, n.Grades),
            outputs=_all(children, n.Outputs),
            quotas=_all(children, n.Quotas),
        )

    def header(self, meta: Meta, children: Children) -> n.Header:
        title = children[0]
        doc = _tagged(children, "doc")
        written = _tagged(children, "period")
        period, period_span = ((written[0], written[1]), written[2]) if written else (None, None)
        rounding = _tagged(children, "rounding")
        places, points, places_span, rounding_span = rounding if rounding else (None, (), None, None)
        floor = _tagged(children, "floor")
        total = next((c for c in children if isinstance(c, n.TotalBounds)), None)
        return n.Header(title, doc, period, places, points, span=self.pos.of_meta(meta), places_span=places_span,
                        floor=floor, total=total, scales=_all(children, n.ScaleDecl),
                        summed=_all(children, n.TasksSummed), bases=_all(children, n.BaseScore),
                        period_span=period_span, rounding_span=rounding_span)

    def total_floor(self, meta: Meta, children: Children) -> Tagged:
        return ("floor", self._cite(meta, children))

    def cite(self, meta: Meta, children: Children) -> Tagged:
        return ("cite", children[0])

    def shown(self, meta: Meta, children: Children) -> Tagged:
        return ("shown", children[0])

    def _cite(self, meta: Meta, children: Children) -> n.Cite:
        clause = _tagged(children, "cite")
        shown = _tagged(children, "shown")
        return n.Cite(clause, shown, span=self.pos.of_meta(meta))

    def total_bounds(self, meta: Meta, children: Children) -> n.TotalBounds:
        clause = _tagged(children, "cite")
        return n.TotalBounds(_all(children, n.Bound), clause, span=self.pos.of_meta(meta))

    def upper_bound(self, meta: Meta, children: Children) -> n.Bound:
        return n.Bound("upper", self._number(_tokens(children, "NUMBER")[0]), span=self.pos.of_meta(meta))

    def lower_bound(self, meta: Meta, children: Children) -> n.Bound:
        return n.Bound("lower", self._number(_tokens(children, "NUMBER")[0]), span=self.pos.of_meta(meta))

    def rule_cap(self, meta: Meta, children: Children) -> n.Cap:
        verb = str(_tokens(children, "RULE_CAP")[0])[-1]
        return n.Cap("扣" if verb == "减" else verb, self._number(_tokens(children, "NUMBER")[0]),
                     span=self.pos.of_meta(meta))

    def set_cap(self, meta: Meta, children: Children) -> n.SetCap:
        verb = str(_tokens(children, "SET_CAP")[0])[0]
        return n.SetCap(verb, self._number(_tokens(children, "NUMBER")[0]), span=self.pos.of_meta(meta))

    def doc_number(self, meta: Meta, children: Children) -> Tagged:
        return ("doc", children[0])

    def period(self, meta: Meta, children: Children) -> Tagged:
        dates = _tokens(children, "DATE")
        return ("period", (str(dates[0]), str(dates[1]), self.pos.of_meta(meta)))

    def rounding(self, meta: Meta, children: Children) -> Tagged:
        token = _tokens(children, "NUMBER")[0]
        points = next((c for c in children if isinstance(c, tuple)), ())
        return ("rounding", (self._number(token), points, self.pos.of_token(token), self.pos.of_meta(meta)))

    def round_points(self, meta: Meta, children: Children) -> tuple[str, ...]:
        return tuple(str(t) for t in children)

    def entities(self, meta: Meta, children: Children) -> n.EntitiesDecl:
        # no names after the kind: 由事实文件列出 (the keyword itself is not kept)
        return n.EntitiesDecl(children[0], tuple(children[1:]), from_facts=len(children) == 1,
                              span=self.pos.of_meta(meta))

    def group(self, meta: Meta, children: Children) -> n.GroupDecl:
        if len(children) == 4 and isinstance(children[2], Token):  # 凡「类别」为 "藏区"
            return n.GroupDecl(children[0], (), fact=children[1], op=str(children[2]), value=children[3],
                               span=self.pos.of_meta(meta))
        return n.GroupDecl(children[0], tuple(children[1:]), span=self.pos.of_meta(meta))

    def weights(self, meta: Meta, children: Children) -> n.WeightsDecl:
        return n.WeightsDecl(tuple(children), span=self.pos.of_meta(meta))

    def weight(self, meta: Meta, children: Children) -> n.WeightDecl:
        number = children[0]
        group = _first(children[1:], n.Name)
        return n.WeightDecl(number, group, _all(children, n.WeightPart), bool(_tokens(children, "ASSUMED")),
                            span=self.pos.of_meta(meta))

    def weight_part(self, meta: Meta, children: Children) -> n.WeightPart:
        ranges: list[tuple[int, int]] = children[0] if isinstance(children[0], list) else []
        first, last = ranges[0] if ranges else (None, None)
        return n.WeightPart(first, last, children[-1], span=self.pos.of_meta(meta), more=tuple(ranges[1:]))

    def item_scope(self, meta: Meta, children: Children) -> list[tuple[int, int]]:
        return [c for c in children if isinstance(c, tuple)]

    def item_range(self, meta: Meta, children: Children) -> tuple[int, int]:
        numbers = [c for c in children if isinstance(c, int)]
        return (numbers[0], numbers[-1])

    def task_number(self, meta: Meta, children: Children) -> int:
        return self._numeral(children[0])

    item_number = task_number

    def percent(self, meta: Meta, children: Children) -> Decimal:
        return self._number(children[0])

    # facts --------------------------------------------------------------
    def number_literal(self, meta: Meta, children: Children) -> n.NumberLit:
        return n.NumberLit(self._number(children[0]), span=self.pos.of_meta(meta))

    def percent_literal(self, meta: Meta, children: Children) -> n.PercentLit:
        return n.PercentLit(children[0], span=self.pos.of_meta(meta))

    def string_literal(self, meta: Meta, children: Children) -> n.StringLit:
        return n.StringLit(children[0].text, span=self.pos.of_meta(meta))

    def yes_literal(self, meta: Meta, children: Children) -> n.FlagLit:
        return n.FlagLit(True, span=self.pos.of_meta(meta))

    def no_literal(self, meta: Meta, children: Children) -> n.FlagLit:
        return n.FlagLit(False, span=self.pos.of_meta(meta))

    def none_literal(self, meta: Meta, children: Children) -> n.NoneLit:
        return n.NoneLit(span=self.pos.of_meta(meta))

    # tasks --------------------------------------------------------------
    def task(self, meta: Meta, children: Children) -> n.Task:
        number, name = children[0], children[1]
        return n.Task(
            number, name,
            leads=_all(children, n.Lead), facts=_all(children, n.FactsBlock),
            sections=_all(children, n.Section), span=self.pos.of_meta(meta),
            derived=_all(children, n.DerivedBlock),
            scales=_all(children, n.ScaleDecl), bases=_all(children, n.BaseScore), caps=_all(children, n.SetCap),
        )

    def lead(self, meta: Meta, children: Children) -> n.Lead:
        contact = next((c for c in children[1:] if isinstance(c, tuple)), (None, None))
        return n.Lead(children[0], contact[0], contact[1], span=self.pos.of_meta(meta))

    def contact(self, meta: Meta, children: Children) -> tuple[n.Name, n.Text | None]:
        return (children[0], children[1] if len(children) > 1 else None)

    def points(self, meta: Meta, children: Children) -> Decimal:
        return self._number(children[0])

    def section(self, meta: Meta, children: Children) -> n.Section:
        enters = _tokens(children, "ENTERS")
        return n.Section(children[0], children[1], _all(children, n.Item), span=self.pos.of_meta(meta),
                         enters=ENTERS[str(enters[0])] if enters else None, caps=_all(children, n.SetCap))

    def source(self, meta: Meta, children: Children) -> Tagged:
        return ("source", children[0])

    def item(self, meta: Meta, children: Children) -> n.Item:
        number = children[0]
        rest = children[1:]
        deduction_only = bool(_tokens(rest, "DEDUCTION_ONLY"))
        rest = [c for c in rest if not (isinstance(c, Token) and c.type == "DEDUCTION_ONLY")]
        title, points = rest[0], rest[1]
        body = rest[2:]
        number_span = self.pos.of_meta(meta)
        return n.Item(
            number, deduction_only, title, points,
            sources=tuple(c[1] for c in body if isinstance(c, tuple) and c[0] == "source"),
            rules=_all(body, n.Rule), parts=_all(body, n.Part), occasions=_all(body, n.Occasions),
            span=self.pos.of_meta(meta), number_span=number_span,
        )

    def part(self, meta: Meta, children: Children) -> n.Part:
        return n.Part(
            children[0], children[1],
            sources=tuple(c[1] for c in children[2:] if isinstance(c, tuple)),
            rules=_all(children, n.Rule), span=self.pos.of_meta(meta),
        )

    def occasions(self, meta: Meta, children: Children) -> n.Occasions:
        return n.Occasions(
            self._number(children[0]), children[1],
            sources=tuple(c[1] for c in children[2:] if isinstance(c, tuple)),
            rules=_all(children, n.Rule), span=self.pos.of_meta(meta), count_span=self.pos.of_token(children[0]),
        )

    # rules --------------------------------------------------------------
    def rule(self, meta: Meta, children: Children) -> n.Rule:
        quote = children[0] if isinstance(children[0], n.Text) else None
        body = children[1] if quote is not None else children[0]
        condition = None
        if isinstance(body, tuple):  # conditional: 若 … then the rule
            start, condition, body = body
        else:
            start = body.span.start
        floor = bool(_tokens(children, "FLOOR"))
        cap = next((c for c in children if isinstance(c, n.Cap)), None)
        span = self.pos.of_meta(meta)
        return n.Rule(quote, body, floor, self.text[start:span.end].strip(), condition, span=span, cap=cap,
                      stacked=bool(_tokens(children, "STACKED")))

    def conditional(self, meta: Meta, children: Children) -> tuple[int, n.Condition, n.RuleBody]:
        """若 … then a rule: (where the rule's text starts, the condition, the rule body)."""
        return (self.pos.of_meta(meta).start, _condition(children[0]), children[1])

    # articles and awards --------------------------------------------------
    def article(self, meta: Meta, children: Children) -> n.Article:
        number, title = str(children[0]), children[1]
        return n.Article(
            number, title,
            sources=tuple(c[1] for c in children[2:] if isinstance(c, tuple) and c[0] == "source"),
            facts=_all(children, n.FactsBlock), rules=_all(children, n.Rule), span=self.pos.of_meta(meta),
            caps=_all(children, n.SetCap))

    def awards(self, meta: Meta, children: Children) -> n.Awards:
        single = _tagged(children, "single")
        previous = _tagged(children, "previous")
        cite = _tagged(children, "cite")
        decider = _tagged(children, "decider")
        return n.Awards(_all(children, n.Tier), single[0] if single else None, previous[0] if previous else None,
                        span=self.pos.of_meta(meta), cite=cite, decider=decider,
                        previous_cite=previous[1] if previous else None, single_span=single[1] if single else None,
                        count_tiers=_all(children, n.CountTier), singles=_all(children, n.SingleTasks),
                        floors=_all(children, n.AwardFloor))

    def decider(self, meta: Meta, children: Children) -> Tagged:
        return ("decider", children[0])

    def single_award(self, meta: Meta, children: Children) -> tuple[str, tuple[int, Span]]:
        return ("single", (int(self._number(children[0])), self.pos.of_meta(meta)))

    def previous_last(self, meta: Meta, children: Children) -> Tagged:
        return ("previous", (children[0], self._cite(meta, children[1:])))

    def comparison(self, meta: Meta, children: Children) -> n.Comparison | n.FactComparison | n.ExprComparison:
        left, op, right = children[0], str(children[1]), children[2]
        span = self.pos.of_meta(meta)
        # the forms that existed before expressions keep their nodes (and their model)
        if isinstance(left, n.Name) and isinstance(right, n.Name):
            return n.FactComparison(left, op, right, span=span)
        if isinstance(left, n.Name) and isinstance(right, (n.NumberLit, n.PercentLit, n.StringLit, n.FlagLit,
                                                             n.NoneLit)):
            return n.Comparison(left, op, right, span=span)
        return n.ExprComparison(left, op, right, span=span)

    def negation(self, meta: Meta, children: Children) -> n.Not:
        return n.Not(_condition(children[0]), span=self.pos.of_meta(meta))

    def and_cond(self, meta: Meta, children: Children) -> n.And:
        return n.And(tuple(_condition(c) for c in children), span=self.pos.of_meta(meta))

    def or_cond(self, meta: Meta, children: Children) -> n.Or:
        return n.Or(tuple(_condition(c) for c in children), span=self.pos.of_meta(meta))

    def atom(self, meta: Meta, children: Children) -> Any:
        # LPAREN condition RPAREN: a condition or a value, as its place decides
        inner = [c for c in children if not isinstance(c, Token)]
        return inner[0]

    # expressions --------------------------------------------------------
    def arithmetic(self, meta: Meta, children: Children) -> n.Arithmetic:
        first, rest = children[0], list[tuple[str, Any]]()
        for i in range(1, len(children), 2):
            tok = children[i]
            op = _OPERATORS[str(tok)]
            if op == "-" and _SOFT.search(self.text[_end(children[i - 1]):tok.start_pos]):
                # 最大（「a」，-1）: the comma is ignored, so this would read 「a」 − 1
                self.collector.add(msg.MINUS_AFTER_COMMA.at(self.pos.of_token(tok)))
            rest.append((op, children[i + 1]))
        return n.Arithmetic(first, tuple(rest), span=self.pos.of_meta(meta))

    def negate(self, meta: Meta, children: Children) -> n.NumberLit | n.PercentLit | n.Negate:
        operand = children[1]
        span = self.pos.of_meta(meta)
        if isinstance(operand, n.NumberLit):
            return n.NumberLit(-operand.value, span=span)
        if isinstance(operand, n.PercentLit):
            return n.PercentLit(-operand.value, span=span)
        return n.Negate(operand, span=span)

    def negative_literal(self, meta: Meta, children: Children) -> n.NumberLit:
        return n.NumberLit(-self._number(children[1]), span=self.pos.of_meta(meta))

    def negative_percent_literal(self, meta: Meta, children: Children) -> n.PercentLit:
        return n.PercentLit(-children[1], span=self.pos.of_meta(meta))

    def call(self, meta: Meta, children: Children) -> n.Call:
        function = _FUNCTIONS[str(children[0])]
        args = tuple(c for c in children[1:] if not isinstance(c, Token))
        return n.Call(function, args, span=self.pos.of_meta(meta))

    def guarded(self, meta: Meta, children: Children) -> n.Guarded:
        return n.Guarded(children[0], children[2], span=self.pos.of_meta(meta))


_OPERATORS = {"+": "+", "＋": "+", "-": "-", "－": "-", "−": "-", "×": "*", "*": "*", "＊": "*",
              "÷": "/", "/": "/", "／": "/"}
_FUNCTIONS = {"最大": "max", "最小": "min", "绝对值": "abs"}
_SOFT = re.compile(r"[，,、；;]")


def _end(node: Any) -> int:
    """Where a built node (or a token) ends in the text."""
    if isinstance(node, Token):
        assert node.end_pos is not None  # the lexer sets every position of a token it made
        return node.end_pos
    end: int = node.span.end
    return end


def too_deep(tree: Tree[Token], file: str) -> list[Diagnostic]:
    """SL003 for each condition nested deeper than MAX_CONDITION_DEPTH (parentheses and 非
    together), at the construct that goes one level too deep. An explicit stack, not
    recursion: this runs before anything walks the tree recursively."""
    positions = _Positions(file)
    found: list[Diagnostic] = []
    stack = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if node.data in _NESTING:
            depth += 1
            if depth > MAX_CONDITION_DEPTH:
                found.append(msg.CONDITION_TOO_DEEP.at(positions.of_meta(node.meta), limit=MAX_CONDITION_DEPTH))
                continue
        stack.extend((child, depth) for child in reversed(node.children) if isinstance(child, Tree))
    return found


#: grammar rule (or alias) → the ToSyntax method that builds its node; a test checks that
#: every rule of the grammar that can appear in a tree has one (the helpers ``_number`` and
#: ``_numeral`` are not builders)
BUILDERS: dict[str, Callable[[ToSyntax, Meta, Children], Any]] = {
    name: method for name, method in vars(ToSyntax).items()
    if callable(method) and name[:1].islower() and name != "transform"
}
BUILDERS.update(FACT_BUILDERS)  # 事实 { … }: fact declarations, their types and raters: syntax/from_lark_facts.py
BUILDERS.update(RULE_BUILDERS)  # rule bodies (每…扣, 若…, ladders, tables, award effects): syntax/from_lark_rules.py
BUILDERS.update(COHORT_BUILDERS)  # cohort values (§9.6), built in their own module
BUILDERS.update(VALUE_BUILDERS)  # 计算 { … }, 个百分点, a ladder's computed target: syntax/from_lark_values.py
BUILDERS.update(SCALE_BUILDERS)  # 满分, 基础分, 本部分/本任务 caps: syntax/from_lark_scales.py
BUILDERS.update(GRADE_BUILDERS)  # 等次 { "优秀" 90 分以上 … }: syntax/from_lark_grades.py
BUILDERS.update(INCIDENT_BUILDERS)  # 日期/项号 fields, 每起 … 首次扣, 个数（「x」 中 …）: from_lark_incidents.py
BUILDERS.update(OUTCOME_BUILDERS)  # 直接评定为 "不合格", 取消评优资格 …: syntax/from_lark_outcomes.py
BUILDERS.update(AWARD_BUILDERS)  # 名额 { … }, 综合奖 … N 名 / 每组, 单项奖 目标任务…: syntax/from_lark_awards.py
BUILDERS.update(OUTPUT_BUILDERS)  # 输出 { 「奖金」 = … 元 / 按 等次 { … } }: syntax/from_lark_outputs.py


class UnbuiltRule(Exception):
    """The grammar accepted a rule that ToSyntax has no method for (a bug in scorelang)."""

    def __init__(self, rule: str, span: Span) -> None:
        super().__init__(rule)
        self.rule, self.span = rule, span


def to_syntax(tree: Tree[Token], file: str, text: str, collector: Diagnostics) -> n.Policy | None:
    """The syntax tree of a parsed file, or None when a literal cannot be read, a condition
    is nested too deeply, or a grammar rule has no builder (each reported, located, to
    ``collector``)."""
    deep = too_deep(tree, file)
    if deep:
        collector.extend(deep)
        return None
    before = len(collector.errors)
    try:
        policy = ToSyntax(file, text, collector).transform(tree)
    except UnbuiltRule as gap:
        collector.add(msg.UNBUILT_RULE.at(gap.span, rule=gap.rule))
        return None
    return policy if len(collector.errors) == before else None
